"""The 稿件列表 tab: every post, a page at a time from the database, with filters and search.

The model asks the database for one page of light rows whenever the view scrolls near its
end (``canFetchMore``/``fetchMore``); it never holds every post and never queries per
cell — the texts of a page are made once when the page arrives. A search whose words are
all of 3 or more characters goes through the trigram index and answers at once; a word
of 1–2 characters (common in Chinese) makes the database read every post, so such a
search runs in a worker thread with "正在搜索…" shown, and typing on cancels it. The
count of matching posts always comes from a worker.

The 待我审批 tab lists the posts whose next step the signed-in person may sign.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.context import AppContext
from newmedia_desk.domain.errors import ConflictError, DeskError
from newmedia_desk.domain.posts import PostStatus, Tier, direct_route_allowed
from newmedia_desk.domain.roles import Permission
from newmedia_desk.domain.settings import DIRECT_ROUTE_ALLOWED
from newmedia_desk.domain.staff import Principal
from newmedia_desk.domain.working_days import OFFICE_TZ
from newmedia_desk.services.post_list import (
    DEFAULT_PAGE,
    PostListService,
    PostPage,
    SearchCancel,
    SearchCancelledError,
)
from newmedia_desk.services.posts import PostRecord
from newmedia_desk.storage.post_queries import DateField, PostCursor, PostFilters, PostListRow
from newmedia_desk.ui.account_detail import read_only_table
from newmedia_desk.ui.approval_texts import status_name, step_name, tier_name
from newmedia_desk.ui.form_dialog import error_banner
from newmedia_desk.ui.noop import QT_TRANSLATE_NOOP
from newmedia_desk.ui.post_exports import PostExcel
from newmedia_desk.ui.prompts import Prompts, error_text
from newmedia_desk.ui.record_table import AnyIndex, RecordTableModel, RowRole, select_proxy_row
from newmedia_desk.ui.texts import office_time

SEARCH_DELAY_MS = 300
"""Typing in the search box waits this long for the next key before searching."""
FIRST_PAGE = 50
"""Rows read first: more than a screen shows; the view asks for more when scrolled."""
COUNT_FALLBACK_MS = 150
"""The count of a new list starts after the list's first paint, or after this long."""
AFTER_PAINT_FALLBACK_MS = 200
"""After a refresh, expiry and filter choices wait for the first paint, or this long."""

_CTX = "PostsPage"


class PostColumn(IntEnum):
    """Columns of the posts list."""

    ID = 0
    STATUS = 1
    TIER = 2
    TITLE = 3
    COLUMN = 4
    ACCOUNTS = 5
    PLANNED = 6
    UPDATED = 7
    DRAFTER = 8


POST_HEADERS: dict[PostColumn, str] = {
    PostColumn.ID: QT_TRANSLATE_NOOP("PostsPage", "No."),
    PostColumn.STATUS: QT_TRANSLATE_NOOP("PostsPage", "Status"),
    PostColumn.TIER: QT_TRANSLATE_NOOP("PostsPage", "Tier"),
    PostColumn.TITLE: QT_TRANSLATE_NOOP("PostsPage", "Title"),
    PostColumn.COLUMN: QT_TRANSLATE_NOOP("PostsPage", "Column"),
    PostColumn.ACCOUNTS: QT_TRANSLATE_NOOP("PostsPage", "Accounts"),
    PostColumn.PLANNED: QT_TRANSLATE_NOOP("PostsPage", "Planned for"),
    PostColumn.UPDATED: QT_TRANSLATE_NOOP("PostsPage", "Last change"),
    PostColumn.DRAFTER: QT_TRANSLATE_NOOP("PostsPage", "Drafted by"),
}

COLUMN_WIDTHS: dict[PostColumn, int] = {
    PostColumn.ID: 64,
    PostColumn.STATUS: 72,
    PostColumn.TIER: 52,
    PostColumn.TITLE: 300,
    PostColumn.COLUMN: 110,
    PostColumn.ACCOUNTS: 220,
    PostColumn.PLANNED: 128,
    PostColumn.UPDATED: 128,
    PostColumn.DRAFTER: 72,
}

_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ROW = int(RowRole)

_MUTED = frozenset({PostStatus.CANCELLED, PostStatus.WITHDRAWN})
_ATTENTION = frozenset({PostStatus.RETURNED, PostStatus.EXPIRED})


def _translate(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def _no_title() -> str:
    return QCoreApplication.translate("PostsPage", "(no title)")


def row_texts(rows: Sequence[PostListRow]) -> list[tuple[str, ...]]:
    """What each column of the list shows, for the rows of one page (made once per page).

    The words for statuses and tiers are translated once per page, and times are shown
    in office time, to the minute (as ``office_time`` does).
    """
    zone = OFFICE_TZ
    statuses: dict[PostStatus, str] = {}
    tiers: dict[Tier, str] = {}
    no_title = _no_title()

    def when(value: datetime | None) -> str:
        if value is None:
            return ""
        t = value.astimezone(zone)
        return f"{t.year:04d}-{t.month:02d}-{t.day:02d} {t.hour:02d}:{t.minute:02d}"

    texts: list[tuple[str, ...]] = []
    for row in rows:
        status = statuses.get(row.status)
        if status is None:
            status = statuses[row.status] = status_name(row.status)
        tier = tiers.get(row.tier)
        if tier is None:
            tier = tiers[row.tier] = tier_name(row.tier)
        texts.append(
            (
                str(row.id),
                status,
                tier,
                row.title or no_title,
                row.column,
                row.accounts,
                when(row.planned_at),
                when(row.updated_at),
                row.drafter,
            )
        )
    return texts


def available(module: str) -> bool:
    """Whether a module of another part of the program is there (it may come later)."""
    return importlib.util.find_spec(module) is not None


# -- background work -----------------------------------------------------------------------


class _Relay(QObject):
    """Carries a worker's result to the UI thread (a queued signal)."""

    done = Signal(int, str, object)
    """generation, what ("page" or "count"), result."""
    failed = Signal(int, str, object)


class _Job(QRunnable):
    def __init__(
        self,
        relay: _Relay,
        generation: int,
        what: str,
        work: Callable[[SearchCancel], object],
        cancel: SearchCancel,
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._relay = relay
        self._generation = generation
        self._what = what
        self._work = work
        self._cancel = cancel

    def run(self) -> None:
        """Run the query in the pool's thread; hand the result over (or drop it)."""
        try:
            result = self._work(self._cancel)
        except SearchCancelledError:
            return
        except Exception as exc:  # shown to the person by the UI thread
            if not self._cancel.cancelled:
                self._relay.failed.emit(self._generation, self._what, exc)
            return
        if not self._cancel.cancelled:
            self._relay.done.emit(self._generation, self._what, result)


# -- the model -----------------------------------------------------------------------------


class PostListModel(QAbstractTableModel):
    """Posts, newest first (by number), fetched from the database a page at a time.

    ``set_filters`` starts over. A search that must scan runs in the model's thread pool
    (``searching`` is emitted around it); a newer ``set_filters`` cancels it. The count
    always runs there too and arrives with ``counted``.
    """

    searching = Signal(bool)
    """True while a page is being read in the background."""
    counted = Signal(int)
    """How many posts match the filters (arrives after the first page)."""
    failed = Signal(object)
    """A ``DeskError`` (or other exception) from reading."""

    def __init__(
        self,
        service: PostListService,
        actor: Principal,
        parent: QObject | None = None,
        *,
        page_size: int = DEFAULT_PAGE,
    ) -> None:
        super().__init__(parent)
        # The pool is made first, so it is destroyed (and waits for its jobs) first.
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)
        self._service = service
        self._actor = actor
        self.page_size = page_size
        self.filters = PostFilters()
        self._rows: list[PostListRow] = []
        self._texts: list[tuple[str, ...]] = []
        self._next: PostCursor | None = None
        self._started = False
        self._busy = False
        self._generation = 0
        self._cancels: list[SearchCancel] = []
        self.total: int | None = None
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.timeout.connect(self._count)
        muted, attention = QBrush(QColor("#8a8a8a")), QBrush(QColor("#b34700"))
        self._brushes: dict[PostStatus, QBrush] = {
            **dict.fromkeys(_MUTED, muted),
            **dict.fromkeys(_ATTENTION, attention),
        }
        # Translated once: a view asks for every header many times per paint.
        self._headers = tuple(_translate(POST_HEADERS[c]) for c in PostColumn)

    # -- what is shown --

    def row_at(self, row: int) -> PostListRow | None:
        """The post shown in ``row``."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, post_id: int) -> int | None:
        """The row showing a post, if it has been fetched."""
        for number, row in enumerate(self._rows):
            if row.id == post_id:
                return number
        return None

    @property
    def busy(self) -> bool:
        """Whether a page is being read in the background."""
        return self._busy

    # -- loading --

    def set_filters(self, filters: PostFilters) -> None:
        """Show the posts matching ``filters`` from the first page (cancels older reads)."""
        self.cancel()
        self._generation += 1
        self.beginResetModel()
        self.filters = filters
        self._rows, self._texts = [], []
        self._next = None
        self._started = True
        self.total = None
        self.endResetModel()
        self._load(None)
        # Counting waits for the first page to be painted (``count_soon``), or a moment.
        self._count_timer.start(COUNT_FALLBACK_MS)

    @property
    def count_pending(self) -> bool:
        """Whether the count of the current filters has not been started yet."""
        return self._count_timer.isActive()

    def count_soon(self) -> None:
        """Start the pending count at the next turn of the event loop."""
        if self._count_timer.isActive():
            self._count_timer.start(0)

    def _count(self) -> None:
        """Count in the background."""
        actor, service, filters = self._actor, self._service, self.filters
        self._submit(
            self._generation,
            "count",
            lambda cancel: service.count(actor, filters, cancel=cancel),
        )

    def reload(self) -> None:
        """Read the first page again with the same filters."""
        self.set_filters(self.filters)

    def cancel(self) -> None:
        """Stop reads still running in the background; their results are dropped."""
        for cancel in self._cancels:
            cancel.cancel()
        self._cancels.clear()
        if self._busy:
            self._busy = False
            self.searching.emit(False)

    def shutdown(self) -> None:
        """Cancel and wait for the background reads (before the database is closed)."""
        self._count_timer.stop()
        self.cancel()
        self.pool.waitForDone()

    def wait_idle(self, msecs: int = -1) -> bool:
        """Wait for the background reads to finish (tests, benchmark); True if they did."""
        return bool(self.pool.waitForDone(msecs))

    def _load(self, after: PostCursor | None) -> None:
        filters, actor, service = self.filters, self._actor, self._service
        # The first page only has to fill a screen; later pages come as the view scrolls.
        size = self.page_size if after is not None else min(self.page_size, FIRST_PAGE)
        if not service.scans(filters):
            try:
                page = service.page(actor, filters, after, size)
            except DeskError as exc:
                self.failed.emit(exc)
                return
            self._append(page)
            return
        self._busy = True
        self.searching.emit(True)
        self._submit(
            self._generation,
            "page",
            lambda cancel: service.page(actor, filters, after, size, cancel=cancel),
        )

    def _submit(self, generation: int, what: str, work: Callable[[SearchCancel], object]) -> None:
        cancel = SearchCancel()
        self._cancels.append(cancel)
        self.pool.start(_Job(self._relay, generation, what, work, cancel))

    def _append(self, page: PostPage) -> None:
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self._texts.extend(row_texts(page.rows))
            self.endInsertRows()
        self._next = page.next

    def _on_done(self, generation: int, what: str, result: object) -> None:
        if generation != self._generation:
            return
        if what == "count" and isinstance(result, int):
            self.total = result
            self.counted.emit(result)
        elif what == "page" and isinstance(result, PostPage):
            self._busy = False
            self.searching.emit(False)
            self._append(result)

    def _on_failed(self, generation: int, what: str, error: object) -> None:
        if generation != self._generation:
            return
        if what == "page":
            self._busy = False
            self.searching.emit(False)
        self.failed.emit(error)

    # -- Qt's model interface --

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Rows fetched so far."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Number of columns."""
        return 0 if parent.isValid() else len(PostColumn)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: N802, B008
        """Whether another page can be read (not while one is being read)."""
        return not parent.isValid() and self._started and self._next is not None and not self._busy

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: N802, B008
        """Read the next page (in the background when it must scan)."""
        if self.canFetchMore(parent):
            self._load(self._next)

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Column titles, translated."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        """The text of a cell, its row's post, a tooltip or a colour.

        Called for every role of every visible cell at each paint: the common answers
        come first and cost a list lookup.
        """
        if role == _DISPLAY:
            row = index.row()
            return self._texts[row][index.column()] if 0 <= row < len(self._texts) else None
        if role == _FOREGROUND:
            row = index.row()
            if 0 <= row < len(self._rows):
                return self._brushes.get(self._rows[row].status)
            return None
        if role == _ROW:
            row = index.row()
            return self._rows[row] if 0 <= row < len(self._rows) else None
        if role == _TOOLTIP and index.column() in (PostColumn.TITLE, PostColumn.ACCOUNTS):
            row = index.row()
            return self._texts[row][index.column()] if 0 <= row < len(self._texts) else None
        return None


# -- 待我审批 ------------------------------------------------------------------------------


class WaitingColumn(IntEnum):
    """Columns of the 待我审批 table."""

    TITLE = 0
    STEP = 1
    TIER = 2
    PLANNED = 3
    DRAFTER = 4
    UNIT = 5


WAITING_HEADERS: dict[WaitingColumn, str] = {
    WaitingColumn.TITLE: QT_TRANSLATE_NOOP("PostsPage", "Title"),
    WaitingColumn.STEP: QT_TRANSLATE_NOOP("PostsPage", "Waiting for"),
    WaitingColumn.TIER: QT_TRANSLATE_NOOP("PostsPage", "Tier"),
    WaitingColumn.PLANNED: QT_TRANSLATE_NOOP("PostsPage", "Planned for"),
    WaitingColumn.DRAFTER: QT_TRANSLATE_NOOP("PostsPage", "Drafted by"),
    WaitingColumn.UNIT: QT_TRANSLATE_NOOP("PostsPage", "Unit"),
}


def _waiting_text(record: PostRecord, column: WaitingColumn) -> str:
    if column is WaitingColumn.TITLE:
        return record.content.title or _no_title()
    if column is WaitingColumn.STEP:
        step = record.next_step()
        return "" if step is None else step_name(step.key, step.title)
    if column is WaitingColumn.TIER:
        return tier_name(record.content.tier)
    if column is WaitingColumn.PLANNED:
        return office_time(record.planned_at)
    if column is WaitingColumn.DRAFTER:
        return record.drafter_name
    return record.unit_name


class WaitingModel(RecordTableModel[PostRecord, WaitingColumn]):
    """The posts waiting for the signed-in person's sign-off."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(WaitingColumn, WAITING_HEADERS, _CTX, _waiting_text, parent)


class WaitingPage(QWidget):
    """待我审批: what the signed-in person may sign now; 审批 opens the sign-off."""

    changed = Signal()
    """A sign-off was recorded."""

    def __init__(
        self,
        ctx: AppContext,
        actor: Principal,
        prompts: Prompts,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._actor = actor
        self._prompts = prompts
        self.dialog: QDialog | None = None
        self.model = WaitingModel(self)
        self.table = read_only_table(self, "waiting_table")
        self.table.setModel(self.model)
        self.table.doubleClicked.connect(lambda _i: self.open_sign_off())
        self.intro = QLabel(self)
        self.intro.setObjectName("waiting_intro")
        self.intro.setWordWrap(True)
        self.message = error_banner(self)
        self.sign_button = QPushButton(self.tr("Approve…"), self)
        self.sign_button.setObjectName("approve")
        self.sign_button.clicked.connect(self.open_sign_off)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        if not available("newmedia_desk.ui.post_approval_dialog"):
            self.sign_button.setToolTip(self.tr("The sign-off screen comes in a later version."))
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def refresh(self) -> None:
        """List again what waits for this person."""
        selected = self.selected()
        try:
            records = self._ctx.posts.waiting_for(self._actor)
        except DeskError as exc:
            self.model.set_rows([])
            self.message.setText(error_text(exc))
            self.message.show()
            self._update_buttons()
            return
        self.message.hide()
        self.model.set_rows(records)
        if records:
            self.intro.setText(
                self.tr(
                    "{count} post(s) wait for your sign-off. Select one and choose Approve: "
                    "you read the exact text and agree or return it with an opinion."
                ).format(count=len(records))
            )
        else:
            self.intro.setText(self.tr("Nothing waits for your sign-off."))
        if not self.table.property("sized") and records:
            self.table.resizeColumnsToContents()
            self.table.setProperty("sized", True)
        row = next(
            (i for i, r in enumerate(records) if selected is not None and r.id == selected.id), 0
        )
        if records:
            select_proxy_row(self.table, self.model.index(row, 0))
        self._update_buttons()

    def selected(self) -> PostRecord | None:
        """The post selected."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        self.sign_button.setEnabled(
            self.selected() is not None and available("newmedia_desk.ui.post_approval_dialog")
        )

    def open_sign_off(self) -> None:
        """Sign the selected post's next step (the signer signs in and types the password)."""
        record = self.selected()
        if record is None or not self.sign_button.isEnabled():
            return
        from newmedia_desk.ui.post_approval_dialog import LeaderSignOffDialog

        dialog = LeaderSignOffDialog(self._ctx, self._prompts, record.id, self)
        dialog.signed.connect(lambda _r: self._after_signed())
        _open(self, dialog)

    def _after_signed(self) -> None:
        self.refresh()
        self.changed.emit()


def _open(owner: PostsPage | WaitingPage, dialog: QDialog) -> None:
    def forget(_result: int) -> None:
        if owner.dialog is dialog:
            owner.dialog = None
        dialog.deleteLater()

    dialog.finished.connect(forget)
    owner.dialog = dialog
    dialog.open()


# -- the list page -------------------------------------------------------------------------


class PostsPage(QWidget):
    """Filter bar, search box, the posts table and the actions on the selected post."""

    changed = Signal()
    """A post was saved, submitted, signed, published, recalled or cancelled."""

    def __init__(
        self,
        ctx: AppContext,
        actor: Principal,
        prompts: Prompts,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._actor = actor
        self._prompts = prompts
        self.dialog: QDialog | None = None
        self._accounts_loaded = False
        self._after_paint = False

        self.model = PostListModel(ctx.post_list, actor, self)
        self.table = read_only_table(self, "post_table")
        self.table.setModel(self.model)
        self.table.setWordWrap(False)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        for column, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda _i: self._on_double_click())
        self.table.viewport().installEventFilter(self)

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("post_search")
        self.search_edit.setPlaceholderText(self.tr("Search titles and text…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_filters)
        self._after_timer = QTimer(self)
        self._after_timer.setSingleShot(True)
        self._after_timer.timeout.connect(self._after_refresh)
        self.search_edit.textChanged.connect(lambda _t: self.search_timer.start())
        self.search_edit.returnPressed.connect(self.apply_filters)

        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("status_filter")
        self.status_filter.addItem(self.tr("All states"), None)
        for status in PostStatus:
            self.status_filter.addItem(status_name(status), status.value)
        self.tier_filter = QComboBox(self)
        self.tier_filter.setObjectName("tier_filter")
        self.tier_filter.addItem(self.tr("All tiers"), None)
        for tier in Tier:
            self.tier_filter.addItem(tier_name(tier), tier.value)
        self.account_filter = QComboBox(self)
        self.account_filter.setObjectName("account_filter")
        self.account_filter.addItem(self.tr("All accounts"), None)
        self.column_filter = QComboBox(self)
        self.column_filter.setObjectName("column_filter")
        self.column_filter.addItem(self.tr("All columns"), None)
        self.date_field = QComboBox(self)
        self.date_field.setObjectName("date_field")
        self.date_field.addItem(self.tr("Any date"), None)
        self.date_field.addItem(self.tr("Planned between"), DateField.PLANNED.value)
        self.date_field.addItem(self.tr("Changed between"), DateField.UPDATED.value)
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addMonths(-1), self)
        self.date_from.setObjectName("date_from")
        self.date_to = QDateEdit(today, self)
        self.date_to.setObjectName("date_to")
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            edit.dateChanged.connect(lambda _d: self.apply_filters())
        for combo in (self.status_filter, self.tier_filter, self.account_filter):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.column_filter.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.date_field.currentIndexChanged.connect(self._on_date_field)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("count")
        self.searching_label = QLabel(self.tr("Searching…"), self)
        self.searching_label.setObjectName("searching")
        self.searching_label.setStyleSheet("color: #7a5200; font-weight: bold;")
        self.searching_label.hide()
        self.message = error_banner(self)

        self.new_button = QPushButton(self.tr("New post…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.view_button = QPushButton(self.tr("View…"), self)
        self.submit_button = QPushButton(self.tr("Submit for approval"), self)
        self.sign_button = QPushButton(self.tr("Leader's approval…"), self)
        self.publish_button = QPushButton(self.tr("Record publication…"), self)
        self.recall_button = QPushButton(self.tr("Recall from approval"), self)
        self.cancel_button = QPushButton(self.tr("Cancel post…"), self)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.form_button = QPushButton(self.tr("Approval form…"), self)
        self.form_button.setToolTip(
            self.tr("Save the 发布内容审批表 of the selected post as Excel, to print and sign")
        )
        self.ledger_button = QPushButton(self.tr("Ledger…"), self)
        self.ledger_button.setToolTip(self.tr("Save the 发布台账 of a period as Excel"))
        self.import_button = QPushButton(self.tr("Import publications…"), self)
        self.import_button.setToolTip(
            self.tr(
                "Bring in an existing publication ledger (账号, 发布时间, 标题, 链接, 栏目, 平台)"
            )
        )
        self.excel = PostExcel(ctx, actor, prompts, self)
        self.excel.imported.connect(lambda _count: self._after_change())
        self.form_button.clicked.connect(self.save_form)
        self.ledger_button.clicked.connect(self.excel.ledger)
        self.import_button.clicked.connect(self.excel.import_publications)
        self.sign_button.setToolTip(
            self.tr("The next approver signs in over your session and signs on this computer")
        )
        self.new_button.clicked.connect(self.open_new)
        self.edit_button.clicked.connect(self.open_edit)
        self.view_button.clicked.connect(self.open_view)
        self.submit_button.clicked.connect(self.submit)
        self.sign_button.clicked.connect(self.open_sign_off)
        self.publish_button.clicked.connect(self.open_publication)
        self.recall_button.clicked.connect(self.recall)
        self.cancel_button.clicked.connect(self.open_cancel)
        self.refresh_button.clicked.connect(self.refresh)
        later = self.tr("This screen comes in a later version.")
        self._screens = {
            self.new_button: "newmedia_desk.ui.post_editor",
            self.edit_button: "newmedia_desk.ui.post_editor",
            self.view_button: "newmedia_desk.ui.post_detail",
            self.sign_button: "newmedia_desk.ui.post_approval_dialog",
            self.publish_button: "newmedia_desk.ui.publication_dialog",
        }
        self._present = {b: available(m) for b, m in self._screens.items()}
        for button, present in self._present.items():
            if not present:
                button.setToolTip(later)

        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 3)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.tier_filter)
        filters.addWidget(self.account_filter, 1)
        filters.addWidget(self.column_filter, 1)
        dates = QHBoxLayout()
        dates.addWidget(self.date_field)
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("–", self))
        dates.addWidget(self.date_to)
        dates.addSpacing(12)
        dates.addWidget(self.count_label)
        dates.addWidget(self.searching_label)
        dates.addStretch(1)
        dates.addWidget(self.refresh_button)
        actions = QHBoxLayout()
        for button in (
            self.new_button,
            self.edit_button,
            self.view_button,
            self.submit_button,
            self.sign_button,
            self.publish_button,
            self.recall_button,
            self.cancel_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        for button in (self.form_button, self.ledger_button, self.import_button):
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(dates)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

        self.model.searching.connect(self._on_searching)
        self.model.counted.connect(self._on_counted)
        self.model.failed.connect(self._on_failed)
        self.model.modelReset.connect(self._update_buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    # -- loading -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the list again (keeping the selection); then expire overdue posts.

        The first page is shown at once; right after it has been painted, posts not
        approved by their planned time are marked 已过期 (the list is read again if any
        were) and the filter choices are filled.
        """
        selected = self.selected()
        self.model.set_filters(self.filters())
        if selected is not None:
            self.select_post(selected.id)
        # Right after the table's next paint (or soon anyway, should it not be shown).
        self._after_paint = True
        self._after_timer.start(AFTER_PAINT_FALLBACK_MS)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Notice the table's first paint after a refresh (the rest comes after it)."""
        if event.type() == QEvent.Type.Paint:
            if self._after_paint:
                self._after_paint = False
                self._after_timer.start(0)
            if self.model.count_pending:
                self.model.count_soon()
        return False

    def _after_refresh(self) -> None:
        self._after_paint = False
        if not self._accounts_loaded:
            self._fill_choices()
        try:
            expired = self._ctx.posts.expire_due()
        except DeskError as exc:
            self._show_error(exc)
            return
        if expired:
            selected = self.selected()
            self.model.reload()
            if selected is not None:
                self.select_post(selected.id)

    def _fill_choices(self) -> None:
        try:
            accounts = self._ctx.accounts.list_accounts(self._actor)
            columns = self._ctx.post_list.columns(self._actor)
        except DeskError as exc:
            self._show_error(exc)
            return
        self._accounts_loaded = True
        for combo in (self.account_filter, self.column_filter):
            combo.blockSignals(True)
        for account in sorted(accounts, key=lambda a: (a.platform_name, a.name)):
            self.account_filter.addItem(f"{account.name}（{account.platform_name}）", account.id)
        for name in columns:
            self.column_filter.addItem(name, name)
        for combo in (self.account_filter, self.column_filter):
            combo.blockSignals(False)

    def filters(self) -> PostFilters:
        """The filters as chosen in the bar."""
        status = self.status_filter.currentData()
        tier = self.tier_filter.currentData()
        field = self.date_field.currentData()
        start = end = None
        if field is not None:
            start = _day_start(_date(self.date_from.date()))
            end = _day_start(_date(self.date_to.date()), days=1)
        return PostFilters(
            statuses=frozenset() if status is None else frozenset({PostStatus(status)}),
            account_id=self.account_filter.currentData(),
            column=self.column_filter.currentData(),
            tier=None if tier is None else Tier(tier),
            date_field=DateField(field) if field is not None else DateField.UPDATED,
            date_from=start,
            date_to=end,
            text=self.search_edit.text(),
        )

    def apply_filters(self) -> None:
        """Show the posts matching the bar now (the search box's delay is skipped)."""
        self.search_timer.stop()
        if self.model.filters == self.filters() and self.model.rowCount():
            return
        self.message.hide()
        self.model.set_filters(self.filters())

    def _on_date_field(self, _index: int) -> None:
        enabled = self.date_field.currentData() is not None
        self.date_from.setEnabled(enabled)
        self.date_to.setEnabled(enabled)
        self.apply_filters()

    def _on_searching(self, busy: bool) -> None:
        self.searching_label.setVisible(busy)
        if busy:
            self.count_label.clear()

    def _on_counted(self, total: int) -> None:
        self.count_label.setText(self.tr("{count} post(s)").format(count=total))

    def _on_failed(self, error: object) -> None:
        if isinstance(error, DeskError):
            self._show_error(error)
        else:
            self.message.setText(self.tr("The list could not be read: {detail}").format(
                detail=str(error)
            ))  # fmt: skip
            self.message.show()

    def _show_error(self, exc: DeskError) -> None:
        self.message.setText(error_text(exc))
        self.message.show()

    def shutdown(self) -> None:
        """Stop background searches (called before the session ends)."""
        self.model.shutdown()

    # -- selection -----------------------------------------------------------------------

    def selected(self) -> PostListRow | None:
        """The post selected in the table."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_post(self, post_id: int) -> bool:
        """Select a post's row if it has been fetched."""
        row = self.model.row_of(post_id)
        return row is not None and select_proxy_row(self.table, self.model.index(row, 0))

    def _on_double_click(self) -> None:
        if self.edit_button.isEnabled():
            self.open_edit()
        elif self.view_button.isEnabled():
            self.open_view()

    def _update_buttons(self) -> None:
        row = self.selected()
        status = None if row is None else row.status
        drafts = Permission.DRAFT_POSTS in self._actor.permissions
        present = self._present
        self.new_button.setEnabled(drafts and present[self.new_button])
        self.edit_button.setEnabled(
            drafts
            and present[self.edit_button]
            and status
            in {
                PostStatus.DRAFT,
                PostStatus.RETURNED,
                PostStatus.EXPIRED,
                PostStatus.IN_APPROVAL,
                PostStatus.APPROVED,
            }
        )
        self.view_button.setEnabled(row is not None and present[self.view_button])
        self.submit_button.setEnabled(drafts and status in {PostStatus.DRAFT, PostStatus.RETURNED})
        self.sign_button.setEnabled(present[self.sign_button] and status is PostStatus.IN_APPROVAL)
        self.publish_button.setEnabled(
            drafts
            and present[self.publish_button]
            and status in {PostStatus.APPROVED, PostStatus.PUBLISHED}
        )
        self.recall_button.setEnabled(
            drafts and status in {PostStatus.IN_APPROVAL, PostStatus.APPROVED}
        )
        self.form_button.setEnabled(row is not None)
        self.import_button.setEnabled(drafts)
        self.cancel_button.setEnabled(
            drafts
            and status is not None
            and status not in {PostStatus.PUBLISHED, PostStatus.WITHDRAWN, PostStatus.CANCELLED}
        )

    # -- actions -------------------------------------------------------------------------

    def _record(self, post_id: int) -> PostRecord | None:
        try:
            return self._ctx.posts.get(self._actor, post_id)
        except DeskError as exc:
            self._prompts.warning(error_text(exc))
            return None

    def _after_change(self, post_id: int | None = None) -> None:
        self.refresh()
        if post_id is not None:
            self.select_post(post_id)
        self.changed.emit()

    def open_new(self) -> None:
        """Write a new post."""
        self._open_editor(None)

    def open_edit(self) -> None:
        """Change the selected post (a new revision)."""
        row = self.selected()
        if row is not None:
            self._open_editor(row.id)

    def _open_editor(self, post_id: int | None) -> None:
        from newmedia_desk.ui.post_editor import PostEditorDialog

        try:
            editor = PostEditorDialog(self._ctx, self._actor, self._prompts, post_id, self)
        except DeskError as exc:
            self._prompts.warning(error_text(exc))
            return
        editor.saved.connect(self._after_change)
        _open(self, editor)

    def open_view(self) -> None:
        """Show the selected post: content, approval route, publications."""
        row = self.selected()
        if row is None or not self.view_button.isEnabled():
            return
        from newmedia_desk.ui.post_detail import PostDetailView

        dialog = QDialog(self)
        dialog.setWindowTitle(row.title or self.tr("(no title)"))
        view = PostDetailView(self._ctx, self._actor, self._prompts, dialog)
        view.setObjectName("post_detail")
        view.changed.connect(lambda: self._after_change(row.id))
        layout = QVBoxLayout(dialog)
        layout.addWidget(view)
        dialog.resize(960, 720)
        view.show_post(row.id)
        _open(self, dialog)

    def save_form(self) -> None:
        """Save the selected post's 发布内容审批表 for printing."""
        row = self.selected()
        if row is not None:
            self.excel.approval_form(row.id)

    def submit(self) -> None:
        """Send the selected post into approval (or, where allowed, out without it)."""
        row = self.selected()
        record = None if row is None else self._record(row.id)
        if record is None:
            return
        content = record.content
        direct = False
        title = content.title or self.tr("(no title)")
        if self._ctx.settings.get(DIRECT_ROUTE_ALLOWED) != 0 and direct_route_allowed(
            content.tier, content.kind, content.category
        ):
            choice = self._prompts.choose(
                self.tr(
                    "“{title}” is a repost or general knowledge of tier General: the rules "
                    "let it go out without an approver. How should it go?"
                ).format(title=title),
                [self.tr("Submit for approval"), self.tr("Approve without an approver")],
            )
            if choice is None:
                return
            direct = choice == 1
        elif not self._prompts.confirm(
            self.tr(
                "Submit “{title}” for approval? Each step is then signed on this computer by "
                "the person it names (Leader's approval…)."
            ).format(title=title)
        ):
            return
        self._run(
            lambda: self._ctx.posts.submit(
                self._actor, record.id, expected_version=record.version, direct=direct
            )
        )

    def open_sign_off(self) -> None:
        """Let the next approver sign in over this session and sign their step."""
        row = self.selected()
        if row is None or not self.sign_button.isEnabled():
            return
        from newmedia_desk.ui.post_approval_dialog import LeaderSignOffDialog

        dialog = LeaderSignOffDialog(self._ctx, self._prompts, row.id, self, viewer=self._actor)
        dialog.signed.connect(lambda _r: self._after_change(row.id))
        _open(self, dialog)

    def open_publication(self) -> None:
        """Record that the approved post went out on its accounts."""
        row = self.selected()
        if row is None or not self.publish_button.isEnabled():
            return
        from newmedia_desk.ui.publication_dialog import PublicationDialog

        try:
            dialog = PublicationDialog(self._ctx, self._actor, self._prompts, row.id, self)
        except DeskError as exc:
            self._prompts.warning(error_text(exc))
            return
        dialog.saved.connect(lambda _r: self._after_change(row.id))
        _open(self, dialog)

    def recall(self) -> None:
        """Take the selected post back out of approval."""
        row = self.selected()
        record = None if row is None else self._record(row.id)
        if record is None:
            return
        question = self.tr(
            "Recall “{title}” from approval? Sign-offs given so far are voided; the post "
            "becomes a draft again."
        ).format(title=record.content.title or self.tr("(no title)"))
        if self._prompts.confirm(question):
            self._run(
                lambda: self._ctx.posts.recall(
                    self._actor, record.id, expected_version=record.version
                )
            )

    def open_cancel(self) -> None:
        """Cancel (作废) the selected post, with a reason."""
        from newmedia_desk.ui.account_dialogs import ReasonDialog

        row = self.selected()
        record = None if row is None else self._record(row.id)
        if record is None:
            return
        dialog = ReasonDialog(
            self.tr("Cancel “{title}”").format(title=record.content.title or self.tr("(no title)")),
            self.tr("A cancelled post cannot be submitted or published any more."),
            lambda reason: self._ctx.posts.cancel(
                self._actor, record.id, reason, expected_version=record.version
            ),
            self,
        )
        dialog.completed.connect(lambda _r: self._after_change(record.id))
        dialog.conflict.connect(self.refresh)
        _open(self, dialog)

    def _run(self, call: Callable[[], PostRecord]) -> None:
        try:
            saved = call()
        except ConflictError as exc:
            self._prompts.warning(error_text(exc))
            self.refresh()
            return
        except DeskError as exc:
            self._prompts.warning(error_text(exc))
            return
        self._after_change(saved.id)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _day_start(day: date, *, days: int = 0) -> datetime:
    """The start of an office day (plus ``days``), as an aware time."""
    return datetime.combine(day, time(0), OFFICE_TZ) + timedelta(days=days)
