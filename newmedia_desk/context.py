"""The application context: everything a window or command needs, built once at start-up."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from newmedia_desk.domain.clock import Clock, SystemClock
from newmedia_desk.domain.errors import StorageError
from newmedia_desk.domain.settings import DIRECT_ROUTE_ALLOWED, IMAGE_MAX_MB, IMAGE_MAX_SIDE
from newmedia_desk.paths import default_data_dir
from newmedia_desk.security.audit_key import AuditKeyStore
from newmedia_desk.security.passwords import PasswordHashing
from newmedia_desk.security.secrets import KeyringSecretStore, SecretStore
from newmedia_desk.services.accounts import AccountService, RogueService
from newmedia_desk.services.assessment import AssessmentService
from newmedia_desk.services.audit import AuditService
from newmedia_desk.services.auth import AuthService
from newmedia_desk.services.cadence import CadenceService
from newmedia_desk.services.credentials import CredentialService
from newmedia_desk.services.delegations import DelegationService
from newmedia_desk.services.directory import DirectoryService
from newmedia_desk.services.drafts import DraftService
from newmedia_desk.services.events import StaffEvents
from newmedia_desk.services.images import MB, ImageLimits, ImageStore
from newmedia_desk.services.interaction import InteractionService
from newmedia_desk.services.keys import KeyService
from newmedia_desk.services.lexicons import LexiconService
from newmedia_desk.services.library import LibraryService
from newmedia_desk.services.maintenance import MaintenanceService
from newmedia_desk.services.post_list import PostListService
from newmedia_desk.services.post_reports import PostReports
from newmedia_desk.services.posts import PostService
from newmedia_desk.services.settings import OfficeSettingsService
from newmedia_desk.storage.database import Database
from newmedia_desk.storage.location import resolve_db_url
from newmedia_desk.storage.migrate import MigrationResult, ensure_schema


@dataclass
class AppContext:
    """The services over one database. Passed down explicitly; there are no globals."""

    db: Database
    clock: Clock
    secrets: SecretStore
    hashing: PasswordHashing
    data_dir: Path
    audit: AuditService
    auth: AuthService
    directory: DirectoryService
    settings: OfficeSettingsService
    maintenance: MaintenanceService
    accounts: AccountService
    rogues: RogueService
    keys: KeyService
    credentials: CredentialService
    posts: PostService
    post_list: PostListService
    post_reports: PostReports
    delegations: DelegationService
    lexicons: LexiconService
    images: ImageStore
    drafts: DraftService
    library: LibraryService
    cadence: CadenceService
    interaction: InteractionService
    assessment: AssessmentService
    migration: MigrationResult | None = field(default=None)

    def close(self) -> None:
        """Release the database connections."""
        self.db.dispose()


def build_context(
    db: str | None = None,
    *,
    secrets: SecretStore | None = None,
    clock: Clock | None = None,
    hashing: PasswordHashing | None = None,
    data_dir: Path | None = None,
    migrate: bool = True,
) -> AppContext:
    """Open (and by default create or upgrade) the database and wire the services."""
    data = data_dir if data_dir is not None else default_data_dir()
    database = Database(resolve_db_url(db))
    try:
        result = ensure_schema(database) if migrate else None
    except (SQLAlchemyError, UnicodeDecodeError) as exc:
        # A damaged file can yield undecodable bytes even before SQLite notices.
        database.dispose()
        raise StorageError(f"cannot open the database {database.describe()}: {exc}") from exc
    clk = clock if clock is not None else SystemClock()
    store = secrets if secrets is not None else KeyringSecretStore()
    hasher = hashing if hashing is not None else PasswordHashing()
    keys = AuditKeyStore(store, fallback_dir=data)
    audit = AuditService(database, keys, clk, anchor_dir=data / "anchors")
    events = StaffEvents()
    personal_keys = KeyService(database, hasher.params, clk)
    directory = DirectoryService(database, hasher, audit, clk, personal_keys, events)
    settings = OfficeSettingsService(database, audit)
    credentials = CredentialService(database, store, personal_keys, audit, settings, clk, events)
    lexicons = LexiconService(database, audit, clk)
    return AppContext(
        db=database,
        clock=clk,
        secrets=store,
        hashing=hasher,
        data_dir=data,
        audit=audit,
        auth=AuthService(database, hasher, audit, clk, personal_keys, events),
        directory=directory,
        settings=settings,
        maintenance=MaintenanceService(database, hasher, audit, directory, keys, personal_keys),
        accounts=AccountService(database, audit, clk, settings, personal_keys),
        rogues=RogueService(database, audit, clk),
        keys=personal_keys,
        credentials=credentials,
        lexicons=lexicons,
        posts=PostService(
            database,
            audit,
            clk,
            personal_keys,
            lexicons.active,
            allow_direct=lambda: settings.get(DIRECT_ROUTE_ALLOWED) != 0,
            routes=settings.post_routes,
        ),
        post_list=PostListService(database),
        post_reports=PostReports(database, audit, clk),
        delegations=DelegationService(database, audit, clk, personal_keys),
        images=ImageStore(
            database,
            audit,
            clk,
            data,
            limits=lambda: ImageLimits(
                max_bytes=settings.get(IMAGE_MAX_MB) * MB,
                max_side=settings.get(IMAGE_MAX_SIDE),
            ),
        ),
        drafts=DraftService(database, clk),
        library=LibraryService(database, audit, clk),
        cadence=CadenceService(database, audit, clk, settings),
        interaction=InteractionService(database, audit, clk, settings),
        assessment=AssessmentService(database, clk, settings, lexicons=lexicons.active),
        migration=result,
    )
