"""Shapes of Bot API answers: the error a method raises and a result that carries a description."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

GET_UPDATES_CONFLICT = (
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
)
WEBHOOK_ACTIVE_CONFLICT = (
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"
)
SET_WEBHOOK_CONFLICT = "Conflict: terminated by setWebhook request"
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly the same as a current "
    "content and reply markup of the message"
)
QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid"


class ApiError(Exception):
    """A failed Bot API call: HTTP status, Telegram's description and optional response parameters."""

    def __init__(self, code: int, description: str, parameters: dict[str, Any] | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters

    def to_json(self) -> dict[str, Any]:
        """The body Telegram answers with."""
        body: dict[str, Any] = {"ok": False, "error_code": self.code, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


@dataclass(frozen=True)
class Described:
    """A successful result with the optional description Telegram adds (setWebhook, deleteWebhook)."""

    result: Any
    description: str


def bad_request(detail: str) -> ApiError:
    """HTTP 400 with Telegram's "Bad Request: " prefix."""
    return ApiError(400, f"Bad Request: {detail}")


def forbidden(detail: str) -> ApiError:
    """HTTP 403 with Telegram's "Forbidden: " prefix."""
    return ApiError(403, f"Forbidden: {detail}")


def conflict(description: str) -> ApiError:
    """HTTP 409; the description already starts with "Conflict: "."""
    return ApiError(409, description)


def too_many_requests(retry_after: int) -> ApiError:
    """HTTP 429 with the retry_after parameter PTB turns into telegram.error.RetryAfter."""
    return ApiError(429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after})


def unauthorized() -> ApiError:
    """HTTP 401 for a well-formed token that no bot owns."""
    return ApiError(401, "Unauthorized")


def not_found(detail: str | None = None) -> ApiError:
    """HTTP 404: a malformed token, a missing file, or (with a detail) an unknown method."""
    return ApiError(404, f"Not Found: {detail}" if detail else "Not Found")
