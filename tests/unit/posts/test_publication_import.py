"""Importing an old publication ledger: all rows or none, every problem listed by row."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from newmedia_desk.context import AppContext
from newmedia_desk.domain.accounts import ImportRejectedError
from newmedia_desk.domain.errors import PermissionDeniedError
from newmedia_desk.domain.staff import Principal
from newmedia_desk.services.post_reports import parse_time
from newmedia_desk.storage.post_models import Publication
from tests.unit.posts.office import Office, make_office

pytestmark = pytest.mark.all_backends


@pytest.fixture
def office(ctx: AppContext, admin: Principal) -> Office:
    return make_office(ctx, admin)


def ledger(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def count(ctx: AppContext) -> int:
    with ctx.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Publication)) or 0)


def audit_actions(ctx: AppContext) -> list[str]:
    return [e.action for e in ctx.audit.recent(50)]


def test_a_good_file_is_imported_whole(ctx: AppContext, office: Office, tmp_path: Path) -> None:
    path = ledger(
        tmp_path / "台账.xlsx",
        ["备注", "标题", "账号", "发布时间", "栏目", "链接"],  # any order, extra column
        [
            [
                "旧",
                "明日天气",
                "江城气象",
                "2026-02-27 07:30",
                "#天气预报#",
                "https://weibo.com/1/a",
            ],
            [None, "寒潮预警", "jcqxfw", datetime(2026, 2, 28, 17, 0), "", None],
            [None, "周末出行", "江城气象", "2026/03/01 09:05", "#出行#", ""],
            [None, None, None, None, None, None],  # an empty row is skipped
        ],
    )
    imported = ctx.post_reports.import_publications(office.clerk, path)
    assert [p.title for p in imported] == ["明日天气", "寒潮预警", "周末出行"]
    first, second, _ = imported
    assert (first.account_name, first.platform, first.column) == ("江城气象", "微博", "#天气预报#")
    assert first.published_at == datetime(2026, 2, 26, 23, 30, tzinfo=UTC)  # 07:30 Beijing
    assert (second.account_name, second.platform) == ("江城气象服务", "微信公众号")
    assert second.published_at == datetime(2026, 2, 28, 9, 0, tzinfo=UTC)
    assert all(p.imported and p.post_id is None for p in imported)
    with ctx.db.read() as s:
        stored = s.get(Publication, first.id)
        assert stored is not None and stored.imported and stored.link == "https://weibo.com/1/a"
    entry = ctx.audit.recent(1)[0]
    assert entry.action == "publications_imported"
    after = json.loads(entry.after)
    assert (after["rows"], after["file"]) == (3, "台账.xlsx")
    assert entry.actor == "clerk"
    rows = ctx.post_reports.ledger_rows(None, date(2026, 2, 27), date(2026, 3, 1))
    assert [(r.title, r.imported, r.matches) for r in rows] == [
        ("明日天气", True, "—"),
        ("寒潮预警", True, "—"),
        ("周末出行", True, "—"),
    ]


def test_every_problem_is_listed_and_nothing_is_written(
    ctx: AppContext, office: Office, tmp_path: Path
) -> None:
    path = ledger(
        tmp_path / "bad.xlsx",
        ["账号", "发布时间", "标题", "链接", "栏目"],
        [
            ["江城气象", "2026-02-27 07:30", "明日天气", "https://weibo.com/1", ""],  # fine
            ["查无此号", "2026-02-27 07:30", "明日天气", "", ""],
            ["江城气象", "昨天上午", "明日天气", "", ""],
            ["江城气象", "2027-01-01 08:00", "来自未来", "", ""],
            ["江城气象", "2026-02-27 08:00", "", "weibo.com/1", ""],
            ["江城气象", "2026-02-27 08:00", "=1+1", "", ""],
            ["江城气象", "2026-02-27 07:30", "明日天气", "", ""],  # same as row 2
            ["江城气象", 45000.5, "数字时间", "", ""],
        ],
    )
    with pytest.raises(ImportRejectedError) as caught:
        ctx.post_reports.import_publications(office.clerk, path)
    found = {(e.row, e.column) for e in caught.value.errors}
    assert found == {
        (3, "账号"),
        (4, "发布时间"),
        (5, "发布时间"),
        (6, "标题"),
        (6, "链接"),
        (7, "标题"),
        (8, "标题"),
        (9, "发布时间"),
    }
    messages = {(e.row, e.column): e.message for e in caught.value.errors}
    assert messages[(3, "账号")] == "no account called 查无此号"
    assert messages[(5, "发布时间")] == "the time is in the future"
    assert messages[(7, "标题")] == "formulas are not accepted"
    assert messages[(8, "标题")] == "the same publication is already in row 2"
    assert "2026-03-02 09:30" in messages[(4, "发布时间")]
    assert str(caught.value.errors[0]) == "row 3, 账号: no account called 查无此号"
    assert count(ctx) == 0
    assert "publications_imported" not in audit_actions(ctx)


def test_importing_the_same_file_twice_is_refused(
    ctx: AppContext, office: Office, tmp_path: Path
) -> None:
    path = ledger(
        tmp_path / "a.xlsx",
        ["账号", "发布时间", "标题"],
        [["江城气象", "2026-02-27 07:30", "明日天气"]],
    )
    assert len(ctx.post_reports.import_publications(office.clerk, path)) == 1
    with pytest.raises(ImportRejectedError) as caught:
        ctx.post_reports.import_publications(office.clerk, path)
    [error] = caught.value.errors
    assert (error.row, error.column) == (2, "标题") and "already recorded" in error.message
    assert count(ctx) == 1


def test_an_ambiguous_name_asks_for_the_handle(
    ctx: AppContext, office: Office, admin: Principal, tmp_path: Path
) -> None:
    from newmedia_desk.domain.accounts import AccountDraft

    platforms = {p.name: p.id for p in ctx.accounts.list_platforms(admin)}
    weibo = ctx.accounts.get_account(admin, office.weibo)
    ctx.accounts.register_existing(
        admin,
        AccountDraft(
            platform_id=platforms["抖音"],
            name="江城气象",
            unit_id=weibo.unit_id,
            administrator_id=office.clerk.staff_id,
            responsible_id=office.head.staff_id,
            handle="jcqxdy",
            purpose="短视频",
        ),
        "已开设",
    )
    path = ledger(
        tmp_path / "a.xlsx",
        ["账号", "发布时间", "标题"],
        [["江城气象", "2026-02-27 07:30", "明日天气"], ["jcqxdy", "2026-02-27 07:30", "视频"]],
    )
    with pytest.raises(ImportRejectedError) as caught:
        ctx.post_reports.import_publications(office.clerk, path)
    [error] = caught.value.errors
    assert error.row == 2 and "平台" in error.message and "抖音" in error.message

    # The 平台 column, or else the link's site, tells the accounts of one name apart.
    path = ledger(
        tmp_path / "b.xlsx",
        ["账号", "发布时间", "标题", "平台", "链接"],
        [
            ["江城气象", "2026-02-27 07:30", "明日天气", "微博", ""],
            ["江城气象", "2026-02-27 08:30", "视频", "", "https://www.douyin.com/video/7"],
            ["江城气象", "2026-02-27 09:30", "长文", "", "https://example.org/x"],
        ],
    )
    with pytest.raises(ImportRejectedError) as caught:
        ctx.post_reports.import_publications(office.clerk, path)
    assert [e.row for e in caught.value.errors] == [4]  # an unknown site decides nothing
    path = ledger(
        tmp_path / "c.xlsx",
        ["账号", "发布时间", "标题", "平台", "链接"],
        [
            ["江城气象", "2026-02-27 07:30", "明日天气", "微博", ""],
            ["江城气象", "2026-02-27 08:30", "视频", "", "https://www.douyin.com/video/7"],
        ],
    )
    imported = ctx.post_reports.import_publications(office.clerk, path)
    names = {p.title: p.account_id for p in imported}
    assert names["明日天气"] == office.weibo and names["视频"] != office.weibo


def test_rows_of_another_unit_are_refused(ctx: AppContext, office: Office, tmp_path: Path) -> None:
    path = ledger(
        tmp_path / "a.xlsx",
        ["账号", "发布时间", "标题"],
        [["江城政务", "2026-02-27 07:30", "通知"], ["江城气象", "2026-02-27 08:30", "天气"]],
    )
    with pytest.raises(ImportRejectedError) as caught:
        ctx.post_reports.import_publications(office.clerk, path)
    assert [(e.row, e.column) for e in caught.value.errors] == [(2, "账号")]
    with pytest.raises(PermissionDeniedError):
        ctx.post_reports.import_publications(office.head, path)  # no drafting right
    assert len(ctx.post_reports.import_publications(office.admin, path)) == 2


def test_a_file_without_the_needed_columns_is_refused_at_once(
    ctx: AppContext, office: Office, tmp_path: Path
) -> None:
    path = ledger(tmp_path / "a.xlsx", ["账号", "日期", "标题"], [["江城气象", "x", "y"]])
    with pytest.raises(ImportRejectedError) as caught:
        ctx.post_reports.import_publications(office.clerk, path)
    assert [(e.row, e.column) for e in caught.value.errors] == [(1, "发布时间")]
    with pytest.raises(ImportRejectedError):
        ctx.post_reports.import_publications(office.clerk, tmp_path / "missing.xlsx")
    text = tmp_path / "a.csv"
    text.write_text("账号,发布时间,标题\n", encoding="utf-8")
    with pytest.raises(ImportRejectedError):
        ctx.post_reports.import_publications(office.clerk, text)
    empty = ledger(tmp_path / "empty.xlsx", ["账号", "发布时间", "标题"], [])
    with pytest.raises(ImportRejectedError) as caught:
        ctx.post_reports.import_publications(office.clerk, empty)
    assert "no data rows" in caught.value.errors[0].message


def test_time_texts() -> None:
    beijing = parse_time("2026-03-02 09:30")
    assert isinstance(beijing, datetime)
    assert beijing.astimezone(UTC) == datetime(2026, 3, 2, 1, 30, tzinfo=UTC)
    assert parse_time("2026年3月2日 09：30") == beijing
    assert parse_time(datetime(2026, 3, 2, 9, 30)) == beijing
    assert isinstance(parse_time(date(2026, 3, 2)), str)
    assert isinstance(parse_time("3月2日"), str)
    assert isinstance(parse_time(None), str)
