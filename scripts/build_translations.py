"""Update the Qt Linguist files from the source, then compile them.

Runs ``pyside6-lupdate`` over ``newmedia_desk/ui`` (keeping existing translations, dropping
obsolete ones) and ``pyside6-lrelease`` to write each ``.qm`` beside its ``.ts``.

Usage: ``python scripts/build_translations.py [--check]``. With ``--check`` nothing is
written; the exit code says whether the ``.qm`` files match their ``.ts`` files.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "newmedia_desk" / "ui"
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN",)


def tool(name: str) -> str:
    """Find a PySide6 tool next to the running Python, else on ``PATH``."""
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found; install PySide6")
    return found


def ts_file(language: str) -> Path:
    """The Linguist source of one language."""
    return I18N / f"newmedia_desk_{language}.ts"


def python_sources() -> list[str]:
    """Every Python file that may hold translatable text, in a stable order."""
    return sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))


def lupdate(language: str) -> None:
    """Refresh the ``.ts`` of ``language`` from the source."""
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *python_sources(),
            "-no-obsolete",
            "-locations",
            "none",
            "-target-language",
            language,
            "-ts",
            str(ts_file(language).relative_to(ROOT)),
        ],
        cwd=ROOT,
        check=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    """Compile one ``.ts`` into ``qm``."""
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def check() -> int:
    """Return 0 when every committed ``.qm`` equals a fresh compile of its ``.ts``."""
    status = 0
    with tempfile.TemporaryDirectory() as tmp:
        for language in LANGUAGES:
            ts = ts_file(language)
            fresh = Path(tmp) / ts.with_suffix(".qm").name
            lrelease(ts, fresh)
            committed = ts.with_suffix(".qm")
            if not committed.exists() or committed.read_bytes() != fresh.read_bytes():
                print(f"{committed.name} is out of date; run scripts/build_translations.py")
                status = 1
    return status


def main(argv: list[str] | None = None) -> int:
    """Run lupdate and lrelease (or only check)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare, write nothing")
    args = parser.parse_args(argv)
    if args.check:
        return check()
    I18N.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        lupdate(language)
        lrelease(ts_file(language), ts_file(language).with_suffix(".qm"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
