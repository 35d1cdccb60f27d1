"""The shadow copy the matcher runs on, with a map back to the original text.

The original text is never modified. Every character of the shadow remembers the index of
the original character it came from, so a hit ``[a, b)`` in the shadow maps back to the
exact original span ``[origin[a], origin[b - 1] + 1)``.

Per original character: Unicode NFKC (which also turns full-width forms half-width),
case-fold, traditional → simplified Chinese (OpenCC ``t2s`` via ``opencc-purepy``), and
dropped entirely when it is a format character (category Cf: zero-width space/joiners,
U+2060, U+FEFF, U+00AD, bidi controls), a combining mark or variation selector (Mn, Me),
a control character, a space, punctuation or a symbol (emoji included) — so such
characters inserted between the characters of a term do not hide it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

_DROPPED_CATEGORIES = frozenset({"Cf", "Cc", "Cs", "Co", "Mn", "Me", "Zs", "Zl", "Zp"})
_DROPPED_PREFIXES = ("P", "S")

_t2s: Callable[[str], str] | None = None


def _t2s_converter() -> Callable[[str], str]:
    global _t2s
    if _t2s is None:
        import opencc_purepy

        converter: Any = opencc_purepy.OpenCC("t2s")
        _t2s = converter.convert
    return _t2s


def _fold_one(ch: str) -> str:
    """Fold one already-NFKC character; '' when it is dropped."""
    cat = unicodedata.category(ch)
    if cat in _DROPPED_CATEGORIES or cat.startswith(_DROPPED_PREFIXES):
        return ""
    folded = ch.casefold()
    if ord(ch) >= 0x3400:
        simplified = _t2s_converter()(folded)
        if len(simplified) == 1:
            folded = simplified
    return folded


def fold_char(ch: str) -> str:
    """Return what one original character becomes in the shadow ('' when dropped)."""
    cat = unicodedata.category(ch)
    if cat in _DROPPED_CATEGORIES or cat.startswith(_DROPPED_PREFIXES):
        return ""
    return "".join(_fold_one(c) for c in unicodedata.normalize("NFKC", ch))


class _FoldTable(dict[int, str]):
    """``ord(ch) → fold_char(ch)``, filled on first sight; usable by ``str.translate``.

    It also collects the *irregular* characters, those that do not fold to exactly one
    character, because only they break the one-to-one position map.
    """

    def __init__(self) -> None:
        super().__init__()
        self.irregular: set[str] = set()
        self._pattern: re.Pattern[str] | None = None
        self._pattern_size = -1

    def __missing__(self, key: int) -> str:
        ch = chr(key)
        value = fold_char(ch)
        self[key] = value
        if len(value) != 1:
            self.irregular.add(ch)
        return value

    def irregular_runs(self) -> re.Pattern[str]:
        """A pattern matching runs of irregular characters (rebuilt when the set grew)."""
        if self._pattern is None or self._pattern_size != len(self.irregular):
            chars = "".join(re.escape(c) for c in sorted(self.irregular))
            # An empty class never matches; "(?!)" says so explicitly.
            self._pattern = re.compile(f"[{chars}]+" if chars else "(?!)")
            self._pattern_size = len(self.irregular)
        return self._pattern


_TABLE = _FoldTable()


@dataclass(frozen=True, slots=True)
class Shadow:
    """The normalised copy of a text and, per shadow character, its original index."""

    text: str
    origin: Sequence[int]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the shadow span ``[start, end)`` (non-empty) to the original text."""
        return self.origin[start], self.origin[end - 1] + 1


def normalise(text: str) -> Shadow:
    """Build the shadow copy of ``text`` (which is left untouched).

    ``str.translate`` does the per-character folding in C; the position map is then built
    from runs: regular characters map one-to-one (``range``), and only the runs of
    dropped or expanding characters are walked in Python.
    """
    table = _TABLE
    shadow = text.translate(table)
    origin: list[int] = []
    previous = 0
    for run in table.irregular_runs().finditer(text):
        start, end = run.span()
        origin.extend(range(previous, start))
        for i in range(start, end):
            width = len(table[ord(text[i])])
            if width:
                origin.extend([i] * width)
        previous = end
    origin.extend(range(previous, len(text)))
    return Shadow(shadow, origin)


def normalise_term(term: str) -> str:
    """The shadow form of a lexicon term (what the automaton stores)."""
    return term.translate(_TABLE)
