"""The account registry and the rogue-account register.

Platforms, accounts and their lifecycle, the opening approval, filings (备案) and the
checks of the "问题" list. Every change is one transaction with its audit entries; a change
of state also writes an ``AccountEvent`` (the account's history, never edited).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from newmedia_desk.domain.accounts import (
    DECISION_LABELS,
    DEFAULT_OPENING_STEPS,
    DEFAULT_RESERVED_WORDS,
    FILING_KINDS,
    MAX_TEXT,
    AccountDraft,
    AccountEventRecord,
    AccountRecord,
    AccountStatus,
    ApprovalStepRecord,
    ApprovalStepSpec,
    Decision,
    EventKind,
    FilingState,
    Finding,
    ImportRejectedError,
    PlatformRecord,
    RogueActionKind,
    RogueDraft,
    RogueRecord,
    RogueStatus,
    account_findings,
    check_closable,
    check_signer,
    check_transition,
    content_sha256,
    field_findings,
    filing_state,
    sibling_findings,
    steps_from_json,
    steps_to_json,
    validate_account,
    validate_platform_name,
    validate_reason,
    validate_reference,
    validate_reserved_words,
    validate_rogue,
    validate_steps,
)
from newmedia_desk.domain.clock import Clock
from newmedia_desk.domain.errors import NotFoundError, SignInFailedError, ValidationError
from newmedia_desk.domain.forms import AccountOpeningForm, Opinion, audit_line
from newmedia_desk.domain.roles import Permission, Role
from newmedia_desk.domain.settings import FILING_WORKING_DAYS
from newmedia_desk.domain.staff import Principal
from newmedia_desk.domain.working_days import office_date
from newmedia_desk.security.personal_keys import PersonalKeyError
from newmedia_desk.services.audit import Actor, AuditService
from newmedia_desk.services.common import check_version, require
from newmedia_desk.services.keys import KeyService
from newmedia_desk.services.settings import OfficeSettingsService
from newmedia_desk.storage.database import Database
from newmedia_desk.storage.models import (
    Account,
    AccountApprovalStep,
    AccountEvent,
    AccountFiling,
    OfficeSetting,
    Platform,
    RogueAccount,
    RogueAction,
    Staff,
)
from newmedia_desk.storage.repositories import (
    AccountRepository,
    PlatformRepository,
    RogueRepository,
    SettingsRepository,
    StaffRepository,
    UnitRepository,
    account_record,
    event_record,
    platform_record,
    rogue_record,
    step_record,
)

OPENING_STEPS_KEY = "account_opening_steps"
"""Office setting (JSON list) with the opinion steps of the opening approval."""

RESERVED_WORDS_KEY = "account_reserved_words"
"""Office setting (JSON list of strings) with the reserved nickname words."""

PEOPLE_FIELDS = ("administrator_id", "responsible_id")
"""A change of these is a 变更: the form is re-filed (000 § 篇3 art.4)."""

_DRAFT_FIELDS = (
    "platform_id",
    "name",
    "unit_id",
    "administrator_id",
    "responsible_id",
    "handle",
    "url",
    "purpose",
    "scope",
    "other_media",
    "bio",
    "verification",
    "email",
    "phone",
    "parent_id",
    "cadence_text",
    "reserved_word_note",
    "second_account_reason",
)

Who = Principal | Actor


def _actor_name(actor: Who) -> str:
    return actor.name


def _actor_id(actor: Who) -> int | None:
    return actor.staff_id if isinstance(actor, Principal) else actor.id


def _snapshot(row: Account) -> dict[str, Any]:
    values: dict[str, Any] = {f: getattr(row, f) for f in _DRAFT_FIELDS}
    values["status"] = row.status
    return values


def _person(row: Staff, *, qq: bool) -> dict[str, str]:
    person = {"name": row.name, "position": row.position, "phone": row.phone}
    if qq:
        person["qq"] = row.qq
    return person


def application_fields(row: Account) -> dict[str, Any]:
    """The fields of the opening form, as the approvers see them (what their digest covers).

    The administrator's and responsible person's position, phone and QQ come from the
    directory, because the form prints them.
    """
    return {
        "unit": row.unit.name,
        "platform": row.platform.name,
        "name": row.name,
        "handle": row.handle,
        "other_media": row.other_media,
        "purpose": row.purpose,
        "scope": row.scope,
        "administrator": _person(row.administrator, qq=True),
        "responsible": _person(row.responsible, qq=False),
    }


@dataclass(frozen=True, slots=True)
class SignatureReport:
    """What checking the approval signatures found."""

    checked: int
    unsigned: int
    """Steps signed without a key signature (imported, or signed before keys existed)."""
    bad: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """Whether no signature failed."""
        return not self.bad


def step_payload(account_id: int, step: AccountApprovalStep, signer_id: int) -> bytes:
    """The exact bytes a signer's key signs for one approval step."""
    assert step.signed_at is not None
    body = {
        "account_id": account_id,
        "round": step.round,
        "step": step.key,
        "decision": step.decision,
        "opinion": step.opinion,
        "content_sha256": step.content_sha256,
        "signer_id": signer_id,
        "signed_at": step.signed_at.astimezone(UTC).isoformat(),
    }
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


class AccountService:
    """Read and change the account registry, with permissions and the audit trail.

    Who may do what: everybody signed in reads; clerks register and edit the accounts of
    their own unit and the units below it; administrators do everything, and alone manage
    platforms, the approval steps and the reserved words. Leaders read and sign the
    opening approval steps their role is named in.
    """

    def __init__(
        self,
        db: Database,
        audit: AuditService,
        clock: Clock,
        settings: OfficeSettingsService,
        keys: KeyService | None = None,
    ) -> None:
        self._db = db
        self._audit = audit
        self._clock = clock
        self._settings = settings
        self._keys = keys

    # -- platforms -----------------------------------------------------------------------

    def list_platforms(
        self, actor: Principal | None, *, include_inactive: bool = True
    ) -> list[PlatformRecord]:
        """The platforms in display order (``actor`` ``None``: read-only command line)."""
        self._may_view(actor)
        with self._db.read() as s:
            return [
                platform_record(p)
                for p in PlatformRepository(s).all()
                if include_inactive or p.active
            ]

    def add_platform(self, actor: Principal, name: str) -> PlatformRecord:
        """Add a platform at the end of the list (administrators)."""
        require(actor, Permission.MANAGE_PLATFORMS)
        clean = validate_platform_name(name)
        with self._db.write() as s:
            repo = PlatformRepository(s)
            if repo.by_name(clean) is not None:
                raise ValidationError("a platform of that name exists", field="name")
            row = Platform(name=clean, active=True, sort_order=len(repo.all()))
            s.add(row)
            self._flush_unique(s, "a platform of that name exists")
            self._audit.append(
                s, actor, "platform_created", "platform", row.id, after={"name": clean}
            )
            return platform_record(row)

    def update_platform(
        self,
        actor: Principal,
        platform_id: int,
        *,
        name: str,
        active: bool,
        expected_version: int,
    ) -> PlatformRecord:
        """Rename or (de)activate a platform; accounts keep theirs (administrators)."""
        require(actor, Permission.MANAGE_PLATFORMS)
        clean = validate_platform_name(name)
        with self._db.write() as s:
            repo = PlatformRepository(s)
            row = repo.get(platform_id)
            if row is None:
                raise NotFoundError("platform not found")
            check_version("platform", row.version, expected_version)
            other = repo.by_name(clean)
            if other is not None and other.id != row.id:
                raise ValidationError("a platform of that name exists", field="name")
            before = {"name": row.name, "active": row.active}
            after = {"name": clean, "active": active}
            if before == after:
                return platform_record(row)
            row.name, row.active = clean, active
            self._flush_unique(s, "a platform of that name exists")
            self._audit.append(
                s, actor, "platform_updated", "platform", row.id, before=before, after=after
            )
            return platform_record(row)

    # -- office settings of the registry -------------------------------------------------

    def opening_steps(self) -> tuple[ApprovalStepSpec, ...]:
        """The configured opinion steps of the opening approval (defaults when unset)."""
        with self._db.read() as s:
            return self._opening_steps(s)

    def set_opening_steps(
        self, actor: Principal, steps: Sequence[ApprovalStepSpec]
    ) -> tuple[ApprovalStepSpec, ...]:
        """Configure the opening approval's steps (administrators); running rounds keep theirs."""
        require(actor, Permission.MANAGE_SETTINGS)
        clean = validate_steps(steps)
        with self._db.write() as s:
            before = self._opening_steps(s)
            self._put_setting(s, OPENING_STEPS_KEY, steps_to_json(clean))
            self._audit.append(
                s,
                actor,
                "opening_steps_changed",
                "setting",
                OPENING_STEPS_KEY,
                before={"steps": json.loads(steps_to_json(before))},
                after={"steps": json.loads(steps_to_json(clean))},
            )
        return clean

    def reserved_words(self) -> tuple[str, ...]:
        """Words a name may use only with a recorded approval (defaults when unset)."""
        with self._db.read() as s:
            return self._reserved_words(s)

    def set_reserved_words(self, actor: Principal, words: Iterable[str]) -> tuple[str, ...]:
        """Replace the list of reserved nickname words (administrators)."""
        require(actor, Permission.MANAGE_SETTINGS)
        clean = validate_reserved_words(words)
        with self._db.write() as s:
            before = self._reserved_words(s)
            self._put_setting(s, RESERVED_WORDS_KEY, json.dumps(list(clean), ensure_ascii=False))
            self._audit.append(
                s,
                actor,
                "reserved_words_changed",
                "setting",
                RESERVED_WORDS_KEY,
                before={"words": list(before)},
                after={"words": list(clean)},
            )
        return clean

    @staticmethod
    def _put_setting(s: Session, key: str, value: str) -> None:
        row = SettingsRepository(s).get(key)
        if row is None:
            s.add(OfficeSetting(key=key, value=value))
        else:
            row.value = value

    @staticmethod
    def _opening_steps(s: Session) -> tuple[ApprovalStepSpec, ...]:
        row = SettingsRepository(s).get(OPENING_STEPS_KEY)
        if row is None:
            return DEFAULT_OPENING_STEPS
        try:
            return steps_from_json(row.value)
        except ValidationError:
            return DEFAULT_OPENING_STEPS

    @staticmethod
    def _reserved_words(s: Session) -> tuple[str, ...]:
        row = SettingsRepository(s).get(RESERVED_WORDS_KEY)
        if row is None:
            return DEFAULT_RESERVED_WORDS
        try:
            data = json.loads(row.value)
            return validate_reserved_words(str(w) for w in data)
        except (ValueError, TypeError, ValidationError):
            return DEFAULT_RESERVED_WORDS

    # -- reading accounts ----------------------------------------------------------------

    def list_accounts(self, actor: Principal | None) -> list[AccountRecord]:
        """Every account, closed ones included, oldest first."""
        self._may_view(actor)
        with self._db.read() as s:
            repo = AccountRepository(s)
            names = repo.names()
            return [account_record(r, names.get(r.parent_id or 0, "")) for r in repo.all()]

    def get_account(self, actor: Principal | None, account_id: int) -> AccountRecord:
        """One account."""
        self._may_view(actor)
        with self._db.read() as s:
            return self._record(s, self._row(s, account_id))

    def find_account(self, actor: Principal | None, name_or_id: str) -> AccountRecord:
        """The account with this id, or the one account with this name.

        A name shared by accounts on several platforms is refused with their ids.
        """
        text = name_or_id.strip()
        if text.isdigit():
            return self.get_account(actor, int(text))
        matches = [a for a in self.list_accounts(actor) if a.name == text]
        if not matches:
            raise NotFoundError(f"no account called {text}")
        if len(matches) > 1:
            ids = ", ".join(f"{a.id} ({a.platform_name})" for a in matches)
            raise ValidationError(
                f"several accounts are called {text}: give the id ({ids})", field="account"
            )
        return matches[0]

    def history(self, actor: Principal | None, account_id: int) -> list[AccountEventRecord]:
        """The account's history, oldest first."""
        self._may_view(actor)
        with self._db.read() as s:
            self._row(s, account_id)
            return [event_record(e) for e in AccountRepository(s).events(account_id)]

    def approval_steps(
        self, actor: Principal | None, account_id: int, round_no: int | None = None
    ) -> list[ApprovalStepRecord]:
        """The opinion steps of one approval round (default: the current one)."""
        self._may_view(actor)
        with self._db.read() as s:
            row = self._row(s, account_id)
            wanted = row.approval_round if round_no is None else round_no
            return [step_record(r) for r in AccountRepository(s).steps(account_id, wanted)]

    def content_digest(self, actor: Principal | None, account_id: int) -> str:
        """The SHA-256 of the application's current form fields (what a signer sees)."""
        self._may_view(actor)
        with self._db.read() as s:
            return content_sha256(application_fields(self._row(s, account_id)))

    # -- creating and editing ------------------------------------------------------------

    def create_application(self, actor: Who, draft: AccountDraft) -> AccountRecord:
        """Register a new account as a draft application (申请)."""
        clean = validate_account(draft)
        self._may_manage(actor, clean.unit_id)
        with self._db.write() as s:
            self._check_refs(s, clean, None)
            now = self._clock.now()
            row = Account(
                **{f: getattr(clean, f) for f in _DRAFT_FIELDS},
                status=AccountStatus.APPLIED.value,
                created_at=now,
                updated_at=now,
            )
            row.verification = clean.verification.value
            s.add(row)
            s.flush()
            self._event(s, row, actor, EventKind.APPLIED)
            self._audit.append(s, actor, "account_applied", "account", row.id, after=_snapshot(row))
            return self._record(s, row)

    def update_account(
        self,
        actor: Who,
        account_id: int,
        draft: AccountDraft,
        expected_version: int,
        *,
        reason: str = "",
    ) -> AccountRecord:
        """Change an account's details.

        On an open or suspended account a new administrator or responsible person is a
        变更 (an event that must be filed). While the application is in approval, any
        change of the form's content voids the signatures given so far: a new round of
        every step begins, because the earlier approvers signed other content.
        """
        clean = validate_account(draft)
        note = validate_reason(reason, required=False)
        with self._db.write() as s:
            row = self._row(s, account_id)
            self._may_manage(actor, row.unit_id)
            self._may_manage(actor, clean.unit_id)
            check_version("account", row.version, expected_version)
            if row.status == AccountStatus.CLOSED.value:
                raise ValidationError("a closed account cannot be changed", field="status")
            self._check_refs(s, clean, row)
            before = _snapshot(row)
            old_digest = content_sha256(application_fields(row))
            for f in _DRAFT_FIELDS:
                setattr(row, f, getattr(clean, f))
            row.verification = clean.verification.value
            after = _snapshot(row)
            if after == before:
                return self._record(s, row)
            changed = sorted(k for k in after if after[k] != before[k])
            row.updated_at = self._clock.now()
            s.flush()
            s.refresh(row)
            status = AccountStatus(row.status)
            people = [f for f in PEOPLE_FIELDS if f in changed]
            if people and status in (AccountStatus.OPEN, AccountStatus.SUSPENDED):
                details = {
                    f: {"from": before[f], "to": after[f]} for f in people
                } | self._people_names(s, before, after, people)
                self._event(s, row, actor, EventKind.CHANGED, note, details)
                action = "account_changed"
            else:
                self._event(s, row, actor, EventKind.EDITED, note, {"fields": changed})
                action = "account_updated"
            self._audit.append(
                s,
                actor,
                action,
                "account",
                row.id,
                before={k: before[k] for k in changed},
                after={k: after[k] for k in changed},
            )
            if status is AccountStatus.SUBMITTED:
                new_digest = content_sha256(application_fields(row))
                if new_digest != old_digest:
                    self._start_round(s, row, actor, EventKind.ROUND_RESTARTED, new_digest)
            return self._record(s, row)

    @staticmethod
    def _people_names(
        s: Session, before: Mapping[str, Any], after: Mapping[str, Any], fields: list[str]
    ) -> dict[str, Any]:
        staff = StaffRepository(s)
        names: dict[str, Any] = {}
        for f in fields:
            old, new = staff.get(before[f]), staff.get(after[f])
            names[f.removesuffix("_id") + "_name"] = {
                "from": old.name if old else "",
                "to": new.name if new else "",
            }
        return names

    def _check_refs(self, s: Session, draft: AccountDraft, row: Account | None) -> None:
        """Check the records a draft refers to exist and may be used."""
        platform = PlatformRepository(s).get(draft.platform_id)
        if platform is None:
            raise ValidationError("platform does not exist", field="platform_id")
        if not platform.active and (row is None or row.platform_id != draft.platform_id):
            raise ValidationError("this platform is no longer in use", field="platform_id")
        unit = UnitRepository(s).get(draft.unit_id)
        if unit is None:
            raise ValidationError("unit does not exist", field="unit_id")
        if not unit.active and (row is None or row.unit_id != draft.unit_id):
            raise ValidationError("this unit is no longer active", field="unit_id")
        staff = StaffRepository(s)
        for f in PEOPLE_FIELDS:
            person_id = getattr(draft, f)
            person = staff.get(person_id)
            if person is None:
                raise ValidationError("staff member does not exist", field=f)
            unchanged = row is not None and getattr(row, f) == person_id
            if person.left_at is not None and not unchanged:
                raise ValidationError("this person has left", field=f)
        own_id = None if row is None else row.id
        accounts = AccountRepository(s)
        if draft.parent_id is not None:
            parent = accounts.get(draft.parent_id)
            if parent is None:
                raise ValidationError("parent account does not exist", field="parent_id")
            parents = accounts.parent_map()
            current: int | None = draft.parent_id
            seen: set[int] = set()
            while current is not None and current not in seen:
                if current == own_id:
                    raise ValidationError(
                        "an account cannot be placed below itself", field="parent_id"
                    )
                seen.add(current)
                current = parents.get(current)
            changed = row is None or row.parent_id != draft.parent_id
            if changed and parent.status == AccountStatus.CLOSED.value:
                raise ValidationError("the parent account is closed", field="parent_id")
        for other in accounts.all():
            if other.id == own_id or other.status == AccountStatus.CLOSED.value:
                continue
            if other.platform_id != draft.platform_id:
                continue
            if other.name == draft.name:
                raise ValidationError(
                    "another account on this platform has this name", field="name"
                )
            if draft.handle and other.handle == draft.handle:
                raise ValidationError(
                    "another account on this platform has this ID", field="handle"
                )

    # -- the lifecycle -------------------------------------------------------------------

    def submit(self, actor: Who, account_id: int, expected_version: int) -> AccountRecord:
        """Send the application for approval (审批中); the submitter signs no step."""
        with self._db.write() as s:
            row = self._row(s, account_id)
            self._may_manage(actor, row.unit_id)
            check_version("account", row.version, expected_version)
            check_transition(AccountStatus(row.status), AccountStatus.SUBMITTED)
            row.status = AccountStatus.SUBMITTED.value
            row.applicant_id = _actor_id(actor)
            digest = content_sha256(application_fields(row))
            self._start_round(s, row, actor, EventKind.SUBMITTED, digest)
            self._audit.append(
                s,
                actor,
                "account_submitted",
                "account",
                row.id,
                after={"round": row.approval_round, "content_sha256": digest},
            )
            return self._record(s, row)

    def _start_round(
        self, s: Session, row: Account, actor: Who, kind: EventKind, digest: str
    ) -> None:
        steps = self._opening_steps(s)
        row.approval_round += 1
        row.round_sha256 = digest
        row.updated_at = self._clock.now()
        for position, spec in enumerate(steps, start=1):
            s.add(
                AccountApprovalStep(
                    account_id=row.id,
                    round=row.approval_round,
                    position=position,
                    key=spec.key,
                    title=spec.title,
                    role=spec.role.value,
                    own_unit=spec.own_unit,
                )
            )
        s.flush()
        details = {
            "round": row.approval_round,
            "steps": [spec.key for spec in steps],
            "content_sha256": digest,
        }
        self._event(s, row, actor, kind, "", details)
        if kind is EventKind.ROUND_RESTARTED:
            self._audit.append(
                s, actor, "account_round_restarted", "account", row.id, after=details
            )

    def sign_step(
        self,
        signer: Principal,
        account_id: int,
        step_key: str,
        decision: Decision,
        opinion: str,
        *,
        expected_version: int,
        password: str | None = None,
    ) -> AccountRecord:
        """Record one approver's decision (同意 / 退回) on the next step of the approval.

        With the signer's ``password`` (typed just now on this PC) the decision is also
        signed with the signer's personal key, so that nobody who can merely write to the
        database can forge it; ``newmedia-desk verify`` checks every such signature.

        ``signer`` is the person who has just signed in on this PC. Steps are signed in
        order, each by a holder of its role; nobody signs two steps of one round, and the
        applicant signs none. A return needs an opinion and sends the application back to
        申请. When the last step agrees, the account is open and its opening must be filed.

        If the application's form content (including the people's phone numbers in the
        directory) changed since the round began, the signatures given so far are void:
        a new round is started and saved, and ``ValidationError`` (field ``content``)
        tells the signer to read the application again.
        """
        try:
            wanted = Decision(decision)
        except ValueError as exc:
            raise ValidationError("the decision is 同意 or 退回", field="decision") from exc
        text = opinion.strip()
        if len(text) > MAX_TEXT:
            raise ValidationError("opinion is too long", field="opinion", limit=MAX_TEXT)
        if wanted is Decision.RETURN and not text:
            raise ValidationError("a return needs an opinion", field="opinion")
        restarted = False
        with self._db.write() as s:
            row = self._row(s, account_id)
            check_version("account", row.version, expected_version)
            if row.status != AccountStatus.SUBMITTED.value:
                raise ValidationError(
                    "the application is not in approval", field="status", status=row.status
                )
            person = StaffRepository(s).get(signer.staff_id)
            if person is None or person.left_at is not None:
                raise ValidationError("this person can no longer sign", field="signer")
            digest = content_sha256(application_fields(row))
            if digest != row.round_sha256:
                self._start_round(s, row, Actor.of(None), EventKind.ROUND_RESTARTED, digest)
                restarted = True
            else:
                self._sign(s, row, person, step_key, wanted, text, digest, password)
                return self._record(s, row)
        assert restarted
        raise ValidationError(
            "the application changed since its approval began; the approval starts again",
            field="content",
        )

    def _sign(
        self,
        s: Session,
        row: Account,
        person: Staff,
        step_key: str,
        decision: Decision,
        opinion: str,
        digest: str,
        password: str | None,
    ) -> None:
        rows = AccountRepository(s).steps(row.id, row.approval_round)
        target = next((r for r in rows if r.key == step_key), None)
        if target is None:
            raise ValidationError("no such step in this approval", field="step", step=step_key)
        records = [step_record(r) for r in rows]
        check_signer(
            step=step_record(target),
            round_steps=records,
            signer_id=person.id,
            signer_roles=frozenset(Role(r.role) for r in person.roles),
            signer_unit_scope=UnitRepository(s).subtree(person.unit_id),
            account_unit_id=row.unit_id,
            applicant_id=row.applicant_id,
        )
        now = self._clock.now()
        target.signer_id = person.id
        target.signer_name = person.name
        target.decision = decision.value
        target.opinion = opinion
        target.signed_at = now
        target.content_sha256 = digest
        if password is not None and self._keys is not None:
            payload = step_payload(row.id, target, person.id)
            try:
                target.signature = self._keys.sign(person.id, password, payload)
            except PersonalKeyError as exc:
                raise SignInFailedError("the signer's password is wrong") from exc
        row.updated_at = now
        s.flush()
        who = Actor(person.id, person.login)
        signed = {
            "round": row.approval_round,
            "step": target.key,
            "decision": decision.value,
            "opinion": opinion,
            "content_sha256": digest,
        }
        self._audit.append(s, who, "account_step_signed", "account", row.id, after=signed)
        label = Actor(person.id, person.name)
        if decision is Decision.RETURN:
            check_transition(AccountStatus.SUBMITTED, AccountStatus.APPLIED)
            row.status = AccountStatus.APPLIED.value
            self._event(s, row, label, EventKind.RETURNED, opinion, signed)
            self._audit.append(s, who, "account_returned", "account", row.id, after=signed)
            return
        self._event(s, row, label, EventKind.STEP_AGREED, opinion, signed)
        if all(r.decision == Decision.AGREE.value for r in rows):
            check_transition(AccountStatus.SUBMITTED, AccountStatus.OPEN)
            row.status = AccountStatus.OPEN.value
            row.opened_on = office_date(now)
            self._event(s, row, label, EventKind.OPENED, "", {"round": row.approval_round})
            self._audit.append(
                s,
                who,
                "account_opened",
                "account",
                row.id,
                after={"opened_on": row.opened_on.isoformat()},
            )

    def verify_signatures(self) -> SignatureReport:
        """Check every signed approval step against the signer's personal keys."""
        checked = unsigned = 0
        bad: list[str] = []
        with self._db.read() as s:
            stmt = select(AccountApprovalStep).where(AccountApprovalStep.signer_id.is_not(None))
            steps = list(s.scalars(stmt.order_by(AccountApprovalStep.id)))
            work = [
                (
                    step.account_id,
                    step.round,
                    step.key,
                    step.signer_id,
                    step.signature,
                    step_payload(step.account_id, step, step.signer_id),
                )
                for step in steps
                if step.signer_id is not None and step.signed_at is not None
            ]
        for account_id, round_no, key, signer_id, signature, payload in work:
            if signature is None:
                unsigned += 1
            elif self._keys is not None and self._keys.verify(signer_id, payload, signature):
                checked += 1
            else:
                bad.append(f"account {account_id} round {round_no} step {key}")
        return SignatureReport(checked, unsigned, tuple(bad))

    def suspend(
        self, actor: Who, account_id: int, reason: str, expected_version: int
    ) -> AccountRecord:
        """Suspend an open account (停用); the suspension must be filed."""
        return self._move(
            actor,
            account_id,
            AccountStatus.SUSPENDED,
            EventKind.SUSPENDED,
            reason,
            expected_version,
        )

    def resume(
        self, actor: Who, account_id: int, reason: str, expected_version: int
    ) -> AccountRecord:
        """Put a suspended account back into use."""
        return self._move(
            actor, account_id, AccountStatus.OPEN, EventKind.RESUMED, reason, expected_version
        )

    def _move(
        self,
        actor: Who,
        account_id: int,
        target: AccountStatus,
        kind: EventKind,
        reason: str,
        expected_version: int,
    ) -> AccountRecord:
        why = validate_reason(reason)
        with self._db.write() as s:
            row = self._row(s, account_id)
            self._may_manage(actor, row.unit_id)
            check_version("account", row.version, expected_version)
            current = AccountStatus(row.status)
            check_transition(current, target)
            row.status = target.value
            row.updated_at = self._clock.now()
            s.flush()
            self._event(s, row, actor, kind, why)
            self._audit.append(
                s,
                actor,
                f"account_{kind.value}",
                "account",
                row.id,
                before={"status": current.value},
                after={"status": target.value, "reason": why},
            )
            return self._record(s, row)

    def record_closure_notice(
        self,
        actor: Who,
        account_id: int,
        notice_on: date,
        expected_version: int,
        *,
        note: str = "",
    ) -> AccountRecord:
        """Record the date the public 停更公告 was posted (needed before closing)."""
        text = validate_reason(note, required=False)
        today = office_date(self._clock.now())
        if notice_on > today:
            raise ValidationError("the notice date is in the future", field="closure_notice_on")
        with self._db.write() as s:
            row = self._row(s, account_id)
            self._may_manage(actor, row.unit_id)
            check_version("account", row.version, expected_version)
            if row.status not in (AccountStatus.OPEN.value, AccountStatus.SUSPENDED.value):
                raise ValidationError(
                    "only an open or suspended account gets a 停更公告", field="status"
                )
            if row.opened_on is not None and notice_on < row.opened_on:
                raise ValidationError(
                    "the notice date is before the account was opened", field="closure_notice_on"
                )
            before = None if row.closure_notice_on is None else row.closure_notice_on.isoformat()
            row.closure_notice_on = notice_on
            row.updated_at = self._clock.now()
            s.flush()
            self._event(
                s, row, actor, EventKind.CLOSURE_NOTICE, text, {"notice_on": notice_on.isoformat()}
            )
            self._audit.append(
                s,
                actor,
                "account_closure_notice",
                "account",
                row.id,
                before={"closure_notice_on": before},
                after={"closure_notice_on": notice_on.isoformat()},
            )
            return self._record(s, row)

    def close(
        self, actor: Who, account_id: int, reason: str, expected_version: int
    ) -> AccountRecord:
        """Close the account (注销) today; needs the 停更公告 date first; must be filed."""
        why = validate_reason(reason)
        with self._db.write() as s:
            row = self._row(s, account_id)
            self._may_manage(actor, row.unit_id)
            check_version("account", row.version, expected_version)
            now = self._clock.now()
            today = office_date(now)
            current = AccountStatus(row.status)
            check_closable(current, row.closure_notice_on, today)
            row.status = AccountStatus.CLOSED.value
            row.closed_on = today
            row.updated_at = now
            s.flush()
            self._event(s, row, actor, EventKind.CLOSED, why, {"closed_on": today.isoformat()})
            self._audit.append(
                s,
                actor,
                "account_closed",
                "account",
                row.id,
                before={"status": current.value},
                after={"status": "closed", "closed_on": today.isoformat(), "reason": why},
            )
            return self._record(s, row)

    # -- filings -------------------------------------------------------------------------

    def record_filing(
        self, actor: Who, event_id: int, filed_on: date, reference: str = ""
    ) -> FilingState:
        """Record that an opening, change, suspension or closure was filed (备案) on a day."""
        ref = validate_reference(reference)
        now = self._clock.now()
        if filed_on > office_date(now):
            raise ValidationError("the filing date is in the future", field="filed_on")
        with self._db.write() as s:
            repo = AccountRepository(s)
            event = repo.get_event(event_id)
            if event is None:
                raise NotFoundError("history entry not found")
            if EventKind(event.kind) not in FILING_KINDS:
                raise ValidationError("this history entry needs no filing", field="event_id")
            row = self._row(s, event.account_id)
            self._may_manage(actor, row.unit_id)
            if repo.filing_of(event_id) is not None:
                raise ValidationError("this has been filed already", field="event_id")
            event_on = office_date(event.at)
            if filed_on < event_on:
                raise ValidationError(
                    "the filing date is before the event", field="filed_on", event_on=event_on
                )
            filing = AccountFiling(
                event_id=event_id,
                filed_on=filed_on,
                reference=ref,
                recorded_at=now,
                recorded_by_id=_actor_id(actor),
                recorded_by=_actor_name(actor),
            )
            s.add(filing)
            self._flush_unique(s, "this has been filed already", field="event_id")
            self._audit.append(
                s,
                actor,
                "account_filed",
                "account",
                row.id,
                after={
                    "event_id": event_id,
                    "kind": event.kind,
                    "filed_on": filed_on.isoformat(),
                    "reference": ref,
                },
            )
            days = self._settings.get(FILING_WORKING_DAYS)
            return self._filing_state(event, filing, row.name, days, office_date(now))

    def filings(self, actor: Principal | None, account_id: int | None = None) -> list[FilingState]:
        """The filing state of every opening, change, suspension and closure (or one account's)."""
        self._may_view(actor)
        days = self._settings.get(FILING_WORKING_DAYS)
        today = office_date(self._clock.now())
        with self._db.read() as s:
            return self._all_filings(s, days, today, account_id)

    def _all_filings(
        self, s: Session, days: int, today: date, account_id: int | None = None
    ) -> list[FilingState]:
        repo = AccountRepository(s)
        names = repo.names()
        filed = repo.filings()
        return [
            self._filing_state(e, filed.get(e.id), names.get(e.account_id, ""), days, today)
            for e in repo.events_of_kinds(FILING_KINDS)
            if account_id is None or e.account_id == account_id
        ]

    @staticmethod
    def _filing_state(
        event: AccountEvent, filing: AccountFiling | None, name: str, days: int, today: date
    ) -> FilingState:
        return filing_state(
            event_id=event.id,
            account_id=event.account_id,
            account_name=name,
            kind=EventKind(event.kind),
            event_on=office_date(event.at),
            working_days=days,
            today=today,
            filed_on=None if filing is None else filing.filed_on,
            filed_by="" if filing is None else filing.recorded_by,
            reference="" if filing is None else filing.reference,
        )

    # -- checks --------------------------------------------------------------------------

    def check_draft(
        self, actor: Principal | None, draft: AccountDraft, account_id: int | None = None
    ) -> list[Finding]:
        """The checks of an account being edited (not saved yet), for the editor to show."""
        self._may_view(actor)
        with self._db.read() as s:
            words = self._reserved_words(s)
            repo = AccountRepository(s)
            names = repo.names()
            others = [
                account_record(r, names.get(r.parent_id or 0, ""))
                for r in repo.all()
                if r.id != account_id
            ]
            platform = PlatformRepository(s).get(draft.platform_id)
            platform_name = "" if platform is None else platform.name
            current = None if account_id is None else repo.get(account_id)
            status = AccountStatus.APPLIED if current is None else AccountStatus(current.status)
        found = field_findings(
            name=draft.name,
            bio=draft.bio,
            purpose=draft.purpose,
            reserved_word_note=draft.reserved_word_note,
            reserved_words=words,
        )
        probe = _probe(draft, account_id, platform_name, status, self._clock.now())
        return found + sibling_findings(probe, others)

    def problems(self, actor: Principal | None) -> list[Finding]:
        """The "问题" list: every finding of every account, errors first."""
        self._may_view(actor)
        accounts = self.list_accounts(actor)
        days = self._settings.get(FILING_WORKING_DAYS)
        today = office_date(self._clock.now())
        with self._db.read() as s:
            words = self._reserved_words(s)
            filings = self._all_filings(s, days, today)
        found: list[Finding] = []
        for account in accounts:
            found += account_findings(
                account, others=accounts, reserved_words=words, filings=filings
            )
        order = {"error": 0, "warning": 1, "info": 2}
        return sorted(found, key=lambda f: (order[f.severity.value], f.account_id or 0))

    # -- the opening form ----------------------------------------------------------------

    def opening_form(
        self, account_id: int, *, actor: Principal | None = None
    ) -> AccountOpeningForm:
        """The 开设审批表 of an account, filled from the registry, for printing.

        The opinions are the steps of the latest approval round; an account that never
        went through approval here (imported) gets the configured steps, unsigned.
        """
        self._may_view(actor)
        with self._db.read() as s:
            row = self._row(s, account_id)
            repo = AccountRepository(s)
            opinions: list[Opinion] = []
            for step in repo.steps(row.id, row.approval_round) if row.approval_round else []:
                word = "" if step.decision is None else DECISION_LABELS[Decision(step.decision)]
                if word and step.opinion.startswith(word):
                    word = ""  # "同意开设……" already says it; do not print "同意。同意开设……"
                opinions.append(
                    Opinion(
                        label=step.title,
                        signer=step.signer_name,
                        decision=word,
                        opinion=step.opinion,
                        signed_on=None if step.signed_at is None else office_date(step.signed_at),
                    )
                )
            if not opinions:
                opinions = [
                    Opinion(label=spec.title, signer="", decision="", opinion="", signed_on=None)
                    for spec in self._opening_steps(s)
                ]
            applied = [
                e
                for e in repo.events(row.id)
                if e.kind in (EventKind.SUBMITTED.value, EventKind.APPLIED.value)
            ]
            applied_at = applied[-1].at if applied else row.created_at
            purpose = row.purpose
            if row.scope:
                purpose = f"{purpose}\n信息发布范围：{row.scope}" if purpose else row.scope
            admin, resp = row.administrator, row.responsible
            form = AccountOpeningForm(
                unit=row.unit.name,
                applied_on=office_date(applied_at),
                platform=row.platform.name,
                account_name=row.name,
                account_id=row.handle,
                other_media=row.other_media,
                purpose=purpose,
                administrator_name=admin.name,
                administrator_position=admin.position,
                administrator_phone=admin.phone,
                administrator_qq=admin.qq,
                responsible_name=resp.name,
                responsible_position=resp.position,
                responsible_phone=resp.phone,
                opinions=tuple(opinions),
                audit_head="",
                printed_at=self._clock.now(),
            )
        return _with_audit_head(form, audit_line(self._audit.head()))

    # -- import --------------------------------------------------------------------------

    def import_ledger(self, actor: Principal, path: Path) -> list[AccountRecord]:
        """Import an Excel account ledger: all rows or none.

        Every row is checked first; any problem raises ``ImportRejectedError`` with the
        full list (row, column, message) and nothing is written. Imported accounts are
        open (已开通) with an "imported" history entry.
        """
        from newmedia_desk.services.account_import import read_ledger, resolve_rows

        require(actor, Permission.VIEW_ACCOUNTS)
        rows, errors = read_ledger(path)
        with self._db.write() as s:
            drafts, more = resolve_rows(s, actor, rows)
            errors += more
            if errors:
                raise ImportRejectedError(sorted(errors, key=lambda e: (e.row, e.column)))
            records: list[AccountRecord] = []
            for line, draft in drafts:
                source = {"file": path.name, "row": line}
                records.append(self._insert_existing(s, actor, draft, "", source))
            return records

    def register_existing(self, actor: Who, draft: AccountDraft, note: str) -> AccountRecord:
        """Register an account that was opened before the registry existed (已开通).

        ``note`` says where its approval is documented; the history shows it as taken over.
        """
        clean = validate_account(draft)
        text = validate_reason(note)
        self._may_manage(actor, clean.unit_id)
        with self._db.write() as s:
            return self._insert_existing(s, actor, clean, text, {"source": "registered"})

    def _insert_existing(
        self, s: Session, actor: Who, draft: AccountDraft, note: str, source: Mapping[str, Any]
    ) -> AccountRecord:
        self._check_refs(s, draft, None)
        now = self._clock.now()
        row = Account(
            **{f: getattr(draft, f) for f in _DRAFT_FIELDS},
            status=AccountStatus.OPEN.value,
            created_at=now,
            updated_at=now,
        )
        row.verification = draft.verification.value
        s.add(row)
        s.flush()
        self._event(s, row, actor, EventKind.IMPORTED, note, source)
        self._audit.append(
            s, actor, "account_imported", "account", row.id, after=_snapshot(row) | dict(source)
        )
        return self._record(s, row)

    # -- helpers -------------------------------------------------------------------------

    @staticmethod
    def _may_view(actor: Principal | None) -> None:
        if actor is not None:
            require(actor, Permission.VIEW_ACCOUNTS)

    @staticmethod
    def _may_manage(actor: Who, unit_id: int) -> None:
        # An ``Actor`` is the program itself (demo data); people are always checked.
        if isinstance(actor, Principal):
            require(actor, Permission.MANAGE_ACCOUNTS, unit_id)

    @staticmethod
    def _row(s: Session, account_id: int) -> Account:
        row = AccountRepository(s).get(account_id)
        if row is None:
            raise NotFoundError("account not found")
        return row

    @staticmethod
    def _record(s: Session, row: Account) -> AccountRecord:
        s.flush()
        s.refresh(row)
        parent = AccountRepository(s).get(row.parent_id) if row.parent_id else None
        return account_record(row, "" if parent is None else parent.name)

    def _event(
        self,
        s: Session,
        row: Account,
        actor: Who,
        kind: EventKind,
        reason: str = "",
        details: Mapping[str, Any] | None = None,
    ) -> AccountEvent:
        event = AccountEvent(
            account_id=row.id,
            kind=kind.value,
            at=self._clock.now(),
            actor_id=_actor_id(actor),
            actor=_actor_name(actor),
            reason=reason,
            details=json.dumps(details or {}, ensure_ascii=False, default=str),
        )
        s.add(event)
        s.flush()
        return event

    @staticmethod
    def _flush_unique(s: Session, message: str, *, field: str = "name") -> None:
        try:
            s.flush()
        except IntegrityError as exc:
            raise ValidationError(message, field=field) from exc


def _probe(
    draft: AccountDraft,
    account_id: int | None,
    platform_name: str,
    status: AccountStatus,
    now: datetime,
) -> AccountRecord:
    """An unsaved account as a record, so the sibling checks can look at it."""
    return AccountRecord(
        id=account_id if account_id is not None else 2**62,
        platform_id=draft.platform_id,
        platform_name=platform_name,
        name=draft.name.strip(),
        handle=draft.handle,
        url=draft.url,
        unit_id=draft.unit_id,
        unit_name="",
        administrator_id=draft.administrator_id,
        administrator_name="",
        responsible_id=draft.responsible_id,
        responsible_name="",
        purpose=draft.purpose,
        scope=draft.scope,
        other_media=draft.other_media,
        bio=draft.bio,
        verification=draft.verification,
        email=draft.email,
        phone=draft.phone,
        parent_id=draft.parent_id,
        parent_name="",
        status=status,
        cadence_text=draft.cadence_text,
        reserved_word_note=draft.reserved_word_note,
        second_account_reason=draft.second_account_reason,
        applicant_id=None,
        approval_round=0,
        opened_on=None,
        closure_notice_on=None,
        closed_on=None,
        created_at=now,
        version=0,
    )


def _with_audit_head(form: AccountOpeningForm, head: str) -> AccountOpeningForm:
    return replace(form, audit_head=head)


class RogueService:
    """The register of rogue accounts (违规账号) and what was done about each."""

    def __init__(self, db: Database, audit: AuditService, clock: Clock) -> None:
        self._db = db
        self._audit = audit
        self._clock = clock

    def list_rogues(self, actor: Principal | None) -> list[RogueRecord]:
        """Every entry, newest find first."""
        if actor is not None:
            require(actor, Permission.VIEW_ACCOUNTS)
        with self._db.read() as s:
            return [rogue_record(r) for r in RogueRepository(s).all()]

    def get_rogue(self, actor: Principal | None, rogue_id: int) -> RogueRecord:
        """One entry with its actions."""
        if actor is not None:
            require(actor, Permission.VIEW_ACCOUNTS)
        with self._db.read() as s:
            return rogue_record(self._row(s, rogue_id))

    def register(self, actor: Who, draft: RogueDraft) -> RogueRecord:
        """Record a rogue account as found (status open)."""
        if isinstance(actor, Principal):
            require(actor, Permission.MANAGE_ROGUES)
        clean = validate_rogue(draft, self._clock.now())
        with self._db.write() as s:
            if PlatformRepository(s).get(clean.platform_id) is None:
                raise ValidationError("platform does not exist", field="platform_id")
            row = RogueAccount(
                platform_id=clean.platform_id,
                name=clean.name,
                url=clean.url,
                where_found=clean.where_found,
                found_at=clean.found_at,
                found_by_id=_actor_id(actor),
                notes=clean.notes,
                status=RogueStatus.OPEN.value,
                created_at=self._clock.now(),
            )
            s.add(row)
            s.flush()
            self._audit.append(
                s, actor, "rogue_registered", "rogue_account", row.id, after=_rogue_snapshot(row)
            )
            s.refresh(row)
            return rogue_record(row)

    def update(
        self, actor: Who, rogue_id: int, draft: RogueDraft, expected_version: int
    ) -> RogueRecord:
        """Correct the details of an entry."""
        if isinstance(actor, Principal):
            require(actor, Permission.MANAGE_ROGUES)
        clean = validate_rogue(draft, self._clock.now())
        with self._db.write() as s:
            row = self._row(s, rogue_id)
            check_version("rogue account", row.version, expected_version)
            if PlatformRepository(s).get(clean.platform_id) is None:
                raise ValidationError("platform does not exist", field="platform_id")
            before = _rogue_snapshot(row)
            row.platform_id, row.name, row.url = clean.platform_id, clean.name, clean.url
            row.where_found, row.found_at, row.notes = (
                clean.where_found,
                clean.found_at,
                clean.notes,
            )
            after = _rogue_snapshot(row)
            if after != before:
                s.flush()
                self._audit.append(
                    s, actor, "rogue_updated", "rogue_account", row.id, before=before, after=after
                )
            s.flush()
            s.refresh(row)
            return rogue_record(row)

    def add_action(
        self,
        actor: Who,
        rogue_id: int,
        kind: RogueActionKind,
        taken_on: date,
        note: str,
        expected_version: int,
    ) -> RogueRecord:
        """Record what was done (通知技术科, 平台举报 …); 已关闭 closes the entry."""
        if isinstance(actor, Principal):
            require(actor, Permission.MANAGE_ROGUES)
        try:
            action = RogueActionKind(kind)
        except ValueError as exc:
            raise ValidationError("unknown action", field="kind") from exc
        text = validate_reason(note, required=action is RogueActionKind.OTHER)
        now = self._clock.now()
        if taken_on > office_date(now):
            raise ValidationError("the date is in the future", field="taken_on")
        with self._db.write() as s:
            row = self._row(s, rogue_id)
            check_version("rogue account", row.version, expected_version)
            if row.status == RogueStatus.CLOSED.value:
                raise ValidationError("this entry is closed", field="status")
            if taken_on < office_date(row.found_at):
                raise ValidationError("the date is before the account was found", field="taken_on")
            s.add(
                RogueAction(
                    rogue_id=row.id,
                    kind=action.value,
                    taken_on=taken_on,
                    note=text,
                    actor_id=_actor_id(actor),
                    actor=_actor_name(actor),
                    recorded_at=now,
                )
            )
            if action is RogueActionKind.CLOSED:
                row.status = RogueStatus.CLOSED.value
            else:
                # The entry's version moves with every action, so two editors cannot clash.
                flag_modified(row, "notes")
            s.flush()
            self._audit.append(
                s,
                actor,
                "rogue_action_added",
                "rogue_account",
                row.id,
                after={
                    "kind": action.value,
                    "taken_on": taken_on.isoformat(),
                    "note": text,
                    "status": row.status,
                },
            )
            s.refresh(row)
            return rogue_record(row)

    @staticmethod
    def _row(s: Session, rogue_id: int) -> RogueAccount:
        row = RogueRepository(s).get(rogue_id)
        if row is None:
            raise NotFoundError("rogue account not found")
        return row


def _rogue_snapshot(row: RogueAccount) -> dict[str, Any]:
    return {
        "platform_id": row.platform_id,
        "name": row.name,
        "url": row.url,
        "where_found": row.where_found,
        "found_at": row.found_at.isoformat(),
        "notes": row.notes,
        "status": row.status,
    }
