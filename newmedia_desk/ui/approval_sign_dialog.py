"""A leader signs the next opinion step of an account application on this computer.

The clerk's session stays as it is: the dialog asks the leader to sign in over it (the same
sign-in form as everywhere), shows the application as it stands with its content digest,
and records 同意 or 退回 with an opinion in the leader's name. The leader types their
password once more to sign: it is passed to the service for that one signature (made with
their personal key) and cleared at once. Only the signed-in identity is held, and only
until the dialog closes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.domain.accounts import (
    AccountRecord,
    ApprovalStepRecord,
    Decision,
    next_step,
)
from newmedia_desk.domain.errors import DeskError, SignInFailedError, ValidationError
from newmedia_desk.domain.staff import Principal
from newmedia_desk.services.accounts import AccountService
from newmedia_desk.services.auth import AuthService
from newmedia_desk.ui.account_texts import decision_name, verification_name
from newmedia_desk.ui.form_dialog import error_banner
from newmedia_desk.ui.prompts import error_text
from newmedia_desk.ui.sign_in import SignInForm
from newmedia_desk.ui.texts import local_time, role_name


def _value(parent: QWidget, text: str) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ApprovalSignDialog(QDialog):
    """Sign-in of the approver, then the application and 同意 / 退回 with an opinion.

    Emits ``signed(AccountRecord)`` after the step was recorded. ``signer`` is the
    person who signed in here (``None`` before and after).
    """

    signed = Signal(object)

    def __init__(
        self,
        accounts: AccountService,
        auth: AuthService,
        viewer: Principal,
        record: AccountRecord,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.setWindowTitle(self.tr("Leader's sign-off"))
        self._accounts = accounts
        self._viewer = viewer
        self.record = record
        self.signer: Principal | None = None
        self.step: ApprovalStepRecord | None = None
        self.steps: list[ApprovalStepRecord] = []

        self.pages = QStackedWidget(self)
        # -- page 1: the approver signs in ------------------------------------------
        self.sign_in_page = QWidget(self)
        self.step_label = QLabel(self.sign_in_page)
        self.step_label.setObjectName("step_label")
        self.step_label.setWordWrap(True)
        self.sign_in_form = SignInForm(auth, allow_cancel=True, parent=self.sign_in_page)
        self.sign_in_form.login_edit.clear()
        self.sign_in_form.cancel_button.setText(self.tr("Cancel"))
        self.sign_in_form.signed_in.connect(self._on_signed_in)
        self.sign_in_form.cancelled.connect(self.reject)
        first = QVBoxLayout(self.sign_in_page)
        first.addWidget(self.step_label)
        first.addWidget(self.sign_in_form)
        first.addStretch(1)
        # -- page 2: read and decide -------------------------------------------------
        self.review_page = QWidget(self)
        self.who_label = QLabel(self.review_page)
        self.who_label.setObjectName("who_label")
        font = QFont(self.who_label.font())
        font.setBold(True)
        self.who_label.setFont(font)
        self.who_label.setWordWrap(True)
        self.content_box = QGroupBox(self.tr("The application"), self.review_page)
        self.content_form = QFormLayout(self.content_box)
        self.digest_label = _value(self.review_page, "")
        self.digest_label.setObjectName("digest")
        self.digest_label.setStyleSheet("color: #555; font-family: monospace;")
        self.earlier_label = _value(self.review_page, "")
        self.earlier_label.setObjectName("earlier")
        self.agree_button = QRadioButton(decision_name(Decision.AGREE), self.review_page)
        self.return_button = QRadioButton(decision_name(Decision.RETURN), self.review_page)
        self.agree_button.setChecked(True)
        self.decision_group = QButtonGroup(self)
        self.decision_group.addButton(self.agree_button)
        self.decision_group.addButton(self.return_button)
        self.opinion_edit = QPlainTextEdit(self.review_page)
        self.opinion_edit.setObjectName("opinion")
        self.opinion_edit.setTabChangesFocus(True)
        self.opinion_edit.setPlaceholderText(self.tr("Opinion (required when returning)"))
        self.opinion_edit.setFixedHeight(self.opinion_edit.fontMetrics().lineSpacing() * 4 + 14)
        self.password_edit = QLineEdit(self.review_page)
        self.password_edit.setObjectName("sign_password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(
            self.tr("Your password again: your decision is signed with your personal key")
        )
        self.message = error_banner(self.review_page)
        self.sign_button = QPushButton(self.tr("Sign"), self.review_page)
        self.sign_button.clicked.connect(self.sign)
        self.cancel_button = QPushButton(self.tr("Cancel"), self.review_page)
        self.cancel_button.clicked.connect(self.reject)
        for button in (self.sign_button, self.cancel_button):
            # A sign-off is a deliberate click: Enter (e.g. the one that finished the
            # sign-in) must never press 签署.
            button.setAutoDefault(False)
            button.setDefault(False)
        decision_row = QHBoxLayout()
        decision_row.addWidget(self.agree_button)
        decision_row.addWidget(self.return_button)
        decision_row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.sign_button)
        second = QVBoxLayout(self.review_page)
        second.addWidget(self.who_label)
        second.addWidget(self.content_box)
        second.addWidget(self.digest_label)
        second.addWidget(self.earlier_label)
        second.addWidget(self.message)
        second.addLayout(decision_row)
        second.addWidget(self.opinion_edit)
        second.addWidget(self.password_edit)
        second.addLayout(buttons)

        self.pages.addWidget(self.sign_in_page)
        self.pages.addWidget(self.review_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.setMinimumWidth(600)
        self.finished.connect(self._forget_signer)
        self._load_steps()

    # -- state ---------------------------------------------------------------------------

    def _load_steps(self) -> None:
        try:
            self.steps = self._accounts.approval_steps(self._viewer, self.record.id)
        except DeskError as exc:
            self.steps = []
            self.step_label.setText(error_text(exc))
            return
        self.step = next_step(self.steps)
        if self.step is None:
            self.step_label.setText(self.tr("Every step of this application is signed."))
            self.sign_in_form.sign_in_button.setEnabled(False)
            return
        self.step_label.setText(
            self.tr(
                "“{account}” ({platform}) waits for: {step}. The person who signs this step "
                "({role}) signs in here with their own password; {clerk} stays signed in."
            ).format(
                account=self.record.name,
                platform=self.record.platform_name,
                step=self.step.title,
                role=role_name(self.step.role),
                clerk=self._viewer.name,
            )
        )
        self.sign_in_form.set_heading(self.tr("Approver: please sign in"))

    def _forget_signer(self, _result: int = 0) -> None:
        self.signer = None
        self.sign_in_form.password_edit.clear()
        self.password_edit.clear()

    def _on_signed_in(self, principal: Principal) -> None:
        if principal.staff_id == self._viewer.staff_id:
            # Not an error of the service: the sign-off must come from somebody else.
            self.sign_in_form.message.setText(
                self.tr("Please let the approver sign in; you are signed in already.")
            )
            self.sign_in_form.message.show()
            return
        self.signer = principal
        self._show_review()

    def _show_review(self) -> None:
        assert self.signer is not None and self.step is not None
        try:
            self.record = self._accounts.get_account(self.signer, self.record.id)
            digest = self._accounts.content_digest(self.signer, self.record.id)
        except DeskError as exc:
            self._fail(error_text(exc))
            digest = ""
        self.who_label.setText(
            self.tr("{name} signs “{step}”").format(name=self.signer.name, step=self.step.title)
        )
        self._fill_content()
        self.digest_label.setText(
            self.tr("Content digest (SHA-256): {digest}").format(digest=digest)
        )
        earlier = [s for s in self.steps if s.signed]
        if earlier:
            self.earlier_label.setText(
                self.tr("Signed so far: {steps}").format(
                    steps="；".join(
                        f"{s.title} {s.signer_name} {decision_name(s.decision)} "
                        f"{local_time(s.signed_at)}"
                        for s in earlier
                    )
                )
            )
        else:
            self.earlier_label.setText(self.tr("This is the first step."))
        self.pages.setCurrentWidget(self.review_page)
        self.opinion_edit.setFocus()

    def _fill_content(self) -> None:
        while self.content_form.rowCount():
            self.content_form.removeRow(0)
        r = self.record
        rows = [
            (self.tr("Unit"), r.unit_name),
            (self.tr("Platform"), r.platform_name),
            (self.tr("Account name"), r.name),
            (self.tr("Account ID"), r.handle),
            (self.tr("Other media"), r.other_media),
            (self.tr("Purpose"), r.purpose),
            (self.tr("Publishing scope"), r.scope),
            (self.tr("Administrator"), r.administrator_name),
            (self.tr("Responsible person"), r.responsible_name),
            (self.tr("Verification"), verification_name(r.verification)),
        ]
        for label, value in rows:
            self.content_form.addRow(label, _value(self.content_box, value))

    # -- signing -------------------------------------------------------------------------

    def decision(self) -> Decision:
        """The decision chosen."""
        return Decision.RETURN if self.return_button.isChecked() else Decision.AGREE

    def sign(self) -> None:
        """Record the decision in the signer's name."""
        if self.signer is None or self.step is None:
            return
        password = self.password_edit.text()
        self.password_edit.clear()  # used for this one signature, never kept
        if not password:
            self._fail(self.tr("Please enter your password to sign."))
            self.password_edit.setFocus()
            return
        try:
            saved = self._accounts.sign_step(
                self.signer,
                self.record.id,
                self.step.key,
                self.decision(),
                self.opinion_edit.toPlainText(),
                expected_version=self.record.version,
                password=password,
            )
        except SignInFailedError:
            self._fail(self.tr("The password is wrong; nothing was signed."))
            self.password_edit.setFocus()
            return
        except ValidationError as exc:
            self._fail(error_text(exc))
            if exc.field == "content":
                # The application changed: a new round began; read it again.
                self._load_steps()
                if self.step is not None:
                    self._show_review()
                    self._fail(error_text(exc))
            return
        except DeskError as exc:
            self._fail(error_text(exc))
            return
        self.accept()
        self.signed.emit(saved)

    def _fail(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        """Enter and Return never press a button here (the sign-in form handles its own)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)
