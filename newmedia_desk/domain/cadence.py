"""Cadence rules (更新频次): what an account or column must publish, and when.

Rules are read from the Chinese text offices already write (the 更新要求 column of their
ledgers, the seeds' rules) or built in a form. Text that does not parse is kept and
flagged, never guessed. Sources: DOMAIN.md "Cadence and calendar"; 001 § 篇1 art.7–8
(forecasts at 07:30 and 17:00, optionally 10:30; others 6–7 a week), § 篇4 六 (a column daily,
next week's content every Friday), § 篇5 三 (3 a day, workdays 3–10, slots); 000 § 篇2 三
(at least once a week); gov-rules.md §9 (14天内至少更新一次, 每10天内).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time
from enum import StrEnum


class Period(StrEnum):
    """The window a count applies to."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    DAYS = "days"
    """A rolling window of ``every_days`` days (14天内至少更新一次)."""


class DaySet(StrEnum):
    """Which days a daily rule applies to."""

    ALL = "all"
    WORKDAYS = "workdays"  # 工作日 (Monday–Friday)
    WEEKENDS = "weekends"  # 休息日、周末


@dataclass(frozen=True, slots=True)
class Slot:
    """A recommended publishing window; ``end`` ``None`` means "after ``start``"."""

    start: time
    end: time | None = None


@dataclass(frozen=True, slots=True)
class CadenceRule:
    """One requirement, in exactly one of these shapes.

    - fixed daily ``times`` (each within ``tolerance_minutes``), plus ``optional_times``;
    - a count per ``period`` (``minimum`` and/or ``maximum``), on ``days`` for daily counts,
      or per rolling ``every_days`` window;
    - ``slots``: recommended windows (advice, not counted);
    - ``delivery_weekday``: content for the next week is due on this weekday (0 = Monday).

    ``effective_from`` is the first office date the rule is judged on (生效日期, kept with
    the rule row, not in its text): days, weeks and months before it are not judged.
    ``None`` (a rule just parsed, not yet stored) judges any period.
    """

    text: str
    times: tuple[time, ...] = ()
    optional_times: tuple[time, ...] = ()
    tolerance_minutes: int = 30
    period: Period | None = None
    minimum: int | None = None
    maximum: int | None = None
    days: DaySet = DaySet.ALL
    every_days: int | None = None
    slots: tuple[Slot, ...] = ()
    delivery_weekday: int | None = None
    effective_from: date | None = None


@dataclass(frozen=True, slots=True)
class ParsedCadence:
    """What a text said: the rules understood and the clauses that were not."""

    text: str
    rules: tuple[CadenceRule, ...]
    unparsed: tuple[str, ...] = field(default=())

    @property
    def flagged(self) -> bool:
        """Whether some of the text could not be read (it is kept as written)."""
        return bool(self.unparsed)


_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_DIGITS |= {"六": 6, "七": 7, "八": 8, "九": 9}
_NUM = r"(\d+|[零一二两三四五六七八九十]+)"
_DASH = r"\s*[-–—~～至到]\s*"
_TIME = r"(\d{1,2})[:：点](\d{2})?"
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_EN_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def chinese_number(text: str) -> int:
    """``"3"``, ``"三"``, ``"十二"``, ``"两"`` → int (raises ``ValueError`` otherwise)."""
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)
    if len(text) == 1 and text in _DIGITS:
        return _DIGITS[text]
    raise ValueError(text)


def _time(hours: str, minutes: str | None) -> time:
    return time(int(hours), int(minutes or 0))


def _times_in(text: str) -> tuple[time, ...]:
    return tuple(_time(h, m) for h, m in re.findall(_TIME, text))


_PERIOD_WORDS = {
    "天": Period.DAY,
    "日": Period.DAY,
    "周": Period.WEEK,
    "星期": Period.WEEK,
    "月": Period.MONTH,
}
_COUNT = r"(?:次|条|篇|期)?"


def _day_set(text: str) -> DaySet:
    if re.search(r"工作日|workdays?", text):
        return DaySet.WORKDAYS
    if re.search(r"休息日|周末|节假日|weekends?", text):
        return DaySet.WEEKENDS
    return DaySet.ALL


def _count_rule(clause: str, carried: DaySet = DaySet.ALL) -> CadenceRule | None:
    text = clause.strip()
    days = _day_set(text)
    if days is DaySet.ALL:
        days = carried
    # Rolling windows: 14天内至少更新一次, 每10天内, 每两周至少更新一次.
    m = re.search(rf"(?:每)?{_NUM}\s*天内(?:至少|不少于)?(?:更新|发布)?{_NUM}?\s*{_COUNT}", text)
    if m:
        return CadenceRule(
            text,
            period=Period.DAYS,
            every_days=chinese_number(m.group(1)),
            minimum=chinese_number(m.group(2)) if m.group(2) else 1,
        )
    m = re.search(rf"每{_NUM}\s*(?:周|星期)", text)
    if m and chinese_number(m.group(1)) > 1:
        return CadenceRule(
            text, period=Period.DAYS, every_days=7 * chinese_number(m.group(1)), minimum=1
        )
    period: Period | None = None
    m = re.search(r"每(?:个)?(天|日|周|星期|月)|(日)均", text)
    if m:
        period = _PERIOD_WORDS[m.group(1) or m.group(2)]
    elif days is not DaySet.ALL:
        period = Period.DAY
    en = re.search(r"\b(?:a|per|each|every)\s+(day|week|month)\b|\b(daily|weekly|monthly)\b", text)
    if period is None and en:
        word = en.group(1) or {"daily": "day", "weekly": "week", "monthly": "month"}[en.group(2)]
        period = Period(word)
    if period is None:
        return None
    body = text
    rng = re.search(rf"{_NUM}{_DASH}{_NUM}\s*{_COUNT}", body)
    at_least = re.search(
        rf"(?:至少|不少于|最少|at least)\s*(?:更新|发布)?\s*{_NUM}\s*{_COUNT}", body
    )
    at_most = re.search(rf"(?:最多|不超过|至多|at most)\s*(?:更新|发布)?\s*{_NUM}\s*{_COUNT}", body)
    once = re.search(r"(?:至少|不少于|at least)\s*(?:更新|发布)?\s*(?:一次|once)", body)
    exact = re.search(rf"{_NUM}\s*(?:次|条|篇|times?|posts?)", body)
    minimum = maximum = None
    if once:
        minimum = 1
    if at_least:
        minimum = chinese_number(at_least.group(1))
    if at_most:
        maximum = chinese_number(at_most.group(1))
    if rng:
        low, high = chinese_number(rng.group(1)), chinese_number(rng.group(2))
        if at_least and at_most is None and rng.start() > at_least.end():
            maximum = high  # 每日发布至少3条,最多5-10条: the upper figure is the maximum
        elif minimum is None:
            minimum, maximum = low, high
        else:
            maximum = high
    if minimum is None and maximum is None and exact:
        minimum = maximum = chinese_number(exact.group(1))
    if minimum is None and maximum is None:
        return None
    return CadenceRule(text, period=period, minimum=minimum, maximum=maximum, days=days)


def _fixed_times_rule(clause: str) -> CadenceRule | None:
    text = clause.strip()
    if not re.search(r"每天|每日|daily|every day", text):
        return None
    times = _times_in(re.split(r"最好|可选|optional|有条件|再", text)[0])
    if not times:
        return None
    optional_part = re.split(r"最好|可选|optional|有条件", text, maxsplit=1)
    optional = _times_in(optional_part[1]) if len(optional_part) > 1 else ()
    return CadenceRule(text, times=times, optional_times=optional)


def _optional_rule(clause: str) -> CadenceRule | None:
    text = clause.strip()
    if re.search(r"最好|可选|optional|有条件", text) and _times_in(text):
        return CadenceRule(text, optional_times=_times_in(text))
    return None


def _slots_rule(clause: str) -> CadenceRule | None:
    text = clause.strip()
    pairs = re.findall(rf"{_TIME}{_DASH}{_TIME}", text)
    after = re.findall(rf"(?:after\s*{_TIME}|{_TIME}\s*(?:以后|之后|后))", text)
    if not pairs and not after:
        return None
    if not re.search(r"推荐|建议|时段|slots?|after|以后|之后", text):
        return None
    slots = [Slot(_time(a, b), _time(c, d)) for a, b, c, d in pairs]
    for a, b, c, d in after:
        slots.append(Slot(_time(a or c, b or d)))
    return CadenceRule(text, slots=tuple(slots))


def _delivery_rule(clause: str) -> CadenceRule | None:
    text = clause.strip()
    m = re.search(r"每(?:周|星期)([一二三四五六日天])(?:提交|交|报送|提供)", text)
    if m and ("下" in text or "next" in text):
        return CadenceRule(text, delivery_weekday=_WEEKDAYS[m.group(1)])
    m = re.search(r"every\s+(" + "|".join(_EN_WEEKDAYS) + ")", text.lower())
    if m and "next week" in text.lower():
        return CadenceRule(text, delivery_weekday=_EN_WEEKDAYS.index(m.group(1)))
    return None


_IRREGULAR = re.compile(r"不定期|视情况|看情况|随时|适时|根据需要|按需|as needed|irregular")
"""Clauses that set no requirement on purpose; they are not flagged."""


def parse_cadence(text: str) -> ParsedCadence:
    """Read the rules in ``text``; clauses that say nothing understood are kept as flagged.

    A clause that only names the days (休息日微博, 工作日日常更新) carries them to the
    next clause of the same sentence; a clause that sets no requirement on purpose
    (不定期, 视情况, 随时) is not flagged; anything else that does not parse is returned in
    ``unparsed``, word for word.
    """
    rules: list[CadenceRule] = []
    unparsed: list[str] = []
    for sentence in re.split(r"[；;。\n]", text):
        carried = DaySet.ALL
        for raw in re.split(
            r"[，,](?=\s*(?:每|工作日|休息日|周末|推荐|建议|at\b|every\b|daily\b))", sentence
        ):
            clause = raw.strip(" ，,、")
            if not clause:
                continue
            rule = (
                _delivery_rule(clause)
                or _fixed_times_rule(clause)
                or _slots_rule(clause)
                or _count_rule(clause, carried)
                or _optional_rule(clause)
            )
            if rule is not None:
                rules.append(rule)
            elif _day_set(clause) is not DaySet.ALL:
                carried = _day_set(clause)
            elif not _IRREGULAR.search(clause):
                unparsed.append(clause)
    return ParsedCadence(text, tuple(rules), tuple(unparsed))
