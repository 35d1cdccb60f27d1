"""Staff events that other services react to, wired explicitly in the application context.

The directory and sign-in services announce what happened to a person inside their own
transaction; listeners (the credential service: "change the password when a holder leaves")
add their consequences to the same transaction, so both commit or neither does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy.orm import Session


class StaffEvent(StrEnum):
    """Something that happened to a staff member."""

    LEFT = "left"
    MOVED = "moved"
    """The person changed unit."""
    KEYS_REPLACED = "keys_replaced"
    """An administrator reset the password: the person's old personal keys are gone."""


Listener = Callable[[Session, int, StaffEvent], None]


@dataclass
class StaffEvents:
    """Announces staff events to the listeners registered at start-up."""

    listeners: list[Listener] = field(default_factory=list)

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener`` for every future event."""
        self.listeners.append(listener)

    def announce(self, session: Session, staff_id: int, event: StaffEvent) -> None:
        """Tell every listener, inside the caller's transaction."""
        for listener in self.listeners:
            listener(session, staff_id, event)
