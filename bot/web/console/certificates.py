"""The certificate register: search by code or name, revoke with a reason, export."""

from __future__ import annotations

from aiohttp import web

from bot.formatting import clean_input
from bot.services.certificates import MAX_REASON_CHARS
from bot.services.register import EXPORT_COLUMNS
from bot.web.console.downloads import csv_download
from bot.web.console.officers import page_number
from bot.web.console.site import render, see_other, services, unit, user

NOTICES = ("revoked", "not-revoked", "reason-needed")


def routes() -> list[web.RouteDef]:
    return [
        web.get("/certificates", _register),
        web.post("/certificates/revoke", _revoke),
        web.get("/certificates.csv", _export),
    ]


async def _register(request: web.Request) -> web.Response:
    query = request.query.get("q", "")[:100]
    page = await services(request).register.search(unit(request).session, query, page_number(request))
    notice = request.query.get("notice")
    return render(request, "certificates.html", page=page, query=query, catalogue=services(request).catalogue,
                  notice=notice if notice in NOTICES else None, code=request.query.get("code", "")[:40],
                  max_reason=MAX_REASON_CHARS)


async def _revoke(request: web.Request) -> web.Response:
    form = await request.post()
    code = clean_input(str(form.get("code", "")))[:40]
    reason = clean_input(str(form.get("reason", ""))).strip()[:MAX_REASON_CHARS]
    if not reason:
        return see_other("/certificates", q=code, code=code, notice="reason-needed")
    done = await services(request).certificates.revoke(unit(request).session, code, user(request).actor, reason)
    return see_other("/certificates", q=code, code=code, notice="revoked" if done else "not-revoked")


async def _export(request: web.Request) -> web.Response:
    app_services, session = services(request), unit(request).session
    query = request.query.get("q", "")[:100]
    entries = await app_services.register.export(session, query)
    app_services.audit.record(session, user(request).actor, "console.export", None, "certificates")
    stamp = app_services.clock().strftime("%Y%m%d")
    return csv_download(f"learnbot-certificates-{stamp}.csv", EXPORT_COLUMNS, (entry.export_row() for entry in entries))
