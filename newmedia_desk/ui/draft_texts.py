"""Words of the post editor: kinds, activity forms, field names, and drafting errors.

The services raise errors with stable English messages; what the clerk reads about a
draft, an image or a library item is chosen here (anything else falls back to
``prompts.error_text``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from newmedia_desk.domain.checker.check import SuggestedTier
from newmedia_desk.domain.errors import DeskError, ValidationError
from newmedia_desk.domain.posts import ActivityType, PostKind, Tier
from newmedia_desk.ui.checker_texts import tier_name as suggested_tier_name
from newmedia_desk.ui.noop import QT_TRANSLATE_NOOP
from newmedia_desk.ui.prompts import error_text

_CTX = "DraftTexts"

KIND_NAMES: dict[PostKind, str] = {
    PostKind.ORIGINAL: QT_TRANSLATE_NOOP("DraftTexts", "Original"),
    PostKind.REPOST: QT_TRANSLATE_NOOP("DraftTexts", "Repost"),
    PostKind.ACTIVITY: QT_TRANSLATE_NOOP("DraftTexts", "Interactive activity"),
}

ACTIVITY_NAMES: dict[ActivityType, str] = {
    ActivityType.VOTE: QT_TRANSLATE_NOOP("DraftTexts", "Vote"),
    ActivityType.TOPIC: QT_TRANSLATE_NOOP("DraftTexts", "Topic"),
    ActivityType.INTERVIEW: QT_TRANSLATE_NOOP("DraftTexts", "Online interview"),
    ActivityType.LOTTERY: QT_TRANSLATE_NOOP("DraftTexts", "Lottery"),
    ActivityType.CALL: QT_TRANSLATE_NOOP("DraftTexts", "Call for contributions"),
}

FIELD_NAMES: dict[str, str] = {
    "title": QT_TRANSLATE_NOOP("DraftTexts", "Title"),
    "body": QT_TRANSLATE_NOOP("DraftTexts", "Text"),
    "column": QT_TRANSLATE_NOOP("DraftTexts", "Column"),
    "category": QT_TRANSLATE_NOOP("DraftTexts", "Category"),
    "tier": QT_TRANSLATE_NOOP("DraftTexts", "Tier"),
    "kind": QT_TRANSLATE_NOOP("DraftTexts", "Kind"),
    "activity_type": QT_TRANSLATE_NOOP("DraftTexts", "Activity form"),
    "source": QT_TRANSLATE_NOOP("DraftTexts", "Source"),
    "account_ids": QT_TRANSLATE_NOOP("DraftTexts", "Accounts"),
    "image_hashes": QT_TRANSLATE_NOOP("DraftTexts", "Images"),
    "planned_at": QT_TRANSLATE_NOOP("DraftTexts", "Planned time"),
}
"""What each part of a post is called (the revision comparison names changed fields)."""

_MESSAGES: dict[str, str] = {
    # posts (domain.posts.validate_content, PostService.save)
    "title is one line": QT_TRANSLATE_NOOP("DraftTexts", "The title must be one line."),
    "title is too long": QT_TRANSLATE_NOOP(
        "DraftTexts", "The title may have at most {limit} characters (it has {length})."
    ),
    "body is required": QT_TRANSLATE_NOOP("DraftTexts", "Please write the text of the post."),
    "body is too long": QT_TRANSLATE_NOOP(
        "DraftTexts", "The text may have at most {limit} characters (it has {length})."
    ),
    "column is one line": QT_TRANSLATE_NOOP("DraftTexts", "The column must be one line."),
    "column is too long": QT_TRANSLATE_NOOP(
        "DraftTexts", "The column may have at most {limit} characters."
    ),
    "category is required": QT_TRANSLATE_NOOP("DraftTexts", "Please choose the category."),
    "source is one line": QT_TRANSLATE_NOOP("DraftTexts", "The source must be one line."),
    "source is too long": QT_TRANSLATE_NOOP(
        "DraftTexts", "The source may have at most {limit} characters."
    ),
    "a repost needs its source (来源)": QT_TRANSLATE_NOOP(
        "DraftTexts",
        "A repost needs its source (来源): name the account or body it comes from.",
    ),
    "an activity needs its form (投票、话题…)": QT_TRANSLATE_NOOP(
        "DraftTexts", "Please choose the form of the activity (vote, topic …)."
    ),
    "choose at least one account": QT_TRANSLATE_NOOP(
        "DraftTexts", "Please tick at least one account the post is for."
    ),
    "no such account": QT_TRANSLATE_NOOP(
        "DraftTexts", "One of the chosen accounts no longer exists; reopen the post."
    ),
    "this account belongs to another unit": QT_TRANSLATE_NOOP(
        "DraftTexts",
        "You may not draft for one of the chosen accounts: it belongs to another unit.",
    ),
    "a published or cancelled post cannot be changed": QT_TRANSLATE_NOOP(
        "DraftTexts", "A published or cancelled post cannot be changed."
    ),
    "the note is too long": QT_TRANSLATE_NOOP(
        "DraftTexts", "The note may have at most {limit} characters."
    ),
    "the checker's findings require a higher tier": QT_TRANSLATE_NOOP(
        "DraftTexts", "The checker's findings require a higher tier."
    ),
    # images (services.images)
    "the image cannot be read": QT_TRANSLATE_NOOP(
        "DraftTexts", "“{name}” cannot be read. Check that the file exists and is not open."
    ),
    "the image is too large": QT_TRANSLATE_NOOP(
        "DraftTexts",
        "“{name}” has {size_mb} MB; an image may have at most {limit_mb} MB. "
        "Make it smaller and add it again.",
    ),
    "the image has too many pixels": QT_TRANSLATE_NOOP(
        "DraftTexts",
        "“{name}” is too large: an image may be at most {limit} × {limit} pixels.",
    ),
    "the file is not an image": QT_TRANSLATE_NOOP(
        "DraftTexts", "“{name}” is not an image, whatever its name says."
    ),
    "this image format is not supported": QT_TRANSLATE_NOOP(
        "DraftTexts", "“{name}” is not a JPEG, PNG, GIF or WebP image."
    ),
    "the file name's extension does not match the image": QT_TRANSLATE_NOOP(
        "DraftTexts",
        "“{name}” is not what its name says: the file is a {actual} image. "
        "Rename it or save it again in the right format.",
    ),
    "the image is damaged": QT_TRANSLATE_NOOP(
        "DraftTexts", "“{name}” is damaged or incomplete and cannot be used."
    ),
    # library (services.library)
    "an item needs a text or an image": QT_TRANSLATE_NOOP(
        "DraftTexts", "A library item needs a text or an image."
    ),
    "a tag is too long": QT_TRANSLATE_NOOP(
        "DraftTexts", "The tag “{tag}” is too long (at most {limit} characters)."
    ),
    "too many tags": QT_TRANSLATE_NOOP("DraftTexts", "An item may have at most {limit} tags."),
}


class _Defaults(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def kind_name(kind: PostKind) -> str:
    """原创, 转发 or 互动活动, translated."""
    return _tr(KIND_NAMES[kind])


def activity_name(activity: ActivityType) -> str:
    """The form of an activity (投票, 话题 …), translated."""
    return _tr(ACTIVITY_NAMES[activity])


def field_name(name: str) -> str:
    """What a part of a post is called."""
    known = FIELD_NAMES.get(name)
    return _tr(known) if known else name


def tier_name(tier: Tier) -> str:
    """一般, 重要 or 敏感, translated (the words the findings panel uses)."""
    return suggested_tier_name(SuggestedTier(tier.value))


def draft_error_text(exc: DeskError) -> str:
    """The words for an error of drafting (post, image, library), else the general ones."""
    if isinstance(exc, ValidationError):
        known = _MESSAGES.get(exc.message)
        if known is not None:
            params = _Defaults(exc.params)
            if "actual" in params:
                params["actual"] = str(params["actual"]).upper()
            return _tr(known).format_map(params)
    return error_text(exc)
