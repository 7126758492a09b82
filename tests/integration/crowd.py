"""Many verified officers at once, written straight to the database (verifying 500 through the chat is slow)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.sandbox import BotApiSandbox
from bot.services.personnel import parse_personnel_csv
from bot.storage.models import Officer
from bot.wiring import Services
from tests.integration.conftest import phone_of


@dataclass(frozen=True)
class Member:
    user_id: int
    country: str = "FR"
    cohort: str = ""
    role: str = "officer"
    language: str = "en"


def crowd(user_ids: Iterable[int], **common: str) -> list[Member]:
    return [Member(user_id, **common) for user_id in user_ids]


async def seed_verified(services: Services, sandbox: BotApiSandbox | None, members: list[Member]) -> None:
    """Replace the list with these members, all verified, each with a chat the bot knows (they pressed Start)."""
    lines = ["personnel_id,phone,country,role,cohort"]
    lines += [f"P-{m.user_id},{phone_of(m.user_id)},{m.country},{m.role},{m.cohort}" for m in members]
    rows, problems = parse_personnel_csv(("\n".join(lines) + "\n").encode(), services.hasher)
    assert problems == []
    now = services.clock()
    async with services.unit_of_work() as unit:
        await services.personnel.replace(unit.session, rows)
        entries = {entry.personnel_id: entry.id for entry in await services.personnel.entries(unit.session)}
        unit.session.add_all([
            Officer(telegram_id=m.user_id, telegram_locale=m.language, created_at=now, last_seen_at=now,
                    personnel_ref=entries[f"P-{m.user_id}"], verified_at=now)
            for m in members
        ])
        await unit.session.flush()
    if sandbox is not None:
        for m in members:
            sandbox.user(user_id=m.user_id, language_code=m.language)
            sandbox.bot_state().chats[m.user_id].known = True  # as if they had pressed Start long ago


def copies(sandbox: BotApiSandbox, user_id: int, text: str) -> int:
    """How many of the bot's messages in this chat carry the text."""
    return sum(1 for message in sandbox.user(user_id=user_id).messages if text in (message.text or message.caption or ""))
