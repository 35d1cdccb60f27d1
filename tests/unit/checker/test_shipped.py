"""The shipped lexicons: precise on official texts and crime news, firm on soliciting."""

from __future__ import annotations

from pathlib import Path

import pytest

from newmedia_desk.domain.checker.check import SuggestedTier, check
from newmedia_desk.domain.checker.lexicon import SHIPPED, Severity, shipped_lexicons
from newmedia_desk.paths import resource

SEEDS = Path(__file__).resolve().parents[4] / "shared" / "seeds"

INAUGURAL_OPENING = (
    "让我们走得更远\n在人人都是麦克风的喧嚣时代,上理微信迈着自信的脚步款款而至。博客、BBS、人人、"
    "微博等新媒体你方唱罢我登场,在此环境中开通的上理微信将何以立足,能走多远?"
)


def inaugural_statement() -> str:
    files = sorted(SEEDS.glob("000_*.txt"))
    if not files:
        return INAUGURAL_OPENING
    text = files[0].read_text(encoding="utf-8")
    return text[text.index("第五篇") :]


def test_every_shipped_file_names_its_source() -> None:
    for name in SHIPPED:
        first = resource("lexicons", f"{name}.txt").read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("#"), name
    lexicons = shipped_lexicons()
    assert all(lex.header and lex.terms for lex in lexicons)


def test_inaugural_statement_has_no_blocking_finding() -> None:
    result = check(inaugural_statement(), title="让我们走得更远", platform="微信公众号")
    assert not result.blocks, [f for f in result.findings if f.severity is Severity.BLOCK]
    assert result.suggested_tier is SuggestedTier.GENERAL


@pytest.mark.parametrize(
    "news",
    [
        "我院依法对一起跨境赌博案件提起公诉。",
        "警方破获一起电信网络诈骗犯罪团伙，抓获犯罪嫌疑人12名。",
        "提醒广大群众：远离赌博，谨防诈骗。",
        "被告人因开设赌场罪被判处有期徒刑三年。",
        "市局开展打击虚开发票违法犯罪专项行动。",
    ],
)
def test_news_that_names_a_crime_does_not_block(news: str) -> None:
    assert not check(news).blocks


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("最新网络赌场，注册送彩金，日赚千元", "赌博"),
        ("专业代开发票，联系微信", "违法招揽"),
        ("澳门在线賭場开业", "赌博"),
        ("中华人民共合国成立七十周年", "严重差错"),
        ("市攻府召开常务会议", "严重差错"),
        ("中国共产常第二十次全国代表大会", "严重差错"),
        ("紧急扩散！明天全城停水", "谣言"),
    ],
)
def test_soliciting_promoting_and_serious_typos_block(text: str, category: str) -> None:
    result = check(text)
    assert result.blocks
    assert category in {f.category for f in result.findings if f.severity is Severity.BLOCK}


def test_sensitive_topic_escalates_to_the_chief() -> None:
    result = check("关于我市突发事件的情况通报")
    assert not result.blocks
    assert result.suggested_tier is SuggestedTier.SENSITIVE
    assert {f.severity for f in result.findings} == {Severity.ESCALATE}


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [("两岸三地交流", "两岸四地"), ("北朝鲜发射卫星", "朝鲜"), ("中港合作", "内地与香港")],
)
def test_wording_warns_with_the_right_form(text: str, suggestion: str) -> None:
    result = check(text)
    assert not result.blocks
    assert any(f.severity is Severity.WARN and suggestion in f.suggestion for f in result.findings)


def test_commercial_and_emotional_wording_warn() -> None:
    result = check("限时抢购，点击链接！我个人认为这太恶心了")
    assert not result.blocks
    assert {f.category for f in result.findings} >= {"商业广告", "个人观点", "情绪化表达"}


def test_the_regulations_themselves_do_not_block() -> None:
    """They quote the banned categories; quoting a rule is not breaking it."""
    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        pytest.skip("seed texts not available")
    for seed in seeds:
        result = check(seed.read_text(encoding="utf-8"))
        assert not result.blocks, (
            seed.name,
            [f for f in result.findings if f.severity.value == "block"],
        )
