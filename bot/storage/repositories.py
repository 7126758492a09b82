"""Small repositories, one per aggregate. They never commit: the unit of work does."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.storage.models import LessonProgress, Officer


class OfficerRepository:
    """Officers by their Telegram id."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def by_telegram_id(self, telegram_id: int) -> Officer | None:
        result = await self._session.exec(select(Officer).where(Officer.telegram_id == telegram_id))
        return result.first()

    async def add(self, officer: Officer) -> Officer:
        self._session.add(officer)
        await self._session.flush()
        return officer


@dataclass(frozen=True, slots=True)
class ProgressWrite:
    """A card shown to an officer; completed when it was the lesson's last card."""

    officer_id: int
    course_id: str
    lesson_id: str
    card_index: int
    at: datetime
    completed: bool = False


class ProgressRepository:
    """Per-lesson progress rows of one officer."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, officer_id: int, course_id: str, lesson_id: str) -> LessonProgress | None:
        return await self._session.get(LessonProgress, (officer_id, course_id, lesson_id))

    async def for_course(self, officer_id: int, course_id: str) -> Sequence[LessonProgress]:
        statement = select(LessonProgress).where(
            LessonProgress.officer_id == officer_id, LessonProgress.course_id == course_id
        )
        return (await self._session.exec(statement)).all()

    async def for_officer(self, officer_id: int) -> Sequence[LessonProgress]:
        return (await self._session.exec(select(LessonProgress).where(LessonProgress.officer_id == officer_id))).all()

    async def latest(self, officer_id: int) -> LessonProgress | None:
        statement = (
            select(LessonProgress)
            .where(LessonProgress.officer_id == officer_id)
            .order_by(col(LessonProgress.updated_at).desc())
            .limit(1)
        )
        return (await self._session.exec(statement)).first()

    async def write_many(self, writes: Sequence[ProgressWrite]) -> int:
        """Upsert positions in one statement; a newer stored position and a completion are kept.

        Officers erased since a position was noted are skipped (their rows are gone with them).
        """
        officer_ids = {write.officer_id for write in writes}
        existing = set((await self._session.exec(select(Officer.id).where(col(Officer.id).in_(officer_ids)))).all())
        rows = [
            {"officer_id": w.officer_id, "course_id": w.course_id, "lesson_id": w.lesson_id,
             "card_index": w.card_index, "updated_at": w.at, "completed_at": w.at if w.completed else None}
            for w in writes if w.officer_id in existing
        ]
        if not rows:
            return 0
        dialect = self._session.bind.dialect.name if self._session.bind else "sqlite"
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        statement = insert(LessonProgress).values(rows)
        table = LessonProgress.__table__  # type: ignore[attr-defined]
        statement = statement.on_conflict_do_update(
            index_elements=["officer_id", "course_id", "lesson_id"],
            set_={
                "card_index": statement.excluded.card_index,
                "updated_at": statement.excluded.updated_at,
                "completed_at": func.coalesce(table.c.completed_at, statement.excluded.completed_at),
            },
            where=statement.excluded.updated_at >= table.c.updated_at,
        )
        await self._session.exec(statement)  # type: ignore[call-overload]
        return len(rows)
