"""The password of one account: its holders, changing, revealing, copying, sharing, rotation.

The panel never keeps a password: a revealed one sits in a masked field for at most
``REVEAL_SECONDS`` (and disappears at once on lock), a copied one goes to the clipboard
through ``SecretClipboard``. Revealing or copying asks for the holder's own password unless
they gave it within the last few minutes (the service decides). When the system password
store cannot be used, the reason is shown and the secret buttons are off.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.domain.accounts import AccountRecord
from newmedia_desk.domain.errors import DeskError, SignInFailedError
from newmedia_desk.domain.roles import Permission
from newmedia_desk.domain.staff import Principal, StaffRecord
from newmedia_desk.services.credentials import (
    CredentialService,
    CredentialStatus,
    HolderRecord,
    generate_password,
)
from newmedia_desk.ui.account_dialogs import PasswordPromptDialog
from newmedia_desk.ui.account_texts import rotation_reason
from newmedia_desk.ui.clipboard import SecretClipboard
from newmedia_desk.ui.form_dialog import (
    BANNER_NOTE,
    FormDialog,
    InputProblemError,
    error_banner,
)
from newmedia_desk.ui.noop import QT_TRANSLATE_NOOP
from newmedia_desk.ui.password_dialogs import password_edit
from newmedia_desk.ui.prompts import Prompts, error_text
from newmedia_desk.ui.record_table import RecordTableModel, RowRole
from newmedia_desk.ui.texts import office_time

REVEAL_SECONDS = 30
"""How long a revealed password stays in the panel."""

GENERATED_LENGTH = 20


class HolderColumn(IntEnum):
    """The columns of the holders table."""

    NAME = 0
    UNIT = 1
    STATE = 2


HOLDER_HEADERS: dict[HolderColumn, str] = {
    HolderColumn.NAME: QT_TRANSLATE_NOOP("HolderTableModel", "Holder"),
    HolderColumn.UNIT: QT_TRANSLATE_NOOP("HolderTableModel", "Unit"),
    HolderColumn.STATE: QT_TRANSLATE_NOOP("HolderTableModel", "Can open the password"),
}


class HolderTableModel(RecordTableModel[HolderRecord, HolderColumn]):
    """The people who may know an account's password."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(HolderColumn, HOLDER_HEADERS, "HolderTableModel", self._display, parent)

    def _display(self, holder: HolderRecord, column: HolderColumn) -> str:
        match column:
            case HolderColumn.NAME:
                return (
                    holder.name
                    if holder.active
                    else self.tr("{name} (left)").format(name=holder.name)
                )
            case HolderColumn.UNIT:
                return holder.unit_name
            case HolderColumn.STATE:
                return self.tr("yes") if holder.can_open else self.tr("not yet")


class StaffChoiceModel(QStandardItemModel):
    """Working staff with a check box each (the holders to be)."""

    def set_staff(self, staff: list[StaffRecord], checked: set[int], paths: dict[int, str]) -> None:
        """Fill with working staff; ``checked`` are ticked."""
        self.clear()
        for person in staff:
            if not person.active:
                continue
            item = QStandardItem(f"{person.name}（{paths.get(person.unit_id, person.unit_name)}）")
            item.setData(person.id, RowRole)
            item.setEditable(False)
            item.setCheckable(True)
            item.setCheckState(
                Qt.CheckState.Checked if person.id in checked else Qt.CheckState.Unchecked
            )
            self.appendRow(item)

    def checked_ids(self) -> list[int]:
        """The ids ticked, in list order."""
        ids = []
        for row in range(self.rowCount()):
            item = self.item(row)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                ids.append(int(item.data(RowRole)))
        return ids

    def set_checked(self, staff_id: int, checked: bool) -> None:
        """Tick or untick one person."""
        for row in range(self.rowCount()):
            item = self.item(row)
            if item is not None and item.data(RowRole) == staff_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


class HoldersDialog(FormDialog):
    """Choose the 1 to N people who may know the password (administrators)."""

    saved = Signal(object)

    def __init__(
        self,
        credentials: CredentialService,
        actor: Principal,
        status: CredentialStatus,
        staff: list[StaffRecord],
        paths: dict[int, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.submit, parent)
        self.setWindowTitle(
            self.tr("Password holders of {account}").format(account=status.account_name)
        )
        self._credentials = credentials
        self._actor = actor
        self.status = status
        self.model = StaffChoiceModel(self)
        self.model.set_staff(staff, {h.staff_id for h in status.holders}, paths)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter by name or unit"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.list_view = QListView(self)
        self.list_view.setObjectName("holder_choice")
        self.list_view.setModel(self.proxy)
        self.list_view.setMinimumHeight(220)
        self.add_field("filter", self.tr("Find"), self.filter_edit)
        self.add_field("holders", self.tr("Holders"), self.list_view)
        self.show_note(
            self.tr(
                "At most {limit} people may know this password. Somebody removed knew it: "
                "the password must then be changed. Somebody added can open it once a "
                "holder shares it again or changes it."
            ).format(limit=status.holder_limit)
        )

    def submit(self) -> None:
        """Save the holders through the credential service."""
        saved = self._credentials.set_holders(
            self._actor, self.status.account_id, self.model.checked_ids(), self.status.version
        )
        self.saved.emit(saved)


class SetPasswordDialog(FormDialog):
    """A holder stores a new password: typed twice or generated, confirmed with their own."""

    saved = Signal(object)

    def __init__(
        self,
        credentials: CredentialService,
        actor: Principal,
        account: AccountRecord,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.submit, parent)
        self.setWindowTitle(self.tr("Set the password of {account}").format(account=account.name))
        self._credentials = credentials
        self._actor = actor
        self.account = account
        self.secret_edit = password_edit(self)
        self.repeat_edit = password_edit(self)
        self.generate_button = QPushButton(self.tr("Generate"), self)
        self.generate_button.clicked.connect(self.generate)
        self.show_box = QCheckBox(self.tr("Show"), self)
        self.show_box.toggled.connect(self._show_typed)
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.secret_edit, 1)
        line.addWidget(self.generate_button)
        line.addWidget(self.show_box)
        self.own_edit = password_edit(self)
        self.add_field("secret", self.tr("New account password"), row)
        self.add_field("repeat", self.tr("Again"), self.repeat_edit)
        self.add_field("password", self.tr("Your own password"), self.own_edit)
        self.show_note(
            self.tr(
                "Change the password on the platform first, then store the same one here. "
                "It is kept encrypted in this computer's password store, for the holders only."
            )
        )
        self.finished.connect(lambda _r: self._clear())

    def generate(self) -> None:
        """Fill both fields with a new random password and show it."""
        value = generate_password(GENERATED_LENGTH)
        self.secret_edit.setText(value)
        self.repeat_edit.setText(value)
        self.show_box.setChecked(True)

    def _show_typed(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.secret_edit.setEchoMode(mode)
        self.repeat_edit.setEchoMode(mode)

    def _clear(self) -> None:
        for edit in (self.secret_edit, self.repeat_edit, self.own_edit):
            edit.clear()

    def submit(self) -> None:
        """Store through the credential service (write, read back, switch, delete old)."""
        if self.secret_edit.text() != self.repeat_edit.text():
            raise InputProblemError(self.tr("The two passwords differ."), "repeat")
        saved = self._credentials.set_password(
            self._actor, self.account.id, self.secret_edit.text(), self.own_edit.text()
        )
        self._clear()
        self.saved.emit(saved)


class CredentialPanel(QWidget):
    """Holders, last change, sealed copy, rotation task, and the secret buttons."""

    changed = Signal()
    """Holders, password or sealed copy changed (the account list refreshes)."""

    def __init__(
        self,
        credentials: CredentialService,
        actor: Principal,
        prompts: Prompts,
        clipboard: SecretClipboard,
        staff_source: Callable[[], tuple[list[StaffRecord], dict[int, str]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._credentials = credentials
        self._actor = actor
        self._prompts = prompts
        self._clipboard = clipboard
        self._staff_source = staff_source
        self.account: AccountRecord | None = None
        self.status: CredentialStatus | None = None
        self.dialog: FormDialog | None = None

        self.store_banner = error_banner(self, "store_problem")
        self.rotation_label = QLabel(self)
        self.rotation_label.setObjectName("rotation")
        self.rotation_label.setWordWrap(True)
        self.rotation_label.setStyleSheet(BANNER_NOTE)
        self.rotation_label.hide()
        self.holder_model = HolderTableModel(self)
        self.holder_table = QTableView(self)
        self.holder_table.setObjectName("holders")
        self.holder_table.setModel(self.holder_model)
        self.holder_table.verticalHeader().hide()
        self.holder_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.holder_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.holder_table.horizontalHeader().setStretchLastSection(True)
        self.holder_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.holder_table.setMaximumHeight(96)
        self.changed_label = QLabel(self)
        self.changed_label.setObjectName("changed")
        self.changed_label.setWordWrap(True)
        self.sealed_label = QLabel(self)
        self.sealed_label.setObjectName("sealed")
        self.sealed_label.setWordWrap(True)

        self.secret_edit = QLineEdit(self)
        self.secret_edit.setObjectName("secret_view")
        self.secret_edit.setReadOnly(True)
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.eye_button = QToolButton(self)
        self.eye_button.setObjectName("eye")
        self.eye_button.setCheckable(True)
        self.eye_button.setText(self.tr("Show"))
        self.eye_button.toggled.connect(self._toggle_eye)
        self.hide_button = QToolButton(self)
        self.hide_button.setText(self.tr("Hide"))
        self.hide_button.clicked.connect(self.hide_secret)
        self.secret_row = QWidget(self)
        secret_line = QHBoxLayout(self.secret_row)
        secret_line.setContentsMargins(0, 0, 0, 0)
        secret_line.addWidget(self.secret_edit, 1)
        secret_line.addWidget(self.eye_button)
        secret_line.addWidget(self.hide_button)
        self.secret_row.hide()
        self.clipboard_label = QLabel(self)
        self.clipboard_label.setObjectName("clipboard_countdown")
        self.clipboard_label.hide()

        self.reveal_timer = QTimer(self)
        self.reveal_timer.setSingleShot(True)
        self.reveal_timer.setInterval(REVEAL_SECONDS * 1000)
        self.reveal_timer.timeout.connect(self.hide_secret)
        clipboard.wiped.connect(self.hide_secret)
        clipboard.countdown.connect(self._on_countdown)
        clipboard.cleared.connect(self.clipboard_label.hide)

        self.holders_button = QPushButton(self.tr("Holders…"), self)
        self.set_button = QPushButton(self.tr("Set / change password…"), self)
        self.reveal_button = QPushButton(self.tr("Reveal"), self)
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.share_button = QPushButton(self.tr("Share again"), self)
        self.sealed_button = QPushButton(self.tr("Record sealed copy"), self)
        self.holders_button.clicked.connect(self.open_holders)
        self.set_button.clicked.connect(self.open_set_password)
        self.reveal_button.clicked.connect(self.reveal)
        self.copy_button.clicked.connect(self.copy)
        self.share_button.clicked.connect(self.share)
        self.sealed_button.clicked.connect(self.record_sealed_copy)
        self.share_button.setToolTip(
            self.tr("Encrypt the current password for exactly the current holders")
        )

        buttons = QHBoxLayout()
        for button in (
            self.reveal_button,
            self.copy_button,
            self.set_button,
            self.share_button,
            self.holders_button,
            self.sealed_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.store_banner)
        layout.addWidget(self.rotation_label)
        layout.addWidget(self.holder_table)
        layout.addWidget(self.changed_label)
        layout.addWidget(self.sealed_label)
        layout.addLayout(buttons)
        # Below the buttons, so that showing a password does not move them.
        layout.addWidget(self.secret_row)
        layout.addWidget(self.clipboard_label)
        layout.addStretch(1)
        self._update_buttons()

    # -- loading -------------------------------------------------------------------------

    def set_account(self, account: AccountRecord | None) -> None:
        """Show another account (any revealed password is hidden first)."""
        if self.account is None or account is None or account.id != self.account.id:
            self.hide_secret()
        self.account = account
        self.refresh()

    def refresh(self) -> None:
        """Read the password's state afresh."""
        self.status = None
        if self.account is not None:
            try:
                self.status = self._credentials.status(self._actor, self.account.id)
            except DeskError as exc:
                self.store_banner.setText(error_text(exc))
                self.store_banner.show()
        self._show_status()
        self._update_buttons()

    def _show_status(self) -> None:
        status = self.status
        self.holder_model.set_rows(list(status.holders) if status else [])
        if status is None:
            self.changed_label.clear()
            self.sealed_label.clear()
            self.rotation_label.hide()
            return
        if status.store_problem is not None:
            self.store_banner.setText(
                self.tr(
                    "Account passwords are switched off on this computer: the system "
                    "password store cannot be used. Nothing is written.\n\nReason: {reason}"
                ).format(reason=status.store_problem)
            )
            self.store_banner.show()
        else:
            self.store_banner.hide()
        if status.has_secret:
            self.changed_label.setText(
                self.tr("Last changed: {time} by {name}").format(
                    time=office_time(status.changed_at), name=status.changed_by or "—"
                )
            )
        else:
            self.changed_label.setText(self.tr("No password is stored for this account yet."))
        if status.sealed_copy_at is None:
            sealed = self.tr("Sealed paper copy: never recorded")
        else:
            sealed = self.tr("Sealed paper copy: {time} by {name}").format(
                time=office_time(status.sealed_copy_at), name=status.sealed_copy_by
            )
        if status.sealed_copy_stale:
            sealed += " — " + self.tr("older than the password: seal a new copy")
            self.sealed_label.setStyleSheet("color: #b3261e;")
        else:
            self.sealed_label.setStyleSheet("")
        self.sealed_label.setText(sealed)
        reasons = []
        if status.rotation_reason is not None:
            reasons.append(rotation_reason(status.rotation_reason))
        if status.rotation_overdue:
            reasons.append(rotation_reason("overdue"))
        if reasons:
            self.rotation_label.setText(
                self.tr("Change the password soon: {reasons}").format(reasons="；".join(reasons))
            )
            self.rotation_label.show()
        else:
            self.rotation_label.hide()

    def _is_holder(self) -> bool:
        return self.status is not None and any(
            h.staff_id == self._actor.staff_id for h in self.status.holders
        )

    def _can_open(self) -> bool:
        return self.status is not None and any(
            h.staff_id == self._actor.staff_id and h.can_open for h in self.status.holders
        )

    def _update_buttons(self) -> None:
        status = self.status
        store_ok = status is not None and status.store_problem is None
        holder = store_ok and self._is_holder()
        has_secret = status is not None and status.has_secret
        manage = status is not None and self._actor.can(Permission.MANAGE_CREDENTIALS)
        # A holder added lately cannot open it until another holder shares it again.
        can_open = holder and has_secret and self._can_open()
        self.set_button.setEnabled(holder)
        self.reveal_button.setEnabled(can_open)
        self.copy_button.setEnabled(can_open)
        self.share_button.setEnabled(can_open)
        if holder and has_secret and not can_open:
            tip = self.tr("Another holder must share the password again before you can open it.")
        else:
            tip = ""
        self.reveal_button.setToolTip(tip)
        self.copy_button.setToolTip(tip)
        self.holders_button.setEnabled(manage)
        self.sealed_button.setEnabled(manage and has_secret)

    # -- revealing and copying -----------------------------------------------------------

    def _with_secret(self, purpose: str, use: Callable[[str], None]) -> None:
        """Get the password for ``purpose``, asking the holder's password when needed."""
        account = self.account
        if account is None:
            return
        title = self.tr("Reveal password") if purpose == "reveal" else self.tr("Copy password")

        def fetch(password: str | None) -> str:
            return self._credentials.reveal(self._actor, account.id, password, purpose=purpose)

        if not self._credentials.reauth_needed(self._actor):
            try:
                use(fetch(None))
                return
            except SignInFailedError:
                pass  # the few minutes ran out meanwhile: ask
            except DeskError as exc:
                self._prompts.warning(error_text(exc))
                return
        dialog = PasswordPromptDialog(
            title,
            self.tr(
                "To see or copy the password of {account}, enter your own password again."
            ).format(account=account.name),
            fetch,
            self,
        )
        dialog.completed.connect(lambda secret: use(str(secret)))
        dialog.finished.connect(lambda _r: self._forget_dialog(dialog))
        self.dialog = dialog
        dialog.open()

    def _forget_dialog(self, dialog: FormDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def reveal(self) -> None:
        """Show the password, masked until the eye is pressed, for 30 seconds."""
        self._with_secret("reveal", self._show_secret)

    def copy(self) -> None:
        """Put the password on the clipboard for 15 seconds."""
        self._with_secret("copy", self._clipboard.copy)

    def _show_secret(self, secret: str) -> None:
        self.secret_edit.setText(secret)
        self.eye_button.setChecked(False)
        self.secret_row.show()
        self.reveal_timer.start()

    def _toggle_eye(self, shown: bool) -> None:
        self.secret_edit.setEchoMode(
            QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        )
        self.eye_button.setText(self.tr("Mask") if shown else self.tr("Show"))

    def hide_secret(self) -> None:
        """Take a revealed password off the screen."""
        self.reveal_timer.stop()
        self.secret_edit.clear()
        self.eye_button.setChecked(False)
        self.secret_row.hide()

    def secret_shown(self) -> bool:
        """Whether a password is on screen (for the lock and for tests)."""
        return bool(self.secret_edit.text()) or self.secret_row.isVisibleTo(self)

    def _on_countdown(self, seconds: int) -> None:
        self.clipboard_label.setText(
            self.tr("The password is on the clipboard; it is cleared in {seconds} s.").format(
                seconds=seconds
            )
        )
        self.clipboard_label.show()

    # -- changing ------------------------------------------------------------------------

    def _open(self, dialog: FormDialog) -> None:
        dialog.finished.connect(lambda _r: self._forget_dialog(dialog))
        self.dialog = dialog
        dialog.open()

    def _after_change(self, _status: object = None) -> None:
        self.refresh()
        self.changed.emit()

    def open_holders(self) -> None:
        """Choose the holders (administrators)."""
        if self.status is None:
            return
        staff, paths = self._staff_source()
        dialog = HoldersDialog(self._credentials, self._actor, self.status, staff, paths, self)
        dialog.saved.connect(self._after_change)
        dialog.conflict.connect(self.refresh)
        self._open(dialog)

    def open_set_password(self) -> None:
        """Store a new password (a holder)."""
        if self.account is None:
            return
        dialog = SetPasswordDialog(self._credentials, self._actor, self.account, self)
        dialog.saved.connect(self._after_change)
        self._open(dialog)

    def share(self) -> None:
        """Encrypt the password again for exactly the current holders."""
        account = self.account
        if account is None:
            return

        def run(password: str | None) -> object:
            return self._credentials.share(self._actor, account.id, password)

        if not self._credentials.reauth_needed(self._actor):
            try:
                run(None)
            except SignInFailedError:
                pass
            except DeskError as exc:
                self._prompts.warning(error_text(exc))
                return
            else:
                self._after_share()
                return
        dialog = PasswordPromptDialog(
            self.tr("Share again"),
            self.tr("Enter your own password to share the password of {account} again.").format(
                account=account.name
            ),
            run,
            self,
        )
        dialog.completed.connect(lambda _s: self._after_share())
        self._open(dialog)

    def _after_share(self) -> None:
        self._after_change()
        self._prompts.info(self.tr("Every current holder can open the password now."))

    def record_sealed_copy(self) -> None:
        """Record that the password was sealed on paper now."""
        account = self.account
        if account is None:
            return
        question = self.tr(
            "Record that the current password of {account} was sealed on paper today, by you?"
        ).format(account=account.name)
        if not self._prompts.confirm(question):
            return
        try:
            self._credentials.record_sealed_copy(self._actor, account.id)
        except DeskError as exc:
            self._prompts.warning(error_text(exc))
            return
        self._after_change()
