"""The ledgers area: comments and messages, feedback, incidents with clocks, holds, export."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from newmedia_desk.context import AppContext
from newmedia_desk.domain.accounts import AccountDraft
from newmedia_desk.domain.clock import FixedClock
from newmedia_desk.domain.incidents import IncidentDraft, IncidentLevel, IncidentStep
from newmedia_desk.domain.interaction import ModerationAction, ModerationDraft, ModerationKind
from newmedia_desk.domain.staff import Principal
from newmedia_desk.ui.areas import Area
from newmedia_desk.ui.interaction_dialogs import (
    AnswerDialog,
    CloseIncidentDialog,
    FeedbackDialog,
    HandleDialog,
    HoldDialog,
    IncidentDialog,
    ModerationDialog,
    PeriodDialog,
    StepDialog,
)
from newmedia_desk.ui.interaction_models import (
    RED,
    ClockTableModel,
    FeedbackTableModel,
    HoldTableModel,
    IncidentTableModel,
    ModerationColumn,
    ModerationTableModel,
)
from newmedia_desk.ui.interaction_texts import duration_text, late_item_text
from newmedia_desk.ui.ledgers_area import LedgersArea

from .conftest import (
    CLERK_PASSWORD,
    LEADER_PASSWORD,
    MakeWindow,
    Office,
    ScriptedPrompts,
    check_model,
)


@dataclass
class Desk:
    office: Office
    clerk: Principal
    leader: Principal
    weibo: int


@pytest.fixture
def desk(office: Office) -> Desk:
    ctx = office.ctx
    platform = next(p.id for p in ctx.accounts.list_platforms(office.admin) if p.name == "微博")
    weibo = ctx.accounts.register_existing(
        office.admin,
        AccountDraft(
            platform_id=platform,
            name="江城气象",
            unit_id=office.section_id,
            administrator_id=office.clerk.id,
            responsible_id=office.clerk.id,
            purpose="发布天气预报和预警",
        ),
        "已开设",
    )
    return Desk(
        office,
        office.sign_in("clerk", CLERK_PASSWORD),
        office.sign_in("leader", LEADER_PASSWORD),
        weibo.id,
    )


def make_area(
    qtbot: QtBot, ctx: AppContext, who: Principal, prompts: ScriptedPrompts
) -> LedgersArea:
    area = LedgersArea(ctx, who, prompts)
    qtbot.addWidget(area)
    area.resize(1100, 700)
    area.show()
    area.refresh()
    return area


def red(model: object, row: int) -> bool:
    brush = model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole)  # type: ignore[attr-defined]
    return isinstance(brush, QBrush) and brush.color() == RED


def test_record_a_message_and_answer_it_late(
    qtbot: QtBot,
    ctx: AppContext,
    desk: Desk,
    prompts: ScriptedPrompts,
    fixed_clock: FixedClock,
) -> None:
    area = make_area(qtbot, ctx, desk.clerk, prompts)
    tab = area.moderation_tab
    assert tab.record_button.isEnabled() and not tab.handle_button.isEnabled()
    tab.open_record()
    dialog = tab.dialog
    assert isinstance(dialog, ModerationDialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(ModerationKind.MESSAGE.value))
    assert dialog.needs_answer_check.isChecked()
    dialog.save_button.click()  # no text yet: the dialog stays open and marks the field
    assert dialog.isVisible() and dialog.invalid_fields() == ["text"]
    dialog.text_edit.setPlainText("雷达站的辐射对人体有影响吗？")
    dialog.author_edit.setText("城南居民")
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert tab.model.rowCount() == 1
    [entry] = tab.model.records()
    assert entry.needs_answer and entry.action is None
    assert not red(tab.model, 0)

    fixed_clock.advance(days=4)  # past the end of Thursday
    area.refresh()
    assert red(tab.model, 0)
    assert "1 late" in tab.summary.text()
    tab.table.selectRow(0)
    assert tab.handle_button.isEnabled()
    tab.open_handle()
    handle = tab.dialog
    assert isinstance(handle, HandleDialog)
    fields = handle.handling_fields
    fields.action_combo.setCurrentIndex(
        fields.action_combo.findData(ModerationAction.REPLIED.value)
    )
    assert fields.reply_edit.isEnabled() and not fields.unit_combo.isEnabled()
    fields.reply_edit.setPlainText("您好，雷达电磁辐射远低于国家标准限值，对人体无害。")
    handle.save_button.click()
    assert not handle.isVisible()
    [answered] = tab.model.records()
    assert answered.action is ModerationAction.REPLIED
    assert red(tab.model, 0)  # answered, but late: it stays red in the log
    assert not tab.handle_button.isEnabled()


def test_feedback_hand_over_and_answer(
    qtbot: QtBot, ctx: AppContext, desk: Desk, prompts: ScriptedPrompts
) -> None:
    area = make_area(qtbot, ctx, desk.clerk, prompts)
    tab = area.feedback_tab
    tab.open_hand_over()
    dialog = tab.dialog
    assert isinstance(dialog, FeedbackDialog)
    dialog.text_edit.setPlainText("观测场施工噪音扰民")
    dialog.save_button.click()
    assert dialog.invalid_fields() == ["unit_id"]
    dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findData(desk.office.root_id))
    dialog.save_button.click()
    assert not dialog.isVisible()
    [fb] = tab.model.records()
    assert fb.unit_name == "市气象局" and fb.due_on.isoformat() == "2026-03-05"
    tab.table.selectRow(0)
    tab.open_answer()
    answer = tab.dialog
    assert isinstance(answer, AnswerDialog)
    answer.answer_edit.setPlainText("已协调夜间停工")
    answer.save_button.click()
    [done] = tab.model.records()
    assert done.answer == "已协调夜间停工" and not done.late
    assert not tab.answer_button.isEnabled()


def test_incident_clocks_steps_close_and_holds(
    qtbot: QtBot,
    ctx: AppContext,
    desk: Desk,
    prompts: ScriptedPrompts,
    fixed_clock: FixedClock,
) -> None:
    area = make_area(qtbot, ctx, desk.clerk, prompts)
    tab = area.incidents_tab
    assert tab.open_button.isEnabled() and not tab.hold_button.isEnabled()
    tab.open_incident()
    dialog = tab.dialog
    assert isinstance(dialog, IncidentDialog)
    dialog.title_edit.setText("暴雨致城区内涝")
    dialog.level_combo.setCurrentIndex(dialog.level_combo.findData(IncidentLevel.MAJOR.value))
    dialog.save_button.click()
    assert not dialog.isVisible()
    [incident] = tab.model.records()
    assert tab.selected() == incident
    assert [c.step for c in tab.clock_model.records()] == list(IncidentStep)
    status = tab.clock_model.index(0, 3).data()
    assert status == "1 h 0 min left"

    fixed_clock.advance(hours=2)  # the chief should have heard within 1 h
    tab.refresh()
    assert red(tab.model, 0) and red(tab.clock_model, 0)
    assert tab.clock_model.index(0, 3).data() == "Overdue by 1 h 0 min"
    tab.open_step()
    step = tab.dialog
    assert isinstance(step, StepDialog)
    assert step.step_combo.currentData() == IncidentStep.CHIEF.value
    step.at_edit.setDateTime(step.at_edit.dateTime().addSecs(-100 * 60))  # 09:20
    step.save_button.click()
    assert not step.isVisible()
    assert tab.clock_model.records()[0].done and not red(tab.clock_model, 0)
    assert not red(tab.model, 0)

    # The clerk may not pause publishing; the administrator may.
    admin_area = make_area(qtbot, ctx, desk.office.admin, prompts)
    admin_tab = admin_area.incidents_tab
    admin_tab.select_incident(incident.id)
    assert admin_tab.hold_button.isEnabled()
    admin_tab.open_hold()
    hold = admin_tab.dialog
    assert isinstance(hold, HoldDialog)
    hold.set_checked([desk.weibo])
    prompts.confirm_answers = [False]
    hold.save_button.click()
    assert hold.isVisible() and ctx.interaction.held_accounts() == set()
    assert "江城气象" in prompts.questions[-1]
    hold.save_button.click()  # confirmed this time (the default answer)
    assert not hold.isVisible()
    assert ctx.interaction.held_accounts() == {desk.weibo}
    admin_tab.hold_table.selectRow(0)
    assert admin_tab.release_button.isEnabled()
    prompts.confirm_answers = [True]
    admin_tab.release_hold()
    assert ctx.interaction.held_accounts() == set()
    assert not admin_tab.hold_model.records()[0].active

    tab.refresh()
    tab.open_close()
    close = tab.dialog
    assert isinstance(close, CloseIncidentDialog)
    assert close.banner.isVisible()  # names the steps not recorded yet
    close.notes_edit.setPlainText("积水已退")
    close.save_button.click()
    [closed] = tab.model.records()
    assert not closed.is_open
    assert not tab.step_button.isEnabled() and not tab.close_button.isEnabled()
    tab.open_only.setChecked(True)
    assert tab.model.rowCount() == 0


def test_a_leader_opens_incidents_but_does_not_moderate(
    qtbot: QtBot, ctx: AppContext, desk: Desk, prompts: ScriptedPrompts
) -> None:
    ctx.interaction.record_moderation(
        desk.clerk,
        ModerationDraft(desk.weibo, ModerationKind.COMMENT, "好", ctx.clock.now()),
    )
    area = make_area(qtbot, ctx, desk.leader, prompts)
    assert area.moderation_tab.model.rowCount() == 1
    area.moderation_tab.table.selectRow(0)
    assert not area.moderation_tab.record_button.isEnabled()
    assert not area.moderation_tab.handle_button.isEnabled()
    assert not area.feedback_tab.hand_button.isEnabled()
    assert area.incidents_tab.open_button.isEnabled()
    assert not area.incidents_tab.hold_button.isEnabled()


def test_export_the_incident_ledger(
    qtbot: QtBot, ctx: AppContext, desk: Desk, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    ctx.interaction.open_incident(
        desk.clerk,
        IncidentDraft(
            "网传预报错误", IncidentLevel.GENERAL, desk.office.section_id, ctx.clock.now()
        ),
    )
    area = make_area(qtbot, ctx, desk.clerk, prompts)
    tab = area.incidents_tab
    target = tmp_path / "incidents.xlsx"
    prompts.save_files = [target]
    tab.export_ledger()
    period = tab.dialog
    assert isinstance(period, PeriodDialog)
    period.save_button.click()
    assert prompts.infos and str(target) in prompts.infos[-1]
    ws = load_workbook(target)["突发事件台账"]
    assert ws["B4"].value == "网传预报错误"


def test_the_area_in_the_main_window(
    make_window: MakeWindow, desk: Desk, fixed_clock: FixedClock
) -> None:
    ctx = desk.office.ctx
    ctx.interaction.open_incident(
        desk.clerk,
        IncidentDraft("暴雨", IncidentLevel.MAJOR, desk.office.section_id, ctx.clock.now()),
    )
    window = make_window(desk.clerk)
    work = window.work_area
    assert work is not None
    work.show_area(Area.LEDGERS)
    page = work.area_page(Area.LEDGERS)
    assert isinstance(page, LedgersArea)
    assert page.incidents_tab.model.rowCount() == 1
    fixed_clock.advance(hours=2)
    page.incidents_tab.timer.timeout.emit()  # the tab is hidden: nothing is redrawn
    assert not red(page.incidents_tab.model, 0)
    page.show_incidents()
    page.incidents_tab.timer.timeout.emit()  # the minute timer redraws the clocks
    assert red(page.incidents_tab.model, 0)


def test_models_pass_the_model_checker(
    ctx: AppContext, desk: Desk, fixed_clock: FixedClock, qtmodeltester: ModelTester
) -> None:
    seed = ctx.interaction
    seed.record_moderation(
        desk.clerk,
        ModerationDraft(
            desk.weibo, ModerationKind.MESSAGE, "问", ctx.clock.now(), needs_answer=True
        ),
    )
    incident = seed.open_incident(
        desk.clerk,
        IncidentDraft("暴雨", IncidentLevel.MAJOR, desk.office.section_id, ctx.clock.now()),
    )
    incident = seed.hold(desk.office.admin, incident.id, [desk.weibo])
    fixed_clock.advance(days=5)
    moderation = ModerationTableModel()
    moderation.set_rows(seed.list_moderation(None))
    check_model(qtmodeltester, moderation)
    assert moderation.index(0, ModerationColumn.DUE).data() == "2026-03-05 (late)"
    feedback = FeedbackTableModel()
    feedback.set_rows(seed.list_feedback(None))
    check_model(qtmodeltester, feedback)
    incidents = IncidentTableModel()
    incidents.set_rows(seed.list_incidents(None))
    check_model(qtmodeltester, incidents)
    [record] = incidents.records()
    clocks = ClockTableModel()
    clocks.set_rows(record.clocks)
    check_model(qtmodeltester, clocks)
    assert clocks.index(0, 3).data() == "Overdue by 4 d 23 h"
    holds = HoldTableModel()
    holds.set_rows(record.holds)
    check_model(qtmodeltester, holds)
    assert holds.index(0, 0).data() == "江城气象（微博）"


def test_late_items_read_as_sentences(ctx: AppContext, desk: Desk, fixed_clock: FixedClock) -> None:
    ctx.interaction.record_moderation(
        desk.clerk,
        ModerationDraft(
            desk.weibo, ModerationKind.MESSAGE, "开放日是哪天？", ctx.clock.now(), needs_answer=True
        ),
    )
    ctx.interaction.open_incident(
        desk.clerk,
        IncidentDraft("暴雨", IncidentLevel.GENERAL, desk.office.section_id, ctx.clock.now()),
    )
    fixed_clock.advance(days=4)
    lines = [late_item_text(i) for i in ctx.interaction.late_items(desk.clerk)]
    assert lines[0].startswith("Incident “暴雨”: Reported to the chief was due ")
    assert lines[-1] == "Message on 江城气象（微博） not answered (due 2026-03-05): 开放日是哪天？"
    assert duration_text(timedelta(minutes=-75)) == "1 h 15 min"
