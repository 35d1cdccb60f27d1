"""Platform rules: counted length, required titles, hashtags."""

from __future__ import annotations

from newmedia_desk.domain.checker.check import check
from newmedia_desk.domain.checker.rules import (
    Counting,
    PlatformRule,
    hashtag_problems,
    rule_for,
    text_length,
)


def test_weibo_counts_ascii_as_half() -> None:
    assert text_length("中文ab", Counting.WEIBO) == 3
    assert text_length("中文abc", Counting.WEIBO) == 4
    assert text_length("中文abc", Counting.CHARACTERS) == 5


def test_weibo_limit_is_2000_counted_units() -> None:
    at_limit = "字" * 1990 + "a" * 20
    assert not [f for f in check(at_limit, platform="微博").findings if f.category == "platform"]
    over = "字" * 2000 + "a"
    [finding] = [f for f in check(over, platform="微博").findings if f.category == "platform"]
    assert finding.rule == "length.body"
    assert check(over, platform="微博").blocks
    assert not check(over, platform="抖音").blocks


def test_wechat_needs_a_title_of_at_most_64() -> None:
    rules = {f.rule for f in check("正文", platform="微信公众号").findings}
    assert "title.required" in rules
    long_title = {f.rule for f in check("正文", title="标" * 65, platform="微信公众号").findings}
    assert long_title == {"length.title"}
    assert not check("正文", title="标题", platform="微信公众号").blocks


def test_rules_are_configurable() -> None:
    rules = {"抖音": PlatformRule("抖音", body_limit=5)}
    assert check("一二三四五六", platform="抖音", rules=rules).blocks
    assert rule_for("未知平台").body_limit is None


def test_hashtags() -> None:
    assert hashtag_problems("#行业资讯# 今日 #天气#") == []
    assert [p.reason for p in hashtag_problems("#行业资讯 今日")] == ["unclosed"]
    assert [p.reason for p in hashtag_problems("## 空")] == ["empty"]
    assert [(p.start, p.reason) for p in hashtag_problems("#行业\n资讯# #x#")] == [
        (0, "unclosed"),
        (6, "empty"),
        (10, "unclosed"),
    ]
    assert hashtag_problems("＃全角＃") == []
    finding = next(f for f in check("看 #行业资讯").findings if f.rule.startswith("hashtag"))
    assert (finding.start, finding.end, finding.severity.value) == (2, 3, "warn")
