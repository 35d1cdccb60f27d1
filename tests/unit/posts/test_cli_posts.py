"""The post commands: list posts, export post-form, export ledger, import publications."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from newmedia_desk.cli import main
from newmedia_desk.context import AppContext, build_context
from newmedia_desk.domain.staff import Principal
from newmedia_desk.exports.xlsx import resolve_name
from newmedia_desk.security.passwords import PasswordHashing
from newmedia_desk.security.secrets import MemorySecretStore
from newmedia_desk.services.posts import PostRecord
from tests.conftest import STAFF_PASSWORD
from tests.unit.posts.office import Office, approved_by_deputy, content, make_office, submitted

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture(autouse=True)
def _no_password_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWMEDIA_DESK_PASSWORD", raising=False)


@pytest.fixture
def office(ctx: AppContext, admin: Principal) -> Office:
    return make_office(ctx, admin)


@pytest.fixture
def run(
    db_url: str, memory_secrets: MemorySecretStore, fast_hashing: PasswordHashing, data_dir: Path
) -> Run:
    """Run ``newmedia-desk`` on the test's database (``--db`` added)."""

    def factory(_db: str | None) -> AppContext:
        return build_context(
            db_url, secrets=memory_secrets, hashing=fast_hashing, data_dir=data_dir
        )

    def _run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = main(
            [*argv, "--db", db_url],
            context_factory=factory,
            stdin=io.StringIO(stdin),
            stdout=out,
            stderr=err,
        )
        return code, out.getvalue(), err.getvalue()

    return _run


def three_posts(ctx: AppContext, o: Office) -> tuple[PostRecord, PostRecord, PostRecord]:
    draft = ctx.posts.create(o.clerk, content(o, title="草稿一篇"))
    waiting = submitted(ctx, o, title="等待审批", account_ids=(o.weibo, o.wechat))
    approved = approved_by_deputy(ctx, o, title="已经批准")
    return draft, waiting, approved


def test_list_posts(run: Run, ctx: AppContext, office: Office) -> None:
    draft, waiting, approved = three_posts(ctx, office)
    code, out, err = run("list", "posts")
    assert (code, err) == (0, "")
    lines = [line.split("\t") for line in out.strip().splitlines()]
    assert [int(line[0]) for line in lines] == [approved.id, waiting.id, draft.id]
    assert lines[1] == [
        str(waiting.id),
        "审批中",
        "一般",
        "等待审批",
        "江城气象(微博),江城气象服务(微信公众号)",
        "2026-03-02 15:00",
        "张晓",
    ]
    assert lines[2][5] == ""  # no planned time
    code, out, _ = run("list", "posts", "--status", "approved", "--json")
    [row] = json.loads(out)
    assert (row["id"], row["status"], row["status_label"], row["tier"]) == (
        approved.id,
        "approved",
        "已批准",
        "important",
    )
    assert row["accounts"] == ["江城气象(微博)"]
    assert row["planned_at"] == "2026-03-02T15:00:00+08:00"
    code, out, _ = run("list", "posts", "--status", "草稿")
    assert code == 0 and out.split("\t")[0] == str(draft.id)
    assert run("list", "posts", "--status", "bogus")[0] == 2
    assert run("list", "accounts", "--status", "draft")[0] == 2


def test_export_post_form(run: Run, ctx: AppContext, office: Office, tmp_path: Path) -> None:
    post = approved_by_deputy(ctx, office, title="=SUM(A1:A9)")
    target = tmp_path / "发布内容审批表.xlsx"
    code, out, err = run("export", "post-form", "--post", str(post.id), "--out", str(target))
    assert (code, err) == (0, "")
    assert f"approval form of post {post.id}" in out and str(target) in out
    wb = load_workbook(target)

    def cell(name: str) -> object:
        ws, coordinate = resolve_name(wb, name)
        return ws[coordinate].value

    assert cell("title") == "=SUM(A1:A9)"
    assert cell("so2_signer") == "赵敏 代 刘志强"
    assert str(cell("audit_head")).startswith("审计日志 #")
    assert cell("content_sha256") == post.current.content_sha256
    assert run("export", "post-form", "--out", str(target))[0] == 2
    code, _, err = run("export", "post-form", "--post", "9999", "--out", str(target))
    assert code == 1 and "no such post" in err
    code, _, err = run("export", "account-form", "--out", str(target))
    assert code == 2 and "--account" in err


def test_export_ledger(run: Run, ctx: AppContext, office: Office, tmp_path: Path) -> None:
    post = approved_by_deputy(ctx, office)
    for account in (office.weibo,):
        post = ctx.posts.record_publication(
            office.clerk,
            post.id,
            account,
            published_at=ctx.clock.now(),
            link="https://weibo.com/1/x",
            expected_version=post.version,
        )
    target = tmp_path / "台账.xlsx"
    code, out, err = run(
        "export", "ledger", "--from", "2026-03-01", "--to", "2026-03-31", "--out", str(target)
    )
    assert (code, err) == (0, "")
    assert "1 publications" in out
    ws = load_workbook(target).worksheets[0]
    assert ws["I4"].value == "责任人审核：钱芳；分管领导审批：赵敏 代 刘志强"
    assert ws["B4"].value == "江城气象"
    bad_date = ("export", "ledger", "--from", "2026-3-1", "--to", "2026-03-31")
    assert run(*bad_date, "--out", str(target))[0] == 2
    assert run("export", "ledger", "--from", "2026-03-01", "--out", str(target))[0] == 2
    backwards = ("export", "ledger", "--from", "2026-03-31", "--to", "2026-03-01")
    code, _, err = run(*backwards, "--out", str(target))
    assert code == 1 and "ends before it starts" in err
    code, _, err = run(
        "export", "ledger", "--from", "2026-03-01", "--to", "2026-03-01", "--out", str(tmp_path)
    )
    assert code == 1 and "folder" in err


def _publications(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["账号", "发布时间", "标题", "链接", "栏目"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_import_publications(run: Run, office: Office, tmp_path: Path) -> None:
    good = _publications(
        tmp_path / "good.xlsx",
        [
            ["江城气象", "2026-02-27 07:30", "明日天气", "https://weibo.com/1/a", "#天气预报#"],
            ["jcqxfw", "2026-02-28 17:00", "寒潮预警", "", ""],
        ],
    )
    sign_in = ("--user", "clerk", "--password-stdin")
    code, out, err = run("import", "publications", str(good), *sign_in, stdin=STAFF_PASSWORD)
    assert (code, err) == (0, "")
    assert "imported 2 publications" in out
    bad = _publications(
        tmp_path / "bad.xlsx",
        [["查无此号", "2026-02-27 07:30", "x", "", ""], ["江城气象", "不是时间", "y", "", ""]],
    )
    code, out, err = run("import", "publications", str(bad), *sign_in, stdin=STAFF_PASSWORD)
    assert code == 1 and out == ""
    assert "nothing changed" in err and "row 2, 账号" in err and "row 3, 发布时间" in err
    code, _, err = run("import", "publications", str(good))
    assert code == 2 and "--user" in err
    code, _, err = run(
        "import", "publications", str(good), "--user", "clerk", "--password-stdin", stdin="wrong"
    )
    assert code == 1
    code, out, _ = run(
        "export",
        "ledger",
        "--from",
        "2026-02-27",
        "--to",
        "2026-02-28",
        "--out",
        str(tmp_path / "l.xlsx"),
    )
    assert code == 0 and "2 publications" in out
