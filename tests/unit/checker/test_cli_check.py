"""``newmedia-desk check``: exit codes, text and JSON output, no database."""

from __future__ import annotations

import io
import json
from pathlib import Path

from newmedia_desk.cli import main


def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    def no_context(db: str | None) -> object:
        raise AssertionError("check must not build the AppContext")

    out, err = io.StringIO(), io.StringIO()
    code = main(
        list(argv),
        context_factory=no_context,  # type: ignore[arg-type]
        stdin=io.StringIO(stdin),
        stdout=out,
        stderr=err,
    )
    return code, out.getvalue(), err.getvalue()


def test_clean_text_exits_0() -> None:
    code, out, _ = run("check", "-", stdin="今天天气晴，最高气温25度。")
    assert code == 0
    assert "suggested tier: general" in out


def test_blocking_text_exits_1_with_line_and_column(tmp_path: Path) -> None:
    post = tmp_path / "post.txt"
    post.write_text("第一行\n这里有网\u200b络赌场\n", encoding="utf-8")
    code, out, _ = run("check", str(post))
    assert code == 1
    assert "2:4\tblock\t赌博\t网\u200b络赌场 → 删除" in out


def test_json_output() -> None:
    code, out, _ = run(
        "check", "--json", "--platform", "微信公众号", "--title", "突发事件通报", stdin="正文"
    )
    doc = json.loads(out)
    assert code == 0
    assert doc["blocks"] is False
    assert doc["suggested_tier"] == "sensitive"
    [finding] = doc["findings"]
    assert finding["field"] == "title"
    assert (finding["start"], finding["end"], finding["severity"]) == (0, 4, "escalate")


def test_extra_lexicon_is_used_with_the_shipped_ones(tmp_path: Path) -> None:
    extra = tmp_path / "office.txt"
    extra.write_text("# 本单位\n张三丰\t领导姓名\tblock\t张三峰\n", encoding="utf-8")
    code, out, _ = run("check", "--lexicon", str(extra), stdin="张三丰同志在网络赌场")
    assert code == 1
    assert "领导姓名" in out and "赌博" in out


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    code, _, err = run("check", str(tmp_path / "missing.txt"))
    assert code == 2
    assert "cannot read" in err
    bad = tmp_path / "bad.txt"
    bad.write_text("ok\n词\t类\tmaybe\n", encoding="utf-8")
    code, _, err = run("check", "--lexicon", str(bad), stdin="x")
    assert code == 2
    assert "bad.txt:2:" in err and len(err.strip().splitlines()) == 1
