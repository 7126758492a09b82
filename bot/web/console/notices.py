"""Managers told in the chat about what happened in the console, with the chat's own messages."""

from __future__ import annotations

from aiohttp import web

from bot.handlers.announcement_reviews import ask_reviewers, tell_author
from bot.web.console.site import APPLICATION, services, unit


async def notify_reviewers(request: web.Request, announcement_id: int) -> int:
    """Ask the other managers to approve, as /announce does; how many were asked.

    The request's unit of work is committed by the delivery governor before each message leaves.
    """
    announcement = await services(request).announcements.get(unit(request).session, announcement_id)
    assert announcement is not None
    bot = request.config_dict[APPLICATION].bot
    return await ask_reviewers(bot, services(request), unit(request).session, announcement)


async def notify_author(request: web.Request, announcement_id: int) -> None:
    """Tell the author that their announcement was approved or rejected."""
    announcement = await services(request).announcements.get(unit(request).session, announcement_id)
    assert announcement is not None
    await tell_author(request.config_dict[APPLICATION].bot, services(request), unit(request).session, announcement)
