"""A person blocking or restarting the bot: Telegram tells us with a my_chat_member update."""

from __future__ import annotations

from telegram import ChatMember, Update
from telegram.ext import BaseHandler, ChatMemberHandler

from bot.context import CustomContext


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [ChatMemberHandler(_handle_membership, ChatMemberHandler.MY_CHAT_MEMBER)]


async def _handle_membership(update: Update, context: CustomContext) -> None:
    change = update.my_chat_member
    if change is None or change.chat.type != change.chat.PRIVATE:
        return
    # Blocked: no reminder or announcement goes out until they write again (which clears it too).
    reachable = change.new_chat_member.status not in (ChatMember.BANNED, ChatMember.LEFT)
    await context.services.officers.mark_unreachable(context.db, change.chat.id, reachable=reachable)
