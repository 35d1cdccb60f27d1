"""Personal data: check digits decide, masks follow the official format."""

from __future__ import annotations

import pytest

from newmedia_desk.domain.checker.check import check
from newmedia_desk.domain.checker.privacy import (
    find_personal_data,
    id_check_digit,
    is_valid_id_number,
    luhn_ok,
    mask_personal_data,
)

VALID_ID = "11010519491231002X"


def test_id_number_with_valid_check_digit_is_found_and_masked() -> None:
    assert id_check_digit(VALID_ID[:17]) == "X"
    text = f"当事人身份证号{VALID_ID}，现已结案"
    [item] = find_personal_data(text)
    assert item.kind == "id_number"
    assert text[item.start : item.end] == VALID_ID
    assert item.masked == "11*************02X"
    assert mask_personal_data(text) == "当事人身份证号11*************02X，现已结案"


@pytest.mark.parametrize(
    "number",
    ["123456789012345678", "110105194912310021", "110105194913310029", "110105185001010010"],
    ids=["random", "wrong-check-digit", "bad-month", "year-1850"],
)
def test_eighteen_digits_without_a_valid_id_are_not_an_id(number: str) -> None:
    assert not is_valid_id_number(number)
    assert all(p.kind != "id_number" for p in find_personal_data(f"编号{number}"))


def test_id_inside_a_longer_number_is_not_found() -> None:
    assert all(p.kind != "id_number" for p in find_personal_data(f"9{VALID_ID}"))


def test_mobile_number_is_found_with_boundaries_and_masked() -> None:
    [item] = find_personal_data("电话13812341234。")
    assert (item.kind, item.masked) == ("mobile", "138****1234")
    assert find_personal_data("订单号913812341234") == []
    assert find_personal_data("12812341234") == []


def test_bank_card_needs_luhn() -> None:
    assert luhn_ok("4111111111111111")
    assert not luhn_ok("4111111111111112")
    [item] = find_personal_data("卡号4111111111111111")
    assert (item.kind, item.masked) == ("bank_card", "4111********1111")
    assert find_personal_data("卡号4111111111111112") == []
    assert find_personal_data("卡号6222020200112233") == [] or luhn_ok("6222020200112233")


def test_privacy_blocks_until_masked() -> None:
    text = f"联系人电话13812341234，身份证{VALID_ID}"
    result = check(text)
    assert result.blocks
    assert {f.rule for f in result.findings} == {"mobile", "id_number"}
    assert not check(mask_personal_data(text)).blocks


@pytest.mark.parametrize(
    ("text", "kind", "masked"),
    [
        ("电话 138 1234 5678 联系", "mobile", "138****5678"),
        ("电话138-1234-5678", "mobile", "138****5678"),
        ("卡号 6222 0202 0000 1234 567。", "bank_card", None),
        ("身份证 110101-19900307-1233", "id_number", "11*************233"),
    ],
)
def test_grouped_forms_are_found(text: str, kind: str, masked: str | None) -> None:
    found = find_personal_data(text)
    if kind == "bank_card":
        digits = "622202020000123456"
        card = digits + str((10 - _luhn_sum(digits)) % 10)
        text = text.replace(
            "6222 0202 0000 1234 567",
            f"{card[:4]} {card[4:8]} {card[8:12]} {card[12:16]} {card[16:]}",
        )
        found = find_personal_data(text)
        masked = card[:4] + "*" * (len(card) - 8) + card[-4:]
    [item] = found
    assert item.kind == kind and item.masked == masked
    assert text[item.start : item.end] == item.value


def test_mixed_separators_or_wrong_groups_are_not_numbers() -> None:
    assert find_personal_data("138 1234-5678") == []
    assert find_personal_data("编号 1381 2345 678") == []


def _luhn_sum(digits: str) -> int:
    # The Luhn sum of ``digits`` as if a check digit followed them.
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10
