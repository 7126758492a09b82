"""Dates and times in the reader's language and time zone (Babel)."""

from __future__ import annotations

from datetime import date, datetime, time

from babel import Locale
from babel.dates import format_date, format_time

from bot.services.reminder_times import zone_named


def clock(minute: int, locale: str) -> str:
    """A time of day: '18:30' in French, '6:30 PM' in English."""
    return str(format_time(time(minute // 60, minute % 60), format="short", locale=locale))


def day(value: date, locale: str) -> str:
    return str(format_date(value, format="medium", locale=locale))


def moment(value: datetime, zone: str, locale: str) -> str:
    """An instant as the reader's local date and time (to the minute)."""
    local = value.astimezone(zone_named(zone) or zone_named("UTC"))
    pattern = str(Locale.parse(locale).datetime_formats["medium"])
    return pattern.format(clock(local.hour * 60 + local.minute, locale), day(local.date(), locale))
