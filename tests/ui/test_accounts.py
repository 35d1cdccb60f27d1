"""The accounts area: models, filters, the editor, same-PC sign-off, import, rogues, handover."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtTest import QTest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from newmedia_desk.domain.accounts import (
    AccountDraft,
    AccountRecord,
    AccountStatus,
    ApprovalStepSpec,
    Decision,
    ImportRowError,
    RogueActionKind,
    RogueDraft,
)
from newmedia_desk.domain.clock import FixedClock
from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.staff import Principal
from newmedia_desk.domain.working_days import office_date
from newmedia_desk.exports.xlsx import ExportLockedError
from newmedia_desk.ui.account_dialogs import ImportErrorModel, ImportErrorsDialog
from newmedia_desk.ui.account_model import (
    AccountColumn,
    AccountFilterProxy,
    AccountRow,
    AccountTableModel,
    FilingTableModel,
    FindingTableModel,
    HistoryTableModel,
    RogueTableModel,
    StepTableModel,
    worst_filing,
)
from newmedia_desk.ui.accounts_area import AccountsArea, PlatformTableModel
from newmedia_desk.ui.accounts_page import AccountsPage
from newmedia_desk.ui.approval_sign_dialog import ApprovalSignDialog
from newmedia_desk.ui.areas import PLANNED, Area
from newmedia_desk.ui.handover_dialog import HandoverDialog, HandoverModel, duties_of
from newmedia_desk.ui.main_window import MainWindow
from newmedia_desk.ui.rogue_page import RogueActionDialog

from .conftest import (
    CLERK_PASSWORD,
    LEADER_PASSWORD,
    MakeWindow,
    Office,
    ScriptedPrompts,
    check_model,
)

ONE_STEP = (ApprovalStepSpec("supervisor", "主管领导意见", Role.SUPERVISOR),)


@dataclass
class Registry:
    """The office with a one-step approval, two accounts and a rogue account."""

    office: Office
    clerk: Principal
    weibo: AccountRecord
    website: AccountRecord
    platforms: dict[str, int]


def _draft(office: Office, platform: int, name: str, handle: str = "") -> AccountDraft:
    return AccountDraft(
        platform_id=platform,
        name=name,
        unit_id=office.section_id,
        administrator_id=office.clerk.id,
        responsible_id=office.clerk.id,
        handle=handle,
        purpose="发布气象预报预警",
    )


@pytest.fixture
def registry(office: Office) -> Registry:
    ctx = office.ctx
    ctx.accounts.set_opening_steps(office.admin, ONE_STEP)
    clerk = office.sign_in("clerk", CLERK_PASSWORD)
    platforms = {p.name: p.id for p in ctx.accounts.list_platforms(None)}
    weibo = ctx.accounts.create_application(clerk, _draft(office, platforms["微博"], "江城气象"))
    weibo = ctx.accounts.submit(clerk, weibo.id, weibo.version)
    website = ctx.accounts.register_existing(
        clerk,
        _draft(office, platforms["网站"], "江城市气象局", "jcqx.example.cn"),
        "2019 年纸质审批",
    )
    rogue = ctx.rogues.register(
        clerk,
        RogueDraft(
            platform_id=platforms["微博"],
            name="江城气象局发布",
            found_at=ctx.clock.now() - timedelta(hours=1),
            where_found="微博搜索",
        ),
    )
    ctx.rogues.add_action(
        clerk,
        rogue.id,
        RogueActionKind.PLATFORM_REPORT,
        office_date(ctx.clock.now()),
        "已举报",
        rogue.version,
    )
    return Registry(office, clerk, weibo, website, platforms)


def _sign_leader(reg: Registry) -> AccountRecord:
    ctx = reg.office.ctx
    leader = reg.office.sign_in("leader", LEADER_PASSWORD)
    current = ctx.accounts.get_account(None, reg.weibo.id)
    return ctx.accounts.sign_step(
        leader, current.id, "supervisor", Decision.AGREE, "同意。", expected_version=current.version
    )


def _signer_of(dialog: ApprovalSignDialog) -> Principal | None:
    return dialog.signer


def _page(window: MainWindow) -> AccountsPage:
    assert window.work_area is not None
    window.work_area.show_area(Area.ACCOUNTS)
    return window.work_area.accounts_area.accounts_page


def _area(window: MainWindow) -> AccountsArea:
    assert window.work_area is not None
    window.work_area.show_area(Area.ACCOUNTS)
    return window.work_area.accounts_area


# -- models ----------------------------------------------------------------------------


def test_every_accounts_model_passes_the_model_tester(
    qtmodeltester: ModelTester, registry: Registry
) -> None:
    ctx = registry.office.ctx
    _sign_leader(registry)
    accounts = ctx.accounts.list_accounts(None)
    filings = ctx.accounts.filings(None)
    model = AccountTableModel()
    model.set_rows(
        [
            AccountRow(a, ("信息员乙",), "a holder left", worst_filing(filings).get(a.id))
            for a in accounts
        ]
    )
    check_model(qtmodeltester, model)
    proxy = AccountFilterProxy()
    proxy.setSourceModel(model)
    check_model(qtmodeltester, proxy)
    assert model.index(0, AccountColumn.HOLDERS).data().startswith("信息员乙")

    history = HistoryTableModel()
    history.set_rows(ctx.accounts.history(None, registry.weibo.id))
    check_model(qtmodeltester, history)
    assert history.rowCount() >= 4  # applied, submitted, agreed, opened

    steps = StepTableModel()
    steps.set_rows(ctx.accounts.approval_steps(None, registry.weibo.id))
    check_model(qtmodeltester, steps)
    assert steps.index(0, 1).data() == "分管领导丙"

    filing_model = FilingTableModel()
    filing_model.set_rows(filings)
    check_model(qtmodeltester, filing_model)
    assert filing_model.rowCount() == 1  # the opening (a taken-over account needs none)

    findings = FindingTableModel()
    findings.set_findings(ctx.accounts.problems(None), {a.id: a.name for a in accounts})
    check_model(qtmodeltester, findings)

    rogues = RogueTableModel()
    rogues.set_rows(ctx.rogues.list_rogues(None))
    check_model(qtmodeltester, rogues)
    assert "Reported to the platform" in rogues.index(0, 4).data()

    platforms = PlatformTableModel()
    platforms.set_rows(ctx.accounts.list_platforms(None))
    check_model(qtmodeltester, platforms)

    errors = ImportErrorModel()
    errors.set_rows(
        [ImportRowError(0, "", "the workbook has no sheet"), ImportRowError(3, "平台", "x")]
    )
    check_model(qtmodeltester, errors)
    assert errors.index(0, 2).data() == "The workbook has no sheet."

    handover = HandoverModel()
    handover.set_rows(duties_of(registry.office.clerk.id, accounts, {registry.website.id}))
    check_model(qtmodeltester, handover)
    assert handover.rowCount() == 5  # admin + responsible on two accounts, holder on one


def test_filters_by_unit_platform_status_and_text(registry: Registry) -> None:
    ctx = registry.office.ctx
    model = AccountTableModel()
    model.set_rows([AccountRow(a) for a in ctx.accounts.list_accounts(None)])
    proxy = AccountFilterProxy()
    proxy.setSourceModel(model)
    assert proxy.rowCount() == 2
    proxy.set_platform(registry.platforms["网站"])
    assert proxy.rowCount() == 1
    assert proxy.record_at(0).account.name == "江城市气象局"  # type: ignore[union-attr]
    proxy.set_platform(None)
    proxy.set_status(AccountStatus.SUBMITTED)
    assert [proxy.record_at(r).account.name for r in range(proxy.rowCount())] == ["江城气象"]  # type: ignore[union-attr]
    proxy.set_status(None)
    proxy.set_units({registry.office.root_id})
    assert proxy.rowCount() == 0
    proxy.set_units(None)
    proxy.set_filter_text("JCQX.EXAMPLE")
    assert proxy.rowCount() == 1


# -- the page --------------------------------------------------------------------------


def test_accounts_area_is_built_and_lists_accounts(
    qtbot: QtBot, registry: Registry, make_window: MakeWindow
) -> None:
    assert Area.ACCOUNTS not in PLANNED
    window = make_window(registry.office.admin)
    page = _page(window)
    assert page.model.rowCount() == 2
    assert page.unit_filter.count() >= 3
    page.unit_filter.setCurrentIndex(page.unit_filter.findData(registry.office.root_id))
    assert page.proxy.rowCount() == 2  # the root unit includes the section below it
    assert page.select_account(registry.website.id)
    assert page.detail.values["name"].text() == "江城市气象局"
    page.detail.setCurrentWidget(page.detail.history_table)
    assert page.detail.history_model.rowCount() == 1
    assert page.edit_button.isEnabled() and not page.submit_button.isEnabled()
    assert page.suspend_button.isEnabled()


def test_new_application_through_the_editor_shows_checks(
    qtbot: QtBot, registry: Registry, make_window: MakeWindow
) -> None:
    window = make_window(registry.clerk)
    page = _page(window)
    page.open_new()
    editor = page.dialog
    from newmedia_desk.ui.account_editor import AccountEditorDialog

    assert isinstance(editor, AccountEditorDialog)
    editor.platform_combo.setCurrentIndex(
        editor.platform_combo.findData(registry.platforms["抖音"])
    )
    editor.name_edit.setText("江城检察气象")
    editor.responsible_combo.setCurrentIndex(
        editor.responsible_combo.findData(registry.office.clerk.id)
    )
    editor.run_checks()
    assert editor.findings_label.isVisibleTo(editor)
    assert "reserved word" in editor.findings_label.text()
    editor.name_edit.setText("江城气象")
    editor.save_button.click()
    assert not editor.isVisible()
    created = [
        a for a in registry.office.ctx.accounts.list_accounts(None) if a.platform_name == "抖音"
    ]
    assert len(created) == 1 and created[0].status is AccountStatus.APPLIED
    assert page.selected() is not None and page.selected().id == created[0].id  # type: ignore[union-attr]


def test_same_pc_sign_off_keeps_the_clerk_signed_in(
    qtbot: QtBot, registry: Registry, make_window: MakeWindow, prompts: ScriptedPrompts
) -> None:
    window = make_window(registry.clerk)
    page = _page(window)
    assert page.select_account(registry.weibo.id)
    assert page.sign_button.isEnabled()
    page.open_sign()
    dialog = page.dialog
    assert isinstance(dialog, ApprovalSignDialog) and dialog.isVisible()
    assert "主管领导意见" in dialog.step_label.text()
    form = dialog.sign_in_form
    form.login_edit.setText("leader")
    form.password_edit.setText("wrong-password")
    form.sign_in_button.click()
    assert form.message.isVisibleTo(form)
    assert "wrong password" in form.message.text()
    assert dialog.pages.currentWidget() is dialog.sign_in_page
    form.password_edit.setText(LEADER_PASSWORD)
    form.sign_in_button.click()
    assert form.password_edit.text() == ""
    assert dialog.pages.currentWidget() is dialog.review_page
    assert dialog.signer is not None and dialog.signer.login == "leader"
    digest = registry.office.ctx.accounts.content_digest(None, registry.weibo.id)
    assert digest in dialog.digest_label.text()
    dialog.opinion_edit.setPlainText("同意开设。")
    dialog.sign_button.click()  # no password typed: nothing signed
    assert dialog.isVisible() and dialog.message.isVisibleTo(dialog)
    dialog.password_edit.setText("wrong-password")
    dialog.sign_button.click()
    assert dialog.isVisible() and "password is wrong" in dialog.message.text()
    assert dialog.password_edit.text() == ""
    dialog.password_edit.setText(LEADER_PASSWORD)
    dialog.sign_button.click()
    assert not dialog.isVisible()
    assert _signer_of(dialog) is None  # the leader's identity is not kept
    steps = registry.office.ctx.accounts.approval_steps(None, registry.weibo.id)
    assert steps[0].signer_name == "分管领导丙" and steps[0].decision is Decision.AGREE
    assert steps[0].signature  # signed with the leader's personal key
    assert (
        registry.office.ctx.accounts.get_account(None, registry.weibo.id).status
        is AccountStatus.OPEN
    )
    assert window.principal is not None and window.principal.login == "clerk"
    assert window.work_area is not None and window.work_area.actor.login == "clerk"
    assert any("stays signed in" in text for text in prompts.infos)


def test_enter_after_the_sign_in_does_not_sign(
    qtbot: QtBot, registry: Registry, make_window: MakeWindow
) -> None:
    window = make_window(registry.clerk)
    page = _page(window)
    page.select_account(registry.weibo.id)
    page.open_sign()
    dialog = page.dialog
    assert isinstance(dialog, ApprovalSignDialog)
    dialog.sign_in_form.login_edit.setText("leader")
    QTest.keyClicks(dialog.sign_in_form.password_edit, LEADER_PASSWORD)
    QTest.keyClick(dialog.sign_in_form.password_edit, Qt.Key.Key_Return)
    assert dialog.pages.currentWidget() is dialog.review_page
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible()
    steps = registry.office.ctx.accounts.approval_steps(None, registry.weibo.id)
    assert not steps[0].signed  # the leader has not read and clicked yet


def test_the_clerk_cannot_sign_for_the_leader(
    qtbot: QtBot, registry: Registry, make_window: MakeWindow
) -> None:
    window = make_window(registry.clerk)
    page = _page(window)
    page.select_account(registry.weibo.id)
    page.open_sign()
    dialog = page.dialog
    assert isinstance(dialog, ApprovalSignDialog)
    dialog.sign_in_form.login_edit.setText("clerk")
    dialog.sign_in_form.password_edit.setText(CLERK_PASSWORD)
    dialog.sign_in_form.sign_in_button.click()
    assert dialog.signer is None
    assert dialog.pages.currentWidget() is dialog.sign_in_page
    assert dialog.sign_in_form.message.isVisibleTo(dialog)


def test_returning_needs_an_opinion(
    qtbot: QtBot, registry: Registry, make_window: MakeWindow
) -> None:
    window = make_window(registry.clerk)
    page = _page(window)
    page.select_account(registry.weibo.id)
    page.open_sign()
    dialog = page.dialog
    assert isinstance(dialog, ApprovalSignDialog)
    dialog.sign_in_form.login_edit.setText("leader")
    dialog.sign_in_form.password_edit.setText(LEADER_PASSWORD)
    dialog.sign_in_form.sign_in_button.click()
    dialog.return_button.setChecked(True)
    dialog.password_edit.setText(LEADER_PASSWORD)
    dialog.sign_button.click()
    assert dialog.isVisible() and dialog.message.isVisibleTo(dialog)
    dialog.opinion_edit.setPlainText("名称不规范，请修改。")
    dialog.password_edit.setText(LEADER_PASSWORD)
    dialog.sign_button.click()
    assert not dialog.isVisible()
    current = registry.office.ctx.accounts.get_account(None, registry.weibo.id)
    assert current.status is AccountStatus.APPLIED


def test_lifecycle_buttons_suspend_and_record_filing(
    qtbot: QtBot, registry: Registry, make_window: MakeWindow
) -> None:
    from newmedia_desk.ui.account_dialogs import FilingDialog, ReasonDialog

    window = make_window(registry.clerk)
    page = _page(window)
    page.select_account(registry.website.id)
    page.suspend_or_resume()
    dialog = page.dialog
    assert isinstance(dialog, ReasonDialog)
    dialog.save_button.click()  # no reason: refused, stays open
    assert dialog.isVisible() and dialog.invalid_fields() == ["reason"]
    dialog.reason_edit.setPlainText("改版暂停")
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert page.selected() is not None and page.selected().status is AccountStatus.SUSPENDED  # type: ignore[union-attr]
    assert page.suspend_button.text() == "Resume…"
    row = page.selected_row()
    assert row is not None and row.filing is not None and not row.filing.overdue
    assert page.filing_button.isEnabled()
    page.open_filing()
    filing = page.dialog
    assert isinstance(filing, FilingDialog)
    filing.reference_edit.setText("报送系统")
    filing.save_button.click()
    assert not filing.isVisible()
    assert not page.filing_button.isEnabled()


def test_overdue_filing_is_red(
    qtbot: QtBot, registry: Registry, make_window: MakeWindow, fixed_clock: FixedClock
) -> None:
    from newmedia_desk.ui.account_model import RED

    ctx = registry.office.ctx
    current = ctx.accounts.get_account(None, registry.website.id)
    ctx.accounts.suspend(registry.clerk, current.id, "暂停", current.version)
    fixed_clock.advance(days=14)
    window = make_window(registry.office.admin)
    page = _page(window)
    row = page.model.row_of(registry.website.id)
    assert row is not None
    index = page.model.index(row, AccountColumn.FILING)
    assert index.data().startswith("Overdue")
    assert index.data(Qt.ItemDataRole.ForegroundRole).color() == RED


def test_refused_import_lists_every_problem(
    qtbot: QtBot,
    registry: Registry,
    make_window: MakeWindow,
    prompts: ScriptedPrompts,
    tmp_path: Path,
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["平台", "账号名称", "账号ID", "所属单位", "管理人", "责任人", "更新要求"])
    sheet.append(["火星平台", "甲", "", "办公室", "clerk", "clerk", ""])
    sheet.append(["微博", "", "", "办公室", "clerk", "clerk", ""])
    path = tmp_path / "台账.xlsx"
    book.save(path)
    before = len(registry.office.ctx.accounts.list_accounts(None))
    window = make_window(registry.clerk)
    page = _page(window)
    prompts.open_files.append(path)
    page.import_ledger()
    dialog = page.dialog
    assert isinstance(dialog, ImportErrorsDialog) and dialog.isVisible()
    assert dialog.model.rowCount() >= 2
    texts = [dialog.model.index(r, 2).data() for r in range(dialog.model.rowCount())]
    assert "This cell must not be empty." in texts
    assert len(registry.office.ctx.accounts.list_accounts(None)) == before


def test_export_offers_another_name_when_the_file_is_open(
    qtbot: QtBot,
    registry: Registry,
    make_window: MakeWindow,
    prompts: ScriptedPrompts,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import newmedia_desk.exports.forms as forms

    written: list[Path] = []
    real = forms.export_account_opening

    def flaky(form: object, out: Path) -> Path:
        if not written:
            written.append(out)
            raise ExportLockedError("open in Excel", path=str(out))
        written.append(out)
        return real(form, out)  # type: ignore[arg-type]

    monkeypatch.setattr(forms, "export_account_opening", flaky)
    target = tmp_path / "开设审批表.xlsx"
    target.write_bytes(b"locked")
    prompts.save_files.append(target)
    window = make_window(registry.clerk)
    page = _page(window)
    page.select_account(registry.website.id)
    page.export_opening_form()
    assert prompts.questions and "开设审批表 (2).xlsx" in prompts.questions[-1]
    assert written[-1].name == "开设审批表 (2).xlsx" and written[-1].exists()
    assert any("Saved as" in text for text in prompts.infos)


def test_problems_and_rogue_tabs(qtbot: QtBot, registry: Registry, make_window: MakeWindow) -> None:
    window = make_window(registry.clerk)
    area = _area(window)
    area.tabs.setCurrentWidget(area.problems_page)
    assert "finding" in area.problems_page.summary.text()
    area.tabs.setCurrentWidget(area.rogue_page)
    rogue_page = area.rogue_page
    assert rogue_page.model.rowCount() == 1
    assert rogue_page.select_rogue(rogue_page.model.record(0).id)
    rogue_page.open_action()
    dialog = rogue_page.dialog
    assert isinstance(dialog, RogueActionDialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(RogueActionKind.CLOSED.value))
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert rogue_page.model.record(0).status.value == "closed"
    assert not rogue_page.action_button.isEnabled()
    area.tabs.setCurrentWidget(area.platforms_page)
    assert area.platforms_page.model.rowCount() >= 9
    assert not area.platforms_page.add_button.isEnabled()  # clerks do not manage platforms


def test_start_page_shows_account_figures(
    qtbot: QtBot, registry: Registry, make_window: MakeWindow
) -> None:
    window = make_window(registry.office.admin)
    assert window.work_area is not None
    start = window.work_area.start_page
    start.refresh()
    assert start.open_rogues.text() == "1"
    assert start.filings_overdue.text() == "none"
    assert "errors" in start.open_problems.text()


# -- handover ----------------------------------------------------------------------------


def test_handover_reassigns_and_offers_to_mark_left(
    qtbot: QtBot, registry: Registry, make_window: MakeWindow, prompts: ScriptedPrompts
) -> None:
    ctx = registry.office.ctx
    admin = registry.office.admin
    status = ctx.credentials.status(admin, registry.website.id)
    ctx.credentials.set_holders(
        admin, registry.website.id, [registry.office.clerk.id], status.version
    )
    window = make_window(admin)
    assert window.work_area is not None
    window.work_area.show_area(Area.SETTINGS)
    staff_page = window.work_area.settings_area.staff_page
    assert staff_page.select_staff(registry.office.clerk.id)
    assert staff_page.handover_button.isEnabled()
    staff_page.open_handover()
    dialog = staff_page.handover_dialog
    assert isinstance(dialog, HandoverDialog) and dialog.isVisible()
    assert dialog.model.rowCount() == 5
    dialog.successor_combo.setCurrentIndex(
        dialog.successor_combo.findData(registry.office.leader.id)
    )
    dialog.assign_all()
    dialog.run_button.click()
    assert all(item.done for item in dialog.model.records()), [
        item.problem for item in dialog.model.records()
    ]
    for account_id in (registry.weibo.id, registry.website.id):
        account = ctx.accounts.get_account(None, account_id)
        assert account.administrator_id == registry.office.leader.id
        assert account.responsible_id == registry.office.leader.id
    holders = ctx.credentials.status(admin, registry.website.id).holders
    assert [h.staff_id for h in holders] == [registry.office.leader.id]
    assert prompts.questions and "having left" in prompts.questions[-1]
    assert not ctx.directory.get_staff(None, registry.office.clerk.id).active


def test_proxies_are_sort_filter_proxies(registry: Registry) -> None:
    # Every list of the area is a model with a proxy in front (style.md item 3).
    assert issubclass(AccountFilterProxy, QSortFilterProxyModel)
