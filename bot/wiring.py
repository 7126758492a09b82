"""Services and build_services: the domain wired once, usable from handlers, jobs, the CLI and the web alike.

Nothing here imports `telegram`: a scheduled job or a web request gets the same services as an
update, and opens its own unit of work (`async with services.unit_of_work() as unit`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.content import Catalogue, load_catalogue
from bot.daytime import parse_clock, parse_quiet_hours
from bot.i18n import I18n
from bot.metrics import Metrics
from bot.policy import access_rules, identifier_hasher, personnel_service
from bot.services.access import AccessService
from bot.services.announcements import AnnouncementService
from bot.services.audience import AudienceService
from bot.services.audit import AuditLog
from bot.services.certificates import CertificateService
from bot.services.clock import Clock, utc_now
from bot.services.cohorts import CohortService
from bot.services.console import ConsoleRules, ConsoleService
from bot.services.deliveries import DeliveryService
from bot.services.directory import OfficerDirectory
from bot.services.due_reminders import DueReminders
from bot.services.learning import LearningService
from bot.services.officers import OfficerService
from bot.services.overview import OverviewService
from bot.services.personal_data import PersonalDataService
from bot.services.personnel import PersonnelService
from bot.services.privacy import IdentifierHasher
from bot.services.progress import ProgressLog
from bot.services.quiz import QuizService
from bot.services.register import CertificateRegister
from bot.services.reminders import ReminderDefaults, ReminderService
from bot.services.review import ReviewService
from bot.services.roster import RosterService
from bot.services.stats import StatsService
from bot.services.study_digest import StudyDigest
from bot.settings import Settings
from bot.storage.database import UnitOfWork, count_statement, create_engine, unit_of_work
from bot.storage.tracking import tracked_sessions


@dataclass(frozen=True, slots=True)
class Services:
    """Everything build_services wires once; handlers, jobs, commands and web requests use it."""

    settings: Settings
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    catalogue: Catalogue
    i18n: I18n
    clock: Clock
    metrics: Metrics
    directory: OfficerDirectory
    hasher: IdentifierHasher
    audit: AuditLog
    officers: OfficerService
    access: AccessService
    personnel: PersonnelService
    personal_data: PersonalDataService
    learning: LearningService
    reviews: ReviewService
    certificates: CertificateService
    quiz: QuizService
    stats: StatsService
    console: ConsoleService
    overview: OverviewService
    roster: RosterService
    register: CertificateRegister
    cohorts: CohortService
    reminders: ReminderService
    due_reminders: DueReminders
    announcements: AnnouncementService
    deliveries: DeliveryService

    def unit_of_work(self) -> AbstractAsyncContextManager[UnitOfWork]:
        """One unit of work for a job, a command or a web request: committed on success."""
        return unit_of_work(self.sessions)


def build_services(settings: Settings, *, clock: Clock = utc_now, catalogue: Catalogue | None = None) -> Services:
    """Wire the domain; raises ContentError, LocaleError or SettingsError on bad input.

    catalogue: pass one to skip loading the content folder (tools that never show a lesson).
    """
    hasher = identifier_hasher(settings)  # SettingsError without a secret key
    catalogue = catalogue if catalogue is not None else load_catalogue(settings.content_dir)
    metrics = Metrics()
    directory = OfficerDirectory(settings.officer_cache_size)
    engine = create_engine(settings.database_url, pool_size=settings.database_pool_size,
                           max_overflow=max(0, settings.max_concurrent_updates - settings.database_pool_size),
                           on_statement=lambda: (metrics.sql_statements.inc(), count_statement()))
    audit = AuditLog(clock)
    reviews = ReviewService()
    certificates = CertificateService(clock, audit, hasher)
    access = AccessService(hasher, audit, clock, settings.admin_ids, access_rules(settings))
    register = CertificateRegister()
    i18n = I18n(settings.locales_dir, settings.default_locale)
    cohorts = CohortService(clock, audit)
    lease = timedelta(seconds=settings.delivery_lease_seconds)
    audience = AudienceService(catalogue, i18n.negotiate, settings.verification_days)
    digest = StudyDigest(catalogue, reviews, cohorts)
    reminder_defaults = ReminderDefaults(parse_clock(settings.reminder_time) or 0,
                                         parse_quiet_hours(settings.reminder_quiet_hours))
    return Services(
        settings=settings,
        engine=engine,
        sessions=tracked_sessions(engine, directory.forget),
        catalogue=catalogue,
        i18n=i18n,
        clock=clock,
        metrics=metrics,
        directory=directory,
        hasher=hasher,
        audit=audit,
        officers=OfficerService(clock, directory),
        access=access,
        personnel=personnel_service(settings, clock),
        personal_data=PersonalDataService(hasher, audit),
        learning=LearningService(catalogue, clock, ProgressLog()),
        reviews=reviews,
        certificates=certificates,
        quiz=QuizService(catalogue, clock, reviews, certificates),
        stats=StatsService(catalogue),
        console=ConsoleService(settings.key_ring()[0], access, audit, clock,
                               ConsoleRules(settings.console_link_minutes, settings.console_idle_hours)),
        overview=OverviewService(catalogue, clock),
        roster=RosterService(catalogue, access, register),
        register=register,
        cohorts=cohorts,
        reminders=ReminderService(clock, digest, reminder_defaults),
        due_reminders=DueReminders(clock, digest, access, lease),
        announcements=AnnouncementService(clock, audit, audience, access, settings.announcement_approval_above,
                                          settings.admin_ids),
        deliveries=DeliveryService(clock, audience, lease),
    )


@asynccontextmanager
async def open_services(settings: Settings, **options: object) -> AsyncIterator[Services]:
    """build_services for a command: the database pool is closed at the end."""
    services = build_services(settings, **options)  # type: ignore[arg-type]
    try:
        yield services
    finally:
        await services.engine.dispose()
