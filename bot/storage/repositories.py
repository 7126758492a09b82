"""Small repositories, one per aggregate. They never commit: the unit of work does."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

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

    async def latest(self, officer_id: int) -> LessonProgress | None:
        statement = (
            select(LessonProgress)
            .where(LessonProgress.officer_id == officer_id)
            .order_by(col(LessonProgress.updated_at).desc())
            .limit(1)
        )
        return (await self._session.exec(statement)).first()

    async def record(
        self, officer_id: int, course_id: str, lesson_id: str, card_index: int, now: datetime, *, completed: bool
    ) -> LessonProgress:
        row = await self.get(officer_id, course_id, lesson_id)
        if row is None:
            row = LessonProgress(officer_id=officer_id, course_id=course_id, lesson_id=lesson_id, updated_at=now)
            self._session.add(row)
        row.card_index = card_index
        row.updated_at = now
        if completed and row.completed_at is None:
            row.completed_at = now
        await self._session.flush()
        return row
