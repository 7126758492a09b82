"""Any course in any language, card by card exactly as officers see them, with the quizzes and their key."""

from __future__ import annotations

from aiohttp import web
from markupsafe import Markup

from bot.content import Card, Course
from bot.telegram_html import card_html
from bot.web.console.site import render, services, translator

LETTERS = "ABCDEFGHIJKL"


def routes() -> list[web.RouteDef]:
    return [web.get("/content", _content)]


async def _content(request: web.Request) -> web.Response:
    catalogue, i18n = services(request).catalogue, services(request).i18n
    course = catalogue.course(request.query.get("course", ""))
    if course is None:
        return render(request, "content_index.html", courses=catalogue.courses)
    shown = request.query.get("lang", "")
    locale = shown if shown in i18n.locales else translator(request).locale
    return render(request, "content_course.html", course=course, shown=i18n.translator(locale),
                  card=_card, letters=LETTERS, final_quiz=course.final_quiz)


def _card(course: Course, lesson_index: int, card_index: int, locale: str) -> Markup:
    """The card's Telegram HTML: only the tags Telegram renders, with every text already escaped by PTB."""
    card: Card = course.lessons[lesson_index].cards[locale][card_index]
    return Markup(card_html(card))  # noqa: S704 (made by PTB from plain text and entities)
