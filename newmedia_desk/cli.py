"""The ``newmedia-desk`` command: the GUI by default, and maintenance commands.

Commands that change records sign in as a staff member (``--user`` with the password from
``--password-stdin`` or ``NEWMEDIA_DESK_PASSWORD``); read-only ones need no sign-in.
Errors go to stderr in one line; exit code 2 means bad usage, 1 a failure.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from newmedia_desk import APP_DISPLAY_NAME, __version__

if TYPE_CHECKING:
    from newmedia_desk.context import AppContext
    from newmedia_desk.domain.accounts import AccountRecord
    from newmedia_desk.domain.assessment import UnitAssessment
    from newmedia_desk.domain.checker.lexicon import Lexicon
    from newmedia_desk.domain.posts import PostStatus
    from newmedia_desk.domain.staff import Principal
    from newmedia_desk.services.cadence import AccountCompliance
    from newmedia_desk.services.post_reports import PostSummary

PASSWORD_ENV = "NEWMEDIA_DESK_PASSWORD"

ContextFactory = Callable[[str | None], "AppContext"]


class UsageError(Exception):
    """Bad usage: exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _db_option(parser: argparse.ArgumentParser, *, top: bool) -> None:
    parser.add_argument(
        "--db",
        default=None if top else argparse.SUPPRESS,
        help="database file or SQLAlchemy URL (default: $NEWMEDIA_DESK_DB or the data folder)",
    )


def _sign_in_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", help="sign in as this login (changes are made in their name)")
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help=f"read the password from the first line of stdin (else ${PASSWORD_ENV})",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (the GUI runs when no command is given)."""
    parser = _Parser(prog="newmedia-desk", description=f"{APP_DISPLAY_NAME} (newmedia_desk)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _db_option(parser, top=True)
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="interface language")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="open the database, show the filled main window without sign-in, exit 0",
    )
    parser.add_argument("--quit-after-paint", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    init = sub.add_parser("init", help="create or upgrade the database and the first administrator")
    _db_option(init, top=False)
    init.add_argument("--admin", metavar="LOGIN", help="login of the first office administrator")
    init.add_argument("--name", help="the administrator's name (default: the login)")
    init.add_argument("--unit", default="本单位", help="name of the top unit (default: 本单位)")
    init.add_argument("--password-stdin", action="store_true", help="read the password from stdin")

    demo = sub.add_parser("demo", help="fill a new database with a demo office")
    _db_option(demo, top=False)
    demo.add_argument(
        "--password-stdin", action="store_true", help="demo password from stdin (default: demo)"
    )
    demo.add_argument(
        "--posts",
        type=int,
        metavar="N",
        help="also add N synthetic posts (for scale; on a demo database, only adds them)",
    )

    verify = sub.add_parser("verify", help="check the file and the whole audit log")
    _db_option(verify, top=False)

    lst = sub.add_parser("list", help="list units, staff, accounts or posts")
    _db_option(lst, top=False)
    lst.add_argument("what", choices=["units", "staff", "accounts", "posts"])
    lst.add_argument("--json", action="store_true", help="print JSON")
    lst.add_argument(
        "--status",
        metavar="S",
        help="posts only: draft, in_approval, returned, approved, published, expired, "
        "withdrawn, cancelled (or 草稿, 审批中 …)",
    )

    imp_cmd = sub.add_parser("import", help="import records from a file (all rows or none)")
    _db_option(imp_cmd, top=False)
    imp_cmd.add_argument("what", choices=["accounts", "publications"])
    imp_cmd.add_argument("file", type=Path, help="an Excel ledger (.xlsx)")
    _sign_in_options(imp_cmd)

    exp_cmd = sub.add_parser("export", help="fill an official form or a ledger from the records")
    _db_option(exp_cmd, top=False)
    exp_cmd.add_argument(
        "what",
        choices=["account-form", "post-form", "ledger", "moderation", "incidents", "assessment"],
    )
    exp_cmd.add_argument("--month", metavar="YYYY-MM", help="assessment: the month")
    exp_cmd.add_argument("--account", metavar="NAME_OR_ID", help="account-form: the account")
    exp_cmd.add_argument("--post", type=int, metavar="ID", help="post-form: the post")
    exp_cmd.add_argument(
        "--from", dest="start", metavar="DATE", help="ledger: first day, YYYY-MM-DD"
    )
    exp_cmd.add_argument("--to", dest="end", metavar="DATE", help="ledger: last day, YYYY-MM-DD")
    exp_cmd.add_argument(
        "--out", required=True, type=Path, metavar="FILE", help="the .xlsx to write"
    )

    backup = sub.add_parser("backup", help="write a checked copy of the database")
    _db_option(backup, top=False)
    backup.add_argument("file", type=Path)

    restore = sub.add_parser("restore", help="replace the database with a checked backup")
    _db_option(restore, top=False)
    restore.add_argument("file", type=Path)
    _sign_in_options(restore)

    chk = sub.add_parser(
        "check", help="check a post's text: banned terms, privacy, wording, platform rules"
    )
    chk.add_argument("file", nargs="?", default="-", help="text file (UTF-8), or - for stdin")
    chk.add_argument("--platform", help="platform name, e.g. 微博 or 微信公众号")
    chk.add_argument("--title", default="", help="the post's title")
    chk.add_argument(
        "--lexicon",
        action="append",
        default=[],
        metavar="FILE",
        help="extra lexicon file, used with the office's or shipped ones (repeatable)",
    )
    chk.add_argument(
        "--shipped",
        action="store_true",
        help="use the shipped lexicons only, not the office's from the database",
    )
    chk.add_argument("--json", action="store_true", help="print JSON")
    _db_option(chk, top=False)

    lex = sub.add_parser("lexicon", help="list, export or import the checker's lexicons")
    _db_option(lex, top=False)
    lex_sub = lex.add_subparsers(dest="lexicon_command", metavar="ACTION", required=True)
    lex_list = lex_sub.add_parser("list", help="every lexicon with its revision and size")
    lex_list.add_argument("--json", action="store_true", help="print JSON")
    lex_export = lex_sub.add_parser("export", help="write a lexicon's current terms as a file")
    lex_export.add_argument("name", help="the lexicon, e.g. banned (see 'lexicon list')")
    lex_export.add_argument(
        "--out", type=Path, metavar="FILE", help="the file to write (default: stdout)"
    )
    lex_import = lex_sub.add_parser(
        "import", help="import a lexicon file into a lexicon (all lines or none; administrators)"
    )
    lex_import.add_argument("name", help="the lexicon to import into")
    lex_import.add_argument("file", type=Path, help="lexicon file (UTF-8, term<TAB>category…)")
    lex_import.add_argument(
        "--replace",
        action="store_true",
        help="the file replaces every term (default: merge, updating terms already there)",
    )
    _sign_in_options(lex_import)
    for action in (lex_list, lex_export, lex_import):
        _db_option(action, top=False)

    report = sub.add_parser("report", help="print figures of a period (read-only)")
    _db_option(report, top=False)
    report_sub = report.add_subparsers(dest="report_command", metavar="REPORT", required=True)
    cadence = report_sub.add_parser(
        "cadence", help="per account: expected, published, on time, missed, gaps, silence"
    )
    cadence.add_argument("--from", dest="start", required=True, metavar="DATE", help="YYYY-MM-DD")
    cadence.add_argument("--to", dest="end", required=True, metavar="DATE", help="YYYY-MM-DD")
    cadence.add_argument("--json", action="store_true", help="print JSON")
    _db_option(cadence, top=False)
    assessment = report_sub.add_parser(
        "assessment", help="per unit and month: score, veto items, figures, 表扬/批评 (考核)"
    )
    assessment.add_argument("--month", required=True, metavar="YYYY-MM", help="the month")
    assessment.add_argument("--json", action="store_true", help="print JSON")
    _db_option(assessment, top=False)

    key = sub.add_parser("audit-key", help="carry the audit key to another PC sharing the database")
    _db_option(key, top=False)
    key_sub = key.add_subparsers(dest="key_command", metavar="ACTION", required=True)
    export = key_sub.add_parser("export", help="write the key to a file (administrators)")
    export.add_argument("file", type=Path)
    _sign_in_options(export)
    imp = key_sub.add_parser("import", help="install a key exported on another PC")
    imp.add_argument("file", type=Path)
    return parser


def _default_factory(db: str | None) -> AppContext:
    from newmedia_desk.context import build_context

    return build_context(db)


def main(
    argv: Sequence[str] | None = None,
    *,
    context_factory: ContextFactory | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the command line; return the exit code."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    inp = stdin or sys.stdin
    try:
        args = build_parser().parse_args(list(argv) if argv is not None else None)
    except UsageError as exc:
        print(f"newmedia-desk: error: {exc}", file=err)
        return 2
    if args.command is None:
        from newmedia_desk.ui.app import run_gui

        return run_gui(
            args.db,
            lang=args.lang,
            smoke_test=args.smoke_test,
            quit_after_paint=args.quit_after_paint,
        )
    from sqlalchemy.exc import SQLAlchemyError

    from newmedia_desk.domain.errors import DeskError

    factory = context_factory or _default_factory
    io = _IO(inp, out, err)
    try:
        return _COMMANDS[args.command](args, factory, io)
    except UsageError as exc:
        print(f"newmedia-desk: error: {exc}", file=err)
        return 2
    except DeskError as exc:
        print(f"newmedia-desk: {args.command}: {exc.message}", file=err)
        return 1
    except OSError as exc:
        print(f"newmedia-desk: {args.command}: {exc}", file=err)
        return 1
    except SQLAlchemyError as exc:
        first_line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        print(f"newmedia-desk: {args.command}: database error: {first_line}", file=err)
        return 1


class _IO:
    def __init__(self, inp: TextIO, out: TextIO, err: TextIO) -> None:
        self.inp, self.out, self.err = inp, out, err

    def say(self, text: str) -> None:
        print(text, file=self.out)

    def password(self, from_stdin: bool, prompt: str, *, confirm: bool = False) -> str:
        if from_stdin:
            line = self.inp.readline()
            if not line:
                raise UsageError("--password-stdin given but stdin is empty")
            return line.rstrip("\r\n")
        env = os.environ.get(PASSWORD_ENV)
        if env:
            return env
        if self.inp.isatty():
            first = getpass.getpass(prompt)
            if confirm and getpass.getpass("again: ") != first:
                raise UsageError("the two passwords differ")
            return first
        raise UsageError(f"no password: use --password-stdin or set {PASSWORD_ENV}")


def _sign_in(ctx: AppContext, args: argparse.Namespace, io: _IO) -> Principal:
    if not args.user:
        raise UsageError("this command changes records: sign in with --user LOGIN")
    password = io.password(args.password_stdin, f"password for {args.user}: ")
    return ctx.auth.sign_in(args.user, password)


def _cmd_init(args: argparse.Namespace, factory: ContextFactory, io: _IO) -> int:
    with closing(factory(args.db)) as ctx:
        result = ctx.migration
        if result is not None and result.created:
            io.say(f"created database {ctx.db.describe()} (schema {result.head})")
        elif result is not None and result.upgraded_from:
            io.say(f"upgraded {ctx.db.describe()} from {result.upgraded_from} to {result.head}")
            if result.backup:
                io.say(f"the previous file was saved as {result.backup}")
        else:
            io.say(f"database {ctx.db.describe()} is up to date")
        if args.admin is None:
            if not ctx.directory.has_staff():
                io.say("no administrator yet: run 'newmedia-desk init --admin LOGIN'")
            return 0
        if ctx.directory.has_staff():
            raise UsageError(
                "this database already has staff; the administrator adds people in the app"
            )
        password = io.password(args.password_stdin, "new administrator password: ", confirm=True)
        record = ctx.maintenance.create_first_admin(
            login=args.admin, name=args.name or args.admin, password=password, unit_name=args.unit
        )
        io.say(f"administrator {record.login} ({record.name}) created in unit {record.unit_name}")
        return 0


def _cmd_demo(args: argparse.Namespace, factory: ContextFactory, io: _IO) -> int:
    import time

    from newmedia_desk.services.demo import seed_demo

    password = io.password(True, "") if args.password_stdin else "demo"
    if args.posts is not None and args.posts < 1:
        raise UsageError("--posts needs a positive number")
    with closing(factory(args.db)) as ctx:
        if args.posts is not None and ctx.directory.has_staff():
            _add_demo_posts(ctx, args.posts, password, io)
            return 0
        started = time.perf_counter()
        people = seed_demo(ctx, password, posts=args.posts or 0)
        if args.posts:
            io.say(
                f"with {args.posts} synthetic posts of earlier years "
                f"({time.perf_counter() - started:.1f} s in all)"
            )
        io.say(f"demo office written to {ctx.db.describe()}")
        io.say("sign-ins (password: " + ("as given" if args.password_stdin else "demo") + "):")
        for p in people:
            if not p.left:
                roles = ",".join(sorted(r.value for r in p.roles))
                io.say(f"  {p.login:<10} {p.name}  {p.unit} {p.position}  [{roles}]")
        problem = ctx.credentials.store_problem()
        if problem is not None:
            io.say(f"account passwords were not stored (holders were named): {problem}")
        return 0


def _add_demo_posts(ctx: AppContext, count: int, password: str, io: _IO) -> None:
    import time

    from newmedia_desk.services.demo_bulk import add_demo_posts

    started = time.perf_counter()
    result = add_demo_posts(ctx, count, password=password)
    io.say(
        f"added {result.posts} synthetic posts (ids {result.first_id}-{result.last_id}: "
        f"{result.revisions} revisions, {result.signoffs} sign-off steps, "
        f"{result.publications} publications) in {time.perf_counter() - started:.1f} s"
    )


def _cmd_verify(args: argparse.Namespace, factory: ContextFactory, io: _IO) -> int:
    with closing(factory(args.db)) as ctx:
        report = ctx.maintenance.verify()
        if report.integrity:
            io.err.write("integrity_check failed: " + "; ".join(report.integrity[:5]) + "\n")
            return 1
        chain = report.chain
        if not chain.ok:
            io.err.write(f"audit log broken at entry {chain.first_bad_seq}: {chain.problem}\n")
            return 1
        signatures = ctx.accounts.verify_signatures()
        if not signatures.ok:
            io.err.write(f"approval signature invalid: {signatures.bad[0]}\n")
            return 1
        posts = ctx.posts.verify()
        delegations, bad_delegations = ctx.delegations.verify()
        problems = [*posts.bad, *bad_delegations]
        if problems:
            for problem in problems[:20]:
                io.err.write(f"post sign-off invalid: {problem}\n")
            return 1
        head = chain.head.short if chain.head else "(empty)"
        io.say(
            f"ok: {ctx.db.describe()}: integrity ok; audit log {chain.entries} entries, "
            f"head {head}; key in {report.key_location}; approval signatures "
            f"{signatures.checked} valid, {signatures.unsigned} without a key signature; "
            f"post sign-offs {posts.checked} valid; delegations {delegations} valid"
        )
        return 0


def _cmd_list(args: argparse.Namespace, factory: ContextFactory, io: _IO) -> int:
    if args.status is not None and args.what != "posts":
        raise UsageError("--status lists posts only")
    status = _post_status(args.status)
    with closing(factory(args.db)) as ctx:
        units = ctx.directory.list_units(None)
        rows: list[dict[str, Any]]
        if args.what == "posts":
            rows = [_post_row(p) for p in ctx.post_reports.list_posts(None, status=status)]
            columns = ["id", "status_label", "tier_label", "title", "accounts", "planned"]
            columns.append("drafter")
        elif args.what == "units":
            rows = [
                {
                    "id": u.id,
                    "name": u.name,
                    "parent_id": u.parent_id,
                    "path": ctx.directory.unit_path(u.id, units),
                    "active": u.active,
                }
                for u in units
            ]
            columns = ["id", "path", "active"]
        elif args.what == "accounts":
            rows = [_account_row(a) for a in ctx.accounts.list_accounts(None)]
            columns = ["id", "platform", "name", "unit", "status", "administrator"]
        else:
            rows = [
                {
                    "login": s.login,
                    "name": s.name,
                    "unit": s.unit_name,
                    "position": s.position,
                    "roles": sorted(r.value for r in s.roles),
                    "active": s.active,
                }
                for s in ctx.directory.list_staff(None)
            ]
            columns = ["login", "name", "unit", "roles", "active"]
        if args.json:
            io.say(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            for row in rows:
                io.say("\t".join(_cell(row[c]) for c in columns))
        return 0


def _post_status(text: str | None) -> PostStatus | None:
    from newmedia_desk.domain.posts import STATUS_LABELS, PostStatus

    if text is None:
        return None
    wanted = text.strip()
    for status, label in STATUS_LABELS.items():
        if wanted in (status.value, label):
            return status
    choices = ", ".join(s.value for s in PostStatus)
    raise UsageError(f"unknown post status {text!r} (choose from {choices})")


def _post_row(p: PostSummary) -> dict[str, Any]:
    from newmedia_desk.domain.working_days import OFFICE_TZ

    planned = None if p.planned_at is None else p.planned_at.astimezone(OFFICE_TZ)
    return {
        "id": p.id,
        "status": p.status.value,
        "status_label": p.status_label,
        "tier": p.tier.value,
        "tier_label": p.tier_label,
        "title": p.title,
        "accounts": list(p.accounts),
        "planned_at": None if planned is None else planned.isoformat(),
        "planned": "" if planned is None else f"{planned:%Y-%m-%d %H:%M}",
        "drafter": p.drafter,
    }


def _account_row(a: AccountRecord) -> dict[str, Any]:
    return {
        "id": a.id,
        "platform": a.platform_name,
        "name": a.name,
        "handle": a.handle,
        "url": a.url,
        "unit": a.unit_name,
        "status": a.status.value,
        "administrator": a.administrator_name,
        "responsible": a.responsible_name,
        "parent": a.parent_name or None,
        "verification": a.verification.value,
        "opened_on": a.opened_on.isoformat() if a.opened_on else None,
        "closed_on": a.closed_on.isoformat() if a.closed_on else None,
        "cadence": a.cadence_text,
    }


def _cmd_import(args: argparse.Namespace, factory: ContextFactory, io: _IO) -> int:
    from newmedia_desk.domain.accounts import ImportRejectedError

    with closing(factory(args.db)) as ctx:
        actor = _sign_in(ctx, args, io)
        try:
            if args.what == "publications":
                publications = ctx.post_reports.import_publications(actor, args.file)
            else:
                records = ctx.accounts.import_ledger(actor, args.file)
        except ImportRejectedError as exc:
            io.err.write(f"newmedia-desk: import: {args.file}: {exc.message}; nothing changed\n")
            for problem in exc.errors:
                io.err.write(f"  {problem}\n")
            return 1
        if args.what == "publications":
            io.say(f"imported {len(publications)} publications from {args.file}")
            return 0
        io.say(f"imported {len(records)} accounts from {args.file}")
        for a in records:
            io.say(f"  {a.id}\t{a.platform_name}\t{a.name}\t{a.unit_name}")
        return 0


def _cmd_export(args: argparse.Namespace, factory: ContextFactory, io: _IO) -> int:
    from newmedia_desk.exports.forms import export_account_opening

    if args.what == "post-form":
        return _export_post_form(args, factory, io)
    if args.what == "ledger":
        return _export_ledger(args, factory, io)
    if args.what in ("moderation", "incidents"):
        return _export_interaction_ledger(args, factory, io)
    if args.what == "assessment":
        return _export_assessment(args, factory, io)
    if not args.account:
        raise UsageError("export account-form needs --account NAME_OR_ID")
    with closing(factory(args.db)) as ctx:
        account = ctx.accounts.find_account(None, args.account)
        form = ctx.accounts.opening_form(account.id)
        path = export_account_opening(form, args.out)
        io.say(f"account form of {account.name} ({account.platform_name}) written to {path}")
        return 0


def _export_post_form(args: argparse.Namespace, factory: ContextFactory, io: _IO) -> int:
    from newmedia_desk.domain.forms import audit_line
    from newmedia_desk.exports.post_forms import export_post_form

    if args.post is None:
        raise UsageError("export post-form needs --post ID")
    with closing(factory(args.db)) as ctx:
        record = ctx.posts.get(None, args.post)
        path = export_post_form(
            record,
            audit_head=audit_line(ctx.audit.head()),
            out=args.out,
            printed_at=ctx.clock.now(),
            routes=ctx.settings.post_routes(),
        )
        io.say(f"approval form of post {record.id} ({record.content.title}) written to {path}")
        return 0


def _export_ledger(args: argparse.Namespace, factory: ContextFactory, io: _IO) -> int:
    from datetime import date

    from newmedia_desk.domain.forms import audit_line
    from newmedia_desk.exports.ledger import export_ledger

    if not args.start or not args.end:
        raise UsageError("export ledger needs --from DATE and --to DATE (YYYY-MM-DD)")
    try:
        start, end = date.fromisoformat(args.start), date.fromisoformat(args.end)
    except ValueError as exc:
        raise UsageError(f"dates are written YYYY-MM-DD: {exc}") from None
    with closing(factory(args.db)) as ctx:
        rows = ctx.post_reports.ledger_rows(None, start, end)
        path = export_ledger(
            rows,
            start=start,
            end=end,
            out=args.out,
            audit_head=audit_line(ctx.audit.head()),
            printed_at=ctx.clock.now(),
        )
        io.say(f"ledger {start}–{end}: {len(rows)} publications written to {path}")
        return 0


def _export_interaction_ledger(args: argparse.Namespace, factory: ContextFactory, io: _IO) -> int:
    from datetime import date

    from newmedia_desk.domain.forms import audit_line
    from newmedia_desk.exports.interaction_ledgers import (
        export_incident_ledger,
        export_moderation_ledger,
    )

    if not args.start or not args.end:
        raise UsageError(f"export {args.what} needs --from DATE and --to DATE (YYYY-MM-DD)")
    try:
        start, end = date.fromisoformat(args.start), date.fromisoformat(args.end)
    except ValueError as exc:
        raise UsageError(f"dates are written YYYY-MM-DD: {exc}") from None
    if end < start:
        raise UsageError("--to is before --from")
    with closing(factory(args.db)) as ctx:
        head = audit_line(ctx.audit.head())
        now = ctx.clock.now()
        if args.what == "moderation":
            ledger = ctx.interaction.moderation_ledger(None, start, end)
            path = export_moderation_ledger(
                ledger.entries,
                ledger.feedback,
                start=start,
                end=end,
                out=args.out,
                audit_head=head,
                printed_at=now,
            )
            io.say(
                f"moderation ledger {start}–{end}: {len(ledger.entries)} entries and "
                f"{len(ledger.feedback)} feedback written to {path}"
            )
            return 0
        incidents = ctx.interaction.incident_ledger(None, start, end)
        path = export_incident_ledger(
            incidents, start=start, end=end, out=args.out, audit_head=head, printed_at=now
        )
        io.say(f"incident ledger {start}–{end}: {len(incidents)} incidents written to {path}")
        return 0


def _cell(value: object) -> str:
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    if isinstance(value, bool):
        return "active" if value else "inactive"
    return str(value)


def _cmd_backup(args: argparse.Namespace, factory: ContextFactory, io: _IO) -> int:
    with closing(factory(args.db)) as ctx:
        path, head = ctx.maintenance.backup(args.file)
        io.say(f"backup written to {path}; audit head {head.short if head else '(empty)'}")
        return 0


def _cmd_restore(args: argparse.Namespace, factory: ContextFactory, io: _IO) -> int:
    with closing(factory(args.db)) as ctx:
        actor = _sign_in(ctx, args, io) if ctx.directory.has_staff() else None
        report = ctx.maintenance.restore(actor, args.file)
        head = report.chain.head.short if report.chain.head else "(empty)"
        io.say(f"restored {ctx.db.describe()} from {args.file}; audit head {head}")
        return 0


def _cmd_audit_key(args: argparse.Namespace, factory: ContextFactory, io: _IO) -> int:
    from newmedia_desk.domain.errors import PermissionDeniedError
    from newmedia_desk.domain.roles import Role

    with closing(factory(args.db)) as ctx:
        if args.key_command == "export":
            actor = _sign_in(ctx, args, io)
            if Role.ADMIN not in actor.roles:
                raise PermissionDeniedError("only an administrator may export the audit key")
            text = ctx.maintenance.export_audit_key(actor)
            _write_private(args.file, text)
            io.say(f"audit key written to {args.file}; keep it like a password")
            return 0
        text = args.file.read_text(encoding="ascii")
        entries = ctx.maintenance.import_audit_key(text)
        io.say(f"audit key installed; it verifies all {entries} audit entries")
        return 0


def _write_private(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(text + "\n")


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _office_lexicons(value: str | None) -> tuple[Lexicon, ...] | None:
    """The office's lexicons when its database exists (never creates one), else ``None``."""
    from sqlalchemy.exc import SQLAlchemyError

    from newmedia_desk.domain.errors import StorageError
    from newmedia_desk.services.lexicons import office_lexicons
    from newmedia_desk.storage.database import Database
    from newmedia_desk.storage.location import resolve_db_url, sqlite_path

    url = resolve_db_url(value)
    if url.get_backend_name() == "sqlite":
        path = sqlite_path(url)
        if path is None or not path.is_file():
            return None
    db = Database(url)
    try:
        return office_lexicons(db)
    except (SQLAlchemyError, UnicodeDecodeError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise StorageError(
            f"cannot read the office's lexicons from {db.describe()}: {first} "
            "(--shipped checks with the shipped lexicons only)"
        ) from exc
    finally:
        db.dispose()


def _cmd_check(args: argparse.Namespace, factory: ContextFactory, io: _IO) -> int:
    """Read-only, no AppContext: the office's lexicons if its database exists, else shipped."""
    from newmedia_desk.domain.checker.check import check, default_lexicon
    from newmedia_desk.domain.checker.lexicon import LexiconError, load_lexicon

    try:
        path = None if args.file == "-" else Path(args.file)
        text = io.inp.read() if path is None else path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {args.file}: {exc}") from None
    try:
        extra = tuple(load_lexicon(Path(f)) for f in args.lexicon)
    except OSError as exc:
        raise UsageError(f"cannot read lexicon: {exc}") from None
    except LexiconError as exc:
        raise UsageError(f"bad lexicon: {exc.message}") from None
    office = None if args.shipped else _office_lexicons(args.db)
    base = (default_lexicon(),) if office is None else office
    result = check(text, title=args.title, platform=args.platform, lexicons=(*base, *extra))
    rows = []
    for f in result.findings:
        source = args.title if f.field == "title" else text
        line, col = _line_col(source, f.start)
        rows.append(
            {
                "field": f.field,
                "line": line,
                "column": col,
                "start": f.start,
                "end": f.end,
                "severity": f.severity.value,
                "category": f.category,
                "term": f.term,
                "text": source[f.start : f.end],
                "suggestion": f.suggestion,
                "rule": f.rule,
            }
        )
    if args.json:
        doc = {
            "blocks": result.blocks,
            "suggested_tier": result.suggested_tier.value,
            "lexicons": "shipped" if office is None else "office",
        }
        io.say(json.dumps({**doc, "findings": rows}, ensure_ascii=False, indent=2))
    else:
        for r in rows:
            where = f"{r['line']}:{r['column']}" + (" (title)" if r["field"] == "title" else "")
            hint = f" → {r['suggestion']}" if r["suggestion"] else ""
            io.say(f"{where}\t{r['severity']}\t{r['category']}\t{r['text']}{hint}")
        io.say(f"findings: {len(rows)}; suggested tier: {result.suggested_tier.value}")
    return 1 if result.blocks else 0


def _cmd_lexicon(args: argparse.Namespace, factory: ContextFactory, io: _IO) -> int:
    with closing(factory(args.db)) as ctx:
        if args.lexicon_command == "list":
            summaries = ctx.lexicons.list(None)
            if args.json:
                rows = [
                    {
                        "name": x.name,
                        "title": x.title,
                        "revision": x.revision,
                        "terms": x.term_count,
                        "shipped": x.shipped,
                        "changed_at": x.changed_at.isoformat() if x.changed_at else None,
                        "changed_by": x.changed_by,
                    }
                    for x in summaries
                ]
                io.say(json.dumps(rows, ensure_ascii=False, indent=2))
                return 0
            for x in summaries:
                cells = [x.name, x.title, f"r{x.revision}", f"{x.term_count} terms"]
                cells.append("shipped" if x.shipped else "office")
                if x.changed_at is not None:
                    cells.append(f"{x.changed_at:%Y-%m-%d %H:%M} UTC {x.changed_by or ''}".strip())
                io.say("\t".join(cells))
            return 0
        if args.lexicon_command == "export":
            text = ctx.lexicons.export_text(None, args.name)
            if args.out is None:
                io.out.write(text)
            else:
                _write_atomic(args.out, text.encode("utf-8"))
                io.say(f"lexicon {args.name} written to {args.out}")
            return 0
        return _lexicon_import(ctx, args, io)


def _lexicon_import(ctx: AppContext, args: argparse.Namespace, io: _IO) -> int:
    from newmedia_desk.domain.checker.lexicon import LexiconError

    actor = _sign_in(ctx, args, io)
    path: Path = args.file
    try:
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise LexiconError(f"not UTF-8 ({exc.reason})", source=path.name, line=line) from None
        _, before = ctx.lexicons.lexicon(actor, args.name)
        result = ctx.lexicons.import_text(
            actor, args.name, text, replace=args.replace, source=path.name, revision=before
        )
    except LexiconError as exc:
        io.err.write(f"newmedia-desk: lexicon import: {exc.message}; nothing changed\n")
        return 1
    counts = (
        f"added {result.added}, updated {result.updated}, removed {result.removed}, "
        f"unchanged {result.unchanged}"
    )
    if result.revision == before:
        io.say(f"lexicon {args.name} already holds these terms (revision {before}); {counts}")
    else:
        io.say(f"imported {path} into {args.name}: revision {result.revision}; {counts}")
    return 0


def _write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then move it into place."""
    import tempfile

    target = path.expanduser().resolve()
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def _report_cadence(args: argparse.Namespace, factory: ContextFactory, io: _IO) -> int:
    from datetime import date

    try:
        start, end = date.fromisoformat(args.start), date.fromisoformat(args.end)
    except ValueError as exc:
        raise UsageError(f"dates are written YYYY-MM-DD: {exc}") from None
    if end < start:
        raise UsageError("--to is before --from")
    with closing(factory(args.db)) as ctx:
        rows = [_cadence_row(r) for r in ctx.cadence.compliance(None, start, end)]
    if args.json:
        io.say(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    io.say(f"cadence {start}–{end}")
    columns = [
        "id", "platform", "name", "expected", "published", "on_time", "missed",
        "longest_gap_days", "days_since_last", "silence",
    ]  # fmt: skip
    io.say("\t".join(columns))
    for row in rows:
        shown = {**row, "platform": row["platform"] or row["target"]}
        io.say("\t".join("-" if shown[c] is None else _cell(shown[c]) for c in columns))
    return 0


def _cadence_row(r: AccountCompliance) -> dict[str, Any]:
    return {
        "target": r.target.value,
        "id": r.account_id,
        "platform": r.platform,
        "name": r.name,
        "column": r.column,
        "unit": r.unit_name,
        "rules": list(r.rule_texts),
        "flagged": r.flagged,
        "expected": r.expected,
        "published": r.published,
        "on_time": r.on_time,
        "missed": r.missed,
        "misses": [
            {"day": m.day.isoformat(), "rule": m.rule, "wanted": m.wanted, "got": m.got}
            for m in r.misses
        ],
        "longest_gap_days": r.longest_gap_days,
        "days_since_last": r.days_since_last,
        "last_published_at": r.last_published_at.isoformat() if r.last_published_at else None,
        "silence": r.silence.value,
        "warning_days": r.warning,
    }


def _report_assessment(args: argparse.Namespace, factory: ContextFactory, io: _IO) -> int:
    from newmedia_desk.domain.assessment import Month

    with closing(factory(args.db)) as ctx:
        month = Month.parse(args.month)
        results = ctx.assessment.month(None, month)
    rows = [_assessment_row(r) for r in results]
    if args.json:
        io.say(json.dumps({"month": str(month), "units": rows}, ensure_ascii=False, indent=2))
        return 0
    io.say(
        f"assessment {month}: {len(rows)} units (veto → 不合格; else 100 − deductions, <60 不合格)"
    )
    columns = [
        "unit", "score", "result", "published", "cadence_misses", "max_silent_days",
        "turnaround_hours", "rejections", "checker_blocks", "mismatches", "late_answers",
        "late_incident_steps", "rotation_overdue", "suggestion",
    ]  # fmt: skip
    io.say("\t".join(columns))
    for row in rows:
        io.say("\t".join("-" if row[c] is None else _cell(row[c]) for c in columns))
        for veto in row["vetoes"]:
            io.say(f"  单项否决: {veto}")
        for reason in row["reasons"]:
            io.say(f"  {row['suggestion']}: {reason}")
    return 0


def _assessment_row(r: UnitAssessment) -> dict[str, Any]:
    from newmedia_desk.domain.assessment import SUGGESTION_LABELS, reason_text, veto_text

    f = r.figures
    hours = f.turnaround_hours
    return {
        "unit_id": r.unit_id,
        "unit": r.unit_name,
        "month": str(f.month),
        "score": r.score,
        "qualified": r.qualified,
        "result": r.result_label,
        "vetoes": [veto_text(v) for v in r.vetoes],
        "published": f.published,
        "cadence_misses": f.cadence_misses,
        "max_silent_days": f.max_silent_days,
        "turnaround_hours": None if hours is None else round(hours, 2),
        "approvals": len(f.approval_hours),
        "rejections": f.rejections,
        "checker_blocks": f.checker_blocks,
        "mismatches": f.mismatches,
        "late_answers": f.late_answers,
        "late_incident_steps": f.late_incident_steps,
        "rotation_overdue": f.rotation_overdue,
        "deductions": {i.item.value: {"count": i.count, "points": i.points} for i in r.items},
        "suggestion": SUGGESTION_LABELS[r.suggestion],
        "reasons": [reason_text(x) for x in r.reasons],
        "accounts": [
            {
                "id": a.account_id,
                "name": a.name,
                "platform": a.platform,
                "published": a.published,
                "silent_days": a.silent_days,
                "silent_from": None if a.silent_from is None else a.silent_from.isoformat(),
                "has_rules": a.has_rules,
                "cadence_expected": a.cadence_expected,
                "cadence_misses": a.cadence_misses,
            }
            for a in f.accounts
        ],
    }


def _export_assessment(args: argparse.Namespace, factory: ContextFactory, io: _IO) -> int:
    from newmedia_desk.domain.assessment import Month
    from newmedia_desk.domain.forms import audit_line
    from newmedia_desk.exports.assessment import export_assessment

    if not args.month:
        raise UsageError("export assessment needs --month YYYY-MM")
    with closing(factory(args.db)) as ctx:
        month = Month.parse(args.month)
        results = ctx.assessment.month(None, month)
        path = export_assessment(
            results,
            month,
            args.out,
            rules=ctx.assessment.rules(),
            audit_head=audit_line(ctx.audit.head()),
            printed_at=ctx.clock.now(),
        )
        failed = sum(1 for r in results if not r.qualified)
        io.say(f"assessment {month}: {len(results)} units ({failed} 不合格) written to {path}")
        return 0


_REPORTS: dict[str, Callable[[argparse.Namespace, ContextFactory, _IO], int]] = {
    "cadence": _report_cadence,
    "assessment": _report_assessment,
}

_COMMANDS: dict[str, Callable[[argparse.Namespace, ContextFactory, _IO], int]] = {
    "init": _cmd_init,
    "demo": _cmd_demo,
    "verify": _cmd_verify,
    "list": _cmd_list,
    "backup": _cmd_backup,
    "restore": _cmd_restore,
    "import": _cmd_import,
    "export": _cmd_export,
    "audit-key": _cmd_audit_key,
    "check": _cmd_check,
    "lexicon": _cmd_lexicon,
    "report": lambda args, factory, io: _REPORTS[args.report_command](args, factory, io),
}
