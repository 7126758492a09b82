"""The audit log: every verification, refusal, import, invite, unbinding and role change."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.services.clock import Clock
from bot.services.csv_safety import safe_writer
from bot.storage.models import AuditEntry

CLI_ACTOR = "cli"
EXPORT_COLUMNS = ("at", "actor", "action", "subject", "detail")


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

    async def export(self, session: AsyncSession, path: Path) -> int:
        """Write the whole log as CSV; returns the number of entries."""
        rows = await self.entries(session)
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = safe_writer(handle)
            writer.writerow(EXPORT_COLUMNS)
            for row in rows:
                writer.writerow([row.at.isoformat(), row.actor, row.action, row.subject or "", row.detail])
        return len(rows)
