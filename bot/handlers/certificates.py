"""Certificates: the PDF, /verify for anyone, the holder's choice to show their name, revocation."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, InputFile, Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot.callback_data import SendCertificate, ShowName, handles, parse
from bot.certificate_pdf import CertificateText, render_certificate
from bot.context import CustomContext
from bot.formatting import clean_input, escape
from bot.handlers.common import command, gated, requires, show
from bot.keyboards import button
from bot.services.access import Role
from bot.services.certificates import Validity
from bot.storage.models import Certificate


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [
        command("verify", _handle_verify),  # anyone, verified or not: employers and colleagues check codes
        command("revoke_certificate", requires(Role.MANAGER)(_handle_revoke)),
        CallbackQueryHandler(gated(_handle_certificate_button), pattern=handles(ShowName, SendCertificate)),
    ]


async def send_certificate(context: CustomContext, chat_id: int, certificate: Certificate) -> None:
    """The PDF in the officer's language, with the name-visibility switch under it."""
    t = context.t
    course = context.catalogue.course(certificate.course_id)
    course_title = course.titles[t.locale] if course else certificate.course_id
    text = CertificateText(
        title=t("certificate-title"),
        body=t("certificate-body"),
        course=course_title,
        holder=t("certificate-holder", name=certificate.holder_name) if certificate.holder_name else None,
        date=t("certificate-date", date=certificate.issued_at.strftime("%Y-%m-%d")),
        score=t("certificate-score", percent=certificate.score_percent),
        code=t("certificate-code", code=certificate.code),
        verify_hint=t("certificate-verify-hint", code=certificate.code),
        rtl=t.rtl,
    )
    document = InputFile(render_certificate(text), filename=f"certificate-{certificate.code}.pdf")
    await context.bot.send_document(
        chat_id, document, caption=t("certificate-caption", code=certificate.code, course=course_title),
        reply_markup=_name_keyboard(certificate, context),
    )


def _name_keyboard(certificate: Certificate, context: CustomContext) -> InlineKeyboardMarkup:
    t = context.t
    assert certificate.id is not None
    if certificate.show_name:
        return InlineKeyboardMarkup([[button(t("certificate-hide-name"), ShowName(certificate.id, False))]])
    return InlineKeyboardMarkup([[button(t("certificate-show-name"), ShowName(certificate.id, True))]])


async def _handle_verify(update: Update, context: CustomContext) -> None:
    t = context.t
    if not context.args:
        await show(update, context, escape(t("verify-usage")))
        return
    assert context.officer is not None
    if not await context.services.access.may_look_up_certificate(context.db, context.officer):
        await show(update, context, escape(t("certificate-lookups-limit")))
        return
    code = clean_input(" ".join(context.args))
    verification = await context.services.certificates.verify(context.db, code)
    certificate = verification.certificate
    if certificate is None:
        await show(update, context, escape(t("verify-unknown", code=code[:40])))
        return
    course = context.catalogue.course(certificate.course_id)
    details = {
        "code": certificate.code,
        "course": course.titles[t.locale] if course else certificate.course_id,
        "date": certificate.issued_at.strftime("%Y-%m-%d"),
    }
    if verification.validity is Validity.REVOKED:
        await show(update, context, escape(t("verify-revoked", **details)))
        return
    lines = [t("verify-valid", **details)]
    if verification.holder_name:
        lines.append(t("verify-valid-holder", name=verification.holder_name))
    await show(update, context, escape("\n".join(lines)))


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
            certificate = await context.services.certificates.held(context.db, context.officer, course_id)
            if certificate is None:
                await query.answer(t("stale-button"))
                return
            await query.answer()
            await send_certificate(context, context.officer.telegram_id, certificate)


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
