"""Certificates: the PDF, /certificates, /verify for anyone, the holder's choice to show their name, revocation."""

from __future__ import annotations

import logging
from datetime import datetime

from babel.dates import format_date
from telegram import InlineKeyboardMarkup, InputFile, Message, Update
from telegram.error import TelegramError
from telegram.ext import BaseHandler, CallbackQueryHandler, MessageHandler, filters

from bot.callback_data import SendCertificate, ShowName, handles, parse
from bot.certificate_pdf import CertificateText, render_certificate
from bot.context import CustomContext
from bot.formatting import clean_input, escape
from bot.handlers.common import PRIVATE_MESSAGES, command, gated, main_menu, requires, show
from bot.handlers.verification import looks_like_invite
from bot.i18n import Translator
from bot.keyboards import button, menu_button_row
from bot.services.access import Role
from bot.services.certificates import VERIFY_LINK_PREFIX, IssuedCertificate, Validity, looks_like_certificate_code
from bot.services.learning import study_minutes

log = logging.getLogger(__name__)
DATE = "%Y-%m-%d"


class _CertificateCode(filters.MessageFilter):
    """Text that is a certificate code alone (LB-XXXXX-XXXXX), sent without /verify."""

    def filter(self, message: Message) -> bool:
        return message.text is not None and looks_like_certificate_code(clean_input(message.text))


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [
        command("verify", _handle_verify),  # anyone, verified or not: employers and colleagues check codes
        MessageHandler(PRIVATE_MESSAGES & filters.TEXT & ~filters.COMMAND & _CertificateCode(), _handle_typed_code),
        command("certificates", gated(_handle_certificates)),
        command("revoke_certificate", requires(Role.MANAGER)(_handle_revoke)),
        CallbackQueryHandler(gated(_handle_certificate_button), pattern=handles(ShowName, SendCertificate)),
    ]


def verification_link(bot_username: str, code: str) -> str:
    """Opening it starts the bot on the certificate's verification answer."""
    return f"https://t.me/{bot_username}?start={VERIFY_LINK_PREFIX}{code}"


async def send_certificate(context: CustomContext, certificate: IssuedCertificate) -> bool:
    """The PDF in the officer's language, with the name-visibility switch under it; delivery is recorded.

    A failed send loses nothing: the certificate stays undelivered and comes again with the next
    result screen or /certificates.
    """
    t, services, officer = context.t, context.services, context.officer
    assert officer is not None
    if context.settings.certificate_personnel_id:
        certificate = await services.certificates.with_personnel_id(context.db, officer, certificate)
    course = context.catalogue.course(certificate.course_id)
    course_title = course.titles[t.locale] if course else certificate.course_id
    document = InputFile(render_certificate(_certificate_text(context, certificate)),
                         filename=f"certificate-{certificate.code}.pdf")
    try:
        await context.bot.send_document(
            officer.telegram_id, document, caption=t("certificate-caption", code=certificate.code, course=course_title),
            reply_markup=_name_keyboard(certificate, context),
        )
    except TelegramError as error:
        log.warning("certificate %s not delivered: %s", certificate.id, type(error).__name__)
        return False
    await services.certificates.mark_delivered(context.db, certificate.id)
    return True


def _certificate_text(context: CustomContext, certificate: IssuedCertificate) -> CertificateText:
    t, username = context.t, context.bot.username
    course = context.catalogue.course(certificate.course_id)
    title = course.titles[t.locale] if course else certificate.course_id
    issued = format_date(certificate.issued_at.date(), "long", locale=t.locale)
    dates = t("certificate-issued", date=issued)
    if certificate.expires_at is not None:
        expires = format_date(certificate.expires_at.date(), "long", locale=t.locale)
        dates = t("certificate-issued-valid-until", date=issued, expires=expires)
    pass_mark = course.quiz.pass_mark if course else 0
    return CertificateText(
        issuer=t("certificate-issuer", organisation=context.settings.organisation_name, bot=f"@{username}"),
        title=t("certificate-title"),
        statement=t("certificate-statement"),
        holder=certificate.holder_name or t("certificate-holder-unnamed"),
        # Only a course that opens its final quiz after every lesson certifies the lessons too.
        achievement=t("certificate-achievement", lessons=len(course.lessons), percent=certificate.score_percent,
                      **{"pass": pass_mark}) if course and course.quiz.require_lessons else
        t("certificate-achievement-assessment", percent=certificate.score_percent, **{"pass": pass_mark}),
        course=t("certificate-course", course=title, minutes=study_minutes(course) if course else 0),
        dates=dates,
        personnel=t("certificate-personnel-id", id=certificate.personnel_id) if certificate.personnel_id else None,
        code=t("certificate-code", code=certificate.code),
        verify_command=f"/verify {certificate.code}",
        verify_hint=t("certificate-verify-hint", bot=f"@{username}"),
        verify_link=verification_link(username, certificate.code),
        rtl=t.rtl,
    )


def _name_keyboard(certificate: IssuedCertificate, context: CustomContext) -> InlineKeyboardMarkup:
    t = context.t
    if certificate.show_name:
        return InlineKeyboardMarkup([[button(t("certificate-hide-name"), ShowName(certificate.id, False))]])
    return InlineKeyboardMarkup([[button(t("certificate-show-name"), ShowName(certificate.id, True))]])


async def _handle_verify(update: Update, context: CustomContext) -> None:
    if not context.args:
        await show(update, context, escape(context.t("verify-usage")))
        return
    await answer_verification(update, context, clean_input(" ".join(context.args)))


async def _handle_typed_code(update: Update, context: CustomContext) -> None:
    message = update.effective_message
    assert message is not None and message.text is not None
    await answer_verification(update, context, clean_input(message.text))


async def answer_verification(update: Update, context: CustomContext, code: str) -> None:
    """What anyone learns about a certificate code (typed after /verify, or carried by its link)."""
    t = context.t
    if looks_like_invite(code):
        await show(update, context, escape(t("verify-invite-code")))
        return
    assert context.officer is not None
    if not await context.services.access.may_look_up_certificate(context.db, context.officer):
        await show(update, context, escape(t("certificate-lookups-limit")))
        return
    verification = await context.services.certificates.verify(context.db, code)
    certificate = verification.certificate
    if certificate is None:
        await show(update, context, escape(t("verify-unknown", code=code[:40])))
        return
    course = context.catalogue.course(certificate.course_id)
    details = {
        "code": certificate.code,
        "course": course.titles[t.locale] if course else certificate.course_id,
        "date": certificate.issued_at.strftime(DATE),
    }
    if verification.validity is Validity.REVOKED:
        await show(update, context, escape(t("verify-revoked", **details)))
        return
    if verification.validity is Validity.EXPIRED:
        assert certificate.expires_at is not None
        lines = [t("verify-expired-on", expired=certificate.expires_at.strftime(DATE), **details)]
    else:
        lines = [t("verify-valid", **details)]
        if certificate.expires_at is not None:
            lines.append(t("verify-valid-until", date=certificate.expires_at.strftime(DATE)))
    if verification.holder_name:
        lines.append(t("verify-valid-holder", name=verification.holder_name))
    await show(update, context, escape("\n".join(lines)))


async def _handle_certificates(update: Update, context: CustomContext) -> None:
    """The officer's certificates, a button to get each PDF again; any not yet delivered are sent now."""
    assert context.officer is not None
    t, officer = context.t, context.officer
    certificates = await context.services.certificates.of_officer(context.db, officer)
    if not certificates:
        await show(update, context, escape(t("certificates-none")), await main_menu(context))
        return
    now, lines, rows = context.services.clock(), [f"<b>{escape(t('certificates-title'))}</b>"], []
    for certificate in certificates:
        course = context.catalogue.course(certificate.course_id)
        title = course.titles[t.locale] if course else certificate.course_id
        lines.append(escape(t("certificates-line", course=title, code=certificate.code,
                              date=certificate.issued_at.strftime(DATE), status=_status(certificate, now, t))))
        if certificate.revoked_at is None and course is not None:
            rows.append([button(t("certificates-get", course=title), SendCertificate(certificate.course_id))])
    await show(update, context, "\n".join(lines), InlineKeyboardMarkup([*rows, menu_button_row(t)]))
    for certificate in certificates:
        if certificate.delivered_at is None and certificate.revoked_at is None:
            await send_certificate(context, certificate)


def _status(certificate: IssuedCertificate, now: datetime, t: Translator) -> str:
    expires = certificate.expires_at.strftime(DATE) if certificate.expires_at else None
    match certificate.validity(now):
        case Validity.REVOKED:
            return t("certificates-revoked")
        case Validity.EXPIRED:
            return t("certificates-expired", date=expires)
    return t("certificates-valid-until", date=expires) if expires else t("certificates-valid")


async def _handle_certificate_button(update: Update, context: CustomContext) -> None:
    query = update.callback_query
    assert query is not None and context.officer is not None
    t = context.t
    match parse(query.data):
        case ShowName(certificate_id, shown):
            certificate = await context.services.certificates.set_name_shown(
                context.db, context.officer, certificate_id, shown
            )
            if certificate is None:
                await query.answer(t("stale-button"))
                return
            await query.answer(t("certificate-name-shown" if shown else "certificate-name-hidden"))
            await query.edit_message_reply_markup(_name_keyboard(certificate, context))
        case SendCertificate(course_id):
            held = await context.services.certificates.held(context.db, context.officer, course_id)
            if held is None:
                await query.answer(t("stale-button"))
                return
            await query.answer()
            await send_certificate(context, held)


async def _handle_revoke(update: Update, context: CustomContext) -> None:
    t = context.t
    if not context.args:
        await show(update, context, escape(t("revoke-certificate-usage")))
        return
    assert context.officer is not None
    code = clean_input(context.args[0])
    actor = context.services.access.actor(context.officer)
    done = await context.services.certificates.revoke(context.db, code, actor)
    await show(update, context, escape(t("revoke-certificate-done" if done else "revoke-certificate-unknown", code=code[:40])))
