"""The gate every lesson and quiz entry point passes through."""

from __future__ import annotations

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.storage.models import Officer


class AccessPolicy:
    """Decides whether an officer may open course material.

    Verification against the approved-personnel list is the access issue's work; until it lands
    every registered officer is let in, but every entry point already asks this one place.
    """

    async def may_learn(self, session: AsyncSession, officer: Officer) -> bool:
        return officer.id is not None
