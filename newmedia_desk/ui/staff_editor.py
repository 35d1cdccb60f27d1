"""The dialog that adds a person or changes one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QWidget

from newmedia_desk.domain.roles import Permission, Role
from newmedia_desk.domain.staff import Principal, StaffDraft, StaffRecord, UnitRecord
from newmedia_desk.services.directory import DirectoryService
from newmedia_desk.ui.form_dialog import FormDialog, InputProblemError
from newmedia_desk.ui.password_dialogs import password_edit
from newmedia_desk.ui.texts import ROLE_ORDER, role_name, role_names


class StaffEditorDialog(FormDialog):
    """Login, name, unit, position, phone, QQ and roles; a first password for new people.

    Emits ``saved(StaffRecord)``. Fields the signed-in person may not change are shown
    read-only; the service checks again either way.
    """

    saved = Signal(object)

    def __init__(
        self,
        directory: DirectoryService,
        actor: Principal,
        units: list[UnitRecord],
        unit_paths: dict[int, str],
        record: StaffRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.submit, parent)
        self.setWindowTitle(self.tr("Add staff") if record is None else self.tr("Edit staff"))
        self._directory = directory
        self._actor = actor
        self.record = record
        self.login_edit = QLineEdit(self)
        self.name_edit = QLineEdit(self)
        self.unit_combo = QComboBox(self)
        current_unit = record.unit_id if record else None
        for unit in units:
            if unit.active or unit.id == current_unit:
                self.unit_combo.addItem(unit_paths.get(unit.id, unit.name), unit.id)
        self.position_edit = QLineEdit(self)
        self.phone_edit = QLineEdit(self)
        self.qq_edit = QLineEdit(self)
        roles_box = QWidget(self)
        roles_row = QHBoxLayout(roles_box)
        roles_row.setContentsMargins(0, 0, 0, 0)
        self.role_boxes: dict[Role, QCheckBox] = {}
        for role in ROLE_ORDER:
            box = QCheckBox(role_name(role), roles_box)
            box.setObjectName(f"role_{role.value}")
            self.role_boxes[role] = box
            roles_row.addWidget(box)
        roles_row.addStretch(1)
        self.add_field("login", self.tr("Login name"), self.login_edit)
        self.add_field("name", self.tr("Name"), self.name_edit)
        self.add_field("unit_id", self.tr("Unit"), self.unit_combo)
        self.add_field("position", self.tr("Position"), self.position_edit)
        self.add_field("phone", self.tr("Phone"), self.phone_edit)
        self.add_field("qq", self.tr("QQ"), self.qq_edit)
        self.add_field("roles", self.tr("Roles"), roles_box)
        self.password_edit: QLineEdit | None = None
        self.repeat_edit: QLineEdit | None = None
        if record is None:
            self.password_edit = password_edit(self)
            self.repeat_edit = password_edit(self)
            self.add_field("password", self.tr("First password"), self.password_edit)
            self.add_field("repeat", self.tr("First password again"), self.repeat_edit)
            self.show_note(
                self.tr(
                    "The new person signs in with this first password and must then "
                    "choose their own."
                )
            )
        else:
            self._fill(record)
        self._apply_permissions()
        self.setMinimumWidth(620)

    def _fill(self, record: StaffRecord) -> None:
        self.login_edit.setText(record.login)
        self.name_edit.setText(record.name)
        index = self.unit_combo.findData(record.unit_id)
        self.unit_combo.setCurrentIndex(max(index, 0))
        self.position_edit.setText(record.position)
        self.phone_edit.setText(record.phone)
        self.qq_edit.setText(record.qq)
        for role, box in self.role_boxes.items():
            box.setChecked(role in record.roles)

    def _apply_permissions(self) -> None:
        if self._actor.can(Permission.MANAGE_STAFF):
            return
        # A responsible person keeps contact details current; the rest is read-only.
        for widget in (self.login_edit, self.name_edit):
            widget.setReadOnly(True)
        self.unit_combo.setEnabled(False)
        for box in self.role_boxes.values():
            box.setEnabled(False)

    def draft(self) -> StaffDraft:
        """What the form holds, as a draft for the service."""
        unit_id = self.unit_combo.currentData()
        return StaffDraft(
            login=self.login_edit.text(),
            name=self.name_edit.text(),
            unit_id=int(unit_id) if unit_id is not None else 0,
            position=self.position_edit.text(),
            phone=self.phone_edit.text(),
            qq=self.qq_edit.text(),
            roles=frozenset(r for r, box in self.role_boxes.items() if box.isChecked()),
        )

    def submit(self) -> None:
        """Create or update through the directory service."""
        draft = self.draft()
        if self.record is None:
            assert self.password_edit is not None and self.repeat_edit is not None
            if self.password_edit.text() != self.repeat_edit.text():
                raise InputProblemError(self.tr("The two passwords differ."), "repeat")
            saved = self._directory.create_staff(self._actor, draft, self.password_edit.text())
        else:
            saved = self._directory.update_staff(
                self._actor, self.record.id, draft, expected_version=self.record.version
            )
        self.saved.emit(saved)

    def rebase(self, current: StaffRecord) -> None:
        """Take ``current`` as the version to change, keeping what was typed.

        Called after a conflict. Fields the person had not touched take the values saved
        meanwhile; fields they changed keep their input. The banner shows what the record
        holds now, and Save applies the form over it.
        """
        before = self.record
        self.record = current
        if before is not None:
            self._take_untouched(before, current)
        extra = self.tr(
            "Now saved: {name}, {unit}, position “{position}”, phone “{phone}”, QQ “{qq}”, "
            "roles: {roles}. Fields you had not changed now show these values; your own "
            "changes are kept. Press Save to apply them."
        ).format(
            name=current.name,
            unit=current.unit_name,
            position=current.position,
            phone=current.phone,
            qq=current.qq,
            roles=role_names(current.roles),
        )
        self.banner.setText(self.banner.text() + "\n\n" + extra)

    def _take_untouched(self, before: StaffRecord, current: StaffRecord) -> None:
        edits = {
            "login": self.login_edit,
            "name": self.name_edit,
            "position": self.position_edit,
            "phone": self.phone_edit,
            "qq": self.qq_edit,
        }
        for attr, edit in edits.items():
            if edit.text() == getattr(before, attr):
                edit.setText(getattr(current, attr))
        if self.unit_combo.currentData() == before.unit_id:
            index = self.unit_combo.findData(current.unit_id)
            if index >= 0:
                self.unit_combo.setCurrentIndex(index)
        if self.draft().roles == before.roles:
            for role, box in self.role_boxes.items():
                box.setChecked(role in current.roles)
