"""发布台账 benchmark, with bare openpyxl write-only writing as the baseline in the same run.

Run from the repository root::

    .venv/bin/python -m tests.perf.ledger [--rows 10000] [--runs 7] [--strict] [--with-query]

10 000 synthetic publications (Chinese titles and approvers, links, a few withdrawals,
imported rows, and some texts that need care: a title starting with ``=``, a control
character). Goal (issue 5): ``export_ledger`` of the rows takes at most 1.3× the time of
bare openpyxl write-only mode appending the same cell values (already converted, no
checks, no styles) and saving. Medians of ``--runs`` alternating runs; the goal is judged
on the CPU time of this process, which other programs' load does not blur (the wall time,
which includes the atomic save's fsync, is printed too).

``--with-query`` also fills a SQLite database with the same number of publications (bulk
inserts) and prints the time of ``PostReports.ledger_rows`` over it (not gating).

The goal prints PASS or FAIL; the exit code is 0 unless ``--strict`` is given and it failed.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from newmedia_desk.domain.working_days import office_date
from newmedia_desk.exports.ledger import COLUMNS, export_ledger, ledger_title
from newmedia_desk.exports.xlsx import to_local_naive
from newmedia_desk.services.post_reports import LedgerRow

GOAL = 1.3
START = datetime(2026, 3, 1, tzinfo=UTC)
_WORDS = (
    "明日天气",
    "暴雨蓝色预警",
    "气象科普",
    "春耕农事建议",
    "雷电防护知识",
    "空气质量",
    "周末出行提示",
    "台风路径",
    "寒潮来袭",
    "森林防火",
)
_ACCOUNTS = (("江城气象", "微博"), ("江城气象服务", "微信公众号"), ("江城县气象", "抖音"))
_MATCHES = ("是", "是", "未核对", "否（不一致）")
_STEPS = (
    "责任人审核：钱芳",
    "责任人审核：钱芳；分管领导审批：刘志强",
    "责任人审核：钱芳；分管领导审批：赵敏 代 刘志强；主要领导审批：李建国",
)


def make_rows(count: int, seed: int = 20260302) -> list[LedgerRow]:
    """``count`` synthetic ledger rows, a minute apart."""
    rng = random.Random(seed)
    rows: list[LedgerRow] = []
    for i in range(count):
        account, platform = rng.choice(_ACCOUNTS)
        title = f"{rng.choice(_WORDS)}（第{i + 1}期）"
        if i % 997 == 0:
            title = '=HYPERLINK("http://example.com")' + title
        if i % 1499 == 0:
            title += "\x07"
        imported = i % 10 == 0
        removed = i % 50 == 0
        rows.append(
            LedgerRow(
                publication_id=i + 1,
                post_id=None if imported else i + 1,
                published_at=START + timedelta(minutes=i),
                account=account,
                platform=platform,
                column="#天气预报#",
                title=title,
                link=f"https://weibo.com/1234567890/N{i:08d}",
                platform_post_id=f"N{i:08d}",
                tier="" if imported else rng.choice(("一般", "重要", "敏感")),
                approvers="" if imported else rng.choice(_STEPS),
                matches="—" if imported else rng.choice(_MATCHES),
                removal="撤回 2026-03-05 10:00" if removed else "",
                removal_reason="数据有误，已更正后重发" if removed else "",
                imported=imported,
            )
        )
    return rows


def plain_values(rows: Sequence[LedgerRow]) -> list[list[Any]]:
    """The same cells as plain values, converted beforehand (the baseline's input)."""
    return [
        [
            to_local_naive(r.published_at),
            r.account,
            r.platform,
            r.column,
            r.title.replace("\x07", "\ufffd"),
            r.link,
            r.platform_post_id,
            r.tier,
            r.approvers,
            r.matches,
            r.removal,
            r.removal_reason,
            "是" if r.imported else "否",
            r.post_id,
        ]
        for r in rows
    ]


def bare_write(values: list[list[Any]], out: Path, start: date, end: date) -> None:
    """Bare openpyxl write-only mode: the same title, header and data cells, then save."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("发布台账")
    ws.append([ledger_title(start, end)])
    ws.append([f"共 {len(values)} 条"])
    ws.append([c for c, _ in COLUMNS])
    for row in values:
        ws.append(row)
    wb.save(out)


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    """CPU time of this process and wall time of one call, in ms."""
    c0, t0 = time.process_time(), time.perf_counter()
    fn()
    return (time.process_time() - c0) * 1000, (time.perf_counter() - t0) * 1000


def query_figure(count: int, folder: Path) -> float:
    """Fill a SQLite database with ``count`` publications; time ``ledger_rows`` (ms)."""
    from sqlalchemy import insert

    from newmedia_desk.context import build_context
    from newmedia_desk.domain.accounts import AccountDraft
    from newmedia_desk.domain.clock import FixedClock
    from newmedia_desk.security.passwords import HashParameters, PasswordHashing
    from newmedia_desk.security.secrets import MemorySecretStore
    from newmedia_desk.storage.post_models import Post, PostSignOff, Publication

    now = START + timedelta(days=30)
    ctx = build_context(
        str(folder / "ledger.sqlite3"),
        secrets=MemorySecretStore(),
        clock=FixedClock(now),
        hashing=PasswordHashing(HashParameters(time_cost=1, memory_kib=1024, parallelism=1)),
        data_dir=folder / "data",
    )
    try:
        ctx.maintenance.create_first_admin(login="admin", name="管理员", password="admin-pass-1")
        admin = ctx.auth.sign_in("admin", "admin-pass-1")
        platform = ctx.accounts.list_platforms(admin)[0].id
        account = ctx.accounts.register_existing(
            admin,
            AccountDraft(
                platform_id=platform,
                name="江城气象",
                unit_id=admin.unit_id,
                administrator_id=admin.staff_id,
                responsible_id=admin.staff_id,
                purpose="发布天气预报",
            ),
            "已开设",
        ).id
        with ctx.db.write() as s:
            s.execute(
                insert(Post),
                [
                    {
                        "id": i + 1,
                        "unit_id": admin.unit_id,
                        "drafter_id": admin.staff_id,
                        "status": "published",
                        "kind": "original",
                        "tier": "important",
                        "title": f"稿件{i + 1}",
                        "revision": 1,
                        "approval_round": 1,
                        "round_revision": 1,
                        "created_at": START,
                        "updated_at": START,
                    }
                    for i in range(count)
                ],
            )
            s.execute(
                insert(PostSignOff),
                [
                    {
                        "post_id": i + 1,
                        "revision": 1,
                        "round": 1,
                        "position": pos,
                        "key": key,
                        "title": title,
                        "role": "responsible",
                        "signer_id": admin.staff_id,
                        "signer_name": "管理员",
                        "decision": "agree",
                        "signed_at": START,
                        "content_sha256": "0" * 64,
                    }
                    for i in range(count)
                    for pos, key, title in ((1, "responsible", "责任人审核"), (2, "sup", "分管"))
                ],
            )
            s.execute(
                insert(Publication),
                [
                    {
                        "post_id": i + 1,
                        "revision": 1,
                        "account_id": account,
                        "published_at": START + timedelta(minutes=i),
                        "title": f"稿件{i + 1}",
                        "link": f"https://weibo.com/x/{i}",
                        "recorded_at": START,
                        "recorded_by": admin.staff_id,
                    }
                    for i in range(count)
                ],
            )
        first = office_date(START)
        end = office_date(START + timedelta(minutes=count))
        figures = []
        for _ in range(3):
            t0 = time.perf_counter()
            rows = ctx.post_reports.ledger_rows(admin, first, end)
            figures.append((time.perf_counter() - t0) * 1000)
        assert len(rows) == count, len(rows)
        return statistics.median(figures)
    finally:
        ctx.close()


def build_parser() -> argparse.ArgumentParser:
    """Command-line options."""
    parser = argparse.ArgumentParser(prog="python -m tests.perf.ledger", description=__doc__)
    parser.add_argument("--rows", type=int, default=10_000, help="publications to write")
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each figure")
    parser.add_argument("--strict", action="store_true", help="exit 1 when the goal fails")
    parser.add_argument(
        "--with-query", action="store_true", help="also time the query over a SQLite file"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its figures; return the exit code."""
    args = build_parser().parse_args(argv)
    rows = make_rows(args.rows)
    values = plain_values(rows)
    start, end = rows[0].published_at.date(), rows[-1].published_at.date()
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        ours_out, bare_out = base / "ours.xlsx", base / "bare.xlsx"
        for _ in range(2):  # warm-up: imports, caches
            export_ledger(rows, start=start, end=end, out=ours_out)
            bare_write(values, bare_out, start, end)
        ours: list[tuple[float, float]] = []
        bare: list[tuple[float, float]] = []
        for _ in range(args.runs):
            bare.append(timed(lambda: bare_write(values, bare_out, start, end)))
            ours.append(timed(lambda: export_ledger(rows, start=start, end=end, out=ours_out)))
        print(f"rows: {len(rows)}; runs: {args.runs} (median, min–max)")
        figures = {}
        for which, label in ((0, "CPU"), (1, "wall")):
            b_runs, o_runs = [r[which] for r in bare], [r[which] for r in ours]
            b_ms, o_ms = statistics.median(b_runs), statistics.median(o_runs)
            figures[label] = o_ms / b_ms
            print(
                f"{label:>4}: bare openpyxl write-only {b_ms:.0f} ms "
                f"({min(b_runs):.0f}–{max(b_runs):.0f}); export_ledger {o_ms:.0f} ms "
                f"({min(o_runs):.0f}–{max(o_runs):.0f}); ratio {o_ms / b_ms:.2f}"
            )
        ok = figures["CPU"] <= GOAL
        print(
            f"ratio of CPU medians {figures['CPU']:.2f} (goal ≤ {GOAL}): {'PASS' if ok else 'FAIL'}"
        )
        if args.with_query:
            query_ms = query_figure(len(rows), base)
            print(f"PostReports.ledger_rows over {len(rows)} publications: {query_ms:.0f} ms")
    return 1 if args.strict and not ok else 0


if __name__ == "__main__":
    raise SystemExit(main())
