"""历史版本: every revision of a post, and what changed between any two of them.

Chinese has no spaces, so texts are compared character by character: what the later
revision removed is shown red and struck through, what it added green.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.context import AppContext
from newmedia_desk.domain.accounts import AccountRecord
from newmedia_desk.domain.errors import DeskError
from newmedia_desk.domain.posts import ActivityType, FieldChange, PostKind, Tier, diff_contents
from newmedia_desk.domain.staff import Principal
from newmedia_desk.services.posts import RevisionView
from newmedia_desk.ui.draft_texts import activity_name, field_name, kind_name, tier_name
from newmedia_desk.ui.noop import QT_TRANSLATE_NOOP
from newmedia_desk.ui.texts import office_time

DELETED_COLOUR = "#b71c1c"
DELETED_BACKGROUND = "#fde0dc"
INSERTED_COLOUR = "#1b5e20"
INSERTED_BACKGROUND = "#d8f3dc"

_CTX = "PostRevisionsDialog"
SAME_CONTENT = QT_TRANSLATE_NOOP("PostRevisionsDialog", "The two revisions have the same content.")
IMAGE_LINE = QT_TRANSLATE_NOOP("PostRevisionsDialog", "image {hash}")
REORDERED = QT_TRANSLATE_NOOP("PostRevisionsDialog", "The same images in another order.")
ACCOUNT_LINE = QT_TRANSLATE_NOOP("PostRevisionsDialog", "account {id}")

MERGE_GAP = 2
"""Unchanged runs this short between two changes are shown as part of one change."""

Opcode = tuple[str, int, int, int, int]

TEXT_FIELDS = frozenset({"title", "body", "column", "category", "source"})
"""Fields compared character by character; the others are shown as before → after."""


def deleted_format() -> QTextCharFormat:
    """Red, struck through."""
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(DELETED_COLOUR))
    fmt.setBackground(QColor(DELETED_BACKGROUND))
    fmt.setFontStrikeOut(True)
    return fmt


def inserted_format() -> QTextCharFormat:
    """Green."""
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(INSERTED_COLOUR))
    fmt.setBackground(QColor(INSERTED_BACKGROUND))
    return fmt


def readable_spans(spans: Sequence[Opcode], gap: int = MERGE_GAP) -> list[Opcode]:
    """Join changes separated by only a character or two, so words read whole.

    ``中到大雨`` → ``大到暴雨`` compares as 中→大, 到, 大→暴; shown that way the reader sees
    ``中大到大暴雨``. Joined, it reads ``中到大`` struck through, then ``大到暴``.
    """
    merged: list[Opcode] = []
    for op in spans:
        if merged:
            _, i1, i2, j1, j2 = merged[-1]
            if op[1] - i2 <= gap and op[3] - j2 <= gap:
                merged[-1] = ("replace", i1, op[2], j1, op[4])
                continue
        merged.append(op)
    return [_tagged(op) for op in merged]


def _tagged(op: Opcode) -> Opcode:
    _, i1, i2, j1, j2 = op
    if i1 == i2:
        return ("insert", i1, i2, j1, j2)
    if j1 == j2:
        return ("delete", i1, i2, j1, j2)
    return ("replace", i1, i2, j1, j2)


def _heading_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


class DiffWriter:
    """Writes the changes between two revisions into a ``QTextDocument``."""

    def __init__(
        self,
        document: QTextDocument,
        account_names: Mapping[int, str] | None = None,
        image_names: Mapping[str, str] | None = None,
    ) -> None:
        self._document = document
        self._cursor = QTextCursor(document)
        self._names = account_names or {}
        self._images = image_names or {}
        self._plain = QTextCharFormat()
        self._deleted = deleted_format()
        self._inserted = inserted_format()

    def write(self, before: RevisionView, after: RevisionView) -> int:
        """Write every changed field; return how many changed."""
        self._document.clear()
        self._cursor = QTextCursor(self._document)
        changes = diff_contents(before.content, after.content)
        for change in changes:
            self._heading(field_name(change.name))
            if change.name in TEXT_FIELDS:
                self._text_change(change)
            else:
                self._value_change(change.name, before, after)
        count = len(changes)
        if before.planned_at != after.planned_at:
            self._heading(field_name("planned_at"))
            self._replaced(
                office_time(before.planned_at) or "—", office_time(after.planned_at) or "—"
            )
            count += 1
        if count == 0:
            self._cursor.insertText(_tr(SAME_CONTENT), self._plain)
        return count

    def _heading(self, text: str) -> None:
        if not self._cursor.atStart():
            self._cursor.insertBlock()
            self._cursor.insertBlock()
        self._cursor.insertText(text, _heading_format())
        self._cursor.insertBlock()

    def _text_change(self, change: FieldChange) -> None:
        before, after = change.before, change.after
        done = 0
        for tag, i1, i2, j1, j2 in readable_spans(change.spans):
            if i1 > done:
                self._cursor.insertText(before[done:i1], self._plain)
            if tag in ("delete", "replace"):
                self._cursor.insertText(before[i1:i2], self._deleted)
            if tag in ("insert", "replace"):
                self._cursor.insertText(after[j1:j2], self._inserted)
            done = i2
        if done < len(before):
            self._cursor.insertText(before[done:], self._plain)

    def _replaced(self, old: str, new: str) -> None:
        self._cursor.insertText(old, self._deleted)
        self._cursor.insertText(" → ", self._plain)
        self._cursor.insertText(new, self._inserted)

    def _value_change(self, name: str, before: RevisionView, after: RevisionView) -> None:
        a, b = before.content, after.content
        if name == "tier":
            self._replaced(tier_name(Tier(a.tier)), tier_name(Tier(b.tier)))
        elif name == "kind":
            self._replaced(kind_name(PostKind(a.kind)), kind_name(PostKind(b.kind)))
        elif name == "activity_type":
            self._replaced(_activity(a.activity_type), _activity(b.activity_type))
        elif name == "account_ids":
            self._sets(
                [self._account(i) for i in sorted(set(a.account_ids) - set(b.account_ids))],
                [self._account(i) for i in sorted(set(b.account_ids) - set(a.account_ids))],
                [self._account(i) for i in sorted(set(a.account_ids) & set(b.account_ids))],
            )
        elif name == "image_hashes":
            removed = [h for h in a.image_hashes if h not in b.image_hashes]
            added = [h for h in b.image_hashes if h not in a.image_hashes]
            if removed or added:
                self._sets(
                    [self._image(h) for h in removed],
                    [self._image(h) for h in added],
                    [],
                )
            else:
                self._cursor.insertText(_tr(REORDERED), self._plain)
        else:  # a field added to the content later
            self._replaced(str(getattr(a, name, "")), str(getattr(b, name, "")))

    def _sets(self, removed: Sequence[str], added: Sequence[str], kept: Sequence[str]) -> None:
        parts: list[tuple[str, QTextCharFormat]] = []
        parts += [(text, self._deleted) for text in removed]
        parts += [(text, self._inserted) for text in added]
        parts += [(text, self._plain) for text in kept]
        for index, (text, fmt) in enumerate(parts):
            if index:
                self._cursor.insertText("、", self._plain)
            self._cursor.insertText(text, fmt)

    def _image(self, sha256: str) -> str:
        return self._images.get(sha256) or _tr(IMAGE_LINE).format(hash=sha256[:10])

    def _account(self, account_id: int) -> str:
        return self._names.get(account_id) or _tr(ACCOUNT_LINE).format(id=account_id)


def _activity(value: ActivityType | None) -> str:
    return "—" if value is None else activity_name(value)


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


class PostRevisionsDialog(QDialog):
    """The revisions of one post; choose any two to see what changed between them.

    Raises ``DeskError`` when the revisions cannot be read. Open it with ``open()``.
    """

    def __init__(
        self,
        ctx: AppContext,
        actor: Principal,
        post_id: int,
        parent: QWidget | None = None,
        *,
        accounts: Mapping[int, AccountRecord] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("post_revisions")
        self._revisions = ctx.posts.revisions(actor, post_id)
        if accounts is None:
            try:
                accounts = {a.id: a for a in ctx.accounts.list_accounts(actor)}
            except DeskError:
                accounts = {}
        names = {i: f"{a.platform_name} · {a.name}" for i, a in accounts.items()}
        self.setWindowTitle(self.tr("Revisions of post {id}").format(id=post_id))
        self.list = QListWidget(self)
        self.list.setObjectName("revisions")
        for revision in self._revisions:
            line = self.tr("Revision {number} · {time} · {name}").format(
                number=revision.number,
                time=office_time(revision.created_at),
                name=revision.created_by,
            )
            if revision.note:
                line += "\n" + revision.note
            item = QListWidgetItem(line)
            item.setData(Qt.ItemDataRole.UserRole, revision.number)
            self.list.addItem(item)
        self.from_combo = QComboBox(self)
        self.from_combo.setObjectName("from")
        self.to_combo = QComboBox(self)
        self.to_combo.setObjectName("to")
        for revision in self._revisions:
            label = self.tr("Revision {number}").format(number=revision.number)
            self.from_combo.addItem(label, revision.number)
            self.to_combo.addItem(label, revision.number)
        self.view = QTextEdit(self)
        self.view.setObjectName("difference")
        self.view.setReadOnly(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        legend = QLabel(self)
        legend.setTextFormat(Qt.TextFormat.RichText)
        removed, added = self.tr("removed"), self.tr("added")
        legend.setText(
            f'<span style="color:{DELETED_COLOUR}; text-decoration: line-through;">{removed}'
            f'</span> · <span style="color:{INSERTED_COLOUR};">{added}</span>'
        )
        images: dict[str, str] = {}
        for revision in self._revisions:
            for sha in revision.content.image_hashes:
                if sha not in images:
                    try:
                        images[sha] = ctx.images.info(sha).original_name
                    except DeskError:
                        images[sha] = ""
        self._writer = DiffWriter(self.view.document(), names, images)

        choose = QHBoxLayout()
        choose.addWidget(QLabel(self.tr("Compare"), self))
        choose.addWidget(self.from_combo)
        choose.addWidget(QLabel(self.tr("with"), self))
        choose.addWidget(self.to_combo)
        choose.addStretch(1)
        choose.addWidget(legend)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(choose)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(self.view, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 640])
        splitter.setChildrenCollapsible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

        self.from_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.to_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.list.currentRowChanged.connect(self._on_row)
        latest = len(self._revisions) - 1
        self.compare(self._revisions[max(latest - 1, 0)].number, self._revisions[latest].number)
        self.list.blockSignals(True)
        self.list.setCurrentRow(latest)
        self.list.blockSignals(False)
        self.resize(960, 620)

    def revisions(self) -> list[RevisionView]:
        """The revisions shown, oldest first."""
        return list(self._revisions)

    def compare(self, earlier: int, later: int) -> None:
        """Show what changed from revision ``earlier`` to revision ``later``."""
        for combo, number in ((self.from_combo, earlier), (self.to_combo, later)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(number), 0))
            combo.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        """Show the difference of the two revisions chosen."""
        by_number = {r.number: r for r in self._revisions}
        before = by_number.get(self.from_combo.currentData())
        after = by_number.get(self.to_combo.currentData())
        if before is None or after is None:
            return
        count = self._writer.write(before, after)
        self.summary.setText(
            self.tr("Revision {a} → revision {b}: {count} part(s) changed").format(
                a=before.number, b=after.number, count=count
            )
        )

    def _on_row(self, row: int) -> None:
        if 0 <= row < len(self._revisions):
            number = self._revisions[row].number
            self.compare(self._revisions[max(row - 1, 0)].number, number)
