"""Quizzes: lesson checks, final quizzes and review sessions; options shuffled, the key kept here."""

from __future__ import annotations

import enum
import json
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.content import Catalogue, Course, Question
from bot.services.certificates import CertificateService
from bot.services.clock import Clock
from bot.services.review import ReviewService
from bot.storage.models import Certificate, Officer, QuizAnswer, QuizAttempt

REVIEW_SESSION_SIZE = 10


class Kind(enum.StrEnum):
    LESSON = "lesson"
    FINAL = "final"
    REVIEW = "review"


class Refused(enum.Enum):
    """Why an attempt cannot start, or an answer cannot be taken."""

    NO_QUESTIONS = "no-questions"
    NOTHING_DUE = "nothing-due"
    COOLING_DOWN = "cooling-down"
    NO_ATTEMPTS_LEFT = "no-attempts-left"
    NOT_YOURS = "not-yours"
    FINISHED = "finished"
    NOT_CURRENT = "not-current"
    BAD_OPTION = "bad-option"


@dataclass(frozen=True, slots=True)
class Refusal:
    reason: Refused
    until: datetime | None = None


@dataclass(frozen=True, slots=True)
class Step:
    """The question to show: its options in this attempt's shuffled order."""

    attempt: QuizAttempt
    answer: QuizAnswer
    question: Question
    order: tuple[int, ...]
    selected: frozenset[int]

    @property
    def correct_displayed(self) -> tuple[int, ...]:
        return tuple(shown for shown, original in enumerate(self.order) if original in self.question.correct)


@dataclass(frozen=True, slots=True)
class Result:
    """A finished attempt; certificate is set when finishing it just earned (or re-earned) one."""

    attempt: QuizAttempt
    percent: int
    passed: bool | None
    missed: tuple[Question, ...]
    timed_out: bool = False
    certificate: Certificate | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What answering did: right or wrong, and the result if that was the last question."""

    step: Step
    correct: bool
    result: Result | None = field(default=None)


class QuizService:
    """Runs attempts; every answer is checked against the attempt's owner, state and position."""

    def __init__(self, catalogue: Catalogue, clock: Clock, reviews: ReviewService,
                 certificates: CertificateService, rng: random.Random | None = None) -> None:
        self._catalogue, self._clock, self._reviews, self._certificates = catalogue, clock, reviews, certificates
        self._rng = rng or random.SystemRandom()

    async def start(self, session: AsyncSession, officer: Officer, course: Course,
                    lesson_id: str | None) -> Step | Result | Refusal:
        """Start (or resume) a lesson check, or a final quiz when lesson_id is None."""
        kind = Kind.FINAL if lesson_id is None else Kind.LESSON
        questions = course.final_quiz if lesson_id is None else course.lesson_check(lesson_id)
        if not questions:
            return Refusal(Refused.NO_QUESTIONS)
        open_attempt = await self._open_attempt(session, officer, kind, course.id, lesson_id)
        if open_attempt is not None:
            return await self.current(session, officer, open_attempt.id or 0)
        if kind is Kind.FINAL:
            refusal = await self._retake_refusal(session, officer, course)
            if refusal is not None:
                return refusal
            questions = tuple(self._rng.sample(questions, len(questions)))
        limit = course.quiz.time_limit_minutes if kind is Kind.FINAL else 0
        attempt = await self._create(session, officer, kind, course.quiz.presentation,
                                     [(course.id, q) for q in questions], course.id, lesson_id, limit)
        return await self.current(session, officer, attempt.id or 0)

    async def start_review(self, session: AsyncSession, officer: Officer) -> Step | Result | Refusal:
        """A session of due questions, mixed across courses."""
        assert officer.id is not None
        open_attempt = await self._open_attempt(session, officer, Kind.REVIEW, None, None)
        if open_attempt is not None:
            return await self.current(session, officer, open_attempt.id or 0)
        due = await self._reviews.due(session, officer.id, self._clock(), REVIEW_SESSION_SIZE * 2)
        items = [(card.course_id, q) for card in due if (q := self._question(card.course_id, card.question_id))]
        if not items:
            return Refusal(Refused.NOTHING_DUE)
        items = items[:REVIEW_SESSION_SIZE]
        self._rng.shuffle(items)
        attempt = await self._create(session, officer, Kind.REVIEW, "inline", items, None, None, 0)
        return await self.current(session, officer, attempt.id or 0)

    async def current(self, session: AsyncSession, officer: Officer, attempt_id: int) -> Step | Result | Refusal:
        """The next unanswered question, or the result when the attempt is over."""
        attempt = await session.get(QuizAttempt, attempt_id)
        if attempt is None or attempt.officer_id != officer.id:
            return Refusal(Refused.NOT_YOURS)
        answers = await self._answers(session, attempt_id)
        if attempt.finished_at is None and self._timed_out(attempt):
            return await self._finish(session, officer, attempt, answers, timed_out=True)
        for stale in [a for a in answers if a.chosen is None and not self._question(a.course_id, a.question_id)]:
            # The content lost this question since the attempt began: it no longer counts.
            answers.remove(stale)
            attempt.question_count -= 1
            await session.delete(stale)
        pending = next((a for a in answers if a.chosen is None), None)
        if attempt.finished_at is not None or pending is None:
            return await self._finish(session, officer, attempt, answers)
        return self._step(attempt, pending)

    async def mark_shown(self, session: AsyncSession, step: Step, poll_id: str | None = None) -> None:
        """The question is on the officer's screen from now on (answer time starts)."""
        step.answer.shown_at = step.answer.shown_at or self._clock()
        if poll_id is not None:
            step.answer.poll_id = poll_id
        session.add(step.answer)

    async def toggle(self, session: AsyncSession, officer: Officer, attempt_id: int, position: int,
                     shown: int) -> Step | Result | Refusal:
        """Tick or untick an option of a several-answers question before submitting."""
        step = await self._expect(session, officer, attempt_id, position)
        if isinstance(step, Refusal | Result):
            return step
        if not 0 <= shown < len(step.order):
            return Refusal(Refused.BAD_OPTION)
        selected = set(step.selected) ^ {shown}
        step.answer.selected = json.dumps(sorted(selected))
        session.add(step.answer)
        return self._step(step.attempt, step.answer)

    async def answer(self, session: AsyncSession, officer: Officer, attempt_id: int, position: int,
                     shown: set[int]) -> Outcome | Result | Refusal:
        """Take an answer (displayed positions) for the current question of the officer's attempt."""
        step = await self._expect(session, officer, attempt_id, position)
        if isinstance(step, Refusal | Result):
            return step
        if not shown or not all(0 <= index < len(step.order) for index in shown):
            return Refusal(Refused.BAD_OPTION)
        now = self._clock()
        chosen = {step.order[index] for index in shown}
        correct = chosen == set(step.question.correct)
        row = step.answer
        row.chosen, row.correct, row.answered_at = json.dumps(sorted(chosen)), correct, now
        session.add(row)
        attempt = step.attempt
        attempt.correct_count += int(correct)
        seconds = (now - row.shown_at).total_seconds() if row.shown_at else None
        assert officer.id is not None
        await self._reviews.record(session, officer.id, row.course_id, row.question_id, correct, seconds, now)
        await session.flush()
        following = await self.current(session, officer, attempt_id)
        return Outcome(step, correct, following if isinstance(following, Result) else None)

    async def answer_poll(self, session: AsyncSession, officer: Officer, poll_id: str,
                          option_ids: list[int]) -> Outcome | Result | Refusal | None:
        """A quiz-poll answer; None when the poll is not one of ours."""
        row = (await session.exec(select(QuizAnswer).where(QuizAnswer.poll_id == poll_id))).first()
        if row is None:
            return None
        return await self.answer(session, officer, row.attempt_id, row.position, set(option_ids))

    async def _expect(self, session: AsyncSession, officer: Officer, attempt_id: int,
                      position: int) -> Step | Result | Refusal:
        current = await self.current(session, officer, attempt_id)
        if isinstance(current, Refusal):
            return current
        if isinstance(current, Result):
            # Running out of time is news for the officer; any other finished attempt is a stale button.
            return current if current.timed_out else Refusal(Refused.FINISHED)
        if current.answer.position != position:
            return Refusal(Refused.NOT_CURRENT)
        return current

    async def _finish(self, session: AsyncSession, officer: Officer, attempt: QuizAttempt,
                      answers: list[QuizAnswer], *, timed_out: bool = False) -> Result:
        percent = attempt.correct_count * 100 // max(attempt.question_count, 1)
        course = self._catalogue.course(attempt.course_id) if attempt.course_id else None
        certificate = None
        if attempt.finished_at is None:  # finishing now, not looking at an old result
            attempt.finished_at = self._clock()
            if attempt.kind == Kind.FINAL and course is not None:
                attempt.passed = percent >= course.quiz.pass_mark
            session.add(attempt)
            if attempt.passed and course is not None:
                certificate = await self._certificates.issue(session, officer, course.id, percent)
        missed = tuple(q for a in answers if not a.correct and (q := self._question(a.course_id, a.question_id)))
        return Result(attempt, percent, attempt.passed, missed, timed_out, certificate)

    async def _retake_refusal(self, session: AsyncSession, officer: Officer, course: Course) -> Refusal | None:
        statement = select(QuizAttempt).where(
            QuizAttempt.officer_id == officer.id, QuizAttempt.course_id == course.id,
            QuizAttempt.kind == Kind.FINAL, col(QuizAttempt.finished_at).is_not(None),
        ).order_by(col(QuizAttempt.finished_at).desc())
        finished = (await session.exec(statement)).all()
        policy = course.quiz
        if policy.max_attempts and len(finished) >= policy.max_attempts:
            return Refusal(Refused.NO_ATTEMPTS_LEFT)
        if finished and not finished[0].passed and policy.retake_cooldown_hours:
            until = finished[0].finished_at + timedelta(hours=policy.retake_cooldown_hours)  # type: ignore[operator]
            if until > self._clock():
                return Refusal(Refused.COOLING_DOWN, until)
        return None

    async def _create(self, session: AsyncSession, officer: Officer, kind: Kind, presentation: str,
                      items: list[tuple[str, Question]], course_id: str | None, lesson_id: str | None,
                      time_limit_minutes: int) -> QuizAttempt:
        assert officer.id is not None
        now = self._clock()
        attempt = QuizAttempt(
            officer_id=officer.id, kind=kind.value, course_id=course_id, lesson_id=lesson_id,
            presentation=presentation, question_count=len(items), started_at=now,
            deadline_at=now + timedelta(minutes=time_limit_minutes) if time_limit_minutes else None,
        )
        session.add(attempt)
        await session.flush()
        assert attempt.id is not None
        for position, (question_course, question) in enumerate(items):
            order = self._rng.sample(range(question.option_count), question.option_count)
            if question.kind == "truefalse":
                order = [0, 1]  # True before False reads naturally; there is nothing to give away
            session.add(QuizAnswer(attempt_id=attempt.id, position=position, course_id=question_course,
                                   question_id=question.id, option_order=json.dumps(order)))
        await session.flush()
        return attempt

    async def _open_attempt(self, session: AsyncSession, officer: Officer, kind: Kind, course_id: str | None,
                            lesson_id: str | None) -> QuizAttempt | None:
        statement = select(QuizAttempt).where(
            QuizAttempt.officer_id == officer.id, QuizAttempt.kind == kind.value,
            QuizAttempt.course_id == course_id, QuizAttempt.lesson_id == lesson_id,
            col(QuizAttempt.finished_at).is_(None),
        )
        return (await session.exec(statement)).first()

    @staticmethod
    async def _answers(session: AsyncSession, attempt_id: int) -> list[QuizAnswer]:
        statement = select(QuizAnswer).where(QuizAnswer.attempt_id == attempt_id).order_by(col(QuizAnswer.position))
        return list((await session.exec(statement)).all())

    def _timed_out(self, attempt: QuizAttempt) -> bool:
        return attempt.deadline_at is not None and self._clock() > attempt.deadline_at

    def _question(self, course_id: str, question_id: str) -> Question | None:
        course = self._catalogue.course(course_id)
        return course.question(question_id) if course else None

    def _step(self, attempt: QuizAttempt, answer: QuizAnswer) -> Step:
        question = self._question(answer.course_id, answer.question_id)
        assert question is not None, "questions of an open attempt exist in the catalogue"
        return Step(attempt, answer, question, tuple(json.loads(answer.option_order)),
                    frozenset(json.loads(answer.selected)))
