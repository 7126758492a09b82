"""The console's overview: how many officers learn, what they completed, and how it went week by week.

Figures cover officers bound to an entry of the approved list (administrators trying the bot are not
counted), narrowed by an OfficerFilter. Each figure is one grouped query, whatever the population.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, case, distinct
from sqlmodel import col, func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.content import Catalogue, Course
from bot.services.clock import Clock
from bot.services.selection import OfficerFilter
from bot.storage.models import Certificate, LessonProgress, Officer, Personnel, QuizAttempt

ACTIVE_DAYS = 7
CHART_WEEKS = 12


@dataclass(frozen=True, slots=True)
class CourseFigures:
    course: Course
    started: int
    completed: int
    quiz_takers: int
    quiz_passed: int
    certificates: int

    @property
    def pass_rate(self) -> int | None:
        """Per cent of final-quiz takers who passed, or None when nobody took it."""
        return self.quiz_passed * 100 // self.quiz_takers if self.quiz_takers else None


@dataclass(frozen=True, slots=True)
class WeekFigure:
    start: date
    lessons_completed: int


@dataclass(frozen=True, slots=True)
class Overview:
    verified: int
    active: int
    lessons_this_week: int
    courses: tuple[CourseFigures, ...]
    weeks: tuple[WeekFigure, ...]


def week_start(moment: datetime) -> datetime:
    """Monday 00:00 of the moment's week, in the moment's time zone (UTC here)."""
    midnight = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    return midnight - timedelta(days=midnight.weekday())


class OverviewService:
    """Figures for the console's first page."""

    def __init__(self, catalogue: Catalogue, clock: Clock) -> None:
        self._catalogue, self._clock = catalogue, clock

    async def overview(self, session: AsyncSession, selected: OfficerFilter) -> Overview:
        now = self._clock()
        this_week = week_start(now)
        verified = (await session.exec(_count(_population(selected)))).one()
        active = (await session.exec(_count(
            _population(selected).where(col(Officer.last_seen_at) >= now - timedelta(days=ACTIVE_DAYS))
        ))).one()
        starts = [this_week - timedelta(weeks=weeks_back) for weeks_back in range(CHART_WEEKS - 1, -1, -1)]
        completed_at = col(LessonProgress.completed_at)
        weekly = [func.sum(case(((completed_at >= start) & (completed_at < start + timedelta(weeks=1)), 1), else_=0))
                  for start in starts]
        counts = (await session.exec(_through_officers(select(*weekly), selected)  # type: ignore[call-overload]
                                     .where(completed_at >= starts[0]))).one()
        weeks = tuple(WeekFigure(start.date(), int(count or 0)) for start, count in zip(starts, counts, strict=True))
        courses = tuple([await self._course(session, course, selected) for course in self._catalogue.courses])
        return Overview(int(verified), int(active), weeks[-1].lessons_completed, courses, weeks)

    async def countries(self, session: AsyncSession) -> tuple[str, ...]:
        """The countries of the approved list, for the filter."""
        rows = (await session.exec(select(Personnel.country).where(col(Personnel.country).is_not(None)).distinct()))
        return tuple(sorted(str(country) for country in rows.all()))

    async def _course(self, session: AsyncSession, course: Course, selected: OfficerFilter) -> CourseFigures:
        lesson_ids = [lesson.id for lesson in course.lessons]
        in_course = (LessonProgress.course_id == course.id, col(LessonProgress.lesson_id).in_(lesson_ids))
        started = (await session.exec(_through_officers(
            select(func.count(distinct(LessonProgress.officer_id))), selected).where(*in_course))).one()
        finishers = (_through_officers(select(LessonProgress.officer_id), selected)
                     .where(*in_course, col(LessonProgress.completed_at).is_not(None))
                     .group_by(col(LessonProgress.officer_id))
                     .having(func.count() >= len(lesson_ids)))
        completed = (await session.exec(_count(finishers))).one()
        passed = case((col(QuizAttempt.passed).is_(True), QuizAttempt.officer_id))
        takers, passers = (await session.exec(
            select(func.count(distinct(QuizAttempt.officer_id)), func.count(distinct(passed)))
            .join(Officer, col(Officer.id) == QuizAttempt.officer_id)
            .join(Personnel, col(Personnel.id) == Officer.personnel_ref)
            .where(QuizAttempt.course_id == course.id, QuizAttempt.kind == "final",
                   col(QuizAttempt.finished_at).is_not(None), *selected.conditions())
        )).one()
        certificates = (await session.exec(
            select(func.count()).select_from(Certificate)
            .join(Officer, col(Officer.id) == Certificate.officer_id)
            .join(Personnel, col(Personnel.id) == Officer.personnel_ref)
            .where(Certificate.course_id == course.id, col(Certificate.revoked_at).is_(None), *selected.conditions())
        )).one()
        return CourseFigures(course, int(started), int(completed), int(takers), int(passers), int(certificates))


def _population(selected: OfficerFilter) -> Select[Any]:
    """Verified officers on the list, within the filter."""
    return (select(Officer.id).join(Personnel, col(Personnel.id) == Officer.personnel_ref)
            .where(col(Officer.verified_at).is_not(None), *selected.conditions()))


def _through_officers(statement: Select[Any], selected: OfficerFilter) -> Select[Any]:
    """Progress rows of officers on the list, within the filter."""
    return (statement.select_from(LessonProgress)
            .join(Officer, col(Officer.id) == LessonProgress.officer_id)
            .join(Personnel, col(Personnel.id) == Officer.personnel_ref)
            .where(*selected.conditions()))


def _count(statement: Select[Any]) -> Select[Any]:
    return select(func.count()).select_from(statement.subquery())
