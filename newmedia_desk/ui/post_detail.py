"""One post in detail: the current revision, the whole route, publications and filing.

Every sign-off of every round is listed — voided ones greyed and marked 已作废, a deputy's
as "X 代 Y", each with whether it carries a personal-key signature. Publications whose
text differs from the approved one are red, with the two texts side by side. The buttons
open 请领导审批, 登记发布 and 撤回/删除, and record 备案 for a post that needs filing.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.context import AppContext
from newmedia_desk.domain.errors import DeskError
from newmedia_desk.domain.posts import PostStatus
from newmedia_desk.domain.roles import Permission
from newmedia_desk.domain.staff import Principal
from newmedia_desk.services.posts import PostRecord, PublicationView, SignOffView
from newmedia_desk.ui.account_detail import read_only_table
from newmedia_desk.ui.account_texts import decision_name
from newmedia_desk.ui.approval_texts import (
    removal_name,
    signer_text,
    status_name,
    step_name,
    tier_name,
)
from newmedia_desk.ui.form_dialog import BANNER_NOTE, FormDialog, error_banner
from newmedia_desk.ui.noop import QT_TRANSLATE_NOOP
from newmedia_desk.ui.post_approval_dialog import LeaderSignOffDialog, RevisionReader
from newmedia_desk.ui.post_exports import PostExcel
from newmedia_desk.ui.prompts import Prompts, error_text
from newmedia_desk.ui.publication_dialog import (
    PublicationDialog,
    RemovePublicationDialog,
    TextComparison,
)
from newmedia_desk.ui.record_table import AnyIndex, RecordTableModel, selected_record
from newmedia_desk.ui.texts import office_time

GREY = QColor("#8a8a8a")
RED = QColor("#c62828")


# -- the route ----------------------------------------------------------------------------


class SignOffColumn(IntEnum):
    """The columns of the route table."""

    ROUND = 0
    REVISION = 1
    STEP = 2
    SIGNER = 3
    DECISION = 4
    TIME = 5
    SIGNATURE = 6
    STATE = 7
    OPINION = 8


SIGNOFF_HEADERS: dict[SignOffColumn, str] = {
    SignOffColumn.ROUND: QT_TRANSLATE_NOOP("SignOffTableModel", "Round"),
    SignOffColumn.REVISION: QT_TRANSLATE_NOOP("SignOffTableModel", "Revision"),
    SignOffColumn.STEP: QT_TRANSLATE_NOOP("SignOffTableModel", "Step"),
    SignOffColumn.SIGNER: QT_TRANSLATE_NOOP("SignOffTableModel", "Signed by"),
    SignOffColumn.DECISION: QT_TRANSLATE_NOOP("SignOffTableModel", "Decision"),
    SignOffColumn.TIME: QT_TRANSLATE_NOOP("SignOffTableModel", "Time"),
    SignOffColumn.SIGNATURE: QT_TRANSLATE_NOOP("SignOffTableModel", "Signature"),
    SignOffColumn.STATE: QT_TRANSLATE_NOOP("SignOffTableModel", "State"),
    SignOffColumn.OPINION: QT_TRANSLATE_NOOP("SignOffTableModel", "Opinion"),
}


def signoff_state(step: SignOffView) -> str:
    """已作废, 待签 or 有效 (translated)."""
    if step.voided_at is not None:
        return QCoreApplication.translate("SignOffTableModel", "Void")
    if step.decision is None:
        return QCoreApplication.translate("SignOffTableModel", "Waiting")
    return QCoreApplication.translate("SignOffTableModel", "Valid")


def signature_mark(step: SignOffView) -> str:
    """✓ signed with the personal key, ✗ a decision without a signature, nothing if open."""
    if step.decision is None:
        return ""
    if step.signed:
        return QCoreApplication.translate("SignOffTableModel", "✓ signed")
    return QCoreApplication.translate("SignOffTableModel", "✗ not signed")


class SignOffTableModel(RecordTableModel[SignOffView, SignOffColumn]):
    """Every sign-off of every round, in order; voided ones grey."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(SignOffColumn, SIGNOFF_HEADERS, "SignOffTableModel", self._display, parent)

    @staticmethod
    def _display(step: SignOffView, column: SignOffColumn) -> str:
        match column:
            case SignOffColumn.ROUND:
                return str(step.round)
            case SignOffColumn.REVISION:
                return str(step.revision)
            case SignOffColumn.STEP:
                return step_name(step.key, step.title)
            case SignOffColumn.SIGNER:
                return signer_text(step)
            case SignOffColumn.DECISION:
                return decision_name(step.decision)
            case SignOffColumn.OPINION:
                return step.opinion
            case SignOffColumn.TIME:
                return office_time(step.signed_at)
            case SignOffColumn.SIGNATURE:
                return signature_mark(step)
            case SignOffColumn.STATE:
                return signoff_state(step)

    def tooltip(self, record: SignOffView, column: SignOffColumn) -> str | None:
        """The opinion in full; when and why a step was voided."""
        if column is SignOffColumn.OPINION and record.opinion:
            return record.opinion
        if record.voided_at is not None:
            return QCoreApplication.translate(
                "SignOffTableModel",
                "Void since {time}: the post changed or the round ended; this sign-off "
                "stays visible on revision {revision}.",
            ).format(time=office_time(record.voided_at), revision=record.revision)
        return None

    def foreground(self, record: SignOffView) -> QBrush | None:
        """Grey for voided sign-offs."""
        return QBrush(GREY) if record.voided_at is not None else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Voided sign-offs also struck through; a missing signature red."""
        if index.isValid() and 0 <= index.row() < self.rowCount():
            record = self.record(index.row())
            column = SignOffColumn(index.column())
            if role == Qt.ItemDataRole.FontRole and record.voided_at is not None:
                font = QFont()
                font.setStrikeOut(column is not SignOffColumn.STATE)
                return font
            if (
                role == Qt.ItemDataRole.ForegroundRole
                and column is SignOffColumn.SIGNATURE
                and record.decision is not None
                and not record.signed
            ):
                return QBrush(RED)
        return super().data(index, role)


# -- publications -------------------------------------------------------------------------


class PublicationColumn(IntEnum):
    """The columns of the publication table."""

    ACCOUNT = 0
    PUBLISHED_AT = 1
    LINK = 2
    POST_ID = 3
    TEXT = 4
    STATE = 5


PUBLICATION_HEADERS: dict[PublicationColumn, str] = {
    PublicationColumn.ACCOUNT: QT_TRANSLATE_NOOP("PublicationTableModel", "Account"),
    PublicationColumn.PUBLISHED_AT: QT_TRANSLATE_NOOP("PublicationTableModel", "Published"),
    PublicationColumn.LINK: QT_TRANSLATE_NOOP("PublicationTableModel", "Link"),
    PublicationColumn.POST_ID: QT_TRANSLATE_NOOP("PublicationTableModel", "Platform post ID"),
    PublicationColumn.TEXT: QT_TRANSLATE_NOOP("PublicationTableModel", "Text"),
    PublicationColumn.STATE: QT_TRANSLATE_NOOP("PublicationTableModel", "State"),
}


def publication_text_state(p: PublicationView) -> str:
    """与审批稿不一致, 与审批稿一致 or 未粘贴 (translated)."""
    if p.published_text is None:
        return QCoreApplication.translate("PublicationTableModel", "Not pasted")
    if p.mismatch:
        return QCoreApplication.translate("PublicationTableModel", "Differs from the approved text")
    return QCoreApplication.translate("PublicationTableModel", "Same as approved")


class PublicationTableModel(RecordTableModel[PublicationView, PublicationColumn]):
    """The publications of a post; a differing text red, removed ones grey."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            PublicationColumn,
            PUBLICATION_HEADERS,
            "PublicationTableModel",
            self._display,
            parent,
        )

    @staticmethod
    def _display(p: PublicationView, column: PublicationColumn) -> str:
        match column:
            case PublicationColumn.ACCOUNT:
                return f"{p.account_name}（{p.platform}）"
            case PublicationColumn.PUBLISHED_AT:
                return office_time(p.published_at)
            case PublicationColumn.LINK:
                return p.link
            case PublicationColumn.POST_ID:
                return p.platform_post_id
            case PublicationColumn.TEXT:
                return publication_text_state(p)
            case PublicationColumn.STATE:
                if p.removed_at is None:
                    return QCoreApplication.translate("PublicationTableModel", "Online")
                return QCoreApplication.translate(
                    "PublicationTableModel", "{what} {time}: {reason}"
                ).format(
                    what=removal_name(p.removal_kind),
                    time=office_time(p.removed_at),
                    reason=p.removal_reason,
                )

    def foreground(self, record: PublicationView) -> QBrush | None:
        """Grey once withdrawn or deleted."""
        return QBrush(GREY) if record.removed_at is not None else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The text state red and bold when it differs from the approved text."""
        if (
            index.isValid()
            and 0 <= index.row() < self.rowCount()
            and index.column() == PublicationColumn.TEXT
            and self.record(index.row()).mismatch
        ):
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(RED)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        return super().data(index, role)


# -- the view -----------------------------------------------------------------------------


def _fit_columns(table: QTableView) -> None:
    """Size the columns to their contents with a little air (the last one stretches)."""
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    for column in range(header.count() - 1):
        header.resizeSection(column, header.sectionSize(column) + 12)


class PostDetailView(QWidget):
    """A post as everybody sees it, with the clerk's and the leader's next actions.

    Emits ``changed`` after something was recorded (a sign-off, a publication, filing).
    """

    changed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        actor: Principal,
        prompts: Prompts,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._actor = actor
        self._prompts = prompts
        self.record: PostRecord | None = None
        self.dialog: QDialog | None = None

        self.title_label = QLabel(self)
        self.title_label.setObjectName("title")
        self.title_label.setWordWrap(True)
        font = QFont(self.title_label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title_label.setFont(font)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status")
        self.status_label.setWordWrap(True)
        self.filing_label = QLabel(self)
        self.filing_label.setObjectName("filing")
        self.mismatch_label = QLabel(self)
        self.mismatch_label.setObjectName("mismatch")
        self.mismatch_label.setStyleSheet("color: #c62828; font-weight: bold;")
        self.message = error_banner(self)
        self.sign_button = QPushButton(self.tr("Leader's approval…"), self)
        self.sign_button.setObjectName("ask_leader")
        self.publish_button = QPushButton(self.tr("Record publication…"), self)
        self.publish_button.setObjectName("record_publication")
        self.remove_button = QPushButton(self.tr("Withdraw / delete…"), self)
        self.remove_button.setObjectName("remove_publication")
        self.file_button = QPushButton(self.tr("Mark as filed"), self)
        self.file_button.setObjectName("mark_filed")
        self.sign_button.clicked.connect(self.open_sign_off)
        self.publish_button.clicked.connect(self.open_publication)
        self.remove_button.clicked.connect(self.open_remove)
        self.file_button.clicked.connect(self.mark_filed)
        self.form_button = QPushButton(self.tr("Approval form…"), self)
        self.form_button.setObjectName("approval_form")
        self.form_button.setToolTip(
            self.tr("Save the 发布内容审批表 of this post as Excel, to print and sign")
        )
        self.excel = PostExcel(ctx, actor, prompts, self)
        self.form_button.clicked.connect(self.save_form)

        self.tabs = QTabWidget(self)
        self.reader = RevisionReader(self)
        self.signoff_model = SignOffTableModel(self)
        self.signoff_table = read_only_table(self, "signoff_table")
        self.signoff_table.setModel(self.signoff_model)
        self.publication_model = PublicationTableModel(self)
        self.publication_table = read_only_table(self, "publication_table")
        self.publication_table.setModel(self.publication_model)
        self.comparison = TextComparison(self)
        self.comparison_note = QLabel(self)
        self.comparison_note.setObjectName("comparison_note")
        self.comparison_note.setWordWrap(True)
        self.comparison_note.setStyleSheet(BANNER_NOTE)
        publications = QSplitter(Qt.Orientation.Vertical, self)
        publications.addWidget(self.publication_table)
        below = QWidget(self)
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.comparison_note)
        below_layout.addWidget(self.comparison, 1)
        publications.addWidget(below)
        publications.setStretchFactor(0, 1)
        publications.setStretchFactor(1, 3)
        publications.setSizes([150, 450])
        publications.setChildrenCollapsible(False)
        self.tabs.addTab(self.reader, self.tr("Content"))
        self.tabs.addTab(self.signoff_table, self.tr("Approval route"))
        self.tabs.addTab(publications, self.tr("Publications"))
        self.publication_table.selectionModel().selectionChanged.connect(
            lambda *_: self._on_publication_selected()
        )

        head = QHBoxLayout()
        head.addWidget(self.title_label, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.filing_label)
        actions.addWidget(self.file_button)
        actions.addStretch(1)
        for button in (
            self.sign_button,
            self.publish_button,
            self.remove_button,
            self.form_button,
        ):
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.status_label)
        layout.addWidget(self.mismatch_label)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)
        self._show_nothing()

    # -- showing -------------------------------------------------------------------------

    def _show_nothing(self) -> None:
        self.record = None
        self.title_label.setText(self.tr("No post selected"))
        self.status_label.clear()
        self.filing_label.clear()
        self.mismatch_label.hide()
        self.signoff_model.set_rows([])
        self.publication_model.set_rows([])
        self._update_buttons()

    def show_post(self, post_id: int | None) -> None:
        """Show one post (``None``: nothing)."""
        if post_id is None:
            self._show_nothing()
            return
        try:
            record = self._ctx.posts.get(self._actor, post_id)
            revision = self._ctx.posts.revision(self._actor, post_id, record.current.number)
            platforms = sorted({a.platform for a in record.accounts})
            result = self._ctx.posts.check_content(revision.content, platforms)
        except DeskError as exc:
            self._show_nothing()
            self.message.setText(error_text(exc))
            self.message.show()
            return
        self.message.hide()
        self.record = record
        self.title_label.setText(record.content.title or self.tr("(no title)"))
        planned = office_time(record.planned_at) or self.tr("not planned")
        self.status_label.setText(
            self.tr(
                "{status} · revision {revision} · tier {tier} · {unit}, drafted by {drafter} · "
                "planned for {planned}"
            ).format(
                status=status_name(record.status),
                revision=record.current.number,
                tier=tier_name(record.content.tier),
                unit=record.unit_name,
                drafter=record.drafter_name,
                planned=planned,
            )
        )
        self._show_filing(record)
        live_mismatch = [p for p in record.publications if p.mismatch and p.removed_at is None]
        self.mismatch_label.setText(
            self.tr("Differs from the approved text: {accounts}").format(
                accounts="、".join(p.account_name for p in live_mismatch)
            )
        )
        self.mismatch_label.setVisible(bool(live_mismatch))
        self.reader.show_revision(record, revision, result)
        self.signoff_model.set_rows(list(record.signoffs))
        _fit_columns(self.signoff_table)
        self.publication_model.set_rows(list(record.publications))
        _fit_columns(self.publication_table)
        self._on_publication_selected()
        self._update_buttons()

    def refresh(self) -> None:
        """Show the post again as it is now."""
        self.show_post(None if self.record is None else self.record.id)

    def _show_filing(self, record: PostRecord) -> None:
        if not record.filing_required:
            self.filing_label.setText(self.tr("No filing needed"))
            self.filing_label.setStyleSheet("")
        elif record.filed_at is None:
            self.filing_label.setText(self.tr("To be filed: not filed yet"))
            self.filing_label.setStyleSheet("color: #c62828; font-weight: bold;")
        else:
            self.filing_label.setText(
                self.tr("Filed on {time}").format(time=office_time(record.filed_at))
            )
            self.filing_label.setStyleSheet("color: #2e7d32;")

    def selected_publication(self) -> PublicationView | None:
        """The publication selected in the table."""
        return selected_record(self.publication_table, PublicationView)

    def select_publication(self, publication_id: int) -> bool:
        """Select one publication in the table."""
        for row, p in enumerate(self.publication_model.records()):
            if p.id == publication_id:
                self.publication_table.selectRow(row)
                return True
        return False

    def _on_publication_selected(self) -> None:
        p = self.selected_publication()
        self._update_buttons()
        if p is None or p.published_text is None or p.revision is None or self.record is None:
            self.comparison.hide()
            self.comparison_note.setText(
                self.tr("Select a publication with a pasted text to compare it with the approval.")
            )
            return
        try:
            approved = self._ctx.posts.revision(self._actor, self.record.id, p.revision)
        except DeskError as exc:
            self.comparison.hide()
            self.comparison_note.setText(error_text(exc))
            return
        self.comparison_note.setText(
            self.tr("{account}: approved revision {revision} and the text as published").format(
                account=p.account_name, revision=p.revision
            )
        )
        self.comparison.compare(
            approved.content.body,
            p.published_text,
            self.tr("Approved text (revision {revision})").format(revision=p.revision),
        )
        self.comparison.show()

    def _update_buttons(self) -> None:
        record = self.record
        drafting = record is not None and self._actor.can(Permission.DRAFT_POSTS, record.unit_id)
        self.sign_button.setEnabled(record is not None and record.status is PostStatus.IN_APPROVAL)
        self.publish_button.setEnabled(
            drafting and record is not None and record.status is not PostStatus.CANCELLED
        )
        p = self.selected_publication()
        self.remove_button.setEnabled(drafting and p is not None and p.removed_at is None)
        self.form_button.setEnabled(record is not None)
        self.file_button.setVisible(record is not None and record.filing_required)
        self.file_button.setEnabled(drafting and record is not None and record.filed_at is None)

    # -- actions -------------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> None:
        def forget(_result: int) -> None:
            if self.dialog is dialog:
                self.dialog = None
            dialog.deleteLater()

        dialog.finished.connect(forget)
        if isinstance(dialog, FormDialog):
            dialog.conflict.connect(self.refresh)
        self.dialog = dialog
        dialog.open()

    def _after_change(self, *_args: object) -> None:
        self.refresh()
        self.changed.emit()

    def open_sign_off(self) -> None:
        """请领导审批: the next approver signs in over this session."""
        if self.record is None:
            return
        dialog = LeaderSignOffDialog(
            self._ctx, self._prompts, self.record.id, self, viewer=self._actor
        )
        dialog.signed.connect(self._after_change)
        self._open(dialog)

    def open_publication(self) -> None:
        """登记发布 for the accounts of the post."""
        if self.record is None:
            return
        dialog = PublicationDialog(self._ctx, self._actor, self._prompts, self.record.id, self)
        dialog.saved.connect(self._after_change)
        self._open(dialog)

    def open_remove(self) -> None:
        """Record that the selected publication was withdrawn or deleted."""
        p = self.selected_publication()
        if p is None:
            return
        dialog = RemovePublicationDialog(self._ctx, self._actor, p, self)
        dialog.saved.connect(self._after_change)
        self._open(dialog)

    def save_form(self) -> None:
        """Save this post's 发布内容审批表 for printing and signing."""
        if self.record is not None:
            self.excel.approval_form(self.record.id)

    def mark_filed(self) -> None:
        """备案: record that the content of this sensitive post was filed."""
        record = self.record
        if record is None:
            return
        if not self._prompts.confirm(
            self.tr("Record that the content of “{title}” has been filed?").format(
                title=record.content.title
            )
        ):
            return
        try:
            self._ctx.posts.mark_filed(self._actor, record.id, expected_version=record.version)
        except DeskError as exc:
            self._prompts.warning(error_text(exc))
            self.refresh()
            return
        self._after_change()
