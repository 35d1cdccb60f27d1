"""The one seam for message boxes and file dialogs, and the words for every error code.

Windows never call ``QMessageBox`` or ``QFileDialog`` themselves: they ask a ``Prompts``.
The program passes ``QtPrompts``; tests pass a scripted fake that records what was shown.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from newmedia_desk import APP_DISPLAY_NAME
from newmedia_desk.domain.errors import DeskError, ValidationError
from newmedia_desk.ui.noop import QT_TRANSLATE_NOOP

_CTX = "Errors"


class Prompts(Protocol):
    """What a window may ask of the person in front of it."""

    def info(self, text: str) -> None:
        """Tell something that went well or is worth knowing."""
        ...

    def warning(self, text: str) -> None:
        """Tell that something could not be done and why."""
        ...

    def error(self, text: str) -> None:
        """Tell that something is broken (the program may not be able to go on)."""
        ...

    def confirm(self, question: str) -> bool:
        """Ask a yes/no question; return ``True`` for yes."""
        ...

    def ask_open_file(self, caption: str, file_filter: str) -> Path | None:
        """Ask for an existing file to read; ``None`` when cancelled."""
        ...

    def ask_save_file(self, caption: str, file_filter: str, suggested: str) -> Path | None:
        """Ask where to write a file; ``None`` when cancelled."""
        ...


class QtPrompts:
    """``Prompts`` with Qt's standard message boxes and file dialogs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def _box(self, icon: QMessageBox.Icon, text: str) -> None:
        box = QMessageBox(icon, APP_DISPLAY_NAME, text, QMessageBox.StandardButton.Ok, self.parent)
        box.exec()

    def info(self, text: str) -> None:
        """Show an information box."""
        self._box(QMessageBox.Icon.Information, text)

    def warning(self, text: str) -> None:
        """Show a warning box."""
        self._box(QMessageBox.Icon.Warning, text)

    def error(self, text: str) -> None:
        """Show an error box."""
        self._box(QMessageBox.Icon.Critical, text)

    def confirm(self, question: str) -> bool:
        """Ask yes/no; the safe answer (No) is the default."""
        answer = QMessageBox.question(
            self.parent,
            APP_DISPLAY_NAME,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_open_file(self, caption: str, file_filter: str) -> Path | None:
        """Show the open-file dialog."""
        name, _ = QFileDialog.getOpenFileName(self.parent, caption, "", file_filter)
        return Path(name) if name else None

    def ask_save_file(self, caption: str, file_filter: str, suggested: str) -> Path | None:
        """Show the save-file dialog."""
        name, _ = QFileDialog.getSaveFileName(self.parent, caption, suggested, file_filter)
        return Path(name) if name else None


# -- error codes → words ------------------------------------------------------------------

_BY_CODE: dict[str, str] = {
    "not_signed_in": QT_TRANSLATE_NOOP("Errors", "Please sign in first."),
    "permission_denied": QT_TRANSLATE_NOOP(
        "Errors", "You are not permitted to do this. Ask the office administrator."
    ),
    "not_found": QT_TRANSLATE_NOOP(
        "Errors", "This record no longer exists. It may have been removed by someone else."
    ),
    "conflict": QT_TRANSLATE_NOOP(
        "Errors",
        "Someone else changed this record while you were editing it. Nothing was overwritten. "
        "The list has been reloaded; check the current data and apply your change again.",
    ),
    "sign_in_failed": QT_TRANSLATE_NOOP("Errors", "Unknown login name or wrong password."),
    "sign_in_throttled": QT_TRANSLATE_NOOP(
        "Errors",
        "Too many failed sign-ins for this login. Please try again in {retry_after} seconds.",
    ),
    "storage": QT_TRANSLATE_NOOP("Errors", "The database cannot be used.\n\nDetails: {message}"),
    "audit_key": QT_TRANSLATE_NOOP(
        "Errors",
        "The audit key of this database is missing or unreadable, so changes cannot be "
        "recorded.\n\nDetails: {message}",
    ),
    "secret_store": QT_TRANSLATE_NOOP(
        "Errors", "The system password store (keyring) cannot be used.\n\nDetails: {message}"
    ),
    "invalid": QT_TRANSLATE_NOOP("Errors", "The input is not valid: {message}"),
    "error": QT_TRANSLATE_NOOP("Errors", "The action failed: {message}"),
}

_VALIDATION: dict[str, str] = {
    "password is too short": QT_TRANSLATE_NOOP(
        "Errors", "The password must have at least {minimum} characters."
    ),
    "password is too long": QT_TRANSLATE_NOOP(
        "Errors", "The password may have at most {limit} characters."
    ),
    "password starts or ends with a space": QT_TRANSLATE_NOOP(
        "Errors", "The password must not start or end with a space."
    ),
    "login must be 2-32 letters, digits, '.', '_' or '-'": QT_TRANSLATE_NOOP(
        "Errors",
        "The login name must be 2 to 32 characters: lower-case letters, digits, '.', '_' "
        "or '-', starting with a letter or digit.",
    ),
    "this login is taken": QT_TRANSLATE_NOOP("Errors", "This login name is already in use."),
    "name is required": QT_TRANSLATE_NOOP("Errors", "Please enter the name."),
    "name is too long": QT_TRANSLATE_NOOP(
        "Errors", "The name may have at most {limit} characters."
    ),
    "position is too long": QT_TRANSLATE_NOOP(
        "Errors", "The position may have at most {limit} characters."
    ),
    "phone number is not valid": QT_TRANSLATE_NOOP(
        "Errors", "The phone number is not valid (digits, spaces, '-' and a leading '+')."
    ),
    "QQ number is not valid": QT_TRANSLATE_NOOP(
        "Errors", "The QQ number is not valid (5 to 12 digits, not starting with 0)."
    ),
    "unit name is required": QT_TRANSLATE_NOOP("Errors", "Please enter the unit name."),
    "unit name is too long": QT_TRANSLATE_NOOP(
        "Errors", "The unit name may have at most {limit} characters."
    ),
    "unit does not exist": QT_TRANSLATE_NOOP("Errors", "Please choose an existing unit."),
    "parent unit does not exist": QT_TRANSLATE_NOOP(
        "Errors", "The chosen parent unit does not exist."
    ),
    "a unit cannot be placed below itself": QT_TRANSLATE_NOOP(
        "Errors", "A unit cannot be placed below itself or below one of its own sub-units."
    ),
    "a unit of that name already exists there": QT_TRANSLATE_NOOP(
        "Errors", "A unit of that name already exists at this place."
    ),
    "the unit still has active staff": QT_TRANSLATE_NOOP(
        "Errors",
        "The unit still has {count} working staff. Move them to another unit first.",
    ),
    "the office must keep at least one active administrator": QT_TRANSLATE_NOOP(
        "Errors", "The office must keep at least one working administrator."
    ),
    "this database already has staff; sign in as an administrator instead": QT_TRANSLATE_NOOP(
        "Errors", "This database already has staff. Please sign in as an administrator."
    ),
}

_BY_FIELD: dict[str, str] = {
    "login": QT_TRANSLATE_NOOP("Errors", "Please check the login name."),
    "name": QT_TRANSLATE_NOOP("Errors", "Please check the name."),
    "password": QT_TRANSLATE_NOOP("Errors", "Please check the password."),
    "position": QT_TRANSLATE_NOOP("Errors", "Please check the position."),
    "phone": QT_TRANSLATE_NOOP("Errors", "Please check the phone number."),
    "qq": QT_TRANSLATE_NOOP("Errors", "Please check the QQ number."),
    "unit_id": QT_TRANSLATE_NOOP("Errors", "Please check the unit."),
    "parent_id": QT_TRANSLATE_NOOP("Errors", "Please check the parent unit."),
    "roles": QT_TRANSLATE_NOOP("Errors", "Please check the roles."),
    "active": QT_TRANSLATE_NOOP("Errors", "Please check whether the unit is in use."),
}

_RANGE = QT_TRANSLATE_NOOP("Errors", "Please enter a whole number from {minimum} to {maximum}.")
_WHOLE = QT_TRANSLATE_NOOP("Errors", "Please enter a whole number.")


class _Defaults(dict[str, Any]):
    """Format parameters that leave unknown placeholders visible instead of failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def _fill(template: str, exc: DeskError) -> str:
    return template.format_map(_Defaults(exc.params, message=exc.message))


def error_text(exc: DeskError) -> str:
    """Return the translated words for a service error, with its parameters filled in."""
    if isinstance(exc, ValidationError):
        return _fill(_tr(_validation_template(exc)), exc)
    template = _BY_CODE.get(exc.code, _BY_CODE["error"])
    return _fill(_tr(template), exc)


def _validation_template(exc: ValidationError) -> str:
    known = _VALIDATION.get(exc.message)
    if known is not None:
        return known
    if "minimum" in exc.params and "maximum" in exc.params:
        return _RANGE
    if exc.message.endswith("must be a whole number"):
        return _WHOLE
    return _BY_FIELD.get(exc.field, _BY_CODE["invalid"])
