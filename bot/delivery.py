"""The delivery governor: every outgoing Bot API call passes here, in lanes, within Telegram's limits.

PTB hands every request (except getUpdates) to the application's rate limiter; this one:
- commits the current unit of work first, so no transaction stays open across a network call and
  a message that fails to send cannot undo what the update decided;
- lets replies to an officer's own action go at once: they are never queued behind bulk sends,
  and they use up the bot's per-second budget, so reminders and announcements get what is left;
- paces the bulk lanes (reminders, announcements) to Telegram's limits, evenly spaced (never in bursts):
  per private chat, per group per minute and for the whole bot, with a bound on requests in flight;
- on 429 waits exactly `retry_after` (for that chat; for a bulk lane, for the whole lane too) and
  sends again; on a 5xx, a timeout or a dropped connection retries with bounded exponential
  back-off; on 403 marks the officer unreachable and gives up; treats "message is not modified"
  as done.
PTB's own AIORateLimiter pauses every chat of the bot when one request gets a 429; a reply to an
officer must not wait because an announcement hit the limit, hence this design.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
import time
import warnings
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from aiolimiter import AsyncLimiter
from cachetools import TTLCache
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter
from telegram.ext import BaseRateLimiter
from telegram.warnings import PTBDeprecationWarning

from bot.metrics import Metrics
from bot.settings import Settings

log = logging.getLogger(__name__)

# Calls that put or change a message in a chat: what Telegram's flood limits count.
_MESSAGE_PREFIXES = ("send", "edit", "copy", "forward", "stop")
NOT_MODIFIED = "message is not modified"
# Telegram always lets a request through after its retry_after; a server that never does is broken.
MAX_RATE_LIMITED = 10
# Messages per second the bulk lanes leave to replies, so that a reply never tips the bot over its limit,
# and to what crowds sends together: a late wake-up forgiven (see BulkPacer) and network jitter. Any
# rate under 29/s fits at most 29 evenly spaced sends in a second; the reply that may slip in before the
# next bulk send is pushed back (BulkPacer.take) makes 30.
REPLY_RESERVE = 1.2


class Lane(enum.StrEnum):
    REPLY = "reply"
    REMINDER = "reminder"
    ANNOUNCEMENT = "announcement"

    @property
    def bulk(self) -> bool:
        return self is not Lane.REPLY


class Withdrawn(Exception):
    """A bulk send whose on_turn said no: it was cancelled, or someone else owns it now. Nothing was sent."""


def lane_args(lane: Lane, on_turn: Callable[[], Awaitable[bool]] | None = None,
              on_refused: Callable[[], Awaitable[None]] | None = None) -> dict[str, Any]:
    """What a bulk sender passes as `rate_limit_args=` to a bot method.

    on_turn runs once the send's turn has come, right before each attempt leaves (after any wait):
    the sender records there, durably, that the message is leaving; False withdraws it (Withdrawn).
    on_refused runs when Telegram answered 429, before waiting: that message did not leave.
    """
    return {"lane": lane.value, "on_turn": on_turn, "on_refused": on_refused}


@dataclass(frozen=True, slots=True)
class DeliveryLimits:
    """Telegram's limits and the retry policy, from settings."""

    global_per_second: float = 30.0
    chat_per_second: float = 1.0
    group_per_minute: float = 20.0
    bulk_concurrency: int = 8
    retries: int = 4
    backoff: float = 0.5
    backoff_max: float = 30.0
    # retry_after is divided by this: only a time-scaled test sandbox sets it above 1.
    time_scale: float = 1.0

    @classmethod
    def from_settings(cls, settings: Settings) -> DeliveryLimits:
        return cls(settings.send_rate_global, settings.send_rate_chat,
                   settings.send_rate_group_per_minute, settings.send_bulk_concurrency, settings.send_retries,
                   settings.send_backoff_seconds, settings.send_backoff_max_seconds, settings.send_time_scale)


class BulkPacer:
    """Bulk sends one at a time, each at least `gap` after the previous one left (replies included).

    Evenly spaced, never in bursts: a bucket as deep as the per-second limit lets twice the limit
    through in the first second, which Telegram (and the sandbox's sliding window) refuses. The next
    send is only chosen when the previous one leaves (no slots booked ahead by sends still waiting
    their turn, which crowd together when they wake late), and its on_turn (a commit) runs while it
    waits for its gap, so the commit costs no throughput.
    """

    def __init__(self, per_second: float, time_scale: float = 1.0) -> None:
        self._gap = 1.0 / (per_second * time_scale)
        self._last = -self._gap
        self._lock = asyncio.Lock()

    @asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        """Next in line: the body runs (on_turn), then the gap is waited out and the send may leave."""
        async with self._lock:
            yield
            # A reply leaving while this send waits (take) moves its turn a gap past the reply: the
            # reply used the slot. Without looking again, the two left milliseconds apart and, with
            # the jitter of a busy machine, made 31 in a second: 4-5 answers 429 per 2,000 copies.
            while (due := self._last + self._gap) > time.monotonic():
                await asyncio.sleep(due - time.monotonic())
            # A wake-up a little late still counts from when it was due (up to a quarter of a gap), so
            # event-loop delays do not slow a whole announcement down.
            self._last = max(due, time.monotonic() - self._gap / 4)

    def take(self) -> None:
        """A reply left now: the next bulk send waits a gap after it."""
        self._last = max(self._last, time.monotonic())


class DeliveryGovernor(BaseRateLimiter[dict[str, Any]]):
    """PTB's rate-limiter hook with our policy (see the module docstring)."""

    def __init__(self, limits: DeliveryLimits, metrics: Metrics, *,
                 before_send: Callable[[], Awaitable[None]] | None = None,
                 on_unreachable: Callable[[int], Awaitable[None]] | None = None) -> None:
        self.limits = limits
        self._metrics = metrics
        self._before_send = before_send
        self._on_unreachable = on_unreachable
        rate = limits.global_per_second
        self._global = BulkPacer(max(rate - REPLY_RESERVE, rate / 2), limits.time_scale)
        self._bulk_slots = asyncio.Semaphore(limits.bulk_concurrency)
        # Per-chat pacers of the bulk lanes; a chat not written to for a while needs none.
        self._chat_pacers: TTLCache[int, AsyncLimiter] = TTLCache(maxsize=100_000, ttl=120)
        self._chat_paused_until: TTLCache[int, float] = TTLCache(maxsize=100_000, ttl=3600)
        self._bulk_paused_until = 0.0
        self._all_paused_until = 0.0

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: dict[str, Any] | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        lane = Lane((rate_limit_args or {}).get("lane", Lane.REPLY))
        on_turn = (rate_limit_args or {}).get("on_turn")
        on_refused = (rate_limit_args or {}).get("on_refused")
        chat_id = _chat_id(data)
        counted = endpoint.lower().startswith(_MESSAGE_PREFIXES)
        if self._before_send is not None:
            await self._before_send()
        failures = throttled = 0
        while True:
            try:
                if lane.bulk:
                    async with self._bulk_slots:
                        await self._bulk_turn(lane, chat_id, counted)
                        async with self._global.turn() if counted else contextlib.nullcontext():
                            if on_turn is not None and not await on_turn():
                                raise Withdrawn(endpoint)
                        result = await callback(*args, **kwargs)
                else:
                    await self._reply_turn(chat_id, counted)
                    result = await callback(*args, **kwargs)
            except RetryAfter as error:
                throttled += 1
                if throttled > MAX_RATE_LIMITED:
                    self._count(lane, "rate_limited")
                    raise
                seconds = _seconds(error) / self.limits.time_scale
                self._metrics.rate_limited.labels(lane.value).inc()
                self._metrics.retries.labels("retry_after").inc()
                log.info("%s to a chat got 429: waiting %.2f s before sending again (%s lane)", endpoint, seconds, lane)
                self._pause(lane, chat_id, seconds)
                if on_refused is not None:
                    await on_refused()
                continue
            except Forbidden:
                self._count(lane, "forbidden")
                if chat_id is not None and chat_id > 0 and self._on_unreachable is not None:
                    self._metrics.unreachable.inc()
                    await self._on_unreachable(chat_id)
                raise
            except BadRequest as error:
                if NOT_MODIFIED in error.message.lower():
                    self._count(lane, "not_modified")
                    return True
                self._count(lane, "bad_request")
                raise
            except NetworkError as error:  # 5xx, timeouts and dropped connections (BadRequest is handled above)
                failures += 1
                if failures > self.limits.retries:
                    self._count(lane, "failed")
                    raise
                delay = min(self.limits.backoff * 2 ** (failures - 1), self.limits.backoff_max)
                self._metrics.retries.labels(type(error).__name__).inc()
                log.info("%s failed (%s): retry %d of %d in %.2f s", endpoint, type(error).__name__, failures,
                         self.limits.retries, delay)
                await asyncio.sleep(delay)
                continue
            self._count(lane, "ok")
            return result

    async def _reply_turn(self, chat_id: int | None, counted: bool) -> None:
        await self._wait_until(Lane.REPLY, max(self._all_paused_until, self._paused(chat_id)))
        if counted:
            self._global.take()  # replies never wait: they push the bulk sends back by one slot

    async def _bulk_turn(self, lane: Lane, chat_id: int | None, counted: bool) -> None:
        await self._wait_until(lane, max(self._all_paused_until, self._bulk_paused_until, self._paused(chat_id)))
        if not counted:
            return
        self._metrics.waiting.labels(lane.value).inc()
        try:
            if chat_id is not None:
                await self._pacer(chat_id).acquire()
        finally:
            self._metrics.waiting.labels(lane.value).dec()

    async def _wait_until(self, lane: Lane, until: float) -> None:
        delay = until - time.monotonic()
        if delay > 0:
            self._metrics.waiting.labels(lane.value).inc()
            try:
                await asyncio.sleep(delay)
            finally:
                self._metrics.waiting.labels(lane.value).dec()

    def _pacer(self, chat_id: int) -> AsyncLimiter:
        pacer = self._chat_pacers.get(chat_id)
        if pacer is None:
            if chat_id < 0:  # groups and channels
                pacer = AsyncLimiter(self.limits.group_per_minute, 60.0 / self.limits.time_scale)
            else:  # evenly spaced too: bulk sends never need the short bursts a chat allows
                pacer = AsyncLimiter(1, 1.0 / (self.limits.chat_per_second * self.limits.time_scale))
            self._chat_pacers[chat_id] = pacer
        return pacer

    def _paused(self, chat_id: int | None) -> float:
        return self._chat_paused_until.get(chat_id, 0.0) if chat_id is not None else 0.0

    def _pause(self, lane: Lane, chat_id: int | None, seconds: float) -> None:
        until = time.monotonic() + seconds
        if chat_id is None:
            self._all_paused_until = max(self._all_paused_until, until)
            return
        self._chat_paused_until[chat_id] = max(self._chat_paused_until.get(chat_id, 0.0), until)
        if lane.bulk:
            # Bulk sends are paced per chat already, so their 429 is the bot-wide flood limit.
            self._bulk_paused_until = max(self._bulk_paused_until, until)

    def _count(self, lane: Lane, outcome: str) -> None:
        self._metrics.messages.labels(lane.value, outcome).inc()


def _chat_id(data: dict[str, Any]) -> int | None:
    value = data.get("chat_id")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.lstrip("-").isdigit():
        return int(value)
    return None


def _seconds(error: RetryAfter) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)
