"""The demo office's accounts and credentials, and that no password leaks anywhere."""

from __future__ import annotations

from pathlib import Path

from newmedia_desk.context import AppContext
from newmedia_desk.exports.forms import export_account_opening, export_holder_authorisation
from newmedia_desk.services.demo import DEMO_ACCOUNT_PASSWORDS, seed_demo

STAFF_PASSWORD = "Demo-Staff-Pw1"


def test_demo_has_holders_rotation_tasks_and_signed_approvals(ctx: AppContext) -> None:
    seed_demo(ctx, STAFF_PASSWORD)
    reasons = {task.reason for task in ctx.credentials.tasks()}
    assert {"overdue", "holder_left", "sealed_copy_stale"} <= reasons
    signatures = ctx.accounts.verify_signatures()
    assert signatures.ok and signatures.checked >= 5 and signatures.unsigned == 0
    clerk = ctx.auth.sign_in("clerk", STAFF_PASSWORD)
    weibo = next(a for a in ctx.accounts.list_accounts(clerk) if a.platform_name == "微博")
    assert (
        ctx.credentials.reveal(clerk, weibo.id, STAFF_PASSWORD)
        == (DEMO_ACCOUNT_PASSWORDS[("微博", "江城气象")])
    )
    assert ctx.rogues.list_rogues(None)
    assert ctx.maintenance.verify().ok


def test_no_demo_password_in_the_database_or_any_export(ctx: AppContext, tmp_path: Path) -> None:
    seed_demo(ctx, STAFF_PASSWORD)
    admin = ctx.auth.sign_in("admin", STAFF_PASSWORD)
    exports = []
    for account in ctx.accounts.list_accounts(admin):
        form = ctx.accounts.opening_form(account.id, actor=admin)
        exports.append(export_account_opening(form, tmp_path / f"open-{account.id}.xlsx"))
        auth = ctx.credentials.authorisation_form(admin, account.id)
        exports.append(export_holder_authorisation(auth, tmp_path / f"auth-{account.id}.xlsx"))
    assert ctx.db.path is not None
    ctx.db.dispose()
    files = [*ctx.db.path.parent.glob(ctx.db.path.name + "*"), *exports]
    files += [p for p in ctx.data_dir.rglob("*") if p.is_file()]
    secrets = [*DEMO_ACCOUNT_PASSWORDS.values(), STAFF_PASSWORD]
    for path in files:
        data = path.read_bytes()
        for secret in secrets:
            for encoding in ("utf-8", "utf-16-le"):
                assert secret.encode(encoding) not in data, (path.name, secret)
    # The exports are zip files: look inside them as well.
    import zipfile

    for path in exports:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                text = archive.read(name)
                assert not any(s.encode() in text for s in secrets), (path.name, name)


def test_a_changed_or_forged_approval_step_fails_its_signature(ctx: AppContext) -> None:
    """Someone who can write to the database but lacks the signer's password is caught."""
    from sqlalchemy import select

    from newmedia_desk.storage.models import AccountApprovalStep

    seed_demo(ctx, STAFF_PASSWORD)
    with ctx.db.write() as s:
        step = s.scalars(
            select(AccountApprovalStep)
            .where(AccountApprovalStep.signature.is_not(None))
            .order_by(AccountApprovalStep.id)
        ).first()
        assert step is not None
        step.opinion = "不同意。"  # edited after signing
    report = ctx.accounts.verify_signatures()
    assert not report.ok and len(report.bad) == 1
    with ctx.db.write() as s:
        step = s.get(AccountApprovalStep, step.id)
        assert step is not None
        other = s.scalars(
            select(AccountApprovalStep).where(
                AccountApprovalStep.signature.is_not(None), AccountApprovalStep.id != step.id
            )
        ).first()
        assert other is not None
        step.opinion = other.opinion
        step.signature = other.signature  # a signature copied from another step
    assert len(ctx.accounts.verify_signatures().bad) >= 1
