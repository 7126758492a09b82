"""Due-time computation with a fixed clock: zones, daylight-saving changes, quiet hours, pauses, back-off, streaks."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.daytime import QuietHours, parse_clock, parse_quiet_hours
from bot.services.reminder_times import (
    Schedule,
    backed_off,
    local_day,
    milestone_days,
    minute_of,
    next_reminder,
    slot,
    study_streak,
    zone_named,
)

PARIS, SANTIAGO, KOLKATA = ZoneInfo("Europe/Paris"), ZoneInfo("America/Santiago"), ZoneInfo("Asia/Kolkata")
NIGHT = QuietHours(21 * 60, 7 * 60)


def hm(text: str) -> int:
    minute = parse_clock(text)
    assert minute is not None
    return minute


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def run(schedule: Schedule, start: datetime, days: int) -> list[datetime]:
    """Every reminder a dispatcher would send from start on, ticking as each one falls due."""
    sent: list[datetime] = []
    last_day, now = None, start
    while True:
        day, moment = next_reminder(schedule, last_day, now)
        if moment > start + timedelta(days=days):
            return sent
        sent.append(moment)
        last_day, now = day, moment


@pytest.mark.parametrize(("zone", "start", "at"), [
    # Europe/Paris: 28 March 2027 02:00 -> 03:00, 31 October 2027 03:00 -> 02:00.
    (PARIS, utc(2027, 3, 20), "08:00"), (PARIS, utc(2027, 10, 24), "08:00"),
    (PARIS, utc(2027, 3, 20), "02:30"), (PARIS, utc(2027, 10, 24), "02:30"),
    # America/Santiago changes at local midnight: 4 April 2027 00:00 -> 3 April 23:00, 5 September 00:00 -> 01:00.
    (SANTIAGO, utc(2027, 3, 28), "23:30"), (SANTIAGO, utc(2027, 8, 30), "00:30"), (SANTIAGO, utc(2027, 3, 28), "19:00"),
    # Asia/Kolkata: half-hour offset, no daylight saving.
    (KOLKATA, utc(2027, 3, 20), "18:00"),
])
def test_one_reminder_per_local_day_across_daylight_saving_changes(zone: ZoneInfo, start: datetime, at: str) -> None:
    sent = run(Schedule(zone, hm(at)), start, days=14)
    days = [local_day(moment, zone) for moment in sent]
    assert len(days) == len(set(days)), "no local day twice"
    assert days == [days[0] + timedelta(days=i) for i in range(len(days))], "no local day skipped"
    assert len(days) in (14, 15)
    assert all(b - a >= timedelta(hours=23) for a, b in zip(sent, sent[1:], strict=False))
    on_time = [minute_of(moment, zone) == hm(at) for moment in sent]
    assert sum(not ok for ok in on_time) <= 1, "only a time that does not exist that day moves"


def test_a_time_in_the_spring_forward_gap_moves_forward_by_the_gap() -> None:
    assert slot(date(2027, 3, 28), Schedule(PARIS, hm("02:30"))) == utc(2027, 3, 28, 1, 30)  # 03:30 CEST
    assert slot(date(2027, 9, 5), Schedule(SANTIAGO, hm("00:30"))) == utc(2027, 9, 5, 4, 30)  # 01:30 -03


def test_a_repeated_time_on_the_fall_back_day_is_taken_once_at_its_first_occurrence() -> None:
    assert slot(date(2027, 10, 31), Schedule(PARIS, hm("02:30"))) == utc(2027, 10, 31, 0, 30)  # 02:30 CEST
    assert slot(date(2027, 4, 3), Schedule(SANTIAGO, hm("23:30"))) == utc(2027, 4, 4, 2, 30)  # 23:30 -03
    schedule = Schedule(PARIS, hm("02:30"))
    day, moment = next_reminder(schedule, date(2027, 10, 31), utc(2027, 10, 31, 0, 30))
    assert (day, moment) == (date(2027, 11, 1), utc(2027, 11, 1, 1, 30)), "the second 02:30 is not a new slot"


def test_kolkata_half_hour_offset() -> None:
    assert next_reminder(Schedule(KOLKATA, hm("18:00")), None, utc(2027, 1, 10, 6)) == (
        date(2027, 1, 10), utc(2027, 1, 10, 12, 30))


def test_a_slot_already_passed_today_goes_to_tomorrow() -> None:
    assert next_reminder(Schedule(PARIS, hm("08:00")), None, utc(2027, 1, 10, 9)) == (
        date(2027, 1, 11), utc(2027, 1, 11, 7))


@pytest.mark.parametrize("zone", [PARIS, SANTIAGO, KOLKATA])
def test_nothing_in_quiet_hours_even_when_the_chosen_time_is_in_them(zone: ZoneInfo) -> None:
    for at in ("22:30", "06:59", "00:15", "20:59"):
        sent = run(Schedule(zone, hm(at), quiet=NIGHT), utc(2027, 3, 25), days=20)
        assert sent and all(not NIGHT.contains(minute_of(moment, zone)) for moment in sent)
        days = [moment.astimezone(zone).date() for moment in sent]
        assert len(days) == len(set(days))
    late = Schedule(PARIS, hm("22:30"), quiet=NIGHT)
    assert slot(date(2027, 1, 10), late) == utc(2027, 1, 11, 6), "moved to 07:00 the next morning"


def test_quiet_hours_within_one_day_and_parsing() -> None:
    lunch = QuietHours(hm("12:00"), hm("14:00"))
    assert lunch.contains(hm("12:00")) and lunch.contains(hm("13:59")) and not lunch.contains(hm("14:00"))
    assert NIGHT.contains(hm("23:00")) and NIGHT.contains(hm("06:00")) and not NIGHT.contains(hm("07:00"))
    assert parse_quiet_hours("21:00-07:00") == NIGHT
    assert parse_quiet_hours("22h – 6h30") == QuietHours(hm("22:00"), hm("06:30"))
    assert parse_quiet_hours("21:00") is None and parse_quiet_hours("9-9") is None


@pytest.mark.parametrize(("text", "minute"), [("18:30", 1110), ("7.05", 425), ("18h30", 1110), ("9", 540),
                                              ("24:00", None), ("7:60", None), ("soon", None), ("", None)])
def test_typed_times(text: str, minute: int | None) -> None:
    assert parse_clock(text) == minute


def test_a_pause_skips_days_and_resumes_at_the_usual_time() -> None:
    paused = Schedule(PARIS, hm("08:00"), paused_until=utc(2027, 1, 13, 12))
    assert next_reminder(paused, date(2027, 1, 9), utc(2027, 1, 9, 8)) == (date(2027, 1, 14), utc(2027, 1, 14, 7))
    early_end = Schedule(PARIS, hm("08:00"), paused_until=utc(2027, 1, 13, 6))
    assert next_reminder(early_end, date(2027, 1, 9), utc(2027, 1, 9, 8))[0] == date(2027, 1, 13)


def test_back_off_halves_the_frequency_after_three_ignored_reminders() -> None:
    interval, ignored, notice = 1, 0, []
    for _ in range(9):
        interval, ignored, grew = backed_off(interval, ignored)
        notice.append((interval, grew))
    assert notice[:3] == [(1, False), (1, False), (2, True)]
    assert notice[5] == (4, True) and notice[8] == (8, True)
    assert backed_off(8, 3) == (8, 3, False), "at most every 8 days, no more notices"
    every_other = Schedule(PARIS, hm("08:00"), interval_days=2)
    assert next_reminder(every_other, date(2027, 1, 10), utc(2027, 1, 10, 7))[0] == date(2027, 1, 12)


def test_due_date_reminders_come_7_and_1_days_before_even_between_backed_off_days() -> None:
    assert milestone_days([date(2027, 2, 20)]) == [date(2027, 2, 13), date(2027, 2, 19)]
    weekly = Schedule(PARIS, hm("08:00"), quiet=NIGHT, interval_days=8)
    day, moment = next_reminder(weekly, date(2027, 2, 10), utc(2027, 2, 10, 7), milestone_days([date(2027, 2, 20)]))
    assert (day, moment) == (date(2027, 2, 13), utc(2027, 2, 13, 7))


def test_study_streak_counts_local_days_in_a_row() -> None:
    now = utc(2027, 1, 10, 20)  # 21:00 in Paris
    activity = [utc(2027, 1, 10, 8), utc(2027, 1, 9, 22, 30), utc(2027, 1, 8, 12), utc(2027, 1, 6, 12)]
    assert study_streak(activity, PARIS, now) == 3
    assert study_streak(activity[1:], PARIS, now) == 2, "23:30 UTC on the 9th is still the 9th in Paris"
    assert study_streak(activity[2:], PARIS, now) == 0
    # 20:00 UTC is already 01:30 on the 11th in Kolkata: the 10th is yesterday there, the 9th is not.
    assert study_streak([utc(2027, 1, 10, 12)], KOLKATA, now) == 1
    assert study_streak([utc(2027, 1, 9, 12)], KOLKATA, now) == 0


def test_zone_names() -> None:
    assert zone_named("Europe/Paris") == PARIS
    assert zone_named("Mars/Olympus") is None and zone_named("../etc/passwd") is None


def test_old_due_dates_and_a_long_outage_look_forward_from_today() -> None:
    schedule = Schedule(PARIS, hm("08:00"))
    overdue = milestone_days([date(2020, 1, 31)])
    assert next_reminder(schedule, date(2026, 12, 1), utc(2027, 1, 10, 9), overdue) == (
        date(2027, 1, 11), utc(2027, 1, 11, 7)), "a month and a half without the bot: the next slot, once"
