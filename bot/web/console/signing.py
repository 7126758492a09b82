"""Signing in with the one-time link from the chat, signing out, and the console's language."""

from __future__ import annotations

from aiohttp import web

from bot.services.console import LinkState, SessionEnd
from bot.web.console.site import (
    COOKIE,
    PREFIX,
    public,
    render,
    see_other,
    services,
    set_session_cookie,
    unit,
    user,
)


def routes() -> list[web.RouteDef]:
    return [
        web.get("/sign-in/{token}", _open_link),
        web.post("/sign-in/{token}", _use_link),
        web.get("/signed-out", _signed_out),
        web.post("/sign-out", _sign_out),
        web.post("/language", _choose_language),
    ]


@public
async def _open_link(request: web.Request) -> web.Response:
    """Opening the link only shows a button: link previews and scanners that fetch it do not use it up."""
    state = await services(request).console.inspect_link(unit(request).session, request.match_info["token"])
    if state is not LinkState.VALID:
        return render(request, "link.html", status=_STATUS[state], state=state.value)
    return render(request, "sign_in.html", token=request.match_info["token"])


@public
async def _use_link(request: web.Request) -> web.Response:
    state, token = await services(request).console.redeem_link(unit(request).session, request.match_info["token"])
    if token is None:
        return render(request, "link.html", status=_STATUS[state], state=state.value)
    response = see_other("/")
    set_session_cookie(request, response, token)
    return response


@public
async def _signed_out(request: web.Request) -> web.Response:
    """Why there is no session (none yet, signed out, idle, no longer a manager), and how to get one."""
    why = request.query.get("why", SessionEnd.MISSING.value)
    reasons = {end.value for end in SessionEnd}
    return render(request, "signed_out.html", status=401, why=why if why in reasons else SessionEnd.MISSING.value,
                  hours=services(request).settings.console_idle_hours)


async def _sign_out(request: web.Request) -> web.Response:
    await services(request).console.sign_out(unit(request).session, user(request))
    response = see_other("/signed-out", why=SessionEnd.SIGNED_OUT.value)
    response.del_cookie(COOKIE, path=PREFIX)
    return response


async def _choose_language(request: web.Request) -> web.Response:
    form = await request.post()
    locale = str(form.get("locale", ""))
    console = services(request).console
    if locale in services(request).i18n.locales:
        await console.choose_locale(unit(request).session, user(request), locale)
    back = str(form.get("back", "/"))
    # Only a path inside the console: never an address elsewhere (an open redirect).
    back = back.removeprefix(PREFIX) if back.startswith(f"{PREFIX}/") and not back.startswith("//") else "/"
    return web.Response(status=303, headers={"Location": f"{PREFIX}{back}"})


_STATUS = {LinkState.USED: 410, LinkState.EXPIRED: 410, LinkState.UNKNOWN: 404, LinkState.NOT_MANAGER: 403,
           LinkState.VALID: 200}
