"""Office-wide settings kept in the database, changed only by an administrator."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy.orm import Session

from newmedia_desk.domain.errors import ValidationError
from newmedia_desk.domain.posts import (
    DEFAULT_ROUTES,
    RouteStep,
    Tier,
    routes_from_json,
    routes_to_json,
    validate_routes,
)
from newmedia_desk.domain.roles import Permission
from newmedia_desk.domain.settings import BY_KEY, IntSetting
from newmedia_desk.domain.staff import Principal
from newmedia_desk.services.audit import AuditService
from newmedia_desk.services.common import require
from newmedia_desk.storage.database import Database
from newmedia_desk.storage.models import OfficeSetting
from newmedia_desk.storage.repositories import SettingsRepository

POST_ROUTES_KEY = "post_routes"
"""Office setting (JSON: tier → steps) with the approval route of each tier of post."""


class OfficeSettingsService:
    """Read and change office-wide settings."""

    def __init__(self, db: Database, audit: AuditService) -> None:
        self._db = db
        self._audit = audit

    def get(self, setting: IntSetting) -> int:
        """The current value (the default when never set or unreadable)."""
        with self._db.read() as s:
            row = SettingsRepository(s).get(setting.key)
            # Read inside the session: closing it expires the row's attributes.
            raw = None if row is None else row.value
        if raw is None:
            return setting.default
        try:
            return setting.parse(raw)
        except ValidationError:
            return setting.default

    def values(self, settings: Iterable[IntSetting]) -> dict[str, int]:
        """The current value of each of ``settings``, by key, read in one query."""
        with self._db.read() as s:
            stored = {key: row.value for key, row in SettingsRepository(s).all().items()}
        found: dict[str, int] = {}
        for setting in settings:
            raw = stored.get(setting.key)
            try:
                found[setting.key] = setting.default if raw is None else setting.parse(raw)
            except ValidationError:
                found[setting.key] = setting.default
        return found

    def set(self, actor: Principal, key: str, raw: str | int) -> int:
        """Change one setting; audited."""
        require(actor, Permission.MANAGE_SETTINGS)
        setting = BY_KEY.get(key)
        if setting is None:
            raise ValidationError(f"unknown setting {key}", field="key")
        value = setting.parse(raw)
        with self._db.write() as s:
            row = SettingsRepository(s).get(key)
            before = None if row is None else row.value
            if row is None:
                s.add(OfficeSetting(key=key, value=str(value)))
            else:
                row.value = str(value)
            self._audit.append(
                s,
                actor,
                "setting_changed",
                "setting",
                key,
                before={"value": before},
                after={"value": value},
            )
        return value

    # -- approval routes of posts ------------------------------------------------------------

    def post_routes(self) -> dict[Tier, tuple[RouteStep, ...]]:
        """The route of each tier (the rules' defaults when unset or unreadable)."""
        with self._db.read() as s:
            return self._post_routes(s)

    def set_post_routes(
        self, actor: Principal, routes: Mapping[Tier, Sequence[RouteStep]]
    ) -> dict[Tier, tuple[RouteStep, ...]]:
        """Configure the routes (administrators); posts already in approval keep their steps."""
        require(actor, Permission.MANAGE_SETTINGS)
        clean = validate_routes(routes)
        with self._db.write() as s:
            before = self._post_routes(s)
            row = SettingsRepository(s).get(POST_ROUTES_KEY)
            if row is None:
                s.add(OfficeSetting(key=POST_ROUTES_KEY, value=routes_to_json(clean)))
            else:
                row.value = routes_to_json(clean)
            self._audit.append(
                s,
                actor,
                "post_routes_changed",
                "setting",
                POST_ROUTES_KEY,
                before={"routes": json.loads(routes_to_json(before))},
                after={"routes": json.loads(routes_to_json(clean))},
            )
        return clean

    @staticmethod
    def _post_routes(s: Session) -> dict[Tier, tuple[RouteStep, ...]]:
        row = SettingsRepository(s).get(POST_ROUTES_KEY)
        if row is None:
            return dict(DEFAULT_ROUTES)
        try:
            return routes_from_json(row.value)
        except ValidationError:
            return dict(DEFAULT_ROUTES)
