"""Builds Bot API objects (User, Chat, Message) from the sandbox's state."""

from __future__ import annotations

import copy
import re
from typing import Any

from bot.sandbox.entities import utf16_len
from bot.sandbox.state import BotState, ChatState, SandboxMessage, UserProfile

# Telegram marks "/command" and "/command@bot" at the start of a word as bot_command entities.
BOT_COMMAND = re.compile(r"(?<![\w/])/[a-zA-Z0-9_]{1,64}(?:@[a-zA-Z0-9_]{3,32})?(?![\w/@])")
MEDIA_FIELDS = ("document", "photo", "sticker", "voice", "location", "contact", "poll")


def user_to_api(user: UserProfile) -> dict[str, Any]:
    """The User object of a person."""
    result: dict[str, Any] = {"id": user.id, "is_bot": False, "first_name": user.first_name}
    if user.last_name:
        result["last_name"] = user.last_name
    if user.username:
        result["username"] = user.username
    if user.language_code:
        result["language_code"] = user.language_code
    return result


def chat_to_api(user: UserProfile) -> dict[str, Any]:
    """The Chat object of a private chat."""
    result: dict[str, Any] = {"id": user.id, "first_name": user.first_name}
    if user.last_name:
        result["last_name"] = user.last_name
    if user.username:
        result["username"] = user.username
    result["type"] = "private"
    return result


def message_to_api(message: SandboxMessage, chat: ChatState, bot: BotState, *, nested: bool = False) -> dict[str, Any]:
    """The Message object as getUpdates or a send method returns it."""
    result: dict[str, Any] = {
        "message_id": message.message_id,
        "from": bot.as_user() if message.from_bot else user_to_api(chat.user),
        "chat": chat_to_api(chat.user),
        "date": message.date,
    }
    replied = chat.messages.get(message.reply_to_message_id or 0)
    if replied is not None and not nested:
        result["reply_to_message"] = message_to_api(replied, chat, bot, nested=True)
    if message.edit_date is not None:
        result["edit_date"] = message.edit_date
    if message.has_protected_content:
        result["has_protected_content"] = True
    if message.text is not None:
        result["text"] = message.text
        if message.entities:
            result["entities"] = copy.deepcopy(message.entities)
    for name in MEDIA_FIELDS:
        value = getattr(message, name)
        if value is not None:
            result[name] = copy.deepcopy(value)
    if message.caption:
        result["caption"] = message.caption
        if message.caption_entities:
            result["caption_entities"] = copy.deepcopy(message.caption_entities)
    # Only an inline keyboard belongs to the message; reply keyboards belong to the chat.
    if message.reply_markup and "inline_keyboard" in message.reply_markup:
        result["reply_markup"] = copy.deepcopy(message.reply_markup)
    return result


def command_entities(text: str) -> list[dict[str, Any]]:
    """bot_command entities Telegram attaches to a user's text."""
    return [
        {"type": "bot_command", "offset": utf16_len(text[:match.start()]), "length": utf16_len(match.group())}
        for match in BOT_COMMAND.finditer(text)
    ]


def my_chat_member(bot: BotState, chat: ChatState, old_status: str, new_status: str, date: int) -> dict[str, Any]:
    """The ChatMemberUpdated a bot receives when the user blocks ("kicked") or unblocks ("member") it."""
    def member(status: str) -> dict[str, Any]:
        return {"user": bot.as_user(), "status": status, **({"until_date": 0} if status == "kicked" else {})}

    return {"chat": chat_to_api(chat.user), "from": user_to_api(chat.user), "date": date,
            "old_chat_member": member(old_status), "new_chat_member": member(new_status)}
