"""Which secret key each stored hash was made with: what `learnbot keys status` reports after a rotation."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, case, func, literal
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.services.privacy import KEY_ID_CHARS, LEGACY, SEPARATOR
from bot.storage.models import Attempt, AuditEntry, Invite, Personnel


@dataclass(frozen=True, slots=True)
class KeyUsage:
    """How many rows of one kind hold a hash made with each key (a row may count under two keys)."""

    label: str
    by_key: Counter[str]
    # Rows that lookups still need: they must move to the current key before an older key is removed.
    needed_for_lookups: bool

    def not_under(self, key_id: str) -> int:
        return sum(count for kid, count in self.by_key.items() if kid != key_id)


def _key_of(column: Any) -> ColumnElement[Any]:
    """The key id of a stored hash, in SQL: its prefix, LEGACY for 64 hex characters, NULL for anything else."""
    return case(
        (column.like("_" * KEY_ID_CHARS + SEPARATOR + "%"), func.substr(column, 1, KEY_ID_CHARS)),
        (func.length(column) == 64, literal(LEGACY)),
        else_=None,
    )


async def _usage(session: AsyncSession, label: str, columns: list[Any], *where: Any, needed: bool) -> KeyUsage:
    keys = [_key_of(column) for column in columns]
    statement = select(*keys, func.count()).where(*where).group_by(*keys)
    by_key: Counter[str] = Counter()
    for *row_keys, count in (await session.exec(statement)).all():
        for kid in {kid for kid in row_keys if kid is not None}:
            by_key[kid] += count
    return KeyUsage(label, by_key, needed)


async def key_usage(session: AsyncSession, now: datetime) -> list[KeyUsage]:
    """Every kind of row that holds keyed hashes, counted by key."""
    return [
        await _usage(session, "personnel entries", [col(Personnel.phone_hash), col(Personnel.email_hash)], needed=True),
        await _usage(session, "open invites", [col(Invite.code_hash)],
                     col(Invite.used_at).is_(None), col(Invite.expires_at) > now, needed=True),
        await _usage(session, "audit entries", [col(AuditEntry.actor), col(AuditEntry.subject)], needed=False),
        await _usage(session, "rate-limit records", [col(Attempt.account_hash)], needed=False),
    ]
