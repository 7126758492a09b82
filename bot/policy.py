"""The domain's policy objects built from settings, in one place for the bot, the CLI and the console."""

from __future__ import annotations

from datetime import timedelta

from bot.services.access import AccessRules
from bot.services.clock import Clock
from bot.services.personnel import CsvLimits, PersonnelService
from bot.services.privacy import IdentifierHasher
from bot.settings import Settings


def identifier_hasher(settings: Settings) -> IdentifierHasher:
    """Hashes under the current key; lookups under every configured key (SettingsError without one)."""
    return IdentifierHasher(*settings.key_ring())


def personnel_service(settings: Settings, clock: Clock) -> PersonnelService:
    limits = CsvLimits(max_rows=settings.personnel_max_rows, max_bytes=settings.personnel_max_file_mb * 2**20)
    return PersonnelService(clock, limits, timedelta(hours=settings.personnel_upload_hours))


def access_rules(settings: Settings) -> AccessRules:
    return AccessRules(verification_days=settings.verification_days, invite_days=settings.invite_days,
                       invite_failures_per_hour=settings.invite_failures_per_hour,
                       lookups_per_minute=settings.certificate_lookups_per_minute)
