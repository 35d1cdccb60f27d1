"""Office-wide settings kept in the database: numbers, reserved words, approval steps."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.domain.accounts import ApprovalStepSpec, validate_reserved_words
from newmedia_desk.domain.errors import DeskError
from newmedia_desk.domain.posts import TIER_ORDER, Tier
from newmedia_desk.domain.roles import Permission
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
from newmedia_desk.ui.approval_texts import tier_name
from newmedia_desk.ui.assessment_texts import SETTING_LABELS as ASSESSMENT_LABELS
from newmedia_desk.ui.noop import QT_TRANSLATE_NOOP
from newmedia_desk.ui.prompts import Prompts, error_text
from newmedia_desk.ui.steps_editor import StepsEditor

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


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(_CTX, text)


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

        self.opening_editor = StepsEditor(
            self,
            editable=may_change,
            new_title=self.tr("New opinion"),
            first_column=self.tr("Opinion box"),
            object_name="opening_steps",
        )
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
        steps_layout.addWidget(self.opening_editor)
        steps_layout.addWidget(steps_note)
        words.setVisible(accounts is not None)
        steps.setVisible(accounts is not None)

        self.route_tabs = QTabWidget(self)
        self.route_editors: dict[Tier, StepsEditor] = {}
        for tier in TIER_ORDER:
            editor = StepsEditor(
                self.route_tabs,
                editable=may_change,
                new_title=self.tr("New approval step"),
                first_column=self.tr("Step"),
                object_name=f"route_{tier.value}",
            )
            self.route_editors[tier] = editor
            self.route_tabs.addTab(editor, tier_name(tier))
        routes = QGroupBox(self.tr("Approval routes of posts"), self)
        routes_layout = QVBoxLayout(routes)
        routes_note = QLabel(
            self.tr(
                "Each tier has 1 to 4 steps (the approval form has four sign-off lines); "
                "重要 needs a leader and 敏感 the 主要领导. An activity (投票, 话题, 抽奖 …) takes "
                "the route of the next tier up. Posts already in approval keep their steps."
            ),
            routes,
        )
        routes_note.setWordWrap(True)
        routes_layout.addWidget(self.route_tabs)
        routes_layout.addWidget(routes_note)

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
        inner.addWidget(routes)
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
            self.opening_editor.set_steps(self._accounts.opening_steps())
        for tier, steps in self._settings.post_routes().items():
            self.route_editors[tier].set_steps(steps)

    def routes(self) -> dict[Tier, list[ApprovalStepSpec]]:
        """The routes of posts as edited."""
        return {tier: editor.steps() for tier, editor in self.route_editors.items()}

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
                steps = self.opening_editor.steps()
                if tuple(steps) != self._accounts.opening_steps():
                    self._accounts.set_opening_steps(self._actor, steps)
            routes = self.routes()
            stored = self._settings.post_routes()
            if any(tuple(routes[tier]) != stored[tier] for tier in TIER_ORDER):
                self._settings.set_post_routes(self._actor, routes)
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
