"""build_application: the one place that wires PTB, storage, i18n, content and handlers."""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager
from typing import Any

from telegram import Update
from telegram.ext import ApplicationBuilder, BaseUpdateProcessor, ContextTypes, TypeHandler

from bot.commands import publish_commands
from bot.content import load_catalogue
from bot.context import CustomContext, LearnbotApplication, Services
from bot.handlers import (
    certificates,
    errors,
    fallback,
    language,
    lessons,
    manager,
    menu,
    privacy,
    quiz,
    stats,
    verification,
)
from bot.handlers.common import identify_officer
from bot.i18n import I18n
from bot.policy import access_rules, identifier_hasher, personnel_service
from bot.services.access import AccessService
from bot.services.audit import AuditLog
from bot.services.certificates import CertificateService
from bot.services.clock import Clock, utc_now
from bot.services.learning import LearningService
from bot.services.officers import OfficerService
from bot.services.personal_data import PersonalDataService
from bot.services.quiz import QuizService
from bot.services.review import ReviewService
from bot.services.stats import StatsService
from bot.settings import Settings
from bot.storage.database import create_engine, session_factory, upgrade_database

log = logging.getLogger(__name__)


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Updates of different chats run concurrently; those of one chat run in order.

    An officer double-tapping Next must not have two card views race each other.
    """

    def __init__(self, max_concurrent_updates: int = 64) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._waiting: Counter[int] = Counter()

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat = update.effective_chat if isinstance(update, Update) else None
        user = update.effective_user if isinstance(update, Update) else None
        # Poll answers carry no chat; a private chat's id is its user's id, so they queue with it.
        key = chat.id if chat else user.id if user else 0
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._waiting[key] += 1
        try:
            async with lock:
                await coroutine
        finally:
            self._waiting[key] -= 1
            if not self._waiting[key]:
                del self._waiting[key], self._locks[key]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""


def build_application(settings: Settings, *, clock: Clock = utc_now) -> LearnbotApplication:
    """A ready Application; raises ContentError, LocaleError or SettingsError on bad input."""
    settings.require_runtime_secrets()
    assert settings.token is not None
    services = build_services(settings, clock=clock)
    application: LearnbotApplication = (
        ApplicationBuilder()
        .token(settings.token.get_secret_value())
        .base_url(settings.api_base_url)
        .base_file_url(settings.api_base_file_url)
        .application_class(LearnbotApplication, kwargs={"services": services})
        .context_types(ContextTypes(context=CustomContext))
        .concurrent_updates(PerChatUpdateProcessor())
        .post_init(prepare)
        .post_shutdown(release)
        .build()
    )
    register_handlers(application)
    return application


def build_services(settings: Settings, *, clock: Clock = utc_now) -> Services:
    """The domain services, shared by the bot and the command-line tools."""
    hasher = identifier_hasher(settings)
    catalogue = load_catalogue(settings.content_dir)
    engine = create_engine(settings.database_url)
    audit = AuditLog(clock)
    rules = access_rules(settings)
    reviews = ReviewService()
    certificates = CertificateService(clock, audit, hasher)
    return Services(
        settings=settings,
        engine=engine,
        sessions=session_factory(engine),
        catalogue=catalogue,
        i18n=I18n(settings.locales_dir, settings.default_locale),
        clock=clock,
        hasher=hasher,
        audit=audit,
        officers=OfficerService(clock),
        access=AccessService(hasher, audit, clock, settings.admin_ids, rules),
        personnel=personnel_service(settings, clock),
        personal_data=PersonalDataService(hasher, audit),
        learning=LearningService(catalogue, clock),
        reviews=reviews,
        certificates=certificates,
        quiz=QuizService(catalogue, clock, reviews, certificates),
        stats=StatsService(catalogue),
    )


def register_handlers(application: LearnbotApplication) -> None:
    """Every handler, in order. Note: order matters, the first matching handler of a group wins."""
    # Group -1 runs before everything: know who is asking (and register them) for every update.
    application.add_handler(TypeHandler(Update, identify_officer), group=-1)
    # Group 0: features first, each owning its commands and callback prefixes.
    application.add_handlers(menu.build_handlers())
    application.add_handlers(language.build_handlers())
    # Before lessons and the fallback: contacts and invite-code-shaped text are verification.
    application.add_handlers(verification.build_handlers())
    application.add_handlers(lessons.build_handlers())
    application.add_handlers(quiz.build_handlers())
    application.add_handlers(certificates.build_handlers())
    application.add_handlers(privacy.build_handlers())
    application.add_handlers(stats.build_handlers())
    # Managers' document handler must come before the fallback's "unsupported media".
    application.add_handlers(manager.build_handlers())
    # Last: whatever no feature took (unknown commands, text, media, edits, forged buttons).
    application.add_handlers(fallback.build_handlers())
    application.add_error_handler(errors.handle_error)  # type: ignore[arg-type]


async def prepare(application: LearnbotApplication) -> None:  # type: ignore[type-arg]
    """Before the first update: bring the schema up to date and publish the command menus."""
    services = application.services
    await upgrade_database(services.engine)
    await publish_commands(application, services.i18n)


async def release(application: LearnbotApplication) -> None:  # type: ignore[type-arg]
    """After the last update: close the database pool."""
    await application.services.engine.dispose()


@asynccontextmanager
async def running(application: LearnbotApplication, *, polling_timeout: int = 10) -> AsyncIterator[LearnbotApplication]:
    """Run the bot with long polling inside an existing event loop (tests, demo, benchmarks)."""
    await application.initialize()
    try:
        await prepare(application)
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0.0, timeout=polling_timeout)
        try:
            yield application
        finally:
            await application.updater.stop()
            await application.stop()
    finally:
        await application.shutdown()
        await release(application)
