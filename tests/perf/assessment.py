"""Assessment (考核) benchmark: a month of every unit, and a 12-month trend, over 100 000 posts.

Run from the repository root::

    .venv/bin/python -m tests.perf.assessment [--posts 100000] [--runs 5] [--db FILE] [--strict]

Builds the demo office and ``--posts`` synthetic posts with their revisions, signed
sign-offs and publications (``newmedia-desk demo --posts``: bulk Core inserts) in a
temporary SQLite file — or works on a copy of ``--db`` when it already exists (a file given
but missing is built there and kept). The demo's cadence rules are added when there are
none, and every rule's effective-from date is moved back to the first publication so that
the whole span is judged (the worst case; ``tests.perf.reports.ensure_rules``). Then it
times, in a fresh context each run so no cache helps:

* ``AssessmentService.month`` for the last full month and for a month two years back;
* ``AssessmentService.trend`` of every unit over 12 months (the line chart);
* ``export_assessment`` of the last full month.

Goal (issue 6): every report over the 100 000-post database finishes in under 2 s (median
wall time). Each figure prints with its goal and PASS or FAIL; the exit code is 0 unless
``--strict`` is given and a goal failed.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

GOAL_MS = 2000.0


def build(path: Path, posts: int) -> None:
    """The demo office and ``posts`` synthetic posts in a new SQLite file at ``path``."""
    from newmedia_desk.context import build_context
    from newmedia_desk.security.secrets import MemorySecretStore
    from newmedia_desk.services.demo import seed_demo
    from newmedia_desk.services.demo_bulk import add_demo_posts

    ctx = build_context(str(path), secrets=MemorySecretStore(), data_dir=path.parent / "data")
    try:
        started = time.perf_counter()
        seed_demo(ctx)
        result = add_demo_posts(ctx, posts)
        print(
            f"built {path.name}: {result.posts} posts, {result.publications} publications, "
            f"{result.signoffs} sign-off steps in {time.perf_counter() - started:.0f} s"
        )
    finally:
        ctx.close()


def with_rules(path: Path) -> None:
    """The demo's cadence rules, judged over the whole history (see the module text)."""
    from newmedia_desk.context import build_context
    from tests.perf.reports import ensure_rules

    ctx = build_context(str(path))  # the demo's audit key, where ``demo`` left it
    try:
        ensure_rules(ctx, whole_history=True)
    finally:
        ctx.close()


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU milliseconds of one call."""
    t0, c0 = time.perf_counter(), time.process_time()
    fn()
    return (time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000


def measure(db: Path, runs: int, out: Path) -> dict[str, list[tuple[float, float]]]:
    """Time each report ``runs`` times, each in a new context over ``db``."""
    from newmedia_desk.context import build_context
    from newmedia_desk.exports.assessment import export_assessment
    from newmedia_desk.security.secrets import MemorySecretStore

    figures: dict[str, list[tuple[float, float]]] = {}

    def run(name: str, fn: Callable[[], object]) -> None:
        figures.setdefault(name, []).append(timed(fn))

    for i in range(runs + 1):  # the first round warms up (imports, the OS file cache)
        ctx = build_context(str(db), secrets=MemorySecretStore(), data_dir=db.parent / "data")
        try:
            last = ctx.assessment.current_month().previous()
            old = last.back(25)[0]
            results = ctx.assessment.month(None, last)
            if i == 0:
                units = ", ".join(f"{r.unit_name} {r.score}" for r in results)
                print(f"{last}: {len(results)} units ({units})")
                continue
            run(f"month {last}", partial(ctx.assessment.month, None, last))
            run(f"month {old}", partial(ctx.assessment.month, None, old))
            run("trend 12 months", partial(ctx.assessment.trend, None, None, 12))
            rules = ctx.assessment.rules()
            run("export .xlsx", partial(export_assessment, results, last, out, rules=rules))
        finally:
            ctx.close()
    return figures


def build_parser() -> argparse.ArgumentParser:
    """Command-line options."""
    parser = argparse.ArgumentParser(prog="python -m tests.perf.assessment", description=__doc__)
    parser.add_argument("--posts", type=int, default=100_000, help="synthetic posts to add")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each figure")
    parser.add_argument("--db", type=Path, help="reuse (or build and keep) this SQLite file")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a goal fails")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Build or open the database, time the reports, print the figures."""
    args = build_parser().parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder) / "assessment.sqlite3"
        if not db.exists():
            build(db, args.posts)
        work = Path(folder) / "work.sqlite3"
        shutil.copyfile(db, work)  # the rules below are not added to the file given
        with_rules(work)
        figures = measure(work, args.runs, Path(folder) / "assessment.xlsx")
    ok = True
    print(f"runs: {args.runs}; wall ms median (min–max), CPU ms median; goal < {GOAL_MS:.0f} ms")
    for name, values in figures.items():
        wall = [w for w, _ in values]
        cpu = [c for _, c in values]
        median = statistics.median(wall)
        passed = median < GOAL_MS
        ok = ok and passed
        print(
            f"  {name:<18} {median:7.0f} ({min(wall):.0f}–{max(wall):.0f})  "
            f"CPU {statistics.median(cpu):6.0f}  {'PASS' if passed else 'FAIL'}"
        )
    return 1 if args.strict and not ok else 0


if __name__ == "__main__":
    raise SystemExit(main())
