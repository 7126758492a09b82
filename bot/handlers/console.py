"""/console: a manager's one-time link to the web console, bound to their Telegram account."""

from __future__ import annotations

from telegram import LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import BaseHandler

from bot.context import CustomContext
from bot.formatting import escape
from bot.handlers.common import command, requires, show
from bot.services.access import Role


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [command("console", requires(Role.MANAGER)(_handle_console))]


def console_address(context: CustomContext) -> str | None:
    """The console's public address: the setting, else where the bot's own web server listens, else None."""
    configured = (context.settings.console_base_url or "").rstrip("/")
    if configured:
        return configured
    runtime = getattr(context.application, "runtime", None)
    web = getattr(runtime, "web", None)
    return web.base_url if web is not None else None


async def _handle_console(update: Update, context: CustomContext) -> None:
    t = context.t
    address = console_address(context)
    chat = update.effective_chat
    if address is None or chat is None or context.officer is None:
        await show(update, context, escape(t("console-unavailable")))
        return
    token = await context.services.console.issue_link(context.db, context.officer)
    url = f"{address}/console/sign-in/{token}"
    text = t.block(escape(t("console-link", minutes=context.settings.console_link_minutes)))
    # No preview: Telegram would fetch the address itself (the page only shows a button, but still).
    await context.bot.send_message(chat.id, f"{text}\n\n{escape(url)}", parse_mode=ParseMode.HTML,
                                   link_preview_options=LinkPreviewOptions(is_disabled=True))
