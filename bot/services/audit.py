"""The audit log: every verification, refusal, import, invite, unbinding and role change."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import SelectOfScalar

from bot.services.clock import Clock
from bot.services.csv_safety import safe_writer
from bot.services.selection import Page, fetch_page
from bot.storage.models import AuditEntry

CLI_ACTOR = "cli"
EXPORT_COLUMNS = ("at", "actor", "action", "subject", "detail")


@dataclass(frozen=True, slots=True)
class AuditRecord:
    at: datetime
    actor: str
    action: str
    subject: str | None
    detail: str

    @classmethod
    def of(cls, entry: AuditEntry) -> AuditRecord:
        return cls(entry.at, entry.actor, entry.action, entry.subject, entry.detail)

    def export_row(self) -> list[object]:
        return [self.at.isoformat(), self.actor, self.action, self.subject or "", self.detail]


class AuditLog:
    """Writes and exports audit entries; callers pass hashed identifiers only."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock

    def record(self, session: AsyncSession, actor: str, action: str, subject: str | None = None, detail: str = "") -> None:
        session.add(AuditEntry(at=self._clock(), actor=actor, action=action, subject=subject, detail=detail[:500]))

    @staticmethod
    async def entries(session: AsyncSession, action: str | None = None) -> Sequence[AuditEntry]:
        statement = select(AuditEntry).order_by(col(AuditEntry.at), col(AuditEntry.id))
        if action is not None:
            statement = statement.where(AuditEntry.action == action)
        return (await session.exec(statement)).all()

    async def search(self, session: AsyncSession, action: str | None = None, since: datetime | None = None,
                     until: datetime | None = None, page: int = 1) -> Page[AuditRecord]:
        """One page of the entries of an action (or all) in [since, until), newest first."""
        rows, total, number = await fetch_page(session, self._matching(action, since, until), page)
        return Page(tuple(map(AuditRecord.of, rows)), total, number)

    async def export_rows(self, session: AsyncSession, action: str | None = None, since: datetime | None = None,
                          until: datetime | None = None) -> list[AuditRecord]:
        rows = (await session.exec(self._matching(action, since, until))).all()
        return [AuditRecord.of(row) for row in rows]

    @staticmethod
    def _matching(action: str | None, since: datetime | None, until: datetime | None) -> SelectOfScalar[AuditEntry]:
        """Entries of one action (or all) in [since, until), newest first: the console's filter."""
        statement = select(AuditEntry).order_by(col(AuditEntry.at).desc(), col(AuditEntry.id).desc())
        if action:
            statement = statement.where(AuditEntry.action == action)
        if since is not None:
            statement = statement.where(col(AuditEntry.at) >= since)
        if until is not None:
            statement = statement.where(col(AuditEntry.at) < until)
        return statement

    @staticmethod
    async def actions(session: AsyncSession) -> list[str]:
        """Every action the log holds, for the filter."""
        return sorted((await session.exec(select(AuditEntry.action).distinct())).all())

    async def export(self, session: AsyncSession, path: Path) -> int:
        """Write the whole log as CSV; returns the number of entries."""
        rows = await self.entries(session)
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = safe_writer(handle)
            writer.writerow(EXPORT_COLUMNS)
            for row in rows:
                writer.writerow([row.at.isoformat(), row.actor, row.action, row.subject or "", row.detail])
        return len(rows)
