"""Live-highlighting benchmark: one keystroke into a checked 5 000-character post.

Run from the repository root::

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.perf.highlight [--runs 51] [--strict]

The post is realistic: Chinese news paragraphs of a city bureau with a few emoji (so the
UTF-16 position mapping is exercised), and planted findings of every kind from the shipped
lexicons (a wrong country name, a misspelt institution, a sensitive topic, an advertising
phrase), plus a valid ID number and a mobile number. The checker is ``check()`` with the
shipped lexicons, as the program runs it.

A keystroke is one character (字) typed as a key press and release at the middle of the text
(the cursor placed beforehand, untimed), timed until ``processEvents`` has returned, so the
check, the extra selections, the other listeners and the repaint are all inside it. The
character is removed again (untimed) before the next run.

Figures, all in the same run:

* ``bare``: the same keystroke into a plain ``QPlainTextEdit`` holding the same text
  (the baseline: what Qt itself costs);
* ``editor``: the keystroke into :class:`CheckedTextEdit`;
* ``page``: the keystroke into the 内容检查 page (editor, findings table and count);
* ``check``: ``check()`` of the text alone, no Qt.

Goals (issue 4): editor keystroke ≤ 16 ms median; the whole page ≤ 16 ms median. Each goal
prints PASS or FAIL; the exit code is 0 unless ``--strict`` is given and a goal failed.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from collections.abc import Callable, Sequence

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from newmedia_desk.domain.checker.check import CheckResult, check, default_lexicon
from newmedia_desk.domain.checker.privacy import id_check_digit

GOAL_MS = 16.0
LENGTH = 5000

_SENTENCES = (
    "今天上午，市气象局召开汛期气象服务工作部署会，传达学习上级有关会议精神。",
    "会议要求各单位压实责任，强化监测预警，做好强对流天气的研判和服务工作。",
    "据市气象台预报，未来三天我市以多云到阴天为主，局部地区有雷阵雨，气温二十二至三十一摄氏度。",
    "局党组书记、局长在讲话中指出，要坚持人民至上、生命至上，把防灾减灾救灾作为首要任务。",
    "各县区气象局要加强与应急管理、水利、自然资源等部门的联动，及时发布预警信息。",
    "气象科普进校园活动走进第一实验小学，气象专家为同学们讲解了云的形成和天气预报的制作过程。",
    "同学们踊跃提问，现场气氛热烈，活动受到师生和家长的广泛好评。",
    "下一步，我局将继续深化气象服务供给侧改革，提升公共气象服务均等化水平。",
    "欢迎广大市民关注本账号，及时获取权威天气信息。",
    "夏季高温天气较多，请注意防暑降温，合理安排户外活动时间。",
)
_EMOJI = ("☀️", "🌧️", "👍", "🎉", "⚡")


def make_post(seed: int = 20261122) -> str:
    """A 5 000-character post with planted findings and a few emoji."""
    rng = random.Random(seed)
    id17 = "11010519491231002"
    planted = [
        "北朝鲜代表团",  # wording (warn, with the right form)
        "区人民攻府",  # serious typo (block)
        "发生突发事件后",  # sensitive topic (escalate)
        "点击链接报名",  # advertising (warn)
        f"联系人身份证号{id17}{id_check_digit(id17)}",  # privacy (block)
        "咨询电话13812345678",  # privacy (block)
        "农民工",  # wording (warn)
    ]
    parts: list[str] = []
    while sum(map(len, parts)) < LENGTH:
        paragraph = "".join(rng.choice(_SENTENCES) for _ in range(rng.randint(2, 4)))
        if rng.random() < 0.5:
            paragraph += rng.choice(_EMOJI)
        if planted and rng.random() < 0.6:
            cut = rng.randrange(len(paragraph))
            paragraph = paragraph[:cut] + planted.pop(0) + paragraph[cut:]
        parts.append(paragraph + "\n")
    text = "".join(parts)[:LENGTH]
    return text


def _checker(text: str) -> CheckResult:
    return check(text, platform="微博")


def _keystroke(editor: QPlainTextEdit, app: QApplication) -> float:
    """Type one character at the middle; ms until the events are processed. Then undo it."""
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().characterCount() // 2)
    editor.setTextCursor(cursor)
    app.processEvents()
    t0 = time.perf_counter()
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(editor, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, "字"))
    app.processEvents()
    elapsed = (time.perf_counter() - t0) * 1000
    QTest.keyClick(editor, Qt.Key.Key_Backspace)
    app.processEvents()
    return elapsed


def _median(fn: Callable[[], float], runs: int) -> tuple[float, float, float]:
    for _ in range(3):
        fn()
    times = [fn() for _ in range(runs)]
    return statistics.median(times), min(times), max(times)


def _timed_ms(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


def _fmt(figure: tuple[float, float, float]) -> str:
    return f"{figure[0]:.2f} ms ({figure[1]:.2f}–{figure[2]:.2f})"


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def build_parser() -> argparse.ArgumentParser:
    """Command-line options."""
    parser = argparse.ArgumentParser(prog="python -m tests.perf.highlight", description=__doc__)
    parser.add_argument("--runs", type=int, default=51, help="timed keystrokes per figure")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a goal fails")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its figures; return the exit code."""
    from newmedia_desk.ui.checked_edit import CheckedTextEdit
    from newmedia_desk.ui.checker_page import CheckerPage

    args = build_parser().parse_args(argv)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    text = make_post()
    default_lexicon()
    result = _checker(text)  # builds the automaton and loads the tables, untimed

    bare = QPlainTextEdit()
    editor = CheckedTextEdit(_checker)
    page = CheckerPage(lambda body, *, title, platform: check(body, title=title, platform=platform))
    page.set_platform("微博")
    for widget in (bare, editor, page):
        widget.resize(900, 700)
        widget.show()
    bare.setPlainText(text)
    editor.setPlainText(text)
    page.editor.setPlainText(text)
    app.processEvents()

    figures = {
        "bare": _median(lambda: _keystroke(bare, app), args.runs),
        "editor": _median(lambda: _keystroke(editor, app), args.runs),
        "page": _median(lambda: _keystroke(page.editor, app), args.runs),
        "check": _median(lambda: _timed_ms(lambda: _checker(text)), args.runs),
    }
    astral = sum(1 for ch in text if ord(ch) > 0xFFFF)
    print(
        f"post: {len(text)} characters ({astral} beyond U+FFFF), "
        f"{len(result.findings)} findings, {len(editor.marked_spans())} marked; "
        f"lexicon: {len(default_lexicon().terms)} shipped terms"
    )
    for name, figure in figures.items():
        print(f"{name:>7}: {_fmt(figure)}")
    base = figures["bare"][0]
    for name in ("editor", "page"):
        print(f"{name} / bare: {figures[name][0] / base:.1f}×")
    goals = [
        (f"editor keystroke ≤ {GOAL_MS:g} ms", figures["editor"][0] <= GOAL_MS),
        (f"page keystroke ≤ {GOAL_MS:g} ms", figures["page"][0] <= GOAL_MS),
        ("text unchanged by checking", editor.toPlainText() == text),
    ]
    for label, ok in goals:
        print(f"{_verdict(ok)}: {label}")
    all_ok = all(ok for _, ok in goals)
    suffix = "" if args.strict else " (exit 0: not --strict)"
    print(f"overall: {_verdict(all_ok)}{suffix}")
    for widget in (bare, editor, page):
        widget.close()
    return 1 if args.strict and not all_ok else 0


if __name__ == "__main__":
    raise SystemExit(main())
