"""build_application: PTB on top of the services, with every handler registered in one ordered list."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ApplicationBuilder, ContextTypes, TypeHandler

from bot.context import CustomContext, LearnbotApplication, PerPersonUpdateProcessor
from bot.delivery import DeliveryGovernor, DeliveryLimits
from bot.handlers import (
    announcement_reviews,
    announcements,
    assignments,
    awaiting,
    certificates,
    console,
    errors,
    fallback,
    language,
    lessons,
    manager,
    membership,
    menu,
    privacy,
    quiz,
    reminders,
    stats,
    verification,
)
from bot.handlers.common import identify_officer
from bot.services.clock import Clock, utc_now
from bot.settings import Settings
from bot.storage.database import current_unit
from bot.wiring import Services, build_services


def build_application(settings: Settings, *, clock: Clock = utc_now, services: Services | None = None) -> LearnbotApplication:
    """A ready Application (not started: see bot.lifecycle); raises ContentError, LocaleError or SettingsError.

    Webhook mode (settings.webhook_url) has no Updater: the web server feeds the update queue.
    """
    settings.require_runtime_secrets()
    assert settings.token is not None
    services = services or build_services(settings, clock=clock)

    async def mark_unreachable(chat_id: int) -> None:
        async with services.unit_of_work() as unit:
            await services.officers.mark_unreachable(unit.session, chat_id)

    governor = DeliveryGovernor(DeliveryLimits.from_settings(settings), services.metrics,
                                before_send=_commit_current_unit, on_unreachable=mark_unreachable)
    builder = (
        ApplicationBuilder()
        .token(settings.token.get_secret_value())
        .base_url(settings.api_base_url)
        .base_file_url(settings.api_base_file_url)
        .application_class(LearnbotApplication, kwargs={"services": services})
        .context_types(ContextTypes(context=CustomContext))
        .concurrent_updates(PerPersonUpdateProcessor(settings.max_concurrent_updates))
        .rate_limiter(governor)
    )
    if settings.webhook_url:
        builder = builder.updater(None)
    application: LearnbotApplication = builder.build()
    register_handlers(application)
    return application


async def _commit_current_unit() -> None:
    """State first, then messages: what the update decided is committed before a Bot API call leaves."""
    unit = current_unit.get()
    if unit is not None:
        await unit.commit()


def register_handlers(application: LearnbotApplication) -> None:
    """Every handler, in order. Note: order matters, the first matching handler of a group wins."""
    # Group -2 runs before everything: know who is asking (and register them) for every update.
    application.add_handler(TypeHandler(Update, identify_officer), group=-2)
    # Group -1: an answer the bot asked for (a time, an announcement, a due date) is taken before any
    # feature could read it as something else (a document as a personnel list, text as unknown).
    application.add_handlers(awaiting.build_handlers({**reminders.ANSWERS, **announcements.ANSWERS,
                                                      **assignments.ANSWERS}), group=-1)
    # Group 0: features first, each owning its commands and callback prefixes.
    application.add_handlers(menu.build_handlers())
    application.add_handlers(language.build_handlers())
    # Before lessons and the fallback: contacts and invite-code-shaped text are verification.
    application.add_handlers(verification.build_handlers())
    application.add_handlers(lessons.build_handlers())
    application.add_handlers(quiz.build_handlers())
    application.add_handlers(certificates.build_handlers())
    application.add_handlers(privacy.build_handlers())
    application.add_handlers(stats.build_handlers())
    # Commands of their own and capital-letter callback prefixes (bot/callback_data.py): no overlap above.
    application.add_handlers(reminders.build_handlers())
    application.add_handlers(assignments.build_handlers())
    application.add_handlers(announcements.build_handlers())
    # A recipient's Acknowledge button: any officer may press it, so not behind the managers' gate.
    application.add_handlers(announcement_reviews.build_handlers())
    # Managers' document handler must come before the fallback's "unsupported media".
    application.add_handlers(manager.build_handlers())
    application.add_handlers(console.build_handlers())
    # Blocking and restarting the bot: not a message, so no feature above takes it.
    application.add_handlers(membership.build_handlers())
    # Last: whatever no feature took (unknown commands, text, media, edits, forged buttons).
    application.add_handlers(fallback.build_handlers())
    application.add_error_handler(errors.handle_error)  # type: ignore[arg-type]
