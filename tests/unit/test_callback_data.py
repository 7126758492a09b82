"""The callback-data scheme: what the bot sends round-trips, anything else is refused."""

from __future__ import annotations

import pytest

from bot import callback_data
from bot.callback_data import (
    Acknowledge,
    AnnouncementButton,
    AssignButton,
    Choose,
    ConfirmDelete,
    ConfirmImport,
    Courses,
    Help,
    Languages,
    Menu,
    NextQuestion,
    OpenCourse,
    ReminderButton,
    Resume,
    SendCertificate,
    SetLanguage,
    ShowCard,
    ShowName,
    StartCheck,
    StartFinal,
    StartReview,
    StatsFilter,
    Submit,
    encode,
    parse,
)

LONGEST_ID = "a" * 24


@pytest.mark.parametrize(
    "action",
    [
        Menu(), Help(), Resume(), Courses(), Languages(),
        OpenCourse("interpol-at-a-glance"),
        ShowCard("interpol-at-a-glance", "national-central-bureaus", 3),
        ShowCard(LONGEST_ID, LONGEST_ID, 999),
        SetLanguage("ar"),
        ConfirmImport(123456789, True),
        ConfirmImport(1, False),
        ConfirmDelete(True),
        ConfirmDelete(False),
        StartCheck(LONGEST_ID, LONGEST_ID),
        StartFinal("data-protection"),
        StartReview(),
        Choose(123456789, 999, 11),
        Submit(123456789, 999),
        NextQuestion(42),
        ShowName(7, True),
        SendCertificate("notices-and-diffusions"),
    ],
)
def test_every_action_round_trips_within_telegram_limit(action: callback_data.Action) -> None:
    data = callback_data.encode(action)
    assert 1 <= len(data.encode()) <= 64
    assert callback_data.parse(data) == action


@pytest.mark.parametrize(
    "data",
    [
        None, "", "x", "l:", "l:course", "l:course:lesson", "l:course:lesson:-1", "l:course:lesson:1000",
        "l:Course:lesson:1", "l:course:lesson:1:extra", "o:", "o:../../etc", "o:" + "a" * 25,
        "g:de", "g:", "g:en:x", "m:1", "\x00\xff", "💥", "l:course:lesson:1\n",
        "i:", "i:1", "i:1:maybe", "i:x:y", "i:1234567890:y", "x:", "x:yes",
        "a:1:2", "a:1:2:100", "a:-1:0:0", "s:1", "n:", "n:x", "w:1:maybe", "k:course", "f:", "p:UPPER",
    ],
)
def test_malformed_or_forged_data_is_refused(data: str | None) -> None:
    assert callback_data.parse(data) is None


def test_overlong_identifiers_cannot_be_encoded() -> None:
    with pytest.raises(ValueError, match="too long"):
        callback_data.encode(OpenCourse("x" * 70))


def test_handles_pattern_selects_only_its_actions() -> None:
    pattern = callback_data.handles(ShowCard, OpenCourse)
    assert pattern("l:c:l:0") and pattern("o:c")
    assert not pattern("m") and not pattern("garbage") and not pattern(None)


@pytest.mark.parametrize(("action", "data"), [
    (ReminderButton("on"), "T:on"),
    (ReminderButton("t", "0830"), "T:t:0830"),
    (AnnouncementButton(12, "w", "1h"), "B:12:w:1h"),
    (AssignButton("c", 3), "D:c:3"),
    (AssignButton("x", 0, "7"), "D:x:0:7"),
    (StatsFilter("s", "a"), "S:s:a"),
    (Acknowledge(4), "Q:4"),
])
def test_trailing_fields_at_their_defaults_are_left_out_and_come_back(action, data: str) -> None:
    assert encode(action) == data
    assert parse(data) == action and type(action).parse(data) == action


@pytest.mark.parametrize("data", ["T", "B:1", "Q:x", "D:c:x", "S:s:a:b", "T:ON", "B:1:s:" + "v" * 49])
def test_a_missing_required_field_or_a_bad_one_is_refused(data: str) -> None:
    assert parse(data) is None
