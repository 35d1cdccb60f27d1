"""Logging to a rotating file in the data folder, and a last line of defence for crashes.

Nothing secret is ever logged: services pass no passwords or keys to loggers, and the
crash handler records the exception type, message and traceback only.
"""

from __future__ import annotations

import logging
import sys
import types
from collections.abc import Callable
from pathlib import Path

LOG_NAME = "newmedia_desk.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(data_dir: Path, *, level: int = logging.INFO) -> Path | None:
    """Send the program's log to ``<data_dir>/logs/newmedia_desk.log``; return its path.

    A folder that cannot be written leaves logging on stderr only (returns ``None``).
    """
    import logging.handlers  # not at module level: it costs start-up time

    folder = data_dir / "logs"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / LOG_NAME, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    root = logging.getLogger("newmedia_desk")
    root.setLevel(level)
    root.addHandler(handler)
    return folder / LOG_NAME


ExceptHook = Callable[[type[BaseException], BaseException, types.TracebackType | None], None]


def install_crash_handler(show: Callable[[str], None]) -> ExceptHook:
    """Log any uncaught exception and tell the user instead of dying silently.

    ``show`` receives a short text for the user (the UI turns it into a message box).
    Returns the previous hook so tests can put it back.
    """
    previous = sys.excepthook
    log = logging.getLogger("newmedia_desk.crash")

    def _hook(
        kind: type[BaseException], exc: BaseException, tb: types.TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, exc, tb)
            return
        log.error("uncaught exception", exc_info=(kind, exc, tb))
        try:
            show(f"{kind.__name__}: {exc}")
        except Exception:  # the handler itself must never raise
            log.exception("could not show the crash message")

    sys.excepthook = _hook
    return previous
