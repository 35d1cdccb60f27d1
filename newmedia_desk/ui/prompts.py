"""The one seam for message boxes and file dialogs, and the words for every error code.

Windows never call ``QMessageBox`` or ``QFileDialog`` themselves: they ask a ``Prompts``.
The program passes ``QtPrompts``; tests pass a scripted fake that records what was shown.
"""

from __future__ import annotations

from collections.abc import Sequence
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

    def choose(self, question: str, options: Sequence[str]) -> int | None:
        """Offer ``options`` (button texts) and Cancel; return the chosen index, ``None``."""
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

    def choose(self, question: str, options: Sequence[str]) -> int | None:
        """One button per option and Cancel (the default)."""
        box = QMessageBox(QMessageBox.Icon.Question, APP_DISPLAY_NAME, question, parent=self.parent)
        buttons = [box.addButton(text, QMessageBox.ButtonRole.AcceptRole) for text in options]
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        for index, button in enumerate(buttons):
            if clicked is button:
                return index
        return None

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
    "keys": QT_TRANSLATE_NOOP(
        "Errors",
        "Your personal key cannot open this account password. If you were added as a holder "
        "recently or your password was reset, another holder must share it again (or change "
        "it).\n\nDetails: {message}",
    ),
    "secret_too_large": QT_TRANSLATE_NOOP(
        "Errors",
        "The encrypted password is too large for the system password store. Use a shorter "
        "password or fewer holders. Nothing was changed.",
    ),
    "export_failed": QT_TRANSLATE_NOOP(
        "Errors", "The file could not be saved; nothing was changed.\n\nDetails: {message}"
    ),
    "export_locked": QT_TRANSLATE_NOOP(
        "Errors",
        "The file is open in another program (Excel?). Close it there and try again.\n\n{path}",
    ),
    "export_too_long": QT_TRANSLATE_NOOP(
        "Errors",
        "“{field}” has {length} characters, more than one Excel cell holds ({limit}). "
        "Shorten it and export again.",
    ),
    "export_template": QT_TRANSLATE_NOOP(
        "Errors",
        "The form template is missing or damaged; ask the office administrator.\n\n"
        "Details: {message}",
    ),
    "export_overflow": QT_TRANSLATE_NOOP(
        "Errors",
        "The form template has room for {places} lines but {count} are needed. Add lines to "
        "the template (see the forms folder).",
    ),
    "import_rejected": QT_TRANSLATE_NOOP(
        "Errors", "The file was not imported: {count} problem(s) were found. Nothing was changed."
    ),
    "lexicon.invalid": QT_TRANSLATE_NOOP(
        "Errors",
        "Line {line} of {source} cannot be read; nothing was changed.\n\nDetails: {message}",
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
    # accounts
    "a closed account cannot be changed": QT_TRANSLATE_NOOP(
        "Errors", "A closed account cannot be changed."
    ),
    "a platform of that name exists": QT_TRANSLATE_NOOP(
        "Errors", "A platform of that name exists already."
    ),
    "a return needs an opinion": QT_TRANSLATE_NOOP(
        "Errors", "Please write an opinion: say why the application is returned."
    ),
    "an account cannot be placed below itself": QT_TRANSLATE_NOOP(
        "Errors", "An account cannot be placed below itself or one of its own sub-accounts."
    ),
    "another account on this platform has this ID": QT_TRANSLATE_NOOP(
        "Errors", "Another account on this platform has this ID."
    ),
    "another account on this platform has this name": QT_TRANSLATE_NOOP(
        "Errors", "Another account on this platform has this name."
    ),
    "e-mail address is not valid": QT_TRANSLATE_NOOP("Errors", "The e-mail address is not valid."),
    "the address must start with http:// or https://": QT_TRANSLATE_NOOP(
        "Errors", "The address must start with http:// or https://."
    ),
    "platform does not exist": QT_TRANSLATE_NOOP("Errors", "Please choose an existing platform."),
    "this platform is no longer in use": QT_TRANSLATE_NOOP(
        "Errors", "This platform is no longer in use; choose another."
    ),
    "this unit is no longer active": QT_TRANSLATE_NOOP(
        "Errors", "This unit is no longer in use; choose another."
    ),
    "staff member does not exist": QT_TRANSLATE_NOOP("Errors", "Please choose an existing person."),
    "this person has left": QT_TRANSLATE_NOOP(
        "Errors", "This person has left; choose somebody still working here."
    ),
    "parent account does not exist": QT_TRANSLATE_NOOP(
        "Errors", "The chosen parent account does not exist."
    ),
    "the parent account is closed": QT_TRANSLATE_NOOP("Errors", "The parent account is closed."),
    "reason is required": QT_TRANSLATE_NOOP("Errors", "Please give the reason."),
    "the application is not in approval": QT_TRANSLATE_NOOP(
        "Errors", "The application is not in approval (any more)."
    ),
    "the application changed since its approval began; the approval starts again": (
        QT_TRANSLATE_NOOP(
            "Errors",
            "The application was changed after its approval began, so the approval starts "
            "again. Please read the application once more before signing.",
        )
    ),
    "the steps are signed in order; an earlier step is still open": QT_TRANSLATE_NOOP(
        "Errors", "The steps are signed in order; an earlier step is still open."
    ),
    "this step is already signed": QT_TRANSLATE_NOOP("Errors", "This step is signed already."),
    "this step must be signed by someone with another role": QT_TRANSLATE_NOOP(
        "Errors", "This step must be signed by somebody with another role."
    ),
    "this step must be signed by the head of the applying unit": QT_TRANSLATE_NOOP(
        "Errors", "This step must be signed by the head of the applying unit."
    ),
    "the applicant may not sign the application": QT_TRANSLATE_NOOP(
        "Errors", "The person who submitted the application may not sign it."
    ),
    "one person may sign only one step of an application": QT_TRANSLATE_NOOP(
        "Errors", "One person may sign only one step of an application."
    ),
    "this person can no longer sign": QT_TRANSLATE_NOOP(
        "Errors", "This person can no longer sign."
    ),
    "no such step in this approval": QT_TRANSLATE_NOOP(
        "Errors", "This step is not part of the approval (any more)."
    ),
    "opinion is too long": QT_TRANSLATE_NOOP(
        "Errors", "The opinion may have at most {limit} characters."
    ),
    "record the date of the public 停更公告 before closing the account": QT_TRANSLATE_NOOP(
        "Errors", "Record the date of the public closure notice before closing the account."
    ),
    "the 停更公告 must be posted before the account is closed": QT_TRANSLATE_NOOP(
        "Errors", "The closure notice must be posted before the account is closed."
    ),
    "only an open or suspended account gets a 停更公告": QT_TRANSLATE_NOOP(
        "Errors", "Only an open or suspended account gets a closure notice."
    ),
    "the notice date is in the future": QT_TRANSLATE_NOOP(
        "Errors", "The notice date is in the future."
    ),
    "the notice date is before the account was opened": QT_TRANSLATE_NOOP(
        "Errors", "The notice date is before the account was opened."
    ),
    "the filing date is in the future": QT_TRANSLATE_NOOP(
        "Errors", "The filing date is in the future."
    ),
    "the filing date is before the event": QT_TRANSLATE_NOOP(
        "Errors", "The filing date is before the event that was filed."
    ),
    "this has been filed already": QT_TRANSLATE_NOOP("Errors", "This has been filed already."),
    "this history entry needs no filing": QT_TRANSLATE_NOOP(
        "Errors", "This history entry needs no filing."
    ),
    "the date is in the future": QT_TRANSLATE_NOOP("Errors", "The date is in the future."),
    "the time found is in the future": QT_TRANSLATE_NOOP(
        "Errors", "The time found is in the future."
    ),
    "the date is before the account was found": QT_TRANSLATE_NOOP(
        "Errors", "The date is before the account was found."
    ),
    "this entry is closed": QT_TRANSLATE_NOOP("Errors", "This entry is closed already."),
    # posts: approval, publication, filing (services/posts.py)
    "the post is not waiting for approval": QT_TRANSLATE_NOOP(
        "Errors", "The post is not waiting for approval (any more)."
    ),
    "the planned time has passed; the post must be planned again": QT_TRANSLATE_NOOP(
        "Errors",
        "The planned time of the post has passed, so it can no longer be approved. The clerk "
        "must plan it again.",
    ),
    "the post changed while you were reading it; read it again": QT_TRANSLATE_NOOP(
        "Errors",
        "The post was changed while you were reading it; nothing was signed. Read it again.",
    ),
    "the stored revision does not match its content hash": QT_TRANSLATE_NOOP(
        "Errors",
        "The stored post does not match its content hash: it may have been altered outside "
        "the program. Nothing was signed; tell the office administrator.",
    ),
    "every step is already decided": QT_TRANSLATE_NOOP(
        "Errors", "Every step of this approval has been decided already."
    ),
    "the approval needs 1 to 10 steps": QT_TRANSLATE_NOOP(
        "Errors", "The approval needs 1 to {limit} steps."
    ),
    "two steps have the same key": QT_TRANSLATE_NOOP(
        "Errors", "Two steps are the same step; remove one of them."
    ),
    "a route needs 1 to 4 steps, each with a title": QT_TRANSLATE_NOOP(
        "Errors",
        "The route of {tier} needs 1 to {steps} steps, each with a title of at most {limit} "
        "characters.",
    ),
    "the route of 重要 needs a step signed by a leader (分管领导 or 主要领导)": QT_TRANSLATE_NOOP(
        "Errors", "The route of 重要 needs a step signed by a leader (分管领导 or 主要领导)."
    ),
    "the route of 敏感 needs a step signed by the 主要领导": QT_TRANSLATE_NOOP(
        "Errors", "The route of 敏感 needs a step signed by the 主要领导."
    ),
    "nobody approves their own post": QT_TRANSLATE_NOOP(
        "Errors", "Nobody may approve their own post: another approver must sign this step."
    ),
    "one person may sign only one step of a post": QT_TRANSLATE_NOOP(
        "Errors", "One person may sign only one step of a post."
    ),
    "this post needs no filing": QT_TRANSLATE_NOOP("Errors", "This post needs no filing."),
    "a post is published only after its approval is complete": QT_TRANSLATE_NOOP(
        "Errors",
        "A post may be recorded as published only after its approval is complete.",
    ),
    "the post is not for this account": QT_TRANSLATE_NOOP(
        "Errors", "The post is not meant for this account."
    ),
    "the link is one line of at most 500 characters": QT_TRANSLATE_NOOP(
        "Errors", "The link must be one line of at most 500 characters."
    ),
    "the platform post ID is too long": QT_TRANSLATE_NOOP(
        "Errors", "The platform's post ID is too long (at most 100 characters)."
    ),
    "withdrawn or deleted": QT_TRANSLATE_NOOP(
        "Errors", "Please choose whether the post was withdrawn or deleted."
    ),
    "give a reason": QT_TRANSLATE_NOOP("Errors", "Please give the reason."),
    "this publication is already removed": QT_TRANSLATE_NOOP(
        "Errors", "This publication has been recorded as withdrawn or deleted already."
    ),
    # delegations (services/delegations.py, domain/posts.py)
    "choose a current member of staff": QT_TRANSLATE_NOOP(
        "Errors", "Please choose somebody who still works here."
    ),
    "only an approver can delegate signing": QT_TRANSLATE_NOOP(
        "Errors",
        "Only an approver (a responsible person, a supervising leader or the chief) can have "
        "a deputy sign for them.",
    ),
    "the deputy is somebody else": QT_TRANSLATE_NOOP(
        "Errors", "The deputy must be somebody other than the leader."
    ),
    "the deputy must be a responsible person or a leader": QT_TRANSLATE_NOOP(
        "Errors", "The deputy must be a responsible person or a leader."
    ),
    "the consent is given by the chief": QT_TRANSLATE_NOOP(
        "Errors", "The consent must be given by the chief."
    ),
    "the deputy cannot consent to their own delegation": QT_TRANSLATE_NOOP(
        "Errors", "The deputy cannot consent to their own delegation."
    ),
    "the period ends after it starts": QT_TRANSLATE_NOOP(
        "Errors", "The end of the period must be after its start."
    ),
    "the consenting chief or an administrator records a delegation": QT_TRANSLATE_NOOP(
        "Errors", "A delegation is recorded by the consenting chief or an administrator."
    ),
    "already revoked": QT_TRANSLATE_NOOP("Errors", "This delegation has been revoked already."),
    # credentials
    "only people still working here can hold a password": QT_TRANSLATE_NOOP(
        "Errors", "Only people still working here can hold a password."
    ),
    "some holders have never signed in, so they have no keys yet": QT_TRANSLATE_NOOP(
        "Errors",
        "{count} holder(s) have never signed in, so they have no personal key yet. Ask them "
        "to sign in once, then store the password.",
    ),
    "the password is empty or starts or ends with a space": QT_TRANSLATE_NOOP(
        "Errors", "The account password is empty or starts or ends with a space."
    ),
    "the password is too long": QT_TRANSLATE_NOOP(
        "Errors", "The account password may have at most {limit} characters."
    ),
    # lexicons
    "the term must not be empty": QT_TRANSLATE_NOOP("Errors", "Please enter the term."),
    "a term cannot start with # (that marks a comment)": QT_TRANSLATE_NOOP(
        "Errors", "A term cannot start with # (that marks a comment in a lexicon file)."
    ),
    "the term must be one line without tabs": QT_TRANSLATE_NOOP(
        "Errors", "The term must be one line without tabs."
    ),
    "the category must be one line without tabs": QT_TRANSLATE_NOOP(
        "Errors", "The category must be one line without tabs."
    ),
    "the suggestion must be one line without tabs": QT_TRANSLATE_NOOP(
        "Errors", "The suggested wording must be one line without tabs."
    ),
    "the title must not be empty": QT_TRANSLATE_NOOP("Errors", "Please enter the title."),
    "the title must be one line": QT_TRANSLATE_NOOP("Errors", "The title must be one line."),
    "a lexicon name is 1-32 lowercase letters, digits or _": QT_TRANSLATE_NOOP(
        "Errors", "The file name must be 1 to 32 lower-case letters, digits or “_”."
    ),
    # moderation, feedback, incidents, crisis holds (services/interaction.py)
    "this text must not be empty": QT_TRANSLATE_NOOP("Errors", "Please fill in the marked field."),
    "the text is too long": QT_TRANSLATE_NOOP(
        "Errors", "The text is too long (at most {limit} characters)."
    ),
    "the time is in the future": QT_TRANSLATE_NOOP("Errors", "The time lies in the future."),
    "the time is before it arrived": QT_TRANSLATE_NOOP(
        "Errors", "The time is before it was received."
    ),
    "the time is before the incident was opened": QT_TRANSLATE_NOOP(
        "Errors", "The time is before the incident was opened."
    ),
    "the author must be one line": QT_TRANSLATE_NOOP("Errors", "The author must be one line."),
    "the name must be one line": QT_TRANSLATE_NOOP("Errors", "The name must be one line."),
    "choose comment or message": QT_TRANSLATE_NOOP("Errors", "Please choose comment or message."),
    "choose what was done": QT_TRANSLATE_NOOP("Errors", "Please choose what was done."),
    "choose the department": QT_TRANSLATE_NOOP(
        "Errors", "Please choose the department it was handed to."
    ),
    "choose the level": QT_TRANSLATE_NOOP("Errors", "Please choose the level of the incident."),
    "choose the step": QT_TRANSLATE_NOOP("Errors", "Please choose the step."),
    "the account does not exist": QT_TRANSLATE_NOOP(
        "Errors", "This account no longer exists; reload and choose again."
    ),
    "the unit does not exist": QT_TRANSLATE_NOOP(
        "Errors", "This unit no longer exists; reload and choose again."
    ),
    "this entry has been handled already": QT_TRANSLATE_NOOP(
        "Errors", "This comment or message has been handled already."
    ),
    "this feedback has been answered already": QT_TRANSLATE_NOOP(
        "Errors", "The answer to this feedback has been recorded already."
    ),
    "the due date is before the feedback arrived": QT_TRANSLATE_NOOP(
        "Errors", "The answer cannot be due before the feedback was received."
    ),
    "the incident is closed": QT_TRANSLATE_NOOP("Errors", "This incident is closed."),
    "this step has no clock at this level": QT_TRANSLATE_NOOP(
        "Errors",
        "Authoritative information within 5 hours is required only for 特别重大 and 重大 "
        "incidents; this incident has no such step.",
    ),
    "choose at least one account": QT_TRANSLATE_NOOP(
        "Errors", "Please choose at least one account."
    ),
    "this hold has been released already": QT_TRANSLATE_NOOP(
        "Errors", "Publishing on this account has been resumed already."
    ),
    "publishing on this account is paused by a crisis hold": QT_TRANSLATE_NOOP(
        "Errors",
        "Publishing on this account is paused while an incident is being handled. The office "
        "administrator or the chief can resume it (Ledgers → Incidents).",
    ),
    "the period ends before it starts": QT_TRANSLATE_NOOP(
        "Errors", "The last day of the period is before its first day."
    ),
}

_BY_FIELD: dict[str, str] = {
    "steps": QT_TRANSLATE_NOOP(
        "Errors",
        "Please check the steps: each needs a title of at most 40 characters and a role.",
    ),
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
    "handle": QT_TRANSLATE_NOOP("Errors", "Please check the account ID."),
    "url": QT_TRANSLATE_NOOP("Errors", "Please check the address."),
    "email": QT_TRANSLATE_NOOP("Errors", "Please check the e-mail address."),
    "purpose": QT_TRANSLATE_NOOP("Errors", "Please check the purpose."),
    "scope": QT_TRANSLATE_NOOP("Errors", "Please check the publishing scope."),
    "other_media": QT_TRANSLATE_NOOP("Errors", "Please check the other media."),
    "bio": QT_TRANSLATE_NOOP("Errors", "Please check the introduction."),
    "platform_id": QT_TRANSLATE_NOOP("Errors", "Please check the platform."),
    "administrator_id": QT_TRANSLATE_NOOP("Errors", "Please check the administrator."),
    "responsible_id": QT_TRANSLATE_NOOP("Errors", "Please check the responsible person."),
    "cadence_text": QT_TRANSLATE_NOOP("Errors", "Please check the update requirement."),
    "reserved_word_note": QT_TRANSLATE_NOOP("Errors", "Please check the approval note."),
    "second_account_reason": QT_TRANSLATE_NOOP("Errors", "Please check the reason."),
    "reason": QT_TRANSLATE_NOOP("Errors", "Please check the reason (at most {limit} characters)."),
    "holders": QT_TRANSLATE_NOOP(
        "Errors", "An account password is known to 1 to {limit} people; please check the holders."
    ),
    "secret": QT_TRANSLATE_NOOP("Errors", "Please check the account password."),
    "opinion": QT_TRANSLATE_NOOP("Errors", "Please check the opinion."),
    "status": QT_TRANSLATE_NOOP(
        "Errors", "This cannot be done in the account's current state; reload and check."
    ),
    "closure_notice_on": QT_TRANSLATE_NOOP("Errors", "Please check the date of the notice."),
    "filed_on": QT_TRANSLATE_NOOP("Errors", "Please check the filing date."),
    "reference": QT_TRANSLATE_NOOP("Errors", "Please check the filing reference."),
    "found_at": QT_TRANSLATE_NOOP("Errors", "Please check when it was found."),
    "taken_on": QT_TRANSLATE_NOOP("Errors", "Please check the date."),
    "where_found": QT_TRANSLATE_NOOP("Errors", "Please check where it was found."),
    "notes": QT_TRANSLATE_NOOP("Errors", "Please check the notes."),
    "step": QT_TRANSLATE_NOOP("Errors", "This step cannot be signed now."),
    "signer": QT_TRANSLATE_NOOP("Errors", "This person cannot sign this step."),
    "term": QT_TRANSLATE_NOOP(
        "Errors",
        "Please check the term: one line of at most 100 characters with letters or digits, "
        "not yet in the lexicon.",
    ),
    "category": QT_TRANSLATE_NOOP(
        "Errors", "Please check the category: one line of at most 40 characters."
    ),
    "severity": QT_TRANSLATE_NOOP("Errors", "Please choose block, escalate or warn."),
    "suggestion": QT_TRANSLATE_NOOP(
        "Errors", "Please check the suggested wording: one line of at most 200 characters."
    ),
    "title": QT_TRANSLATE_NOOP(
        "Errors", "Please check the title: one line of at most 60 characters."
    ),
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
    if exc.code not in ("invalid", "error") and exc.code in _BY_CODE:
        return _fill(_tr(_BY_CODE[exc.code]), exc)
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
