"""Telegram's flood limits: sliding windows per private chat, per group and per bot, at a chosen time scale.

Time scale: with `time_scale = 10` every window is ten times shorter in real time. retry_after stays a
whole number, as Telegram sends it, counted in sandbox seconds (real seconds x time_scale): a client that
divides it by the same scale waits exactly long enough, and one that does not waits longer, never too little.
"""

from __future__ import annotations

import math
from collections import Counter, deque
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Literal

Scope = Literal["private_chat", "group", "bot"]
SCOPES: tuple[Scope, ...] = ("private_chat", "group", "bot")
# Sends older than this (real seconds) are forgotten unless a longer window needs them.
HISTORY = 60.0
# Float products such as 0.3 * 10 must not round a whole number of seconds up to the next one.
EPSILON = 1e-9


@dataclass(frozen=True)
class Limit:
    """At most `messages` sends within any `seconds` (sandbox seconds)."""

    messages: int
    seconds: float = 1.0

    def __post_init__(self) -> None:
        if self.messages < 1 or self.seconds <= 0:
            raise ValueError(f"a limit needs at least one message in a positive window, not {self}")

    def __str__(self) -> str:
        return f"{self.messages}/{self.seconds:g}s"


# Telegram's published figures: about one message a second per chat (short bursts tolerated),
# 20 a minute per group, about 30 a second per bot.
TELEGRAM_LIMITS: dict[Scope, Limit] = {"private_chat": Limit(3, 3.0), "group": Limit(20, 60.0), "bot": Limit(30, 1.0)}


class SlidingWindow:
    """The times of accepted sends per key, enough to count any window up to the last HISTORY seconds."""

    def __init__(self) -> None:
        self._sent: dict[Hashable, deque[float]] = {}

    def wait(self, key: Hashable, limit: Limit, window: float, now: float) -> float | None:
        """Real seconds until one more send fits within `limit` over `window` real seconds, or None if it fits."""
        recent = self._within(key, window, now)
        if len(recent) < limit.messages:
            return None
        return recent[len(recent) - limit.messages] + window - now

    def record(self, key: Hashable, now: float, keep: float) -> None:
        """Count one send under key; sends older than `keep` real seconds are dropped."""
        sent = self._sent.setdefault(key, deque())
        sent.append(now)
        while sent[0] <= now - keep:
            sent.popleft()

    def count(self, key: Hashable, window: float, now: float) -> int:
        """Sends under key within the last `window` real seconds."""
        return len(self._within(key, window, now))

    def _within(self, key: Hashable, window: float, now: float) -> list[float]:
        recent: list[float] = []
        for at in reversed(self._sent.get(key, ())):
            if at <= now - window:
                break
            recent.append(at)
        return recent[::-1]


class RateLimits:
    """Which limits are on, the time scale, and what the sandbox saw: accepted sends, refusals and peaks.

    All limits are off by default; `like_telegram()` switches on Telegram's figures. Every send and edit
    counts under its chat and its bot, on or off, so a limit switched on later sees the recent sends.
    """

    def __init__(self) -> None:
        self.private_chat: Limit | None = None
        self.group: Limit | None = None
        self.bot: Limit | None = None
        self.time_scale: float = 1.0
        self.accepted = 0
        # 429s answered because of a limit, per (scope, chat id) or ("bot", bot id).
        self.refused: Counter[tuple[Scope, int]] = Counter()
        # The most sends accepted within one window of each scope's limit (while it was on).
        self.peak: dict[Scope, int] = dict.fromkeys(SCOPES, 0)
        self._window = SlidingWindow()

    def like_telegram(self, time_scale: float | None = None) -> RateLimits:
        """Switch on Telegram's limits for every scope (and optionally set the time scale)."""
        self.private_chat, self.group, self.bot = (TELEGRAM_LIMITS[scope] for scope in SCOPES)
        if time_scale is not None:
            self.time_scale = time_scale
        return self

    def limit(self, scope: Scope) -> Limit | None:
        """The limit of one scope, or None when it is off."""
        return {"private_chat": self.private_chat, "group": self.group, "bot": self.bot}[scope]

    def take(self, bot_id: int, chat_id: int, now: float) -> int | None:
        """Count one send to chat_id, or refuse it: retry_after in whole sandbox seconds (at least 1)."""
        keys = self._keys(bot_id, chat_id)
        waits = []
        for scope, key in keys:
            limit = self.limit(scope)
            wait = None if limit is None else self._window.wait(key, limit, self._real(limit.seconds), now)
            if wait is not None:
                self.refused[(scope, key[-1])] += 1
                waits.append(wait)
        if waits:
            return max(1, math.ceil(max(waits) * self.time_scale - EPSILON))
        self.accepted += 1
        for scope, key in keys:
            limit = self.limit(scope)
            window = self._real(limit.seconds) if limit is not None else 0.0
            self._window.record(key, now, max(window, HISTORY))
            if limit is not None:
                self.peak[scope] = max(self.peak[scope], self._window.count(key, window, now))
        return None

    def real_seconds(self, retry_after: float) -> float:
        """How long a retry_after from this sandbox lasts in real time."""
        return retry_after / self.time_scale

    def summary(self) -> dict[str, object]:
        """The figures a benchmark prints: accepted sends and, per scope that is on, its limit, peak and 429s."""
        figures: dict[str, object] = {"accepted": self.accepted, "time_scale": self.time_scale}
        for scope in SCOPES:
            limit = self.limit(scope)
            if limit is not None:
                refused = sum(count for (refused_scope, _), count in self.refused.items() if refused_scope == scope)
                figures[scope] = {"limit": str(limit), "peak": self.peak[scope], "refused": refused}
        return figures

    def _real(self, seconds: float) -> float:
        return seconds / self.time_scale

    @staticmethod
    def _keys(bot_id: int, chat_id: int) -> list[tuple[Scope, tuple[Hashable, ...]]]:
        # Telegram gives groups, supergroups and channels negative ids; users have positive ones.
        chat_scope: Scope = "group" if chat_id < 0 else "private_chat"
        return [(chat_scope, (chat_scope, bot_id, chat_id)), ("bot", ("bot", bot_id))]
