"""Reads a Bot API request into parameters: query string, JSON, urlencoded or multipart bodies.

Like the real server, every value may arrive as a string (PTB JSON-encodes non-string values in
form data); well-known parameters are decoded to their Bot API type here, once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from aiohttp.web_request import FileField

from bot.sandbox.api import bad_request

JSON_ERRORS = {
    "reply_markup": "can't parse reply keyboard markup JSON object",
    "commands": "can't parse commands JSON object",
    "scope": "can't parse BotCommandScope JSON object",
    "link_preview_options": "can't parse link preview options JSON object",
    "reply_parameters": "can't parse reply parameters JSON object",
    "options": "can't parse options JSON object",
    "correct_option_ids": "can't parse correct option identifiers JSON object",
}
# Telegram silently ignores these when they are not valid JSON.
LENIENT_JSON = frozenset({
    "entities", "caption_entities", "allowed_updates", "question_entities", "explanation_entities",
    "description_entities", "country_codes",
})
INTEGERS = frozenset({
    "message_id", "offset", "limit", "timeout", "cache_time", "max_connections", "user_id", "message_thread_id",
    "reply_to_message_id", "open_period", "close_date",
})
BOOLEANS = frozenset({
    "disable_notification", "protect_content", "show_alert", "drop_pending_updates", "allow_sending_without_reply",
    "disable_web_page_preview", "allow_paid_broadcast", "disable_content_type_detection", "is_anonymous",
    "allows_multiple_answers", "allows_revoting", "is_closed", "shuffle_options", "allow_adding_options",
    "hide_results_until_closes", "members_only",
})
FLOATS = frozenset({"latitude", "longitude"})


@dataclass(frozen=True)
class UploadedFile:
    """A file part of a multipart request."""

    filename: str | None
    content_type: str | None
    data: bytes

    def __repr__(self) -> str:
        return f"UploadedFile({self.filename!r}, {self.content_type!r}, {len(self.data)} bytes)"


class Params:
    """Typed access to one request's parameters, with Telegram's lenient conversions."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.values = values

    def get(self, name: str) -> Any:
        """The decoded value, or None."""
        return self.values.get(name)

    def text(self, name: str) -> str:
        """The value as a string; "" when absent."""
        value = self.values.get(name)
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (dict, list)):
            return json.dumps(value, ensure_ascii=False)
        return str(value)

    def integer(self, name: str, default: int = 0) -> int:
        """The value as an integer; default when absent."""
        value = self.values.get(name)
        return default if value is None or value == "" else to_int(value)

    def flag(self, name: str) -> bool:
        """The value as a boolean; False when absent."""
        return to_bool(self.values.get(name))


async def read_params(request: web.Request) -> dict[str, Any]:
    """Merge the query string and the body, then decode well-known parameters."""
    raw: dict[str, Any] = dict(request.query)
    if request.body_exists:
        if request.content_type == "application/json":
            try:
                body = await request.json()
            except ValueError:
                raise bad_request("can't parse JSON encoded request") from None
            if isinstance(body, dict):
                raw.update(body)
        elif request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            for name, value in (await request.post()).items():
                raw[name] = _upload(value) if isinstance(value, FileField) else value
    return normalize(raw)


def normalize(raw: dict[str, Any]) -> dict[str, Any]:
    """Decode JSON-valued and numeric parameters and resolve attach://<name> to the uploaded part."""
    return {name: _decode(name, _attached(raw, value)) for name, value in raw.items()}


def _attached(raw: dict[str, Any], value: Any) -> Any:
    if isinstance(value, str) and value.startswith("attach://"):
        return raw.get(value.removeprefix("attach://"), value)
    return value


def _decode(name: str, value: Any) -> Any:
    if name in JSON_ERRORS or name in LENIENT_JSON:
        if not isinstance(value, str):
            return value
        try:
            return json.loads(value)
        except ValueError:
            if name in LENIENT_JSON:
                return None
            raise bad_request(JSON_ERRORS[name]) from None
    if name == "chat_id":
        return _chat_id(value)
    if name in INTEGERS:
        return to_int(value)
    if name in BOOLEANS:
        return to_bool(value)
    if name in FLOATS:
        try:
            return float(value)
        except (TypeError, ValueError):
            return 0.0
    return value


def _chat_id(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return value
    return value


def to_int(value: Any) -> int:
    """Like tdlib's to_integer: anything unreadable becomes 0."""
    if isinstance(value, (int, float)):
        return int(value)
    try:
        return int(str(value).strip())
    except ValueError:
        return 0


def to_bool(value: Any) -> bool:
    """Telegram reads "true" and "1" as true."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value != 0
    return isinstance(value, str) and value.strip().lower() in ("true", "1")


def _upload(field: FileField) -> UploadedFile:
    return UploadedFile(field.filename or None, field.content_type or None, field.file.read())
