"""Announcement copies: one row per recipient, claimed, confirmed just before sending, settled after.

A copy's states: queued → sending → sent | failed | unreachable, or cancelled while queued. `claim`
(services/claims.py) leases queued rows to one dispatcher run. `confirm` marks a copy `sending` in its
own committed transaction right before the Bot API call, once the delivery governor has given it its
turn; the answer settles it. A copy found still `sending` after its lease is one whose process died
between the request and the commit of its answer (SIGKILL, power loss): Telegram may or may not have
delivered it, and it is never sent again (at most once): it becomes `unconfirmed`, counted apart in
the report so a manager knows how many officers may have missed it (at most the governor's bulk
concurrency per crash). Queued copies, claimed or not, are always sent after a restart: no gap.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, insert, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.services.announcements import AnnouncementView, Status, view
from bot.services.audience import AudienceService
from bot.services.claims import due_rows
from bot.services.clock import Clock
from bot.storage.models import Announcement, Delivery, Officer

QUEUED, SENDING, SENT, FAILED, UNREACHABLE, UNCONFIRMED, CANCELLED = (
    "queued", "sending", "sent", "failed", "unreachable", "unconfirmed", "cancelled")
OUTCOMES = (SENT, FAILED, UNREACHABLE, UNCONFIRMED)
INTERRUPTED = "interrupted while sending: may not have arrived"


@dataclass(frozen=True, slots=True)
class CopyJob:
    """One copy to send."""

    delivery_id: int
    chat_id: int
    locale: str
    announcement: AnnouncementView
    claim: str


@dataclass(frozen=True, slots=True)
class Counts:
    """Live figures of one announcement."""

    by_status: dict[str, int] = field(default_factory=dict)
    acknowledged: int = 0
    failures: tuple[tuple[str, int], ...] = ()  # reason, how many

    def __getitem__(self, status: str) -> int:
        return self.by_status.get(status, 0)

    @property
    def pending(self) -> int:
        return self[QUEUED] + self[SENDING]


@dataclass(frozen=True, slots=True)
class Report:
    """What the author is told when an announcement ends."""

    announcement: AnnouncementView
    author_chat_id: int
    author_locales: tuple[str | None, str | None]
    counts: Counts


class DeliveryService:
    """Start due announcements, claim and settle copies, end announcements and produce their reports."""

    def __init__(self, clock: Clock, audience: AudienceService, lease: timedelta = timedelta(minutes=5)) -> None:
        self._clock, self._audience, self._lease = clock, audience, lease

    async def start_due(self, session: AsyncSession, now: datetime, limit: int = 5) -> list[int]:
        """Scheduled announcements whose time has come get one queued copy per recipient (unreachable ones settled)."""
        started = []
        rows = (await session.exec(due_rows(Announcement, Announcement.starts_at, now, limit,
                                            col(Announcement.status) == Status.SCHEDULED))).all()
        for row in rows:
            recipients = await self._audience.recipients(session, view(row).audience, now)
            if recipients:
                await session.exec(insert(Delivery), params=[  # type: ignore[call-overload]
                    {"announcement_id": row.id, "officer_id": r.officer_id, "chat_id": r.chat_id, "locale": r.locale,
                     "status": QUEUED if r.reachable else UNREACHABLE, "due_at": now} for r in recipients])
            row.status, row.recipients = Status.SENDING, len(recipients)
            assert row.id is not None
            started.append(row.id)
        await session.flush()
        return started

    async def claim(self, session: AsyncSession, now: datetime, limit: int, claim: str) -> tuple[list[CopyJob], bool]:
        """Claim up to `limit` queued copies that are due, and whether more may be waiting."""
        rows = (await session.exec(due_rows(Delivery, Delivery.due_at, now, limit, col(Delivery.status) == QUEUED))).all()
        if not rows:
            return [], False
        ids = {row.announcement_id for row in rows}
        announcements = {a.id: view(a) for a in (await session.exec(
            select(Announcement).where(col(Announcement.id).in_(ids)))).all()}
        for row in rows:
            row.claim, row.due_at = claim, now + self._lease
        await session.flush()
        return [CopyJob(row.id, row.chat_id, row.locale, announcements[row.announcement_id], claim)
                for row in rows if row.id is not None], len(rows) == limit

    async def confirm(self, session: AsyncSession, job: CopyJob) -> bool:
        """About to send: still ours and still queued (not cancelled, not re-claimed)?"""
        return await self._move(session, job, QUEUED, status=SENDING, due_at=self._clock() + self._lease)

    async def unconfirm(self, session: AsyncSession, job: CopyJob) -> bool:
        """Telegram answered 429: the copy did not leave, so it is queued (and still ours) while we wait."""
        return await self._move(session, job, SENDING, status=QUEUED, due_at=self._clock() + self._lease)

    async def settle(self, session: AsyncSession, job: CopyJob, outcome: str, error: str | None = None) -> bool:
        assert outcome in OUTCOMES
        return await self._move(session, job, SENDING, status=outcome, error=(error or None) and error[:200],
                                sent_at=self._clock() if outcome == SENT else None, claim=None)

    async def release(self, session: AsyncSession, jobs: list[CopyJob]) -> None:
        """Claims not sent (the bot is stopping): queued again, due at once."""
        for job in jobs:
            await self._move(session, job, QUEUED, claim=None, due_at=self._clock())

    async def expire_interrupted(self, session: AsyncSession, now: datetime) -> int:
        """Copies left `sending` past their lease (their process died mid-send) become `unconfirmed`."""
        result = await session.exec(update(Delivery).where(  # type: ignore[call-overload]
            col(Delivery.status) == SENDING, col(Delivery.due_at) <= now,
        ).values(status=UNCONFIRMED, error=INTERRUPTED, claim=None))
        return int(result.rowcount or 0)

    async def finish(self, session: AsyncSession, now: datetime) -> list[Report]:
        """End announcements with nothing left to send; the reports of ended ones (each taken once)."""
        sending = (await session.exec(select(Announcement).where(Announcement.status == Status.SENDING))).all()
        for row in sending:
            assert row.id is not None
            if not (await self.counts(session, row.id)).pending:
                row.status, row.finished_at = Status.DONE, now
        await session.flush()
        ended = (await session.exec(due_rows(Announcement, Announcement.finished_at, now, 10,
                                             col(Announcement.reported_at).is_(None)))).all()
        reports = []
        for row in ended:
            row.reported_at = now
            author = await session.get(Officer, row.author_id) if row.author_id else None
            if author is not None and row.id is not None:
                reports.append(Report(view(row), author.telegram_id, (author.chosen_locale, author.telegram_locale),
                                      await self.counts(session, row.id)))
        return reports

    @staticmethod
    async def counts(session: AsyncSession, announcement_id: int) -> Counts:
        rows = (await session.exec(
            select(Delivery.status, func.count(), func.count(col(Delivery.acknowledged_at)))
            .where(Delivery.announcement_id == announcement_id).group_by(col(Delivery.status)))).all()
        failures = Counter(dict((await session.exec(
            select(Delivery.error, func.count()).where(Delivery.announcement_id == announcement_id,
                                                       Delivery.status == FAILED).group_by(col(Delivery.error)))).all()))
        return Counts({status: count for status, count, _ in rows}, sum(acks for *_, acks in rows),
                      tuple((reason or "?", count) for reason, count in failures.most_common(3)))

    async def _move(self, session: AsyncSession, job: CopyJob, current: str, **values: object) -> bool:
        """Change a copy still in `current` state and still held by this job's claim."""
        result = await session.exec(update(Delivery).where(  # type: ignore[call-overload]
            col(Delivery.id) == job.delivery_id, col(Delivery.claim) == job.claim, col(Delivery.status) == current,
        ).values(**values))
        return bool(result.rowcount)
