"""Layering: nothing below the UI touches Qt; data folders are found in every layout."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import newmedia_desk
from newmedia_desk import paths

PACKAGE = Path(newmedia_desk.__file__).resolve().parent
QT_FREE = ("domain", "storage", "services", "security", "exports")


def qt_free_modules() -> list[Path]:
    files = [f for layer in QT_FREE for f in sorted((PACKAGE / layer).rglob("*.py"))]
    return [*files, PACKAGE / "context.py", PACKAGE / "paths.py"]


def imported_names(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def test_every_layer_exists() -> None:
    for layer in QT_FREE:
        assert (PACKAGE / layer / "__init__.py").is_file(), layer
    assert len(qt_free_modules()) > 20


@pytest.mark.parametrize("path", qt_free_modules(), ids=module_name)
def test_no_qt_import_in_the_source(path: Path) -> None:
    qt = {n for n in imported_names(path) if n.split(".")[0] in {"PySide6", "shiboken6", "PyQt6"}}
    assert not qt, f"{module_name(path)} imports {sorted(qt)}"


def test_importing_every_lower_layer_loads_no_qt() -> None:
    """Import them all in a clean interpreter: no indirect path pulls Qt in either.

    Migration scripts only run inside Alembic, so they are checked by the AST test alone.
    """
    modules = [m for m in map(module_name, qt_free_modules()) if ".migrations" not in m]
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "qt = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))]\n"
        "print(json.dumps(sorted(qt)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert json.loads(out.stdout) == []


def test_data_folders_in_the_checkout() -> None:
    assert paths.resources_dir().is_dir()
    assert paths.forms_dir().is_dir()
    assert paths.resources_dir().name == "resources"
    assert paths.migrations_dir().joinpath("env.py").is_file()


def test_data_folders_in_a_frozen_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "resources").mkdir()
    (tmp_path / "forms").mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_dir() == tmp_path / "resources"
    assert paths.forms_dir() == tmp_path / "forms"
    assert paths.resource("icons", "app.png") == tmp_path / "resources" / "icons" / "app.png"


def test_meipass_is_ignored_unless_frozen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "resources").mkdir()
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_dir() != tmp_path / "resources"


def test_missing_data_folder_names_where_it_looked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paths, "_PACKAGE_DIR", tmp_path / "pkg")
    with pytest.raises(FileNotFoundError, match="forms"):
        paths.forms_dir()
