"""Time zones people can pick: those of their country (CLDR), or one found from a typed city or zone name."""

from __future__ import annotations

import unicodedata
from datetime import datetime
from functools import lru_cache

from babel.core import get_global
from babel.dates import get_timezone_location

from bot.locales import SUPPORTED_LOCALES
from bot.services.reminder_times import known_zones, zone_named

# Zones named after a place; Etc/GMT+5, legacy aliases and the like are left out of lists and searches.
REGIONS = ("Africa/", "America/", "Antarctica/", "Asia/", "Atlantic/", "Australia/", "Europe/", "Indian/", "Pacific/")


def country_zones(country: str | None) -> list[str]:
    """The IANA zones of a country (ISO 3166-1 alpha-2), as CLDR lists them."""
    zones: dict[str, list[str]] = get_global("territory_zones")
    return [zone for zone in zones.get((country or "").upper(), []) if zone_named(zone) is not None]


def city_of(zone: str, locale: str) -> str:
    """The zone's city in a language: 'Le Caire' for Africa/Cairo in French."""
    info = zone_named(zone)
    if info is None or not zone.startswith(REGIONS):
        return zone
    return str(get_timezone_location(info, locale=locale, return_city=True))


def utc_offset(zone: str, at: datetime) -> str:
    """'UTC+05:30' at that moment."""
    info = zone_named(zone)
    offset = at.astimezone(info).utcoffset() if info else None
    minutes = int(offset.total_seconds() // 60) if offset else 0
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def find_zone(text: str) -> str | None:
    """A zone from what someone typed: 'Europe/Paris', 'paris', 'Le Caire', 'new york', 'UTC'."""
    key = _key(text)
    if not key:
        return None
    return _index().get(key)


def _key(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold().replace("_", " "))
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    index: dict[str, str] = {"utc": "UTC", "gmt": "UTC"}
    for zone in sorted(known_zones()):
        if zone.startswith(REGIONS):
            index.setdefault(_key(zone.rsplit("/", 1)[-1]), zone)
            for locale in SUPPORTED_LOCALES:
                index.setdefault(_key(city_of(zone, locale)), zone)
        index[_key(zone)] = zone
    return index
