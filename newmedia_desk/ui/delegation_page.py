"""代签授权: a deputy signs a leader's steps for a period, with the chief's consent.

001 § 篇4 八: when the leader is away, the deputy may approve with the executive leader's
consent. The consenting chief types their password in the dialog (their own, when the
chief records it themself); it is checked through the usual throttled sign-in and then
signs the delegation with the chief's personal key. It is dropped when the dialog closes.
Shown as a tab of the Settings area to administrators and chiefs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from enum import IntEnum

from PySide6.QtCore import QCoreApplication, QObject, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.context import AppContext
from newmedia_desk.domain.errors import DeskError, SignInFailedError
from newmedia_desk.domain.posts import DelegationSpec
from newmedia_desk.domain.roles import Permission, Role
from newmedia_desk.domain.staff import Principal, StaffRecord
from newmedia_desk.services.delegations import DelegationView
from newmedia_desk.ui.account_detail import read_only_table
from newmedia_desk.ui.form_dialog import FormDialog, InputProblemError, error_banner
from newmedia_desk.ui.noop import QT_TRANSLATE_NOOP
from newmedia_desk.ui.prompts import Prompts, error_text
from newmedia_desk.ui.record_table import (
    RecordTableModel,
    SortRole,
    select_source_row,
    selected_record,
)
from newmedia_desk.ui.texts import from_qdatetime, office_time, role_names
from newmedia_desk.ui.texts import office_datetime_edit as datetime_edit

APPROVER_ROLES = frozenset({Role.RESPONSIBLE, Role.SUPERVISOR, Role.CHIEF})
GREY = QColor("#8a8a8a")


class DelegationColumn(IntEnum):
    """The columns of the delegation table."""

    DEPUTY = 0
    LEADER = 1
    CONSENTED_BY = 2
    STARTS = 3
    ENDS = 4
    STATE = 5
    REASON = 6


HEADERS: dict[DelegationColumn, str] = {
    DelegationColumn.DEPUTY: QT_TRANSLATE_NOOP("DelegationTableModel", "Deputy"),
    DelegationColumn.LEADER: QT_TRANSLATE_NOOP("DelegationTableModel", "Signs for"),
    DelegationColumn.CONSENTED_BY: QT_TRANSLATE_NOOP("DelegationTableModel", "Consent of"),
    DelegationColumn.STARTS: QT_TRANSLATE_NOOP("DelegationTableModel", "From"),
    DelegationColumn.ENDS: QT_TRANSLATE_NOOP("DelegationTableModel", "Until"),
    DelegationColumn.STATE: QT_TRANSLATE_NOOP("DelegationTableModel", "State"),
    DelegationColumn.REASON: QT_TRANSLATE_NOOP("DelegationTableModel", "Reason"),
}

STATES: dict[str, str] = {
    "revoked": QT_TRANSLATE_NOOP("DelegationTableModel", "Revoked {time}"),
    "ended": QT_TRANSLATE_NOOP("DelegationTableModel", "Ended"),
    "future": QT_TRANSLATE_NOOP("DelegationTableModel", "Not yet in force"),
    "active": QT_TRANSLATE_NOOP("DelegationTableModel", "In force"),
}


def delegation_state(d: DelegationView, now: datetime) -> str:
    """``revoked``, ``ended``, ``future`` or ``active``."""
    if d.revoked_at is not None:
        return "revoked"
    if now >= d.ends_at:
        return "ended"
    if now < d.starts_at:
        return "future"
    return "active"


class DelegationTableModel(RecordTableModel[DelegationView, DelegationColumn]):
    """Delegations, newest first; those not in force grey."""

    def __init__(self, now: Callable[[], datetime], parent: QObject | None = None) -> None:
        self._now = now
        super().__init__(DelegationColumn, HEADERS, "DelegationTableModel", self._show, parent)

    def _show(self, d: DelegationView, column: DelegationColumn) -> str:
        match column:
            case DelegationColumn.DEPUTY:
                return d.deputy_name
            case DelegationColumn.LEADER:
                return d.leader_name
            case DelegationColumn.CONSENTED_BY:
                return d.consented_by_name
            case DelegationColumn.STARTS:
                return office_time(d.starts_at)
            case DelegationColumn.ENDS:
                return office_time(d.ends_at)
            case DelegationColumn.STATE:
                state = delegation_state(d, self._now())
                return self.tr_state(state).format(time=office_time(d.revoked_at))
            case DelegationColumn.REASON:
                return d.reason

    @staticmethod
    def tr_state(state: str) -> str:
        """The translated words of a state."""
        return QCoreApplication.translate("DelegationTableModel", STATES[state])

    def sort_key(self, record: DelegationView, column: DelegationColumn) -> str | float | int:
        """Times sort as times."""
        if column is DelegationColumn.STARTS:
            return record.starts_at.timestamp()
        if column is DelegationColumn.ENDS:
            return record.ends_at.timestamp()
        return self._show(record, column).casefold()

    def foreground(self, record: DelegationView) -> QBrush | None:
        """Grey when not in force."""
        return None if delegation_state(record, self._now()) == "active" else QBrush(GREY)

    def row_of(self, delegation_id: int) -> int | None:
        """The row of one delegation."""
        for row, d in enumerate(self.records()):
            if d.id == delegation_id:
                return row
        return None


def _combo(parent: QWidget, people: list[StaffRecord]) -> QComboBox:
    combo = QComboBox(parent)
    for p in sorted(people, key=lambda p: (p.unit_name, p.name)):
        combo.addItem(f"{p.name} · {p.unit_name} · {role_names(p.roles)}", p.id)
    combo.setCurrentIndex(-1)
    return combo


class DelegationDialog(FormDialog):
    """新建代签授权. Emits ``saved(DelegationView)``.

    The chief's password is read once for the throttled check and the signature, then
    cleared from the field; it is never stored.
    """

    saved = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        actor: Principal,
        staff: list[StaffRecord],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.submit, parent)
        self.setWindowTitle(self.tr("New delegation"))
        self._ctx = ctx
        self._actor = actor
        self._staff = {p.id: p for p in staff if p.active}
        approvers = [p for p in self._staff.values() if p.roles & APPROVER_ROLES]
        chiefs = [p for p in self._staff.values() if Role.CHIEF in p.roles]
        self.leader_combo = _combo(self, approvers)
        self.deputy_combo = _combo(self, approvers)
        self.consenter_combo = _combo(self, chiefs)
        if Role.ADMIN not in actor.roles:
            # A chief records only the delegations they consent to themself.
            self.consenter_combo.setCurrentIndex(self.consenter_combo.findData(actor.staff_id))
            self.consenter_combo.setEnabled(False)
        now = ctx.clock.now().replace(second=0, microsecond=0)
        self.starts_edit = datetime_edit(self, now)
        self.ends_edit = datetime_edit(self, now + timedelta(days=7))
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText(self.tr("e.g. on a business trip 3–7 March"))
        self.password_label = QLabel(self)
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("consenter_password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_field("leader", self.tr("Leader"), self.leader_combo)
        self.add_field("deputy", self.tr("Deputy who signs"), self.deputy_combo)
        self.add_field("consented_by", self.tr("Consent of (chief)"), self.consenter_combo)
        self.add_field("starts_at", self.tr("From"), self.starts_edit)
        self.add_field("ends_at", self.tr("Until"), self.ends_edit)
        self.add_field("reason", self.tr("Reason"), self.reason_edit)
        self.form.addRow(self.password_label)
        self.add_field("consenter_password", self.tr("Password"), self.password_edit)
        self.consenter_combo.currentIndexChanged.connect(lambda _i: self._describe_password())
        self.finished.connect(lambda _r: self.password_edit.clear())
        self.show_note(
            self.tr(
                "While the delegation is in force the deputy may sign the leader's approval "
                "steps; each such sign-off shows “deputy for leader”. The chief consents by "
                "typing their password here."
            )
        )
        self._describe_password()

    def _describe_password(self) -> None:
        consenter = self._chosen(self.consenter_combo)
        if consenter is not None and consenter.id == self._actor.staff_id:
            text = self.tr("You consent as the chief: type your own password.")
        elif consenter is not None:
            text = self.tr("{name} consents: they type their password here.").format(
                name=consenter.name
            )
        else:
            text = self.tr("The consenting chief types their password here.")
        self.password_label.setText(text)

    def _chosen(self, combo: QComboBox) -> StaffRecord | None:
        value = combo.currentData()
        return self._staff.get(value) if isinstance(value, int) else None

    def spec(self) -> DelegationSpec:
        """What the form holds (0 for a person not chosen: the service refuses it)."""

        def person(combo: QComboBox) -> int:
            chosen = self._chosen(combo)
            return 0 if chosen is None else chosen.id

        return DelegationSpec(
            leader_id=person(self.leader_combo),
            deputy_id=person(self.deputy_combo),
            consented_by_id=person(self.consenter_combo),
            starts_at=from_qdatetime(self.starts_edit.dateTime()),
            ends_at=from_qdatetime(self.ends_edit.dateTime()),
            reason=self.reason_edit.text(),
        )

    def submit(self) -> None:
        """Check the chief's password (throttled), then record the signed delegation."""
        consenter = self._chosen(self.consenter_combo)
        password = self.password_edit.text()
        self.password_edit.clear()
        if consenter is None:
            raise InputProblemError(self.tr("Please choose the consenting chief."), "consented_by")
        if not password:
            raise InputProblemError(
                self.tr("The consenting chief must type their password."), "consenter_password"
            )
        wrong = self.tr("The password of {name} is wrong; nothing was recorded.").format(
            name=consenter.name
        )
        try:
            self._ctx.auth.sign_in(consenter.login, password)
        except SignInFailedError as exc:
            raise InputProblemError(wrong, "consenter_password") from exc
        try:
            saved = self._ctx.delegations.create(
                self._actor, self.spec(), consenter_password=password
            )
        except SignInFailedError as exc:
            raise InputProblemError(wrong, "consenter_password") from exc
        self.saved.emit(saved)


class DelegationPage(QWidget):
    """The list of delegations with 新建代签授权 and 撤销."""

    changed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        actor: Principal,
        prompts: Prompts,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._actor = actor
        self._prompts = prompts
        self.dialog: QDialog | None = None
        self.model = DelegationTableModel(ctx.clock.now, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = read_only_table(self, "delegation_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DelegationColumn.STARTS, Qt.SortOrder.DescendingOrder)
        self.intro = QLabel(
            self.tr(
                "A deputy may sign a leader's approval steps for a period, with the chief's "
                "consent (the leader is away). Such sign-offs show “deputy for leader”."
            ),
            self,
        )
        self.intro.setWordWrap(True)
        self.message = error_banner(self)
        self.new_button = QPushButton(self.tr("New delegation…"), self)
        self.revoke_button = QPushButton(self.tr("Revoke"), self)
        self.new_button.clicked.connect(self.open_new)
        self.revoke_button.clicked.connect(self.revoke)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.revoke_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def refresh(self) -> None:
        """Reload the list."""
        selected = self.selected()
        try:
            self.model.set_rows(self._ctx.delegations.list(self._actor))
        except DeskError as exc:
            self.message.setText(error_text(exc))
            self.message.show()
            return
        self.message.hide()
        if not self.table.property("sized"):
            self.table.resizeColumnsToContents()
            self.table.setProperty("sized", True)
        if selected is not None:
            self.select(selected.id)
        self._update_buttons()

    def selected(self) -> DelegationView | None:
        """The delegation selected."""
        return selected_record(self.table, DelegationView)

    def select(self, delegation_id: int) -> bool:
        """Select one delegation if it is listed."""
        return select_source_row(self.table, self.proxy, self.model.row_of(delegation_id))

    def _update_buttons(self) -> None:
        d = self.selected()
        self.new_button.setEnabled(self._actor.can(Permission.MANAGE_DELEGATIONS))
        self.revoke_button.setEnabled(
            d is not None and delegation_state(d, self._ctx.clock.now()) in {"active", "future"}
        )

    def open_new(self) -> None:
        """新建代签授权."""
        try:
            staff = self._ctx.directory.list_staff(self._actor, include_left=False)
        except DeskError as exc:
            self._prompts.warning(error_text(exc))
            return
        dialog = DelegationDialog(self._ctx, self._actor, staff, self)

        def forget(_result: int) -> None:
            if self.dialog is dialog:
                self.dialog = None
            dialog.deleteLater()

        dialog.finished.connect(forget)
        dialog.saved.connect(self._after_save)
        self.dialog = dialog
        dialog.open()

    def _after_save(self, saved: DelegationView) -> None:
        self.refresh()
        self.select(saved.id)
        self.changed.emit()

    def revoke(self) -> None:
        """撤销: end the selected delegation now."""
        d = self.selected()
        if d is None:
            return
        question = self.tr("End the delegation of {deputy} for {leader} now?").format(
            deputy=d.deputy_name, leader=d.leader_name
        )
        if not self._prompts.confirm(question):
            return
        try:
            self._ctx.delegations.revoke(self._actor, d.id)
        except DeskError as exc:
            self._prompts.warning(error_text(exc))
        self.refresh()
        self.changed.emit()
