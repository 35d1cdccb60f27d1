"""The Chinese translation is complete, compiled, committed and actually used."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from newmedia_desk.paths import resource
from newmedia_desk.services.auth import AuthService
from newmedia_desk.ui.areas import Area, area_name
from newmedia_desk.ui.i18n import install_translators, normalise_language
from newmedia_desk.ui.sign_in import SignInForm

TS = resource("i18n", "newmedia_desk_zh_CN.ts")
QM = TS.with_suffix(".qm")


def _placeholders(text: str) -> set[str]:
    import re

    # Names only: a translation may drop a format spec ("{month:02d}" → "{month}月").
    return set(re.findall(r"\{([a-z_]+)(?::[^{}]*)?\}", text))


def test_every_message_is_translated() -> None:
    root = ET.parse(TS).getroot()
    problems = []
    count = 0
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            count += 1
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            text = translation.text or ""
            if translation.get("type") in {"unfinished", "vanished", "obsolete"} or not text:
                problems.append(f"{name}: {source!r}")
            elif _placeholders(source) != _placeholders(text):
                problems.append(f"{name}: placeholders differ in {source!r}")
    assert count > 100
    assert not problems, "\n".join(problems)


def test_committed_qm_matches_a_fresh_compile(tmp_path: Path) -> None:
    fresh = tmp_path / QM.name
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), "-silent", str(TS), "-qm", str(fresh)], check=True)
    assert QM.exists(), "run scripts/build_translations.py"
    # A checkout writes both files within moments; an edit of the .ts alone is older news.
    assert QM.stat().st_mtime >= TS.stat().st_mtime - 5, "the .qm is older than the .ts"
    assert QM.read_bytes() == fresh.read_bytes(), "run scripts/build_translations.py"


def test_source_has_no_text_missing_from_the_ts(tmp_path: Path) -> None:
    copy = tmp_path / TS.name
    copy.write_bytes(TS.read_bytes())
    root = Path(__file__).resolve().parents[2]
    sources = sorted(str(p) for p in (root / "newmedia_desk" / "ui").rglob("*.py"))
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run(
        [str(lupdate), *sources, "-no-obsolete", "-locations", "none", "-ts", str(copy)],
        check=True,
        capture_output=True,
    )
    assert 'type="unfinished"' not in copy.read_text(encoding="utf-8"), (
        "new texts in the source: run scripts/build_translations.py and translate them"
    )


@pytest.mark.parametrize(
    ("given", "expected"),
    [("zh", "zh_CN"), ("zh-CN", "zh_CN"), ("en", "en"), ("en_US", "en"), (None, "zh_CN")],
)
def test_language_names(given: str | None, expected: str) -> None:
    assert normalise_language(given) == expected


def test_chinese_translator_loads(qtbot: QtBot, ctx_auth: AuthService) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed = install_translators(app, "zh_CN")
    try:
        assert len(installed) == 2  # ours and Qt's own qtbase
        assert area_name(Area.START) == "工作台"
        assert QCoreApplication.translate("Errors", "Unknown login name or wrong password.") == (
            "登录名或密码不正确。"
        )
        form = SignInForm(ctx_auth)
        qtbot.addWidget(form)
        assert form.sign_in_button.text() == "登录"
    finally:
        for translator in installed:
            app.removeTranslator(translator)
    assert area_name(Area.START) == "Start"


def test_english_installs_nothing() -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert install_translators(app, "en") == []
