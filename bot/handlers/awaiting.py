"""Answers the bot asked for (a reminder time, an announcement, a due date), taken before any feature sees them.

The officer's `awaiting` column (read from the cached officer: no query) says what the bot asked for,
as `<kind>[:<argument>]`. The next private message is that answer; a /command instead drops the
question and goes on to its own handler. Registered in its own group, after the officer is known and
before the features, so an announcement's text or a typed time never reaches the fallback.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Mapping

from telegram import Update
from telegram.ext import ApplicationHandlerStop, BaseHandler, MessageHandler

from bot.context import CustomContext
from bot.handlers.common import PRIVATE_MESSAGES

# Takes the answer (update, context, argument); the feature clears or keeps `awaiting` itself.
Answer = Callable[[Update, CustomContext, str], Awaitable[None]]


def build_handlers(answers: Mapping[str, Answer]) -> list[BaseHandler]:  # type: ignore[type-arg]
    return [MessageHandler(PRIVATE_MESSAGES, functools.partial(_route, answers))]


def expect(context: CustomContext, kind: str, argument: str = "") -> None:
    """The officer's next message answers `kind`."""
    assert context.officer is not None
    context.officer.awaiting = f"{kind}:{argument}" if argument else kind


def done(context: CustomContext) -> None:
    if context.officer is not None and context.officer.awaiting is not None:
        context.officer.awaiting = None


async def _route(answers: Mapping[str, Answer], update: Update, context: CustomContext) -> None:
    officer, message = context.officer, update.effective_message
    if officer is None or officer.awaiting is None or message is None:
        return
    if message.text is not None and message.text.startswith("/"):
        done(context)
        return
    kind, _, argument = officer.awaiting.partition(":")
    answer = answers.get(kind)
    if answer is None:
        done(context)
        return
    await answer(update, context, argument)
    raise ApplicationHandlerStop
