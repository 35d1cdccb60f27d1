"""Excel in and out of the posts area: the 发布内容审批表, the 发布台账 and its import.

The posts list and the post detail share this one helper so both save the approval form
the same way (ask where, write atomically, offer another name when Excel holds the file).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from newmedia_desk.context import AppContext
from newmedia_desk.domain.accounts import ImportRejectedError
from newmedia_desk.domain.errors import DeskError
from newmedia_desk.domain.forms import audit_line
from newmedia_desk.domain.staff import Principal
from newmedia_desk.domain.working_days import office_date
from newmedia_desk.ui.account_dialogs import ImportErrorsDialog, save_export
from newmedia_desk.ui.interaction_dialogs import PeriodDialog
from newmedia_desk.ui.prompts import Prompts, error_text


def _safe_name(text: str) -> str:
    """``text`` usable as a Windows file name (reserved characters replaced), 40 chars."""
    cleaned = "".join("_" if ch in '\\/:*?"<>|' or ord(ch) < 32 else ch for ch in text)
    return cleaned.strip(" .")[:40] or "post"


class PostExcel(QObject):
    """Saves approval forms and ledgers and imports publications for one person."""

    imported = Signal(int)
    """Publications were imported (their number); lists should be read again."""

    def __init__(
        self, ctx: AppContext, actor: Principal, prompts: Prompts, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._actor = actor
        self._prompts = prompts
        self._parent = parent
        self.dialog: PeriodDialog | ImportErrorsDialog | None = None

    def _locked_question(self) -> str:
        return self.tr("{file} is open in another program (Excel?). Save as {other} instead?")

    def _tell_saved(self, path: Path | None) -> None:
        if path is not None:
            self._prompts.info(self.tr("Saved to {path}").format(path=path))

    def approval_form(self, post_id: int) -> Path | None:
        """Save the 发布内容审批表 of a post (its current revision) for printing."""
        from newmedia_desk.exports.post_forms import export_post_form

        try:
            record = self._ctx.posts.get(self._actor, post_id)
            routes = self._ctx.settings.post_routes()
        except DeskError as exc:
            self._prompts.warning(error_text(exc))
            return None
        suggested = f"发布内容审批表_{record.id}_{_safe_name(record.content.title)}.xlsx"

        def write(target: Path) -> Path:
            return export_post_form(
                record,
                audit_head=audit_line(self._ctx.audit.head()),
                out=target,
                printed_at=self._ctx.clock.now(),
                routes=routes,
            )

        path = save_export(
            self._prompts,
            self.tr("Save the approval form"),
            suggested,
            write,
            locked_question=self._locked_question(),
        )
        self._tell_saved(path)
        return path

    def ledger(self) -> None:
        """Ask for a period, then save the 发布台账 of its publications."""
        today = office_date(self._ctx.clock.now())
        title = self.tr("Export the publication ledger")
        dialog = PeriodDialog(title, today.replace(day=1), today, self._parent)
        dialog.chosen.connect(lambda start, end: self.save_ledger(start, end))
        self._show(dialog)

    def save_ledger(self, start: date, end: date) -> Path | None:
        """Save the 发布台账 of ``start``–``end`` (office dates)."""
        from newmedia_desk.exports.ledger import export_ledger

        try:
            rows = self._ctx.post_reports.ledger_rows(self._actor, start, end)
        except DeskError as exc:
            self._prompts.warning(error_text(exc))
            return None

        def write(target: Path) -> Path:
            return export_ledger(
                rows,
                start=start,
                end=end,
                out=target,
                audit_head=audit_line(self._ctx.audit.head()),
                printed_at=self._ctx.clock.now(),
            )

        path = save_export(
            self._prompts,
            self.tr("Export the publication ledger"),
            f"发布台账_{start.isoformat()}_{end.isoformat()}.xlsx",
            write,
            locked_question=self._locked_question(),
        )
        self._tell_saved(path)
        return path

    def import_publications(self) -> int | None:
        """Bring in an existing publication ledger: all rows or none, problems listed."""
        path = self._prompts.ask_open_file(
            self.tr("Import a publication ledger"), self.tr("Excel workbook (*.xlsx)")
        )
        if path is None:
            return None
        try:
            records = self._ctx.post_reports.import_publications(self._actor, path)
        except ImportRejectedError as exc:
            self._show(ImportErrorsDialog(path.name, exc.errors, self._parent))
            return None
        except DeskError as exc:
            self._prompts.warning(error_text(exc))
            return None
        self.imported.emit(len(records))
        self._prompts.info(
            self.tr("{count} publication(s) were imported from {file}.").format(
                count=len(records), file=path.name
            )
        )
        return len(records)

    def _show(self, dialog: PeriodDialog | ImportErrorsDialog) -> None:
        def forget(_result: int) -> None:
            if self.dialog is dialog:
                self.dialog = None
            dialog.deleteLater()

        dialog.finished.connect(forget)
        self.dialog = dialog
        dialog.open()
