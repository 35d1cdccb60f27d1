"""Platform rules: length limits (with how length is counted), titles, hashtags.

The defaults follow DOMAIN.md (platform defaults table); they are settings, so callers may
pass their own :class:`PlatformRule` objects.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import StrEnum


class Counting(StrEnum):
    """How a platform counts length."""

    CHARACTERS = "characters"
    WEIBO = "weibo"  # a half-width (ASCII) character counts ½, anything else 1


@dataclass(frozen=True, slots=True)
class PlatformRule:
    """The limits of one platform (``None`` means no limit)."""

    name: str
    body_limit: int | None = None
    title_limit: int | None = None
    digest_limit: int | None = None
    preview: int | None = None
    needs_title: bool = False
    counting: Counting = Counting.CHARACTERS


DEFAULT_RULES: dict[str, PlatformRule] = {
    "微博": PlatformRule("微博", body_limit=2000, preview=140, counting=Counting.WEIBO),
    "微信公众号": PlatformRule(
        "微信公众号", body_limit=20000, title_limit=64, digest_limit=120, needs_title=True
    ),
    "网站": PlatformRule("网站", needs_title=True),
}


def rule_for(platform: str | None, rules: dict[str, PlatformRule] | None = None) -> PlatformRule:
    """The rule of a platform; platforms without one are unlimited."""
    table = DEFAULT_RULES if rules is None else rules
    if platform is None:
        return PlatformRule("")
    return table.get(platform, PlatformRule(platform))


def text_length(text: str, counting: Counting) -> int:
    """The length of ``text`` as the platform counts it (halves rounded up)."""
    if counting is Counting.CHARACTERS:
        return len(text)
    # Encoding with errors='ignore' keeps exactly the ASCII characters, counted in C.
    ascii_count = len(text.encode("ascii", "ignore"))
    return (len(text) - ascii_count) + math.ceil(ascii_count / 2)


@dataclass(frozen=True, slots=True)
class HashtagProblem:
    """A malformed ``#…#`` hashtag: where it starts in the text, and why."""

    start: int
    end: int
    reason: str  # "unclosed" or "empty"


_HASH = re.compile(r"[#＃]")


def hashtag_problems(text: str) -> list[HashtagProblem]:
    """Check that on every line each ``#`` opens or closes a non-empty tag."""
    problems: list[HashtagProblem] = []
    offset = 0
    for line in text.split("\n"):
        marks = [offset + m.start() for m in _HASH.finditer(line)]
        for opening, closing in zip(marks[::2], marks[1::2], strict=False):
            if not text[opening + 1 : closing].strip():
                problems.append(HashtagProblem(opening, closing + 1, "empty"))
        if len(marks) % 2:
            problems.append(HashtagProblem(marks[-1], marks[-1] + 1, "unclosed"))
        offset += len(line) + 1
    return problems
