"""The real Application over HTTP against the sandbox Bot API server, one database per test."""

from __future__ import annotations

import asyncio
import functools
import secrets
import shutil
import tempfile
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.app import build_application
from bot.content import Course, load_catalogue
from bot.context import LearnbotApplication
from bot.i18n import I18n
from bot.lifecycle import running
from bot.sandbox import BotApiSandbox, SandboxMessage, SandboxUser
from bot.services.personnel import parse_personnel_csv
from bot.settings import PROJECT_ROOT, Settings, load_settings
from bot.storage.database import UnitOfWork

RunBot = Callable[..., AbstractAsyncContextManager[LearnbotApplication]]


@pytest.fixture
async def sandbox() -> AsyncIterator[BotApiSandbox]:
    async with BotApiSandbox() as server:
        yield server


STARTER_COURSE = "interpol-at-a-glance"
ADMIN_ID = 9000  # an administrator by settings, not on the approved list


@functools.cache
def journey_content() -> Path:
    """The starter course's lessons alone: the reading journeys rely on them, without its quizzes."""
    folder = Path(tempfile.mkdtemp(prefix="learnbot-content-"))
    shutil.copytree(PROJECT_ROOT / "content" / STARTER_COURSE, folder / STARTER_COURSE,
                    ignore=shutil.ignore_patterns("quiz.toml"))
    metadata = folder / STARTER_COURSE / "course.toml"  # no quiz, so no [quiz] policy (its draw) either
    metadata.write_text(metadata.read_text(encoding="utf-8").partition("[quiz]\n")[0], encoding="utf-8")
    return folder


@functools.cache
def shipped_content(draw: int | None = None) -> Path:
    """The starter course as shipped: lessons, quizzes and its [quiz] policy (with another draw if given)."""
    folder = Path(tempfile.mkdtemp(prefix="learnbot-shipped-content-"))
    shutil.copytree(PROJECT_ROOT / "content" / STARTER_COURSE, folder / STARTER_COURSE)
    if draw is not None:
        metadata = folder / STARTER_COURSE / "course.toml"
        lines = [line for line in metadata.read_text(encoding="utf-8").splitlines() if not line.startswith("draw =")]
        metadata.write_text("\n".join([*lines, f"draw = {draw}", ""]), encoding="utf-8")
    return folder


@functools.cache
def quiz_content(presentation: str = "inline", extra: str = "") -> Path:
    """The starter course with a test policy over the shipped one: tests of other things read no lesson
    first (require_lessons = false), see explanations as they go and may retake after a day. extra holds
    `key = value` lines that add to or replace the test policy's."""
    folder = Path(tempfile.mkdtemp(prefix="learnbot-quiz-content-"))
    course = folder / STARTER_COURSE
    shutil.copytree(PROJECT_ROOT / "content" / STARTER_COURSE, course)
    metadata = course / "course.toml"
    text, _, own = metadata.read_text(encoding="utf-8").partition("[quiz]\n")
    # The course's own [quiz] keys (its draw, its certificates' validity) stay unless the tests' policy sets them.
    policy = dict(line.split(" = ", 1) for line in own.splitlines() if " = " in line)
    policy.update({"presentation": f'"{presentation}"', "pass_mark": "80", "max_attempts": "3",
                   "retake_cooldown_hours": "24", "cooldown_after_attempts": "1", "time_limit_minutes": "30",
                   "require_lessons": "false", "final_feedback": '"each"'})
    policy.update(line.split(" = ", 1) for line in extra.splitlines() if line.strip())
    table = "".join(f"{key} = {value}\n" for key, value in policy.items())
    metadata.write_text(text.rstrip("\n") + "\n\n[quiz]\n" + table, encoding="utf-8")
    return folder


@functools.cache
def starter_course() -> Course:
    course = load_catalogue(journey_content()).course(STARTER_COURSE)
    assert course is not None
    return course


@pytest.fixture
def settings(sandbox: BotApiSandbox, database_url: str) -> Settings:
    return settings_for(sandbox, database_url)


def settings_for(sandbox: BotApiSandbox, database_url: str, **overrides: object) -> Settings:
    """Settings of a bot registered on the sandbox, with the reading-journey content."""
    return load_settings(**{
        "token": sandbox.register_bot(username="learnbot_test_bot", first_name="learnbot"),
        "api_base_url": sandbox.base_url,
        "api_base_file_url": sandbox.base_file_url,
        "database_url": database_url,
        "secret_key": secrets.token_urlsafe(48),
        "content_dir": journey_content(),
        "admin_ids": frozenset({ADMIN_ID}),
        **overrides,
    })


class MovableClock:
    """The real time plus an offset that a test can move forward."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def advance(self, **delta: float) -> None:
        self.offset += timedelta(**delta)


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock()


@pytest.fixture
def run_bot(settings: Settings, clock: MovableClock) -> RunBot:
    """Start a fresh Application on the test's database; call again to simulate a restart."""

    def start(content_dir: Path | None = None, **overrides: object) -> AbstractAsyncContextManager[LearnbotApplication]:
        if content_dir is not None:
            overrides["content_dir"] = content_dir
        chosen = settings.model_copy(update=overrides) if overrides else settings
        return running(build_application(chosen, clock=clock), polling_timeout=1)

    return start


@pytest.fixture
def run_seeded_bot(run_bot: RunBot) -> RunBot:
    """Like run_bot, with the test list of approved personnel imported."""

    @asynccontextmanager
    async def start(content_dir: Path | None = None, **overrides: object) -> AsyncIterator[LearnbotApplication]:
        async with run_bot(content_dir, **overrides) as application:
            await seed_personnel(application, personnel_csv(LISTED, MANAGERS))
            yield application

    return start




def phone_of(user_id: int) -> str:
    """Every test user's (valid, French mobile) phone number on the approved list."""
    return f"+3361{user_id:07d}"


def personnel_csv(user_ids: list[int], managers: tuple[int, ...] = ()) -> bytes:
    lines = ["personnel_id,phone,country,role,display_name,email"]
    for user_id in user_ids:
        role = "manager" if user_id in managers else "officer"
        lines.append(f"P-{user_id},{phone_of(user_id)},FR,{role},Officer {user_id},officer{user_id}@police.example")
    return ("\n".join(lines) + "\n").encode()


async def seed_personnel(application: LearnbotApplication, csv_data: bytes) -> None:
    """Replace the approved list, as `learnbot personnel import` would."""
    services = application.services
    rows, problems = parse_personnel_csv(csv_data, services.hasher)
    assert problems == []
    unit = UnitOfWork(services.sessions)
    await services.personnel.replace(unit.session, rows)
    await unit.finish()


# Officers 5000–6999 are on the list in every integration test; 7000+ are not.
LISTED = list(range(5000, 5020)) + list(range(6000, 6020))
MANAGERS = (5010, 6010)


@pytest.fixture
async def bot(run_seeded_bot: RunBot) -> AsyncIterator[LearnbotApplication]:
    async with run_seeded_bot() as application:
        yield application


async def verify(user: SandboxUser) -> SandboxMessage:
    """Share the user's own contact; returns the menu the bot opens once it has confirmed."""
    await user.send_contact(phone_number=phone_of(user.id).lstrip("+"), first_name="Me", user_id=user.id)
    confirmation = await user.wait_reply()
    assert confirmation.text.strip("\u200f") == in_users_language(user, "verify-success")
    return await user.wait_reply()


I18N = I18n(PROJECT_ROOT / "locales")


def plain_words(text: str) -> str:
    """Text as words: no bidi isolates or marks, one space between words (PDF lines wrap where they like)."""
    return " ".join(text.translate(dict.fromkeys([0x200E, 0x200F, *range(0x2066, 0x206A)])).split())


def in_users_language(user: SandboxUser, message_id: str, **args: object) -> str:
    return I18N.format(I18N.negotiate(user.profile.language_code), message_id, **args)


async def open_course(user: SandboxUser, course: Course, locale: str = "en") -> SandboxMessage:
    """From /courses to the course's overview; returns the overview."""
    await user.send("/courses")
    await user.wait_reply()
    await user.press(course.titles[locale])
    return await user.wait_reply()


async def settle(application: LearnbotApplication) -> None:
    """Let the bot commit what it just replied about (held-back reading positions included)."""
    await asyncio.wait_for(application.wait_idle(), timeout=5)
    await application.runtime.flush_progress()  # type: ignore[attr-defined]
