"""Study reminders: each officer's settings, and when their next reminder is due.

One row per officer (table `reminder`); `next_due_at` (indexed) is when the next daily reminder is
due, recomputed by every change of settings (services/reminder_times.py), and read by the
dispatcher's claims (services/due_reminders.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.daytime import QuietHours
from bot.services.clock import Clock
from bot.services.cohorts import AssignedCourse
from bot.services.reminder_times import (
    Schedule,
    local_day,
    milestone_days,
    next_reminder,
    zone_named,
)
from bot.services.study_digest import StudyDigest
from bot.services.zones import country_zones
from bot.storage.models import (
    Announcement,
    Cohort,
    CohortMember,
    Delivery,
    Officer,
    Personnel,
    Reminder,
)

MAX_PAUSE_DAYS = 90


@dataclass(frozen=True, slots=True)
class ReminderDefaults:
    """New officers' reminders, from settings."""

    at_minute: int = 18 * 60
    quiet: QuietHours | None = QuietHours(21 * 60, 7 * 60)


@dataclass(frozen=True, slots=True)
class ReminderView:
    """One officer's reminder settings, as the /reminders screen shows them."""

    enabled: bool
    at_minute: int
    time_zone: str
    quiet: QuietHours | None
    review_nudges: bool
    paused_until: datetime | None
    interval_days: int
    next_due_at: datetime | None


def quiet_of(row: Reminder) -> QuietHours | None:
    return None if row.quiet_start is None or row.quiet_end is None else QuietHours(row.quiet_start, row.quiet_end)


def schedule_of(row: Reminder, interval_days: int | None = None) -> Schedule:
    zone = zone_named(row.time_zone) or zone_named("UTC")
    assert zone is not None
    return Schedule(zone, row.at_minute, quiet_of(row), interval_days or row.interval_days, row.paused_until)


def _view(row: Reminder) -> ReminderView:
    return ReminderView(row.enabled, row.at_minute, row.time_zone, quiet_of(row), row.review_nudges, row.paused_until,
                        row.interval_days, row.next_due_at)


class ReminderService:
    """Settings changes (each reschedules the next reminder) and the dispatcher's claims."""

    def __init__(self, clock: Clock, digest: StudyDigest, defaults: ReminderDefaults) -> None:
        self._clock, self._digest, self.defaults = clock, digest, defaults

    async def view(self, session: AsyncSession, officer: Officer) -> ReminderView:
        return _view(await self._row(session, officer))

    @staticmethod
    async def zone_choices(session: AsyncSession, officer: Officer) -> list[str]:
        """The time zones of the officer's country on the personnel list."""
        personnel = await session.get(Personnel, officer.personnel_ref) if officer.personnel_ref else None
        return country_zones(personnel.country if personnel else None)

    async def enrol(self, session: AsyncSession, officer: Officer, *,
                    introduced: bool) -> tuple[ReminderView, list[str]] | None:
        """Reminders on for a verified officer who has none: the settings, and the zones to choose from
        when their country has several; None when they already had reminders."""
        assert officer.id is not None
        if await session.get(Reminder, officer.id) is not None:
            return None
        zones = await self.zone_choices(session, officer)
        quiet = self.defaults.quiet
        row = Reminder(officer_id=officer.id, at_minute=self.defaults.at_minute,
                       time_zone=zones[0] if len(zones) == 1 else "UTC", introduced=introduced,
                       quiet_start=quiet.start if quiet else None, quiet_end=quiet.end if quiet else None)
        session.add(row)
        await self._reschedule(session, row)
        return _view(row), zones if len(zones) > 1 else []

    async def enrol_verified(self, session: AsyncSession, limit: int = 500) -> int:
        """Reminders for verified officers who have none yet (verified before reminders existed)."""
        officers = (await session.exec(
            select(Officer).join(Reminder, col(Reminder.officer_id) == Officer.id, isouter=True)
            .where(col(Officer.verified_at).is_not(None), col(Reminder.officer_id).is_(None)).limit(limit)
        )).all()
        for officer in officers:
            await self.enrol(session, officer, introduced=False)
        return len(officers)

    async def switch(self, session: AsyncSession, officer: Officer, enabled: bool) -> ReminderView:
        return await self._change(session, officer, lambda row: setattr(row, "enabled", enabled))

    async def set_nudges(self, session: AsyncSession, officer: Officer, enabled: bool) -> ReminderView:
        return await self._change(session, officer, lambda row: setattr(row, "review_nudges", enabled))

    async def set_zone(self, session: AsyncSession, officer: Officer, name: str) -> ReminderView | None:
        if zone_named(name) is None:
            return None
        return await self._change(session, officer, lambda row: setattr(row, "time_zone", name))

    async def set_time(self, session: AsyncSession, officer: Officer, minute: int) -> ReminderView | None:
        """None when the time falls in the officer's quiet hours."""
        row = await self._row(session, officer)
        if (quiet := quiet_of(row)) is not None and quiet.contains(minute):
            return None
        return await self._change(session, officer, lambda row: setattr(row, "at_minute", minute))

    async def setquiet_of(self, session: AsyncSession, officer: Officer, quiet: QuietHours | None) -> ReminderView | None:
        """None when the reminder time falls in the new quiet hours."""
        row = await self._row(session, officer)
        if quiet is not None and quiet.contains(row.at_minute):
            return None

        def apply(row: Reminder) -> None:
            row.quiet_start, row.quiet_end = (quiet.start, quiet.end) if quiet else (None, None)

        return await self._change(session, officer, apply)

    async def pause(self, session: AsyncSession, officer: Officer, days: int) -> ReminderView | None:
        """No reminder for that many days (1–90); 0 resumes them at once."""
        if not 0 <= days <= MAX_PAUSE_DAYS:
            return None
        until = self._clock() + timedelta(days=days) if days else None
        return await self._change(session, officer, lambda row: setattr(row, "paused_until", until))

    async def today(self, session: AsyncSession, officer: Officer) -> date:
        """The officer's local date (in the zone of their reminders)."""
        return local_day(self._clock(), schedule_of(await self._row(session, officer)).zone)

    async def open_assignments(self, session: AsyncSession, officer: Officer) -> list[AssignedCourse]:
        """The officer's assigned courses not finished yet, soonest due first."""
        return await self._digest.open_assignments(session, officer)

    async def reschedule(self, session: AsyncSession, officer_ids: Sequence[int]) -> None:
        """Due dates changed for these officers (an assignment): due-date reminders may come sooner."""
        rows = (await session.exec(select(Reminder).where(col(Reminder.officer_id).in_(list(officer_ids)),
                                                          col(Reminder.claim).is_(None)))).all()
        for row in rows:
            await self._reschedule(session, row)

    async def _row(self, session: AsyncSession, officer: Officer) -> Reminder:
        assert officer.id is not None
        row = await session.get(Reminder, officer.id)
        if row is None:  # verified before reminders existed: their first reminder will introduce them
            await self.enrol(session, officer, introduced=False)
            row = await session.get(Reminder, officer.id)
        assert row is not None
        return row

    async def _change(self, session: AsyncSession, officer: Officer, mutate: Callable[[Reminder], object]) -> ReminderView:
        row = await self._row(session, officer)
        mutate(row)
        if row.claim is None:
            await self._reschedule(session, row)
        return _view(row)

    async def _reschedule(self, session: AsyncSession, row: Reminder) -> None:
        if not row.enabled:
            row.next_due_at, row.due_day = None, None
            return
        officer = await session.get(Officer, row.officer_id)
        due_dates = []
        if officer is not None:
            due_dates = [a.due_on for a in await self._digest.open_assignments(session, officer)]
        row.due_day, row.next_due_at = next_reminder(schedule_of(row), row.last_day, self._clock(),
                                                     milestone_days(due_dates))
        await session.flush()


async def personal_records(session: AsyncSession, officer: Officer) -> dict[str, Any]:
    """What reminders, cohorts and announcements keep about an officer, for /mydata."""
    assert officer.id is not None
    row = await session.get(Reminder, officer.id)
    cohorts = (await session.exec(select(Cohort.name).join(CohortMember, col(CohortMember.cohort_id) == Cohort.id)
                                  .where(CohortMember.personnel_ref == officer.personnel_ref))).all()
    copies = (await session.exec(select(Delivery).where(Delivery.officer_id == officer.id))).all()
    written = (await session.exec(select(Announcement).where(Announcement.author_id == officer.id))).all()
    return {
        "study_reminders": None if row is None else {
            "on": row.enabled, "time": f"{row.at_minute // 60:02d}:{row.at_minute % 60:02d}", "time_zone": row.time_zone,
            "quiet_hours": None if quiet_of(row) is None else [row.quiet_start, row.quiet_end],
            "review_nudges": row.review_nudges, "paused_until": row.paused_until.isoformat() if row.paused_until else None,
            "last_sent_at": row.last_sent_at.isoformat() if row.last_sent_at else None,
        },
        "cohorts": sorted(cohorts),
        "announcements_received": [
            {"announcement": copy.announcement_id, "status": copy.status,
             "sent_at": copy.sent_at.isoformat() if copy.sent_at else None,
             "acknowledged_at": copy.acknowledged_at.isoformat() if copy.acknowledged_at else None}
            for copy in copies
        ],
        "announcements_written": [
            {"announcement": row.id, "status": row.status, "created_at": row.created_at.isoformat(), "text": row.body}
            for row in written
        ],
    }
