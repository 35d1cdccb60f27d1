"""Fixtures for the UI tests: an offscreen Qt, a fresh database, scripted prompts."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QAbstractItemModel, QSettings
from pytestqt.qtbot import QtBot

from newmedia_desk.context import AppContext, build_context
from newmedia_desk.domain.clock import FixedClock
from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.staff import Principal, StaffDraft, StaffRecord
from newmedia_desk.security.passwords import HashParameters, PasswordHashing
from newmedia_desk.security.secrets import MemorySecretStore
from newmedia_desk.services.auth import AuthService
from newmedia_desk.ui.main_window import MainWindow
from newmedia_desk.ui.settings import UiSettings

if TYPE_CHECKING:
    from pytestqt.modeltest import ModelTester

ADMIN_PASSWORD = "admin-password-1"
CLERK_PASSWORD = "clerk-password-1"
LEADER_PASSWORD = "leader-password-1"
CHEAP = HashParameters(time_cost=1, memory_kib=1024, parallelism=1)

_OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints()"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The offscreen platform warns about window hints it cannot honour; ignore only that."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(_OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def _private_user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep Qt settings, logs and data of code under test out of the real home folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "config"))


@dataclass
class ScriptedPrompts:
    """A ``Prompts`` that records what it was asked and answers from a script."""

    confirm_answers: list[bool] = field(default_factory=list)
    default_confirm: bool = True
    choices: list[int | None] = field(default_factory=list)
    open_files: list[Path | None] = field(default_factory=list)
    save_files: list[Path | None] = field(default_factory=list)
    infos: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)

    def info(self, text: str) -> None:
        self.infos.append(text)

    def warning(self, text: str) -> None:
        self.warnings.append(text)

    def error(self, text: str) -> None:
        self.errors.append(text)

    def confirm(self, question: str) -> bool:
        self.questions.append(question)
        return self.confirm_answers.pop(0) if self.confirm_answers else self.default_confirm

    def choose(self, question: str, options: Sequence[str]) -> int | None:
        self.questions.append(question)
        return self.choices.pop(0) if self.choices else None

    def ask_open_file(self, caption: str, file_filter: str) -> Path | None:
        return self.open_files.pop(0) if self.open_files else None

    def ask_save_file(self, caption: str, file_filter: str, suggested: str) -> Path | None:
        return self.save_files.pop(0) if self.save_files else None


class FakeWallClock:
    """Wall time that moves only when told (``time.time`` stand-in)."""

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def ctx(tmp_path: Path, fixed_clock: FixedClock) -> Iterator[AppContext]:
    """A fresh SQLite file; the services' clock only moves when a test moves it."""
    context = build_context(
        str(tmp_path / "t.sqlite3"),
        secrets=MemorySecretStore(),
        clock=fixed_clock,
        data_dir=tmp_path,
        hashing=PasswordHashing(CHEAP),
    )
    yield context
    context.close()


@pytest.fixture
def prompts() -> ScriptedPrompts:
    return ScriptedPrompts()


@pytest.fixture
def ui_settings(tmp_path: Path) -> UiSettings:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    return UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def wall_clock() -> FakeWallClock:
    return FakeWallClock()


@dataclass
class Office:
    """A small office: the root unit, a section, an admin, a clerk and a leader."""

    ctx: AppContext
    admin: Principal
    root_id: int
    section_id: int
    clerk: StaffRecord
    leader: StaffRecord

    def sign_in(self, login: str, password: str) -> Principal:
        return self.ctx.auth.sign_in(login, password)


@pytest.fixture
def office(ctx: AppContext) -> Office:
    ctx.maintenance.create_first_admin(
        login="admin", name="管理员甲", password=ADMIN_PASSWORD, unit_name="市气象局"
    )
    admin = ctx.auth.sign_in("admin", ADMIN_PASSWORD)
    root_id = admin.unit_id
    section = ctx.directory.create_unit(admin, "办公室", root_id)
    clerk = ctx.directory.create_staff(
        admin,
        StaffDraft(
            login="clerk", name="信息员乙", unit_id=section.id, roles=frozenset({Role.CLERK})
        ),
        CLERK_PASSWORD,
    )
    leader = ctx.directory.create_staff(
        admin,
        StaffDraft(
            login="leader", name="分管领导丙", unit_id=root_id, roles=frozenset({Role.SUPERVISOR})
        ),
        LEADER_PASSWORD,
    )
    # Both were given first passwords; for most tests they have chosen their own already.
    for login, password in (("clerk", CLERK_PASSWORD), ("leader", LEADER_PASSWORD)):
        person = ctx.auth.sign_in(login, password)
        ctx.auth.change_own_password(person, password, password)
    return Office(ctx, admin, root_id, section.id, clerk, leader)


MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def make_window(
    qtbot: QtBot,
    ctx: AppContext,
    prompts: ScriptedPrompts,
    ui_settings: UiSettings,
    wall_clock: FakeWallClock,
) -> MakeWindow:
    def make(principal: Principal | None = None) -> MainWindow:
        window = MainWindow(ctx, prompts, ui_settings, clock=wall_clock)
        qtbot.addWidget(window)
        if principal is not None:
            window.start_session(principal)
        window.show()
        return window

    return make


@pytest.fixture
def ctx_auth(ctx: AppContext) -> AuthService:
    return ctx.auth


def is_locked(window: MainWindow) -> bool:
    """Whether the window is locked (a call, so type checkers do not freeze the answer)."""
    return window.locked


def check_model(tester: ModelTester, model: QAbstractItemModel) -> None:
    """Run pytest-qt's model checker with the Python implementation (clear messages)."""
    tester.check(model, force_py=True)  # type: ignore[no-untyped-call]
