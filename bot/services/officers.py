"""Who is talking to the bot, in which language, and whether Telegram still lets us reach them."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import update
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.services.clock import Clock
from bot.services.directory import OfficerDirectory
from bot.storage.models import Officer, Personnel
from bot.storage.repositories import OfficerRepository

# Last-seen feeds "active in the last 7 days" figures and lapses: an hour's precision is plenty.
LAST_SEEN_PRECISION = timedelta(hours=1)


class OfficerService:
    """Registers officers on first contact and keeps their language choice."""

    def __init__(self, clock: Clock, directory: OfficerDirectory | None = None) -> None:
        self._clock = clock
        self._directory = directory if directory is not None else OfficerDirectory()

    async def identify(self, session: AsyncSession, telegram_id: int, telegram_locale: str | None) -> Officer:
        """The officer behind a Telegram account, created on first contact.

        A known officer comes from the directory without a query; last-seen is written at most
        once an hour, and writing again makes an unreachable officer reachable.
        """
        now = self._clock()
        officer = self._directory.attach(session, telegram_id)
        if officer is None:
            repository = OfficerRepository(session)
            officer = await repository.by_telegram_id(telegram_id)
            if officer is None:
                return await repository.add(
                    Officer(telegram_id=telegram_id, telegram_locale=telegram_locale, created_at=now, last_seen_at=now)
                )
            personnel = await session.get(Personnel, officer.personnel_ref) if officer.personnel_ref else None
            self._directory.remember(officer, personnel)
        if now - officer.last_seen_at >= LAST_SEEN_PRECISION:
            officer.last_seen_at = now
        if telegram_locale and officer.telegram_locale != telegram_locale:
            officer.telegram_locale = telegram_locale
        if officer.unreachable_at is not None:
            officer.unreachable_at = None
        return officer

    @staticmethod
    async def by_telegram_id(session: AsyncSession, telegram_id: int) -> Officer | None:
        return await OfficerRepository(session).by_telegram_id(telegram_id)

    @staticmethod
    def choose_locale(officer: Officer, locale: str) -> None:
        """Remember an explicit language choice; it wins over Telegram's setting from now on."""
        officer.chosen_locale = locale

    async def mark_unreachable(self, session: AsyncSession, telegram_id: int, reachable: bool = False) -> bool:
        """Telegram answered 403 for this chat (or the person restarted the bot); True when a row changed."""
        at: datetime | None = None if reachable else self._clock()
        condition = col(Officer.unreachable_at).is_not(None) if reachable else col(Officer.unreachable_at).is_(None)
        result = await session.exec(  # type: ignore[call-overload]
            update(Officer).where(Officer.telegram_id == telegram_id, condition).values(unreachable_at=at)
        )
        return bool(result.rowcount)
