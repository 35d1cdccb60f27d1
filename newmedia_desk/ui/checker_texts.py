"""Words for the content checker's findings (severity, category, rule, advice), translated.

The checker keeps codes: a lexicon's own category words, ``privacy``/``platform``, rule
codes such as ``lexicon:banned`` or ``id_number`` and, for platform rules, an English
sentence. What the clerk reads is chosen here. A category or rule not in the tables (an
office's own list, say) is shown as written.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from newmedia_desk.domain.checker.check import Finding, SuggestedTier
from newmedia_desk.domain.checker.lexicon import Severity
from newmedia_desk.ui.noop import QT_TRANSLATE_NOOP

_CTX = "CheckerTexts"

SEVERITY_NAMES: dict[Severity, str] = {
    Severity.BLOCK: QT_TRANSLATE_NOOP("CheckerTexts", "Must fix"),
    Severity.ESCALATE: QT_TRANSLATE_NOOP("CheckerTexts", "Chief approves"),
    Severity.WARN: QT_TRANSLATE_NOOP("CheckerTexts", "Note"),
}

SEVERITY_MEANINGS: dict[Severity, str] = {
    Severity.BLOCK: QT_TRANSLATE_NOOP("CheckerTexts", "Must be fixed: blocks submission"),
    Severity.ESCALATE: QT_TRANSLATE_NOOP(
        "CheckerTexts", "Sensitive: the chief must approve the post"
    ),
    Severity.WARN: QT_TRANSLATE_NOOP("CheckerTexts", "Note: check the wording"),
}

TIER_NAMES: dict[SuggestedTier, str] = {
    SuggestedTier.GENERAL: QT_TRANSLATE_NOOP("CheckerTexts", "General"),
    SuggestedTier.IMPORTANT: QT_TRANSLATE_NOOP("CheckerTexts", "Important"),
    SuggestedTier.SENSITIVE: QT_TRANSLATE_NOOP("CheckerTexts", "Sensitive"),
}

CATEGORY_NAMES: dict[str, str] = {
    # The checker's own categories.
    "privacy": QT_TRANSLATE_NOOP("CheckerTexts", "Personal data"),
    "platform": QT_TRANSLATE_NOOP("CheckerTexts", "Platform rule"),
    "custom": QT_TRANSLATE_NOOP("CheckerTexts", "Office list"),
    # The categories of the shipped lexicons (resources/lexicons/*.txt).
    "反对党的领导": QT_TRANSLATE_NOOP("CheckerTexts", "Opposes the Party's leadership"),
    "危害国家安全": QT_TRANSLATE_NOOP("CheckerTexts", "Endangers national security"),
    "破坏国家统一": QT_TRANSLATE_NOOP("CheckerTexts", "Undermines national unity"),
    "泄露国家秘密": QT_TRANSLATE_NOOP("CheckerTexts", "Discloses state secrets"),
    "反对宪法原则": QT_TRANSLATE_NOOP("CheckerTexts", "Opposes the Constitution"),
    "损害国家荣誉": QT_TRANSLATE_NOOP("CheckerTexts", "Harms national honour"),
    "民族仇恨": QT_TRANSLATE_NOOP("CheckerTexts", "Ethnic hatred"),
    "民族歧视": QT_TRANSLATE_NOOP("CheckerTexts", "Ethnic discrimination"),
    "煽动暴力": QT_TRANSLATE_NOOP("CheckerTexts", "Incites violence"),
    "暴力恐怖": QT_TRANSLATE_NOOP("CheckerTexts", "Violence and terror"),
    "邪教": QT_TRANSLATE_NOOP("CheckerTexts", "Cult"),
    "封建迷信": QT_TRANSLATE_NOOP("CheckerTexts", "Superstition"),
    "谣言": QT_TRANSLATE_NOOP("CheckerTexts", "Rumour"),
    "赌博": QT_TRANSLATE_NOOP("CheckerTexts", "Gambling"),
    "色情": QT_TRANSLATE_NOOP("CheckerTexts", "Pornography"),
    "违法招揽": QT_TRANSLATE_NOOP("CheckerTexts", "Illegal solicitation"),
    "侵犯他人权益": QT_TRANSLATE_NOOP("CheckerTexts", "Infringes others' rights"),
    "重要案件": QT_TRANSLATE_NOOP("CheckerTexts", "Important case"),
    "突发事件": QT_TRANSLATE_NOOP("CheckerTexts", "Emergency"),
    "舆情": QT_TRANSLATE_NOOP("CheckerTexts", "Public opinion incident"),
    "社会敏感": QT_TRANSLATE_NOOP("CheckerTexts", "Socially sensitive"),
    "涉港澳台用语": QT_TRANSLATE_NOOP("CheckerTexts", "Hong Kong, Macao and Taiwan wording"),
    "国名": QT_TRANSLATE_NOOP("CheckerTexts", "Country name"),
    "民族宗教用语": QT_TRANSLATE_NOOP("CheckerTexts", "Ethnic and religious wording"),
    "称谓": QT_TRANSLATE_NOOP("CheckerTexts", "Form of address"),
    "法律用语": QT_TRANSLATE_NOOP("CheckerTexts", "Legal term"),
    "严重差错": QT_TRANSLATE_NOOP("CheckerTexts", "Serious error in a name"),
    "商业广告": QT_TRANSLATE_NOOP("CheckerTexts", "Advertising"),
    "链接": QT_TRANSLATE_NOOP("CheckerTexts", "Link"),
    "情绪化表达": QT_TRANSLATE_NOOP("CheckerTexts", "Emotional wording"),
    "个人观点": QT_TRANSLATE_NOOP("CheckerTexts", "Personal opinion"),
}

RULE_NAMES: dict[str, str] = {
    "lexicon:banned": QT_TRANSLATE_NOOP("CheckerTexts", "banned content list"),
    "lexicon:sensitive": QT_TRANSLATE_NOOP("CheckerTexts", "sensitive topics list"),
    "lexicon:wording": QT_TRANSLATE_NOOP("CheckerTexts", "standard wording list"),
    "lexicon:typos": QT_TRANSLATE_NOOP("CheckerTexts", "serious errors list"),
    "lexicon:commercial": QT_TRANSLATE_NOOP("CheckerTexts", "advertising wording list"),
    "lexicon:emotional": QT_TRANSLATE_NOOP("CheckerTexts", "emotional wording list"),
    "id_number": QT_TRANSLATE_NOOP("CheckerTexts", "ID number (valid check digit)"),
    "mobile": QT_TRANSLATE_NOOP("CheckerTexts", "mobile phone number"),
    "bank_card": QT_TRANSLATE_NOOP("CheckerTexts", "bank card number (valid check digit)"),
    "length.body": QT_TRANSLATE_NOOP("CheckerTexts", "length of the body"),
    "length.title": QT_TRANSLATE_NOOP("CheckerTexts", "length of the title"),
    "length.digest": QT_TRANSLATE_NOOP("CheckerTexts", "length of the digest"),
    "title.required": QT_TRANSLATE_NOOP("CheckerTexts", "a title is required"),
    "hashtag.unclosed": QT_TRANSLATE_NOOP("CheckerTexts", "hashtag not closed"),
    "hashtag.empty": QT_TRANSLATE_NOOP("CheckerTexts", "empty hashtag"),
}

FIELD_NAMES: dict[str, str] = {
    "body": QT_TRANSLATE_NOOP("CheckerTexts", "Body"),
    "title": QT_TRANSLATE_NOOP("CheckerTexts", "Title"),
    "digest": QT_TRANSLATE_NOOP("CheckerTexts", "Digest"),
}

_LENGTH = re.compile(r"^(?P<platform>.*) \w+ limit (?P<limit>\d+), this has (?P<count>\d+)$")
_NEEDS_TITLE = re.compile(r"^(?P<platform>.*) needs a title$")

_INSTRUCTIONS = ("删除", "核实", "报", "改用", "不得", "官方账号", "请", "避免", "慎用")
"""A suggestion starting with one of these tells what to do; it is not the right wording."""
_NOTE = re.compile(r"\s*[（(][^（）()]*[）)]\s*$")
_FORM_BREAKS = re.compile(r"[，,。；;：:]")


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def severity_name(severity: Severity) -> str:
    """A short word for the severity column."""
    return _tr(SEVERITY_NAMES[severity])


def severity_meaning(severity: Severity) -> str:
    """What the severity does to the post, for tooltips."""
    return _tr(SEVERITY_MEANINGS[severity])


def tier_name(tier: SuggestedTier) -> str:
    """一般, 重要 or 敏感."""
    return _tr(TIER_NAMES[tier])


def category_name(category: str) -> str:
    """The category as people read it; unknown categories as written."""
    known = CATEGORY_NAMES.get(category)
    return _tr(known) if known else category


def rule_name(rule: str) -> str:
    """Which list or rule found it; an unknown lexicon by its file name."""
    key = rule.removesuffix(".txt")  # a shipped file's terms, or the office's copy
    known = RULE_NAMES.get(key)
    if known:
        return _tr(known)
    if key.startswith("lexicon:"):
        return QCoreApplication.translate("CheckerTexts", "list “{name}”").format(
            name=key.removeprefix("lexicon:")
        )
    return rule


def field_name(field: str) -> str:
    """正文, 标题 or 摘要."""
    known = FIELD_NAMES.get(field)
    return _tr(known) if known else field


def advice(finding: Finding) -> str:
    """What to do about a finding, in the reader's language where the checker is English."""
    if finding.category == "privacy":
        return QCoreApplication.translate("CheckerTexts", "Mask it: {masked}").format(
            masked=finding.suggestion
        )
    if finding.rule.startswith("length."):
        m = _LENGTH.match(finding.suggestion)
        if m:
            return QCoreApplication.translate(
                "CheckerTexts", "{count} characters, {platform} allows {limit}: shorten it"
            ).format(count=m["count"], platform=m["platform"], limit=m["limit"])
    elif finding.rule == "title.required":
        m = _NEEDS_TITLE.match(finding.suggestion)
        if m:
            return QCoreApplication.translate("CheckerTexts", "{platform} needs a title").format(
                platform=m["platform"]
            )
    elif finding.rule.startswith("hashtag."):
        return QCoreApplication.translate(
            "CheckerTexts", "Write hashtags as #topic#, opened and closed on one line"
        )
    return finding.suggestion


def replacement_forms(finding: Finding) -> tuple[str, ...]:
    """The right wordings a suggestion names (``"留置 / 依规审查调查"`` gives two).

    Only wording and name findings have them: a suggestion that tells what to do
    ("删除", "报主要领导审批", …), a privacy mask and a platform rule do not. A note in
    brackets at the end ("内地与澳门（指澳门时）") is not part of the form.
    """
    if finding.category in ("privacy", "platform") or finding.severity is Severity.ESCALATE:
        return ()
    forms: list[str] = []
    for part in re.split(r"[/／]", finding.suggestion):
        form = _NOTE.sub("", part).strip()
        if (
            form
            and len(form) <= 30
            and not form.startswith(_INSTRUCTIONS)
            and not _FORM_BREAKS.search(form)
            and form != finding.term
            and form not in forms
        ):
            forms.append(form)
    return tuple(forms)


def finding_tooltip(finding: Finding) -> str:
    """Severity and category, what to do and which rule found it, on separate lines."""
    lines = [
        QCoreApplication.translate("CheckerTexts", "{severity} · {category}").format(
            severity=severity_meaning(finding.severity), category=category_name(finding.category)
        )
    ]
    what = advice(finding)
    if what:
        lines.append(
            QCoreApplication.translate("CheckerTexts", "Suggestion: {advice}").format(advice=what)
        )
    lines.append(
        QCoreApplication.translate("CheckerTexts", "Found by: {rule}").format(
            rule=rule_name(finding.rule)
        )
    )
    return "\n".join(lines)
