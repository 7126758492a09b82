"""`learnbot run`: long polling by default, webhook when LEARNBOT_WEBHOOK_URL is set."""

from __future__ import annotations

import logging
import sys
from urllib.parse import urlparse

from telegram import Update

from bot.app import build_application
from bot.content import ContentError
from bot.context import LearnbotApplication
from bot.i18n import LocaleError
from bot.settings import Settings
from bot.storage.backup import DatabaseInUse, hold_database

log = logging.getLogger(__name__)


def run_bot(settings: Settings) -> int:
    """Run until Ctrl-C or SIGTERM (PTB's run_* methods stop cleanly on both)."""
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
            return _serve(application, settings)
    except DatabaseInUse as error:
        print(f"learnbot: refusing to start: {error}", file=sys.stderr)
        return 1


def _serve(application: LearnbotApplication, settings: Settings) -> int:
    if settings.webhook_url:
        secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
        if secret is None:
            print("learnbot: setting LEARNBOT_WEBHOOK_SECRET (webhook_secret): is required with a webhook", file=sys.stderr)
            return 2
        log.info("starting with a webhook on %s:%s", settings.webhook_listen, settings.webhook_port)
        application.run_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=urlparse(settings.webhook_url).path.lstrip("/"),
            webhook_url=settings.webhook_url,
            secret_token=secret,
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        log.info("starting with long polling")
        application.run_polling(allowed_updates=Update.ALL_TYPES, timeout=settings.polling_timeout)
    return 0
