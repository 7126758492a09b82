"""What a study reminder can usefully say to one officer: reviews due, the next lesson, due dates, the streak."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.content import Catalogue, Course
from bot.services.cohorts import AssignedCourse, CohortService
from bot.services.reminder_times import STREAK_HORIZON_DAYS, local_day, study_streak
from bot.services.review import ReviewService
from bot.storage.models import LessonProgress, Officer, QuizAnswer, QuizAttempt

DUE_SOON_DAYS = 7


@dataclass(frozen=True, slots=True)
class NextLesson:
    course_id: str
    lesson_id: str


@dataclass(frozen=True, slots=True)
class DueSoon:
    """An assigned course not finished yet, due within a week (or overdue)."""

    course_id: str
    due_on: date
    days_left: int  # negative when overdue


@dataclass(frozen=True, slots=True)
class Digest:
    reviews_due: int
    next_lesson: NextLesson | None
    due_soon: tuple[DueSoon, ...]
    streak: int
    studied_today: bool
    last_study: datetime | None
    due_dates: tuple[date, ...] = ()  # of every assigned course not finished yet

    @property
    def anything_to_do(self) -> bool:
        return bool(self.reviews_due or self.next_lesson or self.due_soon)

    def milestone(self, days: Sequence[int]) -> bool:
        """A due date is exactly one of these many days away."""
        return any(soon.days_left in days for soon in self.due_soon)


class StudyDigest:
    """Reads an officer's progress, reviews, assignments and recent study; writes nothing."""

    def __init__(self, catalogue: Catalogue, reviews: ReviewService, cohorts: CohortService) -> None:
        self._catalogue, self._reviews, self._cohorts = catalogue, reviews, cohorts

    async def digest(self, session: AsyncSession, officer: Officer, zone: ZoneInfo, now: datetime) -> Digest:
        assert officer.id is not None
        today = local_day(now, zone)
        progress, done = await self._progress(session, officer.id)
        unfinished = await self.open_assignments(session, officer, done)
        activity = await self.activity(session, officer.id, now - timedelta(days=STREAK_HORIZON_DAYS), progress)
        return Digest(
            reviews_due=await self._reviews.count_due(session, officer.id, now),
            next_lesson=self._next_lesson(unfinished, progress, done),
            due_soon=tuple(DueSoon(a.course_id, a.due_on, (a.due_on - today).days) for a in unfinished
                           if (a.due_on - today).days <= DUE_SOON_DAYS),
            streak=study_streak(activity, zone, now),
            studied_today=any(local_day(moment, zone) == today for moment in activity),
            last_study=max(activity, default=None),
            due_dates=tuple(a.due_on for a in unfinished),
        )

    async def open_assignments(self, session: AsyncSession, officer: Officer,
                               done: set[tuple[str, str]] | None = None) -> list[AssignedCourse]:
        """The officer's assigned courses not finished yet, soonest due first."""
        if done is None:
            assert officer.id is not None
            done = (await self._progress(session, officer.id))[1]
        return [a for a in await self._cohorts.assigned_courses(session, officer) if not self._finished(a.course_id, done)]

    @staticmethod
    async def _progress(session: AsyncSession, officer_id: int) -> tuple[Sequence[LessonProgress], set[tuple[str, str]]]:
        progress = (await session.exec(select(LessonProgress).where(LessonProgress.officer_id == officer_id))).all()
        return progress, {(row.course_id, row.lesson_id) for row in progress if row.completed_at is not None}

    @staticmethod
    async def activity(session: AsyncSession, officer_id: int, since: datetime,
                       progress: Sequence[LessonProgress] | None = None) -> list[datetime]:
        """When the officer studied since then: cards read, lessons finished, questions answered.

        A lesson keeps only its latest reading time, so reading one lesson over several days without
        finishing it counts its last day only; answers and completions are all kept.
        """
        if progress is None:
            progress = (await session.exec(select(LessonProgress).where(LessonProgress.officer_id == officer_id))).all()
        moments = [moment for row in progress for moment in (row.updated_at, row.completed_at)
                   if moment is not None and moment >= since]
        answered = (await session.exec(
            select(QuizAnswer.answered_at).join(QuizAttempt, col(QuizAttempt.id) == QuizAnswer.attempt_id)
            .where(QuizAttempt.officer_id == officer_id, col(QuizAnswer.answered_at) >= since)
        )).all()
        return moments + [moment for moment in answered if moment is not None]

    def _finished(self, course_id: str, done: set[tuple[str, str]]) -> bool:
        course = self._catalogue.course(course_id)
        return course is None or all((course_id, lesson.id) in done for lesson in course.lessons)

    def _next_lesson(self, unfinished: list[AssignedCourse], progress: Sequence[LessonProgress],
                     done: set[tuple[str, str]]) -> NextLesson | None:
        """In the soonest-due assigned course, else the course read last, else the first course not finished."""
        recent = sorted(progress, key=lambda row: row.updated_at, reverse=True)
        candidates = [a.course_id for a in unfinished] + [row.course_id for row in recent]
        candidates += [course.id for course in self._catalogue.courses]
        for course_id in dict.fromkeys(candidates):
            course = self._catalogue.course(course_id)
            lesson = _first_open_lesson(course, done) if course else None
            if course is not None and lesson is not None:
                return NextLesson(course.id, lesson)
        return None


def _first_open_lesson(course: Course, done: set[tuple[str, str]]) -> str | None:
    return next((lesson.id for lesson in course.lessons if (course.id, lesson.id) not in done), None)
