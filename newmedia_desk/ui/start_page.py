"""The start view (工作台): who is signed in and real figures about this database."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from newmedia_desk.context import AppContext
from newmedia_desk.domain.errors import DeskError
from newmedia_desk.domain.roles import Permission
from newmedia_desk.domain.settings import IDLE_LOCK_MINUTES
from newmedia_desk.domain.staff import Principal
from newmedia_desk.ui.prompts import error_text
from newmedia_desk.ui.texts import local_time, role_names


def _value_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class StartPage(QWidget):
    """Signed-in person, directory figures, throttled logins, audit head, database."""

    def __init__(self, ctx: AppContext, actor: Principal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._actor = actor
        self.greeting = QLabel(self)
        font = QFont(self.greeting.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.greeting.setFont(font)

        self.person = _value_label(self, "person")
        self.roles = _value_label(self, "roles")
        self.units = _value_label(self, "units")
        self.active_staff = _value_label(self, "active_staff")
        self.left_staff = _value_label(self, "left_staff")
        self.throttled = _value_label(self, "throttled")
        self.audit_head = _value_label(self, "audit_head")
        self.database = _value_label(self, "database")
        self.idle_lock = _value_label(self, "idle_lock")

        me = QGroupBox(self.tr("Signed in"), self)
        me_form = QFormLayout(me)
        me_form.addRow(self.tr("Person"), self.person)
        me_form.addRow(self.tr("Roles"), self.roles)

        office = QGroupBox(self.tr("Office directory"), self)
        office_form = QFormLayout(office)
        office_form.addRow(self.tr("Units"), self.units)
        office_form.addRow(self.tr("Working staff"), self.active_staff)
        office_form.addRow(self.tr("Staff who left"), self.left_staff)
        self.throttled_label = QLabel(self.tr("Sign-ins locked now"), self)
        office_form.addRow(self.throttled_label, self.throttled)
        show_throttled = actor.can(Permission.UNLOCK_SIGN_IN)
        self.throttled_label.setVisible(show_throttled)
        self.throttled.setVisible(show_throttled)

        system = QGroupBox(self.tr("This database"), self)
        system_form = QFormLayout(system)
        system_form.addRow(self.tr("Location"), self.database)
        system_form.addRow(self.tr("Audit log head"), self.audit_head)
        system_form.addRow(self.tr("Idle lock"), self.idle_lock)

        layout = QVBoxLayout(self)
        layout.addWidget(self.greeting)
        layout.addWidget(me)
        layout.addWidget(office)
        layout.addWidget(system)
        layout.addStretch(1)

    def refresh(self) -> None:
        """Read every figure afresh."""
        actor = self._actor
        self.greeting.setText(self.tr("Welcome, {name}").format(name=actor.name))
        self.person.setText(self.tr("{name} ({login})").format(name=actor.name, login=actor.login))
        self.roles.setText(role_names(actor.roles))
        try:
            counts = self._ctx.directory.counts()
            self.units.setText(str(counts.units))
            self.active_staff.setText(str(counts.active_staff))
            self.left_staff.setText(str(counts.left_staff))
            if self.throttled.isVisibleTo(self):
                self.throttled.setText(self._throttled_text())
            head = self._ctx.audit.head()
            self.audit_head.setText(head.short if head is not None else self.tr("(no entries yet)"))
            minutes = self._ctx.settings.get(IDLE_LOCK_MINUTES)
        except DeskError as exc:
            self.database.setText(error_text(exc))
            return
        self.database.setText(self._ctx.db.describe())
        self.idle_lock.setText(
            self.tr("after {minutes} minutes without input").format(minutes=minutes)
        )

    def _throttled_text(self) -> str:
        locked = self._ctx.auth.locked_logins()
        if not locked:
            return self.tr("none")
        return "; ".join(
            self.tr("{login} until {time}").format(login=login, time=local_time(until))
            for login, until in sorted(locked.items())
        )
