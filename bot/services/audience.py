"""Who an announcement goes to: verified officers, narrowed by cohort, course and completion, country, language."""

from __future__ import annotations

import enum
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import case, func, or_
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.content import Catalogue
from bot.storage.models import Assignment, CohortMember, LessonProgress, Officer, Personnel, QuizAttempt

Negotiate = Callable[..., str]


class Completion(enum.StrEnum):
    """Where officers stand in the chosen course."""

    ANY = "any"  # started it or have it assigned
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"


@dataclass(frozen=True, slots=True)
class Audience:
    """Filters, all optional and combined; none at all means every verified officer."""

    cohort_id: int | None = None
    course_id: str | None = None
    completion: Completion = Completion.ANY
    country: str | None = None
    language: str | None = None

    @property
    def everyone(self) -> bool:
        return self == Audience()

    def but(self, **changes: object) -> Audience:
        audience = replace(self, **changes)  # type: ignore[arg-type]
        return audience if audience.course_id else replace(audience, completion=Completion.ANY)

    def to_json(self) -> str:
        return json.dumps({key: value for key, value in asdict(self).items() if value not in (None, Completion.ANY)})

    @classmethod
    def from_json(cls, text: str) -> Audience:
        data = json.loads(text or "{}")
        return cls(data.get("cohort_id"), data.get("course_id"), Completion(data.get("completion", "any")),
                   data.get("country"), data.get("language"))


@dataclass(frozen=True, slots=True)
class Recipient:
    officer_id: int
    chat_id: int
    locale: str
    reachable: bool


class AudienceService:
    """Resolves filters into recipients with a few queries (no per-officer query)."""

    def __init__(self, catalogue: Catalogue, negotiate: Negotiate, verification_days: int) -> None:
        self._catalogue, self._negotiate, self._verification_days = catalogue, negotiate, verification_days

    async def recipients(self, session: AsyncSession, audience: Audience, now: datetime) -> list[Recipient]:
        statement = (
            select(Officer.id, Officer.telegram_id, Officer.chosen_locale, Officer.telegram_locale,
                   Officer.unreachable_at, Officer.personnel_ref)
            .join(Personnel, col(Personnel.id) == Officer.personnel_ref)
            .where(col(Officer.verified_at) >= now - timedelta(days=self._verification_days),
                   or_(col(Personnel.expires).is_(None), col(Personnel.expires) >= now.date()))
            .order_by(col(Officer.id))
        )
        if audience.cohort_id is not None:
            statement = statement.join(CohortMember, col(CohortMember.personnel_ref) == Personnel.id).where(
                CohortMember.cohort_id == audience.cohort_id)
        if audience.country is not None:
            statement = statement.where(Personnel.country == audience.country)
        rows = (await session.exec(statement)).all()
        chosen = [
            Recipient(officer_id, chat_id, self._negotiate(chosen_locale, telegram_locale), unreachable is None)
            for officer_id, chat_id, chosen_locale, telegram_locale, unreachable, _ in rows
        ]
        if audience.language is not None:
            chosen = [recipient for recipient in chosen if recipient.locale == audience.language]
        if audience.course_id is not None:
            keep = await self._in_course(session, audience, {row[0]: row[5] for row in rows})
            chosen = [recipient for recipient in chosen if recipient.officer_id in keep]
        return chosen

    async def count(self, session: AsyncSession, audience: Audience, now: datetime) -> int:
        return len(await self.recipients(session, audience, now))

    async def _in_course(self, session: AsyncSession, audience: Audience, personnel_of: dict[int, int]) -> set[int]:
        course = self._catalogue.course(audience.course_id or "")
        if course is None:
            return set()
        lessons = [lesson.id for lesson in course.lessons]
        completed = dict((await session.exec(
            select(LessonProgress.officer_id, func.count(case((col(LessonProgress.completed_at).is_not(None), 1))))
            .where(LessonProgress.course_id == course.id, col(LessonProgress.lesson_id).in_(lessons))
            .group_by(col(LessonProgress.officer_id))
        )).all())
        started = set(completed) | set((await session.exec(
            select(QuizAttempt.officer_id).where(QuizAttempt.course_id == course.id).distinct())).all())
        finished = {officer for officer, count in completed.items() if count >= len(lessons)}
        match audience.completion:
            case Completion.NOT_STARTED:
                return set(personnel_of) - started
            case Completion.IN_PROGRESS:
                return started - finished
            case Completion.COMPLETED:
                return finished
        assigned_refs = set((await session.exec(
            select(CohortMember.personnel_ref).join(Assignment, col(Assignment.cohort_id) == CohortMember.cohort_id)
            .where(Assignment.course_id == course.id))).all())
        return started | {officer for officer, ref in personnel_of.items() if ref in assigned_refs}
