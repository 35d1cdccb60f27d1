"""The content library page (素材库): add, edit, archive, search, images, read-only, conflicts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from newmedia_desk.domain.errors import PermissionDeniedError
from newmedia_desk.domain.staff import Principal
from newmedia_desk.services.library import LibraryRecord
from newmedia_desk.ui.i18n import install_translators
from newmedia_desk.ui.library_dialogs import LibraryItemDialog
from newmedia_desk.ui.library_model import LibraryColumn
from newmedia_desk.ui.library_page import LibraryPage
from newmedia_desk.ui.posts_area import PostsArea

from .conftest import CLERK_PASSWORD, LEADER_PASSWORD, Office, ScriptedPrompts, check_model


@pytest.fixture
def clerk(office: Office) -> Principal:
    return office.sign_in("clerk", CLERK_PASSWORD)


@pytest.fixture
def leader(office: Office) -> Principal:
    return office.sign_in("leader", LEADER_PASSWORD)


def _page(qtbot: QtBot, office: Office, prompts: ScriptedPrompts, actor: Principal) -> LibraryPage:
    page = LibraryPage(office.ctx, actor, prompts)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    page.refresh()
    return page


def _editor(page: LibraryPage) -> LibraryItemDialog:
    editor = page.editor
    assert editor is not None and editor.isVisible()
    return editor


def _picture(path: Path) -> Path:
    Image.new("RGB", (120, 80), (30, 90, 200)).save(path)
    return path


def _image(editor: LibraryItemDialog) -> str | None:
    """The editor's image (a call, so type checkers do not freeze the answer)."""
    return editor.image_sha256


def _titles(page: LibraryPage) -> list[str]:
    return [
        str(page.proxy.index(row, LibraryColumn.TITLE).data())
        for row in range(page.proxy.rowCount())
    ]


def _items(office: Office, actor: Principal) -> dict[str, LibraryRecord]:
    return {r.title: r for r in office.ctx.library.search(actor, include_archived=True)}


def test_new_item_with_text_tags_and_image(
    qtbot: QtBot,
    office: Office,
    prompts: ScriptedPrompts,
    clerk: Principal,
    tmp_path: Path,
    qtmodeltester: ModelTester,
) -> None:
    page = _page(qtbot, office, prompts, clerk)
    assert page.model.rowCount() == 0
    assert page.empty_label.isVisible() and page.empty_label.text().startswith("The library")
    assert page.new_button.isEnabled() and not page.edit_button.isEnabled()
    assert not page.note.isVisible()
    editor = page.open_new()
    assert editor is _editor(page) and editor.windowTitle() == "New library item"
    editor.title_edit.setText("防汛安全提示")
    editor.text_edit.setPlainText("暴雨期间请远离河道。")
    editor.tags_edit.setText("#防汛#，暴雨、 防汛")
    prompts.open_files = [_picture(tmp_path / "雷达.png")]
    editor.choose_image()
    assert editor.image_sha256 is not None and editor.remove_button.isEnabled()
    assert editor.image_label.pixmap() is not None and "雷达.png" in editor.image_name.text()
    with qtbot.waitSignal(page.changed):
        editor.save_button.click()
    assert not editor.isVisible()
    [item] = office.ctx.library.search(clerk)
    assert (item.title, item.text, item.tags) == (
        "防汛安全提示",
        "暴雨期间请远离河道。",
        ("防汛", "暴雨"),
    )
    assert item.image_sha256 == office.ctx.images.add(clerk, tmp_path / "雷达.png")
    assert page.selected() == item and not page.empty_label.isVisible()
    assert page.model.index(0, LibraryColumn.TAGS).data() == "防汛 暴雨"
    assert page.model.index(0, LibraryColumn.IMAGE).data() == "Yes"
    assert page.model.index(0, LibraryColumn.ADDED_BY).data() == "信息员乙"
    assert page.preview_title.text() == "防汛安全提示"
    assert page.preview_text.toPlainText() == "暴雨期间请远离河道。"
    assert page.preview_image.isVisible() and page.preview_image.pixmap() is not None
    assert "Tags: 防汛 暴雨" in page.preview_meta.text()
    tags = [page.tag_combo.itemData(i) for i in range(page.tag_combo.count())]
    assert tags[0] is None and sorted(tags[1:]) == sorted(["防汛", "暴雨"])
    check_model(qtmodeltester, page.model)
    check_model(qtmodeltester, page.proxy)


def test_a_refused_item_keeps_what_was_typed(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts, clerk: Principal
) -> None:
    page = _page(qtbot, office, prompts, clerk)
    editor = page.open_new()
    assert editor is not None
    editor.title_edit.setText("空素材")
    editor.tags_edit.setText("提示")
    editor.save_button.click()
    assert editor.isVisible() and editor.invalid_fields() == ["text"]
    assert editor.banner.text() == "A library item needs a text or an image."
    assert (editor.title_edit.text(), editor.tags_edit.text()) == ("空素材", "提示")
    editor.title_edit.clear()
    editor.text_edit.setPlainText("正文")
    editor.save_button.click()
    assert editor.isVisible() and editor.invalid_fields() == ["title"]
    assert editor.banner.text() == "Please enter the title."
    editor.tags_edit.setText("这是一个远远超过二十个字符长度限制的非常非常长的标签")
    editor.title_edit.setText("标题")
    editor.save_button.click()
    assert editor.isVisible() and editor.invalid_fields() == ["tags"]
    assert "is too long (at most 20 characters)" in editor.banner.text()
    assert editor.text_edit.toPlainText() == "正文"
    assert office.ctx.library.search(clerk) == []


def test_editing_changes_the_item(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts, clerk: Principal
) -> None:
    created = office.ctx.library.add(clerk, "标准结尾", "更多资讯请关注@江城气象", tags="结尾")
    page = _page(qtbot, office, prompts, clerk)
    assert page.select(created.id) and page.edit_button.isEnabled()
    editor = page.open_edit()
    assert editor is not None and editor.windowTitle() == "Edit library item"
    assert editor.text_edit.toPlainText() == "更多资讯请关注@江城气象"
    assert editor.tags_edit.text() == "结尾"
    assert editor.image_label.text() == "No image" and not editor.remove_button.isEnabled()
    editor.text_edit.setPlainText("更多资讯请关注@江城气象 #江城天气#")
    editor.tags_edit.setText("结尾 话题")
    with qtbot.waitSignal(page.changed):
        editor.save_button.click()
    assert not editor.isVisible()
    changed = office.ctx.library.get(clerk, created.id)
    assert changed.text.endswith("#江城天气#") and changed.tags == ("结尾", "话题")
    assert changed.version == created.version + 1
    assert page.selected() == changed
    assert page.preview_text.toPlainText() == changed.text


def test_a_change_made_meanwhile_is_not_overwritten_silently(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts, clerk: Principal
) -> None:
    created = office.ctx.library.add(clerk, "开头", "【天气预报】", tags="预报")
    page = _page(qtbot, office, prompts, clerk)
    assert page.select(created.id)
    editor = page.open_edit()
    assert editor is not None
    # Someone else (on another PC) changes the item while the editor is open.
    office.ctx.library.update(
        office.admin,
        created.id,
        title="开头",
        text="【天气预报】江城市气象台发布：",
        image_sha256=None,
        tags="预报",
        expected_version=created.version,
    )
    editor.text_edit.setPlainText("【天气预报】我的版本")
    editor.save_button.click()
    assert editor.isVisible()
    assert "Someone else changed “开头” while you were editing it" in editor.banner.text()
    assert editor.text_edit.toPlainText() == "【天气预报】我的版本"
    assert office.ctx.library.get(clerk, created.id).text == "【天气预报】江城市气象台发布："
    assert page.preview_text.toPlainText() == "【天气预报】江城市气象台发布："  # reloaded
    editor.save_button.click()  # a second Save replaces the other version
    assert not editor.isVisible()
    assert office.ctx.library.get(clerk, created.id).text == "【天气预报】我的版本"


def test_an_item_archived_meanwhile_is_saved_as_a_new_one(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts, clerk: Principal
) -> None:
    created = office.ctx.library.add(clerk, "旧提示", "旧文字")
    page = _page(qtbot, office, prompts, clerk)
    assert page.select(created.id)
    editor = page.open_edit()
    assert editor is not None
    office.ctx.library.archive(office.admin, created.id, expected_version=created.version)
    editor.text_edit.setPlainText("新文字")
    editor.save_button.click()
    assert editor.isVisible() and "was archived while you were editing" in editor.banner.text()
    assert editor.windowTitle() == "New library item"
    editor.save_button.click()
    assert not editor.isVisible()
    offered = office.ctx.library.search(clerk)
    assert [(r.title, r.text) for r in offered] == [("旧提示", "新文字")]
    assert offered[0].id != created.id


def test_archiving_asks_first_and_keeps_the_item(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts, clerk: Principal
) -> None:
    created = office.ctx.library.add(clerk, "反诈骗宣传", "气象部门不会要求转账。", tags="反诈")
    page = _page(qtbot, office, prompts, clerk)
    assert page.select(created.id) and page.archive_button.isEnabled()
    prompts.confirm_answers.append(False)
    page.archive_button.click()
    assert "Archive “反诈骗宣传”?" in prompts.questions[-1]
    assert office.ctx.library.get(clerk, created.id).archived_at is None
    prompts.confirm_answers.append(True)
    with qtbot.waitSignal(page.changed):
        page.archive_button.click()
    assert office.ctx.library.get(clerk, created.id).archived_at is not None
    assert page.model.rowCount() == 0 and page.tag_combo.count() == 1
    assert not page.edit_button.isEnabled() and not page.archive_button.isEnabled()
    page.archived_check.setChecked(True)
    assert _titles(page) == ["反诈骗宣传 (archived)"]
    assert page.select(created.id)
    assert not page.edit_button.isEnabled() and not page.archive_button.isEnabled()
    assert page.open_edit() is None
    assert "Archived on" in page.preview_meta.text()
    assert not prompts.warnings


def test_archiving_an_item_changed_meanwhile_is_refused(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts, clerk: Principal
) -> None:
    created = office.ctx.library.add(clerk, "提示", "文字")
    page = _page(qtbot, office, prompts, clerk)
    assert page.select(created.id)
    office.ctx.library.update(
        office.admin,
        created.id,
        title="提示（新）",
        text="文字",
        image_sha256=None,
        tags="",
        expected_version=created.version,
    )
    page.archive_selected()
    assert office.ctx.library.get(clerk, created.id).archived_at is None
    assert prompts.warnings and "Someone else changed “提示” meanwhile" in prompts.warnings[-1]
    assert _titles(page) == ["提示（新）"]


def test_search_words_and_tag_filter(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts, clerk: Principal
) -> None:
    library = office.ctx.library
    library.add(clerk, "防汛安全提示", "请远离河道。", tags="防汛 安全提示")
    library.add(clerk, "雷电防护", "打雷时请关好门窗。", tags="雷电 安全提示")
    library.add(clerk, "标准结尾", "#江城天气#", tags="结尾")
    page = _page(qtbot, office, prompts, clerk)
    assert sorted(_titles(page)) == ["标准结尾", "防汛安全提示", "雷电防护"]
    assert page.count_label.text() == "3 items"
    assert page.tag_combo.itemData(1) == "安全提示"  # the most used tag first
    page.search_edit.setText("门窗")
    qtbot.waitUntil(lambda: _titles(page) == ["雷电防护"])
    page.search_edit.setText("")
    assert page.set_tag("安全提示")
    qtbot.waitUntil(lambda: sorted(_titles(page)) == ["防汛安全提示", "雷电防护"])
    page.search_edit.setText("河道")
    page.reload()
    assert _titles(page) == ["防汛安全提示"]
    page.search_edit.setText("没有这个")
    page.reload()
    assert page.model.rowCount() == 0
    assert page.empty_label.isVisible() and page.empty_label.text() == "Nothing found."
    assert page.selected() is None and page.preview_title.text() == ""


def test_read_only_people_see_disabled_actions_and_the_service_refuses(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts, clerk: Principal, leader: Principal
) -> None:
    created = office.ctx.library.add(clerk, "防汛安全提示", "请远离河道。")
    page = _page(qtbot, office, prompts, leader)
    assert page.select(created.id)
    assert page.preview_text.toPlainText() == "请远离河道。"  # reading is allowed
    assert not page.may_change and page.note.isVisible()
    for button in (page.new_button, page.edit_button, page.archive_button):
        assert not button.isEnabled()
    assert page.open_new() is None and page.open_edit() is None
    page.archive_selected()
    assert not prompts.questions
    # The buttons only follow the rules; the service is what refuses.
    with pytest.raises(PermissionDeniedError):
        office.ctx.library.add(leader, "标题", "文字")
    with pytest.raises(PermissionDeniedError):
        office.ctx.library.archive(leader, created.id, expected_version=created.version)
    dialog = LibraryItemDialog(office.ctx.library, office.ctx.images, leader, prompts, created)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.text_edit.setPlainText("改动")
    dialog.save_button.click()
    assert dialog.isVisible() and "not permitted" in dialog.banner.text()
    assert office.ctx.library.get(leader, created.id).text == "请远离河道。"


def test_a_refused_image_is_explained_in_chinese_and_nothing_is_lost(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts, clerk: Principal, tmp_path: Path
) -> None:
    page = _page(qtbot, office, prompts, clerk)
    editor = page.open_new()
    assert editor is not None
    editor.title_edit.setText("配图")
    editor.text_edit.setPlainText("说明文字")
    good = _picture(tmp_path / "晴天.png")
    fake = tmp_path / "照片.jpg"
    fake.write_text("不是图片", encoding="utf-8")
    prompts.open_files = [good, fake, fake, None]
    editor.choose_image()
    sha = editor.image_sha256
    assert sha is not None
    editor.choose_image()
    assert editor.banner.text() == "“照片.jpg” is not an image, whatever its name says."
    assert editor.invalid_fields() == ["image"]
    assert editor.image_sha256 == sha  # the image chosen before stays
    assert (editor.title_edit.text(), editor.text_edit.toPlainText()) == ("配图", "说明文字")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed = install_translators(app, "zh_CN")
    try:
        editor.choose_image()
        assert "不是图片" in editor.banner.text() and "照片.jpg" in editor.banner.text()
    finally:
        for translator in installed:
            app.removeTranslator(translator)
    editor.choose_image()  # cancelled: nothing changes
    assert editor.image_sha256 == sha
    editor.remove_image()
    assert _image(editor) is None and editor.image_label.text() == "No image"


def test_the_posts_area_has_the_library_tab_and_refreshes_it(
    qtbot: QtBot, office: Office, prompts: ScriptedPrompts, clerk: Principal
) -> None:
    area = PostsArea(office.ctx, clerk, prompts)
    qtbot.addWidget(area)
    names = [area.tabs.tabText(i) for i in range(area.tabs.count())]
    assert names.index("Library") == names.index("Content check") + 1
    office.ctx.library.add(clerk, "标准结尾", "#江城天气#")
    assert area.library_page.model.rowCount() == 0  # not read before it is shown
    area.tabs.setCurrentWidget(area.library_page)
    assert area.library_page.model.rowCount() == 1
    office.ctx.library.add(clerk, "开头", "【天气预报】")
    area.refresh()
    assert area.library_page.model.rowCount() == 2
    area.shutdown()
