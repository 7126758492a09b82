"""The managers' console from a test: a bot with its web server, links from the chat, a cookie-keeping client."""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import aiohttp
from multidict import CIMultiDictProxy

from bot.app import build_application
from bot.context import LearnbotApplication
from bot.lifecycle import running
from bot.sandbox import BotApiSandbox, SandboxUser
from bot.settings import Settings
from bot.web.console.site import COOKIE
from tests.integration.conftest import (
    LISTED,
    MANAGERS,
    MovableClock,
    personnel_csv,
    quiz_content,
    seed_personnel,
    verify,
)

URL = re.compile(r"https?://\S+")
MANAGER = MANAGERS[0]
OFFICER = LISTED[0]


@asynccontextmanager
async def console_bot(settings: Settings, clock: MovableClock, **changes: object) -> AsyncIterator[LearnbotApplication]:
    """The bot with its web server on a free port, the quiz content, and the test list imported."""
    chosen = settings.model_copy(update={"web_port": 0, "content_dir": quiz_content(), **changes})
    async with running(build_application(chosen, clock=clock), polling_timeout=1) as application:
        await seed_personnel(application, personnel_csv(LISTED, MANAGERS))
        yield application


def base_url(application: LearnbotApplication) -> str:
    return application.runtime.web.base_url  # type: ignore[attr-defined, no-any-return]


async def link_from_chat(user: SandboxUser) -> str:
    """Send /console; the sign-in address the bot answered with."""
    await user.send("/console")
    reply = await user.wait_reply()
    found = URL.search(reply.text)
    assert found, reply.text
    return found.group(0)


@dataclass(frozen=True)
class Answer:
    status: int
    text: str
    headers: CIMultiDictProxy[str]
    body: bytes

    @property
    def location(self) -> str:
        return self.headers.get("Location", "")

    @property
    def csrf(self) -> str:
        found = re.search(r'name="csrf" value="([^"]*)"', self.text)
        assert found, "no CSRF field on the page"
        return found.group(1)

    def shows(self, message: str) -> bool:
        """The page shows this text (as HTML-escaped in the page)."""
        return html.escape(message, quote=False) in self.text or message in html.unescape(self.text)


class ConsoleClient:
    """A browser without a script engine: keeps its cookies (for 127.0.0.1 too), never follows redirects."""

    def __init__(self, application: LearnbotApplication) -> None:
        self.base = base_url(application)
        self.http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))

    async def close(self) -> None:
        await self.http.close()

    def session_cookie(self) -> str:
        return next(cookie.value for cookie in self.http.cookie_jar if cookie.key == COOKIE)

    async def get(self, path: str, *, cookie: str | None = None, **params: Any) -> Answer:
        """GET a page; `cookie` sends that session cookie explicitly (as a copied cookie would be)."""
        url = path if path.startswith("http") else self.base + path
        headers = {"Cookie": f"{COOKIE}={cookie}"} if cookie else None
        async with self.http.get(url, params=params, allow_redirects=False, headers=headers) as response:
            body = await response.read()
            return Answer(response.status, body.decode("utf-8", "replace"), response.headers, body)

    async def post(self, path: str, data: Any, **headers: str) -> Answer:
        url = path if path.startswith("http") else self.base + path
        async with self.http.post(url, data=data, allow_redirects=False, headers=headers) as response:
            body = await response.read()
            return Answer(response.status, body.decode("utf-8", "replace"), response.headers, body)

    async def upload(self, path: str, csrf: str, filename: str, content: bytes) -> Answer:
        """Send a file as the console's upload form does (multipart, the file in the field "list")."""
        form = aiohttp.FormData()
        form.add_field("csrf", csrf)
        form.add_field("list", content, filename=filename, content_type="text/csv")
        return await self.post(path, form)

    async def sign_in(self, link: str) -> Answer:
        """Open the link and press Sign in, as a manager would; the overview afterwards."""
        opened = await self.get(link)
        assert opened.status == 200, opened.text
        used = await self.post(link, {})
        assert used.status == 303 and used.location == "/console/", (used.status, used.text)
        return await self.get("/console/")


@asynccontextmanager
async def signed_in(application: LearnbotApplication, sandbox: BotApiSandbox, user_id: int = MANAGER,
                    *, verified: bool = True) -> AsyncIterator[ConsoleClient]:
    """A console client signed in as this Telegram account (verified first, unless told not to)."""
    user = sandbox.user(user_id=user_id)
    if verified:
        await verify(user)
    client = ConsoleClient(application)
    try:
        overview = await client.sign_in(await link_from_chat(user))
        assert overview.status == 200, overview.text
        yield client
    finally:
        await client.close()


def listed_with_cohorts(cohorts: dict[int, str]) -> bytes:
    """The test list (LISTED, with MANAGERS) and a cohort column: these entries in these cohorts ("A | B")."""
    head, *lines = personnel_csv(LISTED, MANAGERS).decode().splitlines()
    rows = [f"{line},{cohorts.get(int(line.split(',')[0].removeprefix('P-')), '')}" for line in lines]
    return ("\n".join([f"{head},cohort", *rows]) + "\n").encode()


async def run_announcements(application: LearnbotApplication) -> None:
    """One tick of the announcement dispatcher, as the scheduler would run it: due ones start and go out."""
    await application.runtime.ticks.run_now("announcements")  # type: ignore[attr-defined]


async def issue_certificate(application: LearnbotApplication, telegram_id: int, percent: int = 90) -> str:
    """A certificate for a verified officer, made by the service that the final quiz calls."""
    services = application.services
    course = services.catalogue.courses[0]
    async with services.unit_of_work() as unit:
        officer = await services.officers.by_telegram_id(unit.session, telegram_id)
        assert officer is not None
        certificate = await services.certificates.issue(unit.session, officer, course, percent)
        assert certificate is not None
        return certificate.code


async def complete_lessons(application: LearnbotApplication, telegram_id: int, lessons: int) -> None:
    """The first lessons of the first course completed, as reading their last card records it."""
    services = application.services
    course = services.catalogue.courses[0]
    async with services.unit_of_work() as unit:
        officer = await services.officers.by_telegram_id(unit.session, telegram_id)
        assert officer is not None
        for lesson in course.lessons[:lessons]:
            position = services.learning.locate(course.id, lesson.id, lesson.card_count - 1)
            assert position is not None
            await services.learning.record_view(unit.session, officer, position)


def figure(page_text: str, name: str) -> int:
    found = re.search(rf'id="figure-{name}">(\d+)<', page_text)
    assert found, name
    return int(found.group(1))


def course_row(page_text: str, course_id: str) -> list[str]:
    row = re.search(rf'<tr data-course="{course_id}">(.*?)</tr>', page_text, re.S)
    assert row, course_id
    return re.findall(r'<td class="number">([^<]*)</td>', row.group(1))


def rows_of(csv_body: bytes) -> list[list[str]]:
    text = csv_body.decode("utf-8")
    assert text.startswith("\ufeff"), "a byte-order mark, so spreadsheets read UTF-8"
    return list(csv.reader(io.StringIO(text[1:])))
