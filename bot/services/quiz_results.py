"""What the quiz service hands to handlers: small plain values, never storage rows."""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass
from datetime import datetime

from bot.content import Course, Question
from bot.services.certificates import IssuedCertificate
from bot.storage.models import QuizAnswer, QuizAttempt


class Kind(enum.StrEnum):
    LESSON = "lesson"
    FINAL = "final"
    REVIEW = "review"


class Feedback(enum.StrEnum):
    """When an officer learns whether an answer was right: after each answer, or only at the end."""

    EACH = "each"
    END = "end"


class Refused(enum.Enum):
    """Why an attempt cannot start, or an answer cannot be taken."""

    NO_QUESTIONS = "no-questions"
    NOTHING_DUE = "nothing-due"
    LESSONS_REMAINING = "lessons-remaining"
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
    remaining: int = 0  # lessons still to complete
    course_id: str | None = None  # the course whose final quiz was refused


@dataclass(frozen=True, slots=True)
class Attempt:
    """One run through a lesson check, a final quiz or a review session."""

    id: int
    kind: Kind
    course_id: str | None
    lesson_id: str | None
    presentation: str
    feedback: Feedback
    question_count: int
    correct_count: int
    started_at: datetime
    deadline_at: datetime | None

    @classmethod
    def of(cls, row: QuizAttempt) -> Attempt:
        assert row.id is not None
        return cls(row.id, Kind(row.kind), row.course_id, row.lesson_id, row.presentation, Feedback(row.feedback),
                   row.question_count, row.correct_count, row.started_at, row.deadline_at)

    @property
    def time_limit_minutes(self) -> int:
        return round((self.deadline_at - self.started_at).total_seconds() / 60) if self.deadline_at else 0


@dataclass(frozen=True, slots=True)
class Step:
    """The question to show: its options in this attempt's shuffled order, and those ticked so far."""

    attempt: Attempt
    position: int
    question: Question
    order: tuple[int, ...]
    selected: frozenset[int]

    @property
    def correct_displayed(self) -> tuple[int, ...]:
        return tuple(shown for shown, original in enumerate(self.order) if original in self.question.correct)


@dataclass(frozen=True, slots=True)
class Answered:
    """A question of an attempt with the officer's answer (displayed positions); correct is None if unanswered."""

    position: int
    question: Question
    order: tuple[int, ...]
    chosen: tuple[int, ...]
    correct: bool | None

    @property
    def correct_displayed(self) -> tuple[int, ...]:
        return tuple(shown for shown, original in enumerate(self.order) if original in self.question.correct)


def answered(row: QuizAnswer, question: Question) -> Answered:
    order = tuple(json.loads(row.option_order))
    chosen = tuple(sorted(order.index(o) for o in json.loads(row.chosen) if o in order)) if row.chosen else ()
    return Answered(row.position, question, order, chosen, row.correct)


@dataclass(frozen=True, slots=True)
class Result:
    """A finished attempt; certificate is set when it comes with one to send (new, or not delivered yet)."""

    attempt: Attempt
    percent: int
    passed: bool | None
    answers: tuple[Answered, ...]
    timed_out: bool = False
    certificate: IssuedCertificate | None = None

    @property
    def missed(self) -> tuple[Question, ...]:
        return tuple(a.question for a in self.answers if not a.correct)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What answering did: the answer as recorded, and what follows (the next question or the result)."""

    answer: Answered
    following: Step | Result

    @property
    def correct(self) -> bool:
        return bool(self.answer.correct)


@dataclass(frozen=True, slots=True)
class FinalRules:
    """What the officer reads before a final attempt starts."""

    course: Course
    questions: int
    pool: int
    pass_mark: int
    time_limit_minutes: int
    attempts_left: int | None
    feedback: Feedback
