"""A leader signs on this computer, over the clerk's session; here: account applications.

``SignOverSessionDialog`` is the pattern every same-PC sign-off follows (the posts' one
too): the approver signs in over the current session with the usual (throttled) sign-in
form, reads, decides, and the session that was there stays as it was.

For an account application, the clerk's session stays as it is: the dialog asks the leader
to sign in over it (the same sign-in form as everywhere), shows the application as it
stands with its content digest, and records 同意 or 退回 with an opinion in the leader's
name. The leader types their password once more to sign: it is passed to the service for
that one signature (made with their personal key) and cleared at once. Only the signed-in
identity is held, and only until the dialog closes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QHideEvent, QKeyEvent
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
from newmedia_desk.ui.texts import office_time, role_name


def _value(parent: QWidget, text: str) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class KeepingSignInForm(SignInForm):
    """A sign-in form that hands the password of a successful sign-in to its owner once.

    For a sign-off made right after signing in: the owner takes the password in its
    ``signed_in`` slot (``take_password``) and must drop it when done. The form itself
    never keeps it beyond the ``signed_in`` signal.
    """

    def __init__(self, auth: AuthService, parent: QWidget | None = None) -> None:
        self._typed = ""
        super().__init__(auth, allow_cancel=True, parent=parent)

    def submit(self) -> None:
        """Sign in; during ``signed_in`` the password that worked can be taken."""
        self._typed = self.password_edit.text()
        try:
            super().submit()
        finally:
            self._typed = ""

    def take_password(self) -> str:
        """The password of the sign-in now being reported (empty at any other time)."""
        typed, self._typed = self._typed, ""
        return typed


class SignOverSessionDialog(QDialog):
    """An approver signs in over the current session, reads, then decides 同意 or 退回.

    Page 1 is the sign-in form (``step_label`` above it says what waits); page 2 shows a
    subclass's content in ``review_layout`` above the decision, the opinion and 签署.
    ``viewer`` is the person whose session this is (they cannot sign in here).

    With ``confirm_password`` the approver types their password again to sign
    (``password_edit``); without it the password typed at sign-in is held by the dialog
    until the decision is made and dropped when the dialog closes or is hidden (e.g. by
    the idle lock) — then the approver must sign in again. ``signer`` is the person who
    signed in here (``None`` before and after).
    """

    def __init__(
        self,
        auth: AuthService,
        viewer: Principal | None,
        parent: QWidget | None = None,
        *,
        confirm_password: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setModal(True)
        self._viewer = viewer
        self._confirm_password = confirm_password
        self._password = ""
        self.signer: Principal | None = None

        self.pages = QStackedWidget(self)
        # -- page 1: the approver signs in ------------------------------------------
        self.sign_in_page = QWidget(self)
        self.step_label = QLabel(self.sign_in_page)
        self.step_label.setObjectName("step_label")
        self.step_label.setWordWrap(True)
        self.sign_in_form: SignInForm = (
            SignInForm(auth, allow_cancel=True, parent=self.sign_in_page)
            if confirm_password
            else KeepingSignInForm(auth, self.sign_in_page)
        )
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
        self.review_layout = QVBoxLayout()
        self.review_layout.setContentsMargins(0, 0, 0, 0)
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
        self.password_edit.setVisible(confirm_password)
        self.message = error_banner(self.review_page)
        self.sign_button = QPushButton(self.tr("Sign"), self.review_page)
        self.sign_button.setObjectName("sign")
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
        second.addLayout(self.review_layout, 1)
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

    # -- the approver --------------------------------------------------------------------

    def _forget_signer(self, _result: int = 0) -> None:
        self.signer = None
        self._password = ""
        self.sign_in_form.password_edit.clear()
        self.password_edit.clear()

    def _on_signed_in(self, principal: Principal) -> None:
        typed = (
            self.sign_in_form.take_password()
            if isinstance(self.sign_in_form, KeepingSignInForm)
            else ""
        )
        if self._viewer is not None and principal.staff_id == self._viewer.staff_id:
            # Not an error of the service: the sign-off must come from somebody else.
            self.sign_in_form.message.setText(
                self.tr("Please let the approver sign in; you are signed in already.")
            )
            self.sign_in_form.message.show()
            return
        self.signer = principal
        self._password = typed
        self.message.hide()
        self.show_review()

    def back_to_sign_in(self, text: str = "") -> None:
        """Forget the approver and show the sign-in again (with ``text`` above it)."""
        self._forget_signer()
        self.pages.setCurrentWidget(self.sign_in_page)
        if text:
            self.sign_in_form.message.setText(text)
            self.sign_in_form.message.show()
        self.sign_in_form.focus_first_empty()

    def show_review(self) -> None:
        """Fill page 2 for ``signer`` and show it (subclasses)."""
        raise NotImplementedError

    def sign(self) -> None:
        """Record the decision in the signer's name (subclasses)."""
        raise NotImplementedError

    def decision(self) -> Decision:
        """The decision chosen."""
        return Decision.RETURN if self.return_button.isChecked() else Decision.AGREE

    def take_signing_password(self) -> str:
        """The password that signs: typed again now, or the one of the sign-in."""
        if self._confirm_password:
            password = self.password_edit.text()
            self.password_edit.clear()  # used for this one signature, never kept
            return password
        return self._password

    def _fail(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt API
        """Hidden (closed, or the screen locked): a held password is dropped at once."""
        if not self._confirm_password and self.signer is not None:
            self.back_to_sign_in()
        super().hideEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        """Enter and Return never press a button here (the sign-in form handles its own)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)


class ApprovalSignDialog(SignOverSessionDialog):
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
        super().__init__(auth, viewer, parent, confirm_password=True)
        self.setWindowTitle(self.tr("Leader's sign-off"))
        self._accounts = accounts
        self._clerk = viewer
        self.record = record
        self.step: ApprovalStepRecord | None = None
        self.steps: list[ApprovalStepRecord] = []

        self.content_box = QGroupBox(self.tr("The application"), self.review_page)
        self.content_form = QFormLayout(self.content_box)
        self.digest_label = _value(self.review_page, "")
        self.digest_label.setObjectName("digest")
        self.digest_label.setStyleSheet("color: #555; font-family: monospace;")
        self.earlier_label = _value(self.review_page, "")
        self.earlier_label.setObjectName("earlier")
        self.review_layout.addWidget(self.content_box)
        self.review_layout.addWidget(self.digest_label)
        self.review_layout.addWidget(self.earlier_label)
        self._load_steps()

    # -- state ---------------------------------------------------------------------------

    def _load_steps(self) -> None:
        try:
            self.steps = self._accounts.approval_steps(self._clerk, self.record.id)
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
                clerk=self._clerk.name,
            )
        )
        self.sign_in_form.set_heading(self.tr("Approver: please sign in"))

    def show_review(self) -> None:
        """The application as it stands, its digest and the steps signed so far."""
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
                        f"{office_time(s.signed_at)}"
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

    def sign(self) -> None:
        """Record the decision in the signer's name."""
        if self.signer is None or self.step is None:
            return
        password = self.take_signing_password()
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
                    self.show_review()
                    self._fail(error_text(exc))
            return
        except DeskError as exc:
            self._fail(error_text(exc))
            return
        self.accept()
        self.signed.emit(saved)
