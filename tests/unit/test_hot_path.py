"""The card-reading hot path: officers kept in memory, positions written behind, caches that follow changes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.content import load_catalogue
from bot.services.directory import OfficerDirectory
from bot.services.learning import LearningService
from bot.services.officers import OfficerService
from bot.services.personnel import PersonnelService, parse_personnel_csv
from bot.services.privacy import IdentifierHasher
from bot.services.progress import ProgressLog
from bot.storage.database import UnitOfWork, create_engine, upgrade_database
from bot.storage.models import LessonProgress, Officer
from bot.storage.tracking import read_epoch, tracked_sessions
from tests.conftest import FixedClock
from tests.support.content import write_course

HASHER = IdentifierHasher("k" * 40)


class Counted:
    """An engine whose SQL statements are counted."""

    def __init__(self, url: str) -> None:
        self.statements = 0
        self.engine: AsyncEngine = create_engine(url, on_statement=self._count)

    def _count(self) -> None:
        self.statements += 1


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Counted]:
    counted = Counted(database_url)
    await upgrade_database(counted.engine)
    yield counted
    await counted.engine.dispose()


@pytest.fixture
def catalogue(tmp_path: Path):
    write_course(tmp_path / "content", lessons=2, cards=3)
    return load_catalogue(tmp_path / "content")


async def seed_list(sessions, *phones: str) -> None:
    csv = "personnel_id,phone\n" + "".join(f"P-{i},{phone}\n" for i, phone in enumerate(phones))
    rows, problems = parse_personnel_csv(csv.encode(), HASHER)
    assert not problems
    unit = UnitOfWork(sessions)
    await PersonnelService(FixedClock()).replace(unit.session, rows)
    await unit.finish()


async def test_a_known_officer_costs_no_query_and_last_seen_is_written_hourly(db: Counted) -> None:
    clock = FixedClock()
    directory = OfficerDirectory()
    officers = OfficerService(clock, directory)
    sessions = tracked_sessions(db.engine, directory.forget)
    for _ in range(2):  # first contact creates the row; the second update loads it into the directory
        unit = UnitOfWork(sessions)
        await officers.identify(unit.session, 42, "en")
        await unit.finish()
    before = db.statements
    clock.now += timedelta(minutes=30)
    unit = UnitOfWork(sessions)
    officer = await officers.identify(unit.session, 42, "en")
    await unit.finish()
    assert officer.telegram_id == 42 and db.statements == before, "a known officer within the hour: no SQL at all"
    clock.now += timedelta(minutes=31)
    unit = UnitOfWork(sessions)
    await officers.identify(unit.session, 42, "en")
    await unit.finish()
    assert db.statements > before, "last seen an hour ago: written once"
    unit = UnitOfWork(sessions)
    stored = await officers.by_telegram_id(unit.session, 42)
    assert stored is not None and stored.last_seen_at == clock.now
    await unit.finish()


async def test_access_changes_bump_the_shared_version_and_both_instances_forget(db: Counted) -> None:
    clock = FixedClock()
    here, there = OfficerDirectory(), OfficerDirectory()
    sessions_here = tracked_sessions(db.engine, here.forget)
    sessions_there = tracked_sessions(db.engine, there.forget)
    await seed_list(sessions_here, "+33610000001")
    for directory, sessions in ((here, sessions_here), (there, sessions_there)):
        for _ in range(2):  # the first update of all creates the officer; the next one loads and keeps it
            unit = UnitOfWork(sessions)
            await directory.follow(unit.session)
            await OfficerService(clock, directory).identify(unit.session, 7, "en")
            await unit.finish()
        assert len(directory) == 1

    unit = UnitOfWork(sessions_here)
    version = await read_epoch(unit.session)
    officer = await OfficerService(clock, here).identify(unit.session, 7, "en")
    OfficerService.choose_locale(officer, "fr")  # an access-relevant change of this officer only
    await unit.finish()
    assert len(here) == 0, "this instance forgets the changed officer at once"

    unit = UnitOfWork(sessions_there)
    assert await read_epoch(unit.session) == version + 1
    assert await there.follow(unit.session) is True and len(there) == 0, "the other instance forgets at its next follow"
    await unit.finish()

    unit = UnitOfWork(sessions_here)
    await OfficerService(clock, here).identify(unit.session, 7, "en")
    assert await here.follow(unit.session) is False, "its own change does not make it forget everyone again"
    await unit.finish()
    await seed_list(sessions_here, "+33610000002")  # a new list: everyone may have lost access
    assert len(here) == 0


async def test_quiet_changes_do_not_bump_the_version(db: Counted) -> None:
    clock = FixedClock()
    directory = OfficerDirectory()
    sessions = tracked_sessions(db.engine, directory.forget)
    officers = OfficerService(clock, directory)
    unit = UnitOfWork(sessions)
    await officers.identify(unit.session, 9, "en")
    await unit.finish()
    unit = UnitOfWork(sessions)
    version = await read_epoch(unit.session)
    clock.now += timedelta(hours=2)
    await officers.identify(unit.session, 9, "es")  # last seen and Telegram's language: written, not loud
    await unit.finish()
    unit = UnitOfWork(sessions)
    assert await read_epoch(unit.session) == version
    await unit.finish()


async def test_positions_are_written_behind_and_completions_at_once(db: Counted, catalogue) -> None:
    clock = FixedClock(tick=timedelta(seconds=1))
    sessions = tracked_sessions(db.engine)
    log = ProgressLog()
    learning = LearningService(catalogue, clock, log)
    unit = UnitOfWork(sessions)
    officer = await OfficerService(clock).identify(unit.session, 11, "en")
    await unit.finish()

    unit = UnitOfWork(sessions)
    before = db.statements
    await learning.record_view(unit.session, officer, learning.locate("test-course", "lesson-1", 0))
    await learning.record_view(unit.session, officer, learning.locate("test-course", "lesson-1", 1))
    assert db.statements == before, "a card position costs no SQL"
    await learning.record_view(unit.session, officer, learning.locate("test-course", "lesson-1", 2))  # the last card
    await learning.record_view(unit.session, officer, learning.locate("test-course", "lesson-2", 1))
    assert (await learning.resume(unit.session, officer)).card_index == 1, "the officer reads their own writes"
    await unit.finish()

    # A crash now: a new process has only what was committed.
    after_crash = LearningService(catalogue, clock, ProgressLog())
    unit = UnitOfWork(sessions)
    status = await after_crash.course_status(unit.session, officer, catalogue.courses[0])
    assert status.completed_lessons == {"lesson-1"}, "a completion is never held back"
    resumed = await after_crash.resume(unit.session, officer)
    # Lesson 2's card 2 was only noted; lesson 1 is finished, so the officer goes on at lesson 2's start.
    assert (resumed.lesson.id, resumed.card_index) == ("lesson-2", 0), "lesson 2 card 2 was only noted"
    await unit.finish()

    unit = UnitOfWork(sessions)
    assert await learning.flush(unit.session) == 1
    await unit.finish()
    unit = UnitOfWork(sessions)
    resumed = await LearningService(catalogue, clock, ProgressLog()).resume(unit.session, officer)
    assert (resumed.lesson.id, resumed.card_index) == ("lesson-2", 1)
    await unit.finish()


async def test_a_flush_keeps_newer_rows_and_skips_erased_officers(db: Counted, catalogue) -> None:
    clock = FixedClock(tick=timedelta(seconds=1))
    sessions = tracked_sessions(db.engine)
    log = ProgressLog()
    learning = LearningService(catalogue, clock, log)
    unit = UnitOfWork(sessions)
    kept = await OfficerService(clock).identify(unit.session, 21, "en")
    erased = await OfficerService(clock).identify(unit.session, 22, "en")
    await unit.finish()
    stale_at = clock()
    unit = UnitOfWork(sessions)
    await learning.record_view(unit.session, kept, learning.locate("test-course", "lesson-2", 2))  # completes lesson 2
    await learning.record_view(unit.session, erased, learning.locate("test-course", "lesson-1", 1))
    await unit.session.delete(await unit.session.get(Officer, erased.id))
    await unit.finish()
    from bot.storage.repositories import ProgressWrite

    log.note(ProgressWrite(kept.id, "test-course", "lesson-2", 0, stale_at))  # older than the stored completion
    unit = UnitOfWork(sessions)
    await learning.flush(unit.session)
    await unit.finish()
    unit = UnitOfWork(sessions)
    row = await unit.session.get(LessonProgress, (kept.id, "test-course", "lesson-2"))
    assert row is not None and row.card_index == 2 and row.completed_at is not None
    assert await unit.session.get(LessonProgress, (erased.id, "test-course", "lesson-1")) is None
    await unit.finish()
