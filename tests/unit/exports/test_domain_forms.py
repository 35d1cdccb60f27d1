"""The form records: opinion text, the audit line, aware print times."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from newmedia_desk.domain.audit import AuditHead
from newmedia_desk.domain.forms import Opinion, audit_line
from tests.unit.exports.samples import holder_form, opening_form


@pytest.mark.parametrize(
    ("decision", "opinion", "note", "text"),
    [
        ("同意", "", "", "同意"),
        ("同意", "请做好审核。", "", "同意。请做好审核。"),
        ("同意。", "请做好审核。", "", "同意。请做好审核。"),
        ("", "请补充材料", "", "请补充材料"),
        ("同意", "", "（副组长代审）", "同意\n（副组长代审）"),
        ("", "", "（副组长代审）", "（副组长代审）"),
        ("", "", "", ""),
    ],
)
def test_opinion_text(decision: str, opinion: str, note: str, text: str) -> None:
    op = Opinion("意见", "李明", decision, opinion, date(2024, 1, 2), note)
    assert op.text == text
    assert op.signed


def test_an_opinion_without_a_date_is_unsigned() -> None:
    assert not Opinion("意见", "李明", "", "", None).signed


def test_audit_line() -> None:
    assert audit_line(AuditHead(seq=123, mac="1a2b3c4d5e6f7a8b" + "0" * 48)) == (
        "审计日志 #123 1a2b3c4d5e6f7a8b"
    )
    assert audit_line(None) == "审计日志 (空)"


def test_print_time_must_be_aware() -> None:
    with pytest.raises(ValueError, match="printed_at"):
        opening_form(printed_at=datetime(2024, 3, 8, 10, 15))
    with pytest.raises(ValueError, match="printed_at"):
        holder_form(printed_at=datetime(2024, 3, 8, 10, 15))
