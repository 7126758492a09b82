"""Officers: the searchable list, one officer's page, unbinding, invite codes, and (administrators) roles."""

from __future__ import annotations

import logging

from aiohttp import web
from telegram.error import TelegramError

from bot.commands import show_commands_in_chat
from bot.web.console.overview import filter_choices, officer_filter
from bot.web.console.site import APPLICATION, render, requires_admin, see_other, services, unit, user

log = logging.getLogger(__name__)
NOTICES = ("unbound", "not-bound", "role-granted", "role-revoked")


def routes() -> list[web.RouteDef]:
    return [
        web.get("/officers", _officers),
        web.get("/officer", _officer),
        web.post("/officer/unbind", _unbind),
        web.post("/officer/invite", _invite),
        web.post("/officer/role", _role),
        web.get("/roles", _roles),
    ]


def page_number(request: web.Request) -> int:
    raw = request.query.get("page", "1")
    return int(raw) if raw.isdigit() and len(raw) < 7 else 1


async def _officers(request: web.Request) -> web.Response:
    session, selected = unit(request).session, officer_filter(request)
    query = request.query.get("q", "")[:100]
    page = await services(request).roster.search(session, query, selected, page_number(request))
    return render(request, "officers.html", page=page, query=query, selected=selected, **await filter_choices(request))


async def _officer(request: web.Request, *, invite: tuple[str, str] | None = None,
                   personnel_id: str | None = None) -> web.Response:
    personnel_id = personnel_id if personnel_id is not None else request.query.get("id", "")
    record = await services(request).roster.record(unit(request).session, personnel_id)
    if record is None:
        return render(request, "error.html", status=404, status_code=404)
    notice = request.query.get("notice")
    return render(request, "officer.html", record=record, invite=invite,
                  notice=notice if notice in NOTICES else None, catalogue=services(request).catalogue)


async def _unbind(request: web.Request) -> web.Response:
    personnel_id = str((await request.post()).get("id", ""))
    done = await services(request).access.unbind(unit(request).session, personnel_id, user(request).actor)
    return see_other("/officer", id=personnel_id, notice="unbound" if done else "not-bound")


async def _invite(request: web.Request) -> web.Response:
    """The code is shown once, on this response: only its hash is stored."""
    personnel_id = str((await request.post()).get("id", ""))
    created = await services(request).access.create_invite(unit(request).session, personnel_id, user(request).actor)
    if created is None:
        return render(request, "error.html", status=404, status_code=404)
    code, expires = created
    return await _officer(request, invite=(code, expires.strftime("%Y-%m-%d %H:%M UTC")), personnel_id=personnel_id)


@requires_admin
async def _role(request: web.Request) -> web.Response:
    """An administrator grants or withdraws the manager role of the account bound to a list entry."""
    form = await request.post()
    personnel_id, granted = str(form.get("id", "")), form.get("granted") == "1"
    app_services, session = services(request), unit(request).session
    record = await app_services.roster.record(session, personnel_id)
    if record is None or record.bound_account is None:
        return see_other("/officer", id=personnel_id, notice="not-bound")
    account = record.bound_account
    await app_services.access.set_manager(session, account, granted, user(request).actor)
    officer = await app_services.officers.by_telegram_id(session, account)
    if officer is not None:
        role = await app_services.access.role(session, officer)
        locale = app_services.i18n.negotiate(officer.chosen_locale, officer.telegram_locale)
        try:  # the chat's command menu follows the role; the role itself is already decided
            await show_commands_in_chat(request.config_dict[APPLICATION].bot, app_services.i18n, account, locale, role)
        except TelegramError as error:
            log.warning("console: the command menu of a chat could not be updated (%s)", type(error).__name__)
    return see_other("/officer", id=personnel_id, notice="role-granted" if granted else "role-revoked")


@requires_admin
async def _roles(request: web.Request) -> web.Response:
    managers = await services(request).roster.managers(unit(request).session)
    return render(request, "roles.html", managers=managers, admins=len(services(request).settings.admin_ids))
