"""Keep a window of bulk sends going: claim more as earlier ones finish, so the governor is never idle."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from bot.delivery import Lane, lane_args
from bot.wiring import Services

log = logging.getLogger(__name__)
Job = TypeVar("Job")
# Claims `limit` jobs: the ones to send, and whether more may be waiting.
Claim = Callable[[int], Awaitable[tuple[list[Job], bool]]]


async def pump(claim: Claim[Job], send: Callable[[Job], Awaitable[None]], *, window: int,
               stopping: Callable[[], bool]) -> int:
    """Send everything due, at most `window` at a time; returns how many were sent or tried."""
    running: set[asyncio.Task[None]] = set()
    started, more = 0, True
    try:
        while True:
            if more and not stopping() and len(running) <= window // 2:
                jobs, more = await claim(window - len(running))
                running |= {asyncio.create_task(send(job)) for job in jobs}
                started += len(jobs)
                if not jobs and more:
                    continue
            if not running:
                return started
            finished, running = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
            for task in finished:
                if (error := task.exception()) is not None:
                    log.warning("a bulk send failed: %s: %s", type(error).__name__,
                                (str(error).splitlines() or [""])[0][:200], exc_info=log.isEnabledFor(logging.DEBUG))
    finally:
        if running:
            await asyncio.gather(*running, return_exceptions=True)


class Turn:
    """A bulk send's hooks in the governor, each in its own unit of work: confirmed (once) as it leaves,
    and given back when Telegram answered 429 (it did not leave; a crash while waiting must not lose it)."""

    def __init__(self, services: Services, confirm: Callable[..., Awaitable[bool]], job: object,
                 unconfirm: Callable[..., Awaitable[object]] | None = None) -> None:
        self._services, self._confirm, self._unconfirm, self._job = services, confirm, unconfirm, job
        self.confirmed = False

    async def leaving(self) -> bool:
        if not self.confirmed:
            async with self._services.unit_of_work() as unit:
                self.confirmed = await self._confirm(unit.session, self._job)
        return self.confirmed

    async def refused(self) -> None:
        if self.confirmed and self._unconfirm is not None:
            async with self._services.unit_of_work() as unit:
                await self._unconfirm(unit.session, self._job)
            self.confirmed = False

    def lane_args(self, lane: Lane) -> dict[str, Any]:
        return lane_args(lane, self.leaving, self.refused)
