"""The demo's posts: every state, signed for real; and ``demo --posts N`` in bulk."""

from __future__ import annotations

import io
import multiprocessing
import random
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select, text

from newmedia_desk.cli import main
from newmedia_desk.context import AppContext, build_context
from newmedia_desk.domain.accounts import Decision
from newmedia_desk.domain.errors import ValidationError
from newmedia_desk.domain.posts import PostKind, PostStatus, Tier
from newmedia_desk.security.passwords import HashParameters, PasswordHashing
from newmedia_desk.security.secrets import MemorySecretStore
from newmedia_desk.services import demo_bulk
from newmedia_desk.services.demo import seed_demo
from newmedia_desk.storage.post_models import Post, PostRevision, PostSignOff, Publication
from newmedia_desk.storage.post_queries import PostFilters
from tests.conftest import START

PASSWORD = "Demo-Staff-Pw1"


def all_rows(ctx: AppContext, login: str = "clerk") -> list[object]:
    actor = ctx.auth.sign_in(login, PASSWORD)
    page = ctx.post_list.page(actor, PostFilters(), limit=1000)
    assert page.next is None
    return list(page.rows)


def test_demo_has_posts_in_every_state_signed_for_real(ctx: AppContext) -> None:
    seed_demo(ctx, PASSWORD)
    clerk = ctx.auth.sign_in("clerk", PASSWORD)
    rows = ctx.post_list.page(clerk, PostFilters(), limit=1000).rows
    assert {r.status for r in rows} == set(PostStatus)
    records = {r.title: ctx.posts.get(clerk, r.id) for r in rows}

    case = records["市气象局依法查处一起违规施放气球案件"]
    assert case.content.tier is Tier.SENSITIVE and case.filing_required and case.filed_at
    assert [s.signer_name for s in case.round_steps()] == ["钱芳", "刘志强", "李建国"]

    delegated = records["设施农业气象服务提示"]
    step = delegated.round_steps()[1]
    assert (step.signer_name, step.on_behalf_of_name) == ("陈立", "王海燕")

    mismatched = [p for r in records.values() for p in r.publications if p.mismatch]
    assert len(mismatched) == 1 and "晚间天气预报" in mismatched[0].title
    assert ctx.posts.mismatched_publications(clerk) == mismatched

    repost = next(r for r in records.values() if r.content.kind is PostKind.REPOST)
    assert repost.direct and repost.status is PostStatus.PUBLISHED and not repost.signoffs
    activity = next(r for r in records.values() if r.content.kind is PostKind.ACTIVITY)
    assert [s.key for s in activity.round_steps()] == ["responsible", "supervisor"]
    returned = next(r for r in records.values() if r.status is PostStatus.RETURNED)
    assert returned.round_steps()[0].decision is Decision.RETURN
    assert returned.round_steps()[0].opinion

    assert ctx.posts.expire_due() == 0  # nothing overdue is left behind
    check = ctx.posts.verify()
    assert check.ok and check.checked == 14
    assert ctx.maintenance.verify().ok


def test_synthetic_posts_in_bulk(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(demo_bulk, "CHUNK", 250)  # three chunks,
    monkeypatch.setattr(demo_bulk, "_workers", lambda chunks: 2)  # built by two processes
    seed_demo(ctx, PASSWORD, posts=600)
    rows = all_rows(ctx)
    assert len(rows) == 614
    newest = rows[:14]  # the demo's own posts stay on top
    assert {r.status for r in newest} == set(PostStatus)  # type: ignore[attr-defined]
    synthetic = {r.status for r in rows[14:]}  # type: ignore[attr-defined]
    assert {PostStatus.PUBLISHED, PostStatus.CANCELLED, PostStatus.DRAFT} <= synthetic
    assert ctx.posts.expire_due() == 0
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Post)) == 614
        assert s.scalar(text("SELECT count(*) FROM post_fts")) == 614
        revisions = s.scalar(select(func.count()).select_from(PostRevision)) or 0
        assert revisions > 614
        assert (s.scalar(select(func.count()).select_from(Publication)) or 0) > 400
        decided = s.scalar(
            select(func.count()).select_from(PostSignOff).where(PostSignOff.decision.is_not(None))
        )
    check = ctx.posts.verify()
    assert check.ok and check.checked == decided
    assert ctx.maintenance.verify().ok
    clerk = ctx.auth.sign_in("clerk", PASSWORD)
    for word in ("桃源镇", "冰雹", "气象科普"):
        filters = PostFilters(text=word)
        found = ctx.post_list.page(clerk, filters, limit=1000).rows
        with ctx.db.read() as s:
            expected = s.scalar(
                select(func.count())
                .select_from(Post)
                .join(
                    PostRevision,
                    (PostRevision.post_id == Post.id) & (PostRevision.number == Post.revision),
                )
                .where((Post.title.contains(word)) | (PostRevision.body.contains(word)))
            )
        assert expected and len(found) == expected


def test_bulk_posts_are_the_same_however_they_are_built() -> None:
    """Each chunk has its own random generator: building in worker processes changes nothing."""
    keys = {n: Ed25519PrivateKey.generate().private_bytes_raw() for n in (11, 12, 13)}
    people = demo_bulk._People(
        unit_id=1,
        drafters=[5],
        left_drafter=6,
        responsible=11,
        supervisor=12,
        chief=13,
        names={11: "钱芳", 12: "王海燕", 13: "李建国"},
        key_bytes=keys,
    )
    slots = list(demo_bulk._planned_times(450, START, random.Random(1)))
    jobs = [
        demo_bulk._ChunkJob(
            index=i,
            seed=7,
            first_id=1 + 150 * i,
            slots=tuple(slots[150 * i : 150 * (i + 1)]),
            recent_from=400,
            people=people,
            accounts=demo_bulk._Accounts(1, 2, 3),
            sqlite=True,
        )
        for i in range(3)
    ]
    inline = [demo_bulk._build(job) for job in jobs]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        pooled = list(demo_bulk._ahead(pool, jobs, 2))
    assert [c.rows for c in inline] == [c.rows for c in pooled]
    assert [c.fts for c in inline] == [c.fts for c in pooled]
    posts = [row for chunk in inline for row in chunk.rows["post"]]
    assert [row[0] for row in posts] == list(range(1, 451))


def test_bulk_posts_need_the_demo_office(ctx: AppContext) -> None:
    with pytest.raises(ValidationError, match="demo"):
        demo_bulk.add_demo_posts(ctx, 10)
    with pytest.raises(ValidationError, match="number"):
        demo_bulk.add_demo_posts(ctx, 0)


def test_demo_command_with_posts(tmp_path: Path) -> None:
    secrets = MemorySecretStore()
    hashing = PasswordHashing(HashParameters(time_cost=1, memory_kib=1024, parallelism=1))

    def run(*argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = main(
            list(argv),
            context_factory=lambda db: build_context(
                db, secrets=secrets, hashing=hashing, data_dir=tmp_path / "data"
            ),
            stdin=io.StringIO(""),
            stdout=out,
            stderr=err,
        )
        return code, out.getvalue(), err.getvalue()

    db = str(tmp_path / "demo.sqlite3")
    assert run("demo", "--db", db, "--posts", "0")[0] == 2
    code, out, err = run("demo", "--db", db, "--posts", "120")
    assert code == 0, err
    assert "with 120 synthetic posts" in out
    code, out, err = run("demo", "--db", db, "--posts", "30")  # adds to the demo office
    assert code == 0, err
    assert out.startswith("added 30 synthetic posts (ids 135-164")
    code, out, err = run("verify", "--db", db)
    assert code == 0, err
