"""The checked editor: marks at the right UTF-16 positions, tooltips, replacements, no edits."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QColor, QHelpEvent, QTextCharFormat, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolTip
from pytestqt.qtbot import QtBot

from newmedia_desk.domain.checker.check import CheckResult, Finding, SuggestedTier, check
from newmedia_desk.domain.checker.lexicon import Severity
from newmedia_desk.domain.checker.privacy import id_check_digit
from newmedia_desk.ui.checked_edit import (
    HIGHLIGHT_BACKGROUND,
    UNDERLINE,
    CheckedTextEdit,
    Utf16Positions,
)
from newmedia_desk.ui.checker_texts import replacement_forms

ID17 = "11010519491231002"
ID_NUMBER = ID17 + id_check_digit(ID17)


@dataclass
class TermChecker:
    """Finds fixed terms by plain ``str.find`` and records every text it was given."""

    terms: dict[str, tuple[Severity, str]] = field(
        default_factory=lambda: {
            "攻府": (Severity.BLOCK, "政府"),
            "突发事件": (Severity.ESCALATE, "报主要领导审批"),
            "北朝鲜": (Severity.WARN, "朝鲜"),
        }
    )
    seen: list[str] = field(default_factory=list)

    def __call__(self, text: str) -> CheckResult:
        self.seen.append(text)
        found = []
        for term, (severity, suggestion) in self.terms.items():
            start = text.find(term)
            while start >= 0:
                found.append(
                    Finding(
                        "test",
                        severity,
                        term,
                        start,
                        start + len(term),
                        suggestion,
                        "lexicon:typos.txt",
                    )
                )
                start = text.find(term, start + 1)
        found.sort(key=lambda f: f.start)
        blocks = any(f.severity is Severity.BLOCK for f in found)
        return CheckResult(tuple(found), SuggestedTier.GENERAL, blocks)


def _editor(qtbot: QtBot, checker: TermChecker | None = None) -> CheckedTextEdit:
    editor = CheckedTextEdit(checker if checker is not None else TermChecker())
    qtbot.addWidget(editor)
    editor.resize(500, 300)
    editor.show()
    return editor


def _selected(editor: CheckedTextEdit, start: int, end: int) -> str:
    cursor = QTextCursor(editor.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def _marked_texts(editor: CheckedTextEdit) -> list[str]:
    return [_selected(editor, s, e) for s, e, _ in editor.marked_spans()]


def test_utf16_positions() -> None:
    plain = Utf16Positions("攻府")
    assert [plain(i) for i in range(3)] == [0, 1, 2]
    mixed = Utf16Positions("a😀b𠀀c")  # an emoji and a CJK Extension B character
    assert [mixed(i) for i in range(6)] == [0, 1, 3, 4, 6, 7]


def test_marks_each_finding_in_its_colour(qtbot: QtBot) -> None:
    editor = _editor(qtbot)
    editor.setPlainText("北朝鲜代表团抵达。区人民攻府发布突发事件通报。")
    assert _marked_texts(editor) == ["北朝鲜", "突发事件", "攻府"]  # painted gravest last
    selections = editor.extraSelections()
    assert [s.cursor.selectedText() for s in selections] == ["北朝鲜", "突发事件", "攻府"]
    warn, escalate, block = (s.format for s in selections)
    assert warn.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert warn.underlineColor() == QColor(UNDERLINE[Severity.WARN])
    assert escalate.background().color() == QColor(HIGHLIGHT_BACKGROUND[Severity.ESCALATE])
    assert block.background().color() == QColor(HIGHLIGHT_BACKGROUND[Severity.BLOCK])
    assert block.underlineColor() == QColor(UNDERLINE[Severity.BLOCK])


@pytest.mark.parametrize(
    "before",
    [
        "😀",  # one emoji: two UTF-16 units
        "👍🏽👨‍👩‍👧",  # skin tone and a ZWJ family: several astral characters
        "𠀀𠀁",  # CJK Extension B
        "e\u0301a\u0308",  # combining marks: one unit each, as in Python
        "😀e\u0301\u200b",  # mixed, with a zero-width space
    ],
)
def test_marks_land_on_the_hit_after_astral_and_combining_characters(
    qtbot: QtBot, before: str
) -> None:
    editor = _editor(qtbot)
    text = f"{before}区人民攻府，{before}北朝鲜"
    editor.setPlainText(text)
    assert sorted(_marked_texts(editor)) == sorted(["攻府", "北朝鲜"])
    assert editor.toPlainText() == text


def test_marks_follow_typing_before_them(qtbot: QtBot) -> None:
    editor = _editor(qtbot)
    editor.setPlainText("通报：攻府")
    assert [(s, e) for s, e, _ in editor.marked_spans()] == [(3, 5)]
    cursor = editor.textCursor()
    cursor.setPosition(0)
    editor.setTextCursor(cursor)
    QTest.keyClicks(editor, "ab")
    assert [(s, e) for s, e, _ in editor.marked_spans()] == [(5, 7)]
    assert editor.result().findings[0].start == 5
    assert _marked_texts(editor) == ["攻府"]


def test_checking_never_changes_the_text(qtbot: QtBot) -> None:
    checker = TermChecker()
    editor = _editor(qtbot, checker)
    text = "攻\u200b府 ＡＢＣ 😀 e\u0301 攻府\t北朝鲜\n第二行 " + ID_NUMBER
    editor.setPlainText(text)
    editor.recheck()
    assert checker.seen[-1] == text
    assert editor.checked_text() == text
    assert editor.text() == text
    assert editor.toPlainText().encode() == text.encode()
    assert not editor.document().isUndoAvailable()  # checking made no edit


def test_real_checker_marks_evasions_exactly(qtbot: QtBot) -> None:
    editor = _editor(qtbot, None)
    editor.set_checker(lambda text: check(text))
    text = "😀今日北 朝 鲜代表团来访，人民检查院通报，联系人身份证" + ID_NUMBER
    editor.setPlainText(text)
    assert sorted(_marked_texts(editor)) == sorted(["北 朝 鲜", "人民检查院", ID_NUMBER])
    assert editor.text() == text


def test_checked_signal_after_each_change(qtbot: QtBot) -> None:
    editor = _editor(qtbot)
    with qtbot.waitSignal(editor.checked, timeout=1000) as blocker:
        editor.setPlainText("攻府")
    result = blocker.args[0]
    assert isinstance(result, CheckResult)
    assert [f.term for f in result.findings] == ["攻府"]
    assert editor.result() is result


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen tooltip window
def test_tooltip_names_severity_category_suggestion_and_rule(qtbot: QtBot) -> None:
    editor = _editor(qtbot)
    editor.setPlainText("😀区人民攻府")
    start, end, _ = editor.marked_spans()[0]
    assert (start, end) == (5, 7)
    assert editor.tooltip_at(4) == ""
    assert editor.tooltip_at(7) == ""
    tip = editor.tooltip_at(5)
    assert tip.splitlines() == [
        "Must be fixed: blocks submission · test",
        "Suggestion: 政府",
        "Found by: serious errors list",
    ]
    # Hovering: the point between 攻 and 府's centres lies over a marked character.
    cursor = QTextCursor(editor.document())
    cursor.setPosition(6)
    left = editor.cursorRect(cursor)
    point = QPoint(left.x() + 3, left.center().y())
    assert editor.position_at(point) == 6
    cursor.setPosition(5)
    point_left_half = QPoint(editor.cursorRect(cursor).x() + 2, left.center().y())
    assert editor.position_at(point_left_half) == 5
    event = QHelpEvent(QEvent.Type.ToolTip, point, editor.viewport().mapToGlobal(point))
    editor.viewportEvent(event)
    assert QToolTip.text() == tip
    QToolTip.hideText()


def test_overlapping_findings_show_the_gravest_first(qtbot: QtBot) -> None:
    checker = TermChecker(
        terms={"赌博网站": (Severity.BLOCK, "删除"), "网站": (Severity.WARN, "核实")}
    )
    editor = _editor(qtbot, checker)
    editor.setPlainText("某赌博网站")
    assert [f.severity for f in editor.findings_at(3)] == [Severity.BLOCK, Severity.WARN]
    assert editor.extraSelections()[-1].format.background().color() == QColor(
        HIGHLIGHT_BACKGROUND[Severity.BLOCK]
    )


def test_replacements_are_one_undo_step_from_the_end(qtbot: QtBot) -> None:
    editor = _editor(qtbot)
    original = "😀攻府与攻府，北朝鲜"
    editor.setPlainText(original)
    findings = editor.result().findings
    pairs = [(f, f.suggestion) for f in findings if f.severity is not Severity.ESCALATE]
    assert editor.apply_replacements(pairs) == 3
    assert editor.text() == "😀政府与政府，朝鲜"
    assert editor.result().findings == ()
    editor.undo()
    assert editor.text() == original
    assert not editor.document().isUndoAvailable()
    editor.redo()
    assert editor.text() == "😀政府与政府，朝鲜"


def test_a_stale_finding_is_not_replaced(qtbot: QtBot) -> None:
    editor = _editor(qtbot)
    editor.setPlainText("攻府")
    stale = editor.result().findings[0]
    editor.setPlainText("前言：攻府")
    assert not editor.apply_replacement(stale, "政府")
    assert editor.text() == "前言：攻府"
    assert editor.apply_replacement(editor.result().findings[0], "政府")
    assert editor.text() == "前言：政府"


def test_overlapping_replacements_skip_the_second(qtbot: QtBot) -> None:
    checker = TermChecker(terms={"攻府": (Severity.BLOCK, "政府"), "府办": (Severity.WARN, "x")})
    editor = _editor(qtbot, checker)
    editor.setPlainText("攻府办")
    pairs = [(f, f.suggestion) for f in editor.result().findings]
    assert editor.apply_replacements(pairs) == 1
    assert editor.text() == "攻x"


def test_select_finding_selects_and_scrolls(qtbot: QtBot) -> None:
    editor = _editor(qtbot)
    editor.setPlainText("正文\n" * 200 + "👍区人民攻府")
    finding = editor.result().findings[0]
    assert editor.verticalScrollBar().value() == 0
    assert editor.select_finding(finding)
    assert editor.textCursor().selectedText() == "攻府"
    assert editor.verticalScrollBar().value() > 0


def test_replacement_forms() -> None:
    def finding(
        suggestion: str, severity: Severity = Severity.WARN, category: str = "x"
    ) -> Finding:
        return Finding(category, severity, "t", 0, 1, suggestion, "lexicon:wording.txt")

    assert replacement_forms(finding("朝鲜")) == ("朝鲜",)
    assert replacement_forms(finding("留置 / 依规审查调查")) == ("留置", "依规审查调查")
    assert replacement_forms(finding("内地与澳门（指澳门时）")) == ("内地与澳门",)
    assert replacement_forms(finding("删除")) == ()
    assert replacement_forms(finding("核实来源；未经核实的传言不得发布")) == ()
    assert replacement_forms(finding("改用客观表述")) == ()
    assert replacement_forms(finding("报主要领导审批", Severity.ESCALATE)) == ()
    assert replacement_forms(finding("11****", Severity.BLOCK, "privacy")) == ()
