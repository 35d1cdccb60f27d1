"""Smoke-test a PyInstaller build of newmedia_desk (run after ``pyinstaller build.spec``).

Usage::

    python scripts/check_frozen.py [--exe PATH] [--timeout 120]

It runs the built executable, each with a fresh temporary database and private data
folders, and expects exit code 0 from:

1. ``EXE --version``;
2. ``EXE --smoke-test --db TMP/empty.sqlite3`` (a new database: migrations from the bundle);
3. ``EXE demo --db TMP/demo.sqlite3`` then ``EXE --smoke-test --db TMP/demo.sqlite3`` (the
   main window filled from a demo office; argon2, keyring fallback, Alembic scripts).

Without ``--exe`` it looks in ``dist/`` for the one-folder build that ``build.spec`` makes.
Exit code 0 when every step passed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def app_name() -> str:
    """Return ``newmedia_desk.APP_NAME`` without importing the app's dependencies."""
    sys.path.insert(0, str(ROOT))
    try:
        import newmedia_desk

        return newmedia_desk.APP_NAME
    finally:
        sys.path.remove(str(ROOT))


def default_executable(dist: Path) -> Path:
    """Return where ``build.spec`` puts the executable on this platform.

    Args:
        dist: PyInstaller's ``--distpath`` (``dist/`` by default).

    Returns:
        The path of the executable (it may not exist).
    """
    name = app_name()
    if sys.platform == "win32":
        return dist / name / f"{name}.exe"
    if sys.platform == "darwin":
        return dist / f"{name}.app" / "Contents" / "MacOS" / name
    return dist / name / name


def isolated_env(base: Path) -> dict[str, str]:
    """Return an environment with offscreen Qt and private data folders.

    Args:
        base: A temporary folder for the XDG directories.

    Returns:
        A copy of ``os.environ`` that touches none of the user's settings or keychain on Linux.
    """
    env = dict(os.environ)
    env.pop("NEWMEDIA_DESK_DB", None)
    if sys.platform.startswith("linux"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            folder = base / name.lower()
            folder.mkdir(parents=True, exist_ok=True)
            env[name] = str(folder)
        runtime = base / "runtime"
        runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
        env["XDG_RUNTIME_DIR"] = str(runtime)
    return env


def run_step(label: str, argv: Sequence[str], env: dict[str, str], timeout: float) -> bool:
    """Run one command and report it.

    Args:
        label: What the step checks.
        argv: The command.
        env: Its environment.
        timeout: Seconds before it is killed.

    Returns:
        Whether it exited 0 in time.
    """
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            list(argv),
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        print(f"FAIL  {label}: timed out after {timeout:g} s")
        return False
    seconds = time.perf_counter() - start
    ok = proc.returncode == 0
    print(f"{'PASS' if ok else 'FAIL'}  {label}: exit {proc.returncode} in {seconds:.2f} s")
    output = (proc.stdout + proc.stderr).strip()
    if output and (not ok or label.startswith("version")):
        print("      " + output[-2000:].replace("\n", "\n      "))
    return ok


def main(argv: Sequence[str] | None = None) -> int:
    """Run the checks.

    Args:
        argv: Command-line arguments (default: ``sys.argv[1:]``).

    Returns:
        0 when every step passed, 1 otherwise.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--exe", type=Path, help="the built executable (default: from dist/)")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="PyInstaller distpath")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per step")
    args = parser.parse_args(argv)
    exe: Path = args.exe or default_executable(args.dist)
    if not exe.is_file():
        print(f"FAIL  no executable at {exe}: build first with `pyinstaller build.spec`")
        return 1
    print(f"checking {exe}")
    timeout: float = args.timeout
    with tempfile.TemporaryDirectory(prefix="nmd-frozen-") as tmp_name:
        tmp = Path(tmp_name)
        env = isolated_env(tmp / "home")
        empty = tmp / "empty.sqlite3"
        demo = tmp / "demo.sqlite3"
        steps: list[tuple[str, list[str]]] = [
            ("version", [str(exe), "--version"]),
            ("smoke test on a new database", [str(exe), "--smoke-test", "--db", str(empty)]),
            ("demo office", [str(exe), "demo", "--db", str(demo)]),
            ("smoke test on the demo office", [str(exe), "--smoke-test", "--db", str(demo)]),
        ]
        results = [run_step(label, cmd, env, timeout) for label, cmd in steps]
    passed = sum(results)
    print(f"{passed} passed, {len(results) - passed} failed")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
