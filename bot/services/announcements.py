"""Announcements from course managers: compose, audience, two-person approval, schedule, cancel, report.

Usable without Telegram (the chat commands use it, and so can a web console). Delivery is one row per
recipient (table `delivery`, see services/deliveries.py for how rows are claimed and settled).
Lifecycle: draft → (approval →) scheduled → sending → done, or cancelled / rejected on the way.
An announcement to every verified officer, or to more than `approval_above` of them, needs a second
manager's approval before it is scheduled; requests, approvals, rejections and cancellations are audited.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.daytime import parse_clock
from bot.services.access import AccessService, Role
from bot.services.audience import Audience, AudienceService
from bot.services.audit import AuditLog
from bot.services.clock import Clock
from bot.services.reminder_times import local_moment, zone_named
from bot.storage.models import Announcement, Delivery, Officer, Personnel

MAX_TEXT = 4096
MAX_CAPTION = 1024


class Status(enum.StrEnum):
    DRAFT = "draft"
    APPROVAL = "approval"
    SCHEDULED = "scheduled"
    SENDING = "sending"
    DONE = "done"
    CANCELLED = "cancelled"
    REJECTED = "rejected"

    @property
    def open(self) -> bool:
        """Not over yet: may still be cancelled."""
        return self in (Status.DRAFT, Status.APPROVAL, Status.SCHEDULED, Status.SENDING)


class Submitted(enum.Enum):
    SCHEDULED = "scheduled"
    AWAITING_APPROVAL = "awaiting-approval"
    EMPTY = "empty"  # nobody matches the audience
    STALE = "stale"  # not a draft (any more)


class Decision(enum.Enum):
    DONE = "done"
    OWN = "own"  # the author cannot approve their own announcement
    STALE = "stale"


@dataclass(frozen=True, slots=True)
class AnnouncementView:
    """An announcement as screens and reports show it."""

    id: int
    author_id: int | None
    status: Status
    body: str
    media_kind: str | None
    media_file_id: str | None
    audience: Audience
    acknowledge: bool
    recipients: int
    created_at: datetime
    starts_at: datetime | None
    needs_approval: bool


def chosen_start(choice: str, now: datetime, zone_name: str) -> datetime | None:
    """When a manager wants it to go out: "1h" (in one hour), "t9" (tomorrow at 09:00) or a typed
    "2027-03-15 09:00" (or "2027-03-15T09:00"), both in their time zone; None when not understood or past."""
    zone = zone_named(zone_name)
    if zone is None:
        return None
    if choice == "1h":
        return now + timedelta(hours=1)
    if choice == "t9":
        return local_moment(now.astimezone(zone).date() + timedelta(days=1), 9 * 60, zone)
    day_text, _, time_text = choice.strip().replace("T", " ", 1).partition(" ")
    try:
        day = datetime.strptime(day_text, "%Y-%m-%d").date()
    except ValueError:
        return None
    minute = parse_clock(time_text or "9:00")
    starts = local_moment(day, minute, zone) if minute is not None else None
    return starts if starts is not None and starts > now else None


def view(row: Announcement) -> AnnouncementView:
    assert row.id is not None
    audience = Audience.from_json(row.audience)
    return AnnouncementView(row.id, row.author_id, Status(row.status), row.body, row.media_kind, row.media_file_id,
                            audience, row.acknowledge, row.recipients, row.created_at, row.starts_at,
                            row.requested_by is not None)


class AnnouncementService:
    """Everything a manager does with an announcement, in plain data."""

    def __init__(self, clock: Clock, audit: AuditLog, audience: AudienceService, access: AccessService,
                 approval_above: int, admin_ids: frozenset[int] = frozenset()) -> None:
        self._clock, self._audit, self.audience, self._access = clock, audit, audience, access
        self.approval_above, self._admin_ids = approval_above, admin_ids

    async def draft(self, session: AsyncSession, author: Officer) -> AnnouncementView:
        """A new, empty draft; the author's earlier unfinished drafts are dropped."""
        await session.exec(delete(Announcement).where(  # type: ignore[call-overload]
            col(Announcement.author_id) == author.id, col(Announcement.status) == Status.DRAFT))
        row = Announcement(author_id=author.id, created_at=self._clock())
        session.add(row)
        await session.flush()
        return view(row)

    async def get(self, session: AsyncSession, announcement_id: int) -> AnnouncementView | None:
        row = await session.get(Announcement, announcement_id)
        return view(row) if row else None

    async def latest_draft(self, session: AsyncSession, author: Officer) -> AnnouncementView | None:
        row = (await session.exec(select(Announcement).where(
            Announcement.author_id == author.id, Announcement.status == Status.DRAFT,
        ).order_by(col(Announcement.id).desc()))).first()
        return view(row) if row else None

    async def compose(self, session: AsyncSession, announcement_id: int, author: Officer, *, body: str,
                      media_kind: str | None = None, media_file_id: str | None = None) -> AnnouncementView | None:
        """Set the message (Telegram HTML; a caption when there is a photo or document)."""
        row = await self._draft_of(session, announcement_id, author)
        if row is None:
            return None
        row.body, row.media_kind, row.media_file_id = body, media_kind, media_file_id
        return view(row)

    async def narrow(self, session: AsyncSession, announcement_id: int, author: Officer,
                     audience: Audience) -> AnnouncementView | None:
        row = await self._draft_of(session, announcement_id, author)
        if row is None:
            return None
        row.audience = audience.to_json()
        return view(row)

    async def toggle_acknowledge(self, session: AsyncSession, announcement_id: int, author: Officer) -> AnnouncementView | None:
        row = await self._draft_of(session, announcement_id, author)
        if row is None:
            return None
        row.acknowledge = not row.acknowledge
        return view(row)

    async def count(self, session: AsyncSession, audience: Audience) -> int:
        return await self.audience.count(session, audience, self._clock())

    def needs_approval(self, audience: Audience, count: int) -> bool:
        return audience.everyone or count > self.approval_above

    async def submit(self, session: AsyncSession, announcement_id: int, author: Officer, actor: str,
                     starts_at: datetime | None = None) -> Submitted:
        """Send now (starts_at None) or later; first to a second manager when the two-person rule applies."""
        row = await self._draft_of(session, announcement_id, author)
        if row is None or not row.body and not row.media_file_id:
            return Submitted.STALE
        audience = Audience.from_json(row.audience)
        count = await self.count(session, audience)
        if count == 0:
            return Submitted.EMPTY
        row.starts_at, row.recipients = starts_at, count
        if self.needs_approval(audience, count):
            row.status, row.requested_by = Status.APPROVAL, actor
            self._audit.record(session, actor, "announcement.request", str(row.id), f"{count} recipients")
            return Submitted.AWAITING_APPROVAL
        row.status, row.starts_at = Status.SCHEDULED, starts_at or self._clock()
        self._audit.record(session, actor, "announcement.schedule", str(row.id), f"{count} recipients")
        return Submitted.SCHEDULED

    async def decide(self, session: AsyncSession, announcement_id: int, manager: Officer, actor: str,
                     approved: bool) -> Decision:
        """A second manager approves (it is scheduled) or rejects an announcement awaiting approval."""
        row = await session.get(Announcement, announcement_id, with_for_update=True)
        if row is None or row.status != Status.APPROVAL:
            return Decision.STALE
        if row.author_id == manager.id or row.requested_by == actor:
            self._audit.record(session, actor, "announcement.refused", str(row.id), "own announcement")
            return Decision.OWN
        if approved:
            row.status, row.approved_by = Status.SCHEDULED, actor
            row.starts_at = max(row.starts_at or self._clock(), self._clock())
        else:
            row.status = Status.REJECTED
        self._audit.record(session, actor, "announcement.approve" if approved else "announcement.reject", str(row.id))
        return Decision.DONE

    async def cancel(self, session: AsyncSession, announcement_id: int, actor: str) -> bool:
        """Stop an announcement that has not ended; copies not sent yet are never sent."""
        row = await session.get(Announcement, announcement_id, with_for_update=True)
        if row is None or not Status(row.status).open:
            return False
        started = row.status == Status.SENDING
        row.status, row.finished_at = Status.CANCELLED, self._clock()
        await session.exec(update(Delivery).where(  # type: ignore[call-overload]
            col(Delivery.announcement_id) == announcement_id, col(Delivery.status) == "queued",
        ).values(status="cancelled", claim=None))
        if not started:
            row.reported_at = row.finished_at  # nothing went out: no delivery report to send
        self._audit.record(session, actor, "announcement.cancel", str(row.id))
        return True

    async def recent(self, session: AsyncSession, limit: int = 8) -> list[AnnouncementView]:
        rows = (await session.exec(select(Announcement).where(col(Announcement.status) != Status.DRAFT)
                                   .order_by(col(Announcement.id).desc()).limit(limit))).all()
        return [view(row) for row in rows]

    async def awaiting_approval(self, session: AsyncSession) -> list[AnnouncementView]:
        rows = (await session.exec(select(Announcement).where(Announcement.status == Status.APPROVAL)
                                   .order_by(col(Announcement.id)))).all()
        return [view(row) for row in rows]

    async def acknowledge(self, session: AsyncSession, announcement_id: int, officer: Officer) -> bool | None:
        """The recipient read it: True the first time, False again, None when it was not theirs."""
        row = (await session.exec(select(Delivery).where(
            Delivery.announcement_id == announcement_id, Delivery.officer_id == officer.id))).first()
        if row is None:
            return None
        if row.acknowledged_at is not None:
            return False
        row.acknowledged_at = self._clock()
        return True

    @staticmethod
    async def author(session: AsyncSession, announcement_id: int) -> Officer | None:
        row = await session.get(Announcement, announcement_id)
        return await session.get(Officer, row.author_id) if row is not None and row.author_id else None

    async def reviewers(self, session: AsyncSession, author_id: int | None) -> list[Officer]:
        """The managers (and administrators) other than the author who can approve, reachable ones only."""
        candidates = (await session.exec(
            select(Officer).join(Personnel, col(Personnel.id) == Officer.personnel_ref, isouter=True).where(
                col(Officer.unreachable_at).is_(None), col(Officer.id) != author_id,
                (col(Personnel.role) == "manager") | (col(Officer.granted_role) == "manager")
                | col(Officer.telegram_id).in_(self._admin_ids)))).all()
        return [officer for officer in candidates if await self._access.role(session, officer) >= Role.MANAGER]

    @staticmethod
    async def _draft_of(session: AsyncSession, announcement_id: int, author: Officer) -> Announcement | None:
        row = await session.get(Announcement, announcement_id)
        return row if row is not None and row.author_id == author.id and row.status == Status.DRAFT else None
