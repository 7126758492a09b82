"""Times of day as people type them ('18:30', '7.05', '18h30') and quiet hours ('21:00-07:00').

Plain parsing with no zone and no date: the settings check their defaults with it, the chat and the
announcements read what officers and managers type with it (bot/services/reminder_times.py does the
time-zone arithmetic).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CLOCK_TIME = re.compile(r"^\s*(\d{1,2})\s*(?:[:.hH]\s*(\d{2})?)?\s*$")


@dataclass(frozen=True, slots=True)
class QuietHours:
    """No reminder from start to end, local time (minutes after midnight); may span midnight."""

    start: int
    end: int

    def contains(self, minute: int) -> bool:
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= minute < self.end
        return minute >= self.start or minute < self.end


def parse_clock(text: str) -> int | None:
    """'18:30', '7.05', '18h30' or '18' as minutes after midnight, or None."""
    match = _CLOCK_TIME.match(text)
    if match is None:
        return None
    hours, minutes = int(match.group(1)), int(match.group(2) or 0)
    if hours > 23 or minutes > 59:
        return None
    return hours * 60 + minutes


def parse_quiet_hours(text: str) -> QuietHours | None:
    """'21:00-07:00' (or with '–', '—', 'to') as quiet hours, or None when it is not two times."""
    parts = re.split(r"\s*(?:-|–|—|to|à|a|إلى)\s*", text.strip(), maxsplit=1)
    if len(parts) != 2:
        return None
    start, end = parse_clock(parts[0]), parse_clock(parts[1])
    if start is None or end is None or start == end:
        return None
    return QuietHours(start, end)
