"""Dialogs of the ledgers area: record and handle comments, feedback, incidents and holds.

Each dialog is a ``FormDialog``: Save calls one method of ``InteractionService``; an error
keeps the dialog open with what was typed and marks the field it names. Every dialog
emits ``saved(record)`` with the record the service returned.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from newmedia_desk.domain.accounts import AccountRecord
from newmedia_desk.domain.incidents import (
    IncidentDraft,
    IncidentLevel,
    IncidentRecord,
    IncidentStep,
)
from newmedia_desk.domain.interaction import (
    FeedbackDraft,
    FeedbackRecord,
    Handling,
    ModerationAction,
    ModerationDraft,
    ModerationKind,
    ModerationRecord,
)
from newmedia_desk.domain.staff import Principal, UnitRecord
from newmedia_desk.services.interaction import InteractionService
from newmedia_desk.ui.account_dialogs import date_edit, date_of
from newmedia_desk.ui.form_dialog import FormDialog, InputProblemError
from newmedia_desk.ui.interaction_texts import (
    action_name,
    kind_name,
    level_name,
    step_name,
)
from newmedia_desk.ui.noop import QT_TRANSLATE_NOOP
from newmedia_desk.ui.prompts import Prompts
from newmedia_desk.ui.texts import from_qdatetime, office_datetime_edit, office_time


def datetime_edit(parent: QWidget, value: datetime) -> QDateTimeEdit:
    """A date and time field (office time, to the minute)."""
    return office_datetime_edit(parent, value)


def moment_of(edit: QDateTimeEdit) -> datetime:
    """The aware moment a date and time field holds."""
    return from_qdatetime(edit.dateTime())


def text_box(parent: QWidget, lines: int = 3) -> QPlainTextEdit:
    """A plain multi-line text field of about ``lines`` lines; Tab moves on."""
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    return edit


def account_label(account: AccountRecord) -> str:
    """``name（platform）``."""
    return f"{account.name}（{account.platform_name}）"


def _unit_combo(parent: QWidget, units: Sequence[UnitRecord], empty: str | None) -> QComboBox:
    combo = QComboBox(parent)
    if empty is not None:
        combo.addItem(empty, None)
    for unit in units:
        if unit.active:
            combo.addItem(unit.name, unit.id)
    return combo


def _handling_tr(text: str) -> str:
    return QCoreApplication.translate("HandlingFields", text)


class _HandlingFields:
    """The action, reason, reply and department fields, enabled as the action needs."""

    def __init__(self, dialog: FormDialog, units: Sequence[UnitRecord], *, optional: bool) -> None:
        tr = _handling_tr
        self.action_combo = QComboBox(dialog)
        if optional:
            self.action_combo.addItem(action_name(None), None)
        for action in ModerationAction:
            self.action_combo.addItem(action_name(action), action.value)
        self.reason_edit = QLineEdit(dialog)
        self.reason_edit.setPlaceholderText(
            tr(QT_TRANSLATE_NOOP("HandlingFields", "e.g. abuse, rumour, advertising"))
        )
        self.reply_edit = text_box(dialog, 3)
        self.unit_combo = _unit_combo(
            dialog, units, tr(QT_TRANSLATE_NOOP("HandlingFields", "(choose the department)"))
        )
        dialog.add_field(
            "action", tr(QT_TRANSLATE_NOOP("HandlingFields", "Action")), self.action_combo
        )
        dialog.add_field(
            "reason", tr(QT_TRANSLATE_NOOP("HandlingFields", "Reason")), self.reason_edit
        )
        dialog.add_field(
            "reply", tr(QT_TRANSLATE_NOOP("HandlingFields", "Reply given")), self.reply_edit
        )
        dialog.add_field(
            "referred_unit_id",
            tr(QT_TRANSLATE_NOOP("HandlingFields", "Handed to")),
            self.unit_combo,
        )
        self.action_combo.currentIndexChanged.connect(self._update)
        self._update()

    def action(self) -> ModerationAction | None:
        """The action chosen, or ``None``."""
        value = self.action_combo.currentData()
        return None if value is None else ModerationAction(value)

    def handling(self) -> Handling | None:
        """What the fields hold, or ``None`` when no action is chosen."""
        action = self.action()
        if action is None:
            return None
        unit = self.unit_combo.currentData()
        return Handling(
            action,
            reason=self.reason_edit.text(),
            reply=self.reply_edit.toPlainText(),
            referred_unit_id=None if unit is None else int(unit),
        )

    def _update(self) -> None:
        action = self.action()
        self.reason_edit.setEnabled(action is not None)
        self.reply_edit.setEnabled(action is ModerationAction.REPLIED)
        self.unit_combo.setEnabled(action is ModerationAction.REFERRED)


class ModerationDialog(FormDialog):
    """Record a comment or message, and what was done with it if that is known already."""

    saved = Signal(object)

    def __init__(
        self,
        service: InteractionService,
        actor: Principal,
        accounts: Sequence[AccountRecord],
        units: Sequence[UnitRecord],
        now: datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.submit, parent)
        self.setWindowTitle(self.tr("Record a comment or message"))
        self._service = service
        self._actor = actor
        self.account_combo = QComboBox(self)
        for account in accounts:
            self.account_combo.addItem(account_label(account), account.id)
        self.kind_combo = QComboBox(self)
        for kind in ModerationKind:
            self.kind_combo.addItem(kind_name(kind), kind.value)
        self.occurred_edit = datetime_edit(self, now)
        self.author_edit = QLineEdit(self)
        self.author_edit.setPlaceholderText(self.tr("Nickname shown on the platform"))
        self.text_edit = text_box(self, 4)
        self.needs_answer_check = QCheckBox(
            self.tr("Needs an answer (due in {days} working days)").format(
                days=service.answer_days()
            ),
            self,
        )
        self.add_field("account_id", self.tr("Account"), self.account_combo)
        self.add_field("kind", self.tr("Kind"), self.kind_combo)
        self.add_field("occurred_at", self.tr("Received"), self.occurred_edit)
        self.add_field("author", self.tr("From"), self.author_edit)
        self.add_field("text", self.tr("Text"), self.text_edit)
        self.add_field("needs_answer", "", self.needs_answer_check)
        self.handling_fields = _HandlingFields(self, units, optional=True)
        self.handled_edit = datetime_edit(self, now)
        self.add_field("handled_at", self.tr("Done at"), self.handled_edit)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.handling_fields.action_combo.currentIndexChanged.connect(self._action_changed)
        self._kind_changed()
        self._action_changed()

    def _action_changed(self) -> None:
        self.handled_edit.setEnabled(self.handling_fields.action() is not None)

    def _kind_changed(self) -> None:
        # Messages usually want an answer; comments are usually only moderated.
        kind = ModerationKind(self.kind_combo.currentData())
        self.needs_answer_check.setChecked(kind is ModerationKind.MESSAGE)

    def draft(self) -> ModerationDraft:
        """What the form holds."""
        account = self.account_combo.currentData()
        return ModerationDraft(
            account_id=0 if account is None else int(account),
            kind=ModerationKind(self.kind_combo.currentData()),
            text=self.text_edit.toPlainText(),
            occurred_at=moment_of(self.occurred_edit),
            author=self.author_edit.text(),
            needs_answer=self.needs_answer_check.isChecked(),
            handling=self.handling_fields.handling(),
            handled_at=moment_of(self.handled_edit),
        )

    def submit(self) -> None:
        """Record through the interaction service."""
        if self.account_combo.count() == 0:
            raise InputProblemError(
                self.tr("You keep no account of your own unit to record for."), "account_id"
            )
        self.saved.emit(self._service.record_moderation(self._actor, self.draft()))


class HandleDialog(FormDialog):
    """Record what was done with a comment or message (删除, 上报, 回复, 转交部门)."""

    saved = Signal(object)

    def __init__(
        self,
        service: InteractionService,
        actor: Principal,
        record: ModerationRecord,
        units: Sequence[UnitRecord],
        now: datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.submit, parent)
        self.setWindowTitle(self.tr("Handle a comment or message"))
        self._service = service
        self._actor = actor
        self.record = record
        quoted = QLabel(record.text, self)
        quoted.setWordWrap(True)
        quoted.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(
            self.tr("{kind} from {author}").format(
                kind=kind_name(record.kind), author=record.author or "—"
            ),
            quoted,
        )
        self.handling_fields = _HandlingFields(self, units, optional=False)
        self.handled_edit = datetime_edit(self, now)
        self.add_field("handled_at", self.tr("Done at"), self.handled_edit)

    def submit(self) -> None:
        """Record the handling through the interaction service."""
        handling = self.handling_fields.handling()
        assert handling is not None
        saved = self._service.handle_moderation(
            self._actor,
            self.record.id,
            handling,
            self.record.version,
            handled_at=moment_of(self.handled_edit),
        )
        self.saved.emit(saved)


class FeedbackDialog(FormDialog):
    """Record public feedback and hand it to a department with a due date."""

    saved = Signal(object)

    def __init__(
        self,
        service: InteractionService,
        actor: Principal,
        accounts: Sequence[AccountRecord],
        units: Sequence[UnitRecord],
        now: datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.submit, parent)
        self.setWindowTitle(self.tr("Hand feedback to a department"))
        self._service = service
        self._actor = actor
        self.account_combo = QComboBox(self)
        self.account_combo.addItem(self.tr("(not through an account)"), None)
        for account in accounts:
            self.account_combo.addItem(account_label(account), account.id)
        self.from_edit = QLineEdit(self)
        self.received_edit = datetime_edit(self, now)
        self.text_edit = text_box(self, 4)
        self.unit_combo = _unit_combo(self, units, self.tr("(choose the department)"))
        self.due_edit: QDateEdit = date_edit(self, service.default_due_on(now))
        self.add_field("account_id", self.tr("Received on"), self.account_combo)
        self.add_field("from_whom", self.tr("From"), self.from_edit)
        self.add_field("received_at", self.tr("Received"), self.received_edit)
        self.add_field("text", self.tr("Feedback"), self.text_edit)
        self.add_field("unit_id", self.tr("Handed to"), self.unit_combo)
        self.add_field("due_on", self.tr("Answer due"), self.due_edit)
        self.received_edit.dateTimeChanged.connect(self._received_changed)

    def _received_changed(self) -> None:
        self.due_edit.setDate(_qdate(self._service.default_due_on(moment_of(self.received_edit))))

    def draft(self) -> FeedbackDraft:
        """What the form holds."""
        account = self.account_combo.currentData()
        unit = self.unit_combo.currentData()
        return FeedbackDraft(
            text=self.text_edit.toPlainText(),
            received_at=moment_of(self.received_edit),
            unit_id=0 if unit is None else int(unit),
            due_on=date_of(self.due_edit),
            from_whom=self.from_edit.text(),
            account_id=None if account is None else int(account),
        )

    def submit(self) -> None:
        """Hand over through the interaction service."""
        if self.unit_combo.currentData() is None:
            raise InputProblemError(self.tr("Please choose the department."), "unit_id")
        self.saved.emit(self._service.hand_over(self._actor, self.draft()))


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class AnswerDialog(FormDialog):
    """Record the department's answer to feedback."""

    saved = Signal(object)

    def __init__(
        self,
        service: InteractionService,
        actor: Principal,
        record: FeedbackRecord,
        now: datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.submit, parent)
        self.setWindowTitle(self.tr("Record the answer"))
        self._service = service
        self._actor = actor
        self.record = record
        quoted = QLabel(record.text, self)
        quoted.setWordWrap(True)
        self.form.addRow(self.tr("Feedback"), quoted)
        self.form.addRow(self.tr("Handed to"), QLabel(record.unit_name, self))
        self.answer_edit = text_box(self, 4)
        self.answered_edit = datetime_edit(self, now)
        self.add_field("answer", self.tr("Answer"), self.answer_edit)
        self.add_field("answered_at", self.tr("Answered"), self.answered_edit)

    def submit(self) -> None:
        """Record through the interaction service."""
        saved = self._service.record_answer(
            self._actor,
            self.record.id,
            self.answer_edit.toPlainText(),
            self.record.version,
            answered_at=moment_of(self.answered_edit),
        )
        self.saved.emit(saved)


class IncidentDialog(FormDialog):
    """Open an incident: its clocks start at the time it was opened."""

    saved = Signal(object)

    def __init__(
        self,
        service: InteractionService,
        actor: Principal,
        units: Sequence[UnitRecord],
        now: datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.submit, parent)
        self.setWindowTitle(self.tr("Open an incident"))
        self._service = service
        self._actor = actor
        self.title_edit = QLineEdit(self)
        self.level_combo = QComboBox(self)
        for level in IncidentLevel:
            self.level_combo.addItem(level_name(level), level.value)
        self.level_combo.setCurrentIndex(self.level_combo.findData(IncidentLevel.GENERAL.value))
        self.unit_combo = _unit_combo(self, units, None)
        self.unit_combo.setCurrentIndex(max(self.unit_combo.findData(actor.unit_id), 0))
        self.opened_edit = datetime_edit(self, now)
        self.description_edit = text_box(self, 4)
        self.add_field("title", self.tr("Incident"), self.title_edit)
        self.add_field("level", self.tr("Level"), self.level_combo)
        self.add_field("unit_id", self.tr("Unit"), self.unit_combo)
        self.add_field("opened_at", self.tr("Happened / became known"), self.opened_edit)
        self.add_field("description", self.tr("What happened"), self.description_edit)
        hint = QLabel(
            self.tr(
                "Clocks run from this time: the chief at once; for 特别重大 and 重大 "
                "authoritative information within 5 h and a press conference within 24 h, "
                "other incidents a response within 48 h; handled within 24 h and the result "
                "reported upward (office settings)."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        self.form.addRow(hint)

    def draft(self) -> IncidentDraft:
        """What the form holds."""
        unit = self.unit_combo.currentData()
        return IncidentDraft(
            title=self.title_edit.text(),
            level=IncidentLevel(self.level_combo.currentData()),
            unit_id=0 if unit is None else int(unit),
            opened_at=moment_of(self.opened_edit),
            description=self.description_edit.toPlainText(),
        )

    def submit(self) -> None:
        """Open through the interaction service."""
        self.saved.emit(self._service.open_incident(self._actor, self.draft()))


class StepDialog(FormDialog):
    """Record when a step of an incident was done (or correct that time)."""

    saved = Signal(object)

    def __init__(
        self,
        service: InteractionService,
        actor: Principal,
        record: IncidentRecord,
        now: datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.submit, parent)
        self.setWindowTitle(self.tr("Record a step of “{title}”").format(title=record.title))
        self._service = service
        self._actor = actor
        self.record = record
        self.step_combo = QComboBox(self)
        for clock in record.clocks:
            label = step_name(clock.step)
            if clock.done_at is not None:
                label = self.tr("{step} (done {at})").format(
                    step=label, at=office_time(clock.done_at)
                )
            self.step_combo.addItem(label, clock.step.value)
        first_open = next((i for i, c in enumerate(record.clocks) if c.done_at is None), 0)
        self.step_combo.setCurrentIndex(first_open)
        self.at_edit = datetime_edit(self, now)
        self.add_field("step", self.tr("Step"), self.step_combo)
        self.add_field("at", self.tr("Done at"), self.at_edit)

    def submit(self) -> None:
        """Record through the interaction service."""
        saved = self._service.record_step(
            self._actor,
            self.record.id,
            IncidentStep(self.step_combo.currentData()),
            moment_of(self.at_edit),
            self.record.version,
        )
        self.saved.emit(saved)


class CloseIncidentDialog(FormDialog):
    """Close an incident with a closing note; paused accounts are resumed."""

    saved = Signal(object)

    def __init__(
        self,
        service: InteractionService,
        actor: Principal,
        record: IncidentRecord,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.submit, parent)
        self.setWindowTitle(self.tr("Close “{title}”").format(title=record.title))
        self._service = service
        self._actor = actor
        self.record = record
        open_steps = [step_name(c.step) for c in record.clocks if c.done_at is None]
        if open_steps:
            self.show_note(
                self.tr("Not recorded yet: {steps}. They stay open in the ledger.").format(
                    steps="、".join(open_steps)
                )
            )
        if record.active_holds:
            self.form.addRow(
                QLabel(
                    self.tr("Publishing resumes on: {accounts}").format(
                        accounts="、".join(h.account_name for h in record.active_holds)
                    ),
                    self,
                )
            )
        self.notes_edit = text_box(self, 4)
        self.add_field("notes", self.tr("How it ended"), self.notes_edit)
        self.save_button.setText(self.tr("Close incident"))

    def submit(self) -> None:
        """Close through the interaction service."""
        saved = self._service.close_incident(
            self._actor, self.record.id, self.notes_edit.toPlainText(), self.record.version
        )
        self.saved.emit(saved)


class HoldDialog(FormDialog):
    """Choose accounts whose planned posts are held while the incident is open."""

    saved = Signal(object)

    def __init__(
        self,
        service: InteractionService,
        actor: Principal,
        record: IncidentRecord,
        accounts: Sequence[AccountRecord],
        prompts: Prompts,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.submit, parent)
        self.setWindowTitle(self.tr("Pause publishing for “{title}”").format(title=record.title))
        self._service = service
        self._actor = actor
        self._prompts = prompts
        self.record = record
        held = {h.account_id for h in record.active_holds}
        self.account_list = QListWidget(self)
        self._names: dict[int, str] = {}
        for account in accounts:
            if account.id in held:
                continue
            item = QListWidgetItem(account_label(account), self.account_list)
            item.setData(Qt.ItemDataRole.UserRole, account.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self._names[account.id] = account_label(account)
        self.add_field("account_ids", self.tr("Accounts"), self.account_list)
        note = QLabel(
            self.tr(
                "Their planned posts are not approved or published until publishing is "
                "resumed or the incident is closed."
            ),
            self,
        )
        note.setWordWrap(True)
        self.form.addRow(note)
        self.save_button.setText(self.tr("Pause publishing"))

    def chosen(self) -> list[int]:
        """The ids of the accounts ticked."""
        ids = []
        for row in range(self.account_list.count()):
            item = self.account_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return ids

    def set_checked(self, account_ids: Sequence[int]) -> None:
        """Tick exactly these accounts (tests, keyboard users)."""
        for row in range(self.account_list.count()):
            item = self.account_list.item(row)
            on = int(item.data(Qt.ItemDataRole.UserRole)) in account_ids
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def submit(self) -> None:
        """Confirm with the number of planned posts, then hold through the service."""
        ids = self.chosen()
        if not ids:
            raise InputProblemError(self.tr("Please choose at least one account."), "account_ids")
        planned = self._service.planned_posts(ids)
        names = "、".join(self._names.get(i, str(i)) for i in ids)
        question = self.tr(
            "Pause publishing on {accounts}?\n\n{posts} planned post(s) will be held until "
            "publishing is resumed. This is recorded in the audit log."
        ).format(accounts=names, posts=sum(planned.values()))
        if not self._prompts.confirm(question):
            raise InputProblemError(self.tr("Nothing was paused."))
        self.saved.emit(self._service.hold(self._actor, self.record.id, ids))


class PeriodDialog(FormDialog):
    """Ask for the period of a ledger; ``chosen(start, end)`` when saved."""

    chosen = Signal(object, object)

    def __init__(self, title: str, start: date, end: date, parent: QWidget | None = None) -> None:
        super().__init__(self.submit, parent)
        self.setWindowTitle(title)
        self.start_edit = date_edit(self, start)
        self.end_edit = date_edit(self, end)
        self.add_field("start", self.tr("From"), self.start_edit)
        self.add_field("end", self.tr("To"), self.end_edit)
        self.save_button.setText(self.tr("Export…"))

    def submit(self) -> None:
        """Check the period and hand it on."""
        start, end = date_of(self.start_edit), date_of(self.end_edit)
        if end < start:
            raise InputProblemError(self.tr("The last day is before the first day."), "end")
        self.chosen.emit(start, end)
