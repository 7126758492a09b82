"""One start and one stop for polling, webhook, the demo, tests and benchmarks.

start: the database (reachable, migrated under a lock), the Bot API (token accepted), command
menus, the application, the web server, intake (long polling or the webhook), then the ticks.
stop (SIGTERM, Ctrl-C, the end of a test): no new updates, the ones in flight and queued finish
(bounded by drain_seconds), ticks end, held-back progress is written, everything is released.
A database or Bot API that cannot be reached is retried with back-off for startup_retry_seconds,
then start fails with one line naming the problem and the setting (StartupError).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any, TypeVar

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from telegram import Update
from telegram.error import BadRequest, InvalidToken, NetworkError

from bot.commands import publish_commands
from bot.context import LearnbotApplication
from bot.dispatch import schedule_dispatchers
from bot.logs import ErrorReporter
from bot.scheduling import Ticks
from bot.storage.database import ping, shipped_head, upgrade_database
from bot.web import WebServer

log = logging.getLogger(__name__)
T = TypeVar("T")
_DATABASE_DOWN = (OSError, DBAPIError, TimeoutError)


class StartupError(Exception):
    """The bot cannot start; the message is one line naming the problem and the setting."""


class Runtime:
    """A LearnbotApplication's running life: see the module docstring for the order of things."""

    def __init__(self, application: LearnbotApplication, *, polling_timeout: int | None = None,
                 reporter: ErrorReporter | None = None) -> None:
        self.application = application
        application.runtime = self  # type: ignore[attr-defined]  # the console's /console link needs the web address
        self._reporter = reporter
        self.services = application.services
        settings = self.services.settings
        self._polling_timeout = settings.polling_timeout if polling_timeout is None else polling_timeout
        self._webhook = settings.webhook_url is not None
        self.ticks = Ticks(self.services.metrics)
        self.web = WebServer(application, self.readiness) if self._webhook or settings.web_port is not None else None
        self._head: str | None = None
        self._started = False
        self._stopping = False

    async def start(self) -> None:
        settings = self.services.settings
        await self._until_reachable("the database", "LEARNBOT_DATABASE_URL",
                                    make_url(settings.database_url).render_as_string(hide_password=True), self._migrate)
        await self._until_reachable("the Bot API", "LEARNBOT_API_BASE_URL", settings.api_base_url,
                                    self.application.initialize)
        if self.services.engine.url.get_backend_name() == "sqlite":
            log.info("SQLite database: one instance of the bot at a time (use PostgreSQL for several)")
        await publish_commands(self.application, self.services.i18n)
        self._schedule_housekeeping()
        await self.application.start()
        if self.web is not None:
            await self.web.start()
        if self._webhook:
            assert settings.webhook_url is not None and settings.webhook_secret is not None
            await self.application.bot.set_webhook(settings.webhook_url, allowed_updates=Update.ALL_TYPES,
                                                   secret_token=settings.webhook_secret.get_secret_value())
            log.info("receiving updates by webhook at %s", settings.webhook_url)
        else:
            assert self.application.updater is not None
            await self.application.updater.start_polling(poll_interval=0.0, timeout=self._polling_timeout,
                                                         allowed_updates=Update.ALL_TYPES)
            log.info("receiving updates by long polling")
        self.ticks.start()
        if self._reporter is not None:
            self._reporter.install(self._report_error)
        self._started = True

    async def stop(self) -> None:
        """Drain, then release everything; safe to call after a failed start."""
        self._stopping = True
        settings = self.services.settings
        if self._reporter is not None:
            self._reporter.uninstall()
        if self.web is not None:
            self.web.accepting = False
        updater = self.application.updater
        if updater is not None and updater.running:
            await updater.stop()
        if self.application.running:
            try:
                await asyncio.wait_for(self.application.stop(), timeout=settings.drain_seconds)
            except TimeoutError:
                log.warning("stopping: updates still running after %.0f s were cancelled", settings.drain_seconds)
        await self.ticks.stop(timeout=settings.drain_seconds)
        with contextlib.suppress(*_DATABASE_DOWN):
            await self.flush_progress()
        if self.application._initialized:  # noqa: SLF001 (PTB has no public flag)
            await self.application.shutdown()
        if self.web is not None:
            await self.web.stop()
        await self.services.engine.dispose()

    async def _report_error(self, text: str) -> None:
        """An error report (no personal data: see bot.logs.ErrorReporter) to each administrators' chat."""
        for chat_id in self.services.settings.error_report_chat_ids:
            await self.application.bot.send_message(chat_id, text)

    async def flush_progress(self) -> None:
        async with self.services.unit_of_work() as unit:
            await self.services.learning.flush(unit.session)

    async def purge_stale_uploads(self) -> None:
        """Managers' list uploads nobody confirmed within personnel_upload_hours are deleted."""
        async with self.services.unit_of_work() as unit:
            await self.services.personnel.purge_stale_uploads(unit.session, self.services.clock())

    async def follow_other_instances(self) -> None:
        async with self.services.unit_of_work() as unit:
            await self.services.directory.follow(unit.session)

    async def readiness(self) -> tuple[bool, dict[str, Any]]:
        """/readyz: the database answers, its schema is the one this code expects, content is loaded."""
        checks: dict[str, Any] = {"content": f"{len(self.services.catalogue.courses)} courses"}
        ready = self._started and not self._stopping and bool(self.services.catalogue.courses)
        try:
            await ping(self.services.engine)
            async with self.services.engine.connect() as connection:
                revision = (await connection.execute(text("SELECT version_num FROM alembic_version"))).scalar()
        except (TimeoutError, *_DATABASE_DOWN) as error:
            checks["database"] = f"unreachable ({type(error).__name__})"
            return False, checks
        checks["database"] = "ok"
        checks["schema"] = "at head" if revision == self._head else f"at {revision}, expected {self._head}"
        if self._stopping:
            checks["state"] = "stopping"
        return ready and revision == self._head, checks

    def _schedule_housekeeping(self) -> None:
        settings = self.services.settings
        self.ticks.every("progress-flush", settings.progress_flush_seconds, self.flush_progress)
        self.ticks.every("follow-instances", settings.cache_follow_seconds, self.follow_other_instances)
        self.ticks.every("purge-uploads", 3600, self.purge_stale_uploads)
        # Reminders and announcements: what is due is read from the database at every tick.
        schedule_dispatchers(self.ticks, self.application, lambda: self._stopping)

    async def _migrate(self) -> None:
        await upgrade_database(self.services.engine)
        self._head = shipped_head()

    async def _until_reachable(self, what: str, setting: str, where: str, step: Callable[[], Awaitable[T]]) -> T:
        deadline = time.monotonic() + self.services.settings.startup_retry_seconds
        delay = 0.5
        while True:
            try:
                return await step()
            except InvalidToken as error:
                raise StartupError(f"the Bot API rejected the token (LEARNBOT_TOKEN): {error.message}") from None
            except (*_DATABASE_DOWN, NetworkError) as error:
                if isinstance(error, BadRequest):
                    raise
                reason = _reason(error)
                if time.monotonic() + delay > deadline:
                    raise StartupError(f"cannot reach {what} at {where} ({setting}): {reason}") from None
                log.warning("cannot reach %s at %s (%s): %s; trying again in %.1f s", what, where, setting, reason, delay,
                            exc_info=log.isEnabledFor(logging.DEBUG))
                await asyncio.sleep(delay)
                delay = min(delay * 2, 10.0)


def _reason(error: BaseException) -> str:
    original = getattr(error, "orig", None) or error
    first_line = (str(original).strip().splitlines() or [""])[0][:200]
    return f"{type(original).__name__}: {first_line}" if first_line else type(original).__name__


@asynccontextmanager
async def running(application: LearnbotApplication, *, polling_timeout: int = 10) -> AsyncIterator[LearnbotApplication]:
    """Run the bot inside an existing event loop (tests, the demo, benchmarks); stops on leaving."""
    runtime = Runtime(application, polling_timeout=polling_timeout)
    try:
        await runtime.start()
        yield application
    finally:
        await runtime.stop()


async def serve(application: LearnbotApplication, reporter: ErrorReporter | None = None) -> int:
    """`learnbot run`: start, serve until SIGTERM or SIGINT, drain and stop; the exit status."""
    runtime = Runtime(application, reporter=reporter)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    try:
        await runtime.start()
    except StartupError as error:
        print(f"learnbot: {error}", file=sys.stderr)
        await runtime.stop()
        return 1
    log.info("learnbot is running")
    await stop.wait()
    log.info("stopping: finishing the updates in flight")
    await runtime.stop()
    return 0
