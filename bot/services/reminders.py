"""Study reminders: each officer's settings, and claiming the reminders that are due (see services/claims.py).

One row per officer (table `reminder`); `next_due_at` (indexed) is when the next daily reminder is due
and `nudge_at` when a review nudge is. A dispatcher tick claims due rows with one indexed query,
decides for each whether a reminder is worth sending (services/study_digest.py), and commits its
claims; the Telegram edge (bot/dispatch/) sends them. A daily reminder is confirmed just before it
leaves (`confirm`): a crash before that sends it when its lease ends, one after it does not send it
again. Review nudges are best effort: taken off the row when claimed, sent at most once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.services.access import AccessService
from bot.services.claims import due_rows
from bot.services.clock import Clock
from bot.services.cohorts import AssignedCourse
from bot.services.reminder_times import (
    DUE_DATE_NOTICE_DAYS,
    QuietHours,
    Schedule,
    allowed_from,
    backed_off,
    local_day,
    milestone_days,
    next_reminder,
    zone_named,
)
from bot.services.study_digest import Digest, StudyDigest
from bot.services.zones import country_zones
from bot.storage.models import (
    Cohort,
    CohortMember,
    Delivery,
    Officer,
    Personnel,
    Reminder,
    ReviewCard,
    RuntimeState,
)

NUDGE_WATERMARK = "review_nudges"
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


@dataclass(frozen=True, slots=True)
class ReminderJob:
    """A reminder to send: who, in which language, what to say, and what to write once it leaves."""

    officer_id: int
    chat_id: int
    locales: tuple[str | None, str | None]  # chosen, then Telegram's
    kind: str  # daily | nudge
    digest: Digest
    time_zone: str
    introduce: bool = False
    slowed_to: int | None = None
    claim: str | None = None
    released_due_at: datetime | None = None
    settle: dict[str, Any] = field(default_factory=dict)


def _quiet(row: Reminder) -> QuietHours | None:
    return None if row.quiet_start is None or row.quiet_end is None else QuietHours(row.quiet_start, row.quiet_end)


def _schedule(row: Reminder, interval_days: int | None = None) -> Schedule:
    zone = zone_named(row.time_zone) or zone_named("UTC")
    assert zone is not None
    return Schedule(zone, row.at_minute, _quiet(row), interval_days or row.interval_days, row.paused_until)


def _view(row: Reminder) -> ReminderView:
    return ReminderView(row.enabled, row.at_minute, row.time_zone, _quiet(row), row.review_nudges, row.paused_until,
                        row.interval_days, row.next_due_at)


class ReminderService:
    """Settings changes (each reschedules the next reminder) and the dispatcher's claims."""

    def __init__(self, clock: Clock, digest: StudyDigest, access: AccessService, defaults: ReminderDefaults,
                 lease: timedelta = timedelta(minutes=5)) -> None:
        self._clock, self._digest, self._access = clock, digest, access
        self.defaults, self._lease = defaults, lease

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
        if (quiet := _quiet(row)) is not None and quiet.contains(minute):
            return None
        return await self._change(session, officer, lambda row: setattr(row, "at_minute", minute))

    async def set_quiet(self, session: AsyncSession, officer: Officer, quiet: QuietHours | None) -> ReminderView | None:
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
        return local_day(self._clock(), _schedule(await self._row(session, officer)).zone)

    async def open_assignments(self, session: AsyncSession, officer: Officer) -> list[AssignedCourse]:
        """The officer's assigned courses not finished yet, soonest due first."""
        return await self._digest.open_assignments(session, officer)

    async def reschedule(self, session: AsyncSession, officer_ids: Sequence[int]) -> None:
        """Due dates changed for these officers (an assignment): due-date reminders may come sooner."""
        rows = (await session.exec(select(Reminder).where(col(Reminder.officer_id).in_(list(officer_ids)),
                                                          col(Reminder.claim).is_(None)))).all()
        for row in rows:
            await self._reschedule(session, row)

    async def claim_due(self, session: AsyncSession, now: datetime, limit: int, claim: str) -> tuple[list[ReminderJob], bool]:
        """Claim up to `limit` due daily reminders: the ones worth sending, and whether more may be due."""
        rows = (await session.exec(due_rows(Reminder, Reminder.next_due_at, now, limit))).all()
        officers = await self._officers(session, [row.officer_id for row in rows])
        jobs = []
        for row in rows:
            job = await self._decide(session, row, officers.get(row.officer_id), now, claim)
            if job is not None:
                jobs.append(job)
        await session.flush()
        return jobs, len(rows) == limit

    async def claim_nudges(self, session: AsyncSession, now: datetime, limit: int) -> tuple[list[ReminderJob], bool]:
        """Claim due review nudges (at most once: taken off the row before sending)."""
        rows = (await session.exec(due_rows(Reminder, Reminder.nudge_at, now, limit))).all()
        officers = await self._officers(session, [row.officer_id for row in rows])
        jobs = []
        for row in rows:
            row.nudge_at = None
            officer = officers.get(row.officer_id)
            if officer is None or not row.enabled or not row.review_nudges or not await self._reachable(session, officer):
                continue
            if row.paused_until is not None and row.paused_until > now:
                continue
            digest = await self._digest.digest(session, officer, _schedule(row).zone, now)
            if digest.reviews_due:
                jobs.append(self._job(officer, row, "nudge", digest))
        await session.flush()
        return jobs, len(rows) == limit

    async def confirm(self, session: AsyncSession, job: ReminderJob) -> bool:
        """The reminder is about to leave: settle its row, unless the claim was lost (then do not send)."""
        if job.kind != "daily":
            return True
        values = {**job.settle, "last_sent_at": self._clock(), "claim": None}
        result = await session.exec(update(Reminder).where(  # type: ignore[call-overload]
            col(Reminder.officer_id) == job.officer_id, col(Reminder.claim) == job.claim).values(**values))
        return bool(result.rowcount)

    async def release(self, session: AsyncSession, jobs: Sequence[ReminderJob]) -> None:
        """Give back claims that were not sent (the bot is stopping): due again at once."""
        for job in jobs:
            if job.kind == "daily" and job.released_due_at is not None:
                await session.exec(update(Reminder).where(  # type: ignore[call-overload]
                    col(Reminder.officer_id) == job.officer_id, col(Reminder.claim) == job.claim,
                ).values(claim=None, next_due_at=job.released_due_at))

    async def schedule_nudges(self, session: AsyncSession, now: datetime) -> int:
        """Review cards that fell due since the last pass: nudge their officers (who opted in) once, soon."""
        state = await session.get(RuntimeState, NUDGE_WATERMARK, with_for_update=True)
        since = int(state.value) if state else 0
        stamp = int(now.timestamp())
        if state is None or stamp <= since:
            return 0
        moved = await session.exec(update(RuntimeState).where(  # type: ignore[call-overload]
            col(RuntimeState.key) == NUDGE_WATERMARK, col(RuntimeState.value) == since).values(value=stamp))
        if not moved.rowcount or since == 0:
            return 0  # another instance took this interval, or the first pass only sets the watermark
        start = datetime.fromtimestamp(since, tz=now.tzinfo)
        officer_ids = (await session.exec(select(ReviewCard.officer_id).where(
            col(ReviewCard.due) > start, col(ReviewCard.due) <= now).distinct())).all()
        rows = (await session.exec(select(Reminder).where(
            col(Reminder.officer_id).in_(list(officer_ids)), col(Reminder.review_nudges).is_(True),
            col(Reminder.enabled).is_(True), col(Reminder.nudge_at).is_(None)))).all()
        for row in rows:
            schedule = _schedule(row)
            row.nudge_at = allowed_from(max(now, row.paused_until or now), schedule.zone, schedule.quiet)
        return len(rows)

    async def _decide(self, session: AsyncSession, row: Reminder, officer: Officer | None, now: datetime,
                      claim: str) -> ReminderJob | None:
        schedule = _schedule(row)
        assert row.next_due_at is not None
        day = row.due_day or local_day(row.next_due_at, schedule.zone)
        if not row.enabled or officer is None:
            row.next_due_at, row.due_day, row.claim = None, None, None
            return None
        if (allowed := allowed_from(now, schedule.zone, schedule.quiet)) > now:
            row.next_due_at, row.claim = allowed, None  # late (the bot was down): wait for the quiet hours to end
            return None
        digest = await self._digest.digest(session, officer, schedule.zone, now) \
            if await self._reachable(session, officer) else None
        milestones = milestone_days(digest.due_dates) if digest else []
        if digest is None or not digest.anything_to_do or (
                digest.studied_today and not digest.milestone(DUE_DATE_NOTICE_DAYS)):
            if digest is not None and digest.studied_today:
                row.interval_days, row.ignored = 1, 0
            row.last_day, row.claim = day, None
            row.due_day, row.next_due_at = next_reminder(_schedule(row), day, now, milestones)
            return None
        interval, ignored, slowed = row.interval_days, row.ignored, False
        if row.last_sent_at is not None:
            if digest.last_study is not None and digest.last_study > row.last_sent_at:
                interval, ignored = 1, 0
            else:
                interval, ignored, slowed = backed_off(interval, ignored)
        next_day, next_at = next_reminder(_schedule(row, interval), day, now, milestones)
        job = self._job(officer, row, "daily", digest, introduce=not row.introduced,
                        slowed_to=interval if slowed else None, claim=claim, released_due_at=row.next_due_at,
                        settle={"last_day": day, "due_day": next_day, "next_due_at": next_at, "interval_days": interval,
                                "ignored": ignored, "introduced": True})
        row.claim, row.next_due_at = claim, now + self._lease
        return job

    @staticmethod
    def _job(officer: Officer, row: Reminder, kind: str, digest: Digest, **extra: Any) -> ReminderJob:
        assert officer.id is not None
        return ReminderJob(officer.id, officer.telegram_id, (officer.chosen_locale, officer.telegram_locale), kind,
                           digest, row.time_zone, **extra)

    async def _reachable(self, session: AsyncSession, officer: Officer) -> bool:
        return officer.unreachable_at is None and await self._access.may_learn(session, officer)

    @staticmethod
    async def _officers(session: AsyncSession, ids: list[int]) -> dict[int, Officer]:
        found = (await session.exec(select(Officer).where(col(Officer.id).in_(ids)))).all() if ids else []
        return {officer.id: officer for officer in found if officer.id is not None}

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
        row.due_day, row.next_due_at = next_reminder(_schedule(row), row.last_day, self._clock(),
                                                     milestone_days(due_dates))
        await session.flush()


async def personal_records(session: AsyncSession, officer: Officer) -> dict[str, Any]:
    """What reminders, cohorts and announcements keep about an officer, for /mydata."""
    assert officer.id is not None
    row = await session.get(Reminder, officer.id)
    cohorts = (await session.exec(select(Cohort.name).join(CohortMember, col(CohortMember.cohort_id) == Cohort.id)
                                  .where(CohortMember.personnel_ref == officer.personnel_ref))).all()
    copies = (await session.exec(select(Delivery).where(Delivery.officer_id == officer.id))).all()
    return {
        "study_reminders": None if row is None else {
            "on": row.enabled, "time": f"{row.at_minute // 60:02d}:{row.at_minute % 60:02d}", "time_zone": row.time_zone,
            "quiet_hours": None if _quiet(row) is None else [row.quiet_start, row.quiet_end],
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
    }
