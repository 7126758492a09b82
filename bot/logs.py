"""Logging an operator can use: text or one JSON object per line, with the update and officer in
context, no personal data at any level, and ERROR reports to the administrators' chat."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import sys
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar, copy_context
from datetime import UTC, datetime, timedelta
from types import MappingProxyType
from typing import TextIO

import phonenumbers

from bot.settings import Settings

# What a log line may carry besides its message; never a chat id, a name or a phone number.
CONTEXT_FIELDS = ("update_id", "officer", "job", "request")
_context: ContextVar[Mapping[str, object]] = ContextVar("log_context", default=MappingProxyType({}))

# Libraries whose logs carry personal data or secrets below these levels: SQL parameters and result rows
# (sqlalchemy, aiosqlite, asyncpg), request URLs holding the token (httpx, httpcore), whole updates (telegram).
HELD_BACK = {"sqlalchemy": logging.WARNING, "aiosqlite": logging.WARNING, "asyncpg": logging.WARNING,
             "httpx": logging.WARNING, "httpcore": logging.WARNING, "telegram": logging.INFO,
             "fontTools": logging.WARNING}  # fontTools: about 75 INFO lines per certificate PDF

_TOKEN = re.compile(r"\b(?:bot)?\d{5,}:[\w-]{30,}")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_INTERNATIONAL = re.compile(r"(?<![\w+])\+\d(?:[ ().-]{0,2}\d){6,16}(?!\w)")
_DIGITS = re.compile(r"(?<![\w.:-])\d{8,15}(?![\w.:-])")


def _international(match: re.Match[str]) -> str:
    try:
        number = phonenumbers.parse(match.group(), None)
    except phonenumbers.NumberParseException:
        return match.group()
    return "<phone>" if phonenumbers.is_possible_number(number) else match.group()


def _bare_phone(match: re.Match[str]) -> str:
    # Contacts arrive as bare digits (33612345678); ids that happen to be valid numbers are masked too.
    try:
        number = phonenumbers.parse("+" + match.group(), None)
    except phonenumbers.NumberParseException:
        return match.group()
    return "<phone>" if phonenumbers.is_valid_number(number) else match.group()


def redact(text: str) -> str:
    """Mask bot tokens, emails and phone numbers (international, or bare digits forming a valid number)."""
    text = _EMAIL.sub("<email>", _TOKEN.sub("<token>", text))
    return _DIGITS.sub(_bare_phone, _INTERNATIONAL.sub(_international, text))


class RedactingFilter(logging.Filter):
    """Last line of defence: a phone number, email or bot token in a log message is masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


class LogScope:
    """What `log_context` yields: the time spent inside, for the record that closes the scope."""

    def __init__(self) -> None:
        self._started = time.perf_counter()

    @property
    def elapsed_ms(self) -> float:
        return round((time.perf_counter() - self._started) * 1000, 1)


@contextmanager
def log_context(**fields: object) -> Iterator[LogScope]:
    """Every record logged inside carries these fields (nested scopes add to them), e.g.

    with log_context(update_id=update.update_id, officer=officer_ref) as scope:
        ...
        log.debug("update handled", extra={"duration_ms": scope.elapsed_ms})
    """
    unknown = sorted(set(fields) - set(CONTEXT_FIELDS))
    if unknown:
        raise TypeError(f"log_context: unknown field(s) {unknown}; allowed: {', '.join(CONTEXT_FIELDS)}")
    merged = {**_context.get(), **{name: value for name, value in fields.items() if value is not None}}
    token = _context.set(MappingProxyType(merged))
    try:
        yield LogScope()
    finally:
        _context.reset(token)


class ContextFilter(logging.Filter):
    """Stamps the record with the fields of the current log_context, where it is logged."""

    def filter(self, record: logging.LogRecord) -> bool:
        for name, value in _context.get().items():
            if not hasattr(record, name):
                setattr(record, name, value)
        return True


def _fields(record: logging.LogRecord) -> dict[str, object]:
    return {name: value for name in (*CONTEXT_FIELDS, "duration_ms")
            if (value := getattr(record, name, None)) is not None}


class TextFormatter(logging.Formatter):
    """`time LEVEL logger: message [update_id=… officer=… duration_ms=…]`, then any traceback."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 (logging's name)
        fields = " ".join(f"{name}={value}" for name, value in _fields(record).items())
        line = super().formatMessage(record)
        return f"{line} [{fields}]" if fields else line

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, the context fields, error and traceback."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
            **_fields(record),
        }
        if record.exc_info and record.exc_info[0] is not None:
            entry["error"] = record.exc_info[0].__name__
            entry["traceback"] = redact(self.formatException(record.exc_info))
        if record.stack_info:
            entry["stack"] = redact(self.formatStack(record.stack_info))
        return json.dumps(entry, ensure_ascii=False, default=str)


Sender = Callable[[str], Awaitable[None]]
_reporting: ContextVar[bool] = ContextVar("reporting_error", default=False)


def describe(record: logging.LogRecord) -> str:
    """Logger, message template without its arguments, exception type: nothing about a person."""
    template = record.msg if isinstance(record.msg, str) else type(record.msg).__name__
    text = f"{record.name}: {redact(template)}"[:300]
    if record.exc_info and record.exc_info[0] is not None:
        text += f" [{record.exc_info[0].__name__}]"
    update_id = getattr(record, "update_id", None)
    return f"{text} (update_id={update_id})" if update_id is not None else text


class ErrorReporter(logging.Handler):
    """ERROR records as short texts for the administrators' chat, at most one per interval; what the
    interval held back follows in one summary when it ends. `install(sender)` starts the sending."""

    def __init__(self, interval: timedelta, *, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(logging.ERROR)
        self.addFilter(ContextFilter())
        self._interval = interval.total_seconds()
        self._clock = clock
        self._sender: Sender | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._count = 0
        self._suppressed = 0
        self._last_suppressed = ""
        self._next_allowed = float("-inf")
        self._flush_pending = False

    def install(self, sender: Sender) -> None:
        """Report through `sender(text)` on the running event loop; errors logged before are summarised."""
        self._loop, self._sender = asyncio.get_running_loop(), sender
        with self.lock:  # type: ignore[union-attr]
            if self._suppressed:
                self._schedule_flush(0.0)

    def uninstall(self) -> None:
        """Stop sending (at shutdown); later errors are only counted."""
        self._sender = None

    @property
    def _sending(self) -> bool:
        return self._sender is not None and self._loop is not None and not self._loop.is_closed()

    def emit(self, record: logging.LogRecord) -> None:
        if _reporting.get():  # an error raised while reporting is not reported again
            return
        self._count += 1
        summary = describe(record)
        now = self._clock()
        if not self._sending or now < self._next_allowed:
            self._suppressed += 1
            self._last_suppressed = summary
            if self._sending:
                self._schedule_flush(self._next_allowed - now)
            return
        text = f"learnbot error #{self._count}: {summary}"
        if self._suppressed:
            text += f"\n(and {self._suppressed} more since the last report)"
        self._send(text, now)

    def _send(self, text: str, now: float) -> None:
        self._suppressed = 0
        self._next_allowed = now + self._interval
        assert self._loop is not None
        self._loop.call_soon_threadsafe(self._start, text)

    def _schedule_flush(self, delay: float) -> None:
        if self._flush_pending or not self._sending:
            return
        self._flush_pending = True
        self._loop.call_soon_threadsafe(self._loop.call_later, max(delay, 0.0), self._flush)

    def _flush(self) -> None:
        with self.lock:  # type: ignore[union-attr]
            self._flush_pending = False
            if not self._suppressed or not self._sending:
                return
            minutes = max(1, round(self._interval / 60))
            self._send(f"learnbot: {self._suppressed} more error(s) within {minutes} min; the last: "
                       f"{self._last_suppressed}", self._clock())

    def _start(self, text: str) -> None:
        sender = self._sender
        if sender is None or self._loop is None:
            return
        context = copy_context()
        context.run(_reporting.set, True)
        task = self._loop.create_task(sender(text), context=context)  # type: ignore[arg-type]
        self._tasks.add(task)
        task.add_done_callback(self._sent)

    def _sent(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            logging.getLogger(__name__).warning(
                "could not report an error to the administrators: %s", type(task.exception()).__name__)


def configure_logging(settings: Settings, *, stream: TextIO | None = None) -> ErrorReporter | None:
    """Root logging for `learnbot run`; returns the error reporter when administrators' chats are set,
    for the runtime to `install` a sender on."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter() if settings.log_format == "json" else TextFormatter())
    handler.addFilter(ContextFilter())
    handler.addFilter(RedactingFilter())
    handlers: list[logging.Handler] = [handler]
    reporter = None
    if settings.error_report_chat_ids:
        reporter = ErrorReporter(timedelta(minutes=settings.error_report_minutes))
        handlers.append(reporter)
    logging.basicConfig(level=settings.log_level, handlers=handlers, force=True)
    hold_back_library_loggers(settings.log_level)
    return reporter


def hold_back_library_loggers(level: str) -> None:
    """Libraries log SQL parameters, tokens and whole updates below their HELD_BACK level; never let them."""
    for name, floor in HELD_BACK.items():
        logging.getLogger(name).setLevel(max(floor, logging.getLevelName(level)))
