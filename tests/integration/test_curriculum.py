"""Every card of every course, in every language, renders in Telegram and its buttons lead where they say."""

from __future__ import annotations

import pytest

from bot.content import load_catalogue
from bot.locales import SUPPORTED_LOCALES
from bot.sandbox import BotApiSandbox, SandboxUser
from bot.settings import PROJECT_ROOT
from tests.integration.conftest import I18N, RunBot, open_course, verify

CONTENT = PROJECT_ROOT / "content"
CATALOGUE = load_catalogue(CONTENT)


def position(locale: str, course, lesson_index: int, card_index: int) -> str:
    return I18N.format(locale, "card-position", lesson=lesson_index + 1, lessons=len(course.lessons),
                       card=card_index + 1, cards=course.lessons[lesson_index].card_count)


async def walk_course(user: SandboxUser, sandbox: BotApiSandbox, locale: str, course) -> int:
    """Read the course from its first card to its end; returns the number of cards seen."""
    t = I18N.translator(locale)
    assert course.summaries[locale] in (await open_course(user, course, locale)).text
    await user.press(t("course-start"))
    seen = 0
    for lesson_index, lesson in enumerate(course.lessons):
        for card_index in range(lesson.card_count):
            card = await user.wait_reply()
            seen += 1
            assert position(locale, course, lesson_index, card_index) in card.text, (course.id, lesson.id, card_index)
            assert lesson.titles[locale] in card.text
            labels = card.button_labels()
            assert labels[0] == t("card-back") and labels[-1] == t("card-menu")
            if card_index + 1 < lesson.card_count:
                await user.press(t("card-next"))
            elif course.lesson_check(lesson.id):
                await user.press(t("lesson-check"))
                check = await user.wait_reply()
                assert I18N.format(locale, "quiz-title-lesson") in check.text
                assert check.text.count("\n") >= 3 and check.button_labels()
                if lesson_index + 1 < len(course.lessons):
                    await user.press_data(check, f"l:{course.id}:{course.lessons[lesson_index + 1].id}:0")
            elif lesson_index + 1 < len(course.lessons):
                await user.press(t("card-next-lesson"))
            else:
                await user.press(t("card-finish"))
                assert course.titles[locale] in (await user.wait_reply()).text
    return seen


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
async def test_every_card_of_every_course_renders(run_seeded_bot: RunBot, sandbox: BotApiSandbox, settings, locale: str) -> None:
    if not settings.database_url.startswith("sqlite"):
        pytest.skip("rendering does not depend on the database; once on SQLite is enough")
    async with run_seeded_bot(CONTENT):
        user = sandbox.user(user_id=5000 + SUPPORTED_LOCALES.index(locale), language_code=locale)
        await verify(user)
        total = 0
        for course in CATALOGUE.courses:
            total += await walk_course(user, sandbox, locale, course)
    assert total == sum(lesson.card_count for course in CATALOGUE.courses for lesson in course.lessons)
    failed = [call for call in sandbox.calls if not call.ok and call.method != "getUpdates"]
    assert failed == [], [f"{c.method}: {c.result_or_error}" for c in failed[:5]]


async def test_back_goes_to_the_previous_card_across_lessons(run_seeded_bot: RunBot, sandbox: BotApiSandbox) -> None:
    course = CATALOGUE.courses[1]
    t = I18N.translator("en")
    async with run_seeded_bot(CONTENT):
        user = sandbox.user(user_id=5009, language_code="en")
        menu = await verify(user)
        await user.press_data(menu, f"l:{course.id}:{course.lessons[1].id}:0")
        assert position("en", course, 1, 0) in (await user.wait_reply()).text
        await user.press(t("card-back"))
        last = course.lessons[0].card_count - 1
        assert position("en", course, 0, last) in (await user.wait_reply()).text
        await user.press(t("card-menu"))
        assert (await user.wait_reply()).text == t("menu-title")
