"""The lexicon page (词库管理): list, search, add, edit, delete, import, export, history."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from newmedia_desk.domain.checker.lexicon import SHIPPED, Severity, Term
from newmedia_desk.domain.errors import PermissionDeniedError
from newmedia_desk.ui.areas import Area
from newmedia_desk.ui.lexicon_dialogs import TermEditorDialog
from newmedia_desk.ui.lexicon_model import TermColumn
from newmedia_desk.ui.lexicon_page import LexiconPage, save_text_atomically

from .conftest import CLERK_PASSWORD, MakeWindow, Office, ScriptedPrompts, check_model

if TYPE_CHECKING:
    from pytestqt.modeltest import ModelTester


def _page(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts, *, admin: bool = True
) -> LexiconPage:
    actor = office.admin if admin else office.sign_in("clerk", CLERK_PASSWORD)
    page = LexiconPage(office.ctx.lexicons, actor, prompts)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.refresh()
    assert page.select_lexicon("wording")
    return page


def _terms(office: Office, name: str = "wording") -> dict[str, Term]:
    lexicon, _revision = office.ctx.lexicons.lexicon(office.admin, name)
    return {t.term: t for t in lexicon.terms}


def _revision(office: Office, name: str = "wording") -> int:
    return office.ctx.lexicons.lexicon(office.admin, name)[1]


def _editor(page: LexiconPage) -> TermEditorDialog:
    editor = page.editor
    assert editor is not None and editor.isVisible()
    return editor


def _shown_terms(page: LexiconPage) -> list[str]:
    return [
        str(page.proxy.index(row, TermColumn.TERM).data()) for row in range(page.proxy.rowCount())
    ]


def test_lists_the_lexicons_and_shows_the_terms_with_their_header(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts, qtmodeltester: ModelTester
) -> None:
    page = _page(qtbot, office, prompts)
    names = {s.name for s in page.list_model.records()}
    assert set(SHIPPED) <= names
    assert page.model.rowCount() == len(_terms(office))
    assert "新华社" in page.header_label.text()  # the source comment of wording.txt
    assert not page.header_label.text().startswith("#")
    assert page.revision == _revision(office)
    row = page.model.row_of("北朝鲜")
    assert row is not None
    assert page.model.index(row, TermColumn.SEVERITY).data() == "Warn"
    assert page.model.index(row, TermColumn.SUGGESTION).data() == "朝鲜"
    assert not prompts.warnings
    check_model(qtmodeltester, page.list_model)
    check_model(qtmodeltester, page.model)
    check_model(qtmodeltester, page.proxy)


def test_search_filters_term_category_and_suggestion(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts, qtmodeltester: ModelTester
) -> None:
    page = _page(qtbot, office, prompts)
    total = page.proxy.rowCount()
    page.search_edit.setText("朝鲜")  # the term 北朝鲜 and its suggestion 朝鲜
    assert "北朝鲜" in _shown_terms(page)
    assert 0 < page.proxy.rowCount() < total
    assert f"of {total}" in page.count_label.text()
    page.search_edit.setText("涉港澳台")  # a category
    shown = _shown_terms(page)
    assert "中港" in shown and "北朝鲜" not in shown
    page.search_edit.setText("内地与香港")  # a suggestion
    assert _shown_terms(page) == ["中港"]
    check_model(qtmodeltester, page.proxy)
    page.search_edit.setText("no such thing")
    assert page.proxy.rowCount() == 0
    page.search_edit.clear()
    assert page.proxy.rowCount() == total


def test_search_is_case_insensitive(qtbot: QtBot, office: Office, prompts: ScriptedPrompts) -> None:
    page = _page(qtbot, office, prompts)
    office.ctx.lexicons.add_term(
        office.admin,
        "wording",
        Term("WeChat小程序", "平台名称", Severity.WARN, "微信小程序"),
        revision=page.revision,
    )
    page.refresh()
    page.search_edit.setText("wechat")
    assert _shown_terms(page) == ["WeChat小程序"]


def test_add_edit_and_delete_terms(qtbot: QtBot, office: Office, prompts: ScriptedPrompts) -> None:
    page = _page(qtbot, office, prompts)
    start = page.revision
    count = page.model.rowCount()

    page.add_button.click()
    editor = _editor(page)
    editor.term_edit.setText("港独")
    editor.category_combo.setCurrentText("涉港澳台用语")
    editor.severity_combo.setCurrentIndex(editor.severity_combo.findData("block"))
    editor.suggestion_edit.setText("删除")
    editor.save_button.click()
    assert not editor.isVisible()
    assert page.revision == start + 1 == _revision(office)
    assert page.model.rowCount() == count + 1
    assert [t.term for t in page.selected_terms()] == ["港独"]
    saved = _terms(office)["港独"]
    assert (saved.category, saved.severity, saved.suggestion) == (
        "涉港澳台用语",
        Severity.BLOCK,
        "删除",
    )
    summary = page.current_summary()
    assert summary is not None and summary.revision == start + 1
    assert summary.term_count == count + 1

    page.edit_button.click()
    editor = _editor(page)
    assert editor.term_edit.text() == "港独"
    editor.suggestion_edit.setText("删除，并报舆情办")
    editor.severity_combo.setCurrentIndex(editor.severity_combo.findData("escalate"))
    editor.save_button.click()
    assert not editor.isVisible()
    assert page.revision == start + 2
    saved = _terms(office)["港独"]
    assert saved.severity is Severity.ESCALATE and saved.suggestion == "删除，并报舆情办"

    assert page.select_terms(["港独", "北朝鲜"]) == 2
    prompts.confirm_answers = [False]
    page.delete_button.click()
    assert "2" in prompts.questions[-1] and "北朝鲜" in prompts.questions[-1]
    assert page.revision == start + 2 and "港独" in _terms(office)
    page.select_terms(["港独", "北朝鲜"])
    prompts.confirm_answers = [True]
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_Delete)  # the Delete key asks the same
    assert page.revision == start + 3 == _revision(office)
    assert "港独" not in _terms(office) and "北朝鲜" not in _terms(office)
    assert page.model.rowCount() == count - 1
    assert not prompts.warnings


def test_a_duplicate_or_empty_term_keeps_the_dialog_open(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts
) -> None:
    page = _page(qtbot, office, prompts)
    start = page.revision
    page.open_add()
    editor = _editor(page)
    editor.save_button.click()
    assert editor.isVisible() and editor.invalid_fields() == ["term"]
    editor.term_edit.setText("北朝鲜")
    editor.suggestion_edit.setText("朝鲜")
    editor.save_button.click()
    assert editor.isVisible() and editor.invalid_fields() == ["term"]
    assert "“北朝鲜” is in this lexicon already" in editor.banner.text()
    assert editor.suggestion_edit.text() == "朝鲜"
    editor.term_edit.setText("北 朝 鲜")  # the same term for the checker
    editor.save_button.click()
    assert editor.isVisible() and "already" in editor.banner.text()
    editor.term_edit.setText("#北朝鲜")
    editor.save_button.click()
    assert editor.isVisible() and "cannot start with #" in editor.banner.text()
    assert _revision(office) == start


def test_editing_after_a_change_behind_the_page_reloads_and_keeps_the_input(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts
) -> None:
    page = _page(qtbot, office, prompts)
    start = page.revision
    page.select_terms(["北朝鲜"])
    page.open_edit()
    editor = _editor(page)
    editor.suggestion_edit.setText("朝鲜（朝鲜民主主义人民共和国）")
    # Meanwhile, another administrator adds a term.
    office.ctx.lexicons.add_term(
        office.admin, "wording", Term("某国政权", "国名", Severity.WARN, "核实国名"), revision=start
    )
    editor.save_button.click()
    assert editor.isVisible()
    assert "Someone else changed" in editor.banner.text()
    assert "press Save" in editor.banner.text()
    assert editor.suggestion_edit.text() == "朝鲜（朝鲜民主主义人民共和国）"
    assert page.revision == start + 1  # the page reloaded
    assert page.model.row_of("某国政权") is not None
    editor.save_button.click()  # apply over the new revision
    assert not editor.isVisible()
    assert _terms(office)["北朝鲜"].suggestion == "朝鲜（朝鲜民主主义人民共和国）"
    assert "某国政权" in _terms(office)
    assert page.revision == start + 2


def test_editing_a_term_removed_meanwhile_offers_to_add_it_again(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts
) -> None:
    page = _page(qtbot, office, prompts)
    start = page.revision
    page.select_terms(["中港"])
    page.open_edit()
    editor = _editor(page)
    editor.suggestion_edit.setText("内地与香港（勿用“中港”）")
    office.ctx.lexicons.remove_terms(office.admin, "wording", ["中港"], revision=start)
    editor.save_button.click()
    assert editor.isVisible() and "removed" in editor.banner.text()
    assert editor.original is None
    editor.save_button.click()
    assert not editor.isVisible()
    assert _terms(office)["中港"].suggestion == "内地与香港（勿用“中港”）"


def test_deleting_after_a_change_behind_the_page_says_so_and_reloads(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts
) -> None:
    page = _page(qtbot, office, prompts)
    start = page.revision
    page.select_terms(["中港"])
    office.ctx.lexicons.add_term(
        office.admin, "wording", Term("某国政权", "国名", Severity.WARN, "核实国名"), revision=start
    )
    page.delete_button.click()
    assert prompts.warnings and "Someone else changed" in prompts.warnings[-1]
    assert "中港" in _terms(office)
    assert page.revision == start + 1 and page.model.row_of("某国政权") is not None
    assert [t.term for t in page.selected_terms()] == ["中港"]  # still selected: try again
    page.delete_button.click()
    assert "中港" not in _terms(office)


def test_importing_a_bad_file_names_the_line_and_changes_nothing(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    page = _page(qtbot, office, prompts)
    before = _terms(office)
    start = page.revision
    bad = tmp_path / "新词.txt"
    bad.write_text("# 测试\n港独\t涉港澳台用语\tblock\t删除\n台独\t涉港澳台用语\tforbid\t删除\n")
    prompts.open_files = [bad]
    prompts.choices = [0]
    page.import_button.click()
    assert prompts.warnings
    assert "Line 3" in prompts.warnings[-1] and "新词.txt" in prompts.warnings[-1]
    assert "forbid" in prompts.warnings[-1] and "Nothing was imported" in prompts.warnings[-1]
    assert _terms(office) == before and _revision(office) == start
    assert not prompts.infos


def test_importing_a_file_with_a_repeated_term_names_both_lines(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    page = _page(qtbot, office, prompts)
    start = page.revision
    twice = tmp_path / "twice.txt"
    twice.write_text("港独\t涉港澳台用语\tblock\n台独\n港 独\n", encoding="utf-8")
    prompts.open_files = [twice]
    prompts.choices = [0]
    page.import_button.click()
    assert "Line 3 of twice.txt" in prompts.warnings[-1]
    assert "on line 1 already" in prompts.warnings[-1]
    assert _revision(office) == start


def test_importing_a_file_that_is_not_utf8_names_the_line(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    page = _page(qtbot, office, prompts)
    start = page.revision
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("good\tx\twarn\n港独\t涉港澳台用语\tblock\n".encode("gbk"))
    prompts.open_files = [gbk]
    page.import_button.click()
    assert prompts.warnings and "Line 2" in prompts.warnings[-1]
    assert "UTF-8" in prompts.warnings[-1]
    assert _revision(office) == start
    assert not prompts.questions  # not even asked how to import


def test_importing_merges_and_reports_the_counts(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    page = _page(qtbot, office, prompts)
    before = _terms(office)
    start = page.revision
    text = (
        "# 办公室补充\n"
        "北朝鲜\t国名\twarn\t朝鲜\n"  # unchanged
        "中港\t涉港澳台用语\tescalate\t内地与香港\n"  # changed: severity
        "港独\t涉港澳台用语\tblock\t删除\n"  # new
        "台独\t涉港澳台用语\tblock\t删除\n"  # new
    )
    extra = tmp_path / "extra.txt"
    extra.write_text(text, encoding="utf-8")
    prompts.open_files = [extra]
    prompts.choices = [0]  # merge
    page.import_button.click()
    assert not prompts.warnings
    assert "Merge" in prompts.questions[-1] and "extra.txt" in prompts.questions[-1]
    report = prompts.infos[-1]
    assert "2 terms added" in report and "1 changed" in report and "0 removed" in report
    assert f"revision {start + 1}" in report
    after = _terms(office)
    assert set(after) == set(before) | {"港独", "台独"}
    assert after["中港"].severity is Severity.ESCALATE
    assert page.revision == start + 1 and page.model.rowCount() == len(after)


def test_importing_can_replace_and_can_be_cancelled(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    page = _page(qtbot, office, prompts)
    start = page.revision
    count = page.model.rowCount()
    new = tmp_path / "new.txt"
    new.write_text("港独\t涉港澳台用语\tblock\t删除\n北朝鲜\t国名\twarn\t朝鲜\n", encoding="utf-8")
    prompts.open_files = [new]
    prompts.choices = [None]  # cancelled
    page.import_button.click()
    assert _revision(office) == start and not prompts.infos
    prompts.open_files = [new]
    prompts.choices = [1]  # replace
    page.import_button.click()
    assert set(_terms(office)) == {"港独", "北朝鲜"}
    assert f"{count - 1} removed" in prompts.infos[-1]
    assert page.model.rowCount() == 2


def test_importing_after_a_change_behind_the_page_asks_to_try_again(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    page = _page(qtbot, office, prompts)
    start = page.revision
    extra = tmp_path / "extra.txt"
    extra.write_text("港独\t涉港澳台用语\tblock\t删除\n", encoding="utf-8")
    office.ctx.lexicons.add_term(
        office.admin, "wording", Term("某国政权", "国名", Severity.WARN, "核实国名"), revision=start
    )
    prompts.open_files = [extra]
    prompts.choices = [0]
    prompts.confirm_answers = [True]
    page.import_button.click()
    assert "Someone else changed" in prompts.questions[-1]
    assert {"港独", "某国政权"} <= set(_terms(office))
    assert page.revision == start + 2 and prompts.infos


def test_export_writes_exactly_the_export_text(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    page = _page(qtbot, office, prompts)
    target = tmp_path / "wording-copy"
    prompts.save_files = [target]
    page.export_button.click()
    written = target.with_suffix(".txt")
    assert not prompts.warnings
    expected = office.ctx.lexicons.export_text(office.admin, "wording")
    assert written.read_bytes() == expected.encode("utf-8")
    assert str(written) in prompts.infos[-1]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_export_to_a_missing_folder_explains_and_writes_nothing(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    page = _page(qtbot, office, prompts)
    prompts.save_files = [tmp_path / "missing" / "wording.txt"]
    page.export_button.click()
    assert prompts.warnings and "could not be saved" in prompts.warnings[-1]
    assert not (tmp_path / "missing").exists()


def test_atomic_save_keeps_the_old_file_when_the_target_is_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "taken.txt"
    folder.mkdir()
    with pytest.raises(Exception, match="folder"):
        save_text_atomically(folder, "x\n")
    old = tmp_path / "old.txt"
    old.write_text("old\n", encoding="utf-8")
    save_text_atomically(old, "新\n")
    assert old.read_text(encoding="utf-8") == "新\n"


def test_history_lists_revisions_and_restores_an_older_one(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts, qtmodeltester: ModelTester
) -> None:
    page = _page(qtbot, office, prompts)
    start = page.revision
    before = _terms(office)
    page.select_terms(["北朝鲜"])
    page.delete_button.click()
    assert "北朝鲜" not in _terms(office)
    page.history_button.click()
    dialog = page.history_dialog
    assert dialog is not None and dialog.isVisible()
    check_model(qtmodeltester, dialog.model)
    numbers = [info.number for info in dialog.model.records()]
    assert numbers[0] == start + 1 and start in numbers
    assert dialog.select_revision(start + 1)
    assert not dialog.restore_button.isEnabled()  # the current one
    assert dialog.select_revision(start)
    assert dialog.restore_button.isEnabled()
    prompts.confirm_answers = [True]
    dialog.restore_button.click()
    assert f"Restore revision {start}" in prompts.questions[-1]
    assert not dialog.isVisible()
    assert _terms(office) == before
    assert page.revision == start + 2 == _revision(office)
    assert f"revision {start + 2}" in prompts.infos[-1]


def test_restoring_after_a_change_behind_the_dialog_says_so(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts
) -> None:
    page = _page(qtbot, office, prompts)
    start = page.revision
    page.select_terms(["北朝鲜"])
    page.delete_button.click()
    page.open_history()
    dialog = page.history_dialog
    assert dialog is not None
    office.ctx.lexicons.add_term(
        office.admin,
        "wording",
        Term("某国政权", "国名", Severity.WARN, "核实国名"),
        revision=start + 1,
    )
    dialog.select_revision(start)
    dialog.restore_button.click()
    assert prompts.warnings and "Someone else changed" in prompts.warnings[-1]
    assert dialog.isVisible() and dialog.revision == start + 2
    assert page.revision == start + 2
    assert "北朝鲜" not in _terms(office)


def test_create_a_lexicon(qtbot: QtBot, office: Office, prompts: ScriptedPrompts) -> None:
    page = _page(qtbot, office, prompts)
    page.new_button.click()
    dialog = page.new_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.title_edit.setText("领导姓名")
    dialog.name_edit.setText("Leaders!")
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.invalid_fields() == ["name"]
    dialog.name_edit.setText("leaders")
    dialog.save_button.click()
    assert not dialog.isVisible()
    summary = page.current_summary()
    assert summary is not None and summary.name == "leaders" and not summary.shipped
    assert page.model.rowCount() == 0
    assert page.add_button.isEnabled()


def test_a_clerk_may_read_but_not_change(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    page = _page(qtbot, office, prompts, admin=False)
    assert page.model.rowCount() > 0
    page.select_terms(["北朝鲜"])
    for button in (
        page.add_button,
        page.edit_button,
        page.delete_button,
        page.import_button,
        page.new_button,
    ):
        assert not button.isEnabled()
        assert "administrator" in button.toolTip()
    assert page.note.isVisibleTo(page)
    assert page.export_button.isEnabled() and page.history_button.isEnabled()
    page.open_edit()
    page.delete_selected()
    assert page.editor is None and not prompts.questions
    prompts.save_files = [tmp_path / "w.txt"]
    page.export_button.click()
    assert (tmp_path / "w.txt").exists()
    office.ctx.lexicons.remove_terms(office.admin, "wording", ["北朝鲜"], revision=page.revision)
    page.refresh()
    page.history_button.click()
    assert page.history_dialog is not None
    assert page.history_dialog.select_revision(0)  # the shipped file: an older revision
    assert not page.history_dialog.restore_button.isEnabled()
    assert "administrator" in page.history_dialog.restore_button.toolTip()
    clerk = office.sign_in("clerk", CLERK_PASSWORD)
    with pytest.raises(PermissionDeniedError):  # the service decides, not the buttons
        office.ctx.lexicons.add_term(
            clerk, "wording", Term("x1", "c", Severity.WARN), revision=page.revision
        )


def test_the_settings_area_has_the_lexicon_tab(
    qtbot: QtBot, office: Office, make_window: MakeWindow
) -> None:
    window = make_window(office.admin)
    assert window.work_area is not None
    window.work_area.show_area(Area.SETTINGS)
    area = window.work_area.settings_area
    area.tabs.setCurrentWidget(area.lexicon_page)
    assert area.tabs.tabText(area.tabs.currentIndex()) == "Lexicons"
    assert area.lexicon_page.list_model.rowCount() >= len(SHIPPED)
    assert area.lexicon_page.model.rowCount() > 0
