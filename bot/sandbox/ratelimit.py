"""Sliding one-second windows that turn too many sends into 429 Too Many Requests."""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Hashable, Sequence

WINDOW = 1.0


class SlidingWindow:
    """Counts accepted sends per key over the last second."""

    def __init__(self) -> None:
        self._sent: dict[Hashable, deque[float]] = {}

    def retry_after(self, limits: Sequence[tuple[Hashable, int | None]], now: float) -> int | None:
        """Whole seconds to wait (at least 1, like Telegram) if any limit is reached, else None."""
        waits = []
        for key, limit in limits:
            if limit is None:
                continue
            allowed = max(1, limit)
            sent = self._recent(key, now)
            if len(sent) >= allowed:
                waits.append(max(1, math.ceil(sent[len(sent) - allowed] + WINDOW - now)))
        return max(waits, default=None)

    def record(self, limits: Sequence[tuple[Hashable, int | None]], now: float) -> None:
        """Count one accepted send under every key, so a limit switched on later sees recent sends."""
        for key, _ in limits:
            self._recent(key, now).append(now)

    def _recent(self, key: Hashable, now: float) -> deque[float]:
        sent = self._sent.setdefault(key, deque())
        while sent and sent[0] <= now - WINDOW:
            sent.popleft()
        return sent
