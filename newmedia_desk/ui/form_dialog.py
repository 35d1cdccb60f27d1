"""A dialog with a form, a message banner and Save/Cancel, opened with ``open()``.

A subclass builds its fields and implements ``submit``, which calls one service and
raises ``DeskError`` on failure. The dialog then shows the error in the banner, marks the
field the error names and stays open with everything typed still in place.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.domain.errors import ConflictError, DeskError, ValidationError
from newmedia_desk.ui.prompts import error_text

INVALID_STYLE = "border: 2px solid #c0392b; border-radius: 3px;"
BANNER_ERROR = "color: #a61b1b; background: #fdecea; padding: 6px; border-radius: 3px;"
BANNER_NOTE = "color: #7a5200; background: #fff4d6; padding: 6px; border-radius: 3px;"


def error_banner(parent: QWidget, name: str = "message") -> QLabel:
    """A hidden, word-wrapped red message line (shown with ``setText`` + ``show``)."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(BANNER_ERROR)
    label.hide()
    return label


class InputProblemError(Exception):
    """Raised by ``submit`` for a problem the dialog itself found (e.g. two passwords differ)."""

    def __init__(self, text: str, field: str | None = None) -> None:
        super().__init__(text)
        self.text = text
        self.field = field


class FormDialog(QDialog):
    """Base of the editors: a form with an error banner; Save runs ``submit``.

    ``submit`` does the work (calls a service) and raises ``DeskError`` or
    ``InputProblemError`` to keep the dialog open with what was typed.
    """

    conflict = Signal()
    """Someone else changed the record; the owner reloads and calls the editor's ``rebase``."""

    def __init__(self, submit: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setModal(True)
        self.banner = QLabel(self)
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self._fields: dict[str, QWidget] = {}
        self.setMinimumWidth(440)

    @property
    def save_button(self) -> QPushButton:
        """The Save button."""
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def add_field(self, name: str, label: str, widget: QWidget) -> None:
        """Add a row; ``name`` is the field name the services use in ``ValidationError``."""
        widget.setObjectName(f"field_{name}")
        self.form.addRow(label, widget)
        self._fields[name] = widget

    def field(self, name: str) -> QWidget:
        """The widget of one field."""
        return self._fields[name]

    def show_error(self, text: str, field: str | None = None) -> None:
        """Show ``text`` in the banner and mark ``field``."""
        self.clear_marks()
        self.banner.setStyleSheet(BANNER_ERROR)
        self.banner.setText(text)
        self.banner.show()
        widget = self._fields.get(field or "")
        if widget is not None:
            widget.setStyleSheet(INVALID_STYLE)
            widget.setProperty("invalid", True)
            widget.setFocus()

    def show_note(self, text: str) -> None:
        """Show a neutral note in the banner."""
        self.banner.setStyleSheet(BANNER_NOTE)
        self.banner.setText(text)
        self.banner.show()

    def clear_marks(self) -> None:
        """Remove the marks of an earlier error."""
        for widget in self._fields.values():
            if widget.property("invalid"):
                widget.setStyleSheet("")
                widget.setProperty("invalid", False)

    def invalid_fields(self) -> list[str]:
        """Names of the fields currently marked (for tests and accessibility)."""
        return [n for n, w in self._fields.items() if w.property("invalid")]

    def handle_error(self, exc: DeskError) -> None:
        """Show a service error; subclasses add behaviour (e.g. reload on conflict)."""
        field = exc.field if isinstance(exc, ValidationError) else None
        self.show_error(error_text(exc), field)
        if isinstance(exc, ConflictError):
            self.conflict.emit()

    def _on_save(self) -> None:
        try:
            self._submit()
        except InputProblemError as problem:
            self.show_error(problem.text, problem.field)
            return
        except DeskError as exc:
            self.handle_error(exc)
            return
        self.accept()
