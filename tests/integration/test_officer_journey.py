"""An officer starts, reads lessons card by card, switches language and resumes after a restart."""

from __future__ import annotations

import pytest

from bot.formatting import RLM
from bot.sandbox import BotApiSandbox
from tests.integration.conftest import I18N, RunBot, open_course, starter_course, verify

COURSE = starter_course()


def position_line(locale: str, lesson: int, card: int) -> str:
    return I18N.format(
        locale, "card-position", lesson=lesson, lessons=len(COURSE.lessons),
        card=card, cards=COURSE.lessons[lesson - 1].card_count,
    )


@pytest.mark.parametrize("locale", ["en", "ar"])
async def test_officer_reads_a_course_card_by_card(bot, sandbox: BotApiSandbox, locale: str) -> None:
    t = I18N.translator(locale)
    user = sandbox.user(user_id=5001, language_code=locale, first_name="Amina")

    await user.send("/start")
    welcome = await user.wait_reply()
    assert t("welcome", name="Amina").splitlines()[0] in welcome.text
    assert t("verify-needed").splitlines()[0] in welcome.text, "an unverified officer is told how to get in"
    assert [button["text"] for row in welcome.reply_keyboard for button in row] == [t("verify-share-phone")]
    menu = await verify(user)
    assert menu.button_labels() == [t("menu-continue"), t("menu-courses"), t("menu-language"), t("menu-help")]
    messages_before_reading = len(user.messages)

    await user.press(t("menu-courses"))
    catalogue = await user.wait_reply()
    assert catalogue.message_id == menu.message_id, "buttons edit the same message"
    assert COURSE.titles[locale] in catalogue.button_labels()

    await user.press(COURSE.titles[locale])
    overview = await user.wait_reply()
    assert COURSE.summaries[locale] in overview.text
    assert I18N.format(locale, "course-progress", done=0, total=len(COURSE.lessons)) in overview.text

    await user.press(t("course-start"))
    card = await user.wait_reply()
    first_lesson = COURSE.lessons[0]
    assert first_lesson.titles[locale] in card.text
    assert position_line(locale, 1, 1) in card.text
    assert card.button_labels() == [t("card-back"), t("card-next"), t("card-menu")]

    await user.press(t("card-next"))
    assert position_line(locale, 1, 2) in (await user.wait_reply()).text
    await user.press(t("card-back"))
    assert position_line(locale, 1, 1) in (await user.wait_reply()).text
    for number in range(2, first_lesson.card_count + 1):
        await user.press(t("card-next"))
        card = await user.wait_reply()
        assert position_line(locale, 1, number) in card.text
    assert t("card-next-lesson") in card.button_labels(), "the last card leads to the next lesson"
    await user.press(t("card-next-lesson"))
    card = await user.wait_reply()
    assert COURSE.lessons[1].titles[locale] in card.text
    assert card.message_id == menu.message_id
    assert len(user.messages) == messages_before_reading, "reading never floods the chat"

    if locale == "ar":
        assert card.text.startswith(RLM), "Arabic lines start with a right-to-left mark"
        assert all(line.startswith(RLM) for line in card.text.split("\n") if line)

    await user.send("/continue")
    resumed = await user.wait_reply()
    assert position_line(locale, 2, 1) in resumed.text
    assert resumed.message_id != menu.message_id


async def test_finishing_every_lesson_completes_the_course(bot, sandbox: BotApiSandbox) -> None:
    t = I18N.translator("en")
    user = sandbox.user(user_id=5002, language_code="en")
    await verify(user)
    await open_course(user, COURSE)
    await user.press(t("course-start"))
    await user.wait_reply()
    total_cards = sum(lesson.card_count for lesson in COURSE.lessons)
    for _ in range(total_cards - 1):
        labels = user.last_message.button_labels()
        await user.press(t("card-next") if t("card-next") in labels else t("card-next-lesson"))
        await user.wait_reply()
    await user.press(t("card-finish"))
    overview = await user.wait_reply()
    assert t("course-finished", course=COURSE.titles["en"]) in overview.text
    assert t("course-progress", done=len(COURSE.lessons), total=len(COURSE.lessons)) in overview.text
    labels = overview.button_labels()
    assert t("course-restart") in labels and t("course-resume") not in labels, "nothing left to resume"
    assert [t("course-lesson-done", title=lesson.titles["en"]) for lesson in COURSE.lessons] == labels[1:-2]
    await user.send("/continue")
    completion = await user.wait_reply()
    assert t("course-finished", course=COURSE.titles["en"]) in completion.text, "/continue never reopens a last card"


async def test_progress_survives_a_restart(run_seeded_bot: RunBot, sandbox: BotApiSandbox) -> None:
    t = I18N.translator("fr")
    user = sandbox.user(user_id=5003, language_code="fr")
    async with run_seeded_bot():
        await verify(user)
        await open_course(user, COURSE, "fr")
        await user.press(t("course-start"))
        await user.wait_reply()
        await user.press(t("card-next"))
        assert position_line("fr", 1, 2) in (await user.wait_reply()).text

    async with run_seeded_bot():
        await user.send("/continue")
        resumed = await user.wait_reply()
        assert position_line("fr", 1, 2) in resumed.text
        assert COURSE.lessons[0].titles["fr"] in resumed.text


async def test_language_switch_mid_course_keeps_the_place(bot, sandbox: BotApiSandbox) -> None:
    en, es = I18N.translator("en"), I18N.translator("es")
    user = sandbox.user(user_id=5004, language_code="en")
    await verify(user)
    await user.send("/continue")
    await user.wait_reply()
    await user.press(COURSE.titles["en"])
    await user.wait_reply()
    await user.press(en("course-start"))
    await user.wait_reply()
    await user.press(en("card-next"))
    await user.wait_reply()

    await user.send("/language")
    picker = await user.wait_reply()
    assert picker.button_labels() == ["العربية", "✓ English", "Español", "Français"], "the language in use is marked"
    answer = await user.press("Español")
    assert answer.text == es("language-changed")
    changed = await user.wait_reply()
    assert es("language-changed") in changed.text
    assert changed.button_labels()[1] == es("menu-courses")

    scoped = [call for call in sandbox.calls_of("setMyCommands") if (call.params.get("scope") or {}).get("type") == "chat"]
    assert scoped and scoped[-1].params["scope"]["chat_id"] == 5004
    assert [c["description"] for c in scoped[-1].params["commands"]][0] == es("command-start")

    await user.press(es("menu-continue"))
    card = await user.wait_reply()
    assert position_line("es", 1, 2) in card.text
    assert COURSE.lessons[0].titles["es"] in card.text
    assert card.button_labels()[:2] == [es("card-back"), es("card-next")], "the card seen in English, now in Spanish"

    await user.send("/start")
    assert es("welcome", name=user.profile.first_name).splitlines()[0] in (await user.wait_reply()).text
    await user.send("/language")
    assert (await user.wait_reply()).button_labels() == ["العربية", "English", "✓ Español", "Français"]


async def test_unsupported_language_falls_back_to_english(bot, sandbox: BotApiSandbox) -> None:
    user = sandbox.user(user_id=5005, language_code="pt-br")
    await user.send("/help")
    reply = await user.wait_reply()
    assert reply.text == I18N.format("en", "help")


async def test_command_menus_are_published_per_language(bot, sandbox: BotApiSandbox) -> None:
    published = {call.params.get("language_code") for call in sandbox.calls_of("setMyCommands")}
    assert published >= {"ar", "en", "es", "fr", None}
    arabic = next(c for c in sandbox.calls_of("setMyCommands") if c.params.get("language_code") == "ar")
    assert [c["command"] for c in arabic.params["commands"]] == [
        "start", "courses", "continue", "review", "reminders", "certificates", "verify", "language", "mydata",
        "deleteme", "help"
    ]
