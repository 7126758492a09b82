"""The immutable catalogue the bot serves, and the report of a content check."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from bot.formatting import FormattedText
from bot.locales import SUPPORTED_LOCALES

REFERENCE_LOCALE = "en"
QuestionKind = Literal["single", "multiple", "truefalse"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in the content, printed as `file:line: message`."""

    file: Path
    line: int
    message: str

    def __str__(self) -> str:
        file = self.file.relative_to(Path.cwd()) if self.file.is_relative_to(Path.cwd()) else self.file
        return f"{file}:{self.line}: {self.message}"


@dataclass(frozen=True, slots=True)
class Card:
    """One phone screen of a lesson: its text and formatting entities (HTML is made at the Telegram edge)."""

    formatted: FormattedText

    @property
    def chars(self) -> int:
        return len(self.formatted.text)


@dataclass(frozen=True, slots=True)
class Lesson:
    """A lesson: the same cards in every language."""

    id: str
    titles: Mapping[str, str]
    cards: Mapping[str, tuple[Card, ...]]

    @property
    def card_count(self) -> int:
        return len(self.cards[REFERENCE_LOCALE])


@dataclass(frozen=True, slots=True)
class Question:
    """A quiz question; the answer key is the same in every language."""

    id: str
    lesson_id: str | None
    kind: QuestionKind
    correct: frozenset[int]
    texts: Mapping[str, str]
    options: Mapping[str, tuple[str, ...]]
    explanations: Mapping[str, str]
    # For final-quiz questions: the lesson whose material the question tests (draws balance on it).
    covers: str | None = None
    # A situation an officer meets on duty ("what do you do / which tool / which Notice"), not recall.
    scenario: bool = False

    @property
    def option_count(self) -> int:
        return 2 if self.kind == "truefalse" else len(self.options[REFERENCE_LOCALE])


@dataclass(frozen=True, slots=True)
class QuizPolicy:
    """How a course's quizzes are presented and passed (course.toml, [quiz])."""

    presentation: Literal["inline", "poll"] = "inline"
    pass_mark: int = 80
    time_limit_minutes: int = 0
    max_attempts: int = 0
    retake_cooldown_hours: int = 0
    # Questions drawn from the final-quiz pool per attempt; 0 draws the whole pool.
    draw: int = 0
    # The final quiz opens only once every lesson of the course is completed.
    require_lessons: bool = True
    # Final quizzes: "end" shows results and explanations only after the last answer; "each" after every answer.
    final_feedback: Literal["end", "each"] = "end"
    # Months a certificate of this course stays valid; 0 means it does not expire.
    certificate_valid_months: int = 0
    # Failed final attempts in a row before the retake_cooldown_hours wait (1: a wait after each failure).
    cooldown_after_attempts: int = 1


@dataclass(frozen=True, slots=True)
class Course:
    """A course: metadata, its lessons in order, and its questions."""

    id: str
    order: int
    titles: Mapping[str, str]
    summaries: Mapping[str, str]
    lessons: tuple[Lesson, ...]
    questions: tuple[Question, ...] = ()
    quiz: QuizPolicy = QuizPolicy()

    def lesson_index(self, lesson_id: str) -> int | None:
        return next((i for i, lesson in enumerate(self.lessons) if lesson.id == lesson_id), None)

    def question(self, question_id: str) -> Question | None:
        return next((question for question in self.questions if question.id == question_id), None)

    def lesson_check(self, lesson_id: str) -> tuple[Question, ...]:
        """The short check that ends a lesson (possibly empty)."""
        return tuple(question for question in self.questions if question.lesson_id == lesson_id)

    @property
    def final_quiz(self) -> tuple[Question, ...]:
        return tuple(question for question in self.questions if question.lesson_id is None)


@dataclass(frozen=True, slots=True)
class Catalogue:
    """Every course, in catalogue order."""

    courses: tuple[Course, ...]
    _by_id: Mapping[str, Course] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", MappingProxyType({course.id: course for course in self.courses}))

    def course(self, course_id: str) -> Course | None:
        return self._by_id.get(course_id)


class ContentError(Exception):
    """The content folder has problems; the bot refuses to start on it."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


@dataclass
class Report:
    """What a content check found: problems (errors), warnings, what was read per language, the catalogue if valid."""

    problems: list[Problem] = field(default_factory=list)
    # Quality findings (lints): printed and counted, they never stop the bot; `content check --strict` fails on them.
    warnings: list[Problem] = field(default_factory=list)
    counts: dict[str, Counter[str]] = field(default_factory=lambda: {locale: Counter() for locale in SUPPORTED_LOCALES})
    catalogue: Catalogue | None = None

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def warn(self, warning: Problem) -> None:
        self.warnings.append(warning)

    def summary(self) -> list[str]:
        """One line per language counting courses, lessons, cards and quiz questions."""
        return [
            f"{locale}: {c['courses']} courses, {c['lessons']} lessons, {c['cards']} cards, {c['questions']} quiz questions"
            for locale, c in self.counts.items()
        ]


