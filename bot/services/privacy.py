"""Keyed hashes of personal identifiers: HMAC-SHA256, one domain per kind, under a ring of secret keys.

A stored hash names the key it was made with, `<key id>:<digest>`: the key id is the first 8 hex
characters of HMAC(key, "key-id"), which identifies a key without revealing anything about it.
New hashes use the current key; lookups try every configured key, so a rotation loses nothing.
Hashes written before key ids existed (64 hex characters) are still matched, under every key.
"""

from __future__ import annotations

import base64
import enum
import hashlib
import hmac
from collections.abc import Iterable
from dataclasses import dataclass

KEY_ID_CHARS = 8
SEPARATOR = ":"
LEGACY = "legacy"  # what key_id_of answers for a hash written before key ids existed


class Kind(enum.StrEnum):
    """The domain of a hash: the same value hashes differently as a phone number and as an invite code."""

    PHONE = "phone"
    EMAIL = "email"
    TELEGRAM = "telegram"
    PERSONNEL = "personnel"
    INVITE = "invite"


def key_id(key: str) -> str:
    """A short public name for a key."""
    return hmac.new(key.encode(), b"key-id", hashlib.sha256).hexdigest()[:KEY_ID_CHARS]


def key_id_of(stored: str) -> str | None:
    """The id of the key a stored hash was made with, LEGACY for one without an id, None for other text."""
    head, separator, _ = stored.partition(SEPARATOR)
    if separator and len(head) == KEY_ID_CHARS:
        return head
    if len(stored) == 64 and all(ch in "0123456789abcdef" for ch in stored):
        return LEGACY
    return None


@dataclass(frozen=True, slots=True)
class Variant:
    """One way a stored hash may have been made: a key, with or without its id."""

    key: bytes
    key_id: str
    legacy: bool = False

    def digest(self, kind: Kind, value: str) -> str:
        mac = hmac.new(self.key, f"{kind}:{value}".encode(), hashlib.sha256)
        if self.legacy:
            return mac.hexdigest()
        return self.key_id + SEPARATOR + base64.urlsafe_b64encode(mac.digest()).decode().rstrip("=")


class IdentifierHasher:
    """Turns identifiers into keyed hashes; without the keys they cannot be recomputed or reversed."""

    def __init__(self, current_key: str, *older_keys: str) -> None:
        keys = (current_key, *older_keys)
        self.key_ids = tuple(key_id(key) for key in keys)
        if len(set(self.key_ids)) != len(keys):
            raise ValueError("the same secret key is configured twice")
        self._current = Variant(current_key.encode(), self.key_ids[0])
        self._variants = tuple(
            variant for key, kid in zip(keys, self.key_ids, strict=True)
            for variant in (Variant(key.encode(), kid), Variant(key.encode(), kid, legacy=True))
        )

    @property
    def current_key_id(self) -> str:
        return self.key_ids[0]

    def digest(self, kind: Kind, value: str) -> str:
        """The hash to store now, under the current key."""
        return self._current.digest(kind, value)

    def forms(self, kind: Kind, value: str) -> tuple[str, ...]:
        """Every form a stored hash of value may have, whichever configured key made it: for lookups."""
        return tuple(variant.digest(kind, value) for variant in self._variants)

    def variants_of(self, stored: Iterable[str]) -> tuple[Variant, ...]:
        """The configured keys (and formats) that made these stored hashes, to recompute them in bulk."""
        ids = {key_id_of(value) for value in stored}
        return tuple(v for v in self._variants if (LEGACY if v.legacy else v.key_id) in ids)

    def phone(self, e164: str) -> str:
        """A phone number already normalised to E.164 (+33123456789)."""
        return self.digest(Kind.PHONE, e164)

    def email(self, normalised: str) -> str:
        return self.digest(Kind.EMAIL, normalised)

    def telegram_account(self, telegram_id: int) -> str:
        return self.digest(Kind.TELEGRAM, str(telegram_id))

    def personnel(self, personnel_id: str) -> str:
        return self.digest(Kind.PERSONNEL, personnel_id)

    def invite_code(self, code: str) -> str:
        return self.digest(Kind.INVITE, code)
