"""The announcements tick: start due announcements, send their copies, end them and report to their authors."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from telegram.constants import ParseMode
from telegram.error import Forbidden, RetryAfter, TelegramError, TimedOut

from bot.context import LearnbotApplication
from bot.delivery import Lane, Withdrawn, lane_args
from bot.dispatch.pump import Turn, pump
from bot.services.claims import new_claim
from bot.services.deliveries import FAILED, SENT, UNCONFIRMED, UNREACHABLE, CopyJob, Report
from bot.views.announcements import report_text, send_announcement

log = logging.getLogger(__name__)


class AnnouncementDispatcher:
    def __init__(self, application: LearnbotApplication, stopping: Callable[[], bool]) -> None:
        self._services, self._bot, self._stopping = application.services, application.bot, stopping

    async def tick(self) -> None:
        services, deliveries = self._services, self._services.deliveries
        async with services.unit_of_work() as unit:
            await deliveries.start_due(unit.session, services.clock())
            await deliveries.expire_interrupted(unit.session, services.clock())
        await pump(self._claim, self._send, window=services.settings.delivery_window, stopping=self._stopping)
        async with services.unit_of_work() as unit:
            reports = await deliveries.finish(unit.session, services.clock())
        for report in reports:
            await self._report(report)

    async def _claim(self, limit: int) -> tuple[list[CopyJob], bool]:
        async with self._services.unit_of_work() as unit:
            return await self._services.deliveries.claim(unit.session, self._services.clock(), limit, new_claim())

    async def _send(self, job: CopyJob) -> None:
        services = self._services
        turn = Turn(services, services.deliveries.confirm, job, services.deliveries.unconfirm)
        outcome, error = SENT, None
        try:
            await send_announcement(self._bot, job.chat_id, job.announcement, services.i18n.translator(job.locale),
                                    rate_limit_args=turn.lane_args(Lane.ANNOUNCEMENT))
        except Withdrawn:
            return
        except Forbidden as failure:
            outcome, error = UNREACHABLE, failure.message
        except TimedOut:
            outcome, error = UNCONFIRMED, "timed out: may have arrived"
        except RetryAfter:
            outcome, error = FAILED, "rate limited by Telegram"
        except TelegramError as failure:
            outcome, error = FAILED, failure.message
        except asyncio.CancelledError:
            if not turn.confirmed:  # stopped before it left: due again at once after a restart
                async with services.unit_of_work() as unit:
                    await services.deliveries.release(unit.session, [job])
            raise
        if turn.confirmed:
            async with services.unit_of_work() as unit:
                await services.deliveries.settle(unit.session, job, outcome, error)

    async def _report(self, report: Report) -> None:
        i18n = self._services.i18n
        t = i18n.translator(i18n.negotiate(*report.author_locales))
        try:
            await self._bot.send_message(report.author_chat_id, t.block(report_text(report, t)),
                                         parse_mode=ParseMode.HTML, rate_limit_args=lane_args(Lane.ANNOUNCEMENT))
        except TelegramError as error:
            log.info("the report of announcement %d was not delivered: %s", report.announcement.id, type(error).__name__)
