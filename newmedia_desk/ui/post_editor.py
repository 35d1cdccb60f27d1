"""The post editor (稿件编辑): write a post with the checker running live, save revisions.

The left half is the 内容检查 page itself (title, checked text with its length, findings);
the right half holds what the approvers and the ledger need: column, category, tier (never
below what the findings require), kind and activity form, source (required for reposts),
target accounts, planned time (Beijing time), images and a note for the revision.

Every few seconds after a change the editor's state is kept with ``DraftService`` (a crash
loses at most that much typing); opening the post again offers to restore it. Saving adds
a revision through ``PostService``; when someone else saved meanwhile, nothing is
overwritten and what was typed stays in the editor.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QDateTime, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.context import AppContext
from newmedia_desk.domain.accounts import AccountRecord, AccountStatus
from newmedia_desk.domain.checker.check import CheckResult
from newmedia_desk.domain.errors import ConflictError, DeskError, ValidationError
from newmedia_desk.domain.posts import (
    DEFAULT_CATEGORIES,
    EDITABLE,
    TIER_RANK,
    ActivityType,
    PostContent,
    PostKind,
    PostStatus,
    Tier,
)
from newmedia_desk.domain.roles import Permission
from newmedia_desk.domain.staff import Principal
from newmedia_desk.services.library import LibraryRecord
from newmedia_desk.services.posts import PostRecord
from newmedia_desk.ui.checker_page import CheckerPage
from newmedia_desk.ui.draft_texts import activity_name, draft_error_text, kind_name, tier_name
from newmedia_desk.ui.form_dialog import BANNER_ERROR, FormDialog, InputProblemError
from newmedia_desk.ui.library_picker import THUMBNAIL, LibraryPickerDialog, thumbnail
from newmedia_desk.ui.post_revisions import PostRevisionsDialog
from newmedia_desk.ui.prompts import Prompts
from newmedia_desk.ui.texts import office_time, office_time_seconds, office_zone

AUTOSAVE_MS = 3000
"""Keep the editor's state this long after the first unsaved change (at most this is lost)."""
IMAGE_FILTER_SUFFIXES = "*.jpg *.jpeg *.png *.gif *.webp"
READ_ONLY_STATUSES = frozenset({PostStatus.PUBLISHED, PostStatus.WITHDRAWN, PostStatus.CANCELLED})
BELOW_STYLE = "color: #c62828; font-weight: bold;"


def column_hashtag(column: str) -> str:
    """The hashtag of a column: ``天气预报`` and ``#天气预报#`` both give ``#天气预报#``."""
    name = column.strip().strip("#").strip()
    return f"#{name}#" if name else ""


def _texts(values: object) -> list[str]:
    if not isinstance(values, list):
        return []
    return [v for v in values if isinstance(v, str)]


def _ints(values: object) -> list[int]:
    if not isinstance(values, list):
        return []
    return [v for v in values if isinstance(v, int) and not isinstance(v, bool)]


class PostEditorDialog(FormDialog):
    """Write a new post (``post_id`` ``None``) or change one; Save adds a revision.

    Emits ``saved(post_id)`` after a successful save (the dialog then closes). Raises
    ``DeskError`` when the post cannot be read. Open it with ``open()``.
    """

    saved = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        actor: Principal,
        prompts: Prompts,
        post_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.submit, parent)
        self._ctx = ctx
        self._actor = actor
        self._prompts = prompts
        self._post_id = post_id
        self._record: PostRecord | None = None
        self._version: int | None = None
        self._loaded_planned: datetime | None = None
        self._autosave_id: int | None = None
        self._dirty = False
        self._loading = True
        self._read_only = False
        self._required = Tier.GENERAL
        self._images: list[str] = []
        self._pickers: list[LibraryPickerDialog] = []
        if post_id is not None:
            self._record = ctx.posts.get(actor, post_id)
            self._version = self._record.version
        self.setObjectName("post_editor")
        self.setModal(False)
        self.setSizeGripEnabled(True)

        # The accounts come first: the checker asks for their platforms from the start.
        self.accounts_list = QListWidget(self)
        self.accounts_list.setObjectName("accounts")
        self.accounts_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self._accounts = self._load_accounts()
        self.page = CheckerPage(self._check, self)
        self.page.setObjectName("checker")
        self.title_edit = self.page.title_edit
        self.body_edit = self.page.editor
        self.body_edit.setPlaceholderText(
            self.tr(
                "Write the post here. Problems are marked as you type: red must be fixed "
                "before submission, orange needs the chief's approval, a wavy line is worth "
                "checking. Hover over a mark to see why."
            )
        )
        self._build_fields()
        self._build_layout()
        self._register_fields()
        self.body_edit.checked.connect(self._on_checked)
        self._on_checked(self.body_edit.result())

        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(AUTOSAVE_MS)
        self._autosave_timer.timeout.connect(self.autosave_now)

        if self._record is not None:
            self._fill(self._record)
        else:
            self.setWindowTitle(self.tr("New post"))
        self._update_kind()
        self._sync_platform()
        self._connect_changes()
        self._loading = False
        self._apply_status_rules()
        self._offer_restore()
        self.resize(1200, 780)

    # -- building ------------------------------------------------------------------------

    def _load_accounts(self) -> dict[int, AccountRecord]:
        current = set() if self._record is None else set(self._record.content.account_ids)
        usable: dict[int, AccountRecord] = {}
        for account in self._ctx.accounts.list_accounts(self._actor):
            allowed = account.status is AccountStatus.OPEN and self._actor.can(
                Permission.DRAFT_POSTS, account.unit_id
            )
            if allowed or account.id in current:
                usable[account.id] = account
        for account in sorted(usable.values(), key=lambda a: (a.platform_name, a.name)):
            item = QListWidgetItem(f"{account.platform_name} · {account.name}")
            item.setData(Qt.ItemDataRole.UserRole, account.id)
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            item.setCheckState(Qt.CheckState.Unchecked)
            if account.unit_name:
                item.setToolTip(account.unit_name)
            self.accounts_list.addItem(item)
        rows = max(3, min(6, self.accounts_list.count()))
        self.accounts_list.setFixedHeight(self.accounts_list.sizeHintForRow(0) * rows + 8)
        return usable

    def _build_fields(self) -> None:
        self.column_combo = QComboBox(self)
        self.column_combo.setEditable(True)
        self.column_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = self.column_combo.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("e.g. #天气预报#"))
        try:
            columns = self._ctx.drafts.columns(self._actor)
        except DeskError:
            columns = []
        self.column_combo.addItems(columns)
        self.column_combo.setEditText("")
        self.hashtag_button = QPushButton(self.tr("Put hashtag first"), self)
        self.hashtag_button.setObjectName("insert_hashtag")
        self.hashtag_button.setToolTip(
            self.tr("Insert the column's hashtag (#column#) at the start of the text")
        )
        self.hashtag_button.clicked.connect(self.insert_hashtag)

        self.category_combo = QComboBox(self)
        for category in DEFAULT_CATEGORIES:
            self.category_combo.addItem(category, category)

        self.tier_combo = QComboBox(self)
        for tier in Tier:
            self.tier_combo.addItem(tier_name(tier), tier.value)
        self.required_label = QLabel(self)
        self.required_label.setObjectName("required_tier")
        self.required_label.setWordWrap(True)

        self.kind_combo = QComboBox(self)
        for kind in PostKind:
            self.kind_combo.addItem(kind_name(kind), kind.value)
        self.activity_combo = QComboBox(self)
        for activity in ActivityType:
            self.activity_combo.addItem(activity_name(activity), activity.value)
        self.source_edit = QLineEdit(self)
        self.source_edit.setPlaceholderText(
            self.tr("Where a repost comes from, e.g. 中国气象局微博")
        )

        self.planned_check = QCheckBox(self.tr("Planned for"), self)
        self.planned_check.setObjectName("planned")
        self.planned_edit = QDateTimeEdit(self)
        self.planned_edit.setTimeZone(office_zone())
        self.planned_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.planned_edit.setCalendarPopup(True)
        self.planned_edit.setEnabled(False)
        self._set_planned_edit(self._default_planned())
        self.planned_check.toggled.connect(self.planned_edit.setEnabled)

        self.images_list = QListWidget(self)
        self.images_list.setViewMode(QListWidget.ViewMode.IconMode)
        self.images_list.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
        self.images_list.setMovement(QListWidget.Movement.Static)
        self.images_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.images_list.setWrapping(False)
        self.images_list.setFixedHeight(THUMBNAIL + 34)
        self.images_list.setSpacing(4)
        self.add_image_button = QPushButton(self.tr("Add image…"), self)
        self.add_image_button.setObjectName("add_image")
        self.add_image_button.clicked.connect(self.add_image)
        self.remove_image_button = QPushButton(self.tr("Remove"), self)
        self.remove_image_button.setObjectName("remove_image")
        self.remove_image_button.setEnabled(False)
        self.remove_image_button.clicked.connect(self.remove_image)
        self.images_list.itemSelectionChanged.connect(
            lambda: self.remove_image_button.setEnabled(
                bool(self.images_list.selectedItems()) and not self._read_only
            )
        )

        self.library_button = QPushButton(self.tr("From library…"), self)
        self.library_button.setObjectName("library")
        self.library_button.setToolTip(
            self.tr("Insert a text at the cursor or add an image from the content library (素材库)")
        )
        self.library_button.clicked.connect(self.open_library)

        self.note_edit = QLineEdit(self)
        self.note_edit.setPlaceholderText(self.tr("What changed and why (kept with the revision)"))

        self.status_label = QLabel(self)
        self.status_label.setObjectName("autosave_status")
        self.status_label.setStyleSheet("color: palette(placeholder-text);")
        self.revisions_button = QPushButton(self.tr("Revisions…"), self)
        self.revisions_button.setObjectName("revisions")
        self.revisions_button.setEnabled(self._post_id is not None)
        self.revisions_button.clicked.connect(self.show_revisions)

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        column_row = QHBoxLayout()
        column_row.addWidget(self.column_combo, 1)
        column_row.addWidget(self.hashtag_button)
        form.addRow(self.tr("Column:"), column_row)
        form.addRow(self.tr("Category:"), self.category_combo)
        tier_box = QVBoxLayout()
        tier_box.setSpacing(2)
        tier_box.addWidget(self.tier_combo)
        tier_box.addWidget(self.required_label)
        form.addRow(self.tr("Tier:"), tier_box)
        form.addRow(self.tr("Kind:"), self.kind_combo)
        form.addRow(self.tr("Activity form:"), self.activity_combo)
        self._source_label = QLabel(self.tr("Source:"), self)
        form.addRow(self._source_label, self.source_edit)
        form.addRow(self.tr("Accounts:"), self.accounts_list)
        planned_row = QHBoxLayout()
        planned_row.addWidget(self.planned_check)
        planned_row.addWidget(self.planned_edit, 1)
        planned_row.addWidget(QLabel(self.tr("Beijing time"), self))
        form.addRow(self.tr("Time:"), planned_row)
        image_buttons = QHBoxLayout()
        image_buttons.addWidget(self.add_image_button)
        image_buttons.addWidget(self.remove_image_button)
        image_buttons.addStretch(1)
        images_box = QVBoxLayout()
        images_box.setSpacing(4)
        images_box.addWidget(self.images_list)
        images_box.addLayout(image_buttons)
        form.addRow(self.tr("Images:"), images_box)
        form.addRow(self.tr("Note:"), self.note_edit)
        self._form = form

        right = QWidget(self)
        right.setObjectName("post_fields")
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addLayout(form)
        right_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(right)
        scroll.setMinimumWidth(380)
        self._fields_panel = right

        tools = QHBoxLayout()
        tools.setContentsMargins(9, 0, 9, 0)
        tools.addStretch(1)
        tools.addWidget(self.library_button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(0)
        left_layout.addLayout(tools)
        left_layout.addWidget(self.page, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([720, 460])
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self.splitter, 1)
        layout.removeWidget(self.buttons)
        bottom = QHBoxLayout()
        bottom.addWidget(self.revisions_button)
        bottom.addSpacing(12)
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

    def _register_fields(self) -> None:
        fields: dict[str, QWidget] = {
            "title": self.title_edit,
            "body": self.body_edit,
            "column": self.column_combo,
            "category": self.category_combo,
            "tier": self.tier_combo,
            "kind": self.kind_combo,
            "activity_type": self.activity_combo,
            "source": self.source_edit,
            "accounts": self.accounts_list,
            "planned_at": self.planned_edit,
            "image": self.images_list,
            "note": self.note_edit,
        }
        for name, widget in fields.items():
            if not widget.objectName():
                widget.setObjectName(f"field_{name}")
            self._fields[name] = widget

    def _connect_changes(self) -> None:
        self.title_edit.textChanged.connect(self._changed)
        self.body_edit.textChanged.connect(self._changed)
        self.column_combo.editTextChanged.connect(self._changed)
        self.source_edit.textChanged.connect(self._changed)
        self.note_edit.textChanged.connect(self._changed)
        for combo in (self.category_combo, self.tier_combo, self.kind_combo, self.activity_combo):
            combo.currentIndexChanged.connect(self._changed)
        self.kind_combo.currentIndexChanged.connect(self._update_kind)
        self.tier_combo.currentIndexChanged.connect(self._show_required)
        self.planned_check.toggled.connect(self._changed)
        self.planned_edit.dateTimeChanged.connect(self._changed)
        self.accounts_list.itemChanged.connect(self._on_account_changed)

    # -- filling -------------------------------------------------------------------------

    def _fill(self, record: PostRecord) -> None:
        content = record.content
        self.setWindowTitle(
            self.tr("Post {id} · revision {number}").format(
                id=record.id, number=record.current.number
            )
        )
        self.title_edit.setText(content.title)
        self.body_edit.setPlainText(content.body)
        self.column_combo.setEditText(content.column)
        self._select(self.category_combo, content.category, add=True)
        self._select(self.tier_combo, content.tier.value)
        self._select(self.kind_combo, content.kind.value)
        if content.activity_type is not None:
            self._select(self.activity_combo, content.activity_type.value)
        self.source_edit.setText(content.source)
        self._set_accounts(content.account_ids)
        self._loaded_planned = record.planned_at
        if record.planned_at is not None:
            self.planned_check.setChecked(True)
            self._set_planned_edit(record.planned_at)
        self._set_images(content.image_hashes)

    def apply_fields(self, fields: Mapping[str, Any]) -> None:
        """Put an autosaved state into the editor (unknown or odd values are skipped)."""
        loading, self._loading = self._loading, True
        try:
            text = {k: v for k, v in fields.items() if isinstance(v, str)}
            if "title" in text:
                self.title_edit.setText(text["title"])
            if "body" in text:
                self.body_edit.setPlainText(text["body"])
            if "column" in text:
                self.column_combo.setEditText(text["column"])
            if "category" in text:
                self._select(self.category_combo, text["category"], add=True)
            if "tier" in text:
                self._select(self.tier_combo, text["tier"])
            if "kind" in text:
                self._select(self.kind_combo, text["kind"])
            if "activity_type" in text:
                self._select(self.activity_combo, text["activity_type"])
            if "source" in text:
                self.source_edit.setText(text["source"])
            if "note" in text:
                self.note_edit.setText(text["note"])
            if "account_ids" in fields:
                self._set_accounts(_ints(fields["account_ids"]))
            if "image_hashes" in fields:
                self._set_images(_texts(fields["image_hashes"]))
            if "planned_at" in fields:
                planned = fields["planned_at"]
                moment = None
                if isinstance(planned, str):
                    try:
                        moment = datetime.fromisoformat(planned)
                    except ValueError:
                        moment = None
                self.planned_check.setChecked(moment is not None)
                if moment is not None and moment.tzinfo is not None:
                    self._set_planned_edit(moment)
            self._update_kind()
            self._sync_platform()
        finally:
            self._loading = loading

    @staticmethod
    def _select(combo: QComboBox, value: str, *, add: bool = False) -> None:
        index = combo.findData(value)
        if index < 0 and add and value:
            combo.addItem(value, value)
            index = combo.count() - 1
        if index >= 0:
            combo.setCurrentIndex(index)

    def _set_accounts(self, account_ids: Sequence[int]) -> None:
        wanted = set(account_ids)
        for row in range(self.accounts_list.count()):
            item = self.accounts_list.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _default_planned(self) -> datetime:
        now = self._ctx.clock.now().astimezone(UTC)
        return now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=2)

    def _set_planned_edit(self, moment: datetime) -> None:
        self.planned_edit.setDateTime(
            QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), office_zone())
        )

    # -- reading the form ----------------------------------------------------------------

    def checked_accounts(self) -> list[int]:
        """The ids of the accounts ticked."""
        found = []
        for row in range(self.accounts_list.count()):
            item = self.accounts_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                found.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return found

    def image_hashes(self) -> list[str]:
        """The images of the post, in order."""
        return list(self._images)

    def kind(self) -> PostKind:
        """The kind chosen."""
        return PostKind(self.kind_combo.currentData())

    def tier(self) -> Tier:
        """The tier chosen."""
        return Tier(self.tier_combo.currentData())

    def required_tier(self) -> Tier:
        """The lowest tier the checker's findings allow, from the last check."""
        return self._required

    def content(self) -> PostContent:
        """What the form holds, as the post's content."""
        kind = self.kind()
        activity = ActivityType(self.activity_combo.currentData())
        return PostContent(
            title=self.title_edit.text(),
            body=self.body_edit.text(),
            column=self.column_combo.currentText(),
            category=self.category_combo.currentText(),
            tier=self.tier(),
            kind=kind,
            account_ids=tuple(self.checked_accounts()),
            image_hashes=tuple(self._images),
            activity_type=activity if kind is PostKind.ACTIVITY else None,
            source=self.source_edit.text(),
        )

    def planned_at(self) -> datetime | None:
        """The planned time chosen (aware, UTC), ``None`` when not planned."""
        if not self.planned_check.isChecked():
            return None
        seconds = self.planned_edit.dateTime().toSecsSinceEpoch()
        loaded = self._loaded_planned
        if loaded is not None and int(loaded.timestamp()) == seconds:
            return loaded  # unchanged: keep the stored instant to the microsecond
        return datetime.fromtimestamp(seconds, UTC)

    def fields(self) -> dict[str, Any]:
        """The editor's state for an autosave."""
        content = self.content()
        planned = self.planned_at()
        return {
            "title": content.title,
            "body": content.body,
            "column": content.column,
            "category": content.category,
            "tier": content.tier.value,
            "kind": content.kind.value,
            "activity_type": self.activity_combo.currentData(),
            "source": content.source,
            "account_ids": list(content.account_ids),
            "image_hashes": list(content.image_hashes),
            "planned_at": None if planned is None else planned.isoformat(),
            "note": self.note_edit.text(),
            "base_version": self._version,
            "base_revision": None if self._record is None else self._record.current.number,
        }

    # -- live behaviour ------------------------------------------------------------------

    def _check(self, text: str, *, title: str, platform: str | None) -> CheckResult:
        platforms = self._target_platforms()
        if not platforms and platform is not None:
            platforms = [platform]
        probe = PostContent(
            title=title,
            body=text,
            column="",
            category="",
            tier=Tier.GENERAL,
            kind=PostKind.ORIGINAL,
            account_ids=(),
        )
        return self._ctx.posts.check_content(probe, platforms)

    def _target_platforms(self) -> list[str]:
        accounts = getattr(self, "_accounts", {})
        names = []
        for account_id in self.checked_accounts():
            account = accounts.get(account_id)
            if account is not None and account.platform_name not in names:
                names.append(account.platform_name)
        return names

    def _on_account_changed(self, _item: QListWidgetItem) -> None:
        self._sync_platform()
        self._changed()

    def _sync_platform(self) -> None:
        """Count the length for a target's platform, and check for every target's."""
        platforms = self._target_platforms()
        if platforms and self.page.platform() not in platforms:
            self.page.set_platform(platforms[0])  # checks again
        else:
            self.page.refresh()

    def _on_checked(self, result: CheckResult) -> None:
        self._required = Tier(result.suggested_tier.value)
        self._show_required()

    def _show_required(self) -> None:
        required = self._required
        if TIER_RANK[self.tier()] < TIER_RANK[required]:
            self.required_label.setText(
                self.tr(
                    "The findings require at least “{tier}”: choose it or change the text."
                ).format(tier=tier_name(required))
            )
            self.required_label.setStyleSheet(BELOW_STYLE)
        else:
            self.required_label.setText(
                self.tr("The checker requires at least: {tier}").format(tier=tier_name(required))
            )
            self.required_label.setStyleSheet("color: palette(placeholder-text);")

    def _update_kind(self) -> None:
        kind = self.kind()
        self._form.setRowVisible(self.activity_combo, kind is PostKind.ACTIVITY)
        if kind is PostKind.REPOST:
            self._source_label.setText(self.tr("Source (required):"))
        else:
            self._source_label.setText(self.tr("Source:"))

    def insert_hashtag(self) -> None:
        """Put the column's hashtag at the start of the text (once)."""
        tag = column_hashtag(self.column_combo.currentText())
        if not tag:
            self.show_note(self.tr("Choose or type the column first."))
            return
        if self.body_edit.text().lstrip().startswith(tag):
            self.show_note(self.tr("The text starts with {tag} already.").format(tag=tag))
            return
        cursor = self.body_edit.textCursor()
        cursor.setPosition(0)
        cursor.insertText(f"{tag} ")
        self.body_edit.setFocus()

    # -- images and the library ------------------------------------------------------------

    def _set_images(self, hashes: Sequence[str]) -> None:
        self._images = []
        self.images_list.clear()
        for sha in hashes:
            self._append_image(sha)

    def _append_image(self, sha: str) -> bool:
        if sha in self._images:
            return False
        self._images.append(sha)
        item = QListWidgetItem()
        item.setData(Qt.ItemDataRole.UserRole, sha)
        tip = sha[:12]
        picture = None
        try:
            info = self._ctx.images.info(sha)
            picture = thumbnail(self._ctx.images.path_of(sha))
            tip = self.tr("{name}\n{width} × {height}, {size} KB").format(
                name=info.original_name,
                width=info.width,
                height=info.height,
                size=max(1, round(info.size / 1024)),
            )
        except DeskError:
            pass
        if picture is None:
            item.setText(self.tr("(missing)"))
            tip = self.tr("This image's file is not on this computer.\n{tip}").format(tip=tip)
        else:
            item.setIcon(QIcon(picture))
        item.setToolTip(tip)
        self.images_list.addItem(item)
        return True

    def add_image(self) -> None:
        """Ask for an image file and add it (checked and cleaned by the image store)."""
        path = self._prompts.ask_open_file(
            self.tr("Add an image"),
            self.tr("Images ({patterns})").format(patterns=IMAGE_FILTER_SUFFIXES),
        )
        if path is None:
            return
        try:
            sha = self._ctx.images.add(self._actor, path)
        except DeskError as exc:
            self.show_error(draft_error_text(exc), "image")
            return
        self.banner.hide()
        self.clear_marks()
        if self._append_image(sha):
            self._changed()
        else:
            self.show_note(self.tr("This image is in the post already."))

    def remove_image(self) -> None:
        """Take the selected images out of the post (the stored files stay)."""
        for item in self.images_list.selectedItems():
            sha = item.data(Qt.ItemDataRole.UserRole)
            if sha in self._images:
                self._images.remove(sha)
            self.images_list.takeItem(self.images_list.row(item))
        self._changed()

    def open_library(self) -> LibraryPickerDialog:
        """Open the library picker; a chosen item is inserted."""
        picker = LibraryPickerDialog(self._ctx.library, self._ctx.images, self._actor, self)
        picker.chosen.connect(self.insert_library_item)
        picker.finished.connect(lambda _r: self._pickers.remove(picker))
        self._pickers.append(picker)
        picker.open()
        return picker

    def insert_library_item(self, item: LibraryRecord) -> None:
        """Insert an item's text at the cursor and add its image."""
        if self._read_only:
            return
        if item.text:
            self.body_edit.textCursor().insertText(item.text)
        if item.image_sha256 is not None and self._append_image(item.image_sha256):
            self._changed()
        self.body_edit.setFocus()

    # -- autosave ------------------------------------------------------------------------

    def _changed(self) -> None:
        if self._loading or self._read_only:
            return
        self._dirty = True
        if not self._autosave_timer.isActive():
            self._autosave_timer.start()

    def has_unsaved_changes(self) -> bool:
        """Whether something was typed since the last save (kept by autosave or not)."""
        return self._dirty or self._autosave_id is not None

    def autosave_now(self) -> bool:
        """Keep the editor's state now if it changed; False when there was nothing to keep."""
        self._autosave_timer.stop()
        if not self._dirty or self._read_only:
            return False
        try:
            self._autosave_id = self._ctx.drafts.autosave(
                self._actor, self._post_id, self.fields(), autosave_id=self._autosave_id
            )
        except DeskError as exc:
            self.status_label.setText(
                self.tr("Could not keep a copy of the unsaved text: {error}").format(
                    error=draft_error_text(exc)
                )
            )
            self.status_label.setStyleSheet(BANNER_ERROR)
            return False
        self._dirty = False
        self.status_label.setStyleSheet("color: palette(placeholder-text);")
        self.status_label.setText(
            self.tr("Unsaved changes kept at {time}").format(
                time=office_time_seconds(self._ctx.clock.now())[-8:]
            )
        )
        return True

    def _offer_restore(self) -> None:
        if self._read_only:
            return
        try:
            pending = self._ctx.drafts.pending(self._actor)
        except DeskError:
            return
        found = next((a for a in pending if a.post_id == self._post_id), None)
        if found is None:
            return
        answer = self._prompts.choose(
            self.tr(
                "Text typed at {time} was not saved (the program may have been closed "
                "unexpectedly). Restore it?"
            ).format(time=office_time(found.saved_at)),
            [self.tr("Restore"), self.tr("Discard")],
        )
        if answer == 0:
            self._autosave_id = found.id
            self.apply_fields(found.fields)
            self.show_note(
                self.tr("The text typed at {time} is back. Save to keep it.").format(
                    time=office_time(found.saved_at)
                )
            )
        elif answer == 1:
            self._discard_autosave(found.id)

    def _discard_autosave(self, autosave_id: int | None) -> None:
        if autosave_id is None:
            return
        with contextlib.suppress(DeskError):
            self._ctx.drafts.discard(self._actor, autosave_id)

    # -- status --------------------------------------------------------------------------

    def _apply_status_rules(self) -> None:
        record = self._record
        if record is None:
            return
        if record.status in READ_ONLY_STATUSES:
            self._read_only = True
            self.save_button.setEnabled(False)
            self.title_edit.setReadOnly(True)
            self.body_edit.setReadOnly(True)
            self._fields_panel.setEnabled(False)
            self.library_button.setEnabled(False)
            self.hashtag_button.setEnabled(False)
            self.show_note(self.tr("A published or cancelled post cannot be changed."))
        elif record.status not in EDITABLE:
            self.show_note(
                self.tr(
                    "This post is in approval or approved. Saving a change of its content "
                    "voids the sign-offs given so far and starts the approval again."
                )
            )

    # -- saving --------------------------------------------------------------------------

    def submit(self) -> None:
        """Save a new post or a new revision; refuse a tier below the checker's."""
        self._autosave_timer.stop()
        self.body_edit.recheck()  # the findings of exactly what is saved
        content = self.content()
        if TIER_RANK[content.tier] < TIER_RANK[self._required]:
            raise InputProblemError(
                self.tr(
                    "The checker's findings require the tier “{required}” or higher, but "
                    "“{chosen}” is chosen. Choose a higher tier, or change the marked text."
                ).format(required=tier_name(self._required), chosen=tier_name(content.tier)),
                "tier",
            )
        if content.kind is PostKind.REPOST and not content.source.strip():
            raise InputProblemError(
                self.tr(
                    "A repost needs its source (来源): name the account or body it comes from."
                ),
                "source",
            )
        if not content.account_ids:
            raise InputProblemError(
                self.tr("Please tick at least one account the post is for."), "accounts"
            )
        planned = self.planned_at()
        note = self.note_edit.text()
        if self._post_id is None:
            record = self._ctx.posts.create(self._actor, content, planned_at=planned, note=note)
        else:
            assert self._version is not None
            record = self._ctx.posts.save(
                self._actor,
                self._post_id,
                content,
                planned_at=planned,
                expected_version=self._version,
                note=note,
            )
        self._record = record
        self._post_id = record.id
        self._version = record.version
        self._loaded_planned = record.planned_at
        self._discard_autosave(self._autosave_id)
        self._autosave_id = None
        self._dirty = False
        self.saved.emit(record.id)

    def handle_error(self, exc: DeskError) -> None:
        """Show a refusal; on a conflict keep the text and take the newer version as base."""
        if isinstance(exc, ConflictError) and self._post_id is not None:
            try:
                latest = self._ctx.posts.get(self._actor, self._post_id)
            except DeskError as other:
                self.show_error(draft_error_text(other))
                return
            self._record = latest
            self._version = latest.version
            self._loaded_planned = latest.planned_at
            self.show_error(
                self.tr(
                    "{name} saved this post while you were editing it (now revision "
                    "{number}). Nothing was overwritten and your text is still here. "
                    "Compare in Revisions; Save again to make your text the newest "
                    "revision (theirs stays in the history)."
                ).format(name=latest.current.created_by, number=latest.current.number)
            )
            self.conflict.emit()
            return
        field = exc.field if isinstance(exc, ValidationError) else None
        self.show_error(draft_error_text(exc), field)

    # -- revisions and closing -------------------------------------------------------------

    def show_revisions(self) -> PostRevisionsDialog | None:
        """Open the list of revisions with their differences."""
        if self._post_id is None:
            return None
        try:
            dialog = PostRevisionsDialog(
                self._ctx, self._actor, self._post_id, self, accounts=self._accounts
            )
        except DeskError as exc:
            self.show_error(draft_error_text(exc))
            return None
        dialog.open()
        return dialog

    def reject(self) -> None:
        """Close; with unsaved changes only after asking (their autosave is then dropped).

        A hidden editor (the window was locked, and now somebody signs out) asks nothing:
        what was typed is kept as an autosave and offered again next time.
        """
        if not self.isVisible():
            self.autosave_now()
            super().reject()
            return
        if self.has_unsaved_changes() and not self._read_only:
            if not self._prompts.confirm(
                self.tr("Close without saving? What you typed since the last save is lost.")
            ):
                return
            self._discard_autosave(self._autosave_id)
            self._autosave_id = None
            self._dirty = False
        self._autosave_timer.stop()
        super().reject()
