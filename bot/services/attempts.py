"""Rate limits counted in the database: failed verifications and certificate lookups, per hashed account.

An attempt is keyed by the hashed Telegram account (under the key current when it was written;
counts try every configured key), so deleting one's data does not reset a limit, and several bot
processes share one count. Attempts older than a day are deleted as new ones arrive.
"""

from __future__ import annotations

import enum
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.services.clock import Clock
from bot.services.privacy import IdentifierHasher, Kind
from bot.storage.models import Attempt

RETENTION = timedelta(days=1)


class AttemptKind(enum.StrEnum):
    CONTACT = "contact"  # a shared contact that did not verify
    INVITE = "invite"  # a wrong, used or expired invite code
    LOOKUP = "lookup"  # a /verify certificate lookup


@dataclass(frozen=True, slots=True)
class Window:
    """The attempts within a span of time before now."""

    count: int
    oldest: datetime | None
    span: timedelta

    def full_until(self, limit: int) -> datetime | None:
        """While the limit is reached: when the oldest attempt leaves the window and one more is allowed."""
        if self.count < limit or self.oldest is None:
            return None
        return self.oldest + self.span


class Attempts:
    """Records attempts and counts them, for one account or for everyone."""

    def __init__(self, hasher: IdentifierHasher, clock: Clock) -> None:
        self._hasher, self._clock = hasher, clock

    async def record(self, session: AsyncSession, kind: AttemptKind, telegram_id: int) -> None:
        now = self._clock()
        await session.exec(delete(Attempt).where(col(Attempt.at) < now - RETENTION))
        session.add(Attempt(account_hash=self._hasher.telegram_account(telegram_id), kind=kind, at=now))
        await session.flush()

    async def window(self, session: AsyncSession, kinds: Collection[AttemptKind], span: timedelta,
                     telegram_id: int | None = None) -> Window:
        """Attempts of these kinds in the last span, by one account or (telegram_id None) by everyone."""
        statement = select(func.count(), func.min(Attempt.at)).where(
            col(Attempt.kind).in_(kinds), col(Attempt.at) > self._clock() - span
        )
        if telegram_id is not None:
            statement = statement.where(col(Attempt.account_hash).in_(self._hasher.forms(Kind.TELEGRAM, str(telegram_id))))
        count, oldest = (await session.exec(statement)).one()
        return Window(count, oldest, span)
