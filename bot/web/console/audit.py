"""The audit log: filter by action and dates, page through it, export what the filter shows."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from aiohttp import web

from bot.services.audit import EXPORT_COLUMNS
from bot.web.console.downloads import csv_download
from bot.web.console.officers import page_number
from bot.web.console.site import render, services, unit, user


def routes() -> list[web.RouteDef]:
    return [web.get("/audit", _audit), web.get("/audit.csv", _export)]


def _filter(request: web.Request) -> dict[str, object]:
    """action, since (the first day, 00:00 UTC) and until (the day after the last) from the query."""
    action = request.query.get("action", "")[:32] or None
    return {"action": action, "since": _day(request.query.get("from")),
            "until": (day + timedelta(days=1)) if (day := _day(request.query.get("to"))) else None}


def _day(raw: str | None) -> datetime | None:
    try:
        day = date.fromisoformat(raw or "")
    except ValueError:
        return None
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


async def _audit(request: web.Request) -> web.Response:
    app_services, session = services(request), unit(request).session
    chosen = _filter(request)
    page = await app_services.audit.search(session, page=page_number(request), **chosen)
    return render(request, "audit.html", page=page, actions=await app_services.audit.actions(session),
                  action=chosen["action"] or "", since=request.query.get("from", "")[:10] if chosen["since"] else "",
                  until=request.query.get("to", "")[:10] if chosen["until"] else "")


async def _export(request: web.Request) -> web.Response:
    app_services, session = services(request), unit(request).session
    records = await app_services.audit.export_rows(session, **_filter(request))
    app_services.audit.record(session, user(request).actor, "console.export", None, "audit")
    stamp = app_services.clock().strftime("%Y%m%d")
    return csv_download(f"learnbot-audit-{stamp}.csv", EXPORT_COLUMNS, (record.export_row() for record in records))
