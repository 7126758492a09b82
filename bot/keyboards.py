"""Inline keyboards and the compact callback-data scheme, parsed in one place.

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

Course and lesson ids are at most 24 characters (content check), so the longest datum is 56 bytes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.content import Catalogue
from bot.i18n import Translator
from bot.services.learning import CardPosition, CourseStatus
from bot.settings import SUPPORTED_LOCALES

MAX_CALLBACK_BYTES = 64
_SLUG = r"[a-z0-9][a-z0-9-]{0,23}"
_PATTERNS = {
    "o": re.compile(rf"^o:({_SLUG})$"),
    "l": re.compile(rf"^l:({_SLUG}):({_SLUG}):(\d{{1,3}})$"),
    "g": re.compile(rf"^g:({'|'.join(SUPPORTED_LOCALES)})$"),
    "i": re.compile(r"^i:(\d{1,9}):([yn])$"),
    "x": re.compile(r"^x:([yn])$"),
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


Action = Menu | Help | Resume | Courses | Languages | OpenCourse | ShowCard | SetLanguage | ConfirmImport | ConfirmDelete
_SIMPLE: dict[str, Action] = {"m": Menu(), "h": Help(), "r": Resume(), "c": Courses(), "g": Languages()}


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
        case _:
            return SetLanguage(match.group(1))


def button(text: str, action: Action) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=encode(action))


def menu_keyboard(t: Translator) -> InlineKeyboardMarkup:
    """The main menu."""
    return InlineKeyboardMarkup([
        [button(t("menu-continue"), Resume()), button(t("menu-courses"), Courses())],
        [button(t("menu-language"), Languages()), button(t("menu-help"), Help())],
    ])


def menu_button_row(t: Translator) -> list[InlineKeyboardButton]:
    return [button(t("card-menu"), Menu())]


def language_keyboard(t: Translator) -> InlineKeyboardMarkup:
    """One button per language, each named in its own language."""
    buttons = [button(t(f"language-name-{locale}"), SetLanguage(locale)) for locale in SUPPORTED_LOCALES]
    return InlineKeyboardMarkup([buttons[:2], buttons[2:]])


def catalogue_keyboard(catalogue: Catalogue, t: Translator) -> InlineKeyboardMarkup:
    """One button per course, then the menu."""
    rows = [[button(course.titles[t.locale], OpenCourse(course.id))] for course in catalogue.courses]
    return InlineKeyboardMarkup([*rows, menu_button_row(t)])


def course_keyboard(status: CourseStatus, t: Translator) -> InlineKeyboardMarkup:
    """Start or resume a course."""
    course = status.course
    first_lesson = course.lessons[0]
    start = button(t("course-start"), ShowCard(course.id, first_lesson.id, 0))
    rows = [[start]]
    if status.resume_at is not None:
        at = status.resume_at
        rows = [[button(t("course-resume"), ShowCard(course.id, at.lesson.id, at.card_index))],
                [button(t("course-restart"), ShowCard(course.id, first_lesson.id, 0))]]
    return InlineKeyboardMarkup([*rows, [button(t("back-to-catalogue"), Courses()), *menu_button_row(t)]])


def card_keyboard(position: CardPosition, t: Translator) -> InlineKeyboardMarkup:
    """Back and Next (or Next lesson, or Finish) under a card, then the menu."""
    course = position.course
    previous, following = position.previous(), position.next()
    back = (button(t("card-back"), ShowCard(course.id, previous.lesson.id, previous.card_index))
            if previous else button(t("card-back"), OpenCourse(course.id)))
    if following is None:
        forward = button(t("card-finish"), OpenCourse(course.id))
    else:
        label = t("card-next") if following.lesson_index == position.lesson_index else t("card-next-lesson")
        forward = button(label, ShowCard(course.id, following.lesson.id, following.card_index))
    return InlineKeyboardMarkup([[back, forward], menu_button_row(t)])


def handles(*kinds: type) -> Callable[[object], bool]:
    """A CallbackQueryHandler pattern accepting well-formed data for the given actions."""
    return lambda data: isinstance(parse(data if isinstance(data, str) else None), kinds)


def confirm_keyboard(yes: tuple[str, Action], no: tuple[str, Action]) -> InlineKeyboardMarkup:
    """Two buttons: do it, or don't."""
    return InlineKeyboardMarkup([[button(*yes), button(*no)]])
