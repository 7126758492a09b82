"""The first page: officers verified and active, lessons this week, each course's results, weeks in a chart."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from bot.services.selection import OfficerFilter
from bot.web.console.chart import bar_chart
from bot.web.console.site import render, services, unit


def routes() -> list[web.RouteDef]:
    return [web.get("/", _overview)]


def officer_filter(request: web.Request) -> OfficerFilter:
    """The figures' and lists' filter from the query: a country of the list, a cohort."""
    country = request.query.get("country", "").strip().upper()[:2]
    cohort = request.query.get("cohort", "")
    return OfficerFilter(country=country or None, cohort_id=int(cohort) if cohort.isdigit() and len(cohort) < 10 else None)


async def filter_choices(request: web.Request) -> dict[str, Any]:
    """What the country and cohort filters offer."""
    session = unit(request).session
    return {"countries": await services(request).overview.countries(session),
            "cohorts": await services(request).cohorts.cohorts(session)}


async def _overview(request: web.Request) -> web.Response:
    session, selected = unit(request).session, officer_filter(request)
    figures = await services(request).overview.overview(session, selected)
    chart = bar_chart([week.lessons_completed for week in figures.weeks],
                      [week.start.strftime("%m-%d") for week in figures.weeks])
    return render(request, "overview.html", figures=figures, chart=chart, selected=selected,
                  **await filter_choices(request))
