"""An officer's first hour: getting in, going on after a check, the overview's lessons, the help of each role."""

from __future__ import annotations

import pytest

from bot.sandbox import BotApiSandbox, SandboxMessage
from tests.integration.conftest import (
    ADMIN_ID,
    I18N,
    LISTED,
    RunBot,
    open_course,
    personnel_csv,
    quiz_content,
    seed_personnel,
    verify,
)
from tests.integration.quiz_support import COURSE, answer, buttons_for, is_result, question_on

CONTACT = "the training office, +33 1 23 45 67 89"


def share_button(message: SandboxMessage) -> list[bool]:
    return [bool(button.get("request_contact")) for row in message.reply_keyboard or [] for button in row]


def plain(message: SandboxMessage) -> str:
    return (message.text or "").replace("\u200f", "")


@pytest.mark.parametrize("locale", ["en", "ar"])
async def test_getting_in_typed_numbers_and_withdrawn_access(
    run_seeded_bot: RunBot, sandbox: BotApiSandbox, locale: str
) -> None:
    t = I18N.translator(locale)
    async with run_seeded_bot(access_contact=CONTACT) as bot:
        newcomer = sandbox.user(user_id=7400, language_code=locale, first_name="Samir")
        await newcomer.send("/start")
        welcome = await newcomer.wait_reply()
        assert plain(welcome) == f"{t('welcome', name='Samir')}\n\n{t('verify-needed')}"
        assert share_button(welcome) == [True], "the Share button is right there"
        await newcomer.send("+33 6 10 10 00 01")
        typed = await newcomer.wait_reply()
        assert plain(typed) == t("verify-typed-phone") and share_button(typed) == [True]

        officer = sandbox.user(user_id=5017 if locale == "en" else 6017, language_code=locale)
        await verify(officer)
        await officer.send("+33 6 10 10 00 01")
        assert plain(await officer.wait_reply()) == t("verify-already")
        await seed_personnel(bot, personnel_csv([uid for uid in LISTED if uid != officer.id]))
        await officer.send("/start")
        withdrawn = await officer.wait_reply()
        assert t("verify-withdrawn", contact=CONTACT) in plain(withdrawn), "why, and whom to contact"
        assert share_button(withdrawn) == [True]


@pytest.mark.parametrize("locale", ["en", "ar"])
async def test_going_on_after_a_lesson_check_opens_the_next_lesson(
    run_seeded_bot: RunBot, sandbox: BotApiSandbox, locale: str
) -> None:
    t = I18N.translator(locale)
    first, second = COURSE.lessons[0], COURSE.lessons[1]
    async with run_seeded_bot(quiz_content()):
        user = sandbox.user(user_id=5003 if locale == "en" else 6003, language_code=locale)
        await verify(user)
        overview = await open_course(user, COURSE, locale)
        await user.press_data(overview, f"l:{COURSE.id}:{first.id}:{first.card_count - 1}")
        await user.wait_reply()
        await user.press(t("lesson-check"))
        question_screen = await user.wait_reply()
        question = question_on(question_screen, locale)
        chosen = buttons_for(question_screen, question, right=False, locale=locale)
        _, feedback = await answer(user, right=False, locale=locale)
        assert question.kind == "single", "the starter course's first check opens with a one-answer question"
        option = next(line for line in plain(question_screen).splitlines() if line.startswith(f"{chosen[0]}. "))
        assert f"{t('quiz-your-answer')}\n• {option}" in plain(feedback), "the feedback repeats the option chosen"
        assert question_screen.button_labels()[:3] == t("quiz-option-letters").split()[:3]
        if locale == "ar":
            assert question_screen.button_labels()[:3] == ["أ", "ب", "ج"]
        while not is_result(feedback, locale):
            _, feedback = await answer(user, right=True, locale=locale)

        await user.press(t("card-menu"))
        await user.wait_reply()
        await user.press(t("menu-continue"))
        resumed = await user.wait_reply()
        assert second.titles[locale] in resumed.text, "Resume after a check goes on with the next lesson"
        assert I18N.format(locale, "card-position", lesson=2, lessons=len(COURSE.lessons), card=1,
                           cards=second.card_count) in resumed.text
        await user.send("/continue")
        assert second.titles[locale] in (await user.wait_reply()).text

        overview = await open_course(user, COURSE, locale)
        third = COURSE.lessons[2]
        assert t("course-lesson-done", title=first.titles[locale]) in overview.button_labels()
        await user.press(t("course-lesson-todo", title=third.titles[locale]))
        opened = await user.wait_reply()
        assert third.titles[locale] in opened.text, "the overview opens any lesson directly"


async def test_help_shows_each_role_its_commands(run_seeded_bot: RunBot, sandbox: BotApiSandbox) -> None:
    t = I18N.translator("en")
    async with run_seeded_bot():
        officer, manager, admin = (sandbox.user(user_id=uid, language_code="en") for uid in (5005, 5010, ADMIN_ID))
        await verify(officer)
        await verify(manager)
        texts = []
        for user in (officer, manager, admin):
            await user.send("/help")
            texts.append((await user.wait_reply()).text)
        assert texts == [t("help"), f"{t('help')}\n\n{t('help-managing')}",
                         f"{t('help')}\n\n{t('help-managing')}\n\n{t('help-administering')}"]
        assert "/verify CODE — check a certificate's code" in texts[0]
