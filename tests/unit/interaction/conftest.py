"""Fixtures of the interaction tests."""

from __future__ import annotations

import pytest

from newmedia_desk.context import AppContext
from newmedia_desk.domain.staff import Principal
from tests.unit.interaction.office import Office, build_office


@pytest.fixture
def office(ctx: AppContext, admin: Principal) -> Office:
    """The office of ``office.build_office``."""
    return build_office(ctx, admin)
