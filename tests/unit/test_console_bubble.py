"""An announcement's text in the console: Markdown to the chat's Telegram HTML, shown sanitised, in the
direction Telegram gives it; and when a manager's chosen start falls, in their time zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.services.announcements import chosen_start
from bot.web.console.bubble import from_markdown, message_html, reads_right_to_left


def test_markdown_becomes_the_telegram_html_a_card_would_and_typed_tags_stay_text() -> None:
    written = from_markdown("**Range day** is _Friday_: [map](https://example.org/?a=1&b=2) <b>x</b>\r\nline 2")
    assert written.problems == ()
    assert written.body == ('<b>Range day</b> is <i>Friday</i>: <a href="https://example.org/?a=1&amp;b=2">map</a> '
                            "&lt;b&gt;x&lt;/b&gt;\nline 2")


@pytest.mark.parametrize(("markdown", "problem"), [
    ("   ", "console-compose-problem-text"),
    ("x" * 4097, "console-compose-problem-long"),
    ("see [this](javascript:alert(1))", "console-compose-problem-link"),
    ("see [this](http://example.org)", "console-compose-problem-link"),
])
def test_what_telegram_would_refuse_or_a_reader_should_not_follow_is_a_problem(markdown: str, problem: str) -> None:
    assert [found for found, _ in from_markdown(markdown).problems] == [problem]


def test_a_stored_body_is_shown_with_telegrams_tags_only() -> None:
    hostile = ('<b onclick="steal()">bold</b><script>alert(1)</script><img src=x onerror=alert(1)>'
               '<a href="javascript:alert(1)">bad</a><a href="https://example.org">good</a>'
               '<span class="tg-spoiler other">hidden</span><tg-spoiler>also</tg-spoiler>')
    shown = str(message_html(hostile))
    assert "<b>bold</b>" in shown and "script" not in shown and "onerror" not in shown and "<img" not in shown
    assert "javascript" not in shown and '<a href="https://example.org" rel="noopener noreferrer nofollow">good</a>' in shown
    assert '<span class="tg-spoiler">hidden</span>' in shown and "<tg-spoiler>also</tg-spoiler>" in shown


@pytest.mark.parametrize(("body", "rtl"), [
    ("<b>تنبيه:</b> تغيّر الموعد", True),
    ("123 — موعد", True),  # digits and punctuation are weak: the first letter decides, as in Telegram
    ("<b>I-24/7</b> شبكة", False),
    ("Range day", False),
    ("", False),
])
def test_the_direction_is_the_first_strong_letters(body: str, rtl: bool) -> None:
    assert reads_right_to_left(body) is rtl


NOW = datetime(2027, 3, 27, 10, 0, tzinfo=UTC)  # the day before Paris moves to summer time


@pytest.mark.parametrize(("choice", "zone", "expected"), [
    ("1h", "Europe/Paris", NOW + timedelta(hours=1)),
    ("t9", "Europe/Paris", datetime(2027, 3, 28, 7, 0, tzinfo=UTC)),  # 09:00 summer time, the next morning
    ("t9", "Asia/Kolkata", datetime(2027, 3, 28, 3, 30, tzinfo=UTC)),
    ("2027-03-28 02:30", "Europe/Paris", datetime(2027, 3, 28, 1, 30, tzinfo=UTC)),  # in the gap: moved forward
    ("2027-04-01T18:45", "America/Santiago", datetime(2027, 4, 1, 21, 45, tzinfo=UTC)),  # a browser's datetime-local
    ("2027-03-27 09:00", "Europe/Paris", None),  # already past
    ("next friday", "Europe/Paris", None),
    ("2027-04-01 25:00", "Europe/Paris", None),
    ("1h", "Mars/Olympus", None),
])
def test_a_chosen_start_is_read_in_the_managers_time_zone(choice: str, zone: str, expected: datetime | None) -> None:
    assert chosen_start(choice, NOW, zone) == expected
