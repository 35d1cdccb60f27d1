"""Sign-in, the failed sign-in throttle, and passwords."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from newmedia_desk.context import AppContext, build_context
from newmedia_desk.domain.clock import FixedClock
from newmedia_desk.domain.errors import (
    ConflictError,
    DeskError,
    PermissionDeniedError,
    SignInFailedError,
    SignInThrottledError,
    ValidationError,
)
from newmedia_desk.domain.passwords import FREE_ATTEMPTS
from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.staff import Principal
from newmedia_desk.security.passwords import HashParameters, PasswordHashing
from newmedia_desk.security.secrets import MemorySecretStore
from newmedia_desk.storage.repositories import StaffRepository, ThrottleRepository
from tests.conftest import ADMIN_PASSWORD, STAFF_PASSWORD, make_staff

pytestmark = pytest.mark.all_backends

ContextFactory = Callable[..., AppContext]


@pytest.fixture
def reopen(
    db_url: str,
    memory_secrets: MemorySecretStore,
    fixed_clock: FixedClock,
    fast_hashing: PasswordHashing,
    data_dir: Path,
) -> Iterator[ContextFactory]:
    """Start the program again on the same database (same PC, same keyring)."""
    opened: list[AppContext] = []

    def open_again(hashing: PasswordHashing = fast_hashing) -> AppContext:
        context = build_context(
            db_url, secrets=memory_secrets, clock=fixed_clock, hashing=hashing, data_dir=data_dir
        )
        opened.append(context)
        return context

    yield open_again
    for context in opened:
        context.close()


class VerifySpy:
    """Counts calls of ``PasswordHashing.verify`` (``burn`` goes through it too)."""

    def __init__(self, hashing: PasswordHashing, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        real = hashing.verify

        def spy(stored: str, password: str) -> bool:
            self.calls += 1
            return real(stored, password)

        monkeypatch.setattr(hashing, "verify", spy)


def fail_sign_in(ctx: AppContext, login: str, times: int) -> None:
    for _ in range(times):
        with pytest.raises(SignInFailedError):
            ctx.auth.sign_in(login, "wrong-password")


def stored_hash(ctx: AppContext, login: str) -> str:
    with ctx.db.read() as s:
        row = StaffRepository(s).by_login(login)
        assert row is not None and row.password_hash is not None
        return row.password_hash


def failures(ctx: AppContext, login: str) -> int:
    with ctx.db.read() as s:
        row = ThrottleRepository(s).get(login)
        return 0 if row is None else row.failures


def test_sign_in_returns_the_principal(ctx: AppContext, admin: Principal) -> None:
    again = ctx.auth.sign_in("  ADMIN ", ADMIN_PASSWORD)  # login is normalised
    assert again == admin
    assert again.roles == {Role.ADMIN}
    assert again.unit_scope == {admin.unit_id}
    entry = ctx.audit.recent(1)[0]
    assert (entry.action, entry.actor, entry.entity_id) == ("sign_in", "admin", str(admin.staff_id))


def test_wrong_password_and_unknown_user_look_the_same(ctx: AppContext, admin: Principal) -> None:
    errors: list[DeskError] = []
    for login, password in [("admin", "wrong-password"), ("nobody", ADMIN_PASSWORD)]:
        with pytest.raises(DeskError) as info:
            ctx.auth.sign_in(login, password)
        errors.append(info.value)
    wrong, unknown = errors
    assert type(wrong) is type(unknown) is SignInFailedError
    assert (wrong.message, wrong.code, wrong.params) == (
        unknown.message,
        unknown.code,
        unknown.params,
    )
    assert str(wrong) == str(unknown)
    # and both are counted, so probing unknown names is throttled as well
    assert failures(ctx, "admin") == failures(ctx, "nobody") == 1


def test_unknown_user_still_spends_a_verification(
    ctx: AppContext, admin: Principal, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = VerifySpy(ctx.hashing, monkeypatch)
    fail_sign_in(ctx, "nobody", 1)
    assert spy.calls == 1


def test_sixth_try_is_throttled_without_verifying_the_hash(
    ctx: AppContext, admin: Principal, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_sign_in(ctx, "admin", FREE_ATTEMPTS)
    spy = VerifySpy(ctx.hashing, monkeypatch)
    with pytest.raises(SignInThrottledError) as info:
        ctx.auth.sign_in("admin", ADMIN_PASSWORD)  # even the right password
    assert spy.calls == 0
    assert info.value.retry_after == 30
    assert info.value.params == {"retry_after": 30}
    assert ctx.audit.recent(1)[0].action == "sign_in_throttled"
    assert "admin" in ctx.auth.locked_logins()
    locked = next(r for r in ctx.directory.list_staff(admin) if r.login == "admin")
    assert locked.locked_until is not None
    assert (locked.locked_until - ctx.clock.now()).total_seconds() == 30


def test_retry_after_grows_with_each_failure(
    ctx: AppContext, admin: Principal, fixed_clock: FixedClock
) -> None:
    fail_sign_in(ctx, "admin", FREE_ATTEMPTS)
    waits: list[int] = []
    for _ in range(4):
        with pytest.raises(SignInThrottledError) as info:
            ctx.auth.sign_in("admin", "wrong-password")
        waits.append(info.value.retry_after)
        fixed_clock.advance(seconds=info.value.retry_after)
        fail_sign_in(ctx, "admin", 1)  # allowed again, and wrong again
    assert waits == sorted(waits) and len(set(waits)) == len(waits)
    assert waits[0] == 30


def test_throttle_time_counts_down(
    ctx: AppContext, admin: Principal, fixed_clock: FixedClock
) -> None:
    fail_sign_in(ctx, "admin", FREE_ATTEMPTS)
    fixed_clock.advance(seconds=20)
    with pytest.raises(SignInThrottledError) as info:
        ctx.auth.sign_in("admin", ADMIN_PASSWORD)
    assert info.value.retry_after == 10
    fixed_clock.advance(seconds=10)
    assert ctx.auth.sign_in("admin", ADMIN_PASSWORD).login == "admin"


def test_failure_count_survives_a_restart(
    ctx: AppContext, admin: Principal, reopen: ContextFactory
) -> None:
    fail_sign_in(ctx, "admin", FREE_ATTEMPTS)
    ctx.close()
    restarted = reopen()
    with pytest.raises(SignInThrottledError):
        restarted.auth.sign_in("admin", ADMIN_PASSWORD)


def test_success_resets_the_count(ctx: AppContext, admin: Principal) -> None:
    fail_sign_in(ctx, "admin", FREE_ATTEMPTS - 1)
    ctx.auth.sign_in("admin", ADMIN_PASSWORD)
    assert failures(ctx, "admin") == 0
    fail_sign_in(ctx, "admin", FREE_ATTEMPTS - 1)  # a fresh allowance, not one left
    assert ctx.auth.sign_in("admin", ADMIN_PASSWORD).login == "admin"


def test_admin_unlock_clears_the_wait_and_is_audited(ctx: AppContext, admin: Principal) -> None:
    _, _clerk = make_staff(ctx, admin, "clerk", {Role.CLERK})
    fail_sign_in(ctx, "clerk", FREE_ATTEMPTS)
    with pytest.raises(SignInThrottledError):
        ctx.auth.sign_in("clerk", STAFF_PASSWORD)
    assert ctx.auth.unlock(admin, " Clerk ") is True
    entry = ctx.audit.recent(1)[0]
    assert (entry.action, entry.actor, entry.entity_id) == ("sign_in_unlocked", "admin", "clerk")
    assert ctx.auth.sign_in("clerk", STAFF_PASSWORD).login == "clerk"
    assert ctx.auth.unlock(admin, "clerk") is False  # nothing to clear: nothing audited
    assert ctx.audit.recent(1)[0].action == "sign_in"


def test_only_administrators_unlock(ctx: AppContext, admin: Principal) -> None:
    _, clerk = make_staff(ctx, admin, "clerk", {Role.CLERK})
    _, head = make_staff(ctx, admin, "head", {Role.RESPONSIBLE})
    fail_sign_in(ctx, "admin", 2)
    for person in (clerk, head):
        with pytest.raises(PermissionDeniedError):
            ctx.auth.unlock(person, "admin")
    assert failures(ctx, "admin") == 2


def test_someone_who_left_cannot_sign_in(ctx: AppContext, admin: Principal) -> None:
    record, clerk = make_staff(ctx, admin, "clerk", {Role.CLERK})
    ctx.directory.mark_left(admin, record.id, record.version)
    with pytest.raises(SignInFailedError) as info:
        ctx.auth.sign_in("clerk", STAFF_PASSWORD)
    assert info.value.message == "unknown user or wrong password"
    with pytest.raises(SignInFailedError):
        ctx.auth.refresh(clerk)  # an open session notices too


def test_reset_password_forces_a_change(ctx: AppContext, admin: Principal) -> None:
    record, clerk = make_staff(ctx, admin, "clerk", {Role.CLERK})
    ctx.auth.change_own_password(clerk, STAFF_PASSWORD, "my-own-pass")
    assert not ctx.auth.must_change_password(clerk)
    record = ctx.directory.get_staff(admin, record.id)
    ctx.auth.reset_password(admin, record.id, "temporary-1", record.version)
    entry = ctx.audit.recent(1)[0]
    assert (entry.action, entry.actor, entry.entity_id) == (
        "password_reset",
        "admin",
        str(record.id),
    )
    fail_sign_in(ctx, "clerk", 1)  # the old password is gone
    clerk = ctx.auth.sign_in("clerk", "temporary-1")
    assert ctx.auth.must_change_password(clerk)
    ctx.auth.change_own_password(clerk, "temporary-1", "my-new-pass")
    assert not ctx.auth.must_change_password(clerk)
    assert ctx.audit.recent(1)[0].action == "password_changed"


def test_reset_password_checks_version_and_policy(ctx: AppContext, admin: Principal) -> None:
    record, _ = make_staff(ctx, admin, "clerk", {Role.CLERK})
    with pytest.raises(ValidationError):
        ctx.auth.reset_password(admin, record.id, "short", record.version)
    with pytest.raises(ConflictError):
        ctx.auth.reset_password(admin, record.id, "long-enough-1", record.version - 1)


def test_reset_clears_the_throttle(ctx: AppContext, admin: Principal) -> None:
    record, _ = make_staff(ctx, admin, "clerk", {Role.CLERK})
    fail_sign_in(ctx, "clerk", FREE_ATTEMPTS)
    ctx.auth.reset_password(admin, record.id, "temporary-1", record.version)
    assert ctx.auth.sign_in("clerk", "temporary-1").login == "clerk"


def test_change_own_password_needs_the_old_one(ctx: AppContext, admin: Principal) -> None:
    with pytest.raises(SignInFailedError, match="current password"):
        ctx.auth.change_own_password(admin, "not-the-password", "new-password-1")
    with pytest.raises(ValidationError):
        ctx.auth.change_own_password(admin, ADMIN_PASSWORD, "short")
    assert ctx.auth.sign_in("admin", ADMIN_PASSWORD).login == "admin"  # unchanged
    ctx.auth.change_own_password(admin, ADMIN_PASSWORD, "new-password-1")
    fail_sign_in(ctx, "admin", 1)
    ctx.auth.sign_in("admin", "new-password-1")


def test_sign_in_upgrades_a_weaker_hash(
    ctx: AppContext, admin: Principal, reopen: ContextFactory
) -> None:
    weak = stored_hash(ctx, "admin")
    assert "$m=1024,t=1,p=1$" in weak
    stronger = PasswordHashing(HashParameters(time_cost=2, memory_kib=2048, parallelism=1))
    upgraded_ctx = reopen(stronger)
    upgraded_ctx.auth.sign_in("admin", ADMIN_PASSWORD)
    new = stored_hash(upgraded_ctx, "admin")
    assert new != weak
    assert new.startswith("$argon2id$") and "$m=2048,t=2,p=1$" in new
    assert not stronger.needs_rehash(new)
    upgraded_ctx.auth.sign_in("admin", ADMIN_PASSWORD)
    assert stored_hash(upgraded_ctx, "admin") == new  # no needless rehash


def test_failed_sign_ins_are_audited_without_the_password(
    ctx: AppContext, admin: Principal
) -> None:
    fail_sign_in(ctx, "admin", 2)
    entry = ctx.audit.recent(1)[0]
    assert (entry.action, entry.actor, entry.entity_id) == ("sign_in_failed", "system", "admin")
    assert '"failures": 2' in entry.after
    assert all("wrong-password" not in e.after + e.before for e in ctx.audit.recent(100))
