"""Updates of one chat run in order; updates of different chats run side by side."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from telegram import Chat, Message, Update, User

from bot.context import PerPersonUpdateProcessor


def update_in(chat_id: int, update_id: int) -> Update:
    user = User(chat_id, "Officer", is_bot=False)
    message = Message(update_id, datetime.now(UTC), Chat(chat_id, Chat.PRIVATE), from_user=user, text="hi")
    return Update(update_id, message=message)


async def test_same_chat_in_order_other_chats_concurrently() -> None:
    processor = PerPersonUpdateProcessor()
    events: list[str] = []

    async def handle(name: str) -> None:
        events.append(f"start {name}")
        await asyncio.sleep(0.05)
        events.append(f"end {name}")

    await asyncio.gather(
        processor.process_update(update_in(1, 1), handle("a1")),
        processor.process_update(update_in(1, 2), handle("a2")),
        processor.process_update(update_in(2, 3), handle("b")),
    )
    assert events.index("end a1") < events.index("start a2"), "one chat's updates never overlap"
    assert events.index("start b") < events.index("end a1"), "another chat does not wait"
    assert processor._locks == {}, "locks of idle chats are dropped"  # noqa: SLF001
