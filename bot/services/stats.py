"""Progress and quiz statistics for course managers, and the per-learner export."""

from __future__ import annotations

import io
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case
from sqlmodel import col, func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.content import Catalogue, Course, Question
from bot.services.csv_safety import safe_writer
from bot.storage.models import Certificate, LessonProgress, Officer, Personnel, QuizAnswer, QuizAttempt

HARDEST_SHOWN = 5
Among = Collection[int] | None
EXPORT_COLUMNS = ("personnel_id", "country", "course", "lessons_completed", "lessons_total", "progress_percent",
                  "best_final_score", "certificate")


@dataclass(frozen=True, slots=True)
class HardQuestion:
    question: Question
    answered: int
    correct_percent: int


@dataclass(frozen=True, slots=True)
class CourseStats:
    """Officers who started, completed every lesson, took and passed the final quiz; scores are best attempts."""

    course: Course
    started: int
    completed: int
    attempted: int
    passed: int
    average_best_score: int | None
    hardest: tuple[HardQuestion, ...]

    @property
    def pass_rate(self) -> int | None:
        """Officers who passed among those who finished at least one final attempt."""
        return self.passed * 100 // self.attempted if self.attempted else None


class StatsService:
    """Aggregates over the whole population with a handful of grouped queries."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._catalogue = catalogue

    async def course_stats(self, session: AsyncSession, course: Course, min_answers: int = 5,
                           among: Among = None) -> CourseStats:
        """The course's figures, for `among` officers (a cohort's, a country's) or everyone; a question counts
        among the hardest from min_answers answers, below 100 %."""
        lesson_ids = [lesson.id for lesson in course.lessons]
        done = dict((await session.exec(
            select(LessonProgress.officer_id, func.count(case((col(LessonProgress.completed_at).is_not(None), 1))))
            .where(LessonProgress.course_id == course.id, col(LessonProgress.lesson_id).in_(lesson_ids),
                   *_only(LessonProgress.officer_id, among))
            .group_by(col(LessonProgress.officer_id))
        )).all())
        quiz_takers = set((await session.exec(
            select(QuizAttempt.officer_id).where(QuizAttempt.course_id == course.id, *_only(QuizAttempt.officer_id, among))
            .distinct()
        )).all())
        started = len(set(done) | quiz_takers)
        completed = sum(count >= len(lesson_ids) for count in done.values())
        finals = (
            select(QuizAttempt.officer_id, func.max(QuizAttempt.correct_count * 100 / QuizAttempt.question_count).label("best"),
                   func.max(case((col(QuizAttempt.passed).is_(True), 1), else_=0)).label("passed"))
            .where(QuizAttempt.course_id == course.id, QuizAttempt.kind == "final", col(QuizAttempt.finished_at).is_not(None),
                   *_only(QuizAttempt.officer_id, among))
            .group_by(col(QuizAttempt.officer_id))
            .subquery()
        )
        takers, average, passers = (await session.exec(
            select(func.count(), func.avg(finals.c.best), func.sum(finals.c.passed))
        )).one()
        rows = (await session.exec(
            select(QuizAnswer.question_id, func.count(), func.sum(case((col(QuizAnswer.correct).is_(True), 1), else_=0)))
            .join(QuizAttempt, col(QuizAttempt.id) == QuizAnswer.attempt_id)
            .where(QuizAnswer.course_id == course.id, col(QuizAnswer.correct).is_not(None),
                   *_only(QuizAttempt.officer_id, among))
            .group_by(col(QuizAnswer.question_id))
        )).all()
        candidates = (HardQuestion(question, answered, int(right) * 100 // answered)
                      for question_id, answered, right in rows
                      if answered >= min_answers and right < answered and (question := course.question(question_id)))
        hardest = sorted(candidates, key=lambda hard: (hard.correct_percent, -hard.answered, hard.question.id))
        return CourseStats(course, started, completed, takers, int(passers or 0),
                           round(average) if takers else None, tuple(hardest[:HARDEST_SHOWN]))

    async def export_csv(self, session: AsyncSession, among: Among = None) -> bytes:
        """One row per learner (of `among`, or all) and course they started: id, country, progress, best score, certificate."""
        officers = {o.id: o for o in (await session.exec(select(Officer))).all()}
        personnel = {p.id: p for p in (await session.exec(select(Personnel))).all()}
        done: dict[tuple[int, str], int] = {}
        for officer_id, course_id, count in (await session.exec(
            select(LessonProgress.officer_id, LessonProgress.course_id,
                   func.count(case((col(LessonProgress.completed_at).is_not(None), 1))))
            .group_by(col(LessonProgress.officer_id), col(LessonProgress.course_id))
        )).all():
            done[(officer_id, course_id)] = count
        best = {(o, c): b for o, c, b in (await session.exec(
            select(QuizAttempt.officer_id, QuizAttempt.course_id, func.max(QuizAttempt.correct_count * 100 / QuizAttempt.question_count))
            .where(QuizAttempt.kind == "final", col(QuizAttempt.finished_at).is_not(None))
            .group_by(col(QuizAttempt.officer_id), col(QuizAttempt.course_id))
        )).all()}
        certificates = {(c.officer_id, c.course_id): c.code for c in (await session.exec(
            select(Certificate).where(col(Certificate.revoked_at).is_(None))
        )).all()}
        buffer = io.StringIO()
        writer = safe_writer(buffer)
        writer.writerow(EXPORT_COLUMNS)
        for officer_id, course_id in sorted(set(done) | set(best), key=lambda key: (key[1], key[0])):
            completed = done.get((officer_id, course_id), 0)
            course = self._catalogue.course(course_id)
            officer = officers.get(officer_id)
            if course is None or officer is None or (among is not None and officer_id not in among):
                continue
            entry = personnel.get(officer.personnel_ref) if officer.personnel_ref else None
            total = len(course.lessons)
            score = best.get((officer_id, course_id))
            writer.writerow([
                entry.personnel_id if entry else "", entry.country or "" if entry else "", course_id,
                completed, total, completed * 100 // total,
                "" if score is None else int(score), certificates.get((officer_id, course_id), ""),
            ])
        return buffer.getvalue().encode("utf-8")


def _only(column: Any, among: Among) -> list[Any]:
    """The condition keeping only the chosen officers' rows, or none."""
    return [] if among is None else [col(column).in_(list(among))]
