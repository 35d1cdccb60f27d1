"""Setting a database up, checking it, backing it up and restoring it."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from newmedia_desk.domain.audit import AuditHead, ChainReport, verify_chain
from newmedia_desk.domain.clock import SystemClock
from newmedia_desk.domain.errors import AuditKeyError, StorageError, ValidationError
from newmedia_desk.domain.passwords import validate_new_password
from newmedia_desk.domain.roles import Permission, Role
from newmedia_desk.domain.staff import Principal, StaffDraft, StaffRecord, validate_staff
from newmedia_desk.security.audit_key import AuditKeyStore, decode_key_text
from newmedia_desk.security.passwords import PasswordHashing
from newmedia_desk.services.audit import AuditService
from newmedia_desk.services.common import require
from newmedia_desk.services.directory import DirectoryService, _staff_snapshot
from newmedia_desk.services.keys import KeyService
from newmedia_desk.storage.backup import (
    backup_sqlite,
    copy_sqlite_file,
    integrity_problems,
    restore_sqlite_file,
)
from newmedia_desk.storage.database import Database
from newmedia_desk.storage.migrate import ensure_schema
from newmedia_desk.storage.models import Unit
from newmedia_desk.storage.repositories import (
    AuditRepository,
    StaffRepository,
    UnitRepository,
    staff_record,
)

DEFAULT_ROOT_UNIT = "本单位"


@dataclass(frozen=True, slots=True)
class VerifyReport:
    """What ``verify`` found."""

    integrity: list[str]
    chain: ChainReport
    key_location: str

    @property
    def ok(self) -> bool:
        """Whether the file is sound and the log unbroken."""
        return not self.integrity and self.chain.ok


class MaintenanceService:
    """Init, verify, backup and restore."""

    def __init__(
        self,
        db: Database,
        hashing: PasswordHashing,
        audit: AuditService,
        directory: DirectoryService,
        keys: AuditKeyStore,
        personal_keys: KeyService | None = None,
    ) -> None:
        self._db = db
        self._hashing = hashing
        self._audit = audit
        self._directory = directory
        self._keys = keys
        self._personal_keys = personal_keys

    def create_first_admin(
        self, *, login: str, name: str, password: str, unit_name: str = DEFAULT_ROOT_UNIT
    ) -> StaffRecord:
        """Create the top unit and the first administrator of a new database."""
        validate_new_password(password)
        clean = validate_staff(
            StaffDraft(login=login, name=name, unit_id=0, roles=frozenset({Role.ADMIN}))
        )
        password_hash = self._hashing.hash(password)
        with self._db.write() as s:
            if StaffRepository(s).count() > 0:
                raise ValidationError(
                    "this database already has staff; sign in as an administrator instead",
                    field="login",
                )
            units = UnitRepository(s)
            root = next((u for u in units.all() if u.parent_id is None), None)
            if root is None:
                root = Unit(name=unit_name.strip() or DEFAULT_ROOT_UNIT, parent_id=None)
                s.add(root)
                s.flush()
                self._audit.append(
                    s, None, "unit_created", "unit", root.id, after={"name": root.name}
                )
            draft = StaffDraft(
                login=clean.login, name=clean.name, unit_id=root.id, roles=clean.roles
            )
            row = self._directory.insert_staff(s, draft, password_hash, must_change=False)
            if self._personal_keys is not None:
                self._personal_keys.create(s, row.id, password)
            self._audit.append(
                s, None, "staff_created", "staff", row.id, after=_staff_snapshot(row)
            )
            return staff_record(row)

    def verify(self) -> VerifyReport:
        """SQLite's integrity check and the whole audit chain."""
        integrity = self._db.integrity_check()
        try:
            chain = self._audit.verify()
        except SQLAlchemyError as exc:
            if not integrity:
                raise
            # The damaged file could not even be read far enough to check the log.
            chain = ChainReport(0, None, 1, f"the log cannot be read: {exc}")
        return VerifyReport(integrity, chain, self._audit.key_location())

    def export_audit_key(self, actor: Principal) -> str:
        """The audit key as text, for a second PC sharing this database; audited."""
        require(actor, Permission.MANAGE_SETTINGS)
        db_id = self._audit.database_id()
        if db_id is None:
            raise StorageError("this database has no audit key yet")
        text = self._keys.export_text(db_id)
        with self._db.write() as s:
            self._audit.append(s, actor, "audit_key_exported", "database", db_id)
        return text

    def import_audit_key(self, text: str) -> int:
        """Install an exported key after proving it seals this database's whole log."""
        db_id = self._audit.database_id()
        if db_id is None:
            raise StorageError("this database has no audit log to import a key for")
        key = decode_key_text(text)
        with self._db.read() as s:
            report = verify_chain(key, AuditRepository(s).stream())
        if not report.ok:
            raise AuditKeyError(
                f"this key does not match the database's audit log (entry {report.first_bad_seq})"
            )
        self._keys.install(db_id, key)
        return report.entries

    def backup(self, target: Path) -> tuple[Path, AuditHead | None]:
        """Write a checked copy of the database; return it with the log head it contains."""
        path = backup_sqlite(self._db, target)
        return path, self._audit.head()

    def restore(self, actor: Principal | None, source: Path) -> VerifyReport:
        """Replace the database with a backup, after checking the backup thoroughly.

        ``actor`` must be an administrator, unless the current database has no staff yet
        (restoring onto a new PC). The current file is saved beside itself first.
        """
        if self._db.path is None:
            raise StorageError("restore works on SQLite files; use pg_restore for PostgreSQL")
        if self._directory.has_staff():
            require(actor, Permission.RESTORE)
        source = source.expanduser().resolve()
        problems = integrity_problems(source)
        if problems:
            raise StorageError("the backup is damaged: " + "; ".join(problems))
        with tempfile.TemporaryDirectory() as tmp:
            # Check a private copy: the backup itself is never opened for writing.
            probe_path = copy_sqlite_file(source, Path(tmp) / "probe.sqlite3")
            probe = Database(f"sqlite+pysqlite:///{probe_path}")
            try:
                probe_audit = AuditService(probe, self._keys, SystemClock(), anchor_dir=None)
                report = probe_audit.verify()
            finally:
                probe.dispose()
        if not report.ok:
            raise StorageError(
                f"the backup's audit log is broken at entry {report.first_bad_seq}: "
                + report.problem
            )
        if self._db.path.exists():
            safety = self._db.path.with_name(
                self._db.path.stem + "-before-restore" + self._db.path.suffix
            )
            backup_sqlite(self._db, safety)
        restore_sqlite_file(source, self._db)
        ensure_schema(self._db)
        # The restored log may legitimately end before what this PC saw: start afresh.
        self._audit.forget_identity(reset_anchor=True)
        with self._db.write() as s:
            self._audit.append(
                s, actor, "database_restored", "database", "-", after={"from": source.name}
            )
        return self.verify()
