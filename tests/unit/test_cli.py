"""The command line, run in-process against temporary databases."""

from __future__ import annotations

import io
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from newmedia_desk.cli import main
from newmedia_desk.context import AppContext, build_context
from newmedia_desk.security.passwords import HashParameters, PasswordHashing
from newmedia_desk.security.secrets import MemorySecretStore

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(tmp_path: Path) -> Run:
    """Run ``newmedia-desk`` with one in-memory keyring shared by every call of a test."""
    secrets = MemorySecretStore()
    hashing = PasswordHashing(HashParameters(time_cost=1, memory_kib=1024, parallelism=1))

    def factory(db: str | None) -> AppContext:
        return build_context(db, secrets=secrets, hashing=hashing, data_dir=tmp_path / "data")

    def _run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = main(
            list(argv), context_factory=factory, stdin=io.StringIO(stdin), stdout=out, stderr=err
        )
        return code, out.getvalue(), err.getvalue()

    return _run


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "office.sqlite3")


@pytest.fixture(autouse=True)
def _no_password_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWMEDIA_DESK_PASSWORD", raising=False)
    monkeypatch.delenv("NEWMEDIA_DESK_DB", raising=False)


def test_init_creates_database_and_first_admin(run: Run, db: str) -> None:
    code, out, err = run(
        "init",
        "--db",
        db,
        "--admin",
        "boss",
        "--name",
        "周文",
        "--password-stdin",
        stdin="long-password\n",
    )
    assert (code, err) == (0, "")
    assert "created database" in out
    assert "administrator boss (周文) created" in out
    code, out, _ = run("list", "staff", "--db", db, "--json")
    assert code == 0
    staff = json.loads(out)
    assert [(s["login"], s["roles"]) for s in staff] == [("boss", ["admin"])]


def test_init_twice_refuses_a_second_first_admin(run: Run, db: str) -> None:
    assert (
        run("init", "--db", db, "--admin", "boss", "--password-stdin", stdin="long-password\n")[0]
        == 0
    )
    code, out, err = run(
        "init", "--db", db, "--admin", "other", "--password-stdin", stdin="long-password\n"
    )
    assert code == 2
    assert "already has staff" in err
    assert "up to date" in out


def test_init_rejects_a_short_password_in_one_line(run: Run, db: str) -> None:
    code, _, err = run("init", "--db", db, "--admin", "boss", "--password-stdin", stdin="short\n")
    assert code == 1
    assert err.count("\n") == 1
    assert "too short" in err


def test_password_from_environment(run: Run, db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWMEDIA_DESK_PASSWORD", "env-password-1")
    assert run("init", "--db", db, "--admin", "boss")[0] == 0
    backup = str(Path(db).with_name("b.sqlite3"))
    assert run("backup", backup, "--db", db)[0] == 0
    code, out, err = run("restore", backup, "--db", db, "--user", "boss")
    assert (code, err) == (0, ""), err
    assert "restored" in out


def test_demo_then_every_read_command(run: Run, db: str) -> None:
    code, out, _ = run("demo", "--db", db)
    assert code == 0
    assert "clerk" in out and "chief" in out and "liuyang" not in out
    code, out, _ = run("list", "units", "--db", db)
    assert code == 0
    assert "市气象局 / 气象科技服务中心" in out
    assert len(out.strip().splitlines()) == 9
    code, out, _ = run("list", "staff", "--db", db, "--json")
    staff = json.loads(out)
    roles = {r for s in staff for r in s["roles"]}
    assert roles == {"clerk", "responsible", "supervisor", "chief", "admin"}
    assert any(not s["active"] for s in staff)
    code, out, _ = run("verify", "--db", db)
    assert code == 0
    assert out.startswith("ok:") and "entries" in out


def test_demo_refuses_a_database_with_staff(run: Run, db: str) -> None:
    assert run("demo", "--db", db)[0] == 0
    code, _, err = run("demo", "--db", db)
    assert code == 1
    assert "empty database" in err


def test_demo_password_from_stdin_signs_in(run: Run, db: str) -> None:
    assert run("demo", "--db", db, "--password-stdin", stdin="another-pass\n")[0] == 0
    backup = str(Path(db).with_name("b.sqlite3"))
    assert run("backup", backup, "--db", db)[0] == 0
    assert (
        run("restore", backup, "--db", db, "--user", "admin", "--password-stdin", stdin="demo\n")[0]
        == 1
    )
    code, _, err = run(
        "restore", backup, "--db", db, "--user", "admin", "--password-stdin", stdin="another-pass\n"
    )
    assert (code, err) == (0, "")


@pytest.mark.parametrize("action", ["update", "delete", "insert"])
def test_verify_names_the_first_bad_entry(run: Run, db: str, action: str) -> None:
    assert run("demo", "--db", db)[0] == 0
    con = sqlite3.connect(db)
    with con:
        if action == "update":
            con.execute("UPDATE audit_log SET after = '{}' WHERE seq = 7")
        elif action == "delete":
            con.execute("DELETE FROM audit_log WHERE seq = 7")
        else:
            row = con.execute("SELECT * FROM audit_log WHERE seq = 6").fetchone()
            con.execute("UPDATE audit_log SET seq = seq + 1000")
            con.execute("UPDATE audit_log SET seq = seq - 999 WHERE seq > 1006")
            con.execute("UPDATE audit_log SET seq = seq - 1000 WHERE seq > 1000")
            con.execute("INSERT INTO audit_log VALUES (7,?,?,?,?,?,?,?,?,?,?)", row[1:])
    con.close()
    code, out, err = run("verify", "--db", db)
    assert code == 1
    assert out == ""
    assert "entry 7" in err


def test_verify_reports_a_damaged_file(run: Run, db: str, tmp_path: Path) -> None:
    assert run("demo", "--db", db)[0] == 0
    data = bytearray(Path(db).read_bytes())
    for offset in range(4096 + 200, len(data), 4096):
        data[offset : offset + 64] = b"\xff" * 64
    Path(db).write_bytes(bytes(data))
    code, _, err = run("verify", "--db", db)
    assert code == 1
    assert err.strip()


def test_backup_and_restore_round_trip(run: Run, db: str, tmp_path: Path) -> None:
    assert run("demo", "--db", db)[0] == 0
    backup = tmp_path / "backups" / "office-1.sqlite3"
    code, out, _ = run("backup", str(backup), "--db", db)
    assert code == 0 and backup.is_file() and "audit head #" in out
    # A clerk may not restore; the administrator may.
    code, _, err = run(
        "restore", str(backup), "--db", db, "--user", "clerk", "--password-stdin", stdin="demo\n"
    )
    assert code == 1 and "may not" in err
    code, out, err = run(
        "restore", str(backup), "--db", db, "--user", "admin", "--password-stdin", stdin="demo\n"
    )
    assert (code, err) == (0, "")
    assert run("verify", "--db", db)[0] == 0


def test_restore_refuses_a_damaged_backup_and_keeps_the_database(
    run: Run, db: str, tmp_path: Path
) -> None:
    assert run("demo", "--db", db)[0] == 0
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database at all" * 100)
    before = run("list", "staff", "--db", db)[1]
    code, _, err = run(
        "restore", str(bad), "--db", db, "--user", "admin", "--password-stdin", stdin="demo\n"
    )
    assert code == 1
    assert "damaged" in err
    assert run("list", "staff", "--db", db)[1] == before


def test_changing_commands_need_a_sign_in(run: Run, db: str, tmp_path: Path) -> None:
    assert run("demo", "--db", db)[0] == 0
    backup = tmp_path / "b.sqlite3"
    assert run("backup", str(backup), "--db", db)[0] == 0
    code, _, err = run("restore", str(backup), "--db", db)
    assert code == 2
    assert "--user" in err
    code, _, err = run("restore", str(backup), "--db", db, "--user", "admin")
    assert code == 2
    assert "no password" in err


def test_wrong_password_is_one_line_failure(run: Run, db: str, tmp_path: Path) -> None:
    assert run("demo", "--db", db)[0] == 0
    code, _, err = run(
        "restore",
        str(tmp_path / "x.sqlite3"),
        "--db",
        db,
        "--user",
        "nobody",
        "--password-stdin",
        stdin="demo\n",
    )
    assert code == 1
    assert err.strip().endswith("unknown user or wrong password")


def test_bad_usage_exits_2(run: Run) -> None:
    assert run("list")[0] == 2
    assert run("frobnicate")[0] == 2
    code, _, err = run("list", "rogues")
    assert code == 2 and "invalid choice" in err


def test_bad_database_url_is_a_clear_failure(run: Run) -> None:
    code, _, err = run("verify", "--db", "nosuchdriver://x")
    assert code == 1
    assert err.startswith("newmedia-desk: verify:")


def test_audit_key_moves_to_another_pc(tmp_path: Path, db: str) -> None:
    """Export on the PC that made the database, import on a second PC sharing it."""
    hashing = PasswordHashing(HashParameters(time_cost=1, memory_kib=1024, parallelism=1))
    pc1, pc2 = MemorySecretStore(), MemorySecretStore()

    def on(store: MemorySecretStore, data: str) -> Callable[[str | None], AppContext]:
        return lambda url: build_context(
            url, secrets=store, hashing=hashing, data_dir=tmp_path / data
        )

    def call(
        factory: Callable[[str | None], AppContext], *argv: str, stdin: str = ""
    ) -> tuple[int, str]:
        err = io.StringIO()
        code = main(
            list(argv),
            context_factory=factory,
            stdin=io.StringIO(stdin),
            stdout=io.StringIO(),
            stderr=err,
        )
        return code, err.getvalue()

    assert call(on(pc1, "a"), "demo", "--db", db)[0] == 0
    code, err = call(on(pc2, "b"), "verify", "--db", db)
    assert code == 1 and "audit key" in err
    key_file = tmp_path / "audit.key"
    assert (
        call(
            on(pc1, "a"),
            "audit-key",
            "--db",
            db,
            "export",
            str(key_file),
            "--user",
            "clerk",
            "--password-stdin",
            stdin="demo\n",
        )[0]
        == 1
    )
    assert not key_file.exists()
    code, err = call(
        on(pc1, "a"),
        "audit-key",
        "--db",
        db,
        "export",
        str(key_file),
        "--user",
        "admin",
        "--password-stdin",
        stdin="demo\n",
    )
    assert (code, err) == (0, "")
    wrong = tmp_path / "wrong.key"
    wrong.write_text("A" * 43 + "=\n", encoding="ascii")
    code, err = call(on(pc2, "b"), "audit-key", "--db", db, "import", str(wrong))
    assert code == 1 and "does not match" in err
    assert call(on(pc2, "b"), "audit-key", "--db", db, "import", str(key_file)) == (0, "")
    assert call(on(pc2, "b"), "verify", "--db", db) == (0, "")


# -- accounts -------------------------------------------------------------------------------


def test_list_accounts_of_the_demo(run: Run, db: str) -> None:
    assert run("demo", "--db", db)[0] == 0
    code, out, err = run("list", "accounts", "--db", db, "--json")
    assert (code, err) == (0, "")
    accounts = json.loads(out)
    by_status = {a["status"] for a in accounts}
    assert by_status == {"open", "submitted", "closed"}
    weibo = next(a for a in accounts if a["platform"] == "微博" and a["name"] == "江城气象")
    assert weibo["administrator"] == "张晓" and weibo["opened_on"]
    county = next(a for a in accounts if a["name"] == "东山气象")
    assert county["parent"] == "江城气象"
    code, out, _ = run("list", "accounts", "--db", db)
    assert code == 0 and len(out.strip().splitlines()) == len(accounts)
    assert run("verify", "--db", db)[0] == 0


def _ledger(path: Path, rows: list[list[object]]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["平台", "账号名称", "账号ID", "所属单位", "管理人", "责任人", "更新要求"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_import_accounts(run: Run, db: str, tmp_path: Path) -> None:
    assert run("demo", "--db", db)[0] == 0
    before = json.loads(run("list", "accounts", "--db", db, "--json")[1])
    good = _ledger(
        tmp_path / "ledger.xlsx",
        [
            ["微博", "南湖气象", "nhqx", "南湖县气象局", "何强", "nanhu", "每周3次"],
            ["QQ群", "南湖气象服务群", "123456", "南湖县气象局", "何强", "何强", ""],
        ],
    )
    code, out, err = run(
        "import",
        "accounts",
        str(good),
        "--db",
        db,
        "--user",
        "nanhu",
        "--password-stdin",
        stdin="demo\n",
    )
    assert (code, err) == (0, "")
    assert "imported 2 accounts" in out
    after = json.loads(run("list", "accounts", "--db", db, "--json")[1])
    assert len(after) == len(before) + 2
    assert run("verify", "--db", db)[0] == 0


def test_import_of_a_bad_file_lists_rows_and_changes_nothing(
    run: Run, db: str, tmp_path: Path
) -> None:
    assert run("demo", "--db", db)[0] == 0
    before = run("list", "accounts", "--db", db, "--json")[1]
    bad = _ledger(
        tmp_path / "bad.xlsx",
        [
            ["微博", "南湖气象", "nhqx", "南湖县气象局", "何强", "何强", ""],
            ["微博", "北山气象", "bsqx", "北山县气象局", "何强", "何强", ""],
            ["抖音", "", "x", "南湖县气象局", "查无此人", "何强", ""],
        ],
    )
    code, out, err = run(
        "import",
        "accounts",
        str(bad),
        "--db",
        db,
        "--user",
        "admin",
        "--password-stdin",
        stdin="demo\n",
    )
    assert code == 1 and out == ""
    assert "nothing changed" in err
    assert "row 3, 所属单位" in err and "row 4, 账号名称" in err and "row 4, 管理人" in err
    assert run("list", "accounts", "--db", db, "--json")[1] == before
    code, _, err = run("import", "accounts", str(bad), "--db", db)
    assert code == 2 and "--user" in err


def test_export_account_form(run: Run, db: str, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    assert run("demo", "--db", db)[0] == 0
    accounts = json.loads(run("list", "accounts", "--db", db, "--json")[1])
    weibo = next(a for a in accounts if a["platform"] == "微博" and a["name"] == "江城气象")
    out_file = tmp_path / "开设审批表.xlsx"
    code, out, err = run(
        "export", "account-form", "--account", str(weibo["id"]), "--out", str(out_file), "--db", db
    )
    assert (code, err) == (0, "")
    assert "written to" in out
    wb = load_workbook(out_file)

    def cell(name: str) -> object:
        title, coordinate = next(iter(wb.defined_names[name].destinations))
        return wb[title][coordinate.replace("$", "").split(":")[0]].value

    assert cell("account_name") == "江城气象"
    assert cell("account_id") == "jcqx12121"
    assert cell("admin_name") == "张晓"
    assert cell("op5_signer") == "李建国"
    assert str(cell("audit_head")).startswith("审计日志 #")
    code, _, err = run(
        "export", "account-form", "--account", "江城气象", "--out", str(out_file), "--db", db
    )
    assert code == 1 and "several accounts" in err
    code, _, err = run(
        "export", "account-form", "--account", "9999", "--out", str(out_file), "--db", db
    )
    assert code == 1


def test_verify_checks_approval_signatures(run: Run, db: str) -> None:
    assert run("demo", "--db", db)[0] == 0
    code, out, _ = run("verify", "--db", db)
    assert code == 0 and "approval signatures" in out and "approval signatures 0 valid" not in out
    con = sqlite3.connect(db)
    with con:
        con.execute(
            "UPDATE account_approval_step SET opinion = '不同意' "
            "WHERE id = (SELECT MIN(id) FROM account_approval_step WHERE signature IS NOT NULL)"
        )
    con.close()
    code, _, err = run("verify", "--db", db)
    assert code == 1 and "approval signature invalid" in err
