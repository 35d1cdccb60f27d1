"""``check()``: every finding for one post, and the tier it suggests."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from newmedia_desk.domain.checker.lexicon import Lexicon, Severity, merge, shipped_lexicons
from newmedia_desk.domain.checker.matcher import matcher_for
from newmedia_desk.domain.checker.normalise import normalise
from newmedia_desk.domain.checker.privacy import find_personal_data
from newmedia_desk.domain.checker.rules import (
    PlatformRule,
    hashtag_problems,
    rule_for,
    text_length,
)


class SuggestedTier(StrEnum):
    """The tier a post should at least get (DOMAIN.md glossary: Tier)."""

    GENERAL = "general"
    IMPORTANT = "important"
    SENSITIVE = "sensitive"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in a post; ``start``/``end`` index the checked field's original text."""

    category: str
    severity: Severity
    term: str
    start: int
    end: int
    suggestion: str
    rule: str
    field: str = "body"


@dataclass(frozen=True, slots=True)
class CheckResult:
    """All findings, the suggested tier and whether anything blocks publishing."""

    findings: tuple[Finding, ...]
    suggested_tier: SuggestedTier
    blocks: bool


_default: Lexicon | None = None


def default_lexicon() -> Lexicon:
    """The shipped lexicons merged into one (read once)."""
    global _default
    if _default is None:
        _default = merge("default", shipped_lexicons())
    return _default


def _lexicon_findings(text: str, lexicon: Lexicon, field: str) -> list[Finding]:
    if not text:
        return []
    hits = matcher_for(lexicon).find(normalise(text))
    return [
        Finding(
            h.term.category,
            h.term.severity,
            h.term.term,
            h.start,
            h.end,
            h.term.suggestion,
            f"lexicon:{h.term.source}",
            field,
        )
        for h in hits
    ]


def _privacy_findings(text: str, field: str) -> list[Finding]:
    return [
        Finding("privacy", Severity.BLOCK, p.value, p.start, p.end, p.masked, p.kind, field)
        for p in find_personal_data(text)
    ]


def _platform_findings(text: str, title: str, rule: PlatformRule, digest: str) -> list[Finding]:
    found: list[Finding] = []
    checks = (("body", text, rule.body_limit), ("title", title, rule.title_limit))
    for field, value, limit in (*checks, ("digest", digest, rule.digest_limit)):
        if limit is not None and text_length(value, rule.counting) > limit:
            n = text_length(value, rule.counting)
            found.append(
                Finding(
                    "platform",
                    Severity.BLOCK,
                    "",
                    0,
                    len(value),
                    f"{rule.name} {field} limit {limit}, this has {n}",
                    f"length.{field}",
                    field,
                )
            )
    if rule.needs_title and not title.strip():
        found.append(
            Finding(
                "platform",
                Severity.BLOCK,
                "",
                0,
                0,
                f"{rule.name} needs a title",
                "title.required",
                "title",
            )
        )
    for p in hashtag_problems(text):
        found.append(
            Finding(
                "platform",
                Severity.WARN,
                text[p.start : p.end],
                p.start,
                p.end,
                "hashtags are written #话题# on one line",
                f"hashtag.{p.reason}",
            )
        )
    return found


def check(
    text: str,
    *,
    title: str = "",
    digest: str = "",
    platform: str | None = None,
    lexicons: Lexicon | tuple[Lexicon, ...] | None = None,
    rules: dict[str, PlatformRule] | None = None,
) -> CheckResult:
    """Check a post. ``lexicons`` defaults to the shipped ones; the text is not changed."""
    if lexicons is None:
        lexicon = default_lexicon()
    elif isinstance(lexicons, Lexicon):
        lexicon = lexicons
    else:
        lexicon = merge("checked", lexicons)
    findings: list[Finding] = []
    for field, value in (("title", title), ("body", text)):
        findings += _lexicon_findings(value, lexicon, field)
        findings += _privacy_findings(value, field)
    findings += _platform_findings(text, title, rule_for(platform, rules), digest)
    findings.sort(key=lambda f: (f.field != "title", f.start, f.end))
    severities = {f.severity for f in findings}
    if Severity.ESCALATE in severities:
        tier = SuggestedTier.SENSITIVE
    elif Severity.BLOCK in severities:
        tier = SuggestedTier.IMPORTANT
    else:
        tier = SuggestedTier.GENERAL
    return CheckResult(tuple(findings), tier, Severity.BLOCK in severities)
