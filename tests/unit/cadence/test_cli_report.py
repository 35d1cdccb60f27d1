"""``newmedia-desk report cadence``: the table and the JSON, read-only, without sign-in."""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from newmedia_desk.cli import ContextFactory, main
from newmedia_desk.context import AppContext, build_context
from newmedia_desk.domain.accounts import AccountDraft
from newmedia_desk.domain.clock import FixedClock
from newmedia_desk.security.passwords import HashParameters, PasswordHashing
from newmedia_desk.security.secrets import MemorySecretStore
from newmedia_desk.storage.post_models import Publication

CST = timezone(timedelta(hours=8))
NOW = datetime(2026, 3, 18, 10, tzinfo=CST)  # Wednesday


def at(d: int, h: int, mi: int = 0) -> datetime:
    return datetime(2026, 3, d, h, mi, tzinfo=CST).astimezone(UTC)


@pytest.fixture
def factory(tmp_path: Path) -> ContextFactory:
    secrets = MemorySecretStore()
    hashing = PasswordHashing(HashParameters(time_cost=1, memory_kib=1024, parallelism=1))

    def make(db: str | None) -> AppContext:
        return build_context(
            db,
            secrets=secrets,
            hashing=hashing,
            data_dir=tmp_path / "data",
            clock=FixedClock(NOW),
        )

    return make


def run(factory: ContextFactory, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), context_factory=factory, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def db(tmp_path: Path, factory: ContextFactory) -> str:
    path = str(tmp_path / "office.sqlite3")
    ctx = factory(path)
    try:
        ctx.maintenance.create_first_admin(login="admin", name="周文", password="admin-pass-1")
        admin = ctx.auth.sign_in("admin", "admin-pass-1")
        platforms = {p.name: p.id for p in ctx.accounts.list_platforms(admin)}

        def account(platform: str, name: str, cadence: str) -> int:
            draft = AccountDraft(
                platform_id=platforms[platform],
                name=name,
                unit_id=admin.unit_id,
                administrator_id=admin.staff_id,
                responsible_id=admin.staff_id,
                cadence_text=cadence,
            )
            return ctx.accounts.register_existing(admin, draft, "已开设").id

        weibo = account("微博", "江城气象", "每天07:30发布天气预报；按领导要求安排")
        website = account("网站", "江城市气象局", "每周至少1次")
        # Rules the office has kept since 1 March (the report is read on the 18th).
        ctx.cadence.rules_from_account_texts(admin, effective_from=date(2026, 3, 1))
        with ctx.db.write() as s:
            for when in (at(16, 7, 40), at(17, 8, 30), at(2, 9)):
                account_id = website if when.day == 2 else weibo
                s.add(
                    Publication(
                        account_id=account_id,
                        published_at=when,
                        imported=True,
                        recorded_at=when,
                        recorded_by=admin.staff_id,
                    )
                )
    finally:
        ctx.close()
    return path


def test_report_as_json(factory: ContextFactory, db: str) -> None:
    code, out, err = run(
        factory, "report", "cadence", "--db", db, "--from", "2026-03-16", "--to", "2026-03-17"
    )
    assert code == 0, err
    code, out, err = run(
        factory,
        "report",
        "cadence",
        "--from",
        "2026-03-16",
        "--to",
        "2026-03-17",
        "--json",
        "--db",
        db,
    )
    assert code == 0, err
    rows = {r["name"]: r for r in json.loads(out)}
    weibo = rows["江城气象"]
    assert {k: weibo[k] for k in ("expected", "published", "on_time", "missed")} == {
        "expected": 2,
        "published": 2,
        "on_time": 1,
        "missed": 1,
    }
    assert weibo["misses"] == [
        {"day": "2026-03-17", "rule": "每天07:30发布天气预报", "wanted": "07:30", "got": 0}
    ]
    assert (weibo["days_since_last"], weibo["silence"], weibo["flagged"]) == (1, "ok", True)
    site = rows["江城市气象局"]
    assert (site["published"], site["longest_gap_days"], site["days_since_last"]) == (0, 2, 16)
    assert (site["silence"], site["warning_days"], site["platform"]) == ("red", None, "网站")


def test_report_as_table(factory: ContextFactory, db: str) -> None:
    code, out, err = run(
        factory, "report", "cadence", "--db", db, "--from", "2026-03-01", "--to", "2026-03-15"
    )
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "cadence 2026-03-01–2026-03-15"
    assert lines[1].split("\t")[:3] == ["id", "platform", "name"]
    body = [line.split("\t") for line in lines[2:]]
    # Weibo: no post in 1–15 March (its posts are on the 16th and 17th); website: one.
    assert [row[1:] for row in body] == [
        ["微博", "江城气象", "15", "0", "0", "15", "15", "1", "ok"],
        ["网站", "江城市气象局", "2", "1", "0", "1", "13", "16", "red"],
    ]


def test_report_needs_good_dates(factory: ContextFactory, db: str) -> None:
    code, _, err = run(factory, "report", "cadence", "--db", db, "--from", "2026-03-31")
    assert code == 2 and "--to" in err
    code, _, err = run(
        factory, "report", "cadence", "--db", db, "--from", "2026-3-1", "--to", "2026-03-31"
    )
    assert code == 2 and "YYYY-MM-DD" in err
    code, _, err = run(
        factory, "report", "cadence", "--db", db, "--from", "2026-03-31", "--to", "2026-03-01"
    )
    assert code == 2 and "before" in err


def test_report_judges_rules_only_from_their_effective_date(
    factory: ContextFactory, db: str
) -> None:
    """The Weibo rule moved to Tuesday 10 March: 1–9 March are not judged any more."""
    ctx = factory(db)
    try:
        admin = ctx.auth.sign_in("admin", "admin-pass-1")
        for rule in ctx.cadence.list_rules(admin):
            ctx.cadence.update_rule(
                admin,
                rule.id,
                rule.text,
                effective_from=date(2026, 3, 10),
                expected_version=rule.version,
            )
    finally:
        ctx.close()
    code, out, err = run(
        factory, "report", "cadence", "--db", db, "--from", "2026-03-01", "--to", "2026-03-15"
    )
    assert code == 0, err
    body = [line.split("\t") for line in out.splitlines()[2:]]
    # Weibo: 07:30 on 10–15 March only (6 days, none kept). Website: the week of 9 March
    # begins before the rule, so no whole week is judged; its gap and silence stay.
    assert [row[1:] for row in body] == [
        ["微博", "江城气象", "6", "0", "0", "6", "15", "1", "ok"],
        ["网站", "江城市气象局", "0", "1", "0", "0", "13", "16", "red"],
    ]
