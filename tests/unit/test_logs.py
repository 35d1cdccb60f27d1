"""The log file and the crash handler."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from newmedia_desk.logs import configure_logging, install_crash_handler


def test_log_file_is_written_in_the_data_folder(tmp_path: Path) -> None:
    path = configure_logging(tmp_path)
    try:
        assert path == tmp_path / "logs" / "newmedia_desk.log"
        logging.getLogger("newmedia_desk.test").info("备份完成")
        for handler in logging.getLogger("newmedia_desk").handlers:
            handler.flush()
        assert "备份完成" in path.read_text(encoding="utf-8")
    finally:
        root = logging.getLogger("newmedia_desk")
        for handler in list(root.handlers):
            root.removeHandler(handler)
            handler.close()


def test_unwritable_folder_leaves_logging_off(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert configure_logging(blocker) is None


def test_crash_handler_logs_and_tells_the_user() -> None:
    shown: list[str] = []
    previous = install_crash_handler(shown.append)
    try:
        try:
            raise ValueError("坏输入")
        except ValueError as exc:
            sys.excepthook(ValueError, exc, exc.__traceback__)
    finally:
        sys.excepthook = previous
    assert shown == ["ValueError: 坏输入"]
