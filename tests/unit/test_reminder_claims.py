"""Which reminders are due and worth sending, on a real database with a fixed clock (no Telegram)."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.services.claims import new_claim
from bot.services.cohorts import apply_memberships
from bot.services.due_reminders import ReminderJob
from bot.settings import load_settings
from bot.storage.database import upgrade_database
from bot.storage.models import LessonProgress, Officer, Personnel, Reminder, ReviewCard
from bot.wiring import Services, build_services
from tests.conftest import FixedClock
from tests.support.content import write_course

# Saturday 9 January 2027, 12:00 UTC; Paris is UTC+1 in winter, reminders at 18:00 local = 17:00 UTC.
NOON = datetime(2027, 1, 9, 12, tzinfo=UTC)
SIX_PM = datetime(2027, 1, 9, 17, tzinfo=UTC)


@pytest.fixture
async def services(database_url: str, tmp_path: Path) -> AsyncIterator[Services]:
    write_course(tmp_path / "content", lessons=2, cards=2)
    settings = load_settings(database_url=database_url, secret_key=secrets.token_urlsafe(48),
                             content_dir=tmp_path / "content")
    built = build_services(settings, clock=FixedClock(NOON))
    await upgrade_database(built.engine)
    yield built
    await built.engine.dispose()


def at(services: Services, moment: datetime) -> None:
    services.clock.now = moment  # type: ignore[attr-defined]


async def officer(services: Services, telegram_id: int = 501, country: str = "FR") -> Officer:
    async with services.unit_of_work() as unit:
        entry = Personnel(personnel_id=f"P-{telegram_id}", country=country, updated_at=NOON)
        unit.session.add(entry)
        await unit.session.flush()
        row = Officer(telegram_id=telegram_id, created_at=NOON, last_seen_at=NOON, personnel_ref=entry.id,
                      verified_at=NOON)
        unit.session.add(row)
        await unit.session.flush()
        assert await services.reminders.enrol(unit.session, row, introduced=True) is not None
    return row


async def claim(services: Services) -> list[ReminderJob]:
    async with services.unit_of_work() as unit:
        jobs, _ = await services.due_reminders.claim_due(unit.session, services.clock(), 20, new_claim())
    return jobs


async def send(services: Services, jobs: list[ReminderJob]) -> None:
    """What the dispatcher does right before each reminder leaves."""
    for job in jobs:
        async with services.unit_of_work() as unit:
            assert await services.due_reminders.confirm(unit.session, job)


async def reminder_row(services: Services, officer_id: int) -> Reminder:
    async with services.unit_of_work() as unit:
        row = await unit.session.get(Reminder, officer_id)
        assert row is not None
        return row


async def study(services: Services, officer_id: int, when: datetime, lesson: str = "lesson-1",
                completed: bool = False) -> None:
    async with services.unit_of_work() as unit:
        unit.session.add(LessonProgress(officer_id=officer_id, course_id="test-course", lesson_id=lesson, card_index=1,
                                        updated_at=when, completed_at=when if completed else None))


async def test_due_at_the_local_time_once_then_tomorrow(services: Services) -> None:
    someone = await officer(services)
    assert (await reminder_row(services, someone.id)).next_due_at == SIX_PM
    at(services, SIX_PM - timedelta(seconds=1))
    assert await claim(services) == []
    at(services, SIX_PM)
    [job] = await claim(services)
    assert job.digest.next_lesson is not None and job.digest.next_lesson.lesson_id == "lesson-1"
    assert job.time_zone == "Europe/Paris" and not job.introduce, "introduced at verification"
    assert await claim(services) == [], "claimed: not handed out twice"
    await send(services, [job])
    assert (await reminder_row(services, someone.id)).next_due_at == SIX_PM + timedelta(days=1)
    assert await claim(services) == []


async def test_a_lost_claim_is_sent_after_its_lease_and_the_late_claimant_cannot_send(services: Services) -> None:
    someone = await officer(services)
    at(services, SIX_PM)
    [first] = await claim(services)  # the process holding this claim dies before sending
    at(services, SIX_PM + timedelta(minutes=5))
    [second] = await claim(services)
    async with services.unit_of_work() as unit:
        assert not await services.due_reminders.confirm(unit.session, first), "the first claim was lost"
    await send(services, [second])
    assert (await reminder_row(services, someone.id)).next_due_at == SIX_PM + timedelta(days=1)


async def test_no_reminder_when_studied_today_or_nothing_to_do_or_unreachable(services: Services) -> None:
    studied, finished, blocked = await officer(services, 501), await officer(services, 502), await officer(services, 503)
    await study(services, studied.id, SIX_PM - timedelta(hours=3))
    for lesson in ("lesson-1", "lesson-2"):
        await study(services, finished.id, NOON - timedelta(days=3), lesson, completed=True)
    async with services.unit_of_work() as unit:
        await services.officers.mark_unreachable(unit.session, blocked.telegram_id)
    at(services, SIX_PM)
    assert await claim(services) == []
    for someone in (studied, finished, blocked):
        assert (await reminder_row(services, someone.id)).next_due_at == SIX_PM + timedelta(days=1)


async def test_three_ignored_reminders_halve_the_frequency_and_studying_restores_it(services: Services) -> None:
    someone = await officer(services)
    sent = []
    moment = SIX_PM
    for _ in range(4):
        at(services, moment)
        jobs = await claim(services)
        await send(services, jobs)
        sent += jobs
        moment = (await reminder_row(services, someone.id)).next_due_at
    assert [job.slowed_to for job in sent] == [None, None, None, 2], "the 4th, after 3 ignored, says so"
    assert moment == SIX_PM + timedelta(days=5), "then every 2 days"
    await study(services, someone.id, moment - timedelta(days=1))
    at(services, moment)
    await send(services, await claim(services))
    assert (await reminder_row(services, someone.id)).next_due_at == moment + timedelta(days=1)


async def test_a_late_reminder_waits_for_the_end_of_quiet_hours(services: Services) -> None:
    someone = await officer(services)
    at(services, datetime(2027, 1, 9, 22, 30, tzinfo=UTC))  # 23:30 in Paris: the bot was down at 18:00
    assert await claim(services) == []
    assert (await reminder_row(services, someone.id)).next_due_at == datetime(2027, 1, 10, 6, tzinfo=UTC)  # 07:00


async def test_due_dates_bring_reminders_on_their_days_even_after_studying(services: Services) -> None:
    someone = await officer(services)
    async with services.unit_of_work() as unit:
        await apply_memberships(unit.session, {"P-501": ["Lyon"]}, NOON)
        [cohort] = await services.cohorts.cohorts(unit.session)
        await services.cohorts.assign(unit.session, cohort.id, "test-course", date(2027, 1, 16), "manager")
        await services.reminders.reschedule(unit.session, [someone.id])
    await study(services, someone.id, SIX_PM - timedelta(hours=1))
    at(services, SIX_PM)
    [job] = await claim(services)
    assert [(soon.course_id, soon.days_left) for soon in job.digest.due_soon] == [("test-course", 7)]
    await send(services, [job])
    row = await reminder_row(services, someone.id)
    assert row.next_due_at == SIX_PM + timedelta(days=1)
    await study(services, someone.id, SIX_PM + timedelta(hours=20), "lesson-2")
    at(services, SIX_PM + timedelta(days=1))
    assert await claim(services) == [], "studied, and no due-date day"


async def test_a_review_that_falls_due_is_announced_once_to_those_who_opted_in(services: Services) -> None:
    keen, other = await officer(services, 501), await officer(services, 502)
    async with services.unit_of_work() as unit:
        await services.reminders.set_nudges(unit.session, keen, True)
        assert await services.due_reminders.schedule_nudges(unit.session, NOON) == 0, "the first pass sets the watermark"
        for someone in (keen, other):
            unit.session.add(ReviewCard(officer_id=someone.id, course_id="test-course", question_id="q", fsrs_state="{}",
                                        due=NOON + timedelta(hours=1)))
    later = NOON + timedelta(hours=2)
    at(services, later)
    async with services.unit_of_work() as unit:
        assert await services.due_reminders.schedule_nudges(unit.session, later) == 1
    async with services.unit_of_work() as unit:
        jobs, _ = await services.due_reminders.claim_nudges(unit.session, later, 20)
    assert [(job.officer_id, job.kind, job.digest.reviews_due) for job in jobs] == [(keen.id, "nudge", 1)]
    async with services.unit_of_work() as unit:
        assert await services.due_reminders.schedule_nudges(unit.session, later + timedelta(hours=1)) == 0
        assert (await services.due_reminders.claim_nudges(unit.session, later + timedelta(hours=1), 20))[0] == []
