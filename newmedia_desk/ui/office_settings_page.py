"""Office-wide settings kept in the database (for now: the idle-lock minutes)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.domain.errors import DeskError
from newmedia_desk.domain.roles import Permission
from newmedia_desk.domain.settings import IDLE_LOCK_MINUTES
from newmedia_desk.domain.staff import Principal
from newmedia_desk.services.settings import OfficeSettingsService
from newmedia_desk.ui.prompts import Prompts, error_text


class OfficeSettingsPage(QWidget):
    """Shows the office settings; an administrator may change them."""

    changed = Signal()

    def __init__(
        self,
        settings: OfficeSettingsService,
        actor: Principal,
        prompts: Prompts,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._actor = actor
        self._prompts = prompts
        self.idle_spin = QSpinBox(self)
        self.idle_spin.setObjectName("idle_lock_minutes")
        self.idle_spin.setRange(IDLE_LOCK_MINUTES.minimum, IDLE_LOCK_MINUTES.maximum)
        self.idle_spin.setSuffix(self.tr(" min"))
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.clicked.connect(self.save)
        may_change = actor.can(Permission.MANAGE_SETTINGS)
        self.idle_spin.setEnabled(may_change)
        self.save_button.setEnabled(may_change)
        note = QLabel(
            self.tr(
                "The window locks itself after this many minutes without keyboard or mouse "
                "input, also after the computer slept."
            )
            if may_change
            else self.tr("Only the office administrator can change these settings."),
            self,
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Lock after idle"), self.idle_spin)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def refresh(self) -> None:
        """Show the stored values."""
        self.idle_spin.setValue(self._settings.get(IDLE_LOCK_MINUTES))

    def save(self) -> None:
        """Store the values (the service checks the permission again)."""
        try:
            self._settings.set(self._actor, IDLE_LOCK_MINUTES.key, self.idle_spin.value())
        except DeskError as exc:
            self._prompts.warning(error_text(exc))
            return
        self._prompts.info(self.tr("The settings were saved."))
        self.changed.emit()
