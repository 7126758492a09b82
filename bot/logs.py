"""Logging that keeps tokens, phone numbers and message contents out of the logs."""

from __future__ import annotations

import logging
import re

_PHONE = re.compile(r"\+?\d[\d ()-]{7,}\d")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_TOKEN = re.compile(r"bot\d+:[\w-]+")


class RedactingFilter(logging.Filter):
    """Last line of defence: a phone number, email or bot token in a log line is masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = _TOKEN.sub("bot<token>", _EMAIL.sub("<email>", _PHONE.sub("<phone>", message)))
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


def configure_logging(level: str) -> None:
    """Root logging for `learnbot run`; library loggers that print request data are held back."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    logging.basicConfig(level=level, handlers=[handler], force=True)
    hold_back_library_loggers(level)


def hold_back_library_loggers(level: str) -> None:
    """httpx logs every request URL (which holds the token) at INFO; PTB logs whole updates
    (shared contacts included) at DEBUG. Neither belongs in our logs at any level."""
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("telegram").setLevel(max(logging.INFO, logging.getLevelName(level)))
