"""The compact callback-data scheme: each action is declared once, and its data derived from it.

Callback data (at most 64 bytes; carries identifiers, never permissions) is the action's prefix,
then each field in order, separated by ':'. The prefixes, unchanged since the first release so
that buttons already in chats keep working:

    m  main menu                        h  help
    r  resume where the officer stopped c  course catalogue
    o  course overview                  l  card n (0-based) of a lesson
    g  language picker (g:<locale> switches)
    i  confirm or cancel a pending personnel import
    x  confirm or cancel deleting one's own data
    k  start (or resume) a lesson's check
    f  a course's final quiz: its rules, or the open attempt
    b  begin a final-quiz attempt after reading its rules
    v  start a review session
    a  answer option n (displayed position) of question q, or tick it (several answers)
    s  submit the ticked options of question q
    n  show the attempt's next question, or its result
    w  show or hide the holder's name to verifiers
    p  send the certificate of a course again
    T  the /reminders screen: T:<op>[:<value>]
    B  an announcement (draft panel, approval, cancelling): B:<announcement>:<op>[:<value>]
    Q  a recipient acknowledges an announcement: Q:<announcement>
    D  /assign and /assignments: D:<op>[:<cohort>[:<value>]]
    S  /stats and /export filters: S:<op>[:<value>]

Trailing fields that keep their default (an empty value, cohort 0) are left out of the data.

Course and lesson ids are at most 24 characters (content check), so the longest datum is 56 bytes.
"""

from __future__ import annotations

import dataclasses
import re
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, Self, TypeVar

from bot.locales import SUPPORTED_LOCALES

MAX_CALLBACK_BYTES = 64


@dataclass(frozen=True, slots=True)
class Part:
    """How one field is written in callback data: the pattern it must match, and both conversions."""

    pattern: str
    read: Callable[[str], Any]
    write: Callable[[Any], str] = str


Slug = Annotated[str, Part(r"[a-z0-9][a-z0-9-]{0,23}", str)]
Locale = Annotated[str, Part("|".join(SUPPORTED_LOCALES), str)]
RowId = Annotated[int, Part("[0-9]{1,9}", int)]
Index = Annotated[int, Part("[0-9]{1,3}", int)]
Option = Annotated[int, Part("[0-9]{1,2}", int)]
YesNo = Annotated[bool, Part("[yn]", lambda text: text == "y", lambda value: "y" if value else "n")]
Op = Annotated[str, Part("[a-z0-9]{1,8}", str)]
Value = Annotated[str, Part("[A-Za-z0-9_+/.-]{0,48}", str)]


class Action:
    """A button's meaning; subclasses are frozen dataclasses registered with @action."""

    __slots__ = ()
    prefix: ClassVar[str]
    parts: ClassVar[tuple[tuple[str, Part], ...]]

    def encode(self) -> str:
        return encode(self)

    @classmethod
    def parse(cls, data: str | None) -> Self | None:
        """This action from callback data, or None (malformed, forged, or another action's data)."""
        action = parse(data)
        return action if isinstance(action, cls) else None


_REGISTRY: dict[tuple[str, int], type[Action]] = {}
A = TypeVar("A", bound=type[Action])


def action(prefix: str) -> Callable[[A], A]:
    """Register an action class under its prefix; its fields' Part annotations define the rest."""

    def register(cls: A) -> A:
        hints = typing.get_type_hints(cls, include_extras=True)
        fields = dataclasses.fields(cls)  # type: ignore[arg-type]
        parts = tuple((f.name, next(m for m in hints[f.name].__metadata__ if isinstance(m, Part))) for f in fields)
        required = sum(f.default is dataclasses.MISSING for f in fields)
        cls.prefix, cls.parts = prefix, parts
        for count in range(required, len(parts) + 1):  # trailing fields with defaults may be left out
            assert (prefix, count) not in _REGISTRY, f"callback prefix {prefix!r} with {count} fields is declared twice"
            _REGISTRY[(prefix, count)] = cls
        return cls

    return register


@action("m")
@dataclass(frozen=True, slots=True)
class Menu(Action):
    """Show the main menu."""


@action("h")
@dataclass(frozen=True, slots=True)
class Help(Action):
    """Show the help text."""


@action("r")
@dataclass(frozen=True, slots=True)
class Resume(Action):
    """Continue where the officer stopped."""


@action("c")
@dataclass(frozen=True, slots=True)
class Courses(Action):
    """Show the catalogue."""


@action("o")
@dataclass(frozen=True, slots=True)
class OpenCourse(Action):
    """Show one course."""

    course_id: Slug


@action("l")
@dataclass(frozen=True, slots=True)
class ShowCard(Action):
    """Show one card of a lesson."""

    course_id: Slug
    lesson_id: Slug
    card: Index


@action("g")
@dataclass(frozen=True, slots=True)
class Languages(Action):
    """Show the language picker."""


@action("g")
@dataclass(frozen=True, slots=True)
class SetLanguage(Action):
    """Switch the interface language."""

    locale: Locale


@action("i")
@dataclass(frozen=True, slots=True)
class ConfirmImport(Action):
    """Apply (or drop) a pending personnel import."""

    import_id: RowId
    confirmed: YesNo


@action("x")
@dataclass(frozen=True, slots=True)
class ConfirmDelete(Action):
    """Erase (or keep) the officer's own data."""

    confirmed: YesNo


@action("k")
@dataclass(frozen=True, slots=True)
class StartCheck(Action):
    """Start a lesson's check."""

    course_id: Slug
    lesson_id: Slug


@action("f")
@dataclass(frozen=True, slots=True)
class StartFinal(Action):
    """Open a course's final quiz: its rules before a new attempt, or the attempt under way."""

    course_id: Slug


@action("b")
@dataclass(frozen=True, slots=True)
class BeginFinal(Action):
    """Begin a new final-quiz attempt, the rules read."""

    course_id: Slug


@action("v")
@dataclass(frozen=True, slots=True)
class StartReview(Action):
    """Start a review session."""


@action("a")
@dataclass(frozen=True, slots=True)
class Choose(Action):
    """Answer with (or tick) one displayed option of a question."""

    attempt_id: RowId
    position: Index
    option: Option


@action("s")
@dataclass(frozen=True, slots=True)
class Submit(Action):
    """Submit the ticked options."""

    attempt_id: RowId
    position: Index


@action("n")
@dataclass(frozen=True, slots=True)
class NextQuestion(Action):
    """Go on with an attempt."""

    attempt_id: RowId


@action("w")
@dataclass(frozen=True, slots=True)
class ShowName(Action):
    """Show or hide the holder's name on a certificate."""

    certificate_id: RowId
    shown: YesNo


@action("p")
@dataclass(frozen=True, slots=True)
class SendCertificate(Action):
    """Send a course's certificate again."""

    course_id: Slug


@action("T")
@dataclass(frozen=True, slots=True)
class ReminderButton(Action):
    """A choice on the /reminders screen (op), with its value (a time, a zone, days)."""

    op: Op
    value: Value = ""


@action("B")
@dataclass(frozen=True, slots=True)
class AnnouncementButton(Action):
    """A step on an announcement: the draft panel, approval, cancelling."""

    announcement_id: RowId
    op: Op
    value: Value = ""


@action("Q")
@dataclass(frozen=True, slots=True)
class Acknowledge(Action):
    """A recipient acknowledges an announcement."""

    announcement_id: RowId


@action("D")
@dataclass(frozen=True, slots=True)
class AssignButton(Action):
    """A step of /assign or /assignments."""

    op: Op
    cohort_id: RowId = 0
    value: Value = ""


@action("S")
@dataclass(frozen=True, slots=True)
class StatsFilter(Action):
    """A /stats or /export filter (by cohort, by country) and its choice."""

    op: Op
    value: Value = ""


def encode(action: Action) -> str:
    """The callback data for an action; trailing fields at their defaults are left out."""
    fields = [part.write(getattr(action, name)) for name, part in action.parts]
    defaults = [f.default for f in dataclasses.fields(action)]  # type: ignore[arg-type]
    while fields and defaults[len(fields) - 1] is not dataclasses.MISSING \
            and getattr(action, action.parts[len(fields) - 1][0]) == defaults[len(fields) - 1]:
        fields.pop()
    data = ":".join([action.prefix, *fields])
    if len(data.encode()) > MAX_CALLBACK_BYTES:
        raise ValueError(f"callback data too long: {data!r}")
    return data


def parse(data: str | None) -> Action | None:
    """The action a callback asks for, or None for anything malformed."""
    if not data or len(data.encode(errors="replace")) > MAX_CALLBACK_BYTES:
        return None
    prefix, *fields = data.split(":")
    cls = _REGISTRY.get((prefix, len(fields)))
    if cls is None:
        return None
    values = {}
    for (name, part), text in zip(cls.parts, fields, strict=False):  # trailing fields left out keep their defaults
        if re.fullmatch(part.pattern, text) is None:
            return None
        values[name] = part.read(text)
    return cls(**values)


def handles(*kinds: type[Action]) -> Callable[[object], bool]:
    """A CallbackQueryHandler pattern accepting well-formed data for the given actions."""
    return lambda data: isinstance(parse(data if isinstance(data, str) else None), kinds)
