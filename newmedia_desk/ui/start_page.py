"""The start view (工作台): who is signed in and real figures about this database."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from newmedia_desk.context import AppContext
from newmedia_desk.domain.compliance import Silence
from newmedia_desk.domain.errors import DeskError
from newmedia_desk.domain.posts import PostStatus
from newmedia_desk.domain.roles import Permission
from newmedia_desk.domain.settings import IDLE_LOCK_MINUTES
from newmedia_desk.domain.staff import Principal
from newmedia_desk.domain.working_days import OFFICE_TZ
from newmedia_desk.ui.account_texts import rotation_reason
from newmedia_desk.ui.cadence_texts import silence_name, slot_state_name
from newmedia_desk.ui.interaction_texts import clock_status, late_item_text, level_name
from newmedia_desk.ui.prompts import error_text
from newmedia_desk.ui.texts import office_time, role_names

MAX_LISTED = 5
"""Rotation tasks listed by name; more are counted."""


def _value_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class StartPage(QWidget):
    """Signed-in person, directory figures, throttled logins, audit head, database."""

    def __init__(self, ctx: AppContext, actor: Principal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._actor = actor
        self.greeting = QLabel(self)
        font = QFont(self.greeting.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.greeting.setFont(font)

        self.person = _value_label(self, "person")
        self.roles = _value_label(self, "roles")
        self.units = _value_label(self, "units")
        self.active_staff = _value_label(self, "active_staff")
        self.left_staff = _value_label(self, "left_staff")
        self.throttled = _value_label(self, "throttled")
        self.audit_head = _value_label(self, "audit_head")
        self.database = _value_label(self, "database")
        self.idle_lock = _value_label(self, "idle_lock")
        self.rotation_tasks = _value_label(self, "rotation_tasks")
        self.filings_overdue = _value_label(self, "filings_overdue")
        self.open_problems = _value_label(self, "open_problems")
        self.open_rogues = _value_label(self, "open_rogues")
        self.waiting_for_me = _value_label(self, "waiting_for_me")
        self.mismatched = _value_label(self, "mismatched")
        self.in_approval = _value_label(self, "in_approval")
        self.expiring = _value_label(self, "expiring")
        self.expired = _value_label(self, "expired")
        self.filing_pending = _value_label(self, "filing_pending")
        self.due_today = _value_label(self, "due_today")
        self.silent_accounts = _value_label(self, "silent_accounts")
        self.deliveries = _value_label(self, "deliveries")
        self.open_incidents = _value_label(self, "open_incidents")
        self.late_items = _value_label(self, "late_items")

        me = QGroupBox(self.tr("Signed in"), self)
        me_form = QFormLayout(me)
        me_form.addRow(self.tr("Person"), self.person)
        me_form.addRow(self.tr("Roles"), self.roles)

        office = QGroupBox(self.tr("Office directory"), self)
        office_form = QFormLayout(office)
        office_form.addRow(self.tr("Units"), self.units)
        office_form.addRow(self.tr("Working staff"), self.active_staff)
        office_form.addRow(self.tr("Staff who left"), self.left_staff)
        self.throttled_label = QLabel(self.tr("Sign-ins locked now"), self)
        office_form.addRow(self.throttled_label, self.throttled)
        show_throttled = actor.can(Permission.UNLOCK_SIGN_IN)
        self.throttled_label.setVisible(show_throttled)
        self.throttled.setVisible(show_throttled)

        accounts = QGroupBox(self.tr("Accounts"), self)
        accounts_form = QFormLayout(accounts)
        accounts_form.addRow(self.tr("Passwords to change"), self.rotation_tasks)
        accounts_form.addRow(self.tr("Filings overdue"), self.filings_overdue)
        accounts_form.addRow(self.tr("Problems found"), self.open_problems)
        accounts_form.addRow(self.tr("Rogue accounts being handled"), self.open_rogues)

        posts = QGroupBox(self.tr("Posts"), self)
        posts_form = QFormLayout(posts)
        posts_form.addRow(self.tr("Waiting for my approval"), self.waiting_for_me)
        posts_form.addRow(self.tr("Published text differs from the approved"), self.mismatched)
        posts_form.addRow(self.tr("In approval"), self.in_approval)
        posts_form.addRow(self.tr("Approval due within 24 hours"), self.expiring)
        posts_form.addRow(self.tr("Expired (plan again)"), self.expired)
        posts_form.addRow(self.tr("Sensitive posts to file"), self.filing_pending)

        cadence = QGroupBox(self.tr("Cadence"), self)
        cadence_form = QFormLayout(cadence)
        cadence_form.addRow(self.tr("Today's slots"), self.due_today)
        cadence_form.addRow(self.tr("Accounts without recent posts"), self.silent_accounts)
        cadence_form.addRow(self.tr("Column content due"), self.deliveries)

        interaction = QGroupBox(self.tr("Interaction and incidents"), self)
        interaction_form = QFormLayout(interaction)
        interaction_form.addRow(self.tr("Open incidents"), self.open_incidents)
        interaction_form.addRow(self.tr("Late answers and steps"), self.late_items)

        system = QGroupBox(self.tr("This database"), self)
        system_form = QFormLayout(system)
        system_form.addRow(self.tr("Location"), self.database)
        system_form.addRow(self.tr("Audit log head"), self.audit_head)
        system_form.addRow(self.tr("Idle lock"), self.idle_lock)

        # Scrolls rather than forcing a minimum window height on small screens.
        content = QWidget(self)
        inner = QVBoxLayout(content)
        inner.addWidget(self.greeting)
        inner.addWidget(me)
        inner.addWidget(posts)
        inner.addWidget(interaction)
        inner.addWidget(cadence)
        inner.addWidget(accounts)
        inner.addWidget(office)
        inner.addWidget(system)
        inner.addStretch(1)
        for child in (self.greeting, me, posts, interaction, cadence, accounts, office, system):
            child.setParent(content)
        scroll = QScrollArea(self)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def refresh(self) -> None:
        """Read every figure afresh."""
        actor = self._actor
        self.greeting.setText(self.tr("Welcome, {name}").format(name=actor.name))
        self.person.setText(self.tr("{name} ({login})").format(name=actor.name, login=actor.login))
        self.roles.setText(role_names(actor.roles))
        try:
            counts = self._ctx.directory.counts()
            self.units.setText(str(counts.units))
            self.active_staff.setText(str(counts.active_staff))
            self.left_staff.setText(str(counts.left_staff))
            if self.throttled.isVisibleTo(self):
                self.throttled.setText(self._throttled_text())
            head = self._ctx.audit.head()
            self.audit_head.setText(head.short if head is not None else self.tr("(no entries yet)"))
            minutes = self._ctx.settings.get(IDLE_LOCK_MINUTES)
        except DeskError as exc:
            self.database.setText(error_text(exc))
            return
        self._refresh_accounts()
        self._refresh_posts()
        self._refresh_cadence()
        self._refresh_interaction()
        self.database.setText(self._ctx.db.describe())
        self.idle_lock.setText(
            self.tr("after {minutes} minutes without input").format(minutes=minutes)
        )

    def _refresh_posts(self) -> None:
        actor = self._actor
        try:
            self._ctx.posts.expire_due()
            waiting = self._ctx.posts.waiting_for(actor)
            mismatched = self._ctx.posts.mismatched_publications(actor)
            counts = self._ctx.posts.status_counts(actor)
            to_file = self._ctx.posts.filing_pending(actor)
            expiring = self._ctx.posts.expiring(actor)
        except DeskError as exc:
            self.waiting_for_me.setText(error_text(exc))
            return
        self.waiting_for_me.setText(
            self._listed([p.current.content.title or f"#{p.id}" for p in waiting])
        )
        self.mismatched.setText(
            self._listed(
                [
                    self.tr("{name} ({platform}): {title}").format(
                        name=m.account_name, platform=m.platform, title=m.title or m.post_id
                    )
                    for m in mismatched
                ]
            )
        )
        # Red: the office answers for what went out differing from what was approved.
        self.mismatched.setStyleSheet("color: #b00020;" if mismatched else "")
        self.in_approval.setText(str(counts.get(PostStatus.IN_APPROVAL, 0)))
        self.expiring.setText(
            self._listed(
                [
                    f"{at.astimezone(OFFICE_TZ).strftime('%m-%d %H:%M')} {title or f'#{i}'}"
                    for i, title, at in expiring
                ]
            )
        )
        self.expiring.setStyleSheet("color: #b26a00;" if expiring else "")
        self.expired.setText(str(counts.get(PostStatus.EXPIRED, 0)))
        self.filing_pending.setText(str(to_file))

    def _refresh_cadence(self) -> None:
        actor = self._actor
        try:
            slots = self._ctx.cadence.due_today(actor)
            silent = self._ctx.cadence.silent_accounts(actor)
            deliveries = self._ctx.cadence.upcoming_deliveries(actor)
        except DeskError as exc:
            self.due_today.setText(error_text(exc))
            return
        self.due_today.setText(
            self._listed(
                [
                    self.tr("{time} {name}: {state}").format(
                        time=slot.at.astimezone(OFFICE_TZ).strftime("%H:%M"),
                        name=f"{slot.name}（{slot.platform}）" if slot.platform else slot.name,
                        state=slot_state_name(slot.state),
                    )
                    for slot in slots
                ]
            )
        )
        self.silent_accounts.setText(
            self._listed(
                [
                    self.tr("{name} ({platform}): {days}").format(
                        name=a.name,
                        platform=a.platform,
                        days=self.tr("never published")
                        if a.days_since_last is None
                        else self.tr("{n} days").format(n=a.days_since_last),
                    )
                    + f" · {silence_name(a.silence)}"
                    for a in silent
                ]
            )
        )
        red = any(a.silence is Silence.RED for a in silent)
        self.silent_accounts.setStyleSheet("color: #b00020;" if red else "")
        pending = [d for d in deliveries if not d.covered]
        self.deliveries.setText(
            self._listed(
                [
                    self.tr("{name}: due {day}, {missing} days not planned").format(
                        name=d.name, day=d.due_on.isoformat(), missing=len(d.missing_days)
                    )
                    for d in pending
                ]
            )
        )

    def _refresh_interaction(self) -> None:
        actor = self._actor
        try:
            incidents = self._ctx.interaction.open_incidents(actor)
            late = self._ctx.interaction.late_items(actor)
        except DeskError as exc:
            self.open_incidents.setText(error_text(exc))
            return
        lines = []
        for incident in incidents:
            upcoming = incident.next_clock
            clock = "" if upcoming is None else f" · {clock_status(upcoming)}"
            lines.append(f"{level_name(incident.level)} {incident.title}{clock}")
        self.open_incidents.setText(self._listed(lines))
        overdue = any(i.overdue_steps for i in incidents)
        self.open_incidents.setStyleSheet("color: #b00020;" if overdue else "")
        self.late_items.setText(self._listed([late_item_text(item) for item in late]))
        self.late_items.setStyleSheet("color: #b00020;" if late else "")

    def _listed(self, items: list[str]) -> str:
        if not items:
            return self.tr("none")
        lines = [self.tr("{count}:").format(count=len(items)), *items[:MAX_LISTED]]
        if len(items) > MAX_LISTED:
            lines.append(self.tr("… and {count} more").format(count=len(items) - MAX_LISTED))
        return "\n".join(lines)

    def _refresh_accounts(self) -> None:
        actor = self._actor
        try:
            tasks = self._ctx.credentials.tasks()
            overdue = [f for f in self._ctx.accounts.filings(actor) if f.status.value == "overdue"]
            problems = self._ctx.accounts.problems(actor)
            rogues = self._ctx.rogues.list_rogues(actor)
            names = {
                a.id: f"{a.name}（{a.platform_name}）"
                for a in self._ctx.accounts.list_accounts(actor)
            }
        except DeskError as exc:
            self.rotation_tasks.setText(error_text(exc))
            return
        if tasks:
            lines = [
                self.tr("{account}: {reason}").format(
                    account=names.get(t.account_id, t.account_name),
                    reason=rotation_reason(t.reason),
                )
                for t in tasks[:MAX_LISTED]
            ]
            if len(tasks) > MAX_LISTED:
                lines.append(self.tr("… and {count} more").format(count=len(tasks) - MAX_LISTED))
            self.rotation_tasks.setText("\n".join(lines))
            self.rotation_tasks.setStyleSheet("color: #8a5a00;")
        else:
            self.rotation_tasks.setText(self.tr("none"))
            self.rotation_tasks.setStyleSheet("")
        if overdue:
            self.filings_overdue.setText(
                self.tr("{count}: {accounts}").format(
                    count=len(overdue),
                    accounts="、".join(
                        sorted({names.get(f.account_id, f.account_name) for f in overdue})
                    ),
                )
            )
            self.filings_overdue.setStyleSheet("color: #b3261e;")
        else:
            self.filings_overdue.setText(self.tr("none"))
            self.filings_overdue.setStyleSheet("")
        errors = sum(1 for p in problems if p.severity.value == "error")
        self.open_problems.setText(
            self.tr("{count} ({errors} errors)").format(count=len(problems), errors=errors)
        )
        self.open_rogues.setText(str(sum(1 for r in rogues if r.status.value == "open")))

    def _throttled_text(self) -> str:
        locked = self._ctx.auth.locked_logins()
        if not locked:
            return self.tr("none")
        return "; ".join(
            self.tr("{login} until {time}").format(login=login, time=office_time(until))
            for login, until in sorted(locked.items())
        )
