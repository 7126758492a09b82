"""The first page: officers verified and active, lessons this week, each course's results, weeks in a chart."""

from __future__ import annotations

from aiohttp import web

from bot.services.selection import OfficerFilter
from bot.web.console.chart import bar_chart
from bot.web.console.site import render, services, unit


def routes() -> list[web.RouteDef]:
    return [web.get("/", _overview)]


def officer_filter(request: web.Request) -> OfficerFilter:
    """The figures' and lists' filter from the query (country; a cohort is added the same way)."""
    country = request.query.get("country", "").strip().upper()[:2]
    return OfficerFilter(country=country or None)


async def _overview(request: web.Request) -> web.Response:
    session, selected = unit(request).session, officer_filter(request)
    figures = await services(request).overview.overview(session, selected)
    chart = bar_chart([week.lessons_completed for week in figures.weeks],
                      [week.start.strftime("%m-%d") for week in figures.weeks])
    return render(request, "overview.html", figures=figures, chart=chart, selected=selected,
                  countries=await services(request).overview.countries(session))
