"""The first start on a new database: name the office and create its administrator."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QWidget

from newmedia_desk import APP_DISPLAY_NAME
from newmedia_desk.services.maintenance import DEFAULT_ROOT_UNIT, MaintenanceService
from newmedia_desk.ui.form_dialog import FormDialog, InputProblemError
from newmedia_desk.ui.password_dialogs import password_edit


class FirstRunDialog(FormDialog):
    """Top unit name, then the first administrator: login, name, password twice.

    Emits ``created(StaffRecord)`` after the administrator exists.
    """

    created = Signal(object)

    def __init__(self, maintenance: MaintenanceService, parent: QWidget | None = None) -> None:
        super().__init__(self.submit, parent)
        self.setWindowTitle(self.tr("{app} — First start").format(app=APP_DISPLAY_NAME))
        self._maintenance = maintenance
        intro = QLabel(
            self.tr(
                "This database is new. Enter the name of your office's top unit (for "
                "example the bureau) and create the first administrator. The administrator "
                "then adds the other units and staff."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.form.insertRow(0, intro)
        self.unit_edit = QLineEdit(self)
        self.unit_edit.setPlaceholderText(DEFAULT_ROOT_UNIT)
        self.login_edit = QLineEdit(self)
        self.login_edit.setPlaceholderText(self.tr("e.g. admin"))
        self.name_edit = QLineEdit(self)
        self.password_edit = password_edit(self)
        self.repeat_edit = password_edit(self)
        self.add_field("unit_name", self.tr("Top unit"), self.unit_edit)
        self.add_field("login", self.tr("Administrator login name"), self.login_edit)
        self.add_field("name", self.tr("Administrator name"), self.name_edit)
        self.add_field("password", self.tr("Password"), self.password_edit)
        self.add_field("repeat", self.tr("Password again"), self.repeat_edit)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            self.tr("Create administrator")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        self.setMinimumWidth(520)

    def submit(self) -> None:
        """Create the top unit and the administrator."""
        if self.password_edit.text() != self.repeat_edit.text():
            raise InputProblemError(self.tr("The two passwords differ."), "repeat")
        record = self._maintenance.create_first_admin(
            login=self.login_edit.text(),
            name=self.name_edit.text(),
            password=self.password_edit.text(),
            unit_name=self.unit_edit.text().strip() or DEFAULT_ROOT_UNIT,
        )
        self.created.emit(record)
