"""Certificates through the sandbox: sent after the result, a QR code that opens their verification, expiry,
/certificates, a delivery that failed and comes again, and codes that cannot be mistaken for invites."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pypdfium2
import pytest
import zxingcpp
from pypdf import PdfReader

from bot.demo import _act
from bot.logs import HELD_BACK, hold_back_library_loggers
from bot.sandbox import BotApiSandbox, SandboxMessage, SandboxUser
from tests.integration.conftest import I18N, MovableClock, RunBot, plain_words, quiz_content, settle, verify
from tests.integration.quiz_support import COURSE, answer, begin_final, is_result, run_quiz

ORGANISATION = "Police Training Unit — learnbot"
BOT = "learnbot_test_bot"


def pdf_of(sandbox: BotApiSandbox, message: SandboxMessage) -> bytes:
    assert message.document is not None and message.document["file_name"].endswith(".pdf")
    return sandbox.bot_state().files[message.document["file_id"]].content


def code_of(message: SandboxMessage) -> str:
    return message.document["file_name"].removeprefix("certificate-").removesuffix(".pdf")


def qr_codes(pdf: bytes) -> list[str]:
    """What a phone camera reads on the certificate: the page rendered, its QR codes decoded."""
    page = pypdfium2.PdfDocument(pdf)[0]
    return [barcode.text for barcode in zxingcpp.read_barcodes(page.render(scale=2).to_pil())]


async def pass_final(user: SandboxUser, locale: str) -> tuple[SandboxMessage, SandboxMessage]:
    """Pass the final quiz; returns the result screen and the certificate that followed it."""
    await verify(user)
    await begin_final(user, locale=locale)
    run = await run_quiz(user, right=True, locale=locale)
    [certificate] = run.documents
    return run.result, certificate


@pytest.fixture
def logging_as_run() -> Iterator[None]:
    """Library loggers held back as `learnbot run` holds them; restored afterwards."""
    saved = {name: logging.getLogger(name).level for name in HELD_BACK}
    hold_back_library_loggers("INFO")
    yield
    for name, level in saved.items():
        logging.getLogger(name).setLevel(level)


@pytest.mark.parametrize("locale", ["en", "ar"])
async def test_certificate_follows_the_result_and_its_qr_code_opens_the_verification(
    run_seeded_bot: RunBot, sandbox: BotApiSandbox, clock: MovableClock, locale: str, caplog, logging_as_run
) -> None:
    caplog.set_level(logging.INFO)
    t = I18N.translator(locale)
    content = quiz_content(extra="certificate_valid_months = 24")
    async with run_seeded_bot(content, organisation_name=ORGANISATION):
        user = sandbox.user(user_id=5012 if locale == "en" else 6012, language_code=locale)
        result, certificate = await pass_final(user, locale)
        events = [(e.kind, e.message.message_id) for e in user.transcript if e.kind in ("edit", "message")]
        assert events.index(("edit", result.message_id)) < events.index(("message", certificate.message_id)), (
            "the certificate is sent after the result screen")
        assert t("quiz-certificate-follows") in result.text

        code = code_of(certificate)
        link = f"https://t.me/{BOT}?start=verify-{code}"
        pdf = pdf_of(sandbox, certificate)
        assert qr_codes(pdf) == [link]
        text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
        for expected in (ORGANISATION, f"@{BOT}", f"/verify {code}", link, "Officer"):
            assert expected in text, expected
        assert f"P-{user.id}" not in text, "the personnel id is printed only when the settings say so"
        assert t("certificate-title") in text
        # A course that does not require its lessons certifies the assessment only.
        words, assessment = plain_words(text), plain_words(t("certificate-achievement-assessment", percent=100,
                                                                **{"pass": 80}))
        if t.rtl:  # text extraction reorders right-to-left lines: look for the words that say it
            assert "التقييم النهائي" in words and "أتمّ" not in words
        else:
            assert assessment in words
        assert not [r for r in caplog.records if r.name.startswith("fontTools")], "fontTools' lines stay out of the log"

        stranger = sandbox.user(user_id=7300, language_code=locale)
        await stranger.send(f"/start verify-{code}")
        answer = await stranger.wait_reply()
        assert code in answer.text and COURSE.titles[locale] in answer.text
        assert answer.text.replace("\u200f", "").startswith(t("verify-valid", code=code, course=COURSE.titles[locale],
                                                              date="X").split("X")[0])
        clock.advance(days=2 * 366)
        await stranger.send(f"/verify {code}")
        expired = (await stranger.wait_reply()).text.replace("\u200f", "")
        assert expired.startswith(t("verify-expired-on", code=code, course=COURSE.titles[locale], date="X",
                                    expired="Y").split("X")[0]), "after its validity, /verify says it expired"


async def test_the_personnel_id_is_printed_when_the_settings_say_so(run_seeded_bot: RunBot, sandbox: BotApiSandbox) -> None:
    async with run_seeded_bot(quiz_content(), certificate_personnel_id=True):
        _, certificate = await pass_final(sandbox.user(user_id=5013, language_code="fr"), "fr")
        text = PdfReader(io.BytesIO(pdf_of(sandbox, certificate))).pages[0].extract_text()
        assert I18N.format("fr", "certificate-personnel-id", id="P-5013") in text


async def test_a_certificate_that_failed_to_send_comes_with_certificates(
    run_seeded_bot: RunBot, sandbox: BotApiSandbox
) -> None:
    t = I18N.translator("en")
    async with run_seeded_bot(quiz_content()) as bot:
        user = sandbox.user(user_id=5014, language_code="en")
        await verify(user)
        await begin_final(user)
        screen = user.last_message
        while not is_result(screen):
            _, screen = await answer(user, right=True)
        sandbox.block(user.id)  # the moment the result appears, before the PDF leaves
        await settle(bot)
        assert not [m for m in user.messages if m.document], "the PDF could not be sent"
        assert [c for c in sandbox.calls_of("sendDocument") if not c.ok], "and the bot did try"

        await user.send("/certificates")  # writing to the bot again unblocks it, as in Telegram
        listing = await user.wait_reply()
        assert t("certificates-title") in listing.text and COURSE.titles["en"] in listing.text
        resent = await user.wait_reply()
        assert resent.document is not None, "the undelivered certificate comes now"
        code = code_of(resent)
        assert code in listing.text

        await user.send("/certificates")
        await user.wait_reply()
        await user.expect_silence(0.5)  # delivered: listed, not sent again unasked
        await user.press(t("certificates-get", course=COURSE.titles["en"]))
        again = await user.wait_reply()
        assert again.document is not None and code_of(again) == code, "the button gets the PDF again"


async def test_certificate_and_invite_codes_cannot_be_confused(run_seeded_bot: RunBot, sandbox: BotApiSandbox) -> None:
    t = I18N.translator("en")
    async with run_seeded_bot(quiz_content()) as bot:
        manager = sandbox.user(user_id=5010, language_code="en")
        await verify(manager)
        await manager.send("/invite P-5016")
        invite = next(word for word in (await manager.wait_reply()).text.split() if word.startswith("IN-"))
        await settle(bot)

        stranger = sandbox.user(user_id=7301, language_code="en")
        await stranger.send(f"/verify {invite}")
        assert (await stranger.wait_reply()).text == t("verify-invite-code")

        officer = sandbox.user(user_id=5015, language_code="en")
        _, certificate = await pass_final(officer, "en")
        code = code_of(certificate)
        assert code.startswith("LB-") and invite.startswith("IN-")
        await settle(bot)
        await stranger.send(code.lower())  # a code sent without /verify is checked all the same
        assert code in (await stranger.wait_reply()).text



async def test_the_demo_keys_tell_the_result_buttons_from_the_certificate_buttons(
    run_seeded_bot: RunBot, sandbox: BotApiSandbox
) -> None:
    t = I18N.translator("en")
    async with run_seeded_bot(quiz_content()):
        officer = sandbox.user(user_id=5016, language_code="en")
        result, certificate = await pass_final(officer, "en")
        assert result.button_labels()[0] == t("back-to-course") and certificate.button_labels()
        await _act(officer, "1")  # the result's first button, not the file's that came after it
        assert COURSE.summaries["en"] in (await officer.wait_reply()).text
        await _act(officer, "f1")  # "f1": the file's first button
        switched = await officer.wait_reply()
        assert switched.message_id == certificate.message_id
        assert switched.button_labels() == [t("certificate-hide-name")]


async def test_server_errors_on_the_certificate_keep_the_pass_and_it_is_delivered_later(
    run_seeded_bot: RunBot, sandbox: BotApiSandbox
) -> None:
    t = I18N.translator("en")
    async with run_seeded_bot(quiz_content(), send_backoff_seconds=0.05) as bot:
        user = sandbox.user(user_id=5015, language_code="en")
        await verify(user)
        await begin_final(user)
        retries = bot.services.settings.send_retries
        failing = sandbox.faults.add("5xx", method="sendDocument", status=502, count=retries + 1)
        screen = user.last_message
        while not is_result(screen):
            _, screen = await answer(user, right=True)
        await settle(bot)
        assert failing.fired == retries + 1, "the governor retried the 502s, then gave up"
        assert t("quiz-passed") in screen.text
        assert not [m for m in user.messages if m.document]
        assert not any(t("error-generic") in (m.text or "") for m in user.messages), "no apology: nothing was lost"

        await user.send("/certificates")
        listing = await user.wait_reply()
        assert COURSE.titles["en"] in listing.text, "the pass survived the failed send"
        resent = await user.wait_reply()
        assert resent.document is not None, "and the certificate comes now"
