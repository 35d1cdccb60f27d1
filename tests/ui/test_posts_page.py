"""The 稿件列表 and 待我审批 tabs over the demo office: paging, filters, search, actions."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QDate, QModelIndex
from pytestqt.qtbot import QtBot

from newmedia_desk.context import AppContext, build_context
from newmedia_desk.domain.clock import FixedClock
from newmedia_desk.domain.posts import PostStatus, Tier
from newmedia_desk.domain.staff import Principal
from newmedia_desk.domain.working_days import OFFICE_TZ
from newmedia_desk.security.passwords import PasswordHashing
from newmedia_desk.security.secrets import MemorySecretStore
from newmedia_desk.services.demo import seed_demo
from newmedia_desk.services.post_list import DEFAULT_PAGE
from newmedia_desk.storage.post_queries import PostListRow
from newmedia_desk.ui.areas import Area
from newmedia_desk.ui.posts_area import PostsArea
from newmedia_desk.ui.posts_page import FIRST_PAGE, PostColumn, PostsPage
from tests.conftest import START
from tests.ui.conftest import CHEAP, MakeWindow, ScriptedPrompts, check_model

if TYPE_CHECKING:
    from pytestqt.modeltest import ModelTester

DEMO_PASSWORD = "demo"
SYNTHETIC = 250
DEMO_POSTS = 14


@dataclass(frozen=True)
class DemoTemplate:
    db: Path
    audit_key: str


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> DemoTemplate:
    """The demo office with some synthetic posts, built once (seeding takes seconds)."""
    folder = tmp_path_factory.mktemp("demo_template")
    ctx = build_context(
        str(folder / "demo.sqlite3"),
        secrets=MemorySecretStore(),
        clock=FixedClock(START),
        data_dir=folder,
        hashing=PasswordHashing(CHEAP),
    )
    try:
        seed_demo(ctx, DEMO_PASSWORD, posts=SYNTHETIC)
        key = ctx.maintenance.export_audit_key(sign_in(ctx, "admin"))
    finally:
        ctx.close()
    return DemoTemplate(folder / "demo.sqlite3", key)


@pytest.fixture
def demo(
    demo_template: DemoTemplate, tmp_path: Path, fixed_clock: FixedClock
) -> Iterator[AppContext]:
    """A fresh copy of the demo office (the services' clock is the demo's)."""
    db = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template.db, db)
    secrets = MemorySecretStore()
    data = tmp_path / "data"
    probe = build_context(str(db), secrets=secrets, data_dir=data, migrate=False)
    probe.maintenance.import_audit_key(demo_template.audit_key)
    probe.close()
    ctx = build_context(
        str(db),
        secrets=secrets,
        clock=fixed_clock,
        data_dir=data,
        hashing=PasswordHashing(CHEAP),
    )
    yield ctx
    ctx.close()


@pytest.fixture
def ctx(demo: AppContext) -> AppContext:
    """The main window of these tests opens the demo office."""
    return demo


def sign_in(ctx: AppContext, login: str) -> Principal:
    return ctx.auth.sign_in(login, DEMO_PASSWORD)


@pytest.fixture
def page(qtbot: QtBot, demo: AppContext, prompts: ScriptedPrompts) -> Iterator[PostsPage]:
    widget = PostsPage(demo, sign_in(demo, "clerk"), prompts)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    widget.refresh()
    qtbot.waitUntil(lambda: widget.account_filter.count() > 1)  # choices come after paint
    yield widget
    widget.shutdown()


def rows(page: PostsPage) -> list[PostListRow]:
    model = page.model
    found = [model.row_at(r) for r in range(model.rowCount())]
    return [r for r in found if r is not None]


def busy(page: PostsPage) -> bool:
    """Whether a search runs in the background (a call: type checkers must not freeze it)."""
    return page.model.busy


def settle(qtbot: QtBot, page: PostsPage) -> None:
    """Wait until no read runs in the background and its result has arrived."""
    qtbot.waitUntil(lambda: not busy(page) and page.model.wait_idle(0), timeout=10_000)
    qtbot.wait(10)  # deliver the queued results


def test_list_shows_the_demo_posts_newest_first(
    qtbot: QtBot, page: PostsPage, qtmodeltester: ModelTester
) -> None:
    model = page.model
    assert model.rowCount() == FIRST_PAGE  # a screenful, not every post
    shown = rows(page)
    assert [r.id for r in shown] == sorted((r.id for r in shown), reverse=True)
    newest = shown[0]
    assert (
        newest.status is PostStatus.DRAFT and newest.title == "市气象局召开汛期气象服务工作部署会"
    )
    statuses = {r.status for r in shown[:DEMO_POSTS]}
    assert statuses == set(PostStatus)  # the demo has posts in every state
    index = model.index(1, PostColumn.STATUS)
    assert index.data() == "In approval"
    assert model.index(0, PostColumn.ACCOUNTS).data() == "江城市气象局（网站）"
    assert model.index(0, PostColumn.DRAFTER).data() == "张晓"
    qtbot.waitUntil(lambda: page.count_label.text() == f"{SYNTHETIC + DEMO_POSTS} post(s)")
    check_model(qtmodeltester, model)


def test_fetch_more_reads_the_next_pages(qtbot: QtBot, page: PostsPage) -> None:
    model = page.model
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == FIRST_PAGE + DEFAULT_PAGE  # then a page at a time

    def scrolled_to_the_end() -> bool:
        page.table.scrollToBottom()  # the view asks for more on its own
        return model.rowCount() == SYNTHETIC + DEMO_POSTS

    qtbot.waitUntil(scrolled_to_the_end)
    ids = [r.id for r in rows(page)]
    assert len(set(ids)) == len(ids) == SYNTHETIC + DEMO_POSTS
    assert not model.canFetchMore(QModelIndex())


def test_filters(qtbot: QtBot, page: PostsPage, demo: AppContext) -> None:
    status = page.status_filter
    status.setCurrentIndex(status.findData(PostStatus.RETURNED.value))
    assert [r.title for r in rows(page)] == ["气象科普进校园活动走进市第一实验小学"]
    status.setCurrentIndex(status.findData(PostStatus.IN_APPROVAL.value))
    assert {r.status for r in rows(page)} == {PostStatus.IN_APPROVAL} and len(rows(page)) == 2
    status.setCurrentIndex(0)
    tier = page.tier_filter
    tier.setCurrentIndex(tier.findData(Tier.SENSITIVE.value))
    assert rows(page) and {r.tier for r in rows(page)} == {Tier.SENSITIVE}
    tier.setCurrentIndex(0)
    account = page.account_filter
    account.setCurrentIndex(account.findText("东山气象（微博）"))
    assert [r.title for r in rows(page)] == ["转发：江城市气象台发布寒潮蓝色预警信号"]
    account.setCurrentIndex(0)
    column = page.column_filter
    column.setCurrentIndex(column.findData("#依法行政#"))
    assert [r.title for r in rows(page)] == ["市气象局依法查处一起违规施放气球案件"]
    column.setCurrentIndex(0)
    # Planned within the next three days: the posts still to come.
    today = demo.clock.now().astimezone(OFFICE_TZ).date()
    page.date_from.setDate(QDate(today.year, today.month, today.day))
    page.date_to.setDate(QDate(today.year, today.month, today.day).addDays(3))
    page.date_field.setCurrentIndex(page.date_field.findData("planned"))
    upcoming = rows(page)
    assert upcoming and all(
        r.planned_at is not None and r.planned_at >= demo.clock.now() - timedelta(days=1)
        for r in upcoming
    )
    assert {r.status for r in upcoming} <= {
        PostStatus.IN_APPROVAL,
        PostStatus.RETURNED,
        PostStatus.APPROVED,
    }
    page.date_field.setCurrentIndex(0)
    assert page.model.rowCount() == FIRST_PAGE


def test_search_through_the_index_answers_at_once(qtbot: QtBot, page: PostsPage) -> None:
    page.search_edit.setText("施放气球")
    qtbot.waitUntil(lambda: page.model.filters.text == "施放气球")  # after the typing pause
    assert not busy(page) and not page.searching_label.isVisible()
    assert [r.title for r in rows(page)] == ["市气象局依法查处一起违规施放气球案件"]
    qtbot.waitUntil(lambda: page.count_label.text() == "1 post(s)")


def test_two_character_search_runs_off_the_ui_thread(
    qtbot: QtBot, page: PostsPage, demo: AppContext
) -> None:
    """The trigram trap: 冰雹 is found, by a scan in a worker thread."""
    page.search_edit.setText("冰雹")
    page.apply_filters()
    assert busy(page) and page.searching_label.isVisible()  # "Searching…"
    assert page.model.rowCount() == 0
    settle(qtbot, page)
    assert not page.searching_label.isVisible()
    found = rows(page)
    assert found
    clerk = sign_in(demo, "clerk")
    for row in found[:10]:
        record = demo.posts.get(clerk, row.id)
        assert "冰雹" in record.content.title + record.content.body
    qtbot.waitUntil(lambda: page.count_label.text().endswith("post(s)"))


def test_a_newer_search_cancels_the_older_one(qtbot: QtBot, page: PostsPage) -> None:
    page.search_edit.setText("冰雹")
    page.apply_filters()
    assert busy(page)
    page.search_edit.setText("施放气球")
    page.apply_filters()
    assert not busy(page)  # the scan was dropped; the indexed search answered
    settle(qtbot, page)
    assert [r.title for r in rows(page)] == ["市气象局依法查处一起违规施放气球案件"]


def test_submit_recall_and_cancel_from_the_list(
    qtbot: QtBot, page: PostsPage, demo: AppContext, prompts: ScriptedPrompts
) -> None:
    page.select_post(rows(page)[0].id)  # the draft work news item
    draft = page.selected()
    assert draft is not None and draft.status is PostStatus.DRAFT
    assert page.submit_button.isEnabled() and not page.sign_button.isEnabled()
    page.submit_button.click()
    assert "Submit" in prompts.questions[-1]
    assert page.selected() is not None
    submitted = page.selected()
    assert submitted is not None and submitted.status is PostStatus.IN_APPROVAL
    assert page.sign_button.isEnabled() and page.recall_button.isEnabled()
    page.recall_button.click()
    recalled = page.selected()
    assert recalled is not None and recalled.status is PostStatus.DRAFT
    page.cancel_button.click()
    dialog = page.dialog
    assert dialog is not None
    dialog.reason_edit.setPlainText("内容已并入周报")  # type: ignore[attr-defined]
    dialog.save_button.click()  # type: ignore[attr-defined]
    cancelled = page.selected()
    assert cancelled is not None and cancelled.status is PostStatus.CANCELLED
    assert not page.cancel_button.isEnabled() and not page.edit_button.isEnabled()
    assert prompts.warnings == []


def test_repost_may_go_out_directly(
    qtbot: QtBot, page: PostsPage, demo: AppContext, prompts: ScriptedPrompts
) -> None:
    clerk = sign_in(demo, "clerk")
    record = demo.posts.get(clerk, rows(page)[0].id)
    from dataclasses import replace

    from newmedia_desk.domain.posts import PostKind

    repost = replace(record.content, kind=PostKind.REPOST, category="转发", source="省气象局")
    demo.posts.save(clerk, record.id, repost, planned_at=None, expected_version=record.version)
    page.refresh()
    page.select_post(record.id)
    prompts.choices.append(1)  # without an approver
    page.submit_button.click()
    assert "without an approver" in prompts.questions[-1]
    done = page.selected()
    assert done is not None and done.status is PostStatus.APPROVED
    assert page.publish_button.isEnabled()


def test_buttons_open_the_post_screens(qtbot: QtBot, page: PostsPage) -> None:
    from newmedia_desk.ui.post_approval_dialog import LeaderSignOffDialog
    from newmedia_desk.ui.post_detail import PostDetailView
    from newmedia_desk.ui.post_editor import PostEditorDialog
    from newmedia_desk.ui.publication_dialog import PublicationDialog

    by_status = {r.status: r for r in reversed(rows(page)[:DEMO_POSTS])}
    page.select_post(by_status[PostStatus.IN_APPROVAL].id)
    page.sign_button.click()
    assert isinstance(page.dialog, LeaderSignOffDialog)
    page.dialog.reject()
    page.select_post(by_status[PostStatus.APPROVED].id)
    page.publish_button.click()
    assert isinstance(page.dialog, PublicationDialog)
    page.dialog.reject()
    page.select_post(by_status[PostStatus.PUBLISHED].id)
    assert not page.edit_button.isEnabled()
    page.view_button.click()
    assert page.dialog is not None
    view = page.dialog.findChild(PostDetailView, "post_detail")
    assert isinstance(view, PostDetailView) and view.record is not None
    assert view.record.id == by_status[PostStatus.PUBLISHED].id
    page.dialog.reject()
    page.select_post(by_status[PostStatus.RETURNED].id)
    page.edit_button.click()
    assert isinstance(page.dialog, PostEditorDialog)
    page.dialog.reject()
    page.new_button.click()
    assert isinstance(page.dialog, PostEditorDialog)
    page.dialog.reject()


def test_opening_the_list_expires_overdue_posts(
    qtbot: QtBot, page: PostsPage, fixed_clock: FixedClock
) -> None:
    waiting = [r for r in rows(page) if r.status is PostStatus.IN_APPROVAL]
    assert len(waiting) == 2
    fixed_clock.advance(days=3)
    page.refresh()  # shows the list at once, then marks what is overdue and reads again

    def expired() -> bool:
        now = {r.id: r.status for r in rows(page)}
        return all(now.get(r.id) is PostStatus.EXPIRED for r in waiting)

    qtbot.waitUntil(expired)


@pytest.mark.parametrize(
    ("login", "titles"),
    [
        ("service", ["早间天气预报"]),  # the responsible person: step 1 of the forecast
        ("deputy", ["江城供电公司迎峰度夏专项气象服务"]),  # a supervising leader: step 2
        ("chief", []),
        ("clerk", []),
        ("yewu", []),  # 陈立's delegation for 王海燕 has ended
    ],
)
def test_waiting_for_me_lists_posts_for_the_right_leader(
    qtbot: QtBot,
    demo: AppContext,
    prompts: ScriptedPrompts,
    login: str,
    titles: list[str],
) -> None:
    area = PostsArea(demo, sign_in(demo, login), prompts)
    qtbot.addWidget(area)
    area.refresh()
    model = area.waiting_page.model
    shown = [model.record(r).content.title for r in range(model.rowCount())]
    assert [t[-6:] for t in shown] == [t[-6:] for t in titles]
    label = area.tabs.tabText(area.tabs.indexOf(area.waiting_page))
    assert label == (f"Waiting for me ({len(titles)})" if titles else "Waiting for me")
    assert area.waiting_page.sign_button.isEnabled() is bool(titles)
    if titles:
        from newmedia_desk.ui.post_approval_dialog import LeaderSignOffDialog

        area.waiting_page.sign_button.click()
        assert isinstance(area.waiting_page.dialog, LeaderSignOffDialog)
        area.waiting_page.dialog.reject()
    area.shutdown()


def test_posts_area_in_the_main_window(
    qtbot: QtBot, demo: AppContext, make_window: MakeWindow
) -> None:
    window = make_window(sign_in(demo, "clerk"))
    work = window.work_area
    assert work is not None
    work.show_area(Area.POSTS)
    area = work.pages.currentWidget()
    assert isinstance(area, PostsArea)
    assert [area.tabs.tabText(i) for i in range(area.tabs.count())] == [
        "Posts",
        "Waiting for me",
        "Content check",
        "Library",
        "Delegations",
    ]
    assert area.tabs.currentWidget() is area.posts_page
    assert area.posts_page.model.rowCount() == FIRST_PAGE
    area.shutdown()


def test_approval_form_and_ledger_are_saved_from_the_list(
    qtbot: QtBot, page: PostsPage, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from newmedia_desk.ui.interaction_dialogs import PeriodDialog

    published = next(r for r in rows(page)[:DEMO_POSTS] if r.status is PostStatus.PUBLISHED)
    page.select_post(published.id)
    prompts.save_files.append(tmp_path / "form")  # the .xlsx suffix is added
    page.form_button.click()
    form = tmp_path / "form.xlsx"
    cells = [str(c.value) for row in load_workbook(form).worksheets[0].iter_rows() for c in row]
    assert published.title in cells
    assert prompts.infos and str(form) in prompts.infos[-1]

    page.ledger_button.click()
    dialog = page.excel.dialog
    assert isinstance(dialog, PeriodDialog)
    dialog.start_edit.setDate(QDate(2020, 1, 1))
    dialog.end_edit.setDate(QDate(2030, 12, 31))
    prompts.save_files.append(tmp_path / "ledger.xlsx")
    dialog.save_button.click()
    ws = load_workbook(tmp_path / "ledger.xlsx").worksheets[0]
    titles = {str(c.value) for row in ws.iter_rows() for c in row}
    assert published.title in titles
    assert not prompts.warnings


def test_a_bad_period_keeps_the_dialog_open(page: PostsPage, prompts: ScriptedPrompts) -> None:
    from newmedia_desk.ui.interaction_dialogs import PeriodDialog

    page.ledger_button.click()
    dialog = page.excel.dialog
    assert isinstance(dialog, PeriodDialog)
    dialog.start_edit.setDate(QDate(2026, 3, 1))
    dialog.end_edit.setDate(QDate(2026, 2, 1))
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.invalid_fields() == ["end"]
    assert not prompts.save_files and not prompts.infos
    dialog.reject()


def test_publications_are_imported_all_or_none_from_the_list(
    qtbot: QtBot, page: PostsPage, demo: AppContext, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    from newmedia_desk.ui.account_dialogs import ImportErrorsDialog

    clerk = sign_in(demo, "clerk")
    account = next(a for a in demo.accounts.list_accounts(clerk) if a.unit_id == clerk.unit_id)

    def ledger(name: str, when: str) -> Path:
        wb = Workbook()
        ws = wb.active
        assert ws is not None
        ws.append(["账号", "平台", "发布时间", "标题", "链接", "栏目"])
        for at, title in (("2026-01-05 07:30", "旧台账里的一条"), (when, "旧台账里的另一条")):
            ws.append([account.name, account.platform_name, at, title, f"https://x/{title}", ""])
        wb.save(tmp_path / name)
        return tmp_path / name

    prompts.open_files.append(ledger("bad.xlsx", "昨天早上"))
    page.import_button.click()
    assert isinstance(page.excel.dialog, ImportErrorsDialog)
    page.excel.dialog.reject()
    assert not prompts.infos

    prompts.open_files.append(ledger("good.xlsx", "2026-01-06 17:00"))
    page.import_button.click()
    assert prompts.infos and "2" in prompts.infos[-1] and "good.xlsx" in prompts.infos[-1]


def test_the_post_detail_saves_its_approval_form(
    qtbot: QtBot, demo: AppContext, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    from newmedia_desk.ui.post_detail import PostDetailView

    clerk = sign_in(demo, "clerk")
    view = PostDetailView(demo, clerk, prompts)
    qtbot.addWidget(view)
    assert not view.form_button.isEnabled()
    post = demo.post_reports.list_posts(clerk, status=PostStatus.APPROVED)[0]
    view.show_post(post.id)
    prompts.save_files.append(tmp_path / "a.xlsx")
    view.form_button.click()
    assert (tmp_path / "a.xlsx").stat().st_size > 0 and not prompts.warnings


@pytest.mark.parametrize(
    "message",
    [
        "no account called 江城",
        "several accounts are called 江城气象 (1 (微博), 6 (抖音)): add a 平台 column naming "
        "the platform",
        "expected a date and time such as 2026-03-02 09:30, not '昨天早上'",
        "give the time as well, e.g. 2026-03-02 09:30",
        "longer than 500 characters",
        "one line of at most 100 characters",
        "the same publication is already in row 3",
        "the file cannot be read as an .xlsx workbook (bad zip)",
        "a link starts with http:// or https://",
        "the time is in the future",
        "you may not record publications of this account's unit",
    ],
)
def test_every_publication_import_problem_has_words(message: str) -> None:
    from newmedia_desk.domain.accounts import ImportRowError
    from newmedia_desk.ui.account_texts import import_error_text

    text = import_error_text(ImportRowError(2, "账号", message))
    assert text != message and text[0].isupper() and "{" not in text
