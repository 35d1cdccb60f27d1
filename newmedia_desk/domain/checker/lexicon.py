"""Lexicons: the term lists the checker matches, their file format and their version.

File format (UTF-8): one term per line, optionally followed by TAB-separated fields
``term<TAB>category<TAB>severity<TAB>suggestion``; ``#`` starts a comment line; blank lines
are ignored. Missing fields take the defaults given to :func:`parse_lexicon`. The leading
``#`` lines of a file are kept as its header (they name the source) and exported again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from newmedia_desk.domain.checker.normalise import normalise_term
from newmedia_desk.domain.errors import DeskError


class Severity(StrEnum):
    """What a finding does to a post."""

    BLOCK = "block"
    ESCALATE = "escalate"
    WARN = "warn"


class LexiconError(DeskError):
    """A lexicon file line could not be read."""

    code = "lexicon.invalid"

    def __init__(self, message: str, *, source: str, line: int) -> None:
        super().__init__(f"{source}:{line}: {message}", source=source, line=line)
        self.source = source
        self.line = line


@dataclass(frozen=True, slots=True)
class Term:
    """One lexicon entry."""

    term: str
    category: str
    severity: Severity
    suggestion: str = ""
    source: str = ""


@dataclass(frozen=True)
class Lexicon:
    """An ordered list of terms with a content version."""

    name: str
    terms: tuple[Term, ...]
    header: tuple[str, ...] = ()
    version: str = field(init=False)

    def __post_init__(self) -> None:
        digest = hashlib.sha256()
        for t in self.terms:
            # The source is part of the version: findings name where their term came from.
            line = f"{t.term}\t{t.category}\t{t.severity}\t{t.suggestion}\t{t.source}\n"
            digest.update(line.encode())
        object.__setattr__(self, "version", digest.hexdigest()[:16])

    def export(self) -> str:
        """The lexicon as file text (parses back to the same terms)."""
        lines = list(self.header)
        for t in self.terms:
            fields = [t.term, t.category, t.severity.value]
            if t.suggestion:
                fields.append(t.suggestion)
            lines.append("\t".join(fields))
        return "\n".join(lines) + "\n"


def merge(name: str, lexicons: list[Lexicon] | tuple[Lexicon, ...]) -> Lexicon:
    """One lexicon holding the terms of all given ones, in order."""
    return Lexicon(name, tuple(t for lex in lexicons for t in lex.terms))


def parse_lexicon(
    text: str,
    *,
    source: str = "<lexicon>",
    default_category: str = "custom",
    default_severity: Severity = Severity.BLOCK,
) -> Lexicon:
    """Parse lexicon file text; raise :class:`LexiconError` naming the bad line."""
    terms: list[Term] = []
    header: list[str] = []
    in_header = True
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if number == 1:
            line = line.removeprefix("\ufeff")
        if line.lstrip().startswith("#"):
            if in_header:
                header.append(line)
            continue
        if not line.strip():
            continue
        in_header = False
        fields = line.split("\t")
        if len(fields) > 4:
            raise LexiconError("more than 4 tab-separated fields", source=source, line=number)
        term = fields[0].strip()
        if not term:
            raise LexiconError("empty term", source=source, line=number)
        category = fields[1].strip() if len(fields) > 1 and fields[1].strip() else default_category
        severity = default_severity
        if len(fields) > 2 and fields[2].strip():
            try:
                severity = Severity(fields[2].strip().lower())
            except ValueError:
                raise LexiconError(
                    f"bad severity {fields[2].strip()!r} (block, escalate or warn)",
                    source=source,
                    line=number,
                ) from None
        suggestion = fields[3].strip() if len(fields) > 3 else ""
        if not normalise_term(term):
            raise LexiconError(
                f"term {term!r} has no letters or digits", source=source, line=number
            )
        terms.append(Term(term, category, severity, suggestion, source))
    return Lexicon(source, tuple(terms), tuple(header))


def load_lexicon(path: Path, *, source: str | None = None) -> Lexicon:
    """Read and parse a lexicon file (UTF-8); terms name ``source`` (the file name)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise LexiconError(f"not UTF-8 ({exc.reason})", source=str(path), line=1) from None
    return parse_lexicon(text, source=path.name if source is None else source)


SHIPPED = ("banned", "sensitive", "wording", "typos", "commercial", "emotional")


def shipped_lexicons() -> tuple[Lexicon, ...]:
    """The default lexicons shipped in ``resources/lexicons/``."""
    from newmedia_desk.paths import resource

    # Named like the office's copies in the database ("banned"), so a finding says the
    # same source whether the office changed the list or not.
    return tuple(load_lexicon(resource("lexicons", f"{name}.txt"), source=name) for name in SHIPPED)
