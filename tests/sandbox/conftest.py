"""Fixtures for the sandbox's own tests: a running sandbox, a bot token, raw HTTP and PTB clients."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

import aiohttp
import pytest
from telegram import Bot
from telegram.ext import Application, ApplicationBuilder, BaseHandler

from bot.sandbox import BotApiSandbox, SandboxUser

RunApp = Callable[..., AbstractAsyncContextManager[Application]]


class RawApi:
    """Calls the sandbox over HTTP the way PTB does: form fields, non-strings JSON-encoded."""

    def __init__(self, session: aiohttp.ClientSession, bot_url: str) -> None:
        self.session = session
        self.bot_url = bot_url

    async def call(self, method: str, **params: Any) -> tuple[int, dict[str, Any]]:
        """POST a form and return (HTTP status, decoded body)."""
        form = {name: value if isinstance(value, str) else json.dumps(value) for name, value in params.items()}
        async with self.session.post(f"{self.bot_url}/{method}", data=form) as response:
            return response.status, await response.json()

    async def ok(self, method: str, **params: Any) -> Any:
        """The result of a call that must succeed."""
        status, body = await self.call(method, **params)
        assert (status, body["ok"]) == (200, True), body
        return body["result"]

    async def error(self, method: str, **params: Any) -> tuple[int, str]:
        """(error_code, description) of a call that must fail; checks the error shape too."""
        status, body = await self.call(method, **params)
        assert body["ok"] is False and body["error_code"] == status, body
        return status, body["description"]


@pytest.fixture
async def sandbox() -> AsyncIterator[BotApiSandbox]:
    async with BotApiSandbox() as server:
        yield server


@pytest.fixture
def token(sandbox: BotApiSandbox) -> str:
    return sandbox.register_bot(username="learnbot_test_bot", first_name="learnbot")


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


@pytest.fixture
def api(http: aiohttp.ClientSession, sandbox: BotApiSandbox, token: str) -> RawApi:
    return RawApi(http, f"{sandbox.base_url}{token}")


@pytest.fixture
async def user(sandbox: BotApiSandbox, token: str, api: RawApi) -> SandboxUser:
    """A user who already wrote to the bot (so the chat is known), with that update consumed."""
    person = sandbox.user(user_id=1001, language_code="en", first_name="Ana")
    await person.send("/start")
    updates = await api.ok("getUpdates")
    await api.ok("getUpdates", offset=updates[-1]["update_id"] + 1)
    return person


@pytest.fixture
async def ptb_bot(sandbox: BotApiSandbox, token: str) -> AsyncIterator[Bot]:
    async with Bot(token, base_url=sandbox.base_url, base_file_url=sandbox.base_file_url) as client:
        yield client


@pytest.fixture
def run_app(sandbox: BotApiSandbox, token: str) -> RunApp:
    """Run the real PTB Application with long polling against the sandbox, stopping it cleanly."""

    @asynccontextmanager
    async def running(*handlers: BaseHandler[Any, Any, Any]) -> AsyncIterator[Application]:
        app = ApplicationBuilder().token(token).base_url(sandbox.base_url).base_file_url(sandbox.base_file_url).build()
        for handler in handlers:
            app.add_handler(handler)
        await app.initialize()
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0.0, timeout=1)
        try:
            yield app
        finally:
            await app.updater.stop()
            await app.stop()
            await app.shutdown()

    return running
