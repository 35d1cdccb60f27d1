"""The content library page (素材库): reusable texts and images with tags (001 § 篇5 三).

Everyone who may read posts finds and reads the items here; whoever may draft posts adds,
changes and archives them (the service checks every change, the buttons only follow).
The post editor offers the items under “From library…”. An archived item is kept (a post
may have used it) but no longer offered; “Show archived” lists it again, greyed.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.context import AppContext
from newmedia_desk.domain.errors import ConflictError, DeskError, ValidationError
from newmedia_desk.domain.roles import Permission
from newmedia_desk.domain.staff import Principal
from newmedia_desk.services.library import SEARCH_LIMIT, LibraryRecord
from newmedia_desk.ui.account_detail import read_only_table
from newmedia_desk.ui.draft_texts import draft_error_text
from newmedia_desk.ui.form_dialog import BANNER_NOTE, error_banner
from newmedia_desk.ui.library_dialogs import LibraryItemDialog
from newmedia_desk.ui.library_model import LibraryColumn, LibraryTableModel, tags_text
from newmedia_desk.ui.library_picker import SEARCH_DELAY_MS, show_image
from newmedia_desk.ui.prompts import Prompts
from newmedia_desk.ui.record_table import SortRole, select_source_row, selected_record
from newmedia_desk.ui.texts import office_time

_TABLE_SHARE = 700
"""Starting width of the table (pixels); the preview takes the rest."""
_WIDEST_COLUMN = 200
"""Widest the title and tags columns start (pixels)."""


class LibraryPage(QWidget):
    """Search and tag filter, the items, a preview, and 新建 / 编辑 / 归档."""

    changed = Signal()
    """An item was added, changed or archived."""

    def __init__(
        self,
        ctx: AppContext,
        actor: Principal,
        prompts: Prompts,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = ctx.library
        self._images = ctx.images
        self._actor = actor
        self._prompts = prompts
        self.may_change = actor.can(Permission.DRAFT_POSTS, actor.unit_id)
        self.editor: LibraryItemDialog | None = None
        self._sized = False

        # -- search row --
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("library_search")
        self.search_edit.setPlaceholderText(self.tr("Search titles, texts and tags"))
        self.search_edit.setClearButtonEnabled(True)
        self.tag_combo = QComboBox(self)
        self.tag_combo.setObjectName("library_tag")
        self.tag_combo.setMinimumContentsLength(8)
        self.tag_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.tag_combo.addItem(self.tr("All tags"), None)
        self.archived_check = QCheckBox(self.tr("Show archived"), self)
        self.archived_check.setObjectName("library_archived")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("library_count")
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(QLabel(self.tr("Tag:"), self))
        search_row.addWidget(self.tag_combo)
        search_row.addWidget(self.archived_check)
        search_row.addWidget(self.count_label)
        search_row.addWidget(self.refresh_button)

        # -- the table --
        self.model = LibraryTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = read_only_table(self, "library_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(LibraryColumn.ADDED_AT, Qt.SortOrder.DescendingOrder)
        self.table.setWordWrap(False)
        self.table.doubleClicked.connect(lambda _index: self.open_edit())
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("library_empty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: palette(placeholder-text);")
        self.empty_label.hide()
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty_label)

        # -- the preview --
        self.preview_title = QLabel(self)
        self.preview_title.setObjectName("preview_title")
        self.preview_title.setWordWrap(True)
        self.preview_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.preview_title.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.preview_title.setFont(font)
        self.preview_meta = QLabel(self)
        self.preview_meta.setObjectName("preview_meta")
        self.preview_meta.setWordWrap(True)
        self.preview_meta.setStyleSheet("color: #555;")
        self.preview_text = QPlainTextEdit(self)
        self.preview_text.setObjectName("preview_text")
        self.preview_text.setReadOnly(True)
        self.preview_image = QLabel(self)
        self.preview_image.setObjectName("preview_image")
        self.preview_image.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.preview_image.setWordWrap(True)
        self.preview_image.hide()
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.preview_title)
        right_layout.addWidget(self.preview_meta)
        right_layout.addWidget(self.preview_text, 1)
        right_layout.addWidget(self.preview_image)
        right_layout.addStretch()  # takes the room when an item has no text

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([_TABLE_SHARE, 400])
        self.splitter.setChildrenCollapsible(False)

        # -- actions --
        self.new_button = QPushButton(self.tr("New…"), self)
        self.new_button.setObjectName("library_new")
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setObjectName("library_edit")
        self.archive_button = QPushButton(self.tr("Archive…"), self)
        self.archive_button.setObjectName("library_archive")
        self.new_button.clicked.connect(self.open_new)
        self.edit_button.clicked.connect(self.open_edit)
        self.archive_button.clicked.connect(self.archive_selected)
        self.archive_button.setToolTip(
            self.tr("No longer offer the item in the post editor; it is kept")
        )
        self.note = QLabel(
            self.tr("Only staff who draft posts can add or change library items."), self
        )
        self.note.setObjectName("read_only_note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(BANNER_NOTE)
        self.note.setVisible(not self.may_change)
        if not self.may_change:
            for button in (self.new_button, self.edit_button, self.archive_button):
                button.setToolTip(self.note.text())
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.archive_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.message = error_banner(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(search_row)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.note)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self.search_edit.textChanged.connect(lambda _text: self._timer.start())
        self.tag_combo.currentIndexChanged.connect(lambda _index: self.reload())
        self.archived_check.toggled.connect(lambda _on: self.reload())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self._show_selected()

    # -- loading -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the tags and the items again (keeps the search, tag and selection)."""
        self._load_tags()
        self.reload()

    def _load_tags(self) -> None:
        current = self.current_tag()
        try:
            tags = self._library.tags(self._actor)
        except DeskError:
            tags = []
        self.tag_combo.blockSignals(True)
        self.tag_combo.clear()
        self.tag_combo.addItem(self.tr("All tags"), None)
        for tag in tags:
            self.tag_combo.addItem(tag, tag)
        index = self.tag_combo.findData(current) if current is not None else 0
        self.tag_combo.setCurrentIndex(max(index, 0))
        self.tag_combo.blockSignals(False)

    def current_tag(self) -> str | None:
        """The tag the list is filtered by, if any."""
        tag = self.tag_combo.currentData()
        return tag if isinstance(tag, str) else None

    def set_tag(self, tag: str | None) -> bool:
        """Filter by ``tag`` (``None``: all tags); False if no offered item has it."""
        index = 0 if tag is None else self.tag_combo.findData(tag)
        if index < 0:
            return False
        self.tag_combo.setCurrentIndex(index)
        return True

    def reload(self) -> None:
        """Search again with the words, the tag and the archived switch chosen."""
        self._timer.stop()
        selected = self.selected()
        searching = bool(self.search_edit.text().strip()) or self.current_tag() is not None
        try:
            items = self._library.search(
                self._actor,
                self.search_edit.text(),
                tag=self.current_tag(),
                include_archived=self.archived_check.isChecked(),
            )
        except DeskError as exc:
            items = []
            self.message.setText(draft_error_text(exc))
            self.message.show()
        else:
            self.message.hide()
        self.model.set_rows(items)
        if len(items) >= SEARCH_LIMIT:
            self.count_label.setText(
                self.tr("The first {count} items; narrow the search").format(count=len(items))
            )
        else:
            self.count_label.setText(self.tr("{count} items").format(count=len(items)))
        if items:
            self.empty_label.hide()
        else:
            self.empty_label.setText(
                self.tr("Nothing found.")
                if searching
                else self.tr(
                    "The library is empty. Add reusable texts and images with “New…”; the "
                    "post editor offers them under “From library…”."
                )
            )
            self.empty_label.show()
        if not self._sized and items:
            self._size_columns()
        if selected is None or not self.select(selected.id):
            self.select_first()
        self._show_selected()

    def _size_columns(self) -> None:
        """Fit the short columns to their contents; the text excerpt takes the rest."""
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in (LibraryColumn.TITLE, LibraryColumn.TAGS):
            if header.sectionSize(column) > _WIDEST_COLUMN:
                header.resizeSection(column, _WIDEST_COLUMN)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(LibraryColumn.TEXT, QHeaderView.ResizeMode.Stretch)
        for column in (LibraryColumn.IMAGE, LibraryColumn.ADDED_BY, LibraryColumn.ADDED_AT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self._sized = True

    # -- selection and preview -------------------------------------------------------------

    def selected(self) -> LibraryRecord | None:
        """The item selected."""
        return selected_record(self.table, LibraryRecord)

    def select(self, item_id: int) -> bool:
        """Select one item if it is listed."""
        return select_source_row(self.table, self.proxy, self.model.row_of(item_id))

    def select_first(self) -> bool:
        """Select the top row, if there is one."""
        if self.proxy.rowCount() == 0:
            self.table.clearSelection()
            return False
        return select_source_row(
            self.table, self.proxy, self.proxy.mapToSource(self.proxy.index(0, 0)).row()
        )

    def _show_selected(self) -> None:
        record = self.selected()
        editable = self.may_change and record is not None and record.archived_at is None
        self.new_button.setEnabled(self.may_change)
        self.edit_button.setEnabled(editable)
        self.archive_button.setEnabled(editable)
        self.preview_image.clear()
        self.preview_image.hide()
        if record is None:
            self.preview_title.setText("")
            self.preview_meta.setText("")
            self.preview_text.setPlainText("")
            self.preview_text.setVisible(True)
            return
        self.preview_title.setText(record.title)
        meta = [
            self.tr("Added by {name} on {time}").format(
                name=record.created_by or "—", time=office_time(record.created_at)
            )
        ]
        if record.tags:
            meta.insert(0, self.tr("Tags: {tags}").format(tags=tags_text(record.tags)))
        if record.archived_at is not None:
            meta.append(self.tr("Archived on {time}").format(time=office_time(record.archived_at)))
        self.preview_meta.setText("\n".join(meta))
        self.preview_text.setPlainText(record.text)
        self.preview_text.setVisible(bool(record.text) or record.image_sha256 is None)
        if record.image_sha256 is None:
            return
        show_image(self.preview_image, self._images, record.image_sha256)

    # -- changes -------------------------------------------------------------------------

    def open_new(self) -> LibraryItemDialog | None:
        """新建: open an empty editor."""
        if not self.may_change:
            return None
        return self._open_editor(None)

    def open_edit(self) -> LibraryItemDialog | None:
        """编辑: open the editor on the selected item."""
        record = self.selected()
        if not self.may_change or record is None or record.archived_at is not None:
            return None
        return self._open_editor(record)

    def _open_editor(self, record: LibraryRecord | None) -> LibraryItemDialog:
        editor = LibraryItemDialog(
            self._library, self._images, self._actor, self._prompts, record, self
        )
        editor.saved.connect(self._on_saved)
        editor.conflict.connect(self.refresh)

        def forget(_result: int) -> None:
            if self.editor is editor:
                self.editor = None
            editor.deleteLater()

        editor.finished.connect(forget)
        self.editor = editor
        editor.open()
        return editor

    def _on_saved(self, record: LibraryRecord) -> None:
        self.refresh()
        if not self.select(record.id):
            # The search or the tag hides it: show everything, so the change is seen.
            self.search_edit.blockSignals(True)
            self.search_edit.clear()
            self.search_edit.blockSignals(False)
            self.set_tag(None)
            self.reload()
            self.select(record.id)
        self.changed.emit()

    def archive_selected(self) -> None:
        """归档: stop offering the selected item (after confirming); it is kept."""
        record = self.selected()
        if not self.may_change or record is None or record.archived_at is not None:
            return
        question = self.tr(
            "Archive “{title}”?\n\nIt is no longer offered when writing posts. It is kept, and "
            "posts that used it do not change."
        ).format(title=record.title)
        if not self._prompts.confirm(question):
            return
        try:
            self._library.archive(self._actor, record.id, expected_version=record.version)
        except ConflictError:
            self.refresh()
            self._prompts.warning(
                self.tr(
                    "Someone else changed “{title}” meanwhile, so it was not archived. The "
                    "list has been reloaded; check the item and archive it again if it should "
                    "go."
                ).format(title=record.title)
            )
            return
        except ValidationError as exc:
            self.refresh()
            if exc.field == "status":
                self._prompts.warning(
                    self.tr("“{title}” has been archived already.").format(title=record.title)
                )
            else:
                self._prompts.warning(draft_error_text(exc))
            return
        except DeskError as exc:
            self._prompts.warning(draft_error_text(exc))
            return
        self.refresh()
        self.changed.emit()
