"""The Calendar area (日历): the month or week of posts, the cadence rules, compliance.

The calendar shows posts planned, approved and published, the fixed times of the cadence
rules (red when missed) and the delivery deadlines. A draft is planned by dragging it from
the 未安排 list (or from another day) onto a day or an hour; the post service re-plans it
with its content unchanged, and says no when it must (someone else changed the post, a
permission, a published post).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.context import AppContext
from newmedia_desk.domain.errors import DeskError
from newmedia_desk.domain.roles import Permission
from newmedia_desk.domain.staff import Principal
from newmedia_desk.domain.working_days import office_date
from newmedia_desk.services.cadence import CalendarItem, ItemKind, SlotState
from newmedia_desk.ui.approval_texts import status_name
from newmedia_desk.ui.cadence_pages import CompliancePage, RulesPage
from newmedia_desk.ui.cadence_texts import (
    DEADLINE_COLOUR,
    DONE_COLOUR,
    KIND_COLOURS,
    LATE_COLOUR,
    SLOT_COLOURS,
    hm,
    kind_name,
    slot_state_name,
    weekday_name,
)
from newmedia_desk.ui.calendar_view import CalendarView, ViewMode, encode_post, local
from newmedia_desk.ui.form_dialog import error_banner
from newmedia_desk.ui.prompts import Prompts, error_text

PostIdRole = Qt.ItemDataRole.UserRole + 1
"""Item role of the list rows holding a post id."""


class DraftList(QListWidget):
    """The 未安排 list: drafts without a planned time, dragged onto the calendar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unplanned_list")
        self.setDragEnabled(True)
        self.setDragDropMode(QListWidget.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.drafts_by_id: dict[int, CalendarItem] = {}

    def set_drafts(self, drafts: list[CalendarItem]) -> None:
        """Show these drafts."""
        self.clear()
        self.drafts_by_id = {d.post_id: d for d in drafts if d.post_id is not None}
        for draft in drafts:
            text = draft.title or self.tr("(untitled)")
            if draft.status is not None:
                text = f"{text}  [{status_name(draft.status)}]"
            row = QListWidgetItem(text, self)
            row.setData(PostIdRole, draft.post_id)
            row.setToolTip("、".join(draft.accounts))

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:  # noqa: N802
        """The dragged draft (one at a time)."""
        post_id = int(items[0].data(PostIdRole)) if items else 0
        draft = self.drafts_by_id.get(post_id)
        return encode_post(post_id, None if draft is None else draft.at)

    def mimeTypes(self) -> list[str]:  # noqa: N802
        """Only posts."""
        from newmedia_desk.ui.calendar_view import POST_MIME

        return [POST_MIME]


class CalendarPage(QWidget):
    """Month or week of posts, slots and deadlines; drag a draft onto a day to plan it."""

    changed = Signal()

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
        self._versions: dict[int, int] = {}
        today = office_date(ctx.clock.now())
        self.view = CalendarView(today, self)
        self.view.movable = self._may_move
        self.view.day_clicked.connect(self.show_day)
        # Queued: the drop finishes before the service is asked (and a message box shown).
        self.view.post_dropped.connect(self.plan, Qt.ConnectionType.QueuedConnection)
        self.title = QLabel(self)
        self.title.setObjectName("period_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.prev_button = QPushButton("◀", self)
        self.prev_button.setToolTip(self.tr("Previous"))
        self.next_button = QPushButton("▶", self)
        self.next_button.setToolTip(self.tr("Next"))
        self.today_button = QPushButton(self.tr("Today"), self)
        for button in (self.prev_button, self.next_button):
            button.setFixedWidth(36)
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.go_today)
        self.month_button = QPushButton(self.tr("Month"), self)
        self.week_button = QPushButton(self.tr("Week"), self)
        self.modes = QButtonGroup(self)
        for mode, button in (
            (ViewMode.MONTH, self.month_button),
            (ViewMode.WEEK, self.week_button),
        ):
            button.setCheckable(True)
            self.modes.addButton(button, int(mode))
        self.month_button.setChecked(True)
        self.modes.idClicked.connect(lambda mode: self.set_mode(ViewMode(mode)))
        self.account_box = QComboBox(self)
        self.account_box.setObjectName("account_filter")
        self.account_box.setMinimumContentsLength(12)
        self.account_box.currentIndexChanged.connect(lambda _: self.refresh())
        self.message = error_banner(self)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.prev_button)
        top.addWidget(self.today_button)
        top.addWidget(self.next_button)
        top.addSpacing(12)
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.account_box)
        top.addSpacing(12)
        top.addWidget(self.month_button)
        top.addWidget(self.week_button)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.view)
        self.day_title = QLabel(self)
        self.day_title.setObjectName("day_title")
        bold = self.day_title.font()
        bold.setBold(True)
        self.day_title.setFont(bold)
        self.day_list = QListWidget(self)
        self.day_list.setObjectName("day_list")
        self.day_list.setWordWrap(True)
        self.drafts = DraftList(self)
        drafts_title = QLabel(self.tr("Not planned yet (drag onto a day)"), self)
        drafts_title.setFont(bold)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.day_title)
        side_layout.addWidget(self.day_list, 3)
        side_layout.addWidget(drafts_title)
        side_layout.addWidget(self.drafts, 2)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.scroll_area)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([760, 240])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        layout.addWidget(self._legend())
        layout.addWidget(self.status)
        self._accounts_loaded = False

    def _legend(self) -> QWidget:
        legend = QWidget(self)
        row = QHBoxLayout(legend)
        row.setContentsMargins(0, 0, 0, 0)
        marks: list[tuple[QColor, str]] = [(KIND_COLOURS[k], kind_name(k)) for k in ItemKind]
        marks += [
            (SLOT_COLOURS[SlotState.MISSED], self.tr("Fixed time missed")),
            (DEADLINE_COLOUR, self.tr("Delivery deadline")),
        ]
        for colour, text in marks:
            swatch = QLabel(legend)
            swatch.setFixedSize(12, 12)
            swatch.setStyleSheet(f"background: {colour.name()}; border-radius: 2px;")
            row.addWidget(swatch)
            row.addWidget(QLabel(text, legend))
            row.addSpacing(10)
        row.addStretch(1)
        return legend

    # -- navigation ------------------------------------------------------------------------

    def today(self) -> date:
        """The office date now."""
        return office_date(self._ctx.clock.now())

    def set_mode(self, mode: ViewMode) -> None:
        """Month or week."""
        self.view.set_mode(mode)
        button = self.month_button if mode is ViewMode.MONTH else self.week_button
        button.setChecked(True)
        self.refresh()

    def step(self, direction: int) -> None:
        """The previous or next month or week."""
        anchor = self.view.anchor
        if self.view.mode is ViewMode.WEEK:
            anchor += timedelta(days=7 * direction)
        else:
            month = anchor.year * 12 + anchor.month - 1 + direction
            anchor = date(month // 12, month % 12 + 1, 1)
        self.view.set_anchor(anchor)
        self.refresh()

    def go_today(self) -> None:
        """Back to today."""
        self.view.set_anchor(self.today())
        self.view.selected = self.today()
        self.refresh()

    def _period_title(self) -> str:
        anchor = self.view.anchor
        if self.view.mode is ViewMode.MONTH:
            return self.tr("{year}-{month:02d}").format(year=anchor.year, month=anchor.month)
        start, end = self.view.visible_range()
        return self.tr("{start} – {end}").format(
            start=self.tr("{year}-{month:02d}-{day:02d}").format(
                year=start.year, month=start.month, day=start.day
            ),
            end=self.tr("{year}-{month:02d}-{day:02d}").format(
                year=end.year, month=end.month, day=end.day
            ),
        )

    # -- data ------------------------------------------------------------------------------

    def _load_accounts(self) -> None:
        self.account_box.blockSignals(True)
        self.account_box.clear()
        self.account_box.addItem(self.tr("All accounts"), None)
        try:
            accounts = self._ctx.accounts.list_accounts(self._actor)
        except DeskError:
            accounts = []
        for a in accounts:
            if a.status.value == "open":
                self.account_box.addItem(f"{a.name}（{a.platform_name}）", a.id)
        self.account_box.blockSignals(False)
        self._accounts_loaded = True

    def refresh(self) -> None:
        """Read the shown period again."""
        if not self._accounts_loaded:
            self._load_accounts()
        self.title.setText(self._period_title())
        start, end = self.view.visible_range()
        account = self.account_box.currentData()
        try:
            data = self._ctx.cadence.calendar(
                self._actor, start, end, account_id=account if isinstance(account, int) else None
            )
            drafts = self._ctx.cadence.unplanned_drafts(self._actor)
        except DeskError as exc:
            self.message.setText(error_text(exc))
            self.message.show()
            return
        self.message.hide()
        self._versions = {i.post_id: i.version for i in data.items if i.post_id is not None}
        self._versions.update({d.post_id: d.version for d in drafts if d.post_id is not None})
        self.view.set_data(data, self.today())
        self.drafts.set_drafts(drafts)
        selected = self.view.selected
        if selected is None or not start <= selected <= end:
            selected = self.today() if start <= self.today() <= end else self.view.anchor
            self.view.selected = selected
        self.show_day(selected)

    def show_day(self, day: date) -> None:
        """List everything of ``day`` beside the calendar."""
        self.day_title.setText(
            self.tr("{weekday} {month}/{day}").format(
                weekday=weekday_name(day.weekday()), month=day.month, day=day.day
            )
        )
        self.day_list.clear()

        def add(text: str, colour: QColor, post_id: int | None = None) -> None:
            row = QListWidgetItem(text, self.day_list)
            row.setForeground(QBrush(colour))
            if post_id is not None:
                row.setData(PostIdRole, post_id)

        for delivery in self.view.deliveries_on(day):
            if delivery.covered:
                text = self.tr("Due: next week's content of {name} — complete").format(
                    name=delivery.name
                )
                colour = DONE_COLOUR
            else:
                text = self.tr(
                    "Due: next week's content of {name} — {n} day(s) not planned"
                ).format(name=delivery.name, n=len(delivery.missing_days))
                colour = LATE_COLOUR if delivery.late else DEADLINE_COLOUR
            add(text, colour)
        for slot in self.view.slots_on(day):
            state = slot_state_name(slot.state)
            if slot.optional:
                state = self.tr("{state} (optional)").format(state=state)
            colour = SLOT_COLOURS[slot.state]
            if slot.optional and slot.state is SlotState.MISSED:
                colour = SLOT_COLOURS[SlotState.OPEN]
            name = f"{slot.name} {slot.platform}".strip()
            add(
                self.tr("{time} fixed time · {name}: {state}").format(
                    time=hm(local(slot.at).time()), name=name, state=state
                ),
                colour,
            )
        for item in self.view.items_on(day):
            assert item.at is not None
            label = kind_name(item.kind)
            if item.status is not None and item.kind is not ItemKind.PUBLISHED:
                label = status_name(item.status)
            text = f"{hm(local(item.at).time())} [{label}] {item.title or '—'}"
            if item.accounts:
                text += " — " + "、".join(item.accounts)
            add(text, KIND_COLOURS[item.kind], item.post_id)
        if self.day_list.count() == 0:
            add(self.tr("Nothing on this day."), QColor("#5f6368"))

    # -- planning --------------------------------------------------------------------------

    def _may_move(self, item: CalendarItem) -> bool:
        return item.movable and self._actor.can(Permission.DRAFT_POSTS, item.unit_id)

    def plan(self, post_id: int, when: datetime) -> bool:
        """Re-plan a post at ``when`` through the post service; True when saved."""
        if when <= self._ctx.clock.now():
            self._prompts.warning(
                self.tr("A post cannot be planned for a time that has passed. Choose a later day.")
            )
            return False
        try:
            record = self._ctx.posts.get(self._actor, post_id)
            if record.planned_at == when:
                return False
            self._ctx.posts.save(
                self._actor,
                post_id,
                record.content,
                planned_at=when,
                expected_version=self._versions.get(post_id, record.version),
            )
        except DeskError as exc:
            self._prompts.warning(error_text(exc))
            self.refresh()
            return False
        self.status.setText(
            self.tr("“{title}” is now planned for {time}.").format(
                title=record.content.title, time=local(when).strftime("%Y-%m-%d %H:%M")
            )
        )
        self.view.selected = local(when).date()
        self.refresh()
        self.changed.emit()
        return True


class CalendarArea(QWidget):
    """The tabs 日历, 更新频次 and 执行情况."""

    changed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        actor: Principal,
        prompts: Prompts,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("calendar_area")
        self.tabs = QTabWidget(self)
        self.calendar_page = CalendarPage(ctx, actor, prompts, self)
        self.rules_page = RulesPage(ctx, actor, prompts, self)
        self.compliance_page = CompliancePage(ctx, actor, self)
        self.tabs.addTab(self.calendar_page, self.tr("Calendar"))
        self.tabs.addTab(self.rules_page, self.tr("Update cadence"))
        self.tabs.addTab(self.compliance_page, self.tr("Compliance"))
        self.calendar_page.changed.connect(self.changed)
        self.rules_page.changed.connect(self.changed)
        self.rules_page.changed.connect(self.calendar_page.refresh)
        self._refreshers: dict[int, Callable[[], None]] = {
            0: self.calendar_page.refresh,
            1: self.rules_page.refresh,
            2: self.compliance_page.refresh,
        }
        self.tabs.currentChanged.connect(self._on_tab)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def _on_tab(self, index: int) -> None:
        refresh = self._refreshers.get(index)
        if refresh is not None:
            refresh()

    def refresh(self) -> None:
        """Reload the tab shown."""
        self._on_tab(self.tabs.currentIndex())
