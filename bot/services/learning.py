"""Reading lessons card by card, and remembering where each officer stopped."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.content import REFERENCE_LOCALE, Catalogue, Course, Lesson
from bot.services.clock import Clock
from bot.services.progress import ProgressLog
from bot.storage.models import Officer
from bot.storage.repositories import ProgressRepository, ProgressWrite


@dataclass(frozen=True, slots=True)
class CardPosition:
    """A card that exists in the catalogue."""

    course: Course
    lesson_index: int
    card_index: int

    @property
    def lesson(self) -> Lesson:
        return self.course.lessons[self.lesson_index]

    @property
    def is_last_card(self) -> bool:
        return self.card_index == self.lesson.card_count - 1

    @property
    def is_last_lesson(self) -> bool:
        return self.lesson_index == len(self.course.lessons) - 1

    def previous(self) -> CardPosition | None:
        """The card before this one, across lesson boundaries; None at the very start."""
        if self.card_index > 0:
            return CardPosition(self.course, self.lesson_index, self.card_index - 1)
        if self.lesson_index > 0:
            before = self.course.lessons[self.lesson_index - 1]
            return CardPosition(self.course, self.lesson_index - 1, before.card_count - 1)
        return None

    def next(self) -> CardPosition | None:
        """The card after this one, across lesson boundaries; None at the end of the course."""
        if not self.is_last_card:
            return CardPosition(self.course, self.lesson_index, self.card_index + 1)
        if not self.is_last_lesson:
            return CardPosition(self.course, self.lesson_index + 1, 0)
        return None


READING_CHARS_PER_MINUTE = 900  # careful reading on a phone, in a second language for many officers
MINUTES_PER_CHECK_QUESTION = 0.5
MINUTES_PER_FINAL_QUESTION = 1.0


def study_minutes(course: Course) -> int:
    """The course's length in study minutes: its cards read carefully, its checks and final quiz answered."""
    chars = sum(card.chars for lesson in course.lessons for card in lesson.cards[REFERENCE_LOCALE])
    checks = sum(len(course.lesson_check(lesson.id)) for lesson in course.lessons)
    final = min(course.quiz.draw or len(course.final_quiz), len(course.final_quiz))
    minutes = chars / READING_CHARS_PER_MINUTE + checks * MINUTES_PER_CHECK_QUESTION + final * MINUTES_PER_FINAL_QUESTION
    return max(5, math.ceil(minutes / 5) * 5)


@dataclass(frozen=True, slots=True)
class CourseStatus:
    """What an officer has done in one course; resume_at is where to go on (None once every lesson is done)."""

    course: Course
    completed_lessons: frozenset[str]
    resume_at: CardPosition | None
    cards_seen: Mapping[str, int] = field(default_factory=dict)  # per lesson, the card shown last

    def lesson_start(self, lesson_index: int) -> CardPosition:
        """Where opening a lesson from the overview lands: the card left off in an unfinished lesson, else the first."""
        lesson = self.course.lessons[lesson_index]
        card = 0 if lesson.id in self.completed_lessons else self.cards_seen.get(lesson.id, 0)
        return CardPosition(self.course, lesson_index, min(card, lesson.card_count - 1))

    @property
    def completed_count(self) -> int:
        return sum(lesson.id in self.completed_lessons for lesson in self.course.lessons)

    @property
    def finished(self) -> bool:
        return self.completed_count == len(self.course.lessons)


class LearningService:
    """Locates cards in the catalogue and records progress per card."""

    def __init__(self, catalogue: Catalogue, clock: Clock, log: ProgressLog | None = None) -> None:
        self._catalogue = catalogue
        self._clock = clock
        self._log = log if log is not None else ProgressLog()

    def locate(self, course_id: str, lesson_id: str, card_index: int) -> CardPosition | None:
        """The card at that address, or None when it does not exist (stale or forged buttons)."""
        course = self._catalogue.course(course_id)
        lesson_index = course.lesson_index(lesson_id) if course else None
        if course is None or lesson_index is None:
            return None
        if not 0 <= card_index < course.lessons[lesson_index].card_count:
            return None
        return CardPosition(course, lesson_index, card_index)

    async def record_view(self, session: AsyncSession, officer: Officer, position: CardPosition) -> None:
        """Remember that the officer is on this card; reaching the last card completes the lesson.

        A completion is written now, in the caller's transaction; other positions are written behind
        (see services/progress.py for what a crash can lose).
        """
        assert officer.id is not None
        course_id, lesson_id = position.course.id, position.lesson.id
        write = ProgressWrite(officer.id, course_id, lesson_id, position.card_index, self._clock(),
                              completed=position.is_last_card)
        if write.completed and not self._log.known_completed(officer.id, course_id, lesson_id):
            self._log.discard(officer.id, course_id, lesson_id)
            await ProgressRepository(session).write_many([write])
            self._log.completed(officer.id, course_id, lesson_id)
        else:
            self._log.note(write)

    async def flush(self, session: AsyncSession) -> int:
        """Write the positions held back since the last flush."""
        return await self._log.flush(session)

    async def settle(self, session: AsyncSession, officer: Officer) -> None:
        """Write one officer's held-back positions now (before showing them everything stored)."""
        assert officer.id is not None
        await self._log.flush(session, officer.id)

    def forget(self, officer: Officer) -> None:
        """Drop one officer's held-back positions (they asked for their data to be erased)."""
        assert officer.id is not None
        self._log.take(officer.id)

    async def resume(self, session: AsyncSession, officer: Officer) -> CardPosition | CourseStatus | None:
        """Where to go on in the course studied last: a card, or the course itself once every lesson is done."""
        assert officer.id is not None
        row = await ProgressRepository(session).latest(officer.id)
        pending = self._log.latest(officer.id)
        if pending is not None and (row is None or pending.at >= row.updated_at):
            course = self._catalogue.course(pending.course_id)
        else:
            course = self._catalogue.course(row.course_id) if row else None
        if course is None:
            return None
        status = await self.course_status(session, officer, course)
        return status if status.finished else status.resume_at

    async def course_status(self, session: AsyncSession, officer: Officer, course: Course) -> CourseStatus:
        """Completed lessons of a course and the card to go on at."""
        assert officer.id is not None
        places = self._log.overlay(officer.id, await ProgressRepository(session).for_course(officer.id, course.id),
                                   course.id)
        completed = frozenset(place.lesson_id for place in places if place.completed_at is not None)
        seen = {place.lesson_id: place.card_index for place in places}
        latest = max(places, key=lambda place: place.updated_at, default=None)
        at = self._clamped(course.id, latest.lesson_id, latest.card_index) if latest else None
        status = CourseStatus(course, completed, None, seen)
        if at is not None and at.is_last_card and at.lesson.id in completed:
            # The lesson (and its check) is behind the officer: go on with the next unfinished one.
            at = self._next_unfinished(status, at.lesson_index)
        return CourseStatus(course, completed, at, seen)

    @staticmethod
    def _next_unfinished(status: CourseStatus, after: int) -> CardPosition | None:
        lessons = status.course.lessons
        for index in [*range(after + 1, len(lessons)), *range(after)]:
            if lessons[index].id not in status.completed_lessons:
                return status.lesson_start(index)
        return None

    def _clamped(self, course_id: str, lesson_id: str, card_index: int) -> CardPosition | None:
        # Content may have lost cards since the officer's last visit: stay in the lesson if possible.
        course = self._catalogue.course(course_id)
        lesson_index = course.lesson_index(lesson_id) if course else None
        if course is None or lesson_index is None:
            return None
        last = course.lessons[lesson_index].card_count - 1
        return CardPosition(course, lesson_index, min(card_index, last))
