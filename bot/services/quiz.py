"""Quizzes: lesson checks, final quizzes and review sessions; options shuffled, the key kept here."""

from __future__ import annotations

import json
import random
from collections import Counter
from datetime import timedelta

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.content import Catalogue, Course, Question
from bot.services.certificates import CertificateService
from bot.services.clock import Clock
from bot.services.quiz_results import (
    Answered,
    Attempt,
    Feedback,
    FinalRules,
    Kind,
    Outcome,
    Refusal,
    Refused,
    Result,
    Step,
    answered,
)
from bot.services.quiz_rules import PastAttempt, RetakeState, Wait, draw_questions, retake_state
from bot.services.review import ReviewService
from bot.storage.models import Officer, QuizAnswer, QuizAttempt
from bot.storage.repositories import ProgressRepository

__all__ = ["Answered", "Attempt", "Feedback", "FinalRules", "Kind", "Outcome", "QuizService", "Refusal", "Refused",
           "Result", "Step"]
REVIEW_SESSION_SIZE = 10


class QuizService:
    """Runs attempts; every answer is checked against the attempt's owner, state and position."""

    def __init__(self, catalogue: Catalogue, clock: Clock, reviews: ReviewService,
                 certificates: CertificateService, rng: random.Random | None = None) -> None:
        self._catalogue, self._clock, self._reviews, self._certificates = catalogue, clock, reviews, certificates
        self._rng = rng or random.SystemRandom()

    async def open_final(self, session: AsyncSession, officer: Officer, course: Course) -> FinalRules | Step | Result | Refusal:
        """The attempt under way, or the rules to read before a new one, or why none may start."""
        state = await self._final_under_way_or_allowed(session, officer, course)
        if not isinstance(state, RetakeState):
            return state
        policy = course.quiz
        pool = len(course.final_quiz)
        return FinalRules(course, min(policy.draw or pool, pool), pool, policy.pass_mark, policy.time_limit_minutes,
                          state.attempts_left, Feedback(policy.final_feedback))

    async def begin_final(self, session: AsyncSession, officer: Officer, course: Course) -> Step | Result | Refusal:
        """A new final attempt drawn from the pool (or the one under way, after a double tap)."""
        state = await self._final_under_way_or_allowed(session, officer, course)
        if not isinstance(state, RetakeState):
            return state
        seen = await self._seen_in_finals(session, officer, course.id)
        questions = draw_questions(course.final_quiz, course.quiz.draw, seen, self._rng)
        attempt = await self._create(session, officer, Kind.FINAL, course, None, questions)
        return await self.advance(session, officer, attempt.id or 0)

    async def start_check(self, session: AsyncSession, officer: Officer, course: Course, lesson_id: str) -> Step | Result | Refusal:
        """Start (or resume) the short check at the end of a lesson."""
        questions = course.lesson_check(lesson_id)
        if not questions:
            return Refusal(Refused.NO_QUESTIONS)
        open_attempt = await self._open_attempt(session, officer, Kind.LESSON, course.id, lesson_id)
        if open_attempt is None:
            open_attempt = await self._create(session, officer, Kind.LESSON, course, lesson_id, list(questions))
        return await self.advance(session, officer, open_attempt.id or 0)

    async def start_review(self, session: AsyncSession, officer: Officer) -> Step | Result | Refusal:
        """A session of due questions, mixed across courses."""
        assert officer.id is not None
        open_attempt = await self._open_attempt(session, officer, Kind.REVIEW, None, None)
        if open_attempt is not None:
            return await self.advance(session, officer, open_attempt.id or 0)
        due = await self._reviews.due(session, officer.id, self._clock(), REVIEW_SESSION_SIZE * 2)
        items = [(card.course_id, q) for card in due if (q := self._question(card.course_id, card.question_id))]
        if not items:
            return Refusal(Refused.NOTHING_DUE)
        items = items[:REVIEW_SESSION_SIZE]
        self._rng.shuffle(items)
        attempt = await self._insert(session, officer, Kind.REVIEW, None, None, items, presentation="inline",
                                     feedback=Feedback.EACH, time_limit_minutes=0)
        return await self.advance(session, officer, attempt.id or 0)

    async def advance(self, session: AsyncSession, officer: Officer, attempt_id: int) -> Step | Result | Refusal:
        """The next unanswered question, now on screen; or, when none is left or time ran out, the
        attempt finished (a passing final issues its certificate) and its result."""
        state = await self._position(session, officer, attempt_id)
        if isinstance(state, tuple):
            attempt, pending = state
            pending.shown_at = pending.shown_at or self._clock()
            session.add(pending)
            return self._step(attempt, pending)
        return state

    async def attach_poll(self, session: AsyncSession, step: Step, poll_id: str) -> None:
        """The question went out as this quiz poll: its answers come back by poll id."""
        row = await session.get(QuizAnswer, (step.attempt.id, step.position))
        if row is not None:
            row.poll_id = poll_id
            session.add(row)

    async def choose(self, session: AsyncSession, officer: Officer, attempt_id: int, position: int,
                     shown: int) -> Step | Outcome | Result | Refusal:
        """A tap on an option: it answers a one-answer question, and ticks or unticks a several-answers one."""
        state = await self._expect(session, officer, attempt_id, position)
        if not isinstance(state, tuple):
            return state
        attempt, row = state
        step = self._step(attempt, row)
        if step.question.kind != "multiple":
            return await self._answer(session, officer, attempt, row, {shown})
        if not 0 <= shown < len(step.order):
            return Refusal(Refused.BAD_OPTION)
        row.selected = json.dumps(sorted(set(step.selected) ^ {shown}))
        session.add(row)
        return self._step(attempt, row)

    async def submit(self, session: AsyncSession, officer: Officer, attempt_id: int, position: int) -> Outcome | Result | Refusal:
        """Submit the options ticked so far."""
        state = await self._expect(session, officer, attempt_id, position)
        if not isinstance(state, tuple):
            return state
        attempt, row = state
        return await self._answer(session, officer, attempt, row, set(json.loads(row.selected)))

    async def answer_poll(self, session: AsyncSession, officer: Officer, poll_id: str,
                          option_ids: list[int]) -> Outcome | Result | Refusal | None:
        """A poll answer; None when the poll is not one of ours."""
        row = (await session.exec(select(QuizAnswer).where(QuizAnswer.poll_id == poll_id))).first()
        if row is None:
            return None
        state = await self._expect(session, officer, row.attempt_id, row.position)
        if not isinstance(state, tuple):
            return state
        return await self._answer(session, officer, state[0], state[1], set(option_ids))

    async def _answer(self, session: AsyncSession, officer: Officer, attempt: QuizAttempt, row: QuizAnswer,
                      shown: set[int]) -> Outcome | Refusal:
        order = json.loads(row.option_order)
        if not shown or not all(0 <= index < len(order) for index in shown):
            return Refusal(Refused.BAD_OPTION)
        question = self._question(row.course_id, row.question_id)
        assert question is not None
        now = self._clock()
        chosen = {order[index] for index in shown}
        correct = chosen == set(question.correct)
        row.chosen, row.correct, row.answered_at = json.dumps(sorted(chosen)), correct, now
        session.add(row)
        attempt.correct_count += int(correct)
        session.add(attempt)
        seconds = (now - row.shown_at).total_seconds() if row.shown_at else None
        assert officer.id is not None
        await self._reviews.record(session, officer.id, row.course_id, row.question_id, correct, seconds, now)
        await session.flush()
        following = await self.advance(session, officer, attempt.id or 0)
        assert not isinstance(following, Refusal)
        return Outcome(answered(row, question), following)

    async def _position(self, session: AsyncSession, officer: Officer,
                        attempt_id: int) -> tuple[QuizAttempt, QuizAnswer] | Result | Refusal:
        """The attempt and its pending answer, or its result once nothing is pending (finishing it now)."""
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
        return attempt, pending

    async def _expect(self, session: AsyncSession, officer: Officer, attempt_id: int,
                      position: int) -> tuple[QuizAttempt, QuizAnswer] | Result | Refusal:
        state = await self._position(session, officer, attempt_id)
        if isinstance(state, Result):
            # Running out of time is news for the officer; any other finished attempt is a stale button.
            return state if state.timed_out else Refusal(Refused.FINISHED)
        if isinstance(state, tuple) and state[1].position != position:
            return Refusal(Refused.NOT_CURRENT)
        return state

    async def _finish(self, session: AsyncSession, officer: Officer, attempt: QuizAttempt,
                      answers: list[QuizAnswer], *, timed_out: bool = False) -> Result:
        percent = attempt.correct_count * 100 // max(attempt.question_count, 1)
        course = self._catalogue.course(attempt.course_id) if attempt.course_id else None
        finishing = attempt.finished_at is None  # else: looking at an old result
        if finishing:
            attempt.finished_at = self._clock()
            if attempt.kind == Kind.FINAL and course is not None:
                attempt.passed = percent >= course.quiz.pass_mark
            session.add(attempt)
        certificate = None
        if attempt.kind == Kind.FINAL and attempt.passed and course is not None:
            issued = await self._certificates.issue(session, officer, course, percent) if finishing else None
            # A certificate comes with its result when it is new, or when it has not reached the officer yet.
            certificate = issued or await self._certificates.undelivered(session, officer, course.id)
        pairs = [(a, q) for a in answers if (q := self._question(a.course_id, a.question_id))]
        view = Attempt.of(attempt)
        return Result(view, percent, attempt.passed, tuple(answered(a, q) for a, q in pairs),
                      timed_out, certificate)

    async def _final_under_way_or_allowed(self, session: AsyncSession, officer: Officer,
                                          course: Course) -> Step | Result | Refusal | RetakeState:
        """The open attempt's next step; else why a new attempt may not start, or how many remain."""
        open_attempt = await self._open_attempt(session, officer, Kind.FINAL, course.id, None)
        if open_attempt is not None:
            return await self.advance(session, officer, open_attempt.id or 0)
        if not course.final_quiz:
            return Refusal(Refused.NO_QUESTIONS)
        if course.quiz.require_lessons:
            assert officer.id is not None
            rows = await ProgressRepository(session).for_course(officer.id, course.id)
            done = {row.lesson_id for row in rows if row.completed_at is not None}
            remaining = sum(lesson.id not in done for lesson in course.lessons)
            if remaining:
                return Refusal(Refused.LESSONS_REMAINING, remaining=remaining, course_id=course.id)
        statement = select(QuizAttempt).where(
            QuizAttempt.officer_id == officer.id, QuizAttempt.course_id == course.id,
            QuizAttempt.kind == Kind.FINAL, col(QuizAttempt.finished_at).is_not(None),
        ).order_by(col(QuizAttempt.finished_at).desc())
        past = [PastAttempt(a.started_at, a.finished_at, bool(a.passed))  # type: ignore[arg-type]
                for a in (await session.exec(statement)).all()]
        state = retake_state(course.quiz, past, self._clock())
        if state.wait is Wait.NO_ATTEMPTS_LEFT:
            return Refusal(Refused.NO_ATTEMPTS_LEFT, course_id=course.id)
        if state.wait is Wait.COOLING_DOWN:
            return Refusal(Refused.COOLING_DOWN, until=state.until, course_id=course.id)
        return state

    @staticmethod
    async def _seen_in_finals(session: AsyncSession, officer: Officer, course_id: str) -> Counter[str]:
        statement = select(QuizAnswer.question_id).join(QuizAttempt).where(
            QuizAttempt.officer_id == officer.id, QuizAttempt.course_id == course_id, QuizAttempt.kind == Kind.FINAL,
        )
        return Counter((await session.exec(statement)).all())

    async def _create(self, session: AsyncSession, officer: Officer, kind: Kind, course: Course, lesson_id: str | None,
                      questions: list[Question]) -> QuizAttempt:
        final = kind is Kind.FINAL
        return await self._insert(
            session, officer, kind, course.id, lesson_id, [(course.id, q) for q in questions],
            presentation=course.quiz.presentation,
            feedback=Feedback(course.quiz.final_feedback) if final else Feedback.EACH,
            time_limit_minutes=course.quiz.time_limit_minutes if final else 0,
        )

    async def _insert(self, session: AsyncSession, officer: Officer, kind: Kind, course_id: str | None,
                      lesson_id: str | None, items: list[tuple[str, Question]], *, presentation: str,
                      feedback: Feedback, time_limit_minutes: int) -> QuizAttempt:
        assert officer.id is not None
        now = self._clock()
        attempt = QuizAttempt(
            officer_id=officer.id, kind=kind.value, course_id=course_id, lesson_id=lesson_id,
            presentation=presentation, feedback=feedback.value, question_count=len(items), started_at=now,
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

    def _step(self, attempt: QuizAttempt, row: QuizAnswer) -> Step:
        question = self._question(row.course_id, row.question_id)
        assert question is not None, "questions of an open attempt exist in the catalogue"
        return Step(Attempt.of(attempt), row.position, question, tuple(json.loads(row.option_order)),
                    frozenset(json.loads(row.selected)))
