"""One bot's update queue: getUpdates with long polling, or delivery to a webhook."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import aiohttp

from bot.sandbox.api import (
    GET_UPDATES_CONFLICT,
    SET_WEBHOOK_CONFLICT,
    WEBHOOK_ACTIVE_CONFLICT,
    conflict,
)
from bot.sandbox.state import Signal

LOGGER = logging.getLogger(__name__)

# Telegram leaves these three out unless a bot lists them in allowed_updates.
OPT_IN_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
WEBHOOK_TIMEOUT = aiohttp.ClientTimeout(total=10)
WEBHOOK_RETRY_DELAYS = (0.05, 0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 0.0)  # about 6 s of retries, then give up


@dataclass
class Webhook:
    """The webhook a bot set, with the last delivery error getWebhookInfo reports."""

    url: str
    secret_token: str
    max_connections: int
    last_error_date: int | None = None
    last_error_message: str | None = None


class UpdateQueue:
    """Pending updates of one bot; update_id grows by one per update."""

    def __init__(self, session: Callable[[], aiohttp.ClientSession]) -> None:
        self._session = session
        self._pending: list[dict[str, Any]] = []
        self._next_update_id = 1
        self._allowed: frozenset[str] | None = None
        self._arrived = Signal()
        self._poll_generation = 0
        self._closed = False
        self._deliveries: set[asyncio.Task[None]] = set()
        self._delivery_lock = asyncio.Lock()
        self._in_flight = 0
        self.webhook: Webhook | None = None
        self.waiting_polls = 0

    def push(self, kind: str, payload: dict[str, Any]) -> dict[str, Any] | None:
        """Queue (or deliver) an update; None when the bot's allowed_updates filter it out."""
        if not self._wants(kind):
            return None
        update = {"update_id": self._next_update_id, kind: payload}
        self._next_update_id += 1
        if self.webhook is not None:
            self._deliver(self.webhook, update)
        else:
            self._pending.append(update)
            self._arrived.notify()
        return update

    def set_allowed_updates(self, allowed: list[str]) -> None:
        """Like Telegram, the filter sticks until changed; an empty list restores the default."""
        self._allowed = frozenset(allowed) if allowed else None

    async def get_updates(self, offset: int, limit: int, timeout: float) -> list[dict[str, Any]]:
        """Confirm updates below offset, then return up to limit, waiting up to timeout for one."""
        if self.webhook is not None:
            raise conflict(WEBHOOK_ACTIVE_CONFLICT)
        self._confirm(offset)
        if self._pending or timeout <= 0 or self._closed:
            return self._pending[:limit]
        # Only a request that has to wait takes over from (and terminates) an earlier long poll.
        self._poll_generation += 1
        generation = self._poll_generation
        self._arrived.notify()
        deadline = time.monotonic() + timeout
        while True:
            if generation != self._poll_generation:
                raise conflict(GET_UPDATES_CONFLICT)
            if self.webhook is not None:
                raise conflict(SET_WEBHOOK_CONFLICT)
            remaining = deadline - time.monotonic()
            if self._pending or remaining <= 0 or self._closed:
                return self._pending[:limit]
            self.waiting_polls += 1
            try:
                await self._arrived.wait(remaining)
            finally:
                self.waiting_polls -= 1

    def set_webhook(self, webhook: Webhook, drop_pending_updates: bool) -> None:
        """Switch to webhook delivery; updates already queued are delivered there."""
        if drop_pending_updates:
            self._pending.clear()
        self.webhook = webhook
        self._arrived.notify()
        backlog, self._pending = self._pending, []
        for update in backlog:
            self._deliver(webhook, update)

    def delete_webhook(self, drop_pending_updates: bool) -> None:
        """Back to getUpdates."""
        self.webhook = None
        if drop_pending_updates:
            self._pending.clear()

    def webhook_info(self) -> dict[str, Any]:
        """The WebhookInfo object."""
        hook = self.webhook
        info: dict[str, Any] = {
            "url": hook.url if hook else "",
            "has_custom_certificate": False,
            "pending_update_count": self._in_flight if hook else len(self._pending),
        }
        if hook is not None:
            info["max_connections"] = hook.max_connections
            if self._allowed is not None:
                info["allowed_updates"] = sorted(self._allowed)
            if hook.last_error_date is not None:
                info["last_error_date"] = hook.last_error_date
                info["last_error_message"] = hook.last_error_message
        return info

    def reopen(self) -> None:
        """Serve long polls again after close() (server restart)."""
        self._closed = False

    async def close(self) -> None:
        """Release long polls at once and stop webhook deliveries (server shutdown)."""
        self._closed = True
        self._arrived.notify()
        for task in list(self._deliveries):
            task.cancel()
        await asyncio.gather(*self._deliveries, return_exceptions=True)

    def _wants(self, kind: str) -> bool:
        if self._allowed is None:
            return kind not in OPT_IN_UPDATES
        return kind in self._allowed

    def _confirm(self, offset: int) -> None:
        if offset < 0:
            self._pending = self._pending[offset:]
        elif offset > 0:
            self._pending = [update for update in self._pending if update["update_id"] >= offset]

    def _deliver(self, webhook: Webhook, update: dict[str, Any]) -> None:
        task = asyncio.get_running_loop().create_task(self._post(webhook, update))
        self._deliveries.add(task)
        task.add_done_callback(self._deliveries.discard)

    async def _post(self, webhook: Webhook, update: dict[str, Any]) -> None:
        self._in_flight += 1
        try:
            # One delivery at a time keeps updates in order, as with max_connections=1.
            async with self._delivery_lock:
                # Telegram retries a failed delivery; PTB, for one, sets its webhook before it listens.
                for delay in WEBHOOK_RETRY_DELAYS:
                    if await self._post_now(webhook, update) or self.webhook is not webhook:
                        return
                    await asyncio.sleep(delay)
        finally:
            self._in_flight -= 1

    async def _post_now(self, webhook: Webhook, update: dict[str, Any]) -> bool:
        headers = {"X-Telegram-Bot-Api-Secret-Token": webhook.secret_token} if webhook.secret_token else {}
        error: str | None = None
        try:
            async with self._session().post(webhook.url, json=update, headers=headers,
                                             timeout=WEBHOOK_TIMEOUT) as response:
                if not 200 <= response.status < 300:
                    error = f"Wrong response from the webhook: {response.status} {response.reason}"
        except (aiohttp.ClientError, TimeoutError) as exc:
            error = f"Connection failed: {exc.__class__.__name__}"
        if error is not None:
            LOGGER.warning("webhook delivery of update %s failed: %s", update["update_id"], error)
            webhook.last_error_date = int(time.time())
            webhook.last_error_message = error
        return error is None
