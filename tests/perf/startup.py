"""Start-up benchmark: newmedia_desk against a minimal PySide6 window, in the same run.

Run from the repository root with the project's venv::

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.perf [--runs 10] [--strict]

What it does (see perf-baselines.md §1 and its "Recommended goals" 1-2):

1. Makes a demo database once: ``python -m newmedia_desk demo --db TMP/demo.sqlite3``.
2. Warms up, then runs three whole processes per round, the order rotating every round:

   * ``reference``: ``tests/perf/reference_window.py``, a QMainWindow with a QLabel that
     quits after its first paint;
   * ``A``: ``python -m newmedia_desk --db DEMO --quit-after-paint`` (first window painted);
   * ``B``: ``python -m newmedia_desk --db DEMO --smoke-test`` (main window filled from DB).

   Each process is timed wall-clock from spawn to exit, and its own peak RSS is read from
   ``wait4``. Ratios are paired: ``A_i / reference_i`` for the same round ``i``.
3. Runs ``python -X importtime -m newmedia_desk --db DEMO --quit-after-paint`` once and
   lists whether heavy, lazily needed modules were imported before the window was painted.

Goals: A ≤ 1.5× reference, B ≤ 3.5× reference, none of the forbidden modules imported.
Each goal prints PASS or FAIL; the exit code is 0 unless ``--strict`` is given and a goal
failed (or a command did not run cleanly).

Every process runs with ``QT_QPA_PLATFORM=offscreen``, a private temporary ``HOME``-like
set of XDG folders (so no real settings, data folder or keychain is touched) and no D-Bus
session, and is killed after ``--timeout`` seconds.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
REFERENCE_SCRIPT = Path(__file__).resolve().with_name("reference_window.py")

GOAL_A = 1.5
"""A (first window painted) may take at most this many times the reference."""
GOAL_B = 3.5
"""B (smoke test: main window filled from the demo database) at most this many times."""

FORBIDDEN_BEFORE_PAINT: tuple[str, ...] = (
    "openpyxl",
    "xlsxwriter",
    "keyring.backends",
    "ahocorasick",
    "opencc_purepy",
)
"""Module prefixes that must not be imported before the first paint (goal 2)."""
WATCHED_INFO: tuple[str, ...] = ("keyring", "sqlalchemy", "alembic", "argon2", "cryptography")
"""Module prefixes reported for information only."""

BASELINES = """\
Baselines (perf-baselines.md §1, 2-core EPYC VM, CPython 3.11.7, PySide6 6.12.0, 20 runs):
  c  minimal QMainWindow shown             0.234 s (0.191-0.279)  51 MiB
  f  c + SQLAlchemy work (lazy extras)     0.968 s (0.838-1.171) 100 MiB  f/c 4.06x
  g  f, SQLAlchemy imported before Qt      0.830 s (0.722-0.898)  84 MiB  g/c 3.38x (3.04-4.61)
  d  c + eager sqlalchemy/openpyxl/keyring 1.242 s (1.057-1.436) 109 MiB  d/c 4.89x
Goals here: A (sign-in window painted) <= 1.5x reference; B (smoke test) <= 3.5x reference
(baseline goal 1: main window + DB + first query <= 1.2x g, i.e. about <= 3.5x c;
 window alone <= 1.3x c when DB work is deferred); goal 2: no openpyxl, xlsxwriter,
keyring backends or ahocorasick* imported before the first paint."""


@dataclass(frozen=True, slots=True)
class Command:
    """One command under test."""

    key: str
    label: str
    argv: tuple[str, ...]


@dataclass(slots=True)
class RunResult:
    """One process run."""

    seconds: float
    maxrss_kib: int
    returncode: int
    timed_out: bool
    output_tail: str = ""

    @property
    def ok(self) -> bool:
        """Whether the process exited 0 within the time limit."""
        return self.returncode == 0 and not self.timed_out


@dataclass(slots=True)
class Series:
    """All measured runs of one command."""

    command: Command
    runs: list[RunResult] = field(default_factory=list)

    def good(self) -> list[RunResult]:
        """Return the runs that exited 0."""
        return [r for r in self.runs if r.ok]

    def failures(self) -> list[RunResult]:
        """Return the runs that failed or timed out."""
        return [r for r in self.runs if not r.ok]


@dataclass(frozen=True, slots=True)
class Summary:
    """Median, min and max of a list of numbers."""

    median: float
    low: float
    high: float

    @classmethod
    def of(cls, values: Sequence[float]) -> Summary | None:
        """Summarise ``values``; ``None`` when empty."""
        if not values:
            return None
        return cls(statistics.median(values), min(values), max(values))

    def fmt(self, digits: int = 3, unit: str = "") -> str:
        """Format as ``median (min-max)``."""
        return (
            f"{self.median:.{digits}f}{unit} ({self.low:.{digits}f}-{self.high:.{digits}f}{unit})"
        )


@dataclass(frozen=True, slots=True)
class ImportCheck:
    """What ``-X importtime`` saw before the first paint."""

    ok_run: bool
    forbidden: dict[str, list[str]]
    info: dict[str, bool]
    slowest: list[tuple[str, int]]
    total_us: int
    error: str = ""


def run_once(argv: Sequence[str], env: dict[str, str], timeout: float, log: Path) -> RunResult:
    """Run ``argv`` to completion; time it wall-clock and read its own peak RSS.

    Args:
        argv: The command.
        env: Its environment.
        timeout: Seconds before the process (group) is killed.
        log: File that receives its stdout and stderr.

    Returns:
        The timing, peak RSS (KiB, from ``wait4``) and exit status.
    """
    timed_out = threading.Event()
    with log.open("wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(argv),
            cwd=REPO_ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

        def _kill() -> None:
            timed_out.set()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, _kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)  # keep Popen from waiting again
    tail = ""
    if proc.returncode != 0 or timed_out.is_set():
        tail = log.read_text(encoding="utf-8", errors="replace")[-1500:]
    return RunResult(
        seconds=seconds,
        maxrss_kib=int(usage.ru_maxrss),
        returncode=proc.returncode,
        timed_out=timed_out.is_set(),
        output_tail=tail,
    )


def bench_env(base: Path) -> dict[str, str]:
    """Build the environment of every measured process.

    Args:
        base: A private temporary folder for the XDG directories.

    Returns:
        A copy of ``os.environ`` with offscreen Qt and private XDG folders, and without a
        D-Bus session (so no real keychain is used).
    """
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    env.pop("NEWMEDIA_DESK_DB", None)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        folder = base / name.lower()
        folder.mkdir(parents=True, exist_ok=True)
        env[name] = str(folder)
    runtime = base / "runtime"
    runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
    env["XDG_RUNTIME_DIR"] = str(runtime)
    return env


def make_demo_db(python: str, db: Path, env: dict[str, str], timeout: float, log: Path) -> None:
    """Create the demo database with the real ``demo`` command.

    Args:
        python: The interpreter.
        db: Where to write the database.
        env: The environment.
        timeout: Seconds before giving up.
        log: File that receives the command's output.

    Raises:
        RuntimeError: When the command fails.
    """
    result = run_once([python, "-m", "newmedia_desk", "demo", "--db", str(db)], env, timeout, log)
    if not result.ok:
        why = "timed out" if result.timed_out else f"exit {result.returncode}"
        raise RuntimeError(f"`newmedia_desk demo` failed ({why}):\n{result.output_tail}")
    print(f"demo database: {db} ({db.stat().st_size // 1024} KiB, {result.seconds:.2f} s)")


def parse_importtime(text: str) -> list[tuple[str, int, int]]:
    """Parse ``-X importtime`` output.

    Args:
        text: The captured stderr.

    Returns:
        ``(module, self_us, cumulative_us)`` per imported module, in import order.
    """
    rows: list[tuple[str, int, int]] = []
    for line in text.splitlines():
        if not line.startswith("import time:"):
            continue
        parts = line[len("import time:") :].split("|")
        if len(parts) != 3:
            continue
        self_us, cumulative_us, name = parts
        if not self_us.strip().isdigit():
            continue  # the header line
        rows.append((name.strip(), int(self_us), int(cumulative_us)))
    return rows


def _matches(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".") or module.startswith(prefix + "_")


def check_imports(
    python: str, db: Path, env: dict[str, str], timeout: float, tmp: Path
) -> ImportCheck:
    """Run the first-window command under ``-X importtime`` and inspect what it imported.

    Args:
        python: The interpreter.
        db: The demo database.
        env: The environment.
        timeout: Seconds before the process is killed.
        tmp: Scratch folder for the log.

    Returns:
        The forbidden modules found, informational flags and the slowest top-level imports.
    """
    log = tmp / "importtime.log"
    argv = [
        python,
        "-X",
        "importtime",
        "-m",
        "newmedia_desk",
        "--db",
        str(db),
        "--quit-after-paint",
    ]
    result = run_once(argv, env, timeout, log)
    rows = parse_importtime(log.read_text(encoding="utf-8", errors="replace"))
    forbidden = {
        prefix: [m for m, _, _ in rows if _matches(m, prefix)] for prefix in FORBIDDEN_BEFORE_PAINT
    }
    info = {prefix: any(_matches(m, prefix) for m, _, _ in rows) for prefix in WATCHED_INFO}
    top_level = [(m, cum) for m, _, cum in rows if "." not in m]
    slowest = sorted(top_level, key=lambda item: item[1], reverse=True)[:8]
    error = ""
    if not result.ok:
        why = "timed out" if result.timed_out else f"exit {result.returncode}"
        error = f"importtime run failed ({why}): {result.output_tail[-600:]}"
    elif not rows:
        error = "no -X importtime output was captured"
    return ImportCheck(
        ok_run=result.ok and bool(rows),
        forbidden={k: v for k, v in forbidden.items() if v},
        info=info,
        slowest=slowest,
        total_us=sum(s for _, s, _ in rows),
        error=error,
    )


def measure(
    commands: Sequence[Command],
    *,
    runs: int,
    warmup: int,
    env: dict[str, str],
    timeout: float,
    tmp: Path,
) -> dict[str, Series]:
    """Run every command ``warmup`` times, then ``runs`` rounds with the order rotating.

    Args:
        commands: The commands; the first is the reference.
        runs: Measured rounds.
        warmup: Unmeasured rounds first.
        env: The environment.
        timeout: Per-process limit in seconds.
        tmp: Scratch folder for logs.

    Returns:
        The measured series per command key.
    """
    series = {c.key: Series(c) for c in commands}
    for i in range(warmup):
        for c in commands:
            run_once(c.argv, env, timeout, tmp / f"warmup-{c.key}-{i}.log")
    for i in range(runs):
        shift = i % len(commands)
        order = list(commands[shift:]) + list(commands[:shift])
        for c in order:
            result = run_once(c.argv, env, timeout, tmp / f"run-{c.key}-{i}.log")
            series[c.key].runs.append(result)
        line = "  ".join(
            f"{c.key}={series[c.key].runs[-1].seconds:.3f}s"
            + ("" if series[c.key].runs[-1].ok else "!")
            for c in commands
        )
        print(f"  round {i + 1:>2}/{runs}: {line}", flush=True)
    return series


def paired_ratios(numerator: Series, reference: Series) -> list[float]:
    """Return ``numerator_i / reference_i`` for the rounds where both ran cleanly."""
    return [
        n.seconds / r.seconds
        for n, r in zip(numerator.runs, reference.runs, strict=True)
        if n.ok and r.ok and r.seconds > 0
    ]


def build_parser() -> argparse.ArgumentParser:
    """Return the command-line parser."""
    parser = argparse.ArgumentParser(
        prog="python -m tests.perf",
        description="Start-up benchmark of newmedia_desk against a minimal PySide6 window.",
    )
    parser.add_argument("--runs", type=int, default=10, help="measured rounds (default: 10)")
    parser.add_argument("--warmup", type=int, default=2, help="warm-up rounds (default: 2)")
    parser.add_argument(
        "--timeout", type=float, default=60.0, help="seconds per process before kill (default: 60)"
    )
    parser.add_argument("--python", default=sys.executable, help="interpreter to benchmark")
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 when a goal fails or a command errs"
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures as JSON")
    parser.add_argument(
        "--keep", action="store_true", help="keep the scratch folder (logs, demo database)"
    )
    return parser


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the report.

    Args:
        argv: Command-line arguments (default: ``sys.argv[1:]``).

    Returns:
        The exit code: 0, or 1 with ``--strict`` when a goal failed.
    """
    args = build_parser().parse_args(argv)
    if args.runs < 1 or args.warmup < 0:
        print("--runs must be >= 1 and --warmup >= 0", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="nmd-perf-"))
    try:
        return _run(args, tmp)
    finally:
        if args.keep:
            print(f"scratch folder kept: {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def _run(args: argparse.Namespace, tmp: Path) -> int:
    python: str = args.python
    timeout: float = args.timeout
    env = bench_env(tmp / "home")
    print("newmedia_desk start-up benchmark")
    print(
        f"python {platform.python_version()} ({python}); {platform.platform()}; "
        f"{os.cpu_count()} CPUs; runs={args.runs} warmup={args.warmup} timeout={timeout:g}s"
    )
    print(BASELINES)
    print()
    db = tmp / "demo.sqlite3"
    try:
        make_demo_db(python, db, env, max(timeout, 120.0), tmp / "demo.log")
    except RuntimeError as exc:
        print(f"ERROR: {exc}")
        print("FAIL: cannot benchmark without the demo database")
        return 1 if args.strict else 0

    commands = (
        Command("ref", "reference (minimal window)", (python, str(REFERENCE_SCRIPT))),
        Command(
            "A",
            "A: sign-in window painted",
            (python, "-m", "newmedia_desk", "--db", str(db), "--quit-after-paint"),
        ),
        Command(
            "B",
            "B: --smoke-test (main window)",
            (python, "-m", "newmedia_desk", "--db", str(db), "--smoke-test"),
        ),
    )
    print(f"measuring {len(commands)} commands x {args.runs} rounds (order rotates):")
    for c in commands:
        print(f"  {c.key:>3}: {' '.join(c.argv)}")
    series = measure(
        commands, runs=args.runs, warmup=args.warmup, env=env, timeout=timeout, tmp=tmp
    )
    ref = series["ref"]

    print()
    header = ("command", "wall s median (min-max)", "peak RSS MiB", "ratio to ref (paired)")
    print(f"{header[0]:<32} {header[1]:<26} {header[2]:<22} {header[3]}")
    commands_report: dict[str, object] = {}
    report: dict[str, object] = {"runs": args.runs, "warmup": args.warmup}
    report["commands"] = commands_report
    verdicts: dict[str, bool] = {}
    for key, s in series.items():
        wall = Summary.of([r.seconds for r in s.good()])
        rss = Summary.of([r.maxrss_kib / 1024 for r in s.good()])
        ratio = None if key == "ref" else Summary.of(paired_ratios(s, ref))
        wall_txt = wall.fmt() if wall else "n/a"
        rss_txt = rss.fmt(0) if rss else "n/a"
        ratio_txt = "-" if key == "ref" else (ratio.fmt(2, "x") if ratio else "n/a")
        bad = len(s.failures())
        note = f"  [{bad} of {len(s.runs)} runs failed]" if bad else ""
        print(f"{s.command.label:<32} {wall_txt:<26} {rss_txt:<22} {ratio_txt}{note}")
        commands_report[key] = {
            "argv": list(s.command.argv),
            "wall": asdict(wall) if wall else None,
            "rss_mib": asdict(rss) if rss else None,
            "ratio_to_ref": asdict(ratio) if ratio else None,
            "failed_runs": bad,
        }
        if key != "ref":
            goal = GOAL_A if key == "A" else GOAL_B
            verdicts[key] = ratio is not None and bad == 0 and ratio.median <= goal

    for s in series.values():
        failures = s.failures()
        if failures:
            first = failures[0]
            why = "timed out" if first.timed_out else f"exit {first.returncode}"
            print(f"\n{s.command.label}: first failure ({why}), output tail:\n{first.output_tail}")

    print()
    print("import check: python -X importtime -m newmedia_desk --db DEMO --quit-after-paint")
    imports = check_imports(python, db, env, timeout, tmp)
    if imports.error:
        print(f"  ERROR: {imports.error}")
    for prefix in FORBIDDEN_BEFORE_PAINT:
        found = imports.forbidden.get(prefix, [])
        shown = ", ".join(found[:4]) + (" ..." if len(found) > 4 else "")
        print(f"  {prefix + '*':<20} {'IMPORTED: ' + shown if found else 'not imported'}")
    print(
        "  (info) "
        + ", ".join(f"{p}={'yes' if seen else 'no'}" for p, seen in imports.info.items())
    )
    if imports.slowest:
        total = imports.total_us / 1e6
        print(f"  slowest top-level imports (cumulative; all imports {total:.3f} s):")
        for name, cum in imports.slowest:
            print(f"    {cum / 1000:8.1f} ms  {name}")
    verdicts["imports"] = imports.ok_run and not imports.forbidden
    report["imports"] = asdict(imports)

    ratio_a = Summary.of(paired_ratios(series["A"], ref))
    ratio_b = Summary.of(paired_ratios(series["B"], ref))
    print()
    print("goals:")
    print(
        f"  {_verdict(verdicts['A'])}  A/ref {ratio_a.fmt(2, 'x') if ratio_a else 'n/a'}"
        f"  (goal <= {GOAL_A}x: first window painted)"
    )
    print(
        f"  {_verdict(verdicts['B'])}  B/ref {ratio_b.fmt(2, 'x') if ratio_b else 'n/a'}"
        f"  (goal <= {GOAL_B}x: main window filled from the demo database)"
    )
    print(
        f"  {_verdict(verdicts['imports'])}  no "
        + ", ".join(FORBIDDEN_BEFORE_PAINT)
        + " imported before the first paint"
    )
    report["verdicts"] = verdicts
    if args.json is not None:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
        print(f"figures written to {args.json}")
    all_ok = all(verdicts.values())
    suffix = "" if args.strict else " (exit 0: not --strict)"
    print(f"overall: {'PASS' if all_ok else 'FAIL'}{suffix}")
    return 1 if args.strict and not all_ok else 0
