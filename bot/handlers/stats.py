"""/stats and /export for course managers."""

from __future__ import annotations

from telegram import InputFile, Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot.callback_data import StatsFilter, handles
from bot.context import CustomContext
from bot.formatting import escape
from bot.handlers.common import command, requires, show
from bot.handlers.stats_filters import Chosen, choices_keyboard, filter_keyboard, resolve
from bot.i18n import Translator
from bot.services.access import Role
from bot.services.stats import CourseStats

QUESTION_PREVIEW = 80


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    manager = requires(Role.MANAGER)
    return [command("stats", manager(_handle_stats)), command("export", manager(_handle_export)),
            CallbackQueryHandler(manager(_handle_filter), pattern=handles(StatsFilter))]


async def _handle_stats(update: Update, context: CustomContext, chosen: Chosen | None = None) -> None:
    t = context.t
    among = chosen.officers if chosen else None
    blocks = [f"<i>{escape(t('stats-filtered', filter=chosen.label))}</i>"] if chosen and chosen.label else []
    for course in context.catalogue.courses:
        stats = await context.services.stats.course_stats(context.db, course, context.settings.stats_min_answers,
                                                          among)
        blocks.append("\n".join([f"<b>{escape(course.titles[t.locale])}</b>", *map(escape, _figures(stats, t))]))
    await show(update, context, "\n\n".join(blocks), filter_keyboard(t, chosen.value if chosen else "a"))


def _figures(stats: CourseStats, t: Translator) -> list[str]:
    none = t("stats-none")
    rate = none if stats.pass_rate is None else t("stats-percent", value=stats.pass_rate)
    average = none if stats.average_best_score is None else t("stats-percent", value=stats.average_best_score)
    lines = [
        " · ".join([t("stats-started", count=stats.started), t("stats-completed", count=stats.completed)]),
        " · ".join([t("stats-attempted", count=stats.attempted), t("stats-passed", count=stats.passed),
                    t("stats-pass-rate", rate=rate)]),
        t("stats-average-best", average=average),
    ]
    if stats.hardest:
        lines.append(t("stats-hardest"))
        for hard in stats.hardest:
            text = hard.question.texts[t.locale]
            text = text if len(text) <= QUESTION_PREVIEW else text[: QUESTION_PREVIEW - 1] + "…"
            lines.append("• " + t("stats-hard-question", percent=hard.correct_percent, answered=hard.answered, text=text))
    return lines


async def _handle_export(update: Update, context: CustomContext, chosen: Chosen | None = None) -> None:
    assert update.effective_chat is not None
    data = await context.services.stats.export_csv(context.db, chosen.officers if chosen else None)
    stamp = context.services.clock().strftime("%Y%m%d-%H%M")
    await context.bot.send_document(
        update.effective_chat.id, InputFile(data, filename=f"learnbot-progress-{stamp}.csv"),
        caption=context.t("export-caption"),
    )


async def _handle_filter(update: Update, context: CustomContext) -> None:
    """By cohort… / By country… list the choices; a choice shows its figures; Export sends its CSV."""
    query = update.callback_query
    action = StatsFilter.parse(query.data if query else None)
    assert query is not None and action is not None
    await query.answer()
    if action.op in ("c", "n") and not action.value:
        await show(update, context, escape(context.t("stats-choose")), await choices_keyboard(context, action.op))
        return
    chosen = await resolve(context, action.value if action.op in ("s", "e") else action.op + action.value)
    if chosen is None:
        await show(update, context, escape(context.t("stale-button")))
    elif action.op == "e":
        await _handle_export(update, context, chosen)
    else:
        await _handle_stats(update, context, chosen)
