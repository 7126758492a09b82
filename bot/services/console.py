"""The managers' console: one-time sign-in links sent in the chat, browser sessions and their CSRF tokens.

No password exists: a manager asks the bot for a link (valid a few minutes, usable once, bound to
their Telegram account), and opening it starts a session. Only keyed hashes of link and session
tokens are stored, so a copy of the database opens nothing. Every request re-checks the role: a
manager removed from the list or whose role was withdrawn is signed out at their next request.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.services.access import AccessService, Role
from bot.services.audit import AuditLog
from bot.services.clock import Clock
from bot.storage.models import ConsoleLink, ConsoleSession, Officer

# Writing last-seen on every page view would make each view a write; a minute's precision is plenty.
TOUCH_PRECISION = timedelta(minutes=1)
# Expired links are kept a day, so that opening one late says "expired" rather than "unknown".
LINK_RETENTION = timedelta(days=1)


class LinkState(enum.Enum):
    VALID = "valid"
    USED = "used"
    EXPIRED = "expired"
    UNKNOWN = "unknown"
    NOT_MANAGER = "not-manager"  # valid, but its account is no longer a manager


class SessionEnd(enum.StrEnum):
    """Why a console session is over."""

    MISSING = "missing"  # no cookie, or one that matches no session
    SIGNED_OUT = "signed-out"
    IDLE = "idle"
    ROLE = "role"  # no longer a manager (role withdrawn, removed from the list, verification lapsed)


@dataclass(frozen=True, slots=True)
class ConsoleUser:
    """The manager behind a console request."""

    session_id: int
    officer_id: int
    telegram_id: int
    actor: str  # the keyed hash the audit log knows them by
    role: Role
    locale_candidates: tuple[str | None, ...]
    csrf_token: str


@dataclass(frozen=True, slots=True)
class ConsoleRules:
    link_minutes: int = 10
    idle_hours: float = 8.0


class ConsoleService:
    """Issues and redeems sign-in links, and resumes, ends and re-checks console sessions."""

    def __init__(self, key: str, access: AccessService, audit: AuditLog, clock: Clock,
                 rules: ConsoleRules = ConsoleRules()) -> None:
        self._key = key.encode()
        self._access, self._audit, self._clock = access, audit, clock
        self.rules = rules

    def _hash(self, domain: str, token: str) -> str:
        return hmac.new(self._key, f"console-{domain}:{token}".encode(), hashlib.sha256).hexdigest()

    async def issue_link(self, session: AsyncSession, officer: Officer) -> str:
        """A new one-time token for this account; the caller checks the role first."""
        assert officer.id is not None
        now = self._clock()
        await session.exec(delete(ConsoleLink).where(col(ConsoleLink.expires_at) < now - LINK_RETENTION))  # type: ignore[call-overload]
        token = secrets.token_urlsafe(32)
        session.add(ConsoleLink(token_hash=self._hash("link", token), officer_id=officer.id, created_at=now,
                                expires_at=now + timedelta(minutes=self.rules.link_minutes)))
        self._audit.record(session, self._access.actor(officer), "console.link")
        return token

    async def inspect_link(self, session: AsyncSession, token: str) -> LinkState:
        """What opening the link would do, without using it up."""
        return self._state(await self._link(session, token))

    async def redeem_link(self, session: AsyncSession, token: str) -> tuple[LinkState, str | None]:
        """Use the link once: a session token for the cookie when it was valid and its owner still a manager."""
        link = await self._link(session, token)
        state = self._state(link)
        if state is not LinkState.VALID or link is None:
            return state, None
        now = self._clock()
        link.used_at = now
        session.add(link)
        officer = await session.get(Officer, link.officer_id)
        if officer is None or await self._access.role(session, officer) < Role.MANAGER:
            return LinkState.NOT_MANAGER, None
        session_token = secrets.token_urlsafe(32)
        session.add(ConsoleSession(token_hash=self._hash("session", session_token), officer_id=link.officer_id,
                                   created_at=now, last_seen_at=now))
        self._audit.record(session, self._access.actor(officer), "console.sign-in")
        return state, session_token

    async def resume(self, session: AsyncSession, session_token: str | None) -> ConsoleUser | SessionEnd:
        """The manager behind a cookie, or why there is none; ends sessions that went idle or lost the role."""
        row = None
        if session_token:
            statement = select(ConsoleSession).where(ConsoleSession.token_hash == self._hash("session", session_token))
            row = (await session.exec(statement)).first()
        if row is None:
            return SessionEnd.MISSING
        if row.ended_at is not None:
            return SessionEnd(row.end_reason or SessionEnd.SIGNED_OUT)
        now = self._clock()
        officer = await session.get(Officer, row.officer_id)
        if now - row.last_seen_at > timedelta(hours=self.rules.idle_hours):
            return self._end(session, row, officer, SessionEnd.IDLE)
        role = await self._access.role(session, officer) if officer is not None else Role.OFFICER
        if officer is None or role < Role.MANAGER:
            return self._end(session, row, officer, SessionEnd.ROLE)
        if now - row.last_seen_at >= TOUCH_PRECISION:
            row.last_seen_at = now
            session.add(row)
        assert row.id is not None and officer.id is not None
        return ConsoleUser(row.id, officer.id, officer.telegram_id, self._access.actor(officer), role,
                           (row.locale, officer.chosen_locale, officer.telegram_locale),
                           self._hash("csrf", row.token_hash))

    def csrf_valid(self, user: ConsoleUser, given: str | None) -> bool:
        return bool(given) and hmac.compare_digest(given.encode(), user.csrf_token.encode())  # type: ignore[union-attr]

    async def sign_out(self, session: AsyncSession, user: ConsoleUser) -> None:
        row = await session.get(ConsoleSession, user.session_id)
        if row is not None and row.ended_at is None:
            officer = await session.get(Officer, row.officer_id)
            self._end(session, row, officer, SessionEnd.SIGNED_OUT)

    @staticmethod
    async def choose_locale(session: AsyncSession, user: ConsoleUser, locale: str) -> None:
        """The console's language for this session (the chat keeps its own)."""
        row = await session.get(ConsoleSession, user.session_id)
        if row is not None:
            row.locale = locale
            session.add(row)

    def _end(self, session: AsyncSession, row: ConsoleSession, officer: Officer | None, why: SessionEnd) -> SessionEnd:
        row.ended_at, row.end_reason = self._clock(), why.value
        session.add(row)
        actor = self._access.actor(officer) if officer is not None else "unknown"
        self._audit.record(session, actor, "console.sign-out", None, why.value)
        return why

    async def _link(self, session: AsyncSession, token: str) -> ConsoleLink | None:
        if not token or len(token) > 100:
            return None
        statement = select(ConsoleLink).where(ConsoleLink.token_hash == self._hash("link", token))
        return (await session.exec(statement)).first()

    def _state(self, link: ConsoleLink | None) -> LinkState:
        if link is None:
            return LinkState.UNKNOWN
        if link.used_at is not None:
            return LinkState.USED
        if link.expires_at <= self._clock():
            return LinkState.EXPIRED
        return LinkState.VALID
