"""Callback data of reminders, announcements, assignments and statistics filters, each declared once.

A class names its prefix and its fields; encoding, parsing and validation are derived from them:

    T:<op>[:<value>]             the /reminders screen
    B:<announcement>:<op>[:<v>]  an announcement: the draft panel, approval, cancelling
    Q:<announcement>             a recipient acknowledges an announcement
    D:<op>[:<cohort>[:<value>]]  /assign and /assignments
    S:<op>[:<value>]             /stats and /export filters

Prefixes are capital letters: callback_data.py's scheme uses small ones, so the two never meet.
Like every callback, these carry identifiers, never permissions: handlers check who is asking.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar, Self

MAX_BYTES = 64
_INT = re.compile(r"\d{1,9}")
_WORD = re.compile(r"[a-z0-9]{1,8}")
_VALUE = re.compile(r"[A-Za-z0-9_+/.-]{0,48}")


class Declared:
    """A callback action: `prefix:field:field…`; trailing fields with defaults may be left out."""

    prefix: ClassVar[str]

    def __init_subclass__(cls, prefix: str = "", **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if prefix:  # dataclass(slots=True) re-creates the class without the keyword; keep the first one
            cls.prefix = prefix

    def encode(self) -> str:
        values = [str(getattr(self, f.name)) for f in dataclasses.fields(self)]  # type: ignore[arg-type]
        while values and values[-1] == "" and len(values) > 1:
            values.pop()
        data = ":".join([self.prefix, *values])
        if len(data.encode()) > MAX_BYTES:
            raise ValueError(f"callback data too long: {data!r}")
        return data

    @classmethod
    def parse(cls, data: str | None) -> Self | None:
        """The action, or None for anything malformed (forged, stale, or another action's data)."""
        if not data or not data.startswith(cls.prefix + ":"):
            return None
        parts = data.split(":")[1:]
        fields = dataclasses.fields(cls)  # type: ignore[arg-type]
        if len(parts) > len(fields):
            return None
        values: dict[str, object] = {}
        for spec, part in zip(fields, parts, strict=False):
            if spec.type in ("int", int):
                if not _INT.fullmatch(part):
                    return None
                values[spec.name] = int(part)
            else:
                if not spec.metadata.get("pattern", _VALUE).fullmatch(part):
                    return None
                values[spec.name] = part
        try:
            return cls(**values)
        except TypeError:  # a required field is missing
            return None


def op(default: str | None = None) -> Any:
    """A short lowercase operation name."""
    if default is None:
        return dataclasses.field(metadata={"pattern": _WORD})
    return dataclasses.field(default=default, metadata={"pattern": _WORD})


@dataclass(frozen=True, slots=True)
class ReminderButton(Declared, prefix="T"):
    op: str = op()
    value: str = ""


@dataclass(frozen=True, slots=True)
class AnnouncementButton(Declared, prefix="B"):
    announcement_id: int
    op: str = op()
    value: str = ""


@dataclass(frozen=True, slots=True)
class Acknowledge(Declared, prefix="Q"):
    announcement_id: int


@dataclass(frozen=True, slots=True)
class AssignButton(Declared, prefix="D"):
    op: str = op()
    cohort_id: int = 0
    value: str = ""


@dataclass(frozen=True, slots=True)
class StatsFilter(Declared, prefix="S"):
    op: str = op()
    value: str = ""


def handles(*kinds: type[Declared]) -> Callable[[object], bool]:
    """A CallbackQueryHandler pattern accepting well-formed data of these actions."""
    return lambda data: isinstance(data, str) and any(kind.parse(data) is not None for kind in kinds)
