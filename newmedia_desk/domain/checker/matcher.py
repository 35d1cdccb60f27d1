"""Multi-pattern matching with an Aho-Corasick automaton, built once per lexicon version."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from newmedia_desk.domain.checker.lexicon import Lexicon, Term
from newmedia_desk.domain.checker.normalise import Shadow, normalise_term


@dataclass(frozen=True, slots=True)
class Hit:
    """One term found: its span in the original text."""

    term: Term
    start: int
    end: int


class Matcher:
    """The automaton of one lexicon version."""

    def __init__(self, lexicon: Lexicon) -> None:
        import ahocorasick

        self.version = lexicon.version
        groups: dict[str, list[Term]] = {}
        for term in lexicon.terms:
            groups.setdefault(normalise_term(term.term), []).append(term)
        automaton: Any = ahocorasick.Automaton()
        for key, terms in groups.items():
            automaton.add_word(key, (len(key), tuple(terms)))
        if groups:
            automaton.make_automaton()
        self._automaton = automaton
        self._empty = not groups

    def find(self, shadow: Shadow) -> list[Hit]:
        """Every hit in the shadow text, overlapping ones included, in order of end."""
        if self._empty or not shadow.text:
            return []
        origin = shadow.origin
        hits: list[Hit] = []
        for end, (length, terms) in self._automaton.iter(shadow.text):
            start = origin[end - length + 1]
            stop = origin[end] + 1
            hits.extend(Hit(t, start, stop) for t in terms)
        return hits


_CACHE: OrderedDict[str, Matcher] = OrderedDict()
_CACHE_SIZE = 8


def matcher_for(lexicon: Lexicon) -> Matcher:
    """The cached matcher of this lexicon version (built on first use)."""
    found = _CACHE.get(lexicon.version)
    if found is not None:
        _CACHE.move_to_end(lexicon.version)
        return found
    built = Matcher(lexicon)
    _CACHE[lexicon.version] = built
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return built
