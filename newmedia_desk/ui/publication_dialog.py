"""登记发布: record what went out on each account, and withdrawals or deletions with reason.

After approval the clerk publishes by hand on the platform, then records per account the
time, the link, the platform's post ID and (optionally) the text as published, pasted. A
pasted text that differs from the approved one is shown as such at once, and the service
flags it 与审批稿不一致. Before approval the service refuses; the dialog says so up front.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.context import AppContext
from newmedia_desk.domain.errors import DeskError
from newmedia_desk.domain.posts import PostStatus, text_matches
from newmedia_desk.domain.staff import Principal
from newmedia_desk.services.posts import PostAccount, PostRecord, PublicationView
from newmedia_desk.ui.approval_texts import removal_name, status_name
from newmedia_desk.ui.checked_edit import Utf16Positions
from newmedia_desk.ui.form_dialog import FormDialog, InputProblemError
from newmedia_desk.ui.prompts import Prompts, error_text
from newmedia_desk.ui.texts import (
    from_qdatetime,
    office_time,
)
from newmedia_desk.ui.texts import office_datetime_edit as datetime_edit

MISMATCH_STYLE = "color: #c62828; font-weight: bold;"
MATCH_STYLE = "color: #2e7d32;"
QUIET_STYLE = "color: palette(placeholder-text);"
_REMOVED_BG = "#ffd7d3"
_ADDED_BG = "#d7f5dd"


class TextComparison(QWidget):
    """The approved text and the published one side by side, differences marked.

    Chinese has no spaces, so the texts are compared character by character: what the
    published text lacks is marked red on the left, what it adds green on the right.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.left_label = QLabel(self)
        self.right_label = QLabel(self)
        self.left = QPlainTextEdit(self)
        self.left.setObjectName("approved_text")
        self.right = QPlainTextEdit(self)
        self.right.setObjectName("published_text")
        for edit in (self.left, self.right):
            edit.setReadOnly(True)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("verdict")
        grid = QHBoxLayout()
        for label, edit in ((self.left_label, self.left), (self.right_label, self.right)):
            column = QVBoxLayout()
            column.addWidget(label)
            column.addWidget(edit, 1)
            grid.addLayout(column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.verdict)
        layout.addLayout(grid, 1)

    def compare(self, approved: str, published: str, approved_title: str = "") -> bool:
        """Show both texts; return whether they match (layout whitespace aside)."""
        self.left_label.setText(approved_title or self.tr("Approved text"))
        self.right_label.setText(self.tr("Text as published"))
        self.left.setPlainText(approved)
        self.right.setPlainText(published)
        same = text_matches(approved, published)
        if same:
            self.verdict.setText(self.tr("The published text is the approved one."))
            self.verdict.setStyleSheet(MATCH_STYLE)
            self.left.setExtraSelections([])
            self.right.setExtraSelections([])
            return True
        self.verdict.setText(
            self.tr(
                "Differs from the approved text: what is missing is marked red, what was "
                "added green."
            )
        )
        self.verdict.setStyleSheet(MISMATCH_STYLE)
        matcher = difflib.SequenceMatcher(None, approved, published, autojunk=False)
        lefts: list[tuple[int, int]] = []
        rights: list[tuple[int, int]] = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            if i2 > i1:
                lefts.append((i1, i2))
            if j2 > j1:
                rights.append((j1, j2))
        self._mark(self.left, approved, lefts, _REMOVED_BG)
        self._mark(self.right, published, rights, _ADDED_BG)
        return False

    def differences(self) -> tuple[int, int]:
        """How many spans are marked on the left and on the right."""
        return len(self.left.extraSelections()), len(self.right.extraSelections())

    @staticmethod
    def _mark(edit: QPlainTextEdit, text: str, spans: list[tuple[int, int]], color: str) -> None:
        """Mark ``spans`` (code-point offsets of ``text``) and scroll to the first one."""
        to16 = Utf16Positions(text)
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(color))
        selections = []
        for start, end in spans:
            cursor = QTextCursor(edit.document())
            cursor.setPosition(to16(start))
            cursor.setPosition(to16(end), QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        edit.setExtraSelections(selections)
        if spans:
            first = QTextCursor(edit.document())
            first.setPosition(to16(spans[0][0]))
            edit.setTextCursor(first)
            edit.ensureCursorVisible()


@dataclass
class AccountSection:
    """The fields of one target account in the publication dialog."""

    account: PostAccount
    box: QGroupBox
    time_edit: QDateTimeEdit
    link_edit: QLineEdit
    post_id_edit: QLineEdit
    text_edit: QPlainTextEdit
    match_label: QLabel
    done: bool = False


class PublicationDialog(FormDialog):
    """Record the publication of an approved post on its accounts. Emits ``saved(PostRecord)``.

    One section per target account; the checked ones are recorded when saving.
    """

    saved = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        actor: Principal,
        prompts: Prompts,
        post_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.submit, parent)
        self.setWindowTitle(self.tr("Record publication"))
        self._ctx = ctx
        self._actor = actor
        self._prompts = prompts
        self.post_id = post_id
        self.record: PostRecord | None = None
        self.approved_text = ""
        self.sections: list[AccountSection] = []
        self.save_button.setText(self.tr("Record"))
        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        self.heading.setWordWrap(True)
        self.form.addRow(self.heading)
        holder = QWidget(self)
        self._sections_layout = QVBoxLayout(holder)
        self._sections_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        self.form.addRow(scroll)
        self.setMinimumWidth(640)
        self.resize(720, 640)
        self._load()

    def _load(self) -> None:
        try:
            record = self._ctx.posts.get(self._actor, self.post_id)
            number = record.round_revision or record.current.number
            approved = self._ctx.posts.revision(self._actor, self.post_id, number)
        except DeskError as exc:
            self.show_error(error_text(exc))
            self.save_button.setEnabled(False)
            return
        self.record = record
        self.approved_text = approved.content.body
        self.heading.setText(
            self.tr("“{title}” — approved revision {number}").format(
                title=approved.content.title or self.tr("(no title)"), number=number
            )
        )
        if record.status not in {PostStatus.APPROVED, PostStatus.PUBLISHED}:
            self.show_note(
                self.tr(
                    "This post is {status}: a publication can be recorded only after its "
                    "approval is complete."
                ).format(status=status_name(record.status))
            )
        live = {p.account_id: p for p in record.publications if p.removed_at is None}
        now = self._ctx.clock.now()
        for account in record.accounts:
            self.sections.append(self._section(account, live.get(account.id), now))
        self._sections_layout.addStretch(1)

    def _section(
        self, account: PostAccount, recorded: PublicationView | None, now: datetime
    ) -> AccountSection:
        box = QGroupBox(f"{account.name}（{account.platform}）", self)
        box.setObjectName(f"account_{account.id}")
        box.setCheckable(True)
        box.setChecked(recorded is None)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        if recorded is not None:
            note = QLabel(
                self.tr("Recorded already: {time}").format(time=office_time(recorded.published_at)),
                box,
            )
            note.setStyleSheet(QUIET_STYLE)
            form.addRow(note)
        time_edit = datetime_edit(box, now)
        link_edit = QLineEdit(box)
        link_edit.setPlaceholderText("https://")
        post_id_edit = QLineEdit(box)
        text_edit = QPlainTextEdit(box)
        text_edit.setTabChangesFocus(True)
        text_edit.setPlaceholderText(
            self.tr("Optional: paste the text as it appears on the platform")
        )
        text_edit.setFixedHeight(text_edit.fontMetrics().lineSpacing() * 5 + 14)
        match_label = QLabel(box)
        match_label.setObjectName("match")
        form.addRow(self.tr("Published at"), time_edit)
        form.addRow(self.tr("Link"), link_edit)
        form.addRow(self.tr("Platform post ID"), post_id_edit)
        form.addRow(self.tr("Text as published"), text_edit)
        form.addRow("", match_label)
        section = AccountSection(
            account, box, time_edit, link_edit, post_id_edit, text_edit, match_label
        )
        text_edit.textChanged.connect(lambda: self._show_match(section))
        self._show_match(section)
        self._sections_layout.addWidget(box)
        return section

    def _show_match(self, section: AccountSection) -> None:
        text = section.text_edit.toPlainText()
        label = section.match_label
        if not text.strip():
            label.setText(self.tr("No text pasted: it will not be compared."))
            label.setStyleSheet(QUIET_STYLE)
        elif text_matches(self.approved_text, text):
            label.setText(self.tr("Same as the approved text."))
            label.setStyleSheet(MATCH_STYLE)
        else:
            label.setText(self.tr("Differs from the approved text."))
            label.setStyleSheet(MISMATCH_STYLE)

    def mismatch(self, section: AccountSection) -> bool:
        """Whether a section's pasted text differs from the approved one."""
        text = section.text_edit.toPlainText()
        return bool(text.strip()) and not text_matches(self.approved_text, text)

    def section(self, account_id: int) -> AccountSection:
        """The section of one account."""
        return next(s for s in self.sections if s.account.id == account_id)

    def submit(self) -> None:
        """Record each checked account through the service (one transaction each)."""
        if self.record is None:
            return
        todo = [s for s in self.sections if s.box.isChecked() and not s.done]
        if not todo:
            raise InputProblemError(self.tr("Tick the accounts the post was published on."))
        latest = self._ctx.clock.now() + timedelta(minutes=5)
        for section in todo:
            if from_qdatetime(section.time_edit.dateTime()) > latest:
                section.time_edit.setFocus()
                raise InputProblemError(
                    self.tr("The time of publication on {account} is in the future.").format(
                        account=section.account.name
                    )
                )
        saved: PostRecord | None = None
        try:
            for section in todo:
                text = section.text_edit.toPlainText()
                saved = self._ctx.posts.record_publication(
                    self._actor,
                    self.post_id,
                    section.account.id,
                    published_at=from_qdatetime(section.time_edit.dateTime()),
                    link=section.link_edit.text(),
                    platform_post_id=section.post_id_edit.text(),
                    published_text=text if text.strip() else None,
                    expected_version=(saved or self.record).version,
                )
                section.done = True
                section.box.setChecked(False)
                section.box.setEnabled(False)
        finally:
            if saved is not None:
                self.record = saved
                self.saved.emit(saved)
        flagged = [p for p in saved.publications if p.mismatch] if saved else []
        if any(p.account_id in {s.account.id for s in todo} for p in flagged):
            self._prompts.warning(
                self.tr(
                    "Recorded. The published text differs from the approved one: it is flagged "
                    "as such and shown on the start page."
                )
            )


class RemovePublicationDialog(FormDialog):
    """Record that a publication was withdrawn (撤回) or deleted (删除), with the reason.

    Emits ``saved(PublicationView)``.
    """

    saved = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        actor: Principal,
        publication: PublicationView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.submit, parent)
        self.setWindowTitle(self.tr("Withdraw or delete"))
        self._ctx = ctx
        self._actor = actor
        self.publication = publication
        what = QLabel(
            self.tr("{account} ({platform}), published {time}").format(
                account=publication.account_name,
                platform=publication.platform,
                time=office_time(publication.published_at),
            ),
            self,
        )
        what.setWordWrap(True)
        self.kind_combo = QComboBox(self)
        for kind in ("withdrawn", "deleted"):
            self.kind_combo.addItem(removal_name(kind), kind)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setFixedHeight(self.reason_edit.fontMetrics().lineSpacing() * 3 + 14)
        self.form.addRow(self.tr("Publication"), what)
        self.add_field("kind", self.tr("What happened"), self.kind_combo)
        self.add_field("reason", self.tr("Reason"), self.reason_edit)
        self.kind_combo.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        """Record the removal through the service."""
        saved = self._ctx.posts.remove_publication(
            self._actor,
            self.publication.id,
            kind=str(self.kind_combo.currentData()),
            reason=self.reason_edit.toPlainText(),
            expected_version=self.publication.version,
        )
        self.saved.emit(saved)
