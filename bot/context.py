"""The Telegram edge of the runtime: the Application with one unit of work per update, and the typed context."""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from collections.abc import Awaitable, Hashable
from typing import Any

from cachetools import LRUCache
from sqlmodel.ext.asyncio.session import AsyncSession
from telegram import Update
from telegram.ext import Application, BaseUpdateProcessor, CallbackContext, ExtBot

from bot.content import Catalogue
from bot.i18n import I18n, Translator
from bot.logs import log_context
from bot.settings import Settings
from bot.storage.database import UnitOfWork, current_unit
from bot.storage.models import Officer
from bot.wiring import Services

__all__ = ["CustomContext", "LearnbotApplication", "PerPersonUpdateProcessor", "Services"]

log = logging.getLogger(__name__)


class PerPersonUpdateProcessor(BaseUpdateProcessor):
    """Updates of different people run concurrently; those of one person run in order.

    An officer double-tapping Next must not have two card views race each other, and one person's
    cached rows are used by one update at a time. Poll answers carry no chat: keyed by the person,
    they queue with the private chat (whose id is the person's).
    """

    def __init__(self, max_concurrent_updates: int = 64) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._waiting: Counter[int] = Counter()

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        user = update.effective_user if isinstance(update, Update) else None
        chat = update.effective_chat if isinstance(update, Update) else None
        key = user.id if user else chat.id if chat else 0
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


class LearnbotApplication(Application):  # type: ignore[type-arg]
    """PTB's Application with one unit of work per update (committed before every reply leaves)."""

    def __init__(self, *, services: Services, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.services = services
        # Views that depend on nothing but the content and the language (a card and its buttons),
        # rendered once: the content does not change while the bot runs.
        self.views: LRUCache[Hashable, Any] = LRUCache(maxsize=4096)
        self.backlog = 0  # updates accepted by the webhook and not yet processed
        self._in_flight = 0
        self._idle = asyncio.Event()
        self._idle.set()

    async def process_update(self, update: object) -> None:
        metrics = self.services.metrics
        metrics.updates.labels(_update_type(update)).inc()
        started = time.perf_counter()
        unit = UnitOfWork(self.services.sessions)
        token = current_unit.set(unit)
        self._in_flight += 1
        self._idle.clear()
        try:
            with log_context(update_id=getattr(update, "update_id", None), officer=self._officer_ref(update)) as scope:
                await super().process_update(update)
                log.debug("update processed", extra={"duration_ms": scope.elapsed_ms})
        finally:
            current_unit.reset(token)
            try:
                await unit.finish()
            finally:
                metrics.update_seconds.observe(time.perf_counter() - started)
                metrics.update_sql.observe(unit.statements)
                if unit.failed:
                    metrics.update_errors.inc()
                self.backlog = max(0, self.backlog - 1)
                self._in_flight -= 1
                if not self._in_flight:
                    self._idle.set()

    def accept(self, update: Update) -> None:
        """An update from the webhook: queued now, counted in the backlog until processed."""
        self.backlog += 1
        self.update_queue.put_nowait(update)

    def _officer_ref(self, update: object) -> str | None:
        """Who an update is from, for the logs: a short keyed hash, never the Telegram id or a name."""
        user = update.effective_user if isinstance(update, Update) else None
        return self.services.hasher.telegram_account(user.id)[:12] if user is not None else None

    @property
    def in_flight(self) -> int:
        return self._in_flight

    async def wait_idle(self) -> None:
        """Until every fetched update is processed and committed."""
        while not self.update_queue.empty() or not self._idle.is_set():
            await self._idle.wait()
            await asyncio.sleep(0)


def _update_type(update: object) -> str:
    if isinstance(update, Update):
        for name in Update.ALL_TYPES:
            if getattr(update, name, None) is not None:
                return name
    return "other"


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
        unit = current_unit.get()
        if unit is None:
            raise RuntimeError("no unit of work: database access outside an update, job or request")
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
