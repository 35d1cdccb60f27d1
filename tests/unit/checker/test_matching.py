"""Normalised matching: evasions caught, spans exact, the original never touched."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newmedia_desk.domain.checker.check import check
from newmedia_desk.domain.checker.lexicon import Severity, parse_lexicon
from newmedia_desk.domain.checker.matcher import matcher_for
from newmedia_desk.domain.checker.normalise import fold_char, normalise

LEX = parse_lexicon("网络赌场\t赌博\tblock\t删除\ncasino\t赌博\tblock\n", source="t")


def spans(text: str) -> list[tuple[str, int, int]]:
    return [(h.term.term, h.start, h.end) for h in matcher_for(LEX).find(normalise(text))]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("欢迎来到网络赌场", "网络赌场"),
        ("欢迎来到网\u200b络\u200c赌\u200d场", "网\u200b络\u200c赌\u200d场"),
        ("网\u2060络\ufeff赌\u00ad场", "网\u2060络\ufeff赌\u00ad场"),
        ("网\u202e络\u202c赌场", "网\u202e络\u202c赌场"),
        ("ＣＡＳＩＮＯ 开业", "ＣＡＳＩＮＯ"),
        ("CaSiNo", "CaSiNo"),
        ("網絡賭場", "網絡賭場"),
        ("网 络 赌 场", "网 络 赌 场"),
        ("网，络。赌、场", "网，络。赌、场"),
        ("网-络*赌_场", "网-络*赌_场"),
        ("網\u200b 絡，賭\u3000場", "網\u200b 絡，賭\u3000場"),
        ("ｃ\u200bＡ s-i.N o", "ｃ\u200bＡ s-i.N o"),
    ],
    ids=[
        "plain",
        "zero-width",
        "word-joiner-bom-soft-hyphen",
        "bidi",
        "full-width",
        "case",
        "traditional",
        "spaced",
        "punctuated",
        "symbols",
        "mixed-cjk",
        "mixed-latin",
    ],
)
def test_each_evasion_is_caught_with_its_exact_span(text: str, found: str) -> None:
    hits = spans(text)
    assert len(hits) == 1
    _, start, end = hits[0]
    assert text[start:end] == found


@pytest.mark.parametrize(
    "prefix",
    [
        "👨\u200d👩\u200d👧\u200d👦",
        "❤\ufe0f",
        "e\u0301\u0302",
        "👍🏽",
        "ｱｲ",
        "㈱",
        "ﬁ",
        "\U0001d400",
    ],
)
def test_span_maps_back_after_emoji_combining_marks_and_expansions(prefix: str) -> None:
    text = f"{prefix}注意网络赌场！"
    [(_, start, end)] = spans(text)
    assert text[start:end] == "网络赌场"
    assert start == len(prefix) + 2


def test_overlapping_hits_are_all_reported() -> None:
    lex = parse_lexicon("网络赌场\n赌场\n络赌\n", source="o")
    hits = matcher_for(lex).find(normalise("网络赌场"))
    assert sorted((h.term.term, h.start, h.end) for h in hits) == [
        ("络赌", 1, 3),
        ("网络赌场", 0, 4),
        ("赌场", 2, 4),
    ]


def test_automaton_is_built_once_per_version() -> None:
    assert matcher_for(LEX) is matcher_for(LEX)
    again = parse_lexicon(LEX.export(), source="t")
    assert again.version == LEX.version
    assert matcher_for(again) is matcher_for(LEX)
    changed = parse_lexicon("网络赌场\t赌博\twarn\n", source="t")
    assert changed.version != LEX.version


def test_stored_text_is_byte_identical_after_a_check() -> None:
    text = "網\u200b絡賭場 联系 13812345678 ＃话题"
    before = text.encode("utf-8")
    result = check(text, title="標題", platform="微博")
    assert result.blocks
    assert text.encode("utf-8") == before


_NOISE = st.sampled_from(
    ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", " ", "\u3000", "，", ".",
     "-", "*", "\u0301", "\ufe0f", "😀", "\u202e", "\t"]
)  # fmt: skip
_FILLER = st.text(alphabet="abc甲乙丙123 。\u200b😀\u0301\u200d", max_size=20)


@settings(max_examples=300, deadline=None)
@given(
    prefix=_FILLER,
    suffix=_FILLER,
    gaps=st.lists(st.lists(_NOISE, max_size=3).map("".join), min_size=3, max_size=3),
    traditional=st.booleans(),
)
def test_planted_term_maps_back_to_its_original_positions(
    prefix: str, suffix: str, gaps: list[str], traditional: bool
) -> None:
    chars = "網絡賭場" if traditional else "网络赌场"
    planted = chars[0] + "".join(g + c for g, c in zip(gaps, chars[1:], strict=True))
    text = prefix + planted + suffix
    hits = [(s, e) for term, s, e in spans(text) if term == "网络赌场"]
    assert (len(prefix), len(prefix) + len(planted)) in hits


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_every_shadow_character_points_into_the_original(text: str) -> None:
    shadow = normalise(text)
    assert len(shadow.origin) == len(shadow.text)
    assert list(shadow.origin) == sorted(shadow.origin)
    assert all(0 <= i < len(text) for i in shadow.origin)


def _reference_shadow(text: str) -> tuple[str, list[int]]:
    # The definition, one character at a time: what the fast run-based map must equal.
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        folded = fold_char(ch)
        chars.append(folded)
        origin.extend([i] * len(folded))
    return "".join(chars), origin


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80) | st.text(alphabet="ｃ網a ß​，😀́ﬁ㎏Ⅻ", max_size=40))
def test_fast_normalise_equals_the_per_character_definition(text: str) -> None:
    shadow = normalise(text)
    assert (shadow.text, list(shadow.origin)) == _reference_shadow(text)


def test_overlapping_hits_across_scripts_are_all_reported() -> None:
    lexicon = parse_lexicon("网络\nab\n网络赌场\n赌场\nbc\n", source="o")
    found = {
        (h.term.term, h.start, h.end) for h in matcher_for(lexicon).find(normalise("网络赌场abc"))
    }
    assert found == {
        ("网络", 0, 2),
        ("网络赌场", 0, 4),
        ("赌场", 2, 4),
        ("ab", 4, 6),
        ("bc", 5, 7),
    }


def test_lexicon_severity_reaches_the_finding() -> None:
    result = check("網絡賭場", lexicons=LEX)
    [finding] = result.findings
    assert finding.severity is Severity.BLOCK
    assert (finding.start, finding.end, finding.suggestion) == (0, 4, "删除")


def test_importing_the_checker_loads_neither_library() -> None:
    import subprocess
    import sys

    code = (
        "import sys, newmedia_desk.domain.checker.check, newmedia_desk.cli\n"
        "print(sorted({'ahocorasick', 'ahocorasick_rs', 'opencc_purepy'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
