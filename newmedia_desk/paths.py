"""Find the data folders that ship beside the code (``resources/`` and ``forms/``).

They live at the top of a checkout, inside the wheel under ``newmedia_desk/_bundled/`` and,
in a PyInstaller bundle, under ``sys._MEIPASS``. Nothing else in the program builds these
paths, so a frozen build and a checkout behave the same.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidate_roots() -> list[Path]:
    roots: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        roots.append(Path(bundle))
    roots.append(_PACKAGE_DIR / "_bundled")
    roots.append(_PACKAGE_DIR.parent)
    return roots


def _find(name: str) -> Path:
    for root in _candidate_roots():
        candidate = root / name
        if candidate.is_dir():
            return candidate
    searched = ", ".join(str(r / name) for r in _candidate_roots())
    raise FileNotFoundError(f"data folder {name!r} not found (looked in {searched})")


def resources_dir() -> Path:
    """Return the ``resources/`` folder (icons, translations, lexicons)."""
    return _find("resources")


def forms_dir() -> Path:
    """Return the ``forms/`` folder (the official Excel form templates)."""
    return _find("forms")


def resource(*parts: str) -> Path:
    """Return a path inside ``resources/``."""
    return resources_dir().joinpath(*parts)


def default_data_dir() -> Path:
    """Return the per-user data folder (database, logs, anchors; created on first use)."""
    from platformdirs import user_data_dir

    from newmedia_desk import APP_NAME, ORG_NAME

    return Path(user_data_dir(APP_NAME, ORG_NAME, roaming=False))


def migrations_dir() -> Path:
    """Return the Alembic scripts folder shipped inside the package."""
    return _PACKAGE_DIR / "storage" / "migrations"
