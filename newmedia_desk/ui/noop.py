"""A typed ``QT_TRANSLATE_NOOP``: marks text for lupdate, translated later by ``translate``.

PySide6's own version is typed as returning ``object``; lupdate only looks at the name.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - the name lupdate seeks
    """Return ``source`` unchanged (``context`` tells lupdate where it belongs)."""
    del context
    return source
