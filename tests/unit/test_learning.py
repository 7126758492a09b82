"""Reading progress: recorded per card, resumed exactly, robust to content changes."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot.content import load_catalogue
from bot.services.learning import CourseStatus, LearningService, study_minutes
from bot.services.officers import OfficerService
from bot.storage.database import UnitOfWork
from tests.conftest import FixedClock
from tests.support.content import write_course


def FakeClock() -> FixedClock:  # noqa: N802
    return FixedClock(tick=timedelta(seconds=1))


@pytest.fixture
def catalogue(tmp_path: Path):
    write_course(tmp_path / "content", lessons=2, cards=3)
    return load_catalogue(tmp_path / "content")


async def test_progress_is_resumed_exactly_from_a_new_session(sessions, catalogue) -> None:
    clock = FakeClock()
    learning, officers = LearningService(catalogue, clock), OfficerService(clock)
    unit = UnitOfWork(sessions)
    officer = await officers.identify(unit.session, 42, "fr-FR")
    position = learning.locate("test-course", "lesson-2", 1)
    assert position is not None
    await learning.record_view(unit.session, officer, learning.locate("test-course", "lesson-1", 2))
    await learning.record_view(unit.session, officer, position)
    await unit.finish()

    unit = UnitOfWork(sessions)
    same = await officers.identify(unit.session, 42, None)
    assert same.id == officer.id and same.telegram_locale == "fr-FR"
    resumed = await learning.resume(unit.session, same)
    assert resumed == position
    status = await learning.course_status(unit.session, same, position.course)
    assert status.completed_lessons == {"lesson-1"} and not status.finished
    await unit.finish()


async def test_failed_unit_of_work_keeps_nothing(sessions, catalogue) -> None:
    officers = OfficerService(FakeClock())
    unit = UnitOfWork(sessions)
    await officers.identify(unit.session, 7, "en")
    unit.failed = True
    await unit.finish()
    unit = UnitOfWork(sessions)
    from bot.storage.repositories import OfficerRepository

    assert await OfficerRepository(unit.session).by_telegram_id(7) is None
    await unit.finish()


def test_locate_refuses_cards_that_do_not_exist(catalogue) -> None:
    learning = LearningService(catalogue, FakeClock())
    assert learning.locate("test-course", "lesson-1", 0) is not None
    assert learning.locate("test-course", "lesson-1", 3) is None
    assert learning.locate("test-course", "lesson-9", 0) is None
    assert learning.locate("other", "lesson-1", 0) is None


def test_navigation_crosses_lesson_boundaries(catalogue) -> None:
    learning = LearningService(catalogue, FakeClock())
    last_of_first = learning.locate("test-course", "lesson-1", 2)
    assert last_of_first is not None and last_of_first.is_last_card
    following = last_of_first.next()
    assert following is not None and (following.lesson.id, following.card_index) == ("lesson-2", 0)
    assert following.previous() == last_of_first
    assert learning.locate("test-course", "lesson-1", 0).previous() is None
    assert learning.locate("test-course", "lesson-2", 2).next() is None


async def test_resume_clamps_to_a_shortened_lesson(sessions, tmp_path: Path) -> None:
    write_course(tmp_path / "long", lessons=1, cards=4)
    write_course(tmp_path / "short", lessons=1, cards=2)
    clock = FakeClock()
    unit = UnitOfWork(sessions)
    officer = await OfficerService(clock).identify(unit.session, 5, "en")
    long = LearningService(load_catalogue(tmp_path / "long"), clock)
    await long.record_view(unit.session, officer, long.locate("test-course", "lesson-1", 2))
    await long.flush(unit.session)  # card 3 of 4 is a position, written behind
    resumed = await LearningService(load_catalogue(tmp_path / "short"), clock).resume(unit.session, officer)
    assert resumed is not None and resumed.card_index == 1
    await unit.finish()


async def test_resume_goes_forward_from_a_finished_lesson(sessions, tmp_path: Path) -> None:
    write_course(tmp_path / "content", lessons=3, cards=3)
    catalogue = load_catalogue(tmp_path / "content")
    clock = FakeClock()
    learning = LearningService(catalogue, clock)
    unit = UnitOfWork(sessions)
    officer = await OfficerService(clock).identify(unit.session, 8, "en")

    async def view(lesson: int, card: int) -> None:
        await learning.record_view(unit.session, officer, learning.locate("test-course", f"lesson-{lesson}", card))

    await view(1, 2)  # the last card of lesson 1 (then, say, its check)
    assert await learning.resume(unit.session, officer) == learning.locate("test-course", "lesson-2", 0)
    await view(3, 1)
    await view(2, 0)
    await view(2, 2)  # lesson 2 done: lesson 3 was left at its second card
    assert await learning.resume(unit.session, officer) == learning.locate("test-course", "lesson-3", 1)
    await view(1, 1)  # re-reading a finished lesson resumes right there
    assert await learning.resume(unit.session, officer) == learning.locate("test-course", "lesson-1", 1)
    await view(3, 2)
    await view(1, 2)
    finished = await learning.resume(unit.session, officer)
    assert isinstance(finished, CourseStatus) and finished.finished and finished.resume_at is None
    await unit.finish()


def test_study_minutes_count_reading_checks_and_the_final_quiz(catalogue) -> None:
    course = catalogue.course("test-course")
    chars = sum(card.chars for lesson in course.lessons for card in lesson.cards["en"])
    assert chars < 900 and not course.questions
    assert study_minutes(course) == 5, "at least five minutes, in steps of five"
