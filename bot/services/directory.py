"""Officers and their list entries kept in memory between updates, so a card press costs no query.

An entry holds the ORM rows as they were when the last unit of work that used them ended
(sessions keep objects usable after commit). The next update re-attaches them to its session
without a query; `session.get(Personnel, …)` then answers from the session's identity map.
Entries are forgotten when their officer changes here, everything is forgotten when the list
changes or a transaction rolls back, and when another instance bumped the shared version
(see bot/storage/tracking.py), which `follow` reads once a second.
"""

from __future__ import annotations

from dataclasses import dataclass

from cachetools import LRUCache
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.storage.models import Officer, Personnel
from bot.storage.tracking import EVERYONE, read_epoch


@dataclass(slots=True)
class Known:
    officer: Officer
    personnel: Personnel | None


class OfficerDirectory:
    """A bounded, least-recently-used map from Telegram id to the officer's rows."""

    def __init__(self, capacity: int = 20_000) -> None:
        self._known: LRUCache[int, Known] = LRUCache(maxsize=capacity)
        self._epoch: int | None = None

    def __len__(self) -> int:
        return len(self._known)

    def attach(self, session: AsyncSession, telegram_id: int) -> Officer | None:
        """The cached officer, re-attached to this session (no SQL), or None when not cached."""
        known = self._known.get(telegram_id)
        if known is None:
            return None
        session.add(known.officer)
        if known.personnel is not None:
            session.add(known.personnel)
        return known.officer

    def remember(self, officer: Officer, personnel: Personnel | None) -> None:
        self._known[officer.telegram_id] = Known(officer, personnel)

    def forget(self, changed: set[int] | str, epoch: int | None = None) -> None:
        """Tracking's change listener: drop the named officers, or everyone.

        epoch is the shared version this instance's commit just wrote: one step past the version
        we follow means nobody else changed anything in between, so the rest stays valid.
        """
        if epoch is not None:
            if self._epoch is None or epoch != self._epoch + 1:
                changed = EVERYONE
            self._epoch = epoch
        if changed == EVERYONE:
            self._known.clear()
            return
        for telegram_id in changed:
            self._known.pop(telegram_id, None)

    async def follow(self, session: AsyncSession) -> bool:
        """Forget everything if another instance changed officers or the list; True when it did."""
        epoch = await read_epoch(session)
        moved = self._epoch is not None and epoch != self._epoch
        self._epoch = epoch
        if moved:
            self._known.clear()
        return moved
