"""Inline keyboards: the buttons the bot shows, built from callback-data actions."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.callback_data import (
    Action,
    Courses,
    Help,
    Languages,
    Menu,
    OpenCourse,
    Resume,
    SendCertificate,
    SetLanguage,
    ShowCard,
    StartCheck,
    StartFinal,
    StartReview,
    encode,
)
from bot.content import Catalogue
from bot.i18n import Translator
from bot.locales import SUPPORTED_LOCALES
from bot.services.learning import CardPosition, CourseStatus


def button(text: str, action: Action) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=encode(action))


def menu_keyboard(t: Translator, due: int | None = None) -> InlineKeyboardMarkup:
    """The main menu; with the number of due reviews when it is known."""
    rows = [
        [button(t("menu-continue"), Resume()), button(t("menu-courses"), Courses())],
        [button(t("menu-language"), Languages()), button(t("menu-help"), Help())],
    ]
    if due:
        rows.insert(1, [button(t("menu-review", count=due), StartReview())])
    return InlineKeyboardMarkup(rows)


def menu_button_row(t: Translator) -> list[InlineKeyboardButton]:
    return [button(t("card-menu"), Menu())]


def language_keyboard(t: Translator) -> InlineKeyboardMarkup:
    """One button per language, each named in its own language; the one in use is marked."""
    buttons = [button(("✓ " if locale == t.locale else "") + t(f"language-name-{locale}"), SetLanguage(locale))
               for locale in SUPPORTED_LOCALES]
    return InlineKeyboardMarkup([buttons[:2], buttons[2:]])


def catalogue_keyboard(catalogue: Catalogue, t: Translator,
                       first: Sequence[tuple[str, str]] = ()) -> InlineKeyboardMarkup:
    """One button per course, then the menu; `first` (course id, label) go on top with their own labels."""
    labels = dict(first)
    ordered = [*labels, *(course.id for course in catalogue.courses if course.id not in labels)]
    rows = [[button(labels.get(course.id, course.titles[t.locale]), OpenCourse(course.id))]
            for course in map(catalogue.course, ordered) if course is not None]
    return InlineKeyboardMarkup([*rows, menu_button_row(t)])


def course_keyboard(status: CourseStatus, t: Translator, *, has_certificate: bool = False) -> InlineKeyboardMarkup:
    """Start or resume a course, open any of its lessons; its final quiz and certificate."""
    course = status.course
    first_lesson = course.lessons[0]
    if status.resume_at is not None and status.cards_seen:
        at = status.resume_at
        rows = [[button(t("course-resume"), ShowCard(course.id, at.lesson.id, at.card_index))]]
    elif status.finished:
        rows = [[button(t("course-restart"), ShowCard(course.id, first_lesson.id, 0))]]
    else:
        rows = [[button(t("course-start"), ShowCard(course.id, first_lesson.id, 0))]]
    for index, lesson in enumerate(course.lessons):
        key = "course-lesson-done" if lesson.id in status.completed_lessons else "course-lesson-todo"
        start = status.lesson_start(index)
        rows.append([button(t(key, title=lesson.titles[t.locale]), ShowCard(course.id, lesson.id, start.card_index))])
    if course.final_quiz:
        rows.append([button(t("final-quiz"), StartFinal(course.id))])
    if has_certificate:
        rows.append([button(t("certificate-button"), SendCertificate(course.id))])
    return InlineKeyboardMarkup([*rows, [button(t("back-to-catalogue"), Courses()), *menu_button_row(t)]])


def card_keyboard(position: CardPosition, t: Translator) -> InlineKeyboardMarkup:
    """Back and Next (or Next lesson, or Finish) under a card, then the menu."""
    course = position.course
    previous, following = position.previous(), position.next()
    back = (button(t("card-back"), ShowCard(course.id, previous.lesson.id, previous.card_index))
            if previous else button(t("card-back"), OpenCourse(course.id)))
    if position.is_last_card and course.lesson_check(position.lesson.id):
        forward = button(t("lesson-check"), StartCheck(course.id, position.lesson.id))
    elif following is None:
        forward = button(t("card-finish"), OpenCourse(course.id))
    else:
        label = t("card-next") if following.lesson_index == position.lesson_index else t("card-next-lesson")
        forward = button(label, ShowCard(course.id, following.lesson.id, following.card_index))
    return InlineKeyboardMarkup([[back, forward], menu_button_row(t)])


def confirm_keyboard(yes: tuple[str, Action], no: tuple[str, Action]) -> InlineKeyboardMarkup:
    """Two buttons: do it, or don't."""
    return InlineKeyboardMarkup([[button(*yes), button(*no)]])
