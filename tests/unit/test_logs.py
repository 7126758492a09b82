"""Logs: one JSON object per line with the update's context, no personal data, error reports to admins."""

from __future__ import annotations

import asyncio
import io
import json
import logging
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.logs import HELD_BACK, ErrorReporter, configure_logging, log_context, redact
from bot.settings import load_settings
from bot.storage.database import create_engine


@pytest.fixture
def logs() -> Iterator[io.StringIO]:
    """A stream that configure_logging writes to; the root logger and library levels are restored after."""
    root = logging.getLogger()
    saved = root.handlers[:], root.level, {name: logging.getLogger(name).level for name in HELD_BACK}
    yield io.StringIO()
    root.handlers[:], _, levels = saved
    root.setLevel(saved[1])
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


def records(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_json_lines_carry_time_level_logger_context_and_duration(logs: io.StringIO) -> None:
    configure_logging(load_settings(log_format="json", log_level="DEBUG"), stream=logs)
    log = logging.getLogger("bot.handlers.lessons")
    with log_context(update_id=4242, officer="o-7f3a") as update:
        with log_context(job="reminders"):
            log.debug("card %s of %s shown\nnext line", 3, 12)
        log.info("update handled", extra={"duration_ms": update.elapsed_ms})
    log.warning("outside any update")

    inner, handled, outside = records(logs)
    assert inner["level"] == "DEBUG" and inner["logger"] == "bot.handlers.lessons"
    assert inner["message"] == "card 3 of 12 shown\nnext line", "a line break stays inside its JSON string"
    assert (inner["update_id"], inner["officer"], inner["job"]) == (4242, "o-7f3a", "reminders")
    assert datetime.fromisoformat(inner["time"]).utcoffset() == timedelta(0)
    assert "job" not in handled and handled["update_id"] == 4242 and handled["duration_ms"] >= 0
    assert set(outside) == {"time", "level", "logger", "message"}


def test_json_errors_name_the_exception_and_redact_the_traceback(logs: io.StringIO) -> None:
    configure_logging(load_settings(log_format="json"), stream=logs)
    try:
        raise ValueError("no entry for +33 6 12 34 56 78 or jane.doe@police.example")
    except ValueError:
        logging.getLogger("bot.services.access").exception("verification failed")
    (entry,) = records(logs)
    assert entry["error"] == "ValueError"
    assert "Traceback" in entry["traceback"] and "<phone>" in entry["traceback"] and "<email>" in entry["traceback"]
    assert "56 78" not in logs.getvalue() and "jane.doe" not in logs.getvalue()


def test_text_format_ends_the_line_with_the_context(logs: io.StringIO) -> None:
    configure_logging(load_settings(), stream=logs)
    with log_context(update_id=7, officer="o-1"):
        logging.getLogger("bot.x").warning("slow answer")
    assert logs.getvalue().rstrip().endswith("WARNING bot.x: slow answer [update_id=7 officer=o-1]")


def test_log_context_accepts_only_the_known_fields() -> None:
    with pytest.raises(TypeError, match="phone"), log_context(update_id=1, phone="+33612345678"):
        pass


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("contact +33 6 12 34 56 78 shared", "contact <phone> shared"),
        ("contact 33612345678 shared", "contact <phone> shared"),
        ("mail officer5001@police.example", "mail <email>"),
        ("GET /bot123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1/getMe", "GET /<token>/getMe"),
        ("update 884512345 handled in 12 ms", "update 884512345 handled in 12 ms"),
        ("due 2026-11-29 09:00:00, card 3 of 12", "due 2026-11-29 09:00:00, card 3 of 12"),
        ("group -1001234567890", "group -1001234567890"),
    ],
)
def test_redaction_masks_phones_emails_and_tokens_and_keeps_ids_and_dates(line: str, expected: str) -> None:
    assert redact(line) == expected


PERSON = {"id": "P-31337", "name": "Jane Doe"}  # not on a line a traceback would quote


async def test_debug_logs_hold_back_sql_parameters(logs: io.StringIO, tmp_path: Path) -> None:
    configure_logging(load_settings(log_level="DEBUG"), stream=logs)
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'x.sqlite3'}")
    try:
        async with engine.begin() as connection:
            await connection.execute(text("CREATE TABLE person (personnel_id TEXT, display_name TEXT)"))
            await connection.execute(text("INSERT INTO person VALUES (:id, :name)"), PERSON)
            rows = (await connection.execute(text("SELECT * FROM person"))).all()
            with pytest.raises(Exception, match="hide_parameters") as failed:
                await connection.execute(text("INSERT INTO nowhere VALUES (:name)"), PERSON)
            logging.getLogger("bot.storage").error("write failed", exc_info=failed.value)
    finally:
        await engine.dispose()
    logging.getLogger("bot.test").debug("our own debug line")
    assert rows == [("P-31337", "Jane Doe")]
    output = logs.getvalue()
    assert "our own debug line" in output and "write failed" in output
    assert "Jane Doe" not in output and "P-31337" not in output


# --- error reports ------------------------------------------------------------------------------------

class Admins:
    """The sender the runtime installs: here it keeps the texts."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.arrived = asyncio.Event()

    async def send(self, text: str) -> None:
        self.texts.append(text)
        self.arrived.set()

    async def next_text(self, timeout: float = 3) -> str:
        await asyncio.wait_for(self.arrived.wait(), timeout)
        self.arrived.clear()
        return self.texts[-1]


@pytest.fixture
def reported() -> Iterator[tuple[logging.Logger, ErrorReporter]]:
    logger = logging.getLogger("bot.test.reported")
    logger.propagate = False
    reporter = ErrorReporter(timedelta(seconds=0.3))
    logger.addHandler(reporter)
    yield logger, reporter
    logger.removeHandler(reporter)
    logger.propagate = True


async def test_an_error_is_reported_without_its_arguments_then_reports_pause(reported) -> None:
    logger, reporter = reported
    admins = Admins()
    reporter.install(admins.send)
    with log_context(update_id=99):
        try:
            raise KeyError("P-31337")
        except KeyError:
            logger.exception("import of %s for %s failed", "P-31337", "Jane Doe")
    first = await admins.next_text()
    assert first == "learnbot error #1: bot.test.reported: import of %s for %s failed [KeyError] (update_id=99)"
    logger.warning("not an error")
    logger.error("second")
    logger.error("third: %s", "Jane Doe")
    await asyncio.sleep(0.05)
    assert admins.texts == [first], "at most one report per interval"
    summary = await admins.next_text()
    assert summary == "learnbot: 2 more error(s) within 1 min; the last: bot.test.reported: third: %s"
    await asyncio.sleep(0.35)
    logger.error("later")
    assert await admins.next_text() == "learnbot error #4: bot.test.reported: later"


async def test_errors_before_the_sender_is_installed_are_summarised(reported) -> None:
    logger, reporter = reported
    logger.error("content reload failed")
    logger.error("content reload failed")
    admins = Admins()
    reporter.install(admins.send)
    assert await admins.next_text() == ("learnbot: 2 more error(s) within 1 min; the last: "
                                        "bot.test.reported: content reload failed")


async def test_a_failing_sender_is_not_reported_again(reported, caplog: pytest.LogCaptureFixture) -> None:
    logger, reporter = reported
    calls = []

    async def broken(text: str) -> None:
        calls.append(text)
        logger.error("sending failed")  # would loop if reports reported themselves
        raise ConnectionError("chat unreachable")

    reporter.install(broken)
    logger.error("first")
    await asyncio.sleep(0.5)
    assert calls == ["learnbot error #1: bot.test.reported: first"]
    assert "could not report an error to the administrators: ConnectionError" in caplog.text


def test_errors_after_the_event_loop_closed_are_only_counted(reported, capsys: pytest.CaptureFixture[str]) -> None:
    logger, reporter = reported
    admins = Admins()
    loop = asyncio.new_event_loop()

    async def install() -> None:
        reporter.install(admins.send)

    loop.run_until_complete(install())
    loop.close()  # the bot stopped without uninstalling the sender
    logger.error("during interpreter shutdown")
    assert admins.texts == [] and "Logging error" not in capsys.readouterr().err


def test_configure_logging_adds_a_reporter_only_for_configured_chats(logs: io.StringIO) -> None:
    assert configure_logging(load_settings(), stream=logs) is None
    reporter = configure_logging(load_settings(error_report_chat_ids="-1001234567890,42"), stream=logs)
    assert isinstance(reporter, ErrorReporter) and reporter in logging.getLogger().handlers
    assert load_settings(error_report_chat_ids="-1001234567890,42").error_report_chat_ids == {-1001234567890, 42}
