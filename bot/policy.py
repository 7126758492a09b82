"""The domain's policy objects built from settings, in one place for the bot, the CLI and the console."""

from __future__ import annotations

from bot.services.access import AccessRules
from bot.services.privacy import IdentifierHasher
from bot.settings import Settings


def identifier_hasher(settings: Settings) -> IdentifierHasher:
    """Hashes under the current key; lookups under every configured key (SettingsError without one)."""
    return IdentifierHasher(*settings.key_ring())


def access_rules(settings: Settings) -> AccessRules:
    return AccessRules(verification_days=settings.verification_days, invite_days=settings.invite_days,
                       invite_failures_per_hour=settings.invite_failures_per_hour,
                       lookups_per_minute=settings.certificate_lookups_per_minute)
