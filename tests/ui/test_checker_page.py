"""The 内容检查 page in the Posts area: findings panel, masking, suggestions, counts, copy."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from newmedia_desk.context import AppContext
from newmedia_desk.domain.checker.check import CheckResult, Finding, check
from newmedia_desk.domain.checker.lexicon import Severity
from newmedia_desk.domain.checker.privacy import id_check_digit
from newmedia_desk.domain.errors import StorageError
from newmedia_desk.ui.areas import Area
from newmedia_desk.ui.checker_page import CheckerPage, shipped_checker
from newmedia_desk.ui.findings_model import FindingColumn, FindingsModel, finding_rows
from newmedia_desk.ui.posts_area import PostsArea, context_checker
from newmedia_desk.ui.record_table import RowRole
from tests.ui.conftest import CLERK_PASSWORD, MakeWindow, Office, check_model

if TYPE_CHECKING:
    from pytestqt.modeltest import ModelTester

ID17 = "11010519491231002"
ID_NUMBER = ID17 + id_check_digit(ID17)
MOBILE = "13812345678"


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> CheckerPage:
    widget = CheckerPage(context_checker(ctx))
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    return widget


def _row_of(page: CheckerPage, finding: Finding) -> QModelIndex:
    for row in range(page.panel.proxy.rowCount()):
        index = page.panel.proxy.index(row, 0)
        if index.data(RowRole).finding == finding:
            return index
    raise AssertionError(f"{finding} not shown")


def _cell(page: CheckerPage, finding: Finding, column: FindingColumn) -> str:
    index = _row_of(page, finding)
    value = index.siblingAtColumn(column).data()
    assert isinstance(value, str)
    return value


def _double_click(qtbot: QtBot, page: CheckerPage, finding: Finding) -> None:
    index = _row_of(page, finding)
    view = page.panel.table
    rect = view.visualRect(index)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _only(page: CheckerPage, category: str) -> Finding:
    found = [f for f in page.editor.result().findings if f.category == category]
    assert len(found) == 1, found
    return found[0]


def test_summary_line_and_tier(page: CheckerPage) -> None:
    assert page.panel.summary.text() == "No problems found · suggested tier: General"
    page.editor.setPlainText(f"区人民攻府通报突发事件，北朝鲜代表团，联系人{ID_NUMBER}。")
    assert page.panel.summary.text() == (
        "2 to fix (blocks submission) · 1 for the chief's approval · 1 to check"
        " · suggested tier: Sensitive"
    )
    page.editor.setPlainText("北朝鲜代表团来访")
    assert page.panel.summary.text() == "1 to check · suggested tier: General"


def test_table_shows_findings_in_order_of_position(page: CheckerPage) -> None:
    page.title_edit.setText("人民检查院通报")
    page.editor.setPlainText("第一行\n😀北 朝 鲜代表团，" + ID_NUMBER)
    model = page.panel.model
    rows = model.records()
    assert [r.finding.field for r in rows] == ["title", "body", "body"]
    wording = _only(page, "国名")
    assert _cell(page, wording, FindingColumn.FOUND) == "北 朝 鲜"
    assert _cell(page, wording, FindingColumn.WHERE) == "2:2"
    assert _cell(page, wording, FindingColumn.SUGGESTION) == "朝鲜"
    assert _cell(page, wording, FindingColumn.SEVERITY) == "Note"
    assert _cell(page, wording, FindingColumn.CATEGORY) == "Country name"
    title = rows[0].finding
    assert _cell(page, title, FindingColumn.WHERE) == "Title"
    assert _cell(page, title, FindingColumn.FOUND) == "人民检查院"
    privacy = _only(page, "privacy")
    assert _cell(page, privacy, FindingColumn.SUGGESTION) == "Mask it: 11*************02X"
    assert _cell(page, privacy, FindingColumn.CATEGORY) == "Personal data"
    severity = _row_of(page, privacy).siblingAtColumn(FindingColumn.SEVERITY)
    assert severity.data(Qt.ItemDataRole.BackgroundRole) is not None


def test_findings_model_passes_the_model_checker(
    qtmodeltester: ModelTester, page: CheckerPage
) -> None:
    page.set_platform("微博")
    page.editor.setPlainText(f"攻府 {MOBILE} #话题 北朝鲜" + "长" * 2001)
    model = FindingsModel()
    model.show_result(page.editor.result(), page.editor.text())
    check_model(qtmodeltester, model)
    check_model(qtmodeltester, page.panel.proxy)
    where = {
        r.finding.rule: model.index(i, FindingColumn.WHERE).data()
        for i, r in enumerate(model.records())
    }
    assert where["length.body"] == "Body"
    suggestions = [model.index(i, FindingColumn.SUGGESTION).data() for i in range(model.rowCount())]
    assert "2016 characters, 微博 allows 2000: shorten it" in suggestions


def test_typing_keeps_the_selected_row(qtbot: QtBot, page: CheckerPage) -> None:
    page.editor.setPlainText("甲攻府，北朝鲜")
    wording = _only(page, "国名")
    page.panel.select_finding(wording)
    cursor = page.editor.textCursor()
    cursor.setPosition(0)
    page.editor.setTextCursor(cursor)
    QTest.keyClicks(page.editor, "ab")
    selected = page.panel.selected_findings()
    assert [f.term for f in selected] == ["北朝鲜"]
    assert selected[0].start == wording.start + 2


def test_mask_replaces_the_id_number_as_one_undo_step(qtbot: QtBot, page: CheckerPage) -> None:
    original = f"😀联系人身份证号{ID_NUMBER}，电话{MOBILE}。"
    page.editor.setPlainText(original)
    assert not page.panel.mask_button.isEnabled()
    id_finding = next(f for f in page.editor.result().findings if f.rule == "id_number")
    page.panel.select_finding(id_finding)
    assert page.panel.mask_button.isEnabled()
    QTest.mouseClick(page.panel.mask_button, Qt.MouseButton.LeftButton)
    assert page.editor.text() == f"😀联系人身份证号11*************02X，电话{MOBILE}。"
    assert [f.rule for f in page.editor.result().findings] == ["mobile"]
    page.editor.undo()
    assert page.editor.text() == original
    assert not page.editor.document().isUndoAvailable()


def test_mask_all_is_one_undo_step(qtbot: QtBot, page: CheckerPage) -> None:
    original = f"身份证{ID_NUMBER}\n电话{MOBILE}，备用{MOBILE}"
    page.editor.setPlainText(original)
    QTest.mouseClick(page.panel.mask_all_button, Qt.MouseButton.LeftButton)
    assert page.editor.text() == "身份证11*************02X\n电话138****5678，备用138****5678"
    assert not page.panel.mask_all_button.isEnabled()
    page.editor.undo()
    assert page.editor.text() == original


def test_use_suggestion_and_its_alternatives(qtbot: QtBot, page: CheckerPage) -> None:
    page.editor.setPlainText("北朝鲜与两岸三地，删除类：杀光")
    button = page.panel.suggest_button
    assert not button.isEnabled()
    page.panel.select_finding(_only(page, "国名"))
    assert button.isEnabled() and button.menu() is None
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert page.editor.text() == "朝鲜与两岸三地，删除类：杀光"
    page.panel.select_finding(_only(page, "涉港澳台用语"))
    menu = button.menu()
    assert menu is not None
    assert [a.text() for a in menu.actions()] == ["两岸四地", "内地与港澳、大陆与台湾"]
    menu.actions()[1].trigger()
    assert page.editor.text() == "朝鲜与内地与港澳、大陆与台湾，删除类：杀光"
    page.panel.select_finding(_only(page, "煽动暴力"))  # "删除" is advice, not a wording
    assert not button.isEnabled()


def test_double_click_selects_the_span_in_the_editor(qtbot: QtBot, page: CheckerPage) -> None:
    page.editor.setPlainText("正文\n" * 80 + "👍🏽e\u0301区人民攻府")
    typo = _only(page, "严重差错")
    _double_click(qtbot, page, typo)
    assert page.editor.textCursor().selectedText() == "攻府"
    assert page.editor.verticalScrollBar().value() > 0
    assert page.editor.hasFocus()


def test_title_findings_select_and_mask_in_the_title(qtbot: QtBot, page: CheckerPage) -> None:
    page.title_edit.setText(f"😀寻人{MOBILE}")
    page.editor.setPlainText("正文")
    mobile = _only(page, "privacy")
    assert mobile.field == "title"
    _double_click(qtbot, page, mobile)
    assert page.title_edit.selectedText() == MOBILE
    QTest.mouseClick(page.panel.mask_button, Qt.MouseButton.LeftButton)
    assert page.title_edit.text() == "😀寻人138****5678"
    assert page.editor.text() == "正文"


def test_count_label_follows_the_platform(page: CheckerPage) -> None:
    page.editor.setPlainText("abcd中文")
    assert page.count_label.text() == "6 characters"
    assert not page.title_count.isVisible()
    page.set_platform("微博")
    assert page.count_label.text() == "4 / 2000 characters (half-width characters count half)"
    page.editor.setPlainText("文" * 141)
    assert page.count_label.text() == (
        "141 / 2000 characters (half-width characters count half, the feed shows the first 140)"
    )
    page.editor.setPlainText("文" * 2001)
    assert "2001 / 2000" in page.count_label.text()
    assert "c62828" in page.count_label.styleSheet()
    page.set_platform("微信公众号")
    page.title_edit.setText("标题")
    assert page.title_count.isVisible()
    assert page.title_count.text() == "2 / 64"


def test_platform_and_title_rules_show_up(page: CheckerPage) -> None:
    page.set_platform("网站")
    page.editor.setPlainText("正文")
    assert [f.rule for f in page.editor.result().findings] == ["title.required"]
    assert page.panel.model.index(0, FindingColumn.SUGGESTION).data() == "网站 needs a title"
    page.title_edit.setText("通知")
    assert page.editor.result().findings == ()


def test_checking_leaves_the_text_alone(qtbot: QtBot, page: CheckerPage) -> None:
    text = f"攻\u200b府 ＡＢＣ 😀 e\u0301\n{ID_NUMBER}\t北朝鲜 #话题"
    page.editor.setPlainText(text)
    page.set_platform("微博")
    page.title_edit.setText("标题")
    page.refresh()
    assert page.editor.text() == text
    assert page.editor.checked_text() == text
    assert not page.editor.document().isUndoAvailable()


def test_copy_text_says_what_still_blocks(qtbot: QtBot, page: CheckerPage) -> None:
    page.editor.setPlainText("区人民攻府通报")
    QTest.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "区人民攻府通报"
    assert "1 problem(s) must still be fixed" in page.copy_status.text()
    page.editor.setPlainText("区人民政府通报")
    assert page.copy_status.text() == ""
    QTest.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    assert page.copy_status.text() == "Copied."


def test_lexicons_unreadable_falls_back_to_the_shipped_lists(qtbot: QtBot) -> None:
    def broken(text: str, *, title: str, platform: str | None) -> CheckResult:
        raise StorageError("disk gone")

    widget = CheckerPage(broken)
    qtbot.addWidget(widget)
    widget.editor.setPlainText("区人民攻府")
    assert [f.term for f in widget.editor.result().findings] == ["攻府"]
    assert not widget.message.isHidden()
    assert "shipped lists" in widget.message.text()


def test_checker_uses_the_office_lexicons(page: CheckerPage, ctx: AppContext) -> None:
    page.editor.setPlainText("北朝鲜")
    expected = check("北朝鲜", title="", platform=None, lexicons=ctx.lexicons.active())
    assert page.editor.result() == expected
    assert page.editor.result() == shipped_checker("北朝鲜", title="", platform=None)


def test_finding_rows_line_and_column() -> None:
    text = "一\n二三攻府"
    result = check(text)
    (row,) = finding_rows(result, text)
    assert (row.line, row.column, row.found) == (2, 3, "攻府")
    assert row.finding.severity is Severity.BLOCK


def test_posts_area_has_the_checker_for_a_clerk(
    qtbot: QtBot, office: Office, make_window: MakeWindow
) -> None:
    window = make_window(office.sign_in("clerk", CLERK_PASSWORD))
    work = window.work_area
    assert work is not None
    assert work._posts_area is None  # built on the first visit only
    work.show_area(Area.POSTS)
    area = work.pages.currentWidget()
    assert isinstance(area, PostsArea)
    assert area.tabs.tabText(area.tabs.indexOf(area.checker_page)) == "Content check"
    assert area.findChild(QLabel, "planned") is None  # nothing "comes later" any more
    area.tabs.setCurrentWidget(area.checker_page)
    area.checker_page.editor.setPlainText("区人民攻府")
    assert area.checker_page.panel.model.rowCount() == 1
    work.show_area(Area.START)
    work.show_area(Area.POSTS)
    assert work.pages.currentWidget() is area
    assert area.checker_page.editor.text() == "区人民攻府"
