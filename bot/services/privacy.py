"""Keyed hashes of personal identifiers: HMAC-SHA256 with LEARNBOT_SECRET_KEY, one domain per kind."""

from __future__ import annotations

import hashlib
import hmac


class IdentifierHasher:
    """Turns identifiers into keyed hashes; without the key they cannot be recomputed or reversed."""

    def __init__(self, secret_key: str) -> None:
        self._key = secret_key.encode()

    def _hash(self, domain: str, value: str) -> str:
        return hmac.new(self._key, f"{domain}:{value}".encode(), hashlib.sha256).hexdigest()

    def phone(self, e164: str) -> str:
        """A phone number already normalised to E.164 (+33123456789)."""
        return self._hash("phone", e164)

    def email(self, normalised: str) -> str:
        return self._hash("email", normalised)

    def telegram_account(self, telegram_id: int) -> str:
        return self._hash("telegram", str(telegram_id))

    def personnel(self, personnel_id: str) -> str:
        return self._hash("personnel", personnel_id)

    def invite_code(self, code: str) -> str:
        return self._hash("invite", code)
