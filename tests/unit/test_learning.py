"""Reading progress: recorded per card, resumed exactly, robust to content changes."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot.content import load_catalogue
from bot.services.learning import LearningService
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
    write_course(tmp_path / "long", lessons=1, cards=3)
    write_course(tmp_path / "short", lessons=1, cards=2)
    clock = FakeClock()
    unit = UnitOfWork(sessions)
    officer = await OfficerService(clock).identify(unit.session, 5, "en")
    await LearningService(load_catalogue(tmp_path / "long"), clock).record_view(
        unit.session, officer, LearningService(load_catalogue(tmp_path / "long"), clock).locate("test-course", "lesson-1", 2)
    )
    resumed = await LearningService(load_catalogue(tmp_path / "short"), clock).resume(unit.session, officer)
    assert resumed is not None and resumed.card_index == 1
    await unit.finish()
