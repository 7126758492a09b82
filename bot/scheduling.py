"""APScheduler wiring: ticks that wake the dispatchers; what is due always lives in the database.

The scheduler holds no job per officer and no state that must survive a restart: each tick is a
coroutine that reads due work from the database (indexed due-time columns) in its own unit of
work. APScheduler 3 cannot share a job store between processes, so several instances each tick
and rely on the database to hand every piece of work to one of them.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import UTC

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.logs import log_context
from bot.metrics import Metrics

log = logging.getLogger(__name__)

Tick = Callable[[], Awaitable[object]]


class Ticks:
    """Named coroutines run every N seconds, never two runs of one tick at once."""

    def __init__(self, metrics: Metrics) -> None:
        self._metrics = metrics
        self._scheduler = AsyncIOScheduler(timezone=UTC)
        self._ticks: dict[str, Tick] = {}
        self._running: set[asyncio.Task[object]] = set()
        self._busy: Counter[str] = Counter()  # runs in progress, per tick

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self._ticks)

    def every(self, name: str, seconds: float, tick: Tick) -> None:
        """Run tick every `seconds` from start(); a run still going when the next is due skips it."""
        self._ticks[name] = tick

        async def run() -> None:
            # A long run (an announcement going out) makes the next ones skip quietly: APScheduler would
            # log a warning for each with max_instances=1, twice a second for a whole announcement.
            if self._busy[name]:
                self._metrics.jobs.labels(name, "skipped").inc()
                return
            await self.run_now(name)

        self._scheduler.add_job(run, IntervalTrigger(seconds=seconds), id=name, name=name, max_instances=2,
                                coalesce=True, misfire_grace_time=None)

    async def run_now(self, name: str) -> None:
        """Run one tick at once (tests with a fixed clock, and the final flush at shutdown)."""
        task = asyncio.current_task()
        if task is not None:
            self._running.add(task)  # type: ignore[arg-type]
        self._busy[name] += 1
        try:
            with log_context(job=name):
                await self._ticks[name]()
        except Exception as error:  # a failing tick is logged and retried at its next run
            self._metrics.jobs.labels(name, "failed").inc()
            log.warning("tick %s failed: %s: %s", name, type(error).__name__, str(error).splitlines()[0][:200],
                        exc_info=log.isEnabledFor(logging.DEBUG))
        else:
            self._metrics.jobs.labels(name, "ok").inc()
        finally:
            self._busy[name] -= 1
            if task is not None:
                self._running.discard(task)  # type: ignore[arg-type]

    def start(self) -> None:
        self._scheduler.start()

    async def stop(self, timeout: float) -> None:
        """No new runs; wait up to timeout for the runs in progress, then stop."""
        if self._scheduler.running:
            self._scheduler.pause()
        current = asyncio.current_task()
        running = [task for task in self._running if task is not current and not task.done()]
        if running:
            await asyncio.wait(running, timeout=timeout)
        if self._scheduler.running:
            self._scheduler.shutdown(wait=False)
