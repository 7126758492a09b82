"""The approved-personnel list: the import plan, applying it in bulk, and uploads held until Confirm.

A list of 50,000 entries must not stall the bot: the CSV is parsed in a worker thread, the plan is
computed before anything is written (SQLite then holds its write lock only for the bulk writes),
held uploads are stored one row per entry, and entries are written in batches of bulk statements.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import case, delete, exists, func, insert, literal, or_, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.services.clock import Clock
from bot.services.cohorts import SEPARATOR as COHORT_SEPARATOR
from bot.services.cohorts import apply_memberships
from bot.services.personnel_csv import (
    DEFAULT_LIMITS,
    KEEP_STORED,
    CsvLimits,
    ImportProblem,
    PersonnelRow,
    parse_personnel_csv,
)
from bot.services.privacy import IdentifierHasher, key_id_of
from bot.storage.models import Officer, PendingImport, PendingImportRow, Personnel
from bot.storage.types import UTCDateTime

__all__ = ["CsvLimits", "ImportPlan", "ImportProblem", "PersonnelRow", "PersonnelService", "parse_personnel_csv"]

BATCH = 1000  # entries per bulk statement
FIELDS = ("personnel_id", "phone_hash", "email_hash", "country", "role", "display_name", "expires")
HASHES = ("phone_hash", "email_hash")
_TABLE = Personnel.__table__  # type: ignore[attr-defined]
_STAGED = PendingImportRow.__table__  # type: ignore[attr-defined]
_ENTRY = (_TABLE.c.id, *(_TABLE.c[name] for name in FIELDS[1:]))  # a stored entry, as ImportPlan.count reads it


@dataclass
class ImportPlan:
    """What an import would change; computed before anything is written."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    # Entries stored under an older secret key and otherwise alike: written again under the current key.
    rehashed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = (f"added {len(self.added)}, updated {len(self.updated)}, "
                f"removed {len(self.removed)}, unchanged {len(self.unchanged)}")
        return text + (f", re-hashed {len(self.rehashed)}" if self.rehashed else "")

    def count(self, row: PersonnelRow, entry: Sequence[Any] | None) -> None:
        """Count a row against the stored entry of the same personnel id: (id, FIELDS[1:]...), or None."""
        if entry is None or entry[0] is None:
            self.added.append(row.personnel_id)
            return
        hashes = tuple(old if new == KEEP_STORED else new for new, old in ((row.phone_hash, entry[1]), (row.email_hash, entry[2])))
        if (row.country, row.role, row.display_name, row.expires) != tuple(entry[3:7]):
            self.updated.append(row.personnel_id)
        elif hashes == tuple(entry[1:3]):
            self.unchanged.append(row.personnel_id)
        elif all(_rehashed(new, old) for new, old in zip(hashes, entry[1:3], strict=True)):
            self.rehashed.append(row.personnel_id)
        else:
            self.updated.append(row.personnel_id)


def _rehashed(new: str | None, old: str | None) -> bool:
    # A hash made under another key cannot be compared: an entry stored only under an older key is re-hashed.
    return new == old or (new is not None and old is not None and key_id_of(new) != key_id_of(old))


class PersonnelService:
    """Plans and applies imports that replace the whole list; holds managers' uploads until they decide."""

    def __init__(self, clock: Clock, limits: CsvLimits = DEFAULT_LIMITS, upload_lifetime: timedelta = timedelta(days=1)) -> None:
        self._clock = clock
        self.limits = limits
        self._upload_lifetime = upload_lifetime

    async def parse(self, data: bytes, hasher: IdentifierHasher) -> tuple[list[PersonnelRow], list[ImportProblem]]:
        """parse_personnel_csv in a worker thread, so that other chats keep being answered."""
        return await asyncio.to_thread(parse_personnel_csv, data, hasher, self.limits)

    @staticmethod
    async def entries(session: AsyncSession) -> Sequence[Personnel]:
        return (await session.exec(select(Personnel))).all()

    @staticmethod
    async def by_personnel_id(session: AsyncSession, personnel_id: str) -> Personnel | None:
        return (await session.exec(select(Personnel).where(Personnel.personnel_id == personnel_id))).first()

    async def plan(self, session: AsyncSession, rows: list[PersonnelRow]) -> ImportPlan:
        """Compare rows with the stored list; reads only."""
        plan = ImportPlan()
        by_id = {row.personnel_id: row for row in rows}
        async for batch in _batches(session, select(_TABLE.c.personnel_id, *_ENTRY)):
            for personnel_id, *entry in batch:
                if (row := by_id.pop(personnel_id, None)) is None:
                    plan.removed.append(personnel_id)
                else:
                    plan.count(row, entry)
        plan.added = [row.personnel_id for row in rows if row.personnel_id in by_id]
        plan.removed.sort()
        return plan

    async def replace(self, session: AsyncSession, rows: list[PersonnelRow]) -> ImportPlan:
        """Plan against the list as it is now and apply: the whole list becomes rows."""
        plan = await self.plan(session, rows)
        staged = await self._stage(session, None, rows)
        await self._apply_staged(session, staged)
        await self._discard(session, staged)
        return plan

    async def hold(self, session: AsyncSession, officer: Officer, rows: list[PersonnelRow]) -> int:
        """Keep a validated upload (hashed, one row per entry) until its manager confirms or cancels it."""
        assert officer.id is not None
        await self.purge_stale_uploads(session, self._clock())
        return await self._stage(session, officer.id, rows)

    async def confirm(self, session: AsyncSession, officer: Officer, pending_id: int) -> ImportPlan | None:
        """Apply a held upload, planned again against the list as it is now; None when it is not theirs to apply."""
        if await self._held(session, officer, pending_id) is None:
            return None
        plan = ImportPlan()
        join = _STAGED.outerjoin(_TABLE, _TABLE.c.personnel_id == _STAGED.c.personnel_id)
        statement = select(*(_STAGED.c[name] for name in FIELDS), *_ENTRY).select_from(join)
        async for batch in _batches(session, statement.where(_STAGED.c.import_id == pending_id)):
            for values in batch:
                plan.count(PersonnelRow(*values[:len(FIELDS)]), values[len(FIELDS):])
        removed = select(_TABLE.c.personnel_id).where(~_staged_entry(pending_id)).order_by(_TABLE.c.personnel_id)
        plan.removed = list((await session.exec(removed)).all())
        await self._apply_staged(session, pending_id)
        await self._discard(session, pending_id)
        return plan

    async def cancel(self, session: AsyncSession, officer: Officer, pending_id: int) -> bool:
        if await self._held(session, officer, pending_id) is None:
            return False
        await self._discard(session, pending_id)
        return True

    async def purge_stale_uploads(self, session: AsyncSession, now: datetime) -> int:
        """Delete uploads nobody confirmed within the upload lifetime (setting personnel_upload_hours)."""
        stale = (await session.exec(
            select(PendingImport.id).where(col(PendingImport.created_at) < now - self._upload_lifetime)
        )).all()
        for pending_id in stale:
            assert pending_id is not None
            await self._discard(session, pending_id)
        return len(stale)

    async def _held(self, session: AsyncSession, officer: Officer, pending_id: int) -> PendingImport | None:
        """A held upload its manager may still decide on: theirs, and not older than the upload lifetime."""
        with session.no_autoflush:
            pending = await session.get(PendingImport, pending_id)
        if pending is None or pending.officer_id != officer.id:
            return None
        return pending if pending.created_at >= self._clock() - self._upload_lifetime else None

    async def _stage(self, session: AsyncSession, officer_id: int | None, rows: list[PersonnelRow]) -> int:
        pending = PendingImport(officer_id=officer_id, created_at=self._clock(), entries=len(rows))
        session.add(pending)
        await session.flush()
        assert pending.id is not None
        for chunk in _chunks(rows):
            await session.exec(insert(_STAGED), params=[{**_values(row), "import_id": pending.id} for row in chunk])
        return pending.id

    async def _apply_staged(self, session: AsyncSession, pending_id: int) -> None:
        """The list becomes the staged upload, in three set-based statements; removed entries lose their binding."""
        now = self._clock()
        await session.exec(delete(_TABLE).where(~_staged_entry(pending_id)))
        same_entry = (_STAGED.c.import_id == pending_id, _STAGED.c.personnel_id == _TABLE.c.personnel_id)
        changes = {name: _kept_or_staged(name) for name in FIELDS[1:]}
        differs = or_(*(_TABLE.c[name].is_distinct_from(value) for name, value in changes.items()))
        await session.exec(update(_TABLE).values(**changes, updated_at=now).where(*same_entry, differs))
        staged = [func.nullif(_STAGED.c[name], KEEP_STORED) if name in HASHES else _STAGED.c[name] for name in FIELDS]
        new = select(*staged, literal(now, UTCDateTime())).where(
            _STAGED.c.import_id == pending_id,
            ~exists().where(_TABLE.c.personnel_id == _STAGED.c.personnel_id),
        )
        await session.exec(insert(_TABLE).from_select([*FIELDS, "updated_at"], new))
        # A list with a cohort column sets each entry's cohorts; without one, memberships stay as they are.
        staged_cohorts = select(_STAGED.c.personnel_id, _STAGED.c.cohorts).where(
            _STAGED.c.import_id == pending_id, _STAGED.c.cohorts.is_not(None))
        memberships = {personnel_id: [name for name in cohorts.split(COHORT_SEPARATOR) if name]
                       async for batch in _batches(session, staged_cohorts) for personnel_id, cohorts in batch}
        await apply_memberships(session, memberships, now)

    @staticmethod
    async def _discard(session: AsyncSession, pending_id: int) -> None:
        await session.exec(delete(_STAGED).where(_STAGED.c.import_id == pending_id))
        await session.exec(delete(PendingImport).where(col(PendingImport.id) == pending_id))


def _kept_or_staged(name: str) -> Any:
    """A staged field as it should be stored: a hash the list did not carry (KEEP_STORED) stays as it is."""
    if name not in HASHES:
        return _STAGED.c[name]
    return case((_STAGED.c[name] == KEEP_STORED, _TABLE.c[name]), else_=_STAGED.c[name])


def _staged_entry(pending_id: int) -> Any:
    """A stored entry whose personnel id is in the staged upload (SQL)."""
    return exists().where(_STAGED.c.import_id == pending_id, _STAGED.c.personnel_id == _TABLE.c.personnel_id)


def _values(row: PersonnelRow) -> dict[str, Any]:
    cohorts = COHORT_SEPARATOR.join(row.cohorts) if row.cohorts is not None else None
    return {**{name: getattr(row, name) for name in FIELDS}, "cohorts": cohorts}


def _chunks(items: Sequence[Any]) -> list[Sequence[Any]]:
    return [items[start:start + BATCH] for start in range(0, len(items), BATCH)]


async def _batches(session: AsyncSession, statement: Any) -> AsyncIterator[Sequence[Any]]:
    """A big read in batches, without flushing pending changes: no write, so no SQLite write lock, before the writes."""
    with session.no_autoflush:
        result = await session.stream(statement.execution_options(yield_per=BATCH))
        async for batch in result.partitions():
            yield batch
