"""Lexicon files: parsing, errors with line numbers, export round trip, versions."""

from __future__ import annotations

from pathlib import Path

import pytest

from newmedia_desk.domain.checker.lexicon import (
    LexiconError,
    Severity,
    Term,
    load_lexicon,
    parse_lexicon,
)

TEXT = "# 来源：测试\n# 第二行\n\n代开发票\t违法招揽\tblock\t删除\n北朝鲜\t国名\twarn\t朝鲜\n赌球\n"


def test_parse_fields_defaults_and_header() -> None:
    lex = parse_lexicon(TEXT, source="office.txt", default_category="办公室")
    assert lex.header == ("# 来源：测试", "# 第二行")
    assert lex.terms == (
        Term("代开发票", "违法招揽", Severity.BLOCK, "删除", "office.txt"),
        Term("北朝鲜", "国名", Severity.WARN, "朝鲜", "office.txt"),
        Term("赌球", "办公室", Severity.BLOCK, "", "office.txt"),
    )


def test_export_round_trips() -> None:
    lex = parse_lexicon(TEXT, source="a")
    again = parse_lexicon(lex.export(), source="a")
    assert again.terms == lex.terms
    assert again.header == lex.header
    assert again.version == lex.version


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("好词\n坏词\t类\tfatal\n", 2, "bad severity"),
        ("# c\n\n\t类\tblock\n", 3, "empty term"),
        ("a\tb\tblock\tc\td\n", 1, "more than 4"),
        ("ok\n...\n", 2, "no letters"),
    ],
)
def test_parse_errors_name_the_line(text: str, line: int, words: str) -> None:
    with pytest.raises(LexiconError) as info:
        parse_lexicon(text, source="bad.txt")
    assert info.value.line == line
    assert words in info.value.message
    assert info.value.message.startswith(f"bad.txt:{line}:")
    assert info.value.code == "lexicon.invalid"


def test_load_reads_utf8_with_bom_and_rejects_other_encodings(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_bytes("\ufeff代开发票\n".encode())
    assert load_lexicon(good).terms[0].term == "代开发票"
    bad = tmp_path / "bad.txt"
    bad.write_bytes("代开发票\n".encode("gbk"))
    with pytest.raises(LexiconError):
        load_lexicon(bad)
