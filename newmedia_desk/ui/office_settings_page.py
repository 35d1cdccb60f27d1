"""Office-wide settings kept in the database: numbers, reserved words, approval steps."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.domain.accounts import ApprovalStepSpec, validate_reserved_words
from newmedia_desk.domain.errors import DeskError
from newmedia_desk.domain.roles import Permission, Role
from newmedia_desk.domain.settings import (
    ALL_SETTINGS,
    ANSWER_WORKING_DAYS,
    DIRECT_ROUTE_ALLOWED,
    FILING_WORKING_DAYS,
    HOLDER_LIMIT,
    IDLE_LOCK_MINUTES,
    IMAGE_MAX_MB,
    IMAGE_MAX_SIDE,
    INCIDENT_AUTHORITATIVE_HOURS,
    INCIDENT_CHIEF_HOURS,
    INCIDENT_HANDLING_HOURS,
    INCIDENT_RESPONSE_MAJOR_HOURS,
    INCIDENT_RESPONSE_OTHER_HOURS,
    INCIDENT_UPWARD_HOURS,
    REVEAL_REAUTH_MINUTES,
    ROTATION_DAYS,
    SILENCE_YELLOW_DAYS,
    SLOT_TOLERANCE_MINUTES,
    IntSetting,
)
from newmedia_desk.domain.staff import Principal
from newmedia_desk.services.accounts import AccountService
from newmedia_desk.services.settings import OfficeSettingsService
from newmedia_desk.ui.assessment_texts import SETTING_LABELS as ASSESSMENT_LABELS
from newmedia_desk.ui.noop import QT_TRANSLATE_NOOP
from newmedia_desk.ui.prompts import Prompts, error_text
from newmedia_desk.ui.texts import ROLE_ORDER, role_name

_CTX = "OfficeSettingsPage"

LABELS: dict[str, tuple[str, str]] = {
    IDLE_LOCK_MINUTES.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "Lock after idle"),
        QT_TRANSLATE_NOOP("OfficeSettingsPage", " min"),
    ),
    HOLDER_LIMIT.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "People who may know a password"),
        QT_TRANSLATE_NOOP("OfficeSettingsPage", " people"),
    ),
    FILING_WORKING_DAYS.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "Filing due within"),
        QT_TRANSLATE_NOOP("OfficeSettingsPage", " working days"),
    ),
    REVEAL_REAUTH_MINUTES.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "Show a password again without re-entry for"),
        QT_TRANSLATE_NOOP("OfficeSettingsPage", " min"),
    ),
    ROTATION_DAYS.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "Remind to change a password after"),
        QT_TRANSLATE_NOOP("OfficeSettingsPage", " days"),
    ),
    DIRECT_ROUTE_ALLOWED.key: (
        QT_TRANSLATE_NOOP(
            "OfficeSettingsPage", "Reposts and general knowledge without approver (1 yes, 0 no)"
        ),
        QT_TRANSLATE_NOOP("OfficeSettingsPage", " "),
    ),
    IMAGE_MAX_MB.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "Largest image file for a post"),
        QT_TRANSLATE_NOOP("OfficeSettingsPage", " MB"),
    ),
    IMAGE_MAX_SIDE.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "Largest image width and height"),
        QT_TRANSLATE_NOOP("OfficeSettingsPage", " px"),
    ),
    ANSWER_WORKING_DAYS.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "Answer messages and feedback within"),
        QT_TRANSLATE_NOOP("OfficeSettingsPage", " working days"),
    ),
    INCIDENT_CHIEF_HOURS.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "Incident: report to the chief within"),
        QT_TRANSLATE_NOOP("OfficeSettingsPage", " h"),
    ),
    INCIDENT_AUTHORITATIVE_HOURS.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "Major incident: authoritative information within"),
        QT_TRANSLATE_NOOP("OfficeSettingsPage", " h"),
    ),
    INCIDENT_RESPONSE_MAJOR_HOURS.key: (
        QT_TRANSLATE_NOOP(
            "OfficeSettingsPage", "Major incident: response or press conference within"
        ),
        QT_TRANSLATE_NOOP("OfficeSettingsPage", " h"),
    ),
    INCIDENT_RESPONSE_OTHER_HOURS.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "Other incidents: response within"),
        QT_TRANSLATE_NOOP("OfficeSettingsPage", " h"),
    ),
    INCIDENT_HANDLING_HOURS.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "Incident: handled within"),
        QT_TRANSLATE_NOOP("OfficeSettingsPage", " h"),
    ),
    INCIDENT_UPWARD_HOURS.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "Incident: result reported upward within"),
        QT_TRANSLATE_NOOP("OfficeSettingsPage", " h"),
    ),
    SILENCE_YELLOW_DAYS.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "Account without posts shows yellow after"),
        QT_TRANSLATE_NOOP("OfficeSettingsPage", " days"),
    ),
    SLOT_TOLERANCE_MINUTES.key: (
        QT_TRANSLATE_NOOP("OfficeSettingsPage", "A fixed time counts as met within"),
        QT_TRANSLATE_NOOP("OfficeSettingsPage", " min"),
    ),
    **ASSESSMENT_LABELS,
}
"""Label and unit of each number setting (every entry of ``ALL_SETTINGS``)."""

TITLE, ROLE, OWN_UNIT = 0, 1, 2
KeyRole = Qt.ItemDataRole.UserRole + 1
"""Item role holding a step's stable key."""


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(_CTX, text)


class RoleDelegate(QStyledItemDelegate):
    """Chooses a step's signing role from the office's roles."""

    def createEditor(  # noqa: N802 - Qt API
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        """A combo box of the roles."""
        combo = QComboBox(parent)
        for role in ROLE_ORDER:
            combo.addItem(role_name(role), role.value)
        return combo

    def setEditorData(  # noqa: N802 - Qt API
        self, editor: QWidget, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """Select the current role."""
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.UserRole)), 0))

    def setModelData(  # noqa: N802 - Qt API
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Store the chosen role (value and words)."""
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.UserRole)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)


class OfficeSettingsPage(QWidget):
    """Shows the office settings; an administrator may change them."""

    changed = Signal()

    def __init__(
        self,
        settings: OfficeSettingsService,
        actor: Principal,
        prompts: Prompts,
        parent: QWidget | None = None,
        *,
        accounts: AccountService | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._accounts = accounts
        self._actor = actor
        self._prompts = prompts
        may_change = actor.can(Permission.MANAGE_SETTINGS)

        self.spins: dict[str, QSpinBox] = {}
        numbers = QGroupBox(self.tr("Rules"), self)
        form = QFormLayout(numbers)
        for setting in ALL_SETTINGS:
            label, suffix = LABELS[setting.key]
            spin = QSpinBox(numbers)
            spin.setObjectName(setting.key)
            spin.setRange(setting.minimum, setting.maximum)
            spin.setSuffix(_tr(suffix))
            spin.setEnabled(may_change)
            form.addRow(_tr(label), spin)
            self.spins[setting.key] = spin
        self.idle_spin = self.spins[IDLE_LOCK_MINUTES.key]

        self.words_edit = QPlainTextEdit(self)
        self.words_edit.setObjectName("reserved_words")
        self.words_edit.setPlaceholderText(self.tr("One word per line, e.g. 检察"))
        self.words_edit.setReadOnly(not may_change)
        self.words_edit.setMaximumHeight(110)
        words = QGroupBox(self.tr("Words an account name may use only with approval"), self)
        QVBoxLayout(words).addWidget(self.words_edit)

        self.steps_model = QStandardItemModel(0, 3, self)
        self.steps_model.setHorizontalHeaderLabels(
            [self.tr("Opinion box"), self.tr("Signed by"), self.tr("Own unit only")]
        )
        self.steps_view = QTableView(self)
        self.steps_view.setObjectName("opening_steps")
        self.steps_view.setModel(self.steps_model)
        self.steps_view.setItemDelegateForColumn(ROLE, RoleDelegate(self.steps_view))
        self.steps_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.steps_view.horizontalHeader().setStretchLastSection(True)
        self.steps_view.verticalHeader().setVisible(False)
        self.steps_view.setMinimumHeight(170)
        if not may_change:
            self.steps_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.add_step_button = QPushButton(self.tr("Add"), self)
        self.remove_step_button = QPushButton(self.tr("Remove"), self)
        self.up_button = QPushButton(self.tr("Up"), self)
        self.down_button = QPushButton(self.tr("Down"), self)
        self.add_step_button.clicked.connect(self.add_step)
        self.remove_step_button.clicked.connect(self.remove_step)
        self.up_button.clicked.connect(lambda: self.move_step(-1))
        self.down_button.clicked.connect(lambda: self.move_step(1))
        step_buttons = QHBoxLayout()
        for button in (
            self.add_step_button,
            self.remove_step_button,
            self.up_button,
            self.down_button,
        ):
            button.setEnabled(may_change)
            step_buttons.addWidget(button)
        step_buttons.addStretch(1)
        steps = QGroupBox(self.tr("Steps of the account opening approval"), self)
        steps_layout = QVBoxLayout(steps)
        steps_note = QLabel(
            self.tr(
                "Applications already in approval keep the steps they started with. "
                "“Own unit only”: the signer must belong to the applying unit or a unit above it."
            ),
            steps,
        )
        steps_note.setWordWrap(True)
        steps_layout.addWidget(self.steps_view)
        steps_layout.addLayout(step_buttons)
        steps_layout.addWidget(steps_note)
        words.setVisible(accounts is not None)
        steps.setVisible(accounts is not None)

        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(may_change)
        note = QLabel(
            self.tr(
                "The window locks itself after the idle minutes without keyboard or mouse "
                "input, also after the computer slept."
            )
            if may_change
            else self.tr("Only the office administrator can change these settings."),
            self,
        )
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)

        content = QWidget(self)
        inner = QVBoxLayout(content)
        inner.addWidget(numbers)
        inner.addWidget(words)
        inner.addWidget(steps)
        inner.addWidget(note)
        inner.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    # -- showing -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the stored values."""
        for setting in ALL_SETTINGS:
            self.spins[setting.key].setValue(self._settings.get(setting))
        if self._accounts is not None:
            self.words_edit.setPlainText("\n".join(self._accounts.reserved_words()))
            self._show_steps(self._accounts.opening_steps())

    def _show_steps(self, steps: tuple[ApprovalStepSpec, ...]) -> None:
        self.steps_model.removeRows(0, self.steps_model.rowCount())
        for spec in steps:
            self.steps_model.appendRow(
                self._step_row(spec.key, spec.title, spec.role, spec.own_unit)
            )

    @staticmethod
    def _step_row(key: str, title: str, role: Role, own_unit: bool) -> list[QStandardItem]:
        title_item = QStandardItem(title)
        title_item.setData(key, KeyRole)
        role_item = QStandardItem(role_name(role))
        role_item.setData(role.value, Qt.ItemDataRole.UserRole)
        unit_item = QStandardItem()
        unit_item.setCheckable(True)
        unit_item.setEditable(False)
        unit_item.setCheckState(Qt.CheckState.Checked if own_unit else Qt.CheckState.Unchecked)
        return [title_item, role_item, unit_item]

    # -- editing the steps -------------------------------------------------------------------

    def _current_row(self) -> int:
        index = self.steps_view.currentIndex()
        return index.row() if index.isValid() else -1

    def add_step(self) -> None:
        """Append a step (a supervising leader's opinion, to be renamed)."""
        keys = {
            str(self.steps_model.item(r, TITLE).data(KeyRole))
            for r in range(self.steps_model.rowCount())
        }
        number = 1
        while f"step{number}" in keys:
            number += 1
        row = self._step_row(f"step{number}", self.tr("New opinion"), Role.SUPERVISOR, False)
        self.steps_model.appendRow(row)
        self.steps_view.setCurrentIndex(self.steps_model.index(self.steps_model.rowCount() - 1, 0))

    def remove_step(self) -> None:
        """Remove the selected step."""
        row = self._current_row()
        if row >= 0:
            self.steps_model.removeRow(row)

    def move_step(self, delta: int) -> None:
        """Move the selected step up (-1) or down (+1)."""
        row = self._current_row()
        target = row + delta
        if row < 0 or not 0 <= target < self.steps_model.rowCount():
            return
        items = self.steps_model.takeRow(row)
        self.steps_model.insertRow(target, items)
        self.steps_view.setCurrentIndex(self.steps_model.index(target, 0))

    def steps(self) -> list[ApprovalStepSpec]:
        """The steps as edited."""
        result = []
        for r in range(self.steps_model.rowCount()):
            title = self.steps_model.item(r, TITLE)
            role = self.steps_model.item(r, ROLE)
            unit = self.steps_model.item(r, OWN_UNIT)
            result.append(
                ApprovalStepSpec(
                    key=str(title.data(KeyRole)),
                    title=title.text().strip(),
                    role=Role(str(role.data(Qt.ItemDataRole.UserRole))),
                    own_unit=unit.checkState() == Qt.CheckState.Checked,
                )
            )
        return result

    # -- saving ------------------------------------------------------------------------------

    def save(self) -> None:
        """Store the values (the services check the permission again); stop at an error."""
        try:
            for setting in ALL_SETTINGS:
                self._save_number(setting)
            if self._accounts is not None:
                words = validate_reserved_words(self.words_edit.toPlainText().splitlines())
                if words != self._accounts.reserved_words():
                    self._accounts.set_reserved_words(self._actor, words)
                steps = self.steps()
                if tuple(steps) != self._accounts.opening_steps():
                    self._accounts.set_opening_steps(self._actor, steps)
        except DeskError as exc:
            self._prompts.warning(error_text(exc))
            return
        self.refresh()
        self._prompts.info(self.tr("The settings were saved."))
        self.changed.emit()

    def _save_number(self, setting: IntSetting) -> None:
        value = self.spins[setting.key].value()
        if value != self._settings.get(setting):
            self._settings.set(self._actor, setting.key, value)
