"""The managers' console: server-rendered pages under /console on the bot's own web server.

register_console mounts it as a sub-application, so its session, CSRF and header rules apply to
its pages only (never to the webhook or the health endpoints).
"""

from __future__ import annotations

from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import web

from bot.context import LearnbotApplication
from bot.web.console import (
    announcements,
    audit,
    certificates,
    compose,
    content,
    officers,
    overview,
    personnel,
    signing,
)
from bot.web.console.site import APPLICATION, PREFIX, TEMPLATE_FILTERS, console_middleware, public

STATIC_DIR = Path(__file__).parent / "static"


def register_console(app: web.Application, application: LearnbotApplication) -> None:
    console = web.Application(middlewares=[console_middleware])
    console[APPLICATION] = application
    aiohttp_jinja2.setup(console, loader=jinja2.PackageLoader("bot.web.console", "templates"),
                         undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                         default_helpers=False, filters=TEMPLATE_FILTERS)
    for module in (signing, overview, officers, personnel, certificates, announcements, compose, content, audit):
        console.add_routes(module.routes())
    console.router.add_get("/static/{name}", _static)
    app.router.add_get(PREFIX, _to_overview)
    app.add_subapp(PREFIX, console)


async def _to_overview(_request: web.Request) -> web.Response:
    """/console without its slash (typed by hand) is the console too."""
    return web.Response(status=301, headers={"Location": f"{PREFIX}/"})


@public
async def _static(request: web.Request) -> web.StreamResponse:
    """The console's own stylesheet (shipped in the package: nothing comes from the internet)."""
    name = request.match_info["name"]
    path = STATIC_DIR / name
    if "/" in name or name.startswith(".") or not path.is_file():
        raise web.HTTPNotFound()
    response = web.FileResponse(path)
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response
