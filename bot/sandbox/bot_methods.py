"""Bot API methods about the bot itself: identity, updates, webhook, commands, close and logOut."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from bot.sandbox.api import Described, bad_request
from bot.sandbox.methods import Handler, known_chat
from bot.sandbox.params import Params
from bot.sandbox.state import BotState
from bot.sandbox.updates import Webhook
from bot.sandbox.validation import check_language_code, parse_commands, parse_scope

if TYPE_CHECKING:
    from bot.sandbox.server import BotApiSandbox

LONG_POLL_LIMIT = 50
SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]*")


async def get_me(sandbox: BotApiSandbox, bot: BotState, p: Params) -> dict[str, Any]:
    """getMe."""
    return {**bot.as_user(), "can_join_groups": True, "can_read_all_group_messages": False,
            "supports_inline_queries": False, "can_connect_to_business": False, "has_main_web_app": False}


async def get_updates(sandbox: BotApiSandbox, bot: BotState, p: Params) -> list[dict[str, Any]]:
    """getUpdates: offset confirms, limit caps, timeout long-polls; allowed_updates sticks."""
    allowed = p.get("allowed_updates")
    if isinstance(allowed, list):
        bot.updates.set_allowed_updates([str(kind) for kind in allowed])
    limit = min(max(p.integer("limit", 100), 1), 100)
    timeout = min(max(p.integer("timeout"), 0), LONG_POLL_LIMIT)
    return await bot.updates.get_updates(p.integer("offset"), limit, timeout)


async def set_webhook(sandbox: BotApiSandbox, bot: BotState, p: Params) -> Described:
    """setWebhook; an empty url deletes the webhook. Plain http is accepted: everything is local."""
    url = p.text("url")
    if not url:
        return await delete_webhook(sandbox, bot, p)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise bad_request("invalid webhook URL specified")
    secret_token = p.text("secret_token")
    if len(secret_token) > 256:
        raise bad_request("secret token is too long")
    if not SECRET_TOKEN.fullmatch(secret_token):
        raise bad_request("secret token contains unallowed characters")
    allowed = p.get("allowed_updates")
    if isinstance(allowed, list):
        bot.updates.set_allowed_updates([str(kind) for kind in allowed])
    max_connections = min(max(p.integer("max_connections", 40), 1), 100)
    bot.updates.set_webhook(Webhook(url, secret_token, max_connections), p.flag("drop_pending_updates"))
    return Described(True, "Webhook was set")


async def delete_webhook(sandbox: BotApiSandbox, bot: BotState, p: Params) -> Described:
    """deleteWebhook (drop_pending_updates clears the queue)."""
    was_set = bot.updates.webhook is not None
    bot.updates.delete_webhook(p.flag("drop_pending_updates"))
    return Described(True, "Webhook was deleted" if was_set else "Webhook is already deleted")


async def get_webhook_info(sandbox: BotApiSandbox, bot: BotState, p: Params) -> dict[str, Any]:
    """getWebhookInfo."""
    return bot.updates.webhook_info()


def _command_key(bot: BotState, p: Params) -> tuple[tuple[str, str, int], str]:
    scope = parse_scope(p.get("scope"))
    language_code = p.text("language_code")
    check_language_code(language_code)
    if scope[0] != "default" and scope[1]:
        known_chat(bot, to_chat_id(scope[1]))
    return scope, language_code


def to_chat_id(value: str) -> int | str:
    """Scopes carry chat_id as text; numeric ids name private chats here."""
    return int(value) if re.fullmatch(r"-?\d+", value) else value


async def set_my_commands(sandbox: BotApiSandbox, bot: BotState, p: Params) -> bool:
    """setMyCommands, stored per (scope, language_code) like Telegram; an empty list deletes."""
    commands = parse_commands(p.get("commands"))
    key = _command_key(bot, p)
    if commands:
        bot.commands[key] = commands
    else:
        bot.commands.pop(key, None)
    return True


async def get_my_commands(sandbox: BotApiSandbox, bot: BotState, p: Params) -> list[dict[str, str]]:
    """getMyCommands for exactly that scope and language (no fallback, as in Telegram)."""
    return [dict(command) for command in bot.commands.get(_command_key(bot, p), [])]


async def delete_my_commands(sandbox: BotApiSandbox, bot: BotState, p: Params) -> bool:
    """deleteMyCommands."""
    bot.commands.pop(_command_key(bot, p), None)
    return True


async def close(sandbox: BotApiSandbox, bot: BotState, p: Params) -> bool:
    """close: nothing to hand over locally."""
    return True


async def log_out(sandbox: BotApiSandbox, bot: BotState, p: Params) -> bool:
    """logOut: nothing to hand over locally."""
    return True


BOT_METHODS: dict[str, Handler] = {
    "getMe": get_me,
    "getUpdates": get_updates,
    "setWebhook": set_webhook,
    "deleteWebhook": delete_webhook,
    "getWebhookInfo": get_webhook_info,
    "setMyCommands": set_my_commands,
    "getMyCommands": get_my_commands,
    "deleteMyCommands": delete_my_commands,
    "close": close,
    "logOut": log_out,
}
