"""What every console request passes through: a unit of work, the session, CSRF, the language, headers.

Pages are plain aiohttp handlers. `public` ones (signing in, the explanation pages, the stylesheet)
need no session; every other one gets `request[USER]`, or a redirect to a page that says why there
is none. Every POST must carry the session's CSRF token (a forged or missing one gets 403), and the
request's unit of work is committed once the page is rendered, before the response leaves.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlencode

import aiohttp_jinja2
from aiohttp import web
from markupsafe import Markup

from bot.context import LearnbotApplication
from bot.i18n import Translator
from bot.locales import SUPPORTED_LOCALES
from bot.services.access import Role
from bot.services.console import ConsoleUser, SessionEnd
from bot.storage.database import UnitOfWork

log = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
APPLICATION = web.AppKey("console-application", LearnbotApplication)
USER = web.RequestKey("console-user", ConsoleUser)
UNIT = web.RequestKey("console-unit", UnitOfWork)
TRANSLATOR = web.RequestKey("console-translator", Translator)
PAGE_CONTEXT = web.RequestKey("console-page-context", dict)
COOKIE = "learnbot_console"
PREFIX = "/console"
# The form around a list as large as the personnel service accepts; the server's 2 MiB limit is for webhook updates.
FORM_OVERHEAD_BYTES = 64 * 1024
SECURITY_HEADERS = {
    # Scripts only from the console itself (the vendored htmx), which only fetches console pages.
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; "
                               "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def when(moment: datetime | None) -> Markup:
    """A moment as managers read it in every language (2026-11-29 09:00 UTC), kept left to right in Arabic."""
    if moment is None:
        return Markup("")
    moment = moment.astimezone(UTC)
    return Markup('<time datetime="{}" dir="ltr">{}</time>').format(moment.isoformat(), moment.strftime("%Y-%m-%d %H:%M UTC"))


def day(value: date | datetime | None) -> Markup:
    if value is None:
        return Markup("")
    return Markup('<time datetime="{0}" dir="ltr">{0}</time>').format(value.strftime("%Y-%m-%d"))


TEMPLATE_FILTERS = {"when": when, "day": day}


def public(handler: Handler) -> Handler:
    """A page anyone may open: no session needed."""
    handler.console_public = True  # type: ignore[attr-defined]
    return handler


def requires_admin(handler: Handler) -> Handler:
    """A page for administrators (named in the settings) only; managers get 403."""
    handler.console_role = Role.ADMIN  # type: ignore[attr-defined]
    return handler


def services(request: web.Request) -> Any:
    return request.config_dict[APPLICATION].services


def unit(request: web.Request) -> UnitOfWork:
    return request[UNIT]


def user(request: web.Request) -> ConsoleUser:
    return request[USER]


def translator(request: web.Request) -> Translator:
    return request[TRANSLATOR]


def link(path: str, **params: object) -> str:
    """A console address with the query parameters that are set."""
    query = urlencode({key: value for key, value in params.items() if value not in (None, "", 0)})
    return f"{PREFIX}{path}{'?' + query if query else ''}"


def render(request: web.Request, template: str, status: int = 200, **context: Any) -> web.Response:
    """A page: the template with what every page shows (language, manager, CSRF token) and this page's data."""
    return aiohttp_jinja2.render_template(template, request, {**request[PAGE_CONTEXT], **context}, status=status)


def see_other(path: str, **params: object) -> web.Response:
    """After a POST: the page to show next (so reloading it does not send the form again)."""
    return web.Response(status=303, headers={"Location": link(path, **params)})


@web.middleware
async def console_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    application = request.config_dict[APPLICATION]
    max_upload = application.services.personnel.limits.max_bytes + FORM_OVERHEAD_BYTES
    if request.method == "POST":
        request = request.clone(client_max_size=max_upload)
    try:
        async with application.services.unit_of_work() as work:
            request[UNIT] = work
            response = await _guarded(request, handler)
    except web.HTTPException as error:
        if error.status >= 400 and error.status != 413:
            response = _error_page(request, error.status)
        elif error.status == 413:
            response = _error_page(request, 413, limit=max_upload // 2**20)
        else:
            raise
    except Exception:
        log.exception("console: %s %s failed", request.method, request.path)
        response = _error_page(request, 500)
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


async def _guarded(request: web.Request, handler: Handler) -> web.StreamResponse:
    """The session and CSRF checks, then the page."""
    console = services(request).console
    if getattr(handler, "console_public", False):
        _use_locale(request, (request.query.get("lang"), *_accepted_languages(request)))
        return await handler(request)
    resumed = await console.resume(unit(request).session, request.cookies.get(COOKIE))
    if isinstance(resumed, SessionEnd):
        response = see_other("/signed-out", why=resumed.value)
        if resumed is not SessionEnd.MISSING or COOKIE in request.cookies:
            response.del_cookie(COOKIE, path=PREFIX)
        return response
    request[USER] = resumed
    _use_locale(request, resumed.locale_candidates)
    if request.method == "POST":
        form = await request.post()
        if not console.csrf_valid(resumed, str(form.get("csrf", ""))):
            services(request).audit.record(unit(request).session, resumed.actor, "console.refused", None, "csrf")
            return _error_page(request, 403, csrf_refused=True)
    if resumed.role < getattr(handler, "console_role", Role.MANAGER):
        services(request).audit.record(unit(request).session, resumed.actor, "console.refused", None, request.path)
        return _error_page(request, 403)
    return await handler(request)


def _use_locale(request: web.Request, candidates: tuple[str | None, ...]) -> None:
    i18n = services(request).i18n
    t = i18n.translator(i18n.negotiate(*candidates))
    request[TRANSLATOR] = t
    account = request.get(USER)
    request[PAGE_CONTEXT] = {
        "t": t, "locale": t.locale, "rtl": t.rtl, "user": account, "is_admin": bool(account and account.role >= Role.ADMIN),
        "csrf": account.csrf_token if account else "", "locales": SUPPORTED_LOCALES, "link": link,
        "path": request.path_qs, "current": None,
    }


def _accepted_languages(request: web.Request) -> tuple[str, ...]:
    header = request.headers.get("Accept-Language", "")
    return tuple(part.split(";")[0].strip() for part in header.split(",") if part.strip())[:8]


def _error_page(request: web.Request, status: int, **details: Any) -> web.Response:
    if TRANSLATOR not in request:
        _use_locale(request, _accepted_languages(request))
    return render(request, "error.html", status=status, status_code=status, **details)


def set_session_cookie(request: web.Request, response: web.StreamResponse, token: str) -> None:
    """HttpOnly (no script reads it), SameSite=Strict (no other site sends it), Secure over HTTPS."""
    base = services(request).settings.console_base_url or ""
    response.set_cookie(COOKIE, token, path=PREFIX, httponly=True, samesite="Strict",
                        secure=base.startswith("https://") or request.secure)
