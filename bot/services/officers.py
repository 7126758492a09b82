"""Who is talking to the bot, and in which language."""

from __future__ import annotations

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.services.clock import Clock
from bot.storage.models import Officer
from bot.storage.repositories import OfficerRepository


class OfficerService:
    """Registers officers on first contact and keeps their language choice."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock

    async def identify(self, session: AsyncSession, telegram_id: int, telegram_locale: str | None) -> Officer:
        """The officer behind a Telegram account, created on first contact."""
        repository = OfficerRepository(session)
        now = self._clock()
        officer = await repository.by_telegram_id(telegram_id)
        if officer is None:
            return await repository.add(
                Officer(telegram_id=telegram_id, telegram_locale=telegram_locale, created_at=now, last_seen_at=now)
            )
        officer.last_seen_at = now
        if telegram_locale:
            officer.telegram_locale = telegram_locale
        return officer

    @staticmethod
    async def by_telegram_id(session: AsyncSession, telegram_id: int) -> Officer | None:
        return await OfficerRepository(session).by_telegram_id(telegram_id)

    @staticmethod
    def choose_locale(officer: Officer, locale: str) -> None:
        """Remember an explicit language choice; it wins over Telegram's setting from now on."""
        officer.chosen_locale = locale
