"""The aiohttp web server: the Telegram webhook, health and metrics endpoints, and the managers' console."""

from bot.web.server import WebServer

__all__ = ["WebServer"]
