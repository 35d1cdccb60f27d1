"""``newmedia-desk lexicon …`` and ``check`` with the office's lexicons from the database."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from newmedia_desk.cli import main
from newmedia_desk.context import AppContext, build_context
from newmedia_desk.domain.checker.lexicon import SHIPPED
from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.staff import StaffDraft
from newmedia_desk.paths import resource
from newmedia_desk.security.passwords import HashParameters, PasswordHashing
from newmedia_desk.security.secrets import MemorySecretStore
from newmedia_desk.storage.database import Database
from newmedia_desk.storage.migrate import upgrade_to

Run = Callable[..., tuple[int, str, str]]
PASSWORD = "long-password"
POST = "请李健国同志讲话。"
"""李健国 is a wrong form of the demo chief's name 李建国 (the demo's "leaders" lexicon)."""


@pytest.fixture(autouse=True)
def _no_password_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWMEDIA_DESK_PASSWORD", raising=False)


@pytest.fixture
def factory(tmp_path: Path) -> Callable[[str | None], AppContext]:
    secrets = MemorySecretStore()
    hashing = PasswordHashing(HashParameters(time_cost=1, memory_kib=1024, parallelism=1))

    def _factory(db: str | None) -> AppContext:
        return build_context(db, secrets=secrets, hashing=hashing, data_dir=tmp_path / "data")

    return _factory


@pytest.fixture
def run(factory: Callable[[str | None], AppContext]) -> Run:
    def _run(*argv: str, stdin: str = "", context: bool = True) -> tuple[int, str, str]:
        def refuse(db: str | None) -> AppContext:
            raise AssertionError("this command must not build the AppContext")

        out, err = io.StringIO(), io.StringIO()
        code = main(
            list(argv),
            context_factory=factory if context else refuse,
            stdin=io.StringIO(stdin),
            stdout=out,
            stderr=err,
        )
        return code, out.getvalue(), err.getvalue()

    return _run


@pytest.fixture
def db(tmp_path: Path, run: Run) -> str:
    """A database with the administrator ``boss``."""
    path = str(tmp_path / "office.sqlite3")
    code, _, err = run("init", "--db", path, "--admin", "boss", "--password-stdin", stdin=PASSWORD)
    assert (code, err) == (0, "")
    return path


def lexicon_file(tmp_path: Path, text: str, name: str = "leaders.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def import_as(
    run: Run, db: str, login: str, name: str, path: Path, *extra: str
) -> tuple[int, str, str]:
    return run(
        "lexicon",
        "import",
        name,
        str(path),
        "--db",
        db,
        "--user",
        login,
        "--password-stdin",
        *extra,
        stdin=PASSWORD + "\n",
    )


def test_list_shows_the_shipped_lexicons(run: Run, db: str) -> None:
    code, out, _ = run("lexicon", "list", "--db", db)
    assert code == 0
    lines = out.splitlines()
    assert [line.split("\t")[0] for line in lines] == list(SHIPPED)
    assert all("\tr0\t" in line and line.endswith("shipped") for line in lines)
    code, out, _ = run("lexicon", "list", "--db", db, "--json")
    rows = json.loads(out)
    assert rows[0]["name"] == "banned" and rows[0]["revision"] == 0 and rows[0]["shipped"]


def test_import_needs_an_administrator_and_then_saves_a_revision(
    run: Run, db: str, tmp_path: Path, factory: Callable[[str | None], AppContext]
) -> None:
    path = lexicon_file(tmp_path, "李健国\t领导姓名\tblock\t李建国\n")
    code, _, err = run("lexicon", "import", "typos", str(path), "--db", db)
    assert code == 2 and "--user" in err
    ctx = factory(db)
    try:
        boss = ctx.auth.sign_in("boss", PASSWORD)
        ctx.directory.create_staff(
            boss, StaffDraft("clerk", "张晓", boss.unit_id, roles=frozenset({Role.CLERK})), PASSWORD
        )
    finally:
        ctx.close()
    code, _, err = import_as(run, db, "clerk", "typos", path)
    assert code == 1 and "may not manage_lexicons" in err
    code, out, err = import_as(run, db, "boss", "typos", path)
    assert (code, err) == (0, "")
    assert "revision 1; added 1, updated 0, removed 0" in out
    code, out, _ = import_as(run, db, "boss", "typos", path)
    assert code == 0 and "already holds these terms (revision 1)" in out
    code, out, _ = run("lexicon", "list", "--db", db, "--json")
    typos = next(r for r in json.loads(out) if r["name"] == "typos")
    assert (typos["revision"], typos["changed_by"]) == (1, "boss")
    code, out, _ = run("verify", "--db", db)
    assert code == 0 and out.startswith("ok:")


def test_import_with_a_bad_line_changes_nothing(run: Run, db: str, tmp_path: Path) -> None:
    path = lexicon_file(tmp_path, "李健国\t领导姓名\tblock\n王海艳\t领导姓名\tfatal\n")
    code, _, err = import_as(run, db, "boss", "typos", path, "--replace")
    assert code == 1
    assert "leaders.txt:2: bad severity 'fatal'" in err and "nothing changed" in err
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"a\nb\n" + "é".encode("latin-1") + b"\n")
    code, _, err = import_as(run, db, "boss", "typos", latin)
    assert code == 1 and "latin.txt:3: not UTF-8" in err
    code, _, err = import_as(run, db, "boss", "nosuch", path)
    assert code == 1 and "no lexicon called nosuch" in err
    _, out, _ = run("lexicon", "list", "--db", db)
    assert all("\tr0\t" in line for line in out.splitlines())


def test_export_to_stdout_and_to_a_file_round_trips(run: Run, db: str, tmp_path: Path) -> None:
    code, text, _ = run("lexicon", "export", "wording", "--db", db)
    assert code == 0
    assert text == resource("lexicons", "wording.txt").read_text(encoding="utf-8")
    out_file = tmp_path / "out" / "wording.txt"
    out_file.parent.mkdir()
    code, out, _ = run("lexicon", "export", "wording", "--db", db, "--out", str(out_file))
    assert code == 0 and str(out_file) in out
    assert out_file.read_bytes() == text.encode("utf-8")
    assert [p.name for p in out_file.parent.iterdir()] == ["wording.txt"]
    code, out, _ = import_as(run, db, "boss", "wording", out_file, "--replace")
    assert code == 0 and "already holds these terms (revision 0)" in out
    code, _, err = run("lexicon", "export", "nosuch", "--db", db)
    assert code == 1 and "nosuch" in err


def test_check_uses_the_office_lexicons_from_the_database(
    run: Run, db: str, tmp_path: Path
) -> None:
    code, out, _ = run("check", "--db", db, "--json", stdin=POST, context=False)
    assert (code, json.loads(out)["lexicons"]) == (0, "office")
    path = lexicon_file(tmp_path, "李健国\t领导姓名\tblock\t李建国\n")
    assert import_as(run, db, "boss", "typos", path)[0] == 0

    code, out, _ = run("check", "--db", db, stdin=POST, context=False)
    assert code == 1
    assert "1:2\tblock\t领导姓名\t李健国 → 李建国" in out
    code, out, _ = run("check", "--db", db, "--json", stdin=POST, context=False)
    doc = json.loads(out)
    assert doc["blocks"] and doc["findings"][0]["rule"] == "lexicon:typos"
    # --shipped ignores the office's changes; --lexicon files still add to either.
    code, out, _ = run("check", "--db", db, "--shipped", "--json", stdin=POST, context=False)
    assert (code, json.loads(out)["lexicons"], json.loads(out)["findings"]) == (0, "shipped", [])
    extra = lexicon_file(tmp_path, "讲话\t测试\twarn\n", "extra.txt")
    code, out, _ = run(
        "check", "--db", db, "--lexicon", str(extra), "--json", stdin=POST, context=False
    )
    assert {f["term"] for f in json.loads(out)["findings"]} == {"李健国", "讲话"}
    # Through the environment, as the app finds its database.
    code, out, _ = run("check", stdin=POST, context=False)
    assert code == 0  # the checker tests' default database is absent


def test_check_with_the_default_database_from_the_environment(
    run: Run, db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = lexicon_file(tmp_path, "李健国\t领导姓名\tblock\t李建国\n")
    assert import_as(run, db, "boss", "typos", path)[0] == 0
    monkeypatch.setenv("NEWMEDIA_DESK_DB", db)
    code, out, _ = run("check", stdin=POST, context=False)
    assert code == 1 and "李建国" in out


def test_check_never_creates_a_database(run: Run, tmp_path: Path) -> None:
    absent = tmp_path / "absent" / "office.sqlite3"
    code, out, _ = run("check", "--db", str(absent), "--json", stdin=POST, context=False)
    assert (code, json.loads(out)["lexicons"]) == (0, "shipped")
    assert not absent.exists() and not absent.parent.exists()


def test_check_with_a_database_older_than_the_lexicons_uses_the_shipped_ones(
    run: Run, tmp_path: Path
) -> None:
    path = tmp_path / "old.sqlite3"
    old = Database(f"sqlite+pysqlite:///{path}")
    try:
        upgrade_to(old, "0003")
    finally:
        old.dispose()
    code, out, _ = run("check", "--db", str(path), "--json", stdin="网络赌场", context=False)
    doc = json.loads(out)
    assert (code, doc["lexicons"], doc["blocks"]) == (1, "shipped", True)


def test_check_reports_a_database_it_cannot_read(run: Run, tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database" * 100)
    code, _, err = run("check", "--db", str(junk), stdin=POST, context=False)
    assert code == 1 and "--shipped" in err


def test_demo_office_has_a_leaders_lexicon(run: Run, tmp_path: Path) -> None:
    demo = str(tmp_path / "demo.sqlite3")
    assert run("demo", "--db", demo)[0] == 0
    code, out, _ = run("lexicon", "list", "--db", demo, "--json")
    rows = {r["name"]: r for r in json.loads(out)}
    assert rows["leaders"]["title"] == "领导姓名" and not rows["leaders"]["shipped"]
    assert rows["leaders"]["terms"] >= 3 and rows["leaders"]["changed_by"] == "周文"
    code, out, _ = run("check", "--db", demo, stdin=POST, context=False)
    assert code == 1 and "李健国 → 李建国" in out
    assert run("check", "--db", demo, stdin="江城市气像局发布", context=False)[0] == 1
