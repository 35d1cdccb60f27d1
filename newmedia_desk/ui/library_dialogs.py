"""The editor of one library item (素材): title, text, tags and an image.

The service checks everything and refuses what it must (permission, empty item, a
change made meanwhile by someone else); the dialog then says why and stays open with
everything typed still in place.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.domain.errors import ConflictError, DeskError, NotFoundError, ValidationError
from newmedia_desk.domain.posts import MAX_BODY, MAX_TITLE
from newmedia_desk.domain.staff import Principal
from newmedia_desk.services.images import ACCEPTED_SUFFIXES, ImageStore
from newmedia_desk.services.library import LibraryRecord, LibraryService, normalise_tags
from newmedia_desk.ui.draft_texts import draft_error_text
from newmedia_desk.ui.form_dialog import FormDialog
from newmedia_desk.ui.library_model import tags_text
from newmedia_desk.ui.library_picker import THUMBNAIL, thumbnail
from newmedia_desk.ui.prompts import Prompts

IMAGE_PATTERNS = " ".join(f"*{suffix}" for suffix in ACCEPTED_SUFFIXES)
"""The file dialog's filter: the image kinds the image store accepts."""


class LibraryItemDialog(FormDialog):
    """新建 or 编辑 one library item; emits ``saved(LibraryRecord)``. Open it with ``open()``.

    The dialog remembers the version of the item it was opened on; when someone else
    changed the item meanwhile, the service refuses, the dialog says so, takes the new
    version and a second Save replaces it with what is in the form. When the item was
    archived meanwhile, Save adds the form's content as a new item instead.
    """

    saved = Signal(object)

    def __init__(
        self,
        library: LibraryService,
        images: ImageStore,
        actor: Principal,
        prompts: Prompts,
        original: LibraryRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.submit, parent)
        self.setObjectName("library_item_dialog")
        self._library = library
        self._images = images
        self._actor = actor
        self._prompts = prompts
        self.original = original
        self.version = 0 if original is None else original.version
        self.image_sha256: str | None = None

        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("e.g. 防汛安全提示"))
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlaceholderText(
            self.tr("The text that is inserted into a post at the cursor")
        )
        self.text_edit.setMinimumHeight(180)
        self.tags_edit = QLineEdit(self)
        self.tags_edit.setPlaceholderText(self.tr("e.g. 暴雨 防汛 安全提示"))
        self.tags_edit.setToolTip(
            self.tr("Separate tags with spaces or commas; a # around a tag is dropped.")
        )
        self.tags_edit.editingFinished.connect(self._tidy_tags)

        self.image_label = QLabel(self)
        self.image_label.setObjectName("image_preview")
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.image_label.setMinimumSize(THUMBNAIL, THUMBNAIL)
        self.image_label.setStyleSheet("color: palette(placeholder-text);")
        self.image_name = QLabel(self)
        self.image_name.setObjectName("image_name")
        self.image_name.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose image…"), self)
        self.choose_button.setObjectName("choose_image")
        self.choose_button.clicked.connect(self.choose_image)
        self.remove_button = QPushButton(self.tr("Remove image"), self)
        self.remove_button.setObjectName("remove_image")
        self.remove_button.clicked.connect(self.remove_image)
        image_box = QWidget(self)
        image_row = QHBoxLayout(image_box)
        image_row.setContentsMargins(0, 0, 0, 0)
        image_row.addWidget(self.image_label)
        side = QVBoxLayout()
        side.addWidget(self.image_name)
        side.addWidget(self.choose_button)
        side.addWidget(self.remove_button)
        side.setAlignment(Qt.AlignmentFlag.AlignTop)
        image_row.addLayout(side, 1)
        image_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

        self.add_field("title", self.tr("Title"), self.title_edit)
        self.add_field("text", self.tr("Text"), self.text_edit)
        self.add_field("tags", self.tr("Tags"), self.tags_edit)
        self.add_field("image", self.tr("Image"), image_box)
        hint = QLabel(
            self.tr(
                "An item needs a text, an image or both. Tags help to find it in the post "
                "editor's “From library…”."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.form.addRow(hint)
        self._retitle()
        if original is not None:
            self.title_edit.setText(original.title)
            self.text_edit.setPlainText(original.text)
            self.tags_edit.setText(tags_text(original.tags))
        self._show_image(None if original is None else original.image_sha256)
        self.resize(640, 560)

    def _retitle(self) -> None:
        self.setWindowTitle(
            self.tr("New library item") if self.original is None else self.tr("Edit library item")
        )

    # -- the image -----------------------------------------------------------------------

    def _show_image(self, sha256: str | None) -> None:
        self.image_sha256 = sha256
        self.remove_button.setEnabled(sha256 is not None)
        self.image_label.clear()
        if sha256 is None:
            self.image_label.setText(self.tr("No image"))
            self.image_name.setText("")
            return
        picture = None
        try:
            info = self._images.info(sha256)
            picture = thumbnail(self._images.path_of(sha256))
        except DeskError:
            self.image_name.setText(self.tr("(unknown image)"))
        else:
            self.image_name.setText(
                self.tr("{name}\n{width} × {height}, {size} KB").format(
                    name=info.original_name,
                    width=info.width,
                    height=info.height,
                    size=max(1, round(info.size / 1024)),
                )
            )
        if picture is None:
            self.image_label.setText(self.tr("(missing)"))
        else:
            self.image_label.setPixmap(picture)

    def choose_image(self) -> None:
        """Ask for an image file and take it (checked and cleaned by the image store)."""
        path = self._prompts.ask_open_file(
            self.tr("Choose an image"),
            self.tr("Images ({patterns})").format(patterns=IMAGE_PATTERNS),
        )
        if path is None:
            return
        try:
            sha256 = self._images.add(self._actor, path)
        except DeskError as exc:
            self.show_error(self.error_text(exc), "image")
            return
        self.banner.hide()
        self.clear_marks()
        self._show_image(sha256)

    def remove_image(self) -> None:
        """Take the image out of the item (the stored file stays)."""
        self._show_image(None)

    # -- saving --------------------------------------------------------------------------

    def _tidy_tags(self) -> None:
        try:
            tidy = tags_text(normalise_tags(self.tags_edit.text()))
        except ValidationError:
            return  # Save says what is wrong
        if tidy != self.tags_edit.text():
            self.tags_edit.setText(tidy)

    def submit(self) -> None:
        """Add or change the item through the library service."""
        title = self.title_edit.text()
        text = self.text_edit.toPlainText()
        tags = self.tags_edit.text()
        if self.original is None:
            record = self._library.add(
                self._actor, title, text, image_sha256=self.image_sha256, tags=tags
            )
        else:
            record = self._library.update(
                self._actor,
                self.original.id,
                title=title,
                text=text,
                image_sha256=self.image_sha256,
                tags=tags,
                expected_version=self.version,
            )
        self.saved.emit(record)

    def handle_error(self, exc: DeskError) -> None:
        """Say why the service refused; after a change made meanwhile, take the new version."""
        if isinstance(exc, ConflictError):
            self._rebase()
            self.conflict.emit()
            return
        if isinstance(exc, ValidationError) and exc.field == "status":
            self._become_new()
            return
        field = exc.field if isinstance(exc, ValidationError) else None
        self.show_error(self.error_text(exc), field)

    def _rebase(self) -> None:
        original = self.original
        if original is None:
            return
        try:
            current = self._library.get(self._actor, original.id)
        except NotFoundError:
            self._become_new()
            return
        except DeskError as exc:
            self.show_error(self.error_text(exc))
            return
        if current.archived_at is not None:
            self._become_new()
            return
        self.original = current
        self.version = current.version
        self.show_error(
            self.tr(
                "Someone else changed “{title}” while you were editing it, so nothing was "
                "saved. Your changes are still in the form. Save again to replace the other "
                "version with yours, or Cancel to keep it."
            ).format(title=current.title)
        )

    def _become_new(self) -> None:
        title = self.original.title if self.original is not None else self.title_edit.text()
        self.original = None
        self.version = 0
        self._retitle()
        self.show_error(
            self.tr(
                "“{title}” was archived while you were editing it, so it cannot be changed any "
                "more. Your text is still in the form: Save adds it as a new item, or Cancel "
                "discards it."
            ).format(title=title)
        )

    def error_text(self, exc: DeskError) -> str:
        """The words for a refusal of the library or image service."""
        if isinstance(exc, ValidationError):
            if exc.message == "title is too long":
                return self.tr(
                    "The title may have at most {limit} characters (it has {length})."
                ).format(limit=MAX_TITLE, length=len(self.title_edit.text().strip()))
            if exc.message == "text is too long":
                return self.tr(
                    "The text may have at most {limit} characters (it has {length})."
                ).format(limit=MAX_BODY, length=len(self.text_edit.toPlainText()))
            if exc.message == "no such image":
                return self.tr("The image is no longer stored. Remove it or choose the file again.")
        return draft_error_text(exc)
