"""`learnbot run`: long polling by default, webhook when LEARNBOT_WEBHOOK_URL is set (bot/lifecycle.py)."""

from __future__ import annotations

import asyncio
import sys

from bot.content import ContentError
from bot.i18n import LocaleError
from bot.logs import ErrorReporter
from bot.settings import Settings
from bot.storage.backup import DatabaseInUse, hold_database


def run_bot(settings: Settings, reporter: ErrorReporter | None = None) -> int:
    """Run until SIGTERM or Ctrl-C, then drain; 1 when the bot cannot start (said in one line)."""
    return asyncio.run(_run(settings, reporter))


async def _run(settings: Settings, reporter: ErrorReporter | None) -> int:
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
    try:
        with hold_database(settings.database_url):  # `learnbot db restore` refuses while this is held
            return await serve(application, reporter)
    except DatabaseInUse as error:
        print(f"learnbot: refusing to start: {error}", file=sys.stderr)
        return 1
