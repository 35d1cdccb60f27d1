"""请领导审批: the next approver signs a post on this computer, over the clerk's session.

Step 1 is the usual (throttled) sign-in form for the approver. Step 2 shows the exact
revision the round is on — title, body with the checker's findings marked, column,
category, tier, accounts, images, source, planned time and its SHA-256 — the step being
signed, and the decisions made so far in this round; the approver chooses 同意 or 退回
(退回 needs an opinion) and signs. The service decides who may sign (in their own name or
as a deputy, "X 代 Y") and signs with the approver's personal key, unlocked by the
password typed at step 1. That password stays in this dialog only until the decision is
made, and is dropped when the dialog closes or is hidden (the idle lock); it is never
logged. The session of the computer is never touched.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.context import AppContext
from newmedia_desk.domain.accounts import Decision
from newmedia_desk.domain.checker.check import CheckResult
from newmedia_desk.domain.errors import DeskError, SignInFailedError, ValidationError
from newmedia_desk.domain.posts import PostStatus
from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.staff import Principal
from newmedia_desk.services.posts import PostRecord, RevisionView, SignOffView
from newmedia_desk.ui.account_texts import decision_name
from newmedia_desk.ui.approval_sign_dialog import SignOverSessionDialog
from newmedia_desk.ui.approval_texts import (
    decision_line,
    kind_name,
    signer_text,
    status_name,
    step_name,
    tier_name,
)
from newmedia_desk.ui.checked_edit import EMPTY_RESULT, CheckedTextEdit
from newmedia_desk.ui.findings_panel import FindingsPanel
from newmedia_desk.ui.form_dialog import BANNER_NOTE
from newmedia_desk.ui.prompts import Prompts, error_text
from newmedia_desk.ui.texts import office_time, role_name


def value_label(parent: QWidget, text: str = "", name: str = "") -> QLabel:
    """A selectable, word-wrapped value for a form row."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


def read_only_findings(parent: QWidget) -> FindingsPanel:
    """A findings panel for reading: no Mask or Use-suggestion buttons."""
    panel = FindingsPanel(parent)
    for button in (panel.mask_button, panel.mask_all_button, panel.suggest_button):
        button.hide()
    return panel


class RevisionReader(QWidget):
    """One revision of a post, read-only: its fields, the body with findings marked, findings.

    Used where a post is read before signing and in the detail view.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._result: CheckResult = EMPTY_RESULT
        self.fields_box = QGroupBox(self)
        self.fields_box.setObjectName("revision_fields")
        self.fields = QFormLayout(self.fields_box)
        self.fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title_label = value_label(self, name="revision_title")
        font = QFont(self.title_label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title_label.setFont(font)
        self.body_edit = CheckedTextEdit(lambda _text: self._result, self)
        self.body_edit.setObjectName("revision_body")
        self.body_edit.setReadOnly(True)
        self.body_edit.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.digest_label = value_label(self, name="revision_digest")
        self.digest_label.setStyleSheet("color: #555; font-family: monospace;")
        self.findings = read_only_findings(self)
        self.findings.activated.connect(self.body_edit.select_finding)
        text_side = QWidget(self)
        text_layout = QVBoxLayout(text_side)
        text_layout.setContentsMargins(0, 0, 0, 0)
        text_layout.addWidget(self.title_label)
        text_layout.addWidget(self.body_edit, 1)
        text_layout.addWidget(self.digest_label)
        self.side = QWidget(self)
        self.side_layout = QVBoxLayout(self.side)
        self.side_layout.setContentsMargins(0, 0, 0, 0)
        self.side_layout.addWidget(self.fields_box)
        self.side_layout.addStretch(1)
        self.text_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.text_splitter.addWidget(text_side)
        self.text_splitter.addWidget(self.findings)
        self.text_splitter.setStretchFactor(0, 3)
        self.text_splitter.setStretchFactor(1, 2)
        self.text_splitter.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.side)
        self.splitter.addWidget(self.text_splitter)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setSizes([330, 670])
        self.splitter.setChildrenCollapsible(False)
        self.side.setMinimumWidth(280)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def show_revision(
        self,
        record: PostRecord,
        revision: RevisionView,
        result: CheckResult,
    ) -> None:
        """Show ``revision`` of ``record`` with the findings of ``result`` (its check)."""
        content = revision.content
        self.fields_box.setTitle(self.tr("Revision {number}").format(number=revision.number))
        while self.fields.rowCount():
            self.fields.removeRow(0)
        names = {a.id: f"{a.name}（{a.platform}）" for a in record.accounts}
        accounts = "、".join(names.get(i, f"#{i}") for i in content.account_ids)
        tier = tier_name(content.tier)
        if revision.checker_tier is not content.tier:
            tier = self.tr("{tier} (the checker suggests {suggested})").format(
                tier=tier, suggested=tier_name(revision.checker_tier)
            )
        images = (
            "\n".join(
                self.tr("{number}. {digest}…").format(number=n, digest=h[:12])
                for n, h in enumerate(content.image_hashes, start=1)
            )
            if content.image_hashes
            else self.tr("None")
        )
        planned = office_time(revision.planned_at) or self.tr("Not planned")
        self.title_label.setText(content.title or self.tr("(no title)"))
        self.digest_label.setText(
            self.tr("Content digest (SHA-256): {digest}").format(digest=revision.content_sha256)
        )
        rows = [
            ("kind", self.tr("Kind"), kind_name(content.kind, content.activity_type)),
            ("column", self.tr("Column"), content.column),
            ("category", self.tr("Category"), content.category),
            ("tier", self.tr("Tier"), tier),
            ("accounts", self.tr("Accounts"), accounts),
            ("images", self.tr("Images"), images),
            ("source", self.tr("Source"), content.source),
            ("planned", self.tr("Planned for"), planned),
            (
                "drafter",
                self.tr("Drafted by"),
                self.tr("{name}, {unit}").format(name=record.drafter_name, unit=record.unit_name),
            ),
        ]
        for name, label, value in rows:
            self.fields.addRow(label, value_label(self.fields_box, value, f"value_{name}"))
        self._result = result
        self.body_edit.setPlainText(content.body)
        self.findings.show_result(result, content.body, content.title)

    def add_to_side(self, widget: QWidget) -> None:
        """Show ``widget`` below the fields (e.g. the route of the approval)."""
        self.side_layout.insertWidget(self.side_layout.count() - 1, widget)

    def value(self, name: str) -> str:
        """The text shown for one field (``title``, ``tier``, ``accounts``, ``digest`` …)."""
        if name == "title":
            return self.title_label.text()
        if name == "digest":
            return self.digest_label.text()
        label = self.fields_box.findChild(QLabel, f"value_{name}")
        return "" if label is None else label.text()


class LeaderSignOffDialog(SignOverSessionDialog):
    """请领导审批 for one post. Emits ``signed(PostRecord)`` after the decision was recorded.

    ``viewer`` (optional) is the person whose session this is: with it, step 1 already
    says which step waits, and that person is not accepted as the approver.
    """

    signed = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        prompts: Prompts,
        post_id: int,
        parent: QWidget | None = None,
        *,
        viewer: Principal | None = None,
    ) -> None:
        super().__init__(ctx.auth, viewer, parent, confirm_password=False)
        self.setWindowTitle(self.tr("Leader's approval"))
        self._ctx = ctx
        self._prompts = prompts
        self.post_id = post_id
        self.record: PostRecord | None = None
        self.revision: RevisionView | None = None
        self.step: SignOffView | None = None
        self.saved_record: PostRecord | None = None

        self.delegation_label = QLabel(self.review_page)
        self.delegation_label.setObjectName("delegation")
        self.delegation_label.setWordWrap(True)
        self.delegation_label.setStyleSheet(BANNER_NOTE)
        self.delegation_label.hide()
        self.reader = RevisionReader(self.review_page)
        self.route_box = QGroupBox(self.tr("Approval route"), self.review_page)
        self.route_label = value_label(self.route_box, name="route")
        QVBoxLayout(self.route_box).addWidget(self.route_label)
        self.reader.add_to_side(self.route_box)
        self.review_layout.addWidget(self.delegation_label)
        self.review_layout.addWidget(self.reader, 1)
        self.sign_in_form.set_heading(self.tr("Approver: please sign in"))
        self.resize(620, 300)
        self._describe_waiting()

    # -- step 1 --------------------------------------------------------------------------

    def _describe_waiting(self) -> None:
        generic = self.tr(
            "The person who signs the next step of this post signs in here with their own "
            "login name and password. The session of this computer stays as it is."
        )
        if self._viewer is None:
            self.step_label.setText(generic)
            return
        try:
            record = self._ctx.posts.get(self._viewer, self.post_id)
        except DeskError as exc:
            self.step_label.setText(error_text(exc))
            return
        step = record.next_step()
        if step is None:
            self.step_label.setText(
                self.tr("“{title}” is not waiting for a sign-off ({status}).").format(
                    title=record.content.title, status=status_name(record.status)
                )
            )
            return
        self.step_label.setText(
            self.tr(
                "“{title}” waits for: {step}. The person who signs this step ({role}) signs "
                "in here with their own password; {clerk} stays signed in."
            ).format(
                title=record.content.title or self.tr("(no title)"),
                step=step_name(step.key, step.title),
                role=role_name(step.role),
                clerk=self._viewer.name,
            )
        )

    # -- step 2 --------------------------------------------------------------------------

    def show_review(self) -> None:
        """Read the post as the approver: the round's revision, its findings, the route."""
        signer = self.signer
        assert signer is not None
        self.message.hide()
        try:
            record = self._ctx.posts.get(signer, self.post_id)
            number = record.round_revision or record.current.number
            revision = self._ctx.posts.revision(signer, self.post_id, number)
            platforms = sorted({a.platform for a in record.accounts})
            result = self._ctx.posts.check_content(revision.content, platforms)
        except DeskError as exc:
            self.back_to_sign_in(error_text(exc))
            return
        self.record, self.revision = record, revision
        self.step = record.next_step()
        self.reader.show_revision(record, revision, result)
        self.pages.setCurrentWidget(self.review_page)
        self._make_room()
        if self.step is None:
            self.who_label.setText(
                self.tr("“{title}” is not waiting for a sign-off ({status}).").format(
                    title=revision.content.title, status=status_name(record.status)
                )
            )
            self.sign_button.setEnabled(False)
            self.delegation_label.hide()
            self.route_label.setText(self._route_text(record))
            return
        steps = record.round_steps()
        self.sign_button.setEnabled(True)
        self.who_label.setText(
            self.tr("{name} signs: {step} (step {position} of {count})").format(
                name=signer.name,
                step=step_name(self.step.key, self.step.title),
                position=self.step.position,
                count=len(steps),
            )
        )
        note = self._delegation_note(record, self.step)
        self.delegation_label.setText(note)
        self.delegation_label.setVisible(bool(note))
        self.route_label.setText(self._route_text(record))
        self.opinion_edit.setFocus()

    def _make_room(self) -> None:
        """Grow from the small sign-in to a reading size that fits a 1366×768 screen."""
        screen = self.screen().availableGeometry()
        width = min(max(self.width(), 1000), screen.width() - 40)
        height = min(max(self.height(), 700), screen.height() - 40)
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)

    def _route_text(self, record: PostRecord) -> str:
        lines = [self.tr("Round {round} of the approval:").format(round=record.approval_round)]
        for step in record.round_steps():
            if self.step is not None and step.id == self.step.id:
                line = self.tr("{step}: signed now").format(step=step_name(step.key, step.title))
            else:
                line = decision_line(step)
            lines.append(f"{step.position}. {line}")
        return "\n".join(lines)

    def _delegation_note(self, record: PostRecord, step: SignOffView) -> str:
        """What the approver should know when they do not hold the step themselves.

        Only a hint: the service decides when signing (a responsible person's step belongs
        to the head of the post's own unit, as in the default routes).
        """
        signer = self.signer
        assert signer is not None
        if step.role in signer.roles and (
            step.role is not Role.RESPONSIBLE or record.unit_id in signer.unit_scope
        ):
            return ""
        try:
            delegations = self._ctx.delegations.list(signer)
        except DeskError:
            delegations = []
        now = self._ctx.clock.now()
        leaders = sorted(
            {
                d.leader_name
                for d in delegations
                if d.deputy_id == signer.staff_id and d.active_at(now)
            }
        )
        if leaders:
            return self.tr(
                "You do not hold this step yourself. If a delegation covers it, you sign as "
                "deputy for {leaders}; the form will show it as “{name} for …”."
            ).format(leaders="、".join(leaders), name=signer.name)
        return self.tr(
            "You do not hold the role this step needs ({role}) and no delegation to you is "
            "in force: the sign-off will be refused."
        ).format(role=role_name(step.role))

    # -- signing -------------------------------------------------------------------------

    def sign(self) -> None:
        """Record 同意 or 退回 on the revision read, signed with the approver's key."""
        signer, record, step = self.signer, self.record, self.step
        if signer is None or record is None or step is None:
            return
        decision = self.decision()
        opinion = self.opinion_edit.toPlainText()
        if decision is Decision.RETURN and not opinion.strip():
            self._fail(self.tr("Please write an opinion: the clerk needs to know what to change."))
            self.opinion_edit.setFocus()
            return
        try:
            saved = self._ctx.posts.sign(
                signer,
                self.post_id,
                decision,
                opinion,
                revision=record.round_revision or record.current.number,
                password=self.take_signing_password(),
            )
        except SignInFailedError:
            self.back_to_sign_in(
                self.tr(
                    "The password did not unlock your signing key, so nothing was signed. "
                    "Please sign in again."
                )
            )
            return
        except ValidationError as exc:
            self._fail(error_text(exc))
            if exc.field == "content" and self._changed_meanwhile(signer, record):
                self._offer_reload()
            return
        except DeskError as exc:
            self._fail(error_text(exc))
            return
        self.saved_record = saved
        done = next((s for s in saved.signoffs if s.id == step.id), step)
        text = self._signed_text(saved, done)
        self.accept()
        self.signed.emit(saved)
        self._prompts.info(text)

    def _changed_meanwhile(self, signer: Principal, shown: PostRecord) -> bool:
        try:
            now = self._ctx.posts.get(signer, self.post_id)
        except DeskError:
            return False
        return (now.approval_round, now.round_revision, now.current.number) != (
            shown.approval_round,
            shown.round_revision,
            shown.current.number,
        )

    def _offer_reload(self) -> None:
        question = self.tr(
            "The post was changed while it was being read, so nothing was signed. Show the "
            "current version now?"
        )
        if not self._prompts.confirm(question):
            return
        self.show_review()
        if self.pages.currentWidget() is self.review_page:
            self._fail(self.tr("This is the current version. Please read it again, then sign."))

    def _signed_text(self, saved: PostRecord, step: SignOffView) -> str:
        lines = [
            self.tr("Recorded: {who}, {step}: {decision}.").format(
                who=signer_text(step) or (self.signer.name if self.signer else ""),
                step=step_name(step.key, step.title),
                decision=decision_name(step.decision),
            )
        ]
        if saved.status is PostStatus.APPROVED:
            lines.append(self.tr("The post is approved and may now be published."))
        elif saved.status is PostStatus.RETURNED:
            lines.append(
                self.tr("The post goes back to {drafter} with the opinion.").format(
                    drafter=saved.drafter_name
                )
            )
        else:
            waiting = saved.next_step()
            if waiting is not None:
                lines.append(
                    self.tr("Next: {step}.").format(step=step_name(waiting.key, waiting.title))
                )
        if self._viewer is not None:
            lines.append(self.tr("{name} stays signed in.").format(name=self._viewer.name))
        else:
            lines.append(self.tr("The session of this computer goes on as before."))
        return "\n".join(lines)
