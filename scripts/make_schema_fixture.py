"""Write ``tests/fixtures/schema_<head>/``: the demo office at the current schema head.

Run once per release that adds a migration (``python scripts/make_schema_fixture.py``);
the folder must not change afterwards. Hashes are cheap (the test upgrades them on
sign-in) and the audit key is a test-only key written beside the database.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from newmedia_desk.context import build_context
from newmedia_desk.security.passwords import HashParameters, PasswordHashing
from newmedia_desk.security.secrets import MemorySecretStore
from newmedia_desk.services.demo import seed_demo
from newmedia_desk.storage.backup import backup_sqlite
from newmedia_desk.storage.migrate import SCHEMA_HEAD

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    """Build the fixture folder; refuse to overwrite an existing one."""
    target = ROOT / "tests" / "fixtures" / f"schema_{SCHEMA_HEAD}"
    if target.exists():
        print(f"{target} exists; fixtures of released schemas are never rewritten")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        db_file = Path(tmp) / "demo.sqlite3"
        cheap = PasswordHashing(HashParameters(time_cost=1, memory_kib=1024, parallelism=1))
        ctx = build_context(
            str(db_file), secrets=MemorySecretStore(), hashing=cheap, data_dir=Path(tmp)
        )
        try:
            seed_demo(ctx)
            admin = ctx.auth.sign_in("admin", "demo")
            key = ctx.maintenance.export_audit_key(admin)
            target.mkdir(parents=True)
            backup_sqlite(ctx.db, target / "demo.sqlite3")
            (target / "audit.key").write_text(key, encoding="ascii")
        finally:
            ctx.close()
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
