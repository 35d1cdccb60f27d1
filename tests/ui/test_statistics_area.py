"""The statistics area: the month's table, the three charts, the Excel export."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from pytestqt.qtbot import QtBot

from newmedia_desk.context import AppContext
from newmedia_desk.domain.accounts import AccountDraft, Decision
from newmedia_desk.domain.assessment import Month
from newmedia_desk.domain.clock import FixedClock
from newmedia_desk.ui.areas import Area
from newmedia_desk.ui.assessment_texts import result_name
from newmedia_desk.ui.charts import nice_step
from newmedia_desk.ui.statistics_area import Column, StatisticsArea
from tests.conftest import STAFF_PASSWORD

from .conftest import MakeWindow, Office, ScriptedPrompts
from .post_desk import Desk, build_desk

CST = timezone(timedelta(hours=8))


def at(month: int, day: int, hour: int) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=CST).astimezone(UTC)


def move_to(clock: FixedClock, moment: datetime) -> None:
    clock.advance(seconds=(moment - clock.now()).total_seconds())


@pytest.fixture
def march(office: Office, fixed_clock: FixedClock) -> Desk:
    """A month of 办公室 and of the bureau's website, judged on 1 April.

    办公室 posts on Weibo and WeChat on 2, 14 and 26 March (3 hours to approve each); the
    bureau's website (市气象局), registered on 2 March, never posts.
    """
    desk = build_desk(office)
    ctx = desk.ctx
    platforms = {p.name: p.id for p in ctx.accounts.list_platforms(None)}
    ctx.accounts.register_existing(
        office.admin,
        AccountDraft(
            platform_id=platforms["网站"],
            name="江城市气象局",
            unit_id=office.root_id,
            administrator_id=desk.clerk.staff_id,
            responsible_id=desk.head.staff_id,
            purpose="政务公开",
        ),
        "已开设",
    )
    for day in (2, 14, 26):
        move_to(fixed_clock, at(3, day, 9))
        content = desk.content(account_ids=(desk.weibo, desk.wechat))
        post = ctx.posts.create(desk.clerk, content, planned_at=at(3, day, 13))
        post = ctx.posts.submit(desk.clerk, post.id, expected_version=post.version)
        move_to(fixed_clock, at(3, day, 12))
        post = ctx.posts.sign(
            desk.head, post.id, Decision.AGREE, "同意", revision=post.round_revision or 0,
            password=STAFF_PASSWORD,
        )  # fmt: skip
        move_to(fixed_clock, at(3, day, 13))
        for account in (desk.weibo, desk.wechat):
            post = ctx.posts.record_publication(
                desk.clerk, post.id, account, published_at=at(3, day, 13),
                expected_version=post.version,
            )  # fmt: skip
    move_to(fixed_clock, at(4, 1, 10))
    return desk


def make_area(
    qtbot: QtBot, ctx: AppContext, office: Office, prompts: ScriptedPrompts
) -> StatisticsArea:
    area = StatisticsArea(ctx, office.admin, prompts)
    qtbot.addWidget(area)
    area.resize(1300, 800)
    area.show()
    return area


def test_table_shows_each_unit_of_the_month(
    qtbot: QtBot, ctx: AppContext, office: Office, march: Desk, prompts: ScriptedPrompts
) -> None:
    area = make_area(qtbot, ctx, office, prompts)
    assert area.selected_month() == Month(2026, 3)  # the last full month by default
    area.refresh()
    proxy = area.proxy
    rows = {
        proxy.index(r, Column.UNIT).data(): [proxy.index(r, c).data() for c in Column]
        for r in range(proxy.rowCount())
    }
    assert set(rows) == {"办公室", "市气象局"}
    section = rows["办公室"]
    # Two accounts silent 11 days (3–13 and 15–25 March): −5 each.
    assert section[Column.SCORE] == "90"
    assert section[Column.RESULT] == result_name(True)
    assert section[Column.PUBLISHED] == "6"
    assert section[Column.SILENT] == "11"
    assert section[Column.TURNAROUND] == "3.0"
    root = rows["市气象局"]
    assert root[Column.RESULT] == result_name(False)
    assert "30" in root[Column.VETO]  # silent from its opening on 2 March
    assert [r.qualified for r in area.results].count(False) == 1
    assert area.summary.text()
    # Sorting by score: 办公室 90, then 市气象局 95 (the veto fails it; −5 for the silence).
    area.table.sortByColumn(Column.SCORE, Qt.SortOrder.AscendingOrder)
    ordered = [(proxy.index(r, 0).data(), proxy.index(r, 1).data()) for r in range(2)]
    assert ordered == [("办公室", "90"), ("市气象局", "95")]


def test_charts_have_the_months_data(
    qtbot: QtBot, ctx: AppContext, office: Office, march: Desk, prompts: ScriptedPrompts
) -> None:
    area = make_area(qtbot, ctx, office, prompts)
    area.refresh()
    trend = area.trend_chart
    assert trend.has_data() and len(trend.categories) == 12
    assert trend.categories[-1] == "2026-03"
    lines = {line.name: line for line in trend.lines}
    assert lines["办公室"].values[-1] == 90.0
    assert lines["办公室"].values[:-1] == (None,) * 11  # the accounts opened in March
    assert lines["市气象局"].failed[-1]
    silent = area.silent_chart
    assert [(b.value) for b in silent.bars] == [30.0, 11.0, 11.0]
    assert silent.bars[0].label == "江城市气象局（网站）"
    assert [t.value for t in silent.thresholds] == [7, 14]
    turnaround = area.turnaround_chart
    assert [(b.label, b.value) for b in turnaround.bars] == [("市气象局", None), ("办公室", 3.0)]
    assert [t.value for t in turnaround.thresholds] == [24]
    for chart in (trend, silent, turnaround):
        assert not chart.grab().isNull()  # painted without error
    first_row = QPointF(silent.width() * 0.6, silent.fontMetrics().height() + 8 + 12)
    assert "江城市气象局" in silent._hit(first_row)


def test_export_writes_the_month(
    qtbot: QtBot,
    ctx: AppContext,
    office: Office,
    march: Desk,
    prompts: ScriptedPrompts,
    tmp_path: Path,
) -> None:
    from openpyxl import load_workbook

    area = make_area(qtbot, ctx, office, prompts)
    area.refresh()
    target = tmp_path / "考核.xlsx"
    prompts.save_files.append(target)
    area.export_button.click()
    assert target.is_file()
    assert prompts.infos and str(target) in prompts.infos[-1]
    sheet = load_workbook(target)["考核结果"]
    assert sheet["A1"].value == "2026年3月新媒体工作考核结果"
    units = {sheet.cell(row, 1).value: sheet.cell(row, 3).value for row in (4, 5)}
    assert units == {"办公室": "合格", "市气象局": "不合格"}
    # Cancelled: nothing more is written or said.
    area.export_button.click()
    assert len(prompts.infos) == 1


def test_the_area_is_in_the_navigation(
    make_window: MakeWindow, office: Office, march: Desk
) -> None:
    window = make_window(office.admin)
    assert window.work_area is not None
    window.work_area.show_area(Area.STATISTICS)
    page = window.work_area.area_page(Area.STATISTICS)
    assert isinstance(page, StatisticsArea)
    assert page.model.rowCount() == 2


def test_nice_steps() -> None:
    assert nice_step(100) == 20
    assert nice_step(30) == 10
    assert nice_step(7) == 2
    assert nice_step(0) == 1


def test_the_misses_cell_names_the_accounts_and_columns_behind_it(qtbot: QtBot) -> None:
    from datetime import date

    from newmedia_desk.domain.assessment import AccountMonth, ColumnMonth, UnitMonth, assess
    from newmedia_desk.ui.statistics_area import AssessmentTableModel

    unit = UnitMonth(
        unit_id=1,
        unit_name="服务中心",
        month=Month(2026, 3),
        accounts=(AccountMonth(1, "江城气象", "微博", 40, 3, date(2026, 3, 10), True, 62, 2),),
        columns=(ColumnMonth("#气象科普#", 31, 4, ("江城气象",)),),
    )
    model = AssessmentTableModel()
    model.set_rows([assess(unit)])
    tip = model.index(0, Column.MISSES).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, Column.MISSES).data() == "6"
    assert tip.splitlines() == ["江城气象 (微博): 2", "Column #气象科普# (江城气象): 4"]
