"""The office's lexicons (词库): every list editable, every change audited and versioned.

A shipped lexicon (``resources/lexicons/<name>.txt``) that the office never changed is
"revision 0": the file shipped with the running program. The first change stores revision 1
(the shipped terms plus the change), and so on; the office may also create lexicons of its
own (e.g. ``leaders``: wrong forms of its leaders' names). Each revision keeps the whole
lexicon in the file format, so any of them can be exported or restored.

Reading is open to everyone signed in (``actor`` ``None`` is the read-only command line);
changing needs :attr:`Permission.MANAGE_LEXICONS`. Every change names the revision the
caller saw and is refused with :class:`ConflictError` when somebody saved another one since.
"""

from __future__ import annotations

import builtins
import logging
import re
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from newmedia_desk.domain.checker.lexicon import (
    SHIPPED,
    Lexicon,
    LexiconError,
    Severity,
    Term,
    merge,
    parse_lexicon,
)
from newmedia_desk.domain.checker.normalise import normalise_term
from newmedia_desk.domain.clock import Clock
from newmedia_desk.domain.errors import ConflictError, NotFoundError, ValidationError
from newmedia_desk.domain.roles import Permission
from newmedia_desk.domain.staff import Principal
from newmedia_desk.services.audit import AuditService
from newmedia_desk.services.common import check_version, require
from newmedia_desk.storage.database import Database
from newmedia_desk.storage.lexicon_models import LexiconRevision, OfficeLexicon
from newmedia_desk.storage.models import AuditRow, Staff

_log = logging.getLogger(__name__)

SHIPPED_TITLES: dict[str, str] = {
    "banned": "禁发内容",
    "sensitive": "敏感话题",
    "wording": "规范用语",
    "typos": "严重差错",
    "commercial": "商业广告用语",
    "emotional": "情绪化个人观点",
}
"""Titles of the shipped lexicons (the first words of each file's header)."""

SHIPPED_NOTE = "随程序提供"
"""The note of revision 0 of a shipped lexicon (the file shipped with the program)."""

DEFAULT_CATEGORY = "custom"
"""The category of a term given without one (as in a lexicon file)."""

NAME_PATTERN = re.compile(r"[a-z0-9_]{1,32}")
MAX_TITLE = 60
MAX_TERM = 100
MAX_CATEGORY = 40
MAX_SUGGESTION = 200
ACTIVE_NAME = "office"
"""``Lexicon.name`` of the merged lexicon :meth:`LexiconService.active` returns."""

# Characters that end a line for str.splitlines() or separate fields: a term holding one
# would not survive export and import.
_BREAKS = frozenset("\t\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
_FORMAT_LINE = "# 格式：词<TAB>类别<TAB>级别<TAB>建议"


@dataclass(frozen=True, slots=True)
class LexiconSummary:
    """One lexicon as the list shows it."""

    name: str
    title: str
    revision: int
    term_count: int
    shipped: bool
    changed_at: datetime | None
    changed_by: str | None
    """Display name of the person who saved the current revision (``None``: shipped file)."""


@dataclass(frozen=True, slots=True)
class LexiconRevisionInfo:
    """One saved revision of a lexicon (revision 0 of a shipped one is the shipped file)."""

    number: int
    created_at: datetime
    created_by: str
    note: str
    term_count: int
    added: int
    removed: int


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did; ``revision`` is the current one afterwards (unchanged if nothing)."""

    revision: int
    added: int
    updated: int
    removed: int
    unchanged: int


# -- validation ---------------------------------------------------------------------------


def validate_name(name: str) -> str:
    """A lexicon's name: 1–32 of ``a-z``, ``0-9`` and ``_`` (it is also its file name)."""
    if not isinstance(name, str) or NAME_PATTERN.fullmatch(name) is None:
        raise ValidationError(
            "a lexicon name is 1-32 lowercase letters, digits or _", field="name", name=name
        )
    return name


def validate_title(title: str) -> str:
    """A lexicon's title: one line of 1–60 characters."""
    text = title.strip()
    if not text:
        raise ValidationError("the title must not be empty", field="title")
    if len(text) > MAX_TITLE:
        raise ValidationError(f"the title is longer than {MAX_TITLE} characters", field="title")
    if any(ch in _BREAKS for ch in text):
        raise ValidationError("the title must be one line", field="title")
    return text


def _one_line(value: str, field: str, limit: int) -> str:
    text = value.strip()
    if any(ch in _BREAKS for ch in text):
        raise ValidationError(f"the {field} must be one line without tabs", field=field)
    if len(text) > limit:
        raise ValidationError(f"the {field} is longer than {limit} characters", field=field)
    return text


def validate_term(term: Term, lexicon: str) -> Term:
    """The term cleaned (trimmed, default category) with ``source`` set to ``lexicon``."""
    text = _one_line(term.term, "term", MAX_TERM).removeprefix("\ufeff").strip()
    if not text:
        raise ValidationError("the term must not be empty", field="term")
    if text.startswith("#"):
        raise ValidationError("a term cannot start with # (that marks a comment)", field="term")
    if not normalise_term(text):
        raise ValidationError(f"the term {text!r} has no letters or digits", field="term")
    category = _one_line(term.category, "category", MAX_CATEGORY) or DEFAULT_CATEGORY
    try:
        severity = Severity(term.severity)
    except ValueError:
        raise ValidationError(
            f"bad severity {term.severity!r} (block, escalate or warn)", field="severity"
        ) from None
    suggestion = _one_line(term.suggestion, "suggestion", MAX_SUGGESTION)
    return Term(text, category, severity, suggestion, lexicon)


def term_key(term: str) -> str:
    """What makes two terms the same: their normalised form (they match the same text)."""
    return normalise_term(term)


def _fields(term: Term) -> dict[str, str]:
    return {
        "term": term.term,
        "category": term.category,
        "severity": term.severity.value,
        "suggestion": term.suggestion,
    }


# -- reading lexicons ---------------------------------------------------------------------


@lru_cache(maxsize=64)
def _parse_stored(name: str, content: str) -> Lexicon:
    """Parse a stored revision (cached: revisions never change)."""
    return parse_lexicon(content, source=name)


@lru_cache(maxsize=len(SHIPPED))
def _shipped(name: str) -> Lexicon:
    """The shipped file of ``name``, its terms sourced to the lexicon's name."""
    from newmedia_desk.paths import resource

    text = resource("lexicons", f"{name}.txt").read_text(encoding="utf-8")
    return _parse_stored(name, text)


def _ordered_names(office: Iterable[str]) -> list[str]:
    extra = sorted(set(office) - set(SHIPPED))
    return [*SHIPPED, *extra]


def _current_all(s: Session) -> list[Lexicon]:
    """The current revision of every lexicon, shipped ones first."""
    rows = s.execute(
        select(OfficeLexicon.name, LexiconRevision.content).join(
            LexiconRevision,
            (LexiconRevision.name == OfficeLexicon.name)
            & (LexiconRevision.number == OfficeLexicon.revision),
        )
    ).all()
    contents = {name: content for name, content in rows}
    return [
        _parse_stored(name, contents[name]) if name in contents else _shipped(name)
        for name in _ordered_names(contents)
    ]


def _probe(s: Session) -> tuple[Any, ...]:
    """Changes whenever a revision is saved (revisions are only ever added)."""
    row = s.execute(select(func.max(LexiconRevision.id), func.count(LexiconRevision.id))).one()
    return tuple(row)


def office_lexicons(db: Database) -> tuple[Lexicon, ...] | None:
    """The current lexicons stored in ``db`` (read-only, no audit key needed).

    ``None`` when the database has no lexicon tables (a schema older than 0004, or not a
    newmedia_desk database): the shipped lexicons are then the office's lexicons.
    """
    with db.read() as s:
        if not inspect(s.connection()).has_table(LexiconRevision.__tablename__):
            return None
        return tuple(_current_all(s))


@dataclass(frozen=True, slots=True)
class _State:
    row: OfficeLexicon | None
    lexicon: Lexicon
    revision: int
    content: str


def _load(s: Session, name: str, *, lock: bool = False) -> _State:
    query = select(OfficeLexicon).where(OfficeLexicon.name == name)
    row = s.scalar(query.with_for_update() if lock else query)
    if row is None:
        if name not in SHIPPED:
            raise NotFoundError(f"no lexicon called {name}", name=name)
        lexicon = _shipped(name)
        return _State(None, lexicon, 0, lexicon.export())
    content = s.scalar(
        select(LexiconRevision.content).where(
            LexiconRevision.name == name, LexiconRevision.number == row.revision
        )
    )
    if content is None:  # pragma: no cover - the revision row is written with the pointer
        raise NotFoundError(f"revision {row.revision} of {name} is missing", name=name)
    return _State(row, _parse_stored(name, content), row.revision, content)


def _duplicate(term: Term, others: Iterable[Term]) -> None:
    key = term_key(term.term)
    for other in others:
        if term_key(other.term) == key:
            same = "" if other.term == term.term else f" (as {other.term})"
            raise ValidationError(
                f"{term.term} is already in the lexicon{same}", field="term", term=term.term
            )


def _term_lines(text: str) -> list[int]:
    """The line number of each term of ``text``, in the order ``parse_lexicon`` reads them."""
    numbers: list[int] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.removeprefix("\ufeff") if number == 1 else raw
        if line.lstrip().startswith("#") or not line.strip():
            continue
        numbers.append(number)
    return numbers


def _parse_import(name: str, text: str, source: str) -> Lexicon:
    """Parse and check an imported file; raise ``LexiconError`` naming the bad line."""
    parsed = parse_lexicon(text, source=source)
    lines = _term_lines(text)
    seen: dict[str, int] = {}
    terms: list[Term] = []
    for term, line in zip(parsed.terms, lines, strict=True):
        try:
            clean = validate_term(term, name)
        except ValidationError as exc:
            raise LexiconError(exc.message, source=source, line=line) from None
        key = term_key(clean.term)
        if key in seen:
            raise LexiconError(
                f"{clean.term} repeats line {seen[key]}", source=source, line=line
            ) from None
        seen[key] = line
        terms.append(clean)
    return Lexicon(name, tuple(terms), parsed.header)


# -- the service --------------------------------------------------------------------------


class LexiconService:
    """Read, change, import, export and restore the office's lexicons."""

    def __init__(
        self, db: Database, audit: AuditService, clock: Clock, *, probe_interval: float = 1.0
    ) -> None:
        self._db = db
        self._audit = audit
        self._clock = clock
        self._probe_interval = probe_interval
        """Seconds between checks whether another process saved a revision."""
        self._lock = threading.Lock()
        self._active: Lexicon | None = None
        self._active_probe: tuple[Any, ...] | None = None
        self._probed_at = 0.0
        self._stale = True

    # -- reading ------------------------------------------------------------------------

    def list(self, actor: Principal | None) -> list[LexiconSummary]:
        """Every lexicon: the shipped ones in their order, then the office's by name."""
        with self._db.read() as s:
            rows = s.execute(
                select(OfficeLexicon, LexiconRevision, Staff.name)
                .join(
                    LexiconRevision,
                    (LexiconRevision.name == OfficeLexicon.name)
                    & (LexiconRevision.number == OfficeLexicon.revision),
                )
                .join(Staff, Staff.id == LexiconRevision.created_by)
            ).all()
            stored = {row.name: (row, rev, who) for row, rev, who in rows}
            summaries: list[LexiconSummary] = []
            for name in _ordered_names(stored):
                if name in stored:
                    row, rev, who = stored[name]
                    summaries.append(
                        LexiconSummary(
                            name,
                            row.title,
                            row.revision,
                            rev.term_count,
                            name in SHIPPED,
                            rev.created_at,
                            who,
                        )
                    )
                else:
                    lexicon = _shipped(name)
                    summaries.append(
                        LexiconSummary(
                            name, SHIPPED_TITLES[name], 0, len(lexicon.terms), True, None, None
                        )
                    )
            return summaries

    def lexicon(self, actor: Principal | None, name: str) -> tuple[Lexicon, int]:
        """The current terms of one lexicon and the number of its current revision."""
        with self._db.read() as s:
            state = _load(s, name)
        return state.lexicon, state.revision

    def export_text(self, actor: Principal | None, name: str) -> str:
        """The current lexicon as file text (header included); parses back to the same."""
        with self._db.read() as s:
            return _load(s, name).content

    def history(self, actor: Principal | None, name: str) -> builtins.list[LexiconRevisionInfo]:
        """Every revision, newest first; a shipped lexicon ends with revision 0, the file."""
        with self._db.read() as s:
            _load(s, name)  # unknown names are refused
            rows = s.execute(
                select(LexiconRevision, Staff.name)
                .join(Staff, Staff.id == LexiconRevision.created_by)
                .where(LexiconRevision.name == name)
                .order_by(LexiconRevision.number.desc())
            ).all()
            infos = [
                LexiconRevisionInfo(
                    rev.number,
                    rev.created_at,
                    who,
                    rev.note,
                    rev.term_count,
                    rev.added,
                    rev.removed,
                )
                for rev, who in rows
            ]
            if name in SHIPPED and not any(info.number == 0 for info in infos):
                count = len(_shipped(name).terms)
                infos.append(
                    LexiconRevisionInfo(0, self._since(s), "", SHIPPED_NOTE, count, count, 0)
                )
            return infos

    def _since(self, s: Session) -> datetime:
        """When this database began (its first audit entry): since then the file applied."""
        first = s.scalar(select(AuditRow.at).order_by(AuditRow.seq).limit(1))
        return first if first is not None else self._clock.now()

    def active(self) -> Lexicon:
        """All current lexicons merged into one, for checking.

        Cheap to call on every keystroke: the merged lexicon is kept and rebuilt only when
        a revision was saved, here (noticed at once) or by another process sharing the
        database (noticed by a small query at most every ``probe_interval`` seconds). The
        same object comes back while nothing changed, so the matcher's cache holds.
        """
        with self._lock:
            now = time.monotonic()
            cached = self._active
            fresh = now - self._probed_at < self._probe_interval
            if cached is not None and not self._stale and fresh:
                return cached
            try:
                with self._db.read() as s:
                    probe = _probe(s)
                    self._probed_at = now
                    if cached is not None and probe == self._active_probe:
                        self._stale = False
                        return cached
                    lexicons = _current_all(s)
            except SQLAlchemyError:
                if cached is None:
                    raise
                # Keep checking with the lexicons last read rather than stop the editor.
                _log.warning("cannot read the lexicons; checking with the last ones read")
                self._probed_at = now
                return cached
            merged = merge(ACTIVE_NAME, lexicons)
            if cached is not None and cached.terms == merged.terms:
                merged = cached  # e.g. a restore back to the same terms: keep the object
            self._active, self._active_probe, self._stale = merged, probe, False
            return merged

    def _touch(self) -> None:
        """Something may have been saved here: check before the next ``active()``."""
        with self._lock:
            self._stale = True

    def invalidate(self) -> None:
        """Forget the merged lexicon (e.g. after the database file was replaced)."""
        with self._lock:
            self._stale = True
            self._active_probe = None

    # -- changing -----------------------------------------------------------------------

    def create(self, actor: Principal, name: str, title: str) -> None:
        """Create an empty lexicon of the office (revision 0); audited."""
        require(actor, Permission.MANAGE_LEXICONS)
        validate_name(name)
        clean_title = validate_title(title)
        if name in SHIPPED:
            raise ValidationError(f"a lexicon called {name} already exists", field="name")
        header = (f"# {clean_title}", _FORMAT_LINE)
        content = Lexicon(name, (), header).export()
        try:
            with self._db.write() as s:
                if s.get(OfficeLexicon, name) is not None:
                    raise ValidationError(f"a lexicon called {name} already exists", field="name")
                now = self._clock.now()
                s.add(
                    OfficeLexicon(
                        name=name,
                        title=clean_title,
                        revision=0,
                        created_at=now,
                        created_by=actor.staff_id,
                    )
                )
                s.flush()
                s.add(
                    LexiconRevision(
                        name=name,
                        number=0,
                        content=content,
                        term_count=0,
                        added=0,
                        removed=0,
                        note="新建词库",
                        created_at=now,
                        created_by=actor.staff_id,
                    )
                )
                s.flush()
                self._audit.append(
                    s,
                    actor,
                    "lexicon_created",
                    "lexicon",
                    name,
                    after={"title": clean_title, "revision": 0, "terms": 0},
                )
        except IntegrityError as exc:
            raise ValidationError(f"a lexicon called {name} already exists", field="name") from exc
        finally:
            self._touch()

    def add_term(self, actor: Principal, name: str, term: Term, *, revision: int) -> int:
        """Add one term; return the new revision."""
        require(actor, Permission.MANAGE_LEXICONS)
        new = validate_term(term, name)

        def change(state: _State, _s: Session) -> _Change:
            _duplicate(new, state.lexicon.terms)
            return _Change(
                (*state.lexicon.terms, new),
                state.lexicon.header,
                f"新增 {new.term}",
                {},
                {"term": _fields(new)},
            )

        return self._change(actor, name, revision, change)

    def update_term(
        self, actor: Principal, name: str, old: str, new: Term, *, revision: int
    ) -> int:
        """Replace the term whose text is ``old`` (its text may change too); new revision."""
        require(actor, Permission.MANAGE_LEXICONS)
        clean = validate_term(new, name)

        def change(state: _State, _s: Session) -> _Change:
            terms = list(state.lexicon.terms)
            index = next((i for i, t in enumerate(terms) if t.term == old), None)
            if index is None:
                raise NotFoundError(f"{old} is not in the lexicon {name}", term=old)
            previous = terms[index]
            _duplicate(clean, terms[:index] + terms[index + 1 :])
            terms[index] = clean
            label = old if clean.term == old else f"{old} → {clean.term}"
            return _Change(
                tuple(terms),
                state.lexicon.header,
                f"修改 {label}",
                {"term": _fields(previous)},
                {"term": _fields(clean)},
            )

        return self._change(actor, name, revision, change)

    def remove_terms(
        self, actor: Principal, name: str, terms: Sequence[str], *, revision: int
    ) -> int:
        """Remove the terms with these texts; return the new revision."""
        require(actor, Permission.MANAGE_LEXICONS)
        if isinstance(terms, str):
            raise ValidationError("give a list of terms, not one string", field="term")
        wanted = list(dict.fromkeys(terms))

        def change(state: _State, _s: Session) -> _Change:
            present = {t.term: t for t in state.lexicon.terms}
            missing = [t for t in wanted if t not in present]
            if missing:
                raise NotFoundError(
                    f"not in the lexicon {name}: {', '.join(missing)}", term=missing[0]
                )
            gone = set(wanted)
            kept = tuple(t for t in state.lexicon.terms if t.term not in gone)
            if len(wanted) == 1:
                note = f"删除 {wanted[0]}"
                before: dict[str, Any] = {"term": _fields(present[wanted[0]])}
            else:
                shown = "、".join(wanted[:5]) + ("等" if len(wanted) > 5 else "")
                note = f"删除 {len(wanted)} 个词：{shown}"
                before = {"removed": wanted}
            return _Change(kept, state.lexicon.header, note, before, {})

        return self._change(actor, name, revision, change)

    def import_text(
        self, actor: Principal, name: str, text: str, *, replace: bool, source: str, revision: int
    ) -> ImportResult:
        """Import lexicon file text: all lines or none (``LexiconError`` names the bad one).

        ``replace`` makes the file the whole lexicon (its header too, if it has one); else
        its terms are merged in: a term already there is updated when its fields differ.
        """
        require(actor, Permission.MANAGE_LEXICONS)
        imported = _parse_import(name, text, source)
        counts: dict[str, int] = {}

        def change(state: _State, _s: Session) -> _Change:
            current = state.lexicon.terms
            by_key = {term_key(t.term): t for t in current}
            incoming = {term_key(t.term): t for t in imported.terms}
            added = updated = unchanged = 0
            for key, term in incoming.items():
                if key not in by_key:
                    added += 1
                elif by_key[key] == term:
                    unchanged += 1
                else:
                    updated += 1
            if replace:
                terms = imported.terms
                removed = sum(1 for key in by_key if key not in incoming)
                header = imported.header or state.lexicon.header
            else:
                merged = [incoming.get(term_key(t.term), t) for t in current]
                merged += [t for k, t in incoming.items() if k not in by_key]
                terms = tuple(merged)
                removed = 0
                header = state.lexicon.header
            counts.update(added=added, updated=updated, removed=removed, unchanged=unchanged)
            mode = "替换" if replace else "合并"
            return _Change(
                terms,
                header,
                f"导入 {source}（{mode}）",
                {},
                {"source": source, "replace": replace, **counts},
            )

        number = self._change(actor, name, revision, change)
        return ImportResult(
            number, counts["added"], counts["updated"], counts["removed"], counts["unchanged"]
        )

    def restore(self, actor: Principal, name: str, number: int, *, revision: int) -> int:
        """Save the terms of revision ``number`` as a new revision; return its number."""
        require(actor, Permission.MANAGE_LEXICONS)

        def change(state: _State, s: Session) -> _Change:
            content = s.scalar(
                select(LexiconRevision.content).where(
                    LexiconRevision.name == name, LexiconRevision.number == number
                )
            )
            if content is not None:
                old = _parse_stored(name, content)
            elif number == 0 and name in SHIPPED:
                old = _shipped(name)
            else:
                raise NotFoundError(f"{name} has no revision {number}", number=number)
            return _Change(
                old.terms,
                old.header,
                f"恢复为第 {number} 版",
                {},
                {"restored": number},
                action="lexicon_restored",
            )

        return self._change(actor, name, revision, change)

    # -- one change: a revision row and an audit entry ----------------------------------

    def _change(
        self,
        actor: Principal,
        name: str,
        revision: int,
        make: Callable[[_State, Session], _Change],
    ) -> int:
        try:
            with self._db.write() as s:
                state = _load(s, name, lock=True)
                check_version(f"lexicon {name}", state.revision, revision)
                change = make(state, s)
                new = Lexicon(name, tuple(change.terms), tuple(change.header))
                content = new.export()
                if content == state.content:
                    return state.revision
                return self._save(s, actor, name, state, new, content, change)
        except IntegrityError as exc:
            # Another PC saved the first revision of the same lexicon at the same moment.
            raise ConflictError(
                f"lexicon {name} was changed by someone else meanwhile; reload it and apply "
                "the edit again",
                entity=f"lexicon {name}",
            ) from exc
        finally:
            self._touch()

    def _save(
        self,
        s: Session,
        actor: Principal,
        name: str,
        state: _State,
        new: Lexicon,
        content: str,
        change: _Change,
    ) -> int:
        now = self._clock.now()
        row = state.row
        if row is None:
            row = OfficeLexicon(
                name=name,
                title=SHIPPED_TITLES.get(name, name),
                revision=0,
                created_at=now,
                created_by=actor.staff_id,
            )
            s.add(row)
            s.flush()
        number = state.revision + 1
        old_keys = {term_key(t.term) for t in state.lexicon.terms}
        new_keys = {term_key(t.term) for t in new.terms}
        s.add(
            LexiconRevision(
                name=name,
                number=number,
                content=content,
                term_count=len(new.terms),
                added=len(new_keys - old_keys),
                removed=len(old_keys - new_keys),
                note=change.note,
                created_at=now,
                created_by=actor.staff_id,
            )
        )
        row.revision = number
        s.flush()
        self._audit.append(
            s,
            actor,
            change.action,
            "lexicon",
            name,
            before={"revision": state.revision, "terms": len(state.lexicon.terms), **change.before},
            after={"revision": number, "terms": len(new.terms), **change.after},
        )
        return number


@dataclass(frozen=True, slots=True)
class _Change:
    terms: Sequence[Term]
    header: Sequence[str]
    note: str
    before: dict[str, Any]
    after: dict[str, Any]
    action: str = "lexicon_changed"
