"""`learnbot run`: long polling by default, webhook when LEARNBOT_WEBHOOK_URL is set (bot/lifecycle.py)."""

from __future__ import annotations

import asyncio
import sys

from bot.content import ContentError
from bot.i18n import LocaleError
from bot.settings import Settings


def run_bot(settings: Settings) -> int:
    """Run until SIGTERM or Ctrl-C, then drain; 1 when the bot cannot start (said in one line)."""
    return asyncio.run(_run(settings))


async def _run(settings: Settings) -> int:
    from bot.app import build_application
    from bot.lifecycle import serve

    try:
        application = build_application(settings)
    except ContentError as error:
        print(f"learnbot: refusing to start, the content has {len(error.problems)} problem(s):", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    except LocaleError as error:
        print(f"learnbot: refusing to start, locale problem: {error}", file=sys.stderr)
        return 1
    return await serve(application)
