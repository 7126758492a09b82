"""The reminders tick: enrol officers verified before reminders existed, plan review nudges, send what is due."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from telegram.constants import ParseMode
from telegram.error import TelegramError

from bot.context import LearnbotApplication
from bot.delivery import Lane, Withdrawn
from bot.dispatch.pump import Turn, pump
from bot.services.claims import new_claim
from bot.services.due_reminders import ReminderJob
from bot.views.reminders import reminder_keyboard, reminder_text

log = logging.getLogger(__name__)
# Digests cost a few queries each: claim fewer at a time than announcement copies.
CLAIM_LIMIT = 20


class ReminderDispatcher:
    def __init__(self, application: LearnbotApplication, stopping: Callable[[], bool]) -> None:
        self._services, self._bot, self._stopping = application.services, application.bot, stopping
        self._enrolled = False

    async def tick(self) -> None:
        services = self._services
        if not self._enrolled:
            while True:
                async with services.unit_of_work() as unit:
                    if await services.reminders.enrol_verified(unit.session) == 0:
                        break
            self._enrolled = True
        async with services.unit_of_work() as unit:
            await services.due_reminders.schedule_nudges(unit.session, services.clock())
        window = min(services.settings.delivery_window, CLAIM_LIMIT * 2)
        await pump(self._claim_daily, self._send, window=window, stopping=self._stopping)
        await pump(self._claim_nudges, self._send, window=window, stopping=self._stopping)

    async def _claim_daily(self, limit: int) -> tuple[list[ReminderJob], bool]:
        async with self._services.unit_of_work() as unit:
            return await self._services.due_reminders.claim_due(unit.session, self._services.clock(),
                                                            min(limit, CLAIM_LIMIT), new_claim())

    async def _claim_nudges(self, limit: int) -> tuple[list[ReminderJob], bool]:
        async with self._services.unit_of_work() as unit:
            return await self._services.due_reminders.claim_nudges(unit.session, self._services.clock(),
                                                               min(limit, CLAIM_LIMIT))

    async def _send(self, job: ReminderJob) -> None:
        services = self._services
        t = services.i18n.translator(services.i18n.negotiate(*job.locales))
        turn = Turn(services, services.due_reminders.confirm, job)
        try:
            await self._bot.send_message(job.chat_id, t.block(reminder_text(job, t, services.catalogue)),
                                         parse_mode=ParseMode.HTML, reply_markup=reminder_keyboard(job, t),
                                         rate_limit_args=turn.lane_args(Lane.REMINDER))
        except Withdrawn:
            return
        except TelegramError as error:  # 403s are marked unreachable by the governor; no reminder is sent twice
            log.info("a %s reminder was not delivered: %s", job.kind, type(error).__name__)
        except asyncio.CancelledError:
            if not turn.confirmed:  # stopped before it left: due again at once after a restart
                async with services.unit_of_work() as unit:
                    await services.due_reminders.release(unit.session, [job])
            raise
