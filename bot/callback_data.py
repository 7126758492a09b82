"""The compact callback-data scheme, parsed in one place.

Callback data (at most 64 bytes; carries identifiers, never permissions):

    m                       main menu
    h                       help
    r                       resume where the officer stopped
    c                       course catalogue
    o:<course>              course overview
    l:<course>:<lesson>:<n> card n (0-based) of a lesson
    g                       language picker
    g:<locale>              switch language
    i:<import>:<y|n>        confirm or cancel a pending personnel import
    x:<y|n>                 confirm or cancel deleting one's own data
    k:<course>:<lesson>     start (or resume) a lesson's check
    f:<course>              start (or resume) a course's final quiz
    v                       start a review session
    a:<attempt>:<q>:<n>     answer option n (displayed position) of question q, or tick it (several answers)
    s:<attempt>:<q>         submit the ticked options of question q
    n:<attempt>             show the attempt's next question, or its result
    w:<certificate>:<y|n>   show or hide the holder's name to verifiers
    p:<course>              send the certificate of a course again

Course and lesson ids are at most 24 characters (content check), so the longest datum is 56 bytes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.locales import SUPPORTED_LOCALES

MAX_CALLBACK_BYTES = 64
_SLUG = r"[a-z0-9][a-z0-9-]{0,23}"
_PATTERNS = {
    "o": re.compile(rf"^o:({_SLUG})$"),
    "l": re.compile(rf"^l:({_SLUG}):({_SLUG}):(\d{{1,3}})$"),
    "g": re.compile(rf"^g:({'|'.join(SUPPORTED_LOCALES)})$"),
    "i": re.compile(r"^i:(\d{1,9}):([yn])$"),
    "x": re.compile(r"^x:([yn])$"),
    "k": re.compile(rf"^k:({_SLUG}):({_SLUG})$"),
    "f": re.compile(rf"^f:({_SLUG})$"),
    "a": re.compile(r"^a:(\d{1,9}):(\d{1,3}):(\d{1,2})$"),
    "s": re.compile(r"^s:(\d{1,9}):(\d{1,3})$"),
    "n": re.compile(r"^n:(\d{1,9})$"),
    "w": re.compile(r"^w:(\d{1,9}):([yn])$"),
    "p": re.compile(rf"^p:({_SLUG})$"),
}


@dataclass(frozen=True, slots=True)
class Menu:
    """Show the main menu."""


@dataclass(frozen=True, slots=True)
class Help:
    """Show the help text."""


@dataclass(frozen=True, slots=True)
class Resume:
    """Continue where the officer stopped."""


@dataclass(frozen=True, slots=True)
class Courses:
    """Show the catalogue."""


@dataclass(frozen=True, slots=True)
class OpenCourse:
    """Show one course."""

    course_id: str


@dataclass(frozen=True, slots=True)
class ShowCard:
    """Show one card of a lesson."""

    course_id: str
    lesson_id: str
    card: int


@dataclass(frozen=True, slots=True)
class Languages:
    """Show the language picker."""


@dataclass(frozen=True, slots=True)
class SetLanguage:
    """Switch the interface language."""

    locale: str


@dataclass(frozen=True, slots=True)
class ConfirmImport:
    """Apply (or drop) a pending personnel import."""

    import_id: int
    confirmed: bool


@dataclass(frozen=True, slots=True)
class ConfirmDelete:
    """Erase (or keep) the officer's own data."""

    confirmed: bool


@dataclass(frozen=True, slots=True)
class StartCheck:
    """Start a lesson's check."""

    course_id: str
    lesson_id: str


@dataclass(frozen=True, slots=True)
class StartFinal:
    """Start a course's final quiz."""

    course_id: str


@dataclass(frozen=True, slots=True)
class StartReview:
    """Start a review session."""


@dataclass(frozen=True, slots=True)
class Choose:
    """Answer with (or tick) one displayed option of a question."""

    attempt_id: int
    position: int
    option: int


@dataclass(frozen=True, slots=True)
class Submit:
    """Submit the ticked options."""

    attempt_id: int
    position: int


@dataclass(frozen=True, slots=True)
class NextQuestion:
    """Go on with an attempt."""

    attempt_id: int


@dataclass(frozen=True, slots=True)
class ShowName:
    """Show or hide the holder's name on a certificate."""

    certificate_id: int
    shown: bool


@dataclass(frozen=True, slots=True)
class SendCertificate:
    """Send a course's certificate again."""

    course_id: str


Action = (
    Menu | Help | Resume | Courses | Languages | OpenCourse | ShowCard | SetLanguage | ConfirmImport | ConfirmDelete
    | StartCheck | StartFinal | StartReview | Choose | Submit | NextQuestion | ShowName | SendCertificate
)
_SIMPLE: dict[str, Action] = {
    "m": Menu(), "h": Help(), "r": Resume(), "c": Courses(), "g": Languages(), "v": StartReview(),
}


def encode(action: Action) -> str:
    """The callback data for an action."""
    match action:
        case OpenCourse(course_id):
            data = f"o:{course_id}"
        case ShowCard(course_id, lesson_id, card):
            data = f"l:{course_id}:{lesson_id}:{card}"
        case SetLanguage(locale):
            data = f"g:{locale}"
        case ConfirmImport(import_id, confirmed):
            data = f"i:{import_id}:{'y' if confirmed else 'n'}"
        case ConfirmDelete(confirmed):
            data = f"x:{'y' if confirmed else 'n'}"
        case StartCheck(course_id, lesson_id):
            data = f"k:{course_id}:{lesson_id}"
        case StartFinal(course_id):
            data = f"f:{course_id}"
        case Choose(attempt_id, position, option):
            data = f"a:{attempt_id}:{position}:{option}"
        case Submit(attempt_id, position):
            data = f"s:{attempt_id}:{position}"
        case NextQuestion(attempt_id):
            data = f"n:{attempt_id}"
        case ShowName(certificate_id, shown):
            data = f"w:{certificate_id}:{'y' if shown else 'n'}"
        case SendCertificate(course_id):
            data = f"p:{course_id}"
        case _:
            data = next(key for key, value in _SIMPLE.items() if value == action)
    if len(data.encode()) > MAX_CALLBACK_BYTES:
        raise ValueError(f"callback data too long: {data!r}")
    return data


def parse(data: str | None) -> Action | None:
    """The action a callback asks for, or None for anything malformed."""
    if not data:
        return None
    if data in _SIMPLE:
        return _SIMPLE[data]
    pattern = _PATTERNS.get(data[:1])
    match = pattern.fullmatch(data) if pattern else None
    if match is None:
        return None
    match data[0]:
        case "o":
            return OpenCourse(match.group(1))
        case "l":
            return ShowCard(match.group(1), match.group(2), int(match.group(3)))
        case "i":
            return ConfirmImport(int(match.group(1)), match.group(2) == "y")
        case "x":
            return ConfirmDelete(match.group(1) == "y")
        case "k":
            return StartCheck(match.group(1), match.group(2))
        case "f":
            return StartFinal(match.group(1))
        case "a":
            return Choose(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        case "s":
            return Submit(int(match.group(1)), int(match.group(2)))
        case "n":
            return NextQuestion(int(match.group(1)))
        case "w":
            return ShowName(int(match.group(1)), match.group(2) == "y")
        case "p":
            return SendCertificate(match.group(1))
        case _:
            return SetLanguage(match.group(1))


def handles(*kinds: type) -> Callable[[object], bool]:
    """A CallbackQueryHandler pattern accepting well-formed data for the given actions."""
    return lambda data: isinstance(parse(data if isinstance(data, str) else None), kinds)
