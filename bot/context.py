"""CustomContext: typed access to settings, services and the per-update unit of work."""

from __future__ import annotations

import asyncio
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession
from telegram.ext import Application, CallbackContext, ExtBot

from bot.content import Catalogue
from bot.i18n import I18n, Translator
from bot.services.access import AccessService
from bot.services.audit import AuditLog
from bot.services.certificates import CertificateService
from bot.services.clock import Clock
from bot.services.learning import LearningService
from bot.services.officers import OfficerService
from bot.services.personal_data import PersonalDataService
from bot.services.personnel import PersonnelService
from bot.services.privacy import IdentifierHasher
from bot.services.quiz import QuizService
from bot.services.review import ReviewService
from bot.services.stats import StatsService
from bot.settings import Settings
from bot.storage.database import UnitOfWork
from bot.storage.models import Officer

# The unit of work of the update being processed; set by LearnbotApplication.process_update.
current_unit_of_work: ContextVar[UnitOfWork | None] = ContextVar("current_unit_of_work", default=None)


@dataclass(frozen=True, slots=True)
class Services:
    """Everything build_application wires once and handlers use."""

    settings: Settings
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    catalogue: Catalogue
    i18n: I18n
    clock: Clock
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


class LearnbotApplication(Application):  # type: ignore[type-arg]
    """PTB's Application with one database session per update, committed once."""

    def __init__(self, *, services: Services, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.services = services
        self._in_flight = 0
        self._idle = asyncio.Event()
        self._idle.set()

    async def process_update(self, update: object) -> None:
        unit = UnitOfWork(self.services.sessions)
        token = current_unit_of_work.set(unit)
        self._in_flight += 1
        self._idle.clear()
        try:
            await super().process_update(update)
        finally:
            current_unit_of_work.reset(token)
            try:
                await unit.finish()
            finally:
                self._in_flight -= 1
                if not self._in_flight:
                    self._idle.set()

    async def wait_idle(self) -> None:
        """Until every fetched update is processed and committed (replies precede the commit)."""
        while not self.update_queue.empty() or not self._idle.is_set():
            await self._idle.wait()
            await asyncio.sleep(0)


class CustomContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """The context every handler receives."""

    def __init__(self, application: LearnbotApplication, chat_id: int | None = None, user_id: int | None = None):
        super().__init__(application=application, chat_id=chat_id, user_id=user_id)
        self.officer: Officer | None = None

    @property
    def services(self) -> Services:
        return self.application.services  # type: ignore[attr-defined, no-any-return]

    @property
    def settings(self) -> Settings:
        return self.services.settings

    @property
    def catalogue(self) -> Catalogue:
        return self.services.catalogue

    @property
    def i18n(self) -> I18n:
        return self.services.i18n

    @property
    def unit_of_work(self) -> UnitOfWork:
        unit = current_unit_of_work.get()
        if unit is None:
            raise RuntimeError("no unit of work: database access outside an update")
        return unit

    @property
    def db(self) -> AsyncSession:
        return self.unit_of_work.session

    @property
    def locale(self) -> str:
        officer = self.officer
        return self.i18n.negotiate(officer.chosen_locale, officer.telegram_locale) if officer else self.i18n.default_locale

    @property
    def t(self) -> Translator:
        return self.i18n.translator(self.locale)
