"""Faults on purpose: chosen calls answer 429, 403, 400, 5xx, late, or not at all, the way Telegram's do.

Each kind answers what Telegram answers, so PTB raises what it raises in production:
    "429"   RetryAfter: {"error_code": 429, "description": "Too Many Requests: retry after N",
            "parameters": {"retry_after": N}}
    "403"   Forbidden: "Forbidden: bot was blocked by the user" (or e.g. "user is deactivated")
    "400"   BadRequest: "Bad Request: <description>"
    "5xx"   NetworkError: 500 with Telegram's JSON body; 502, 503 and 504 with the HTML page of
            Telegram's nginx front, which PTB cannot parse (it logs that, then raises)
    "slow"  success, answered `delay` seconds late: TimedOut when that outlasts the client's read timeout,
            though the message was delivered, as with Telegram
    "drop"  the connection closes unanswered: NetworkError("httpx.RemoteProtocolError: ...")
Apart from "slow", a faulted call never reaches the method, so it changes nothing in the sandbox.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any, Literal, get_args

from aiohttp import web

from bot.sandbox.api import ApiError, too_many_requests

FaultKind = Literal["429", "403", "400", "5xx", "slow", "drop"]
KINDS = frozenset(get_args(FaultKind))
DEFAULT_DESCRIPTIONS = {
    "403": "Forbidden: bot was blocked by the user",
    "400": "Bad Request: chat not found",
    "5xx": "Internal Server Error",
}
PREFIXES = {"403": "Forbidden: ", "400": "Bad Request: "}
# Long polling is left alone unless a fault names it, so a running Application keeps receiving updates.
POLLING = "getUpdates"
NGINX_PAGE = (
    "<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n"
    "<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n"
)


@dataclass(eq=False)
class Fault:
    """One planned fault. `fired` counts the calls it answered; `remaining` the ones left (None: no end)."""

    kind: FaultKind
    method: str | None
    chat_id: int | str | None
    remaining: int | None
    fraction: float | None
    retry_after: int
    delay: float
    description: str
    status: int
    plan: FaultPlan = field(repr=False)
    chance: random.Random = field(repr=False)
    fired: int = 0

    @property
    def active(self) -> bool:
        """Still in the plan: neither removed nor used up."""
        return self in self.plan.active

    def remove(self) -> None:
        """Take the fault out of the plan (again is fine)."""
        self.plan.remove(self)

    def matches(self, method: str, params: dict[str, Any]) -> bool:
        """The call is one this fault is about: its method (any but getUpdates when unset) and chat."""
        if self.method is None and method == POLLING:
            return False
        if self.method is not None and self.method.lower() != method.lower():
            return False
        return self.chat_id is None or params.get("chat_id") == self.chat_id

    def answer(self, request: web.Request) -> tuple[web.Response, str]:
        """The response for a faulted call and the outcome to record; "drop" closes the connection instead."""
        if self.kind == "drop":
            if request.transport is not None:
                request.transport.close()
            return web.Response(), "connection dropped"
        if self.kind == "5xx" and self.status != HTTPStatus.INTERNAL_SERVER_ERROR:
            title = f"{self.status} {HTTPStatus(self.status).phrase}"
            return web.Response(status=self.status, text=NGINX_PAGE.format(title=title), content_type="text/html"), title
        error = too_many_requests(self.retry_after) if self.kind == "429" else ApiError(self.status, self.description)
        return web.json_response(error.to_json(), status=error.code), error.description


class FaultPlan:
    """The faults the sandbox is told to answer with, tried in the order they were added."""

    def __init__(self) -> None:
        self.active: list[Fault] = []

    def add(self, kind: FaultKind, *, method: str | None = None, chat_id: int | str | None = None,
            count: int | None = None, fraction: float | None = None, retry_after: int = 1, delay: float = 1.0,
            description: str | None = None, status: int = 500, seed: int = 0) -> Fault:
        """Answer matching calls with a fault: the next `count` of them, a `fraction` of them, or all until removed.

        method (case-insensitive) and chat_id (the call's chat_id parameter) narrow the calls; with neither,
        every call but getUpdates matches. fraction draws from random.Random(seed), so a run repeats exactly;
        with count too, the fault leaves the plan after answering `count` calls. retry_after is for "429",
        delay for "slow", status (500-599) for "5xx"; description replaces the text of "403", "400" and a 500
        (Telegram's "Forbidden: " or "Bad Request: " prefix is added when missing).
        """
        if kind not in KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; choose one of {sorted(KINDS)}")
        if count is not None and count < 1:
            raise ValueError("count must be at least 1 (or None for no end)")
        if fraction is not None and not 0 < fraction <= 1:
            raise ValueError("fraction must be in (0, 1]")
        if retry_after < 1 or int(retry_after) != retry_after:
            raise ValueError("retry_after is a whole number of seconds, at least 1 (PTB ignores 0)")
        if delay < 0 or not 500 <= status <= 599:
            raise ValueError("delay must be >= 0 and status within 500-599")
        code = {"403": 403, "400": 400}.get(kind, status)
        text = description or DEFAULT_DESCRIPTIONS.get(kind, "")
        prefix = PREFIXES.get(kind, "")
        fault = Fault(kind, method, chat_id, count, fraction, int(retry_after), delay,
                      text if text.startswith(prefix) else prefix + text, code, self, random.Random(seed))
        self.active.append(fault)
        return fault

    def remove(self, fault: Fault) -> None:
        """Take one fault out of the plan."""
        if fault in self.active:
            self.active.remove(fault)

    def clear(self) -> None:
        """No more faults: every call is answered normally again."""
        self.active.clear()

    def take(self, method: str, params: dict[str, Any]) -> Fault | None:
        """The fault that answers this call, if any; it counts the call and leaves the plan when used up."""
        for fault in self.active:
            if not fault.matches(method, params):
                continue
            if fault.fraction is not None and fault.chance.random() >= fault.fraction:
                continue
            fault.fired += 1
            if fault.remaining is not None:
                fault.remaining -= 1
                if fault.remaining == 0:
                    self.remove(fault)
            return fault
        return None
