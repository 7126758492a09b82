"""One aiohttp server for the webhook, /healthz, /readyz, /metrics and the managers' console (/console).

The webhook answers fast: it checks the secret header in constant time, parses the update and puts
it on the application's queue; when the queue is full, or the bot is draining for a shutdown, it
answers 503 with Retry-After, and Telegram delivers the update again later.
"""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlparse

from aiohttp import web
from telegram import Update

from bot.context import LearnbotApplication
from bot.metrics import CONTENT_TYPE_LATEST
from bot.web.console import register_console

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
Readiness = Callable[[], Awaitable[tuple[bool, dict[str, Any]]]]
APPLICATION_KEY = web.AppKey("learnbot", LearnbotApplication)


class WebServer:
    """Started and stopped by the lifecycle; binds where the settings say (127.0.0.1 by default)."""

    def __init__(self, application: LearnbotApplication, readiness: Readiness) -> None:
        self._application = application
        self._readiness = readiness
        settings = application.services.settings
        self._host, self._port = settings.web_host, settings.web_port or 0
        self._secret = settings.webhook_secret.get_secret_value().encode() if settings.webhook_secret else None
        self._webhook_path = (urlparse(settings.webhook_url).path or "/") if settings.webhook_url else None
        self._queue_limit = settings.webhook_queue_limit
        self._runner: web.AppRunner | None = None
        self.accepting = True
        self.app = web.Application(client_max_size=2 * 1024 * 1024)
        self.app[APPLICATION_KEY] = application
        self.app.router.add_get("/healthz", self._healthz)
        self.app.router.add_get("/readyz", self._readyz)
        self.app.router.add_get("/metrics", self._metrics)
        if self._webhook_path is not None:
            self.app.router.add_post(self._webhook_path, self._webhook)
        register_console(self.app, application)

    @property
    def port(self) -> int:
        """The port listened on (the real one when settings asked for 0)."""
        return self._port

    @property
    def base_url(self) -> str:
        return f"http://{self._host}:{self._port}"

    async def start(self) -> None:
        runner = web.AppRunner(self.app, access_log=None, shutdown_timeout=2.0)
        await runner.setup()
        await web.TCPSite(runner, self._host, self._port).start()
        self._runner = runner
        self._port = runner.addresses[0][1]
        log.info("web server listening on %s:%s", self._host, self._port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _healthz(self, _request: web.Request) -> web.Response:
        return web.json_response({"status": "alive"})

    async def _readyz(self, _request: web.Request) -> web.Response:
        ready, checks = await self._readiness()
        return web.json_response({"status": "ready" if ready else "not ready", **checks}, status=200 if ready else 503)

    async def _metrics(self, _request: web.Request) -> web.Response:
        metrics = self._application.services.metrics
        metrics.update_queue.set(self._application.update_queue.qsize() + self._application.backlog)
        return web.Response(body=metrics.exposition(), headers={"Content-Type": CONTENT_TYPE_LATEST})

    async def _webhook(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if self._secret is None or not hmac.compare_digest(given, self._secret):
            return web.json_response({"error": "forbidden"}, status=403)
        # PTB moves queued updates into tasks at once: the backlog counts them until they are processed.
        if not self.accepting or self._application.backlog >= self._queue_limit:
            return web.json_response({"error": "busy"}, status=503, headers={"Retry-After": "1"})
        try:
            data = await request.json()
            update = Update.de_json(data, self._application.bot)
        except (json.JSONDecodeError, ValueError, TypeError, KeyError):
            return web.json_response({"error": "not an update"}, status=400)
        self._application.accept(update)
        return web.json_response({"ok": True})
