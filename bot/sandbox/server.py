"""BotApiSandbox: an aiohttp server that plays Telegram's Bot API for local bots and scripted users."""

from __future__ import annotations

import asyncio
import logging
import random
import re
import secrets
import time
from types import TracebackType
from typing import Any

import aiohttp
from aiohttp import web

from bot.sandbox.api import ApiError, Described, not_found, unauthorized
from bot.sandbox.bot_methods import BOT_METHODS
from bot.sandbox.client import SandboxUser
from bot.sandbox.faults import POLLING, FaultPlan
from bot.sandbox.methods import MESSAGE_METHODS, Handler
from bot.sandbox.objects import my_chat_member
from bot.sandbox.params import Params, read_params
from bot.sandbox.polls import POLL_METHODS, cancel_timers
from bot.sandbox.ratelimit import RateLimits
from bot.sandbox.state import ApiCall, BotState, ChatState, UserProfile
from bot.sandbox.updates import UpdateQueue

LOGGER = logging.getLogger(__name__)
TOKEN = re.compile(r"\d+:[A-Za-z0-9_-]+")
METHODS: dict[str, tuple[str, Handler]] = {
    name.lower(): (name, handler) for name, handler in {**BOT_METHODS, **MESSAGE_METHODS, **POLL_METHODS}.items()
}
UPLOAD_LIMIT = 50 * 1024 * 1024
FIRST_BOT_ID = 7_000_000_001


class BotApiSandbox:
    """A local Telegram Bot API server for integration tests, benchmarks and the offline demo."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, *, seed: int = 0) -> None:
        self.host = host
        self.port = port
        self.calls: list[ApiCall] = []
        self.callback_query_ttl: float = 15.0
        # Real seconds per second of a poll's open_period; tests shrink it to see polls close quickly.
        self.open_period_scale: float = 1.0
        # Flood limits on sends and edits (all off until set) and what they saw.
        self.limits = RateLimits()
        # Calls to answer with a fault on purpose.
        self.faults = FaultPlan()
        # (low, high) real seconds every call but getUpdates takes, drawn uniformly; None: at once.
        self.latency: tuple[float, float] | None = None
        self._latency_draw = random.Random(seed)
        self._blocked: set[int] = set()
        self._bots: dict[str, BotState] = {}
        self._users: dict[tuple[str, int], SandboxUser] = {}
        self._runner: web.AppRunner | None = None
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> BotApiSandbox:
        await self.start()
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        traceback: TracebackType | None) -> None:
        await self.stop()

    async def start(self) -> None:
        """Listen on host:port; port 0 picks a free port, then port holds it."""
        if self._runner is not None:
            raise RuntimeError("the sandbox is already running")
        app = web.Application(client_max_size=UPLOAD_LIMIT + 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        app.router.add_route("*", "/{tail:.*}", self._handle_unknown)
        # handler_cancellation ends a long poll as soon as its client hangs up (PTB's stop does).
        runner = web.AppRunner(app, access_log=None, handler_cancellation=True, shutdown_timeout=1.0)
        await runner.setup()
        await web.TCPSite(runner, self.host, self.port).start()
        self._runner = runner
        self.port = runner.addresses[0][1]
        self._session = aiohttp.ClientSession()
        for bot in self._bots.values():
            bot.updates.reopen()

    async def stop(self) -> None:
        """Release waiting long polls, stop webhook deliveries and close the server."""
        for bot in self._bots.values():
            cancel_timers(bot)
            await bot.updates.close()
        if self._session is not None:
            await self._session.close()
            self._session = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def base_url(self) -> str:
        """For ApplicationBuilder.base_url(); PTB appends the token."""
        return f"http://{self.host}:{self._port()}/bot"

    @property
    def base_file_url(self) -> str:
        """For ApplicationBuilder.base_file_url()."""
        return f"http://{self.host}:{self._port()}/file/bot"

    def register_bot(self, username: str = "learnbot_test_bot", first_name: str = "learnbot") -> str:
        """Create a bot and return its fresh token "<bot id>:<secret>"."""
        bot_id = FIRST_BOT_ID + len(self._bots)
        token = f"{bot_id}:AA{secrets.token_urlsafe(25)[:33]}"
        self._bots[token] = BotState(bot_id, token, username, first_name, UpdateQueue(self._webhook_session))
        return token

    def user(self, user_id: int = 1001, language_code: str | None = "en", first_name: str = "Ana",
             last_name: str | None = None, username: str | None = None, *, token: str | None = None) -> SandboxUser:
        """The scripted user of a private chat with the bot (the only one, or the one token names)."""
        bot = self.bot_state(token)
        key = (bot.token, user_id)
        if key not in self._users:
            profile = UserProfile(user_id, first_name, last_name, username, language_code)
            chat = bot.chats.setdefault(user_id, ChatState(profile))
            self._users[key] = SandboxUser(self, bot, chat)
        return self._users[key]

    @property
    def blocked(self) -> frozenset[int]:
        """Ids of the users who blocked the bot."""
        return frozenset(self._blocked)

    def block(self, user_id: int) -> None:
        """The user blocks the bot: sends to them answer 403 and the bot gets a my_chat_member update."""
        if user_id not in self._blocked:
            self._blocked.add(user_id)
            self._announce_membership(user_id, "member", "kicked")

    def unblock(self, user_id: int) -> None:
        """The user restarts the bot."""
        if user_id in self._blocked:
            self._blocked.discard(user_id)
            self._announce_membership(user_id, "kicked", "member")

    def calls_of(self, method: str) -> list[ApiCall]:
        """The calls of one method (case-insensitive, like Telegram's method names)."""
        return [call for call in self.calls if call.method.lower() == method.lower()]

    def describe_recent_calls(self, count: int = 10) -> str:
        """The last calls, one per line, for failure messages."""
        lines = [
            f"  {call.method} -> {f'[fault {call.fault}] ' if call.fault else ''}"
            + ("ok" if call.ok else str(call.result_or_error))
            for call in self.calls[-count:]
        ]
        return "\n".join(lines) or "  (no API calls at all: is the bot running against this sandbox?)"

    def bot_state(self, token: str | None = None) -> BotState:
        """A registered bot's state (chats, files, commands, update queue); token is optional with one bot."""
        if token is not None:
            if token not in self._bots:
                raise KeyError(f"no bot with token {token!r} is registered")
            return self._bots[token]
        if len(self._bots) != 1:
            raise RuntimeError(f"{len(self._bots)} bots are registered; pass token= to choose one")
        return next(iter(self._bots.values()))

    def _port(self) -> int:
        if self._runner is None:
            raise RuntimeError("start the sandbox first")
        return self.port

    def _webhook_session(self) -> aiohttp.ClientSession:
        if self._session is None:
            raise RuntimeError("the sandbox is not running")
        return self._session

    def _announce_membership(self, user_id: int, old_status: str, new_status: str) -> None:
        for bot in self._bots.values():
            chat = bot.chats.get(user_id)
            if chat is not None and chat.known:
                bot.updates.push("my_chat_member", my_chat_member(bot, chat, old_status, new_status, int(time.time())))

    async def _handle_api(self, request: web.Request) -> web.Response:
        arrived = time.monotonic()
        token = request.match_info["token"]
        if not TOKEN.fullmatch(token):
            return _error_response(not_found())
        bot = self._bots.get(token)
        if bot is None:
            return _error_response(unauthorized())
        requested = request.match_info["method"]
        name, handler = METHODS.get(requested.lower(), (requested, None))
        try:
            params = await read_params(request)
        except ApiError as error:
            self.calls.append(ApiCall(name, {}, False, error.description, arrived))
            return _error_response(error)
        if self.latency is not None and name != POLLING:
            await asyncio.sleep(self._latency_draw.uniform(*self.latency))
        fault = self.faults.take(name, params)
        if fault is not None and fault.kind != "slow":
            response, outcome = fault.answer(request)
            self.calls.append(ApiCall(name, params, False, outcome, arrived, fault.kind))
            return response
        ok, result, response = await self._run(name, handler, bot, params)
        self.calls.append(ApiCall(name, params, ok, result, arrived, fault.kind if fault else None))
        if fault is not None:
            # A slow fault: the call took effect, only its answer is late.
            await asyncio.sleep(fault.delay)
        return response

    async def _run(self, name: str, handler: Handler | None, bot: BotState,
                   params: dict[str, Any]) -> tuple[bool, Any, web.Response]:
        """Run one method: whether it succeeded, its result or error description, and the response."""
        try:
            if handler is None:
                raise not_found("method not found")
            result = await handler(self, bot, Params(params))
        except ApiError as error:
            LOGGER.debug("%s failed: %s", name, error.description)
            return False, error.description, _error_response(error)
        except Exception:
            # A sandbox bug must reach the bot as Telegram's 500, not as a dropped connection.
            LOGGER.exception("the sandbox failed while handling %s", name)
            failure = ApiError(500, "Internal Server Error: the sandbox failed, see its log")
            return False, failure.description, _error_response(failure)
        if isinstance(result, Described):
            return True, result.result, web.json_response(
                {"ok": True, "result": result.result, "description": result.description})
        return True, result, web.json_response({"ok": True, "result": result})

    async def _handle_file(self, request: web.Request) -> web.Response:
        bot = self._bots.get(request.match_info["token"])
        stored = bot.file_by_path(request.match_info["path"]) if bot is not None else None
        if stored is None:
            return _error_response(not_found())
        return web.Response(body=stored.content, content_type=stored.mime_type or "application/octet-stream")

    async def _handle_unknown(self, request: web.Request) -> web.Response:
        return _error_response(not_found())


def _error_response(error: ApiError) -> web.Response:
    return web.json_response(error.to_json(), status=error.code)
