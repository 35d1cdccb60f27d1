"""The content library picker: find a reusable text or image (素材库) and insert it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.domain.errors import DeskError
from newmedia_desk.domain.staff import Principal
from newmedia_desk.services.images import ImageStore
from newmedia_desk.services.library import LibraryRecord, LibraryService
from newmedia_desk.ui.draft_texts import draft_error_text
from newmedia_desk.ui.form_dialog import error_banner

SEARCH_DELAY_MS = 250
PREVIEW_SIDE = 240
THUMBNAIL = 96
"""Side of an image's small picture in the editor, in pixels."""


def thumbnail(path: Path, side: int = THUMBNAIL) -> QPixmap | None:
    """A small picture of an image file (turned as its camera meant); ``None`` if unreadable."""
    if not path.is_file():
        return None
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and (size.width() > side or size.height() > side):
        reader.setScaledSize(size.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return None
    return QPixmap.fromImage(image)


def show_image(label: QLabel, images: ImageStore, sha256: str, side: int = PREVIEW_SIDE) -> None:
    """Show a stored image's small picture in ``label``, or say that its file is missing."""
    try:
        picture = thumbnail(images.path_of(sha256), side)
    except DeskError:
        picture = None
    if picture is None:
        label.setText(
            QCoreApplication.translate(
                "LibraryPickerDialog", "(The image's file is not on this computer.)"
            )
        )
    else:
        label.setPixmap(picture)
    label.show()


class LibraryPickerDialog(QDialog):
    """Search the library by words and tag; Insert emits ``chosen(LibraryRecord)`` and closes.

    Open it with ``open()``.
    """

    chosen = Signal(object)

    def __init__(
        self,
        library: LibraryService,
        images: ImageStore,
        actor: Principal,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._images = images
        self._actor = actor
        self._items: list[LibraryRecord] = []
        self.setObjectName("library_picker")
        self.setWindowTitle(self.tr("Content library"))
        self.message = error_banner(self)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("search")
        self.search_edit.setPlaceholderText(self.tr("Search titles, texts and tags"))
        self.search_edit.setClearButtonEnabled(True)
        self.tag_combo = QComboBox(self)
        self.tag_combo.setObjectName("tag")
        self.items_list = QListWidget(self)
        self.items_list.setObjectName("items")
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("empty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: palette(placeholder-text);")
        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("preview")
        self.preview.setReadOnly(True)
        self.image_label = QLabel(self)
        self.image_label.setObjectName("image")
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.insert_button = self.buttons.addButton(
            self.tr("Insert"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.insert_button.setObjectName("insert")
        self.insert_button.setDefault(True)
        self.buttons.accepted.connect(self.insert)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(QLabel(self.tr("Tag:"), self))
        top.addWidget(self.tag_combo)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.preview, 1)
        right_layout.addWidget(self.image_label)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.items_list)
        splitter.addWidget(right)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(top)
        layout.addWidget(self.empty_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.tag_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.items_list.currentRowChanged.connect(self._show_current)
        self.items_list.itemDoubleClicked.connect(lambda _item: self.insert())
        self._load_tags()
        self.reload()
        self.resize(760, 480)

    def _load_tags(self) -> None:
        self.tag_combo.blockSignals(True)
        self.tag_combo.clear()
        self.tag_combo.addItem(self.tr("All tags"), None)
        try:
            tags = self._library.tags(self._actor)
        except DeskError:
            tags = []
        for tag in tags:
            self.tag_combo.addItem(tag, tag)
        self.tag_combo.blockSignals(False)

    def reload(self) -> None:
        """Search again with the words and tag chosen."""
        self._timer.stop()
        tag = self.tag_combo.currentData()
        try:
            self._items = self._library.search(
                self._actor, self.search_edit.text(), tag=tag if isinstance(tag, str) else None
            )
        except DeskError as exc:
            self._items = []
            self.message.setText(draft_error_text(exc))
            self.message.show()
        else:
            self.message.hide()
        self.items_list.clear()
        for record in self._items:
            line = record.title
            if record.image_sha256 is not None:
                line = self.tr("{title} (image)").format(title=line)
            if record.tags:
                line += "  ·  " + self.tr(", ").join(record.tags)
            item = QListWidgetItem(line)
            item.setData(Qt.ItemDataRole.UserRole, record.id)
            self.items_list.addItem(item)
        searching = bool(self.search_edit.text().strip()) or isinstance(tag, str)
        if self._items:
            self.empty_label.hide()
        else:
            self.empty_label.setText(
                self.tr("Nothing found.")
                if searching
                else self.tr(
                    "The library is empty. Reusable texts and images (素材) are kept here "
                    "once the office adds them."
                )
            )
            self.empty_label.show()
        if self._items:
            self.items_list.setCurrentRow(0)
        else:
            self._show_current(-1)

    def current(self) -> LibraryRecord | None:
        """The item selected."""
        row = self.items_list.currentRow()
        return self._items[row] if 0 <= row < len(self._items) else None

    def _show_current(self, row: int) -> None:
        record = self._items[row] if 0 <= row < len(self._items) else None
        self.insert_button.setEnabled(record is not None)
        self.preview.setPlainText("" if record is None else record.text)
        self.preview.setVisible(record is None or bool(record.text) or record.image_sha256 is None)
        self.image_label.hide()
        if record is None or record.image_sha256 is None:
            return
        show_image(self.image_label, self._images, record.image_sha256)

    def insert(self) -> None:
        """Hand the selected item to the editor and close."""
        record = self.current()
        if record is None:
            return
        self.chosen.emit(record)
        self.accept()
