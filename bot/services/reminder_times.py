"""When a study reminder is due: local times in any zone, daylight-saving changes, quiet hours, pauses, back-off.

Pure functions over plain values, so every rule is tested with a fixed clock (tests/unit/test_reminder_times.py).
Days are the officer's local calendar days: a reminder belongs to one local day, and the next one is
looked for on a later local day, never by adding 24 hours, so a daylight-saving change can neither
repeat nor skip a day. A local time that does not exist on a spring-forward day is moved forward by
the gap (02:30 becomes 03:30); one that occurs twice on a fall-back day is taken at its first occurrence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.daytime import QuietHours

MINUTES_PER_DAY = 24 * 60
# After this many reminders in a row without studying, reminders come half as often.
IGNORED_BEFORE_BACKOFF = 3
MAX_INTERVAL_DAYS = 8
# Due-date reminders this many days before an assignment's due date.
DUE_DATE_NOTICE_DAYS = (7, 1)
# Days without an answer or a card read end a streak; history further back is not read.
STREAK_HORIZON_DAYS = 60


@dataclass(frozen=True, slots=True)
class Schedule:
    """One officer's reminder rules."""

    zone: ZoneInfo
    at_minute: int
    quiet: QuietHours | None = None
    interval_days: int = 1
    paused_until: datetime | None = None


def zone_named(name: str) -> ZoneInfo | None:
    """The IANA zone of that exact name, or None."""
    if name not in known_zones():
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


@lru_cache(maxsize=1)
def known_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def local_moment(day: date, minute: int, zone: ZoneInfo) -> datetime:
    """The UTC instant of a local wall-clock time (see the module docstring for gaps and repeats)."""
    # fold=0 reads a repeated time as its first occurrence, and a skipped one with the offset from
    # before the change, which lands just after the gap.
    return datetime.combine(day, time(minute // 60, minute % 60), tzinfo=zone).astimezone(UTC)


def local_day(instant: datetime, zone: ZoneInfo) -> date:
    return instant.astimezone(zone).date()


def minute_of(instant: datetime, zone: ZoneInfo) -> int:
    local = instant.astimezone(zone)
    return local.hour * 60 + local.minute


def allowed_from(instant: datetime, zone: ZoneInfo, quiet: QuietHours | None) -> datetime:
    """instant itself, or the end of the quiet hours it falls in."""
    if quiet is None or not quiet.contains(minute_of(instant, zone)):
        return instant
    day = local_day(instant, zone)
    if quiet.start > quiet.end and minute_of(instant, zone) >= quiet.start:
        day += timedelta(days=1)
    return local_moment(day, quiet.end, zone)


def slot(day: date, schedule: Schedule) -> datetime:
    """When the reminder of one local day goes out: the chosen time, moved out of quiet hours."""
    return allowed_from(local_moment(day, schedule.at_minute, schedule.zone), schedule.zone, schedule.quiet)


def next_reminder(schedule: Schedule, after_day: date | None, now: datetime,
                  milestones: Iterable[date] = ()) -> tuple[date, datetime]:
    """The next local day with a reminder and its instant, strictly after `now`.

    after_day: the local day last reminded (None: never); the next one is interval_days later, or
    sooner on a due-date milestone day. A day whose slot has passed, or falls in a pause, is skipped.
    """
    today = local_day(now, schedule.zone)
    first = today if after_day is None else after_day + timedelta(days=schedule.interval_days)
    later = [day for day in milestones if day >= today and (after_day is None or day > after_day)]
    day = max(min([first, *later]), today)  # never look back: after an outage, the next slot from today on
    if schedule.paused_until is not None:
        day = max(day, local_day(schedule.paused_until, schedule.zone))
    for _ in range(MAX_INTERVAL_DAYS * 2 + 400):
        moment = slot(day, schedule)
        if moment > now and (schedule.paused_until is None or moment >= schedule.paused_until):
            return day, moment
        day += timedelta(days=1)
    raise AssertionError("no reminder slot within a year")  # unreachable: every day has a slot


def milestone_days(due_dates: Iterable[date]) -> list[date]:
    """The local days on which due-date reminders go out (7 and 1 days before each due date)."""
    return sorted({due - timedelta(days=days) for due in due_dates for days in DUE_DATE_NOTICE_DAYS})


def backed_off(interval_days: int, ignored: int) -> tuple[int, int, bool]:
    """(interval, ignored) after counting one more ignored reminder, and whether the interval just grew."""
    if ignored + 1 >= IGNORED_BEFORE_BACKOFF and interval_days < MAX_INTERVAL_DAYS:
        return min(interval_days * 2, MAX_INTERVAL_DAYS), 0, True
    return interval_days, min(ignored + 1, IGNORED_BEFORE_BACKOFF), False


def study_streak(activity: Iterable[datetime], zone: ZoneInfo, now: datetime) -> int:
    """Local days in a row with some study, ending today (or yesterday, when today has none yet)."""
    days = {local_day(moment, zone) for moment in activity}
    day = local_day(now, zone)
    if day not in days:
        day -= timedelta(days=1)
    streak = 0
    while day in days:
        streak += 1
        day -= timedelta(days=1)
    return streak
