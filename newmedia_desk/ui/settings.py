"""This PC's own preferences (window placement, last login, language) over ``QSettings``.

Each key is declared once, with its type and default. Office-wide settings live in the
database instead (``services.settings``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from newmedia_desk import APP_NAME, ORG_NAME

T = TypeVar("T", str, int, bool, QByteArray)

SETTINGS_VERSION = 1
"""Bump with an upgrade step in ``UiSettings._upgrade`` when a key changes meaning."""


@dataclass(frozen=True, slots=True)
class Key(Generic[T]):
    """One preference: where it is stored, its type and its default."""

    name: str
    kind: type[T]
    default: T


WINDOW_GEOMETRY = Key("window/geometry", QByteArray, QByteArray())
WINDOW_STATE = Key("window/state", QByteArray, QByteArray())
LAST_LOGIN = Key("sign_in/last_login", str, "")
LANGUAGE = Key("ui/language", str, "zh_CN")
VERSION = Key("meta/settings_version", int, 0)

LANGUAGES = ("zh_CN", "en")
"""Languages the interface ships in; ``en`` is the source language."""


class UiSettings:
    """Typed access to this PC's preferences."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG_NAME, APP_NAME
        )
        self._upgrade()

    def get(self, key: Key[T]) -> T:
        """Return the stored value, or the default when missing or of the wrong type."""
        raw: object = self._store.value(key.name, None)
        if raw is None:
            return key.default
        converted: object = raw
        if key.kind is bool:
            converted = raw.lower() in {"true", "1", "yes"} if isinstance(raw, str) else bool(raw)
        elif key.kind is int:
            try:
                converted = int(str(raw))
            except ValueError:
                return key.default
        elif key.kind is str:
            converted = str(raw)
        return converted if isinstance(converted, key.kind) else key.default

    def set(self, key: Key[T], value: T) -> None:
        """Store a value."""
        self._store.setValue(key.name, value)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._store.sync()

    @property
    def file_name(self) -> str:
        """Where the preferences are kept."""
        return self._store.fileName()

    def language(self) -> str:
        """The saved interface language, or the default for an unknown value."""
        value = self.get(LANGUAGE)
        return value if value in LANGUAGES else LANGUAGE.default

    def _upgrade(self) -> None:
        if self.get(VERSION) < SETTINGS_VERSION:
            # Version 1 is the first layout; later upgrades go here, oldest first.
            self.set(VERSION, SETTINGS_VERSION)
