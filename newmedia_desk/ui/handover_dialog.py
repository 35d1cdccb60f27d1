"""Handover (交接): everything one person answers for, reassigned in one place.

Lists every account where the person is administrator (管理人), responsible person (责任人)
or password holder (知悉人); the administrator picks a successor for each line and hands
over. The services do the work (a 变更 of an open account is recorded and must be filed;
removing a holder opens a password-change task). Afterwards it offers to mark the person
as having left.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import IntEnum, StrEnum

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.context import AppContext
from newmedia_desk.domain.accounts import AccountRecord, AccountStatus, draft_of
from newmedia_desk.domain.errors import DeskError
from newmedia_desk.domain.staff import Principal, StaffRecord
from newmedia_desk.ui.account_detail import read_only_table
from newmedia_desk.ui.account_model import sorting_proxy
from newmedia_desk.ui.form_dialog import BANNER_ERROR, BANNER_NOTE
from newmedia_desk.ui.noop import QT_TRANSLATE_NOOP
from newmedia_desk.ui.prompts import Prompts, error_text
from newmedia_desk.ui.record_table import RecordTableModel


class Duty(StrEnum):
    """What the person does for an account."""

    ADMINISTRATOR = "administrator"
    RESPONSIBLE = "responsible"
    HOLDER = "holder"


DUTY_NAMES: dict[Duty, str] = {
    Duty.ADMINISTRATOR: QT_TRANSLATE_NOOP("HandoverModel", "Administrator"),
    Duty.RESPONSIBLE: QT_TRANSLATE_NOOP("HandoverModel", "Responsible person"),
    Duty.HOLDER: QT_TRANSLATE_NOOP("HandoverModel", "Password holder"),
}


@dataclass(frozen=True, slots=True)
class HandoverItem:
    """One duty of the person on one account, and who takes it over."""

    account: AccountRecord
    duty: Duty
    successor_id: int | None = None
    successor_name: str = ""
    done: bool = False
    problem: str = ""


class HandoverColumn(IntEnum):
    """The columns of the handover list."""

    ACCOUNT = 0
    PLATFORM = 1
    DUTY = 2
    SUCCESSOR = 3
    STATE = 4


HANDOVER_HEADERS: dict[HandoverColumn, str] = {
    HandoverColumn.ACCOUNT: QT_TRANSLATE_NOOP("HandoverModel", "Account"),
    HandoverColumn.PLATFORM: QT_TRANSLATE_NOOP("HandoverModel", "Platform"),
    HandoverColumn.DUTY: QT_TRANSLATE_NOOP("HandoverModel", "Duty"),
    HandoverColumn.SUCCESSOR: QT_TRANSLATE_NOOP("HandoverModel", "Taken over by"),
    HandoverColumn.STATE: QT_TRANSLATE_NOOP("HandoverModel", "State"),
}


class HandoverModel(RecordTableModel[HandoverItem, HandoverColumn]):
    """The duties to hand over; successors are set per row."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(HandoverColumn, HANDOVER_HEADERS, "HandoverModel", self._display, parent)

    def _display(self, item: HandoverItem, column: HandoverColumn) -> str:
        match column:
            case HandoverColumn.ACCOUNT:
                return item.account.name
            case HandoverColumn.PLATFORM:
                return item.account.platform_name
            case HandoverColumn.DUTY:
                return QCoreApplication.translate("HandoverModel", DUTY_NAMES[item.duty])
            case HandoverColumn.SUCCESSOR:
                return item.successor_name or self.tr("(choose)")
            case HandoverColumn.STATE:
                if item.problem:
                    return item.problem
                return self.tr("handed over") if item.done else self.tr("open")

    def set_item(self, row: int, item: HandoverItem) -> None:
        """Replace one row and tell the views."""
        self._rows[row] = item
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(HandoverColumn) - 1))


def duties_of(person_id: int, accounts: list[AccountRecord], held: set[int]) -> list[HandoverItem]:
    """Every duty of one person on accounts that are not closed."""
    items: list[HandoverItem] = []
    for account in accounts:
        if account.status is AccountStatus.CLOSED:
            continue
        if account.administrator_id == person_id:
            items.append(HandoverItem(account, Duty.ADMINISTRATOR))
        if account.responsible_id == person_id:
            items.append(HandoverItem(account, Duty.RESPONSIBLE))
        if account.id in held:
            items.append(HandoverItem(account, Duty.HOLDER))
    return items


class HandoverDialog(QDialog):
    """The person's duties; choose successors, hand over, then perhaps mark them as left.

    Emits ``handed_over()`` after something was saved.
    """

    handed_over = Signal()

    def __init__(
        self,
        ctx: AppContext,
        actor: Principal,
        prompts: Prompts,
        person: StaffRecord,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.setWindowTitle(self.tr("Handover of {name}").format(name=person.name))
        self._ctx = ctx
        self._actor = actor
        self._prompts = prompts
        self.person = person
        self._staff: dict[int, StaffRecord] = {}
        self.model = HandoverModel(self)
        self.proxy = sorting_proxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = read_only_table(self, "handover_table")
        self.table.setModel(self.proxy)
        self.table.setSelectionMode(self.table.SelectionMode.ExtendedSelection)
        self.lead = QLabel(self)
        self.lead.setWordWrap(True)
        self.successor_combo = QComboBox(self)
        self.successor_combo.setObjectName("successor")
        self.assign_button = QPushButton(self.tr("Give the selected lines to"), self)
        self.assign_all_button = QPushButton(self.tr("Give every line to"), self)
        self.assign_button.clicked.connect(self.assign_selected)
        self.assign_all_button.clicked.connect(self.assign_all)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(self)
        self.run_button = self.buttons.addButton(
            self.tr("Hand over"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.run_button.setAutoDefault(False)  # handing over is a deliberate click
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.run_button.clicked.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        pick = QHBoxLayout()
        pick.addWidget(self.assign_button)
        pick.addWidget(self.assign_all_button)
        pick.addWidget(self.successor_combo, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lead)
        layout.addWidget(self.table, 1)
        layout.addLayout(pick)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(760, 420)
        self.load()

    def load(self) -> None:
        """Read the person's duties and the possible successors."""
        try:
            accounts = self._ctx.accounts.list_accounts(self._actor)
            held = set(self._ctx.credentials.held_by(self.person.id))
            staff = self._ctx.directory.list_staff(self._actor)
        except DeskError as exc:
            self._show(error_text(exc), error=True)
            return
        self._staff = {s.id: s for s in staff}
        self.successor_combo.clear()
        for s in staff:
            if s.active and s.id != self.person.id:
                self.successor_combo.addItem(f"{s.name}（{s.unit_name}）", s.id)
        items = duties_of(self.person.id, accounts, held)
        self.model.set_rows(items)
        self.table.resizeColumnsToContents()
        if items:
            self.lead.setText(
                self.tr(
                    "{name} has {count} duty(ies) on accounts. Choose who takes over each "
                    "line, then press Hand over. Lines without a successor stay as they are."
                ).format(name=self.person.name, count=len(items))
            )
        else:
            self.lead.setText(
                self.tr("{name} has no duties on any account.").format(name=self.person.name)
            )
        self.run_button.setEnabled(bool(items))

    def _successor(self) -> tuple[int, str] | None:
        value = self.successor_combo.currentData()
        if value is None:
            return None
        person = self._staff.get(int(value))
        return (int(value), person.name if person else "")

    def _assign(self, rows: list[int]) -> None:
        chosen = self._successor()
        if chosen is None:
            return
        for row in rows:
            item = self.model.record(row)
            if not item.done:
                self.model.set_item(
                    row, replace(item, successor_id=chosen[0], successor_name=chosen[1])
                )

    def assign_selected(self) -> None:
        """Give the selected lines to the successor chosen."""
        rows = [self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()]
        self._assign(rows)

    def assign_all(self) -> None:
        """Give every open line to the successor chosen."""
        self._assign(list(range(self.model.rowCount())))

    def run(self) -> None:
        """Save every line with a successor: people in charge first, then holders."""
        items = self.model.records()
        by_account: dict[int, list[int]] = {}
        for row, item in enumerate(items):
            if item.successor_id is not None and not item.done:
                by_account.setdefault(item.account.id, []).append(row)
        if not by_account:
            self._show(self.tr("Choose a successor for at least one line."), error=True)
            return
        failures = 0
        for account_id, rows in by_account.items():
            people = [r for r in rows if items[r].duty is not Duty.HOLDER]
            holders = [r for r in rows if items[r].duty is Duty.HOLDER]
            if people:
                failures += self._hand_over_people(account_id, people)
            if holders:
                failures += self._hand_over_holders(account_id, holders)
        self.handed_over.emit()
        if failures:
            self._show(
                self.tr("{count} line(s) could not be handed over; see the State column.").format(
                    count=failures
                ),
                error=True,
            )
            return
        remaining = [i for i in self.model.records() if not i.done]
        self._show(self.tr("Handed over."), error=False)
        if not remaining and self.person.active:
            self._offer_mark_left()

    def _hand_over_people(self, account_id: int, rows: list[int]) -> int:
        try:
            record = self._ctx.accounts.get_account(self._actor, account_id)
            draft = draft_of(record)
            for row in rows:
                item = self.model.record(row)
                assert item.successor_id is not None
                if item.duty is Duty.ADMINISTRATOR:
                    draft = replace(draft, administrator_id=item.successor_id)
                else:
                    draft = replace(draft, responsible_id=item.successor_id)
            self._ctx.accounts.update_account(
                self._actor,
                account_id,
                draft,
                record.version,
                reason=self.tr("Handover from {name}").format(name=self.person.name),
            )
        except DeskError as exc:
            for row in rows:
                self.model.set_item(row, replace(self.model.record(row), problem=error_text(exc)))
            return len(rows)
        for row in rows:
            self.model.set_item(row, replace(self.model.record(row), done=True, problem=""))
        return 0

    def _hand_over_holders(self, account_id: int, rows: list[int]) -> int:
        item = self.model.record(rows[0])
        assert item.successor_id is not None
        try:
            status = self._ctx.credentials.status(self._actor, account_id)
            ids = [
                item.successor_id if h.staff_id == self.person.id else h.staff_id
                for h in status.holders
            ]
            self._ctx.credentials.set_holders(
                self._actor, account_id, list(dict.fromkeys(ids)), status.version
            )
        except DeskError as exc:
            for row in rows:
                self.model.set_item(row, replace(self.model.record(row), problem=error_text(exc)))
            return len(rows)
        for row in rows:
            self.model.set_item(row, replace(self.model.record(row), done=True, problem=""))
        return 0

    def _offer_mark_left(self) -> None:
        question = self.tr(
            "Everything {name} held is handed over. Mark {name} as having left now? "
            "They can then no longer sign in."
        ).format(name=self.person.name)
        if not self._prompts.confirm(question):
            return
        try:
            current = self._ctx.directory.get_staff(self._actor, self.person.id)
            self.person = self._ctx.directory.mark_left(self._actor, current.id, current.version)
        except DeskError as exc:
            self._show(error_text(exc), error=True)
            return
        self.handed_over.emit()
        self._show(
            self.tr("{name} is marked as having left.").format(name=self.person.name), error=False
        )

    def _show(self, text: str, *, error: bool) -> None:
        self.message.setStyleSheet(BANNER_ERROR if error else BANNER_NOTE)
        self.message.setText(text)
        self.message.show()
