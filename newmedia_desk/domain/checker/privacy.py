"""Personal data in a post: ID numbers, mobile numbers and bank-card numbers.

Detection runs on the original text with digit boundaries, and uses check digits so a
random number does not count: GB 11643 for 18-digit ID numbers (plus a plausible birth
date), Luhn for 16–19 digit bank cards. Masks follow the official format: a mobile keeps
its first 3 and last 4 digits (138****1234), an ID number its first 2 and last 3, a card
its first 4 and last 4.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# Each also in the grouped forms people type: ID 6-8-4, mobile 3-4-4, card in fours, with
# one space or hyphen between groups.
_ID_RE = re.compile(
    r"(?<![0-9A-Za-z])(?:\d{17}[0-9Xx]|\d{6}([ -])\d{8}\1\d{3}[0-9Xx])(?![0-9A-Za-z])"
)
_MOBILE_RE = re.compile(r"(?<![0-9])(?:1[3-9]\d{9}|1[3-9]\d([ -])\d{4}\1\d{4})(?![0-9])")
_CARD_RE = re.compile(
    r"(?<![0-9])(?:\d{16,19}|\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?)(?![0-9])"
)
_ELEVEN_DIGITS = re.compile(r"\d(?:[ -]?\d){10}")
_SEPARATORS = str.maketrans("", "", " -")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


@dataclass(frozen=True, slots=True)
class PersonalData:
    """One piece of personal data found in the original text."""

    kind: str  # "id_number", "mobile" or "bank_card"
    start: int
    end: int
    value: str
    masked: str


def id_check_digit(first17: str) -> str:
    """The GB 11643 check character of the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def is_valid_id_number(value: str) -> bool:
    """An 18-character ID number with a plausible birth date and the right check digit."""
    if len(value) != 18 or not value[:17].isdigit():
        return False
    try:
        born = dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return False
    if not dt.date(1900, 1, 1) <= born <= dt.date(2100, 12, 31):
        return False
    return id_check_digit(value[:17]) == value[17].upper()


def luhn_ok(digits: str) -> bool:
    """True when the digit string passes the Luhn check."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def mask_mobile(value: str) -> str:
    """138****1234."""
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_id_number(value: str) -> str:
    """First 2 and last 3 characters kept."""
    return value[:2] + "*" * (len(value) - 5) + value[-3:]


def mask_bank_card(value: str) -> str:
    """First 4 and last 4 digits kept."""
    return value[:4] + "*" * (len(value) - 8) + value[-4:]


def find_personal_data(text: str) -> list[PersonalData]:
    """Every valid ID, mobile and card number in ``text``, in order of position.

    Where candidates overlap, the first kind found wins (ID before card before mobile).
    Masks are written without the group separators, in the official format.
    """
    found: list[PersonalData] = []
    if _ELEVEN_DIGITS.search(text) is None:  # the shortest of the three is 11 digits
        return found
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    checks = (
        ("id_number", _ID_RE, is_valid_id_number, mask_id_number),
        ("bank_card", _CARD_RE, luhn_ok, mask_bank_card),
        ("mobile", _MOBILE_RE, lambda _digits: True, mask_mobile),
    )
    for kind, pattern, valid, mask in checks:
        for m in pattern.finditer(text):
            digits = m.group().translate(_SEPARATORS)
            if free(*m.span()) and valid(digits):
                found.append(PersonalData(kind, *m.span(), m.group(), mask(digits)))
                taken.append(m.span())
    found.sort(key=lambda p: p.start)
    return found


def mask_personal_data(text: str) -> str:
    """A copy of ``text`` with every piece of personal data masked (the one-click fix)."""
    parts: list[str] = []
    pos = 0
    for item in find_personal_data(text):
        parts.append(text[pos : item.start])
        parts.append(item.masked)
        pos = item.end
    parts.append(text[pos:])
    return "".join(parts)
