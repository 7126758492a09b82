"""The Telegram edge of the features that speak first: the ticks that send due reminders and announcements.

Services decide what is due and claim it (one indexed query per kind of due work); these dispatchers
render it and send it through the delivery governor's bulk lanes. Runtime._schedule_housekeeping
registers them.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.context import LearnbotApplication
from bot.dispatch.announcements import AnnouncementDispatcher
from bot.dispatch.reminders import ReminderDispatcher
from bot.scheduling import Ticks

REMINDERS, ANNOUNCEMENTS = "reminders", "announcements"


def schedule_dispatchers(ticks: Ticks, application: LearnbotApplication, stopping: Callable[[], bool]) -> None:
    settings = application.services.settings
    ticks.every(REMINDERS, settings.reminder_tick_seconds, ReminderDispatcher(application, stopping).tick)
    ticks.every(ANNOUNCEMENTS, settings.announcement_tick_seconds, AnnouncementDispatcher(application, stopping).tick)
