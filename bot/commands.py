"""The command menus Telegram shows beside the text field, per language and per role."""

from __future__ import annotations

from telegram import Bot, BotCommand, BotCommandScopeChat
from telegram.error import BadRequest
from telegram.ext import Application

from bot.i18n import I18n
from bot.services.access import Role

OFFICER_COMMANDS = ("start", "courses", "continue", "review", "reminders", "certificates", "verify", "language", "mydata",
                    "deleteme", "help")
MANAGER_COMMANDS = ("console", "invite", "unbind", "conflicts", "stats", "export", "revoke_certificate", "assign",
                    "assignments", "announce", "announcements")
ADMIN_COMMANDS = ("grant_manager", "revoke_manager")


def commands_for(i18n: I18n, locale: str, role: Role = Role.OFFICER) -> list[BotCommand]:
    """The commands a role may use, described in one locale."""
    names = list(OFFICER_COMMANDS)
    if role >= Role.MANAGER:
        names += MANAGER_COMMANDS
    if role >= Role.ADMIN:
        names += ADMIN_COMMANDS
    return [BotCommand(name, i18n.format(locale, f"command-{name.replace('_', '-')}")) for name in names]


async def publish_commands(application: Application, i18n: I18n) -> None:  # type: ignore[type-arg]
    """Register the officers' menu for every supported language, plus the default for the others."""
    for locale in i18n.locales:
        await application.bot.set_my_commands(commands_for(i18n, locale), language_code=locale)
    await application.bot.set_my_commands(commands_for(i18n, i18n.default_locale))


async def show_commands_in_chat(bot: Bot, i18n: I18n, chat_id: int, locale: str, role: Role) -> None:
    """One chat's menu: its language and its role's commands (managers' stay out of officers' menus)."""
    try:
        await bot.set_my_commands(commands_for(i18n, locale, role), scope=BotCommandScopeChat(chat_id))
    except BadRequest:
        # An administrator named in settings may not have opened a chat with the bot yet.
        pass
