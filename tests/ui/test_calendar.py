"""The Calendar area: posts on their days, planning by drag and drop, rules, compliance."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QDate, QPoint, QPointF, Qt
from PySide6.QtGui import QBrush, QDropEvent
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from newmedia_desk.domain.working_days import OFFICE_TZ
from newmedia_desk.services.cadence import ItemKind
from newmedia_desk.storage.post_models import Post
from newmedia_desk.ui.areas import Area
from newmedia_desk.ui.cadence_pages import FLAG_BACKGROUND, RuleColumn, RuleDialog
from newmedia_desk.ui.calendar_area import CalendarArea, PostIdRole
from newmedia_desk.ui.calendar_view import ViewMode, decode_post, encode_post

from .conftest import MakeWindow, Office, ScriptedPrompts
from .post_desk import Desk, build_desk

CST = timezone(timedelta(hours=8))


def at(d: int, h: int, mi: int = 0) -> datetime:
    """A Beijing time in March 2026 (the tests' clock is Monday 2 March, 09:00)."""
    return datetime(2026, 3, d, h, mi, tzinfo=CST).astimezone(UTC)


@pytest.fixture
def desk(office: Office) -> Desk:
    return build_desk(office)


def make_area(qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts) -> CalendarArea:
    area = CalendarArea(desk.ctx, desk.clerk, prompts)
    qtbot.addWidget(area)
    area.resize(1200, 800)
    area.show()
    qtbot.waitExposed(area)
    area.refresh()
    return area


def center(rect: object) -> QPoint:
    from PySide6.QtCore import QRectF

    assert isinstance(rect, QRectF)
    return rect.center().toPoint()


def test_month_view_shows_a_planned_post_on_its_day(
    qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts
) -> None:
    post = desk.ctx.posts.create(
        desk.clerk, desk.content(title="周三天气"), planned_at=at(4, 10, 30)
    )
    area = make_area(qtbot, desk, prompts)
    page = area.calendar_page
    assert page.view.mode is ViewMode.MONTH
    assert page.view.visible_range() == (date(2026, 2, 23), date(2026, 4, 5))
    assert "2026" in page.title.text()
    [item] = page.view.items_on(date(2026, 3, 4))
    assert (item.post_id, item.kind, item.title) == (post.id, ItemKind.PLANNED, "周三天气")
    page.view.grab()  # paint
    chip = page.view.chip_rect(post.id)
    day = page.view.day_rect(date(2026, 3, 4))
    assert chip is not None and day is not None and day.contains(chip)
    assert page.view.day_at(center(chip)) == date(2026, 3, 4)
    page.view.select_day(date(2026, 3, 4))
    texts = [page.day_list.item(i).text() for i in range(page.day_list.count())]
    assert any("10:30" in t and "周三天气" in t for t in texts)
    page.step(1)
    assert page.view.visible_range()[0] == date(2026, 3, 30)
    assert page.view.items_on(date(2026, 3, 4)) == []
    page.go_today()
    page.set_mode(ViewMode.WEEK)
    assert page.view.visible_range() == (date(2026, 3, 2), date(2026, 3, 8))
    assert [i.post_id for i in page.view.items_on(date(2026, 3, 4))] == [post.id]


def test_dropping_a_draft_on_a_day_plans_it(
    qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts
) -> None:
    ctx = desk.ctx
    draft = ctx.posts.create(desk.clerk, desk.content(title="科普：雷电"), planned_at=None)
    area = make_area(qtbot, desk, prompts)
    page = area.calendar_page
    assert page.drafts.count() == 1
    row = page.drafts.item(0)
    assert row.data(PostIdRole) == draft.id and "科普：雷电" in row.text()
    assert decode_post(page.drafts.mimeData([row])) == (draft.id, None)
    page.view.grab()
    day = page.view.day_rect(date(2026, 3, 6))
    assert day is not None
    # What Qt delivers when the row is dropped on Friday 6 March (real drags need a mouse).
    dragged = page.drafts.mimeData([row])  # kept: the event does not own it
    drop = QDropEvent(
        QPointF(center(day)),
        Qt.DropAction.CopyAction,
        dragged,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(area.changed):
        page.view.event(drop)  # as Qt calls it (sendEvent refuses drops without a drag)
    assert drop.isAccepted()
    saved = ctx.posts.get(desk.clerk, draft.id)
    assert saved.planned_at == datetime(2026, 3, 6, 9, 0, tzinfo=OFFICE_TZ)
    assert saved.content == draft.content and saved.current.number == 2
    assert page.drafts.count() == 0
    assert [i.post_id for i in page.view.items_on(date(2026, 3, 6))] == [draft.id]
    assert "planned" in page.status.text() or "安排" in page.status.text()

    # In the week view the hour counts; dragging an item keeps nothing but the new time.
    page.set_mode(ViewMode.WEEK)
    page.view.grab()
    column = page.view.day_rect(date(2026, 3, 5))
    assert column is not None
    y = page.view.hour_y(datetime(2026, 3, 5, 14, 10).time()) + 2
    when = page.view.target_time(QPoint(int(column.center().x()), int(y)))
    assert when == datetime(2026, 3, 5, 14, tzinfo=OFFICE_TZ)
    assert page.plan(draft.id, when)
    assert ctx.posts.get(desk.clerk, draft.id).planned_at == at(5, 14)
    assert prompts.warnings == []


def test_drag_data_keeps_the_time_of_day(
    qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts
) -> None:
    post = desk.ctx.posts.create(desk.clerk, desk.content(), planned_at=at(4, 17, 0))
    area = make_area(qtbot, desk, prompts)
    view = area.calendar_page.view
    [item] = view.items_on(date(2026, 3, 4))
    assert decode_post(encode_post(post.id, item.at)) == (post.id, datetime(2026, 3, 4, 17).time())
    view.grab()
    target = view.day_rect(date(2026, 3, 10))
    assert target is not None
    with qtbot.waitSignal(view.post_dropped) as dropped:
        view.drop_post_at(post.id, center(target), datetime(2026, 3, 4, 17).time())
    assert dropped.args == [post.id, datetime(2026, 3, 10, 17, tzinfo=OFFICE_TZ)]
    qtbot.waitUntil(lambda: desk.ctx.posts.get(desk.clerk, post.id).planned_at == at(10, 17))


def test_refused_plans_are_explained(qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts) -> None:
    ctx = desk.ctx
    draft = ctx.posts.create(desk.clerk, desk.content(), planned_at=at(4, 10))
    area = make_area(qtbot, desk, prompts)
    page = area.calendar_page
    assert not page.plan(draft.id, at(1, 10))  # the past
    assert len(prompts.warnings) == 1
    with ctx.db.write() as s:  # someone else saves the post meanwhile
        s.execute(update(Post).where(Post.id == draft.id).values(version=Post.version + 1))
    assert not page.plan(draft.id, at(6, 10))
    assert len(prompts.warnings) == 2
    assert ctx.posts.get(desk.clerk, draft.id).planned_at == at(4, 10)
    leader_area = CalendarArea(ctx, desk.leader, prompts)
    qtbot.addWidget(leader_area)
    leader_area.refresh()
    [item] = leader_area.calendar_page.view.items_on(date(2026, 3, 4))
    assert not leader_area.calendar_page.view.movable(item)  # a leader does not draft


def test_fixed_times_and_deadlines_on_the_calendar(
    qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts
) -> None:
    ctx = desk.ctx
    ctx.cadence.add_rule(desk.clerk, "每天07:30和17:00发布天气预报", account_id=desk.weibo)
    ctx.cadence.add_rule(
        desk.office.admin, "每周五提交下一周整周的发布内容,每天至少一条内容", column="#气象科普#"
    )
    area = make_area(qtbot, desk, prompts)
    view = area.calendar_page.view
    today = view.slots_on(date(2026, 3, 2))
    assert [(s.at.strftime("%H:%M"), s.state.value) for s in today] == [
        ("07:30", "missed"),
        ("17:00", "open"),
    ]
    assert [d.name for d in view.deliveries_on(date(2026, 3, 6))] == ["#气象科普#"]
    view.grab()
    area.calendar_page.show_day(date(2026, 3, 6))
    texts = [
        area.calendar_page.day_list.item(i).text()
        for i in range(area.calendar_page.day_list.count())
    ]
    assert any("#气象科普#" in t for t in texts)


def test_rules_page_shows_flagged_text(qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts) -> None:
    ctx = desk.ctx
    ctx.cadence.add_rule(
        desk.clerk, "每天07:30和17:00发布预报；按领导要求安排", account_id=desk.weibo
    )
    area = make_area(qtbot, desk, prompts)
    area.tabs.setCurrentIndex(1)
    page = area.rules_page
    model = page.model
    assert model.rowCount() == 1
    unparsed = model.index(0, RuleColumn.UNPARSED)
    assert unparsed.data() == "按领导要求安排"
    background = unparsed.data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QBrush) and background.color() == FLAG_BACKGROUND
    assert "07:30" in model.index(0, RuleColumn.UNDERSTOOD).data()
    assert model.index(0, RuleColumn.TARGET).data() == "江城气象（微博）"
    assert "1" in page.summary.text()


def test_rule_dialog_says_what_it_understood(
    qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts
) -> None:
    dialog = RuleDialog(desk.ctx, desk.clerk, None)
    qtbot.addWidget(dialog)
    dialog.target_box.setCurrentIndex(dialog.target_box.findData(desk.wechat))
    dialog.text_edit.setPlainText("每周至少1次；看情况加发；领导交办的随时发")
    assert dialog.understood.text() != ""
    assert dialog.unparsed.isHidden()  # 看情况, 随时: no requirement on purpose
    dialog.text_edit.setPlainText("每周至少1次；逢年过节多发")
    assert not dialog.unparsed.isHidden() and "逢年过节多发" in dialog.unparsed.text()
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button.click()
    [rule] = desk.ctx.cadence.list_rules(desk.clerk)
    assert (rule.account_id, rule.unparsed) == (desk.wechat, ("逢年过节多发",))
    again = RuleDialog(desk.ctx, desk.clerk, None)
    qtbot.addWidget(again)
    again.target_box.setCurrentIndex(again.target_box.findData(desk.wechat))
    again.text_edit.setPlainText("每周至少1次；逢年过节多发")
    again.save_button.click()
    assert not again.banner.isHidden() and again.invalid_fields() == ["cadence_text"]


def test_rule_dialog_sets_the_effective_date(
    qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts
) -> None:
    dialog = RuleDialog(desk.ctx, desk.clerk, None)
    qtbot.addWidget(dialog)
    assert dialog.effective_from() == date(2026, 3, 2)  # today, by default
    assert dialog.active_box.isHidden()  # a new rule is in use; nothing in the corner
    dialog.target_box.setCurrentIndex(dialog.target_box.findData(desk.weibo))
    dialog.text_edit.setPlainText("每天07:30和17:00发布天气预报")
    dialog.effective_edit.setDate(QDate(2026, 2, 16))  # kept for a while already
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button.click()
    [rule] = desk.ctx.cadence.list_rules(desk.clerk)
    assert rule.effective_from == date(2026, 2, 16)

    area = make_area(qtbot, desk, prompts)
    area.tabs.setCurrentIndex(1)
    model = area.rules_page.model
    assert model.index(0, RuleColumn.EFFECTIVE_FROM).data() == "2026-02-16"
    change = RuleDialog(desk.ctx, desk.clerk, rule)
    qtbot.addWidget(change)
    assert change.effective_from() == date(2026, 2, 16) and change.column_edit.isHidden()
    change.effective_edit.setDate(QDate(2026, 2, 25))
    with qtbot.waitSignal(change.saved):
        change.save_button.click()
    # The calendar's fixed times begin on the new date (the month view starts on 23 Feb).
    area.tabs.setCurrentIndex(0)
    area.refresh()
    view = area.calendar_page.view
    assert view.slots_on(date(2026, 2, 24)) == []
    assert [s.state.value for s in view.slots_on(date(2026, 2, 25))] == ["missed", "missed"]


def test_compliance_page_computes_the_period(
    qtbot: QtBot, desk: Desk, prompts: ScriptedPrompts
) -> None:
    desk.ctx.cadence.add_rule(
        desk.clerk, "每周至少1次", account_id=desk.weibo, effective_from=date(2026, 2, 1)
    )
    area = make_area(qtbot, desk, prompts)
    area.tabs.setCurrentIndex(2)
    page = area.compliance_page
    page.set_period(date(2026, 2, 1), date(2026, 2, 28))
    page.refresh()
    names = [page.model.record(r).name for r in range(page.model.rowCount())]
    assert sorted(names) == ["江城气象", "江城气象服务"]
    weibo = next(r for r in page.model.records() if r.account_id == desk.weibo)
    assert (weibo.expected, weibo.missed) == (3, 3)  # whole weeks: 2–8, 9–15, 16–22 Feb
    assert "2026-02-01" in page.summary.text()


def test_the_navigation_opens_the_calendar(
    qtbot: QtBot, desk: Desk, make_window: MakeWindow
) -> None:
    window = make_window(desk.clerk)
    assert window.work_area is not None
    window.work_area.show_area(Area.CALENDAR)
    page = window.work_area.area_page(Area.CALENDAR)
    assert isinstance(page, CalendarArea)
    assert window.work_area.current_area() is Area.CALENDAR
