"""Filters of /stats and /export: everyone, one cohort, or one country of the personnel list."""

from __future__ import annotations

from dataclasses import dataclass

from telegram import InlineKeyboardMarkup

from bot.callback_data import StatsFilter
from bot.context import CustomContext
from bot.i18n import Translator
from bot.keyboards import button


@dataclass(frozen=True, slots=True)
class Chosen:
    """A filter: its encoded value (a, c<cohort>, n<country>), label and officers (None: everyone)."""

    value: str
    label: str
    officers: set[int] | None


def filter_keyboard(t: Translator, value: str) -> InlineKeyboardMarkup:
    rows = [[button(t("stats-by-cohort"), StatsFilter("c")), button(t("stats-by-country"), StatsFilter("n"))]]
    if value != "a":
        rows.append([button(t("stats-everyone"), StatsFilter("s", "a")),
                     button(t("stats-export-these"), StatsFilter("e", value))])
    return InlineKeyboardMarkup(rows)


async def choices_keyboard(context: CustomContext, kind: str) -> InlineKeyboardMarkup:
    services = context.services
    if kind == "c":
        choices = [(f"{c.name[:50]} ({c.members})", f"c{c.id}") for c in await services.cohorts.cohorts(context.db)]
    else:
        choices = [(country, f"n{country}") for country in await services.cohorts.countries(context.db)]
    buttons = [button(label, StatsFilter("s", value)) for label, value in choices]
    return InlineKeyboardMarkup([buttons[i:i + 2] for i in range(0, len(buttons), 2)]
                                + [[button(context.t("stats-everyone"), StatsFilter("s", "a"))]])


async def resolve(context: CustomContext, value: str) -> Chosen | None:
    """The filter an encoded value names, or None when it no longer exists."""
    cohorts = context.services.cohorts
    if value == "a":
        return Chosen("a", "", None)
    if value.startswith("c") and value[1:].isdigit():
        cohort = await cohorts.cohort(context.db, int(value[1:]))
        if cohort is None:
            return None
        label = context.t("stats-filter-cohort", name=cohort.name)
        return Chosen(value, label, await cohorts.officer_ids(context.db, cohort_id=cohort.id))
    if value.startswith("n") and len(value) == 3 and value[1:] in await cohorts.countries(context.db):
        label = context.t("stats-filter-country", country=value[1:])
        return Chosen(value, label, await cohorts.officer_ids(context.db, country=value[1:]))
    return None
