"""Report benchmarks over a big demo office (``newmedia-desk demo --posts 100000``).

Run from the repository root::

    .venv/bin/python -m tests.perf.reports [--db FILE] [--posts 100000] [--runs 5] [--strict]

Without ``--db`` the database is built once with ``newmedia-desk demo --posts N`` in the
temporary folder (``/tmp/newmedia-desk-perf``) and reused by later runs (building 100 000
posts takes minutes). The benchmark works on a copy (upgraded to the current schema), adds
the demo's cadence rules when it has none and — unless ``--rules-as-entered`` — moves every
rule's effective-from date (生效日期) back to the first publication, so that the whole
history is judged: the worst case, as before rules had such dates. Then it times:

- ``cadence``: the cadence report (``CadenceService.compliance``, what ``report cadence``
  prints) over the last month, the last year and every day since the first publication
  (five years of 150 000 publications); goal (issue 6): each under 2 s. Not gating: the
  start view's cadence calls (today's slots, silent accounts, deliveries) and six weeks of
  the calendar.
- ``assessment``: the monthly assessment of every unit for the last full month
  (``report assessment``) and the 12-month trend of the charts; goal: each under 2 s.

Wall and CPU times are printed: on a busy machine (2 cores, other jobs) the CPU figure is
what the code costs.

Medians of ``--runs``. The goal prints PASS or FAIL; the exit code is 0 unless ``--strict``
is given and it failed. More reports can add a section to ``SECTIONS``.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, select, update

from newmedia_desk.cli import main as cli_main
from newmedia_desk.context import AppContext, build_context
from newmedia_desk.domain.working_days import office_date
from newmedia_desk.storage.cadence_models import CadenceRuleRow
from newmedia_desk.storage.post_models import Publication

GOAL_SECONDS = 2.0


def median_seconds(fn: Callable[[], object], runs: int) -> float:
    """The median wall time of ``runs`` calls (after one warm-up call)."""
    return timed(fn, runs)[0]


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall and process (CPU) seconds of ``runs`` calls, after one warm-up call.

    The CPU figure shows what the code costs when the machine is busy with other work.
    """
    fn()
    wall, cpu = [], []
    for _ in range(runs):
        started, cpu_started = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
    return statistics.median(wall), statistics.median(cpu)


def demo_database(posts: int) -> Path:
    """The demo office with ``posts`` synthetic posts, built once and kept."""
    folder = Path(tempfile.gettempdir()) / "newmedia-desk-perf"
    folder.mkdir(exist_ok=True)
    path = folder / f"demo-{posts}.sqlite3"
    if not path.exists():
        print(f"building {path} with 'newmedia-desk demo --posts {posts}' (minutes) …")
        partial = path.with_suffix(".building")
        partial.unlink(missing_ok=True)
        code = cli_main(["demo", "--posts", str(posts), "--db", str(partial)])
        if code != 0:
            raise SystemExit(f"demo --posts {posts} failed with exit code {code}")
        partial.rename(path)
    return path


def ensure_rules(ctx: AppContext, *, whole_history: bool = True) -> None:
    """The demo's cadence rules, unless the database has rules already.

    ``whole_history``: every rule takes effect on the first publication's office date, so
    that the reports judge every day (the worst case).
    """
    from newmedia_desk.services.demo_cadence import seed_demo_cadence

    with ctx.db.read() as s:
        have = s.scalar(select(func.count()).select_from(CadenceRuleRow))
    if not have:
        seed_demo_cadence(ctx, ctx.auth.sign_in("admin", "demo"))
    if whole_history:
        with ctx.db.write() as s:
            first = s.scalar(select(func.min(Publication.published_at)))
            if first is not None:
                s.execute(update(CadenceRuleRow).values(effective_from=office_date(first)))


def cadence_section(ctx: AppContext, runs: int) -> bool:
    """Time the cadence report; True when every period meets the goal."""
    today = office_date(ctx.clock.now())
    with ctx.db.read() as s:
        first = s.scalar(select(func.min(Publication.published_at)))
        count = int(s.scalar(select(func.count()).select_from(Publication)) or 0)
    since = office_date(first) if first is not None else today
    print(f"publications in the database: {count:,}; first on {since}")
    periods: list[tuple[str, date, bool]] = [
        ("last month", today - timedelta(days=30), True),
        ("last year", today - timedelta(days=365), True),
        ("since the first publication", since, True),
    ]
    ok = True
    for label, start, gating in periods:
        rows: list[object] = []

        def report(start: date = start, rows: list[object] = rows) -> None:
            rows[:] = ctx.cadence.compliance(None, start, today)

        seconds, cpu = timed(report, runs)
        verdict = "PASS" if seconds < GOAL_SECONDS else "FAIL"
        if gating:
            ok = ok and seconds < GOAL_SECONDS
        else:
            verdict += " (not gating)"
        days = (today - start).days + 1
        print(
            f"  cadence report, {label} ({days} days, {len(rows)} rows): "
            f"{seconds * 1000:.0f} ms wall, {cpu * 1000:.0f} ms CPU  "
            f"goal < {GOAL_SECONDS:.0f} s  {verdict}"
        )
    admin = ctx.auth.sign_in("admin", "demo")

    def start_view() -> None:
        ctx.cadence.due_today(admin)
        ctx.cadence.silent_accounts(admin)
        ctx.cadence.upcoming_deliveries(admin)

    start_ms = median_seconds(start_view, runs) * 1000
    print(f"  start view (slots, silent, deliveries): {start_ms:.0f} ms")
    month = today.replace(day=1)
    monday = month - timedelta(days=month.weekday())
    calendar_ms = median_seconds(
        lambda: ctx.cadence.calendar(admin, monday, monday + timedelta(days=41)), runs
    )
    print(f"  calendar, six weeks: {calendar_ms * 1000:.0f} ms")
    return ok


def assessment_section(ctx: AppContext, runs: int) -> bool:
    """Time the monthly assessment and the 12-month trend; True when both meet the goal."""
    last = ctx.assessment.current_month().previous()
    ok = True
    for label, call in (
        (f"assessment, month {last}", lambda: ctx.assessment.month(None, last)),
        ("assessment, 12-month trend", lambda: ctx.assessment.trend(None, None, 12)),
    ):
        seconds, cpu = timed(call, runs)
        ok = ok and seconds < GOAL_SECONDS
        verdict = "PASS" if seconds < GOAL_SECONDS else "FAIL"
        print(
            f"  {label}: {seconds * 1000:.0f} ms wall, {cpu * 1000:.0f} ms CPU  "
            f"goal < {GOAL_SECONDS:.0f} s  {verdict}"
        )
    return ok


SECTIONS: dict[str, Callable[[AppContext, int], bool]] = {
    "cadence": cadence_section,
    "assessment": assessment_section,
}


def main(argv: list[str] | None = None) -> int:
    """Run the report benchmarks."""
    parser = argparse.ArgumentParser(prog="python -m tests.perf.reports")
    parser.add_argument("--db", type=Path, help="a database made with 'demo --posts N'")
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a goal is missed")
    parser.add_argument("--only", choices=sorted(SECTIONS), help="run one section")
    parser.add_argument(
        "--rules-as-entered",
        action="store_true",
        help="keep the rules' effective-from dates (default: back to the first publication)",
    )
    args = parser.parse_args(argv)
    source = args.db if args.db is not None else demo_database(args.posts)
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "bench.sqlite3"
        shutil.copyfile(source, copy)
        ctx = build_context(str(copy))
        try:
            ensure_rules(ctx, whole_history=not args.rules_as_entered)
            ok = True
            for name, section in SECTIONS.items():
                if args.only and name != args.only:
                    continue
                print(f"[{name}]")
                ok = section(ctx, args.runs) and ok
        finally:
            ctx.close()
    return 1 if args.strict and not ok else 0


if __name__ == "__main__":
    raise SystemExit(main())
