"""Claiming the study reminders that are due (see services/claims.py for how claims are shared).

A dispatcher tick claims due rows with one indexed query (`next_due_at <= now`), decides for each
whether a reminder is worth sending (services/study_digest.py), and commits its claims; the Telegram
edge (bot/dispatch/) sends them. A daily reminder is confirmed just before it leaves (`confirm`): a
crash before that sends it when its lease ends, one after it does not send it again. Review nudges
are best effort: taken off the row when claimed, sent at most once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.services.access import AccessService
from bot.services.claims import due_rows
from bot.services.clock import Clock
from bot.services.reminder_times import (
    DUE_DATE_NOTICE_DAYS,
    allowed_from,
    backed_off,
    local_day,
    milestone_days,
    next_reminder,
)
from bot.services.reminders import schedule_of
from bot.services.study_digest import Digest, StudyDigest
from bot.storage.models import Officer, Reminder, ReviewCard, RuntimeState

NUDGE_WATERMARK = "review_nudges"


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



class DueReminders:
    """The dispatcher's side of reminders: claim, confirm, release, and plan review nudges."""

    def __init__(self, clock: Clock, digest: StudyDigest, access: AccessService,
                 lease: timedelta = timedelta(minutes=5)) -> None:
        self._clock, self._digest, self._access, self._lease = clock, digest, access, lease

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
            digest = await self._digest.digest(session, officer, schedule_of(row).zone, now)
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
            schedule = schedule_of(row)
            row.nudge_at = allowed_from(max(now, row.paused_until or now), schedule.zone, schedule.quiet)
        return len(rows)

    async def _decide(self, session: AsyncSession, row: Reminder, officer: Officer | None, now: datetime,
                      claim: str) -> ReminderJob | None:
        schedule = schedule_of(row)
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
            row.due_day, row.next_due_at = next_reminder(schedule_of(row), day, now, milestones)
            return None
        interval, ignored, slowed = row.interval_days, row.ignored, False
        if row.last_sent_at is not None:
            if digest.last_study is not None and digest.last_study > row.last_sent_at:
                interval, ignored = 1, 0
            else:
                interval, ignored, slowed = backed_off(interval, ignored)
        next_day, next_at = next_reminder(schedule_of(row, interval), day, now, milestones)
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
