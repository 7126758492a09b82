"""An announcement as Telegram will show it: the console's Markdown made into the chat's Telegram HTML, and
that HTML shown back in the page, sanitised, laid out right to left where Telegram would.

The conversion is the one lesson cards use (bot/formatting.py parses, PTB renders in bot/telegram_html.py),
so what the preview shows is the very text every recipient gets.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

import nh3
from markupsafe import Markup

from bot.formatting import parse_markdown, utf16_len
from bot.services.announcements import MAX_TEXT
from bot.telegram_html import to_html

# What Telegram's HTML parse mode renders; anything else in a stored body is dropped, never shown as markup.
TELEGRAM_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "blockquote",
                 "tg-spoiler", "span"}
LINK_SCHEMES = {"https", "http", "tg", "mailto"}
# Markdown would drop a typed tag ("<b>"); escaped, it stays text, as the chat keeps it.
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")


@dataclass(frozen=True, slots=True)
class Written:
    """A manager's Markdown as the message Telegram will get, and what is wrong with it (message id, args)."""

    body: str
    problems: tuple[tuple[str, dict[str, object]], ...]


def from_markdown(markdown: str) -> Written:
    formatted = parse_markdown(_TAG_START.sub(r"\\<", markdown.replace("\r\n", "\n")))
    problems: list[tuple[str, dict[str, object]]] = []
    if not formatted.text.strip():
        problems.append(("console-compose-problem-text", {}))
    if (length := utf16_len(formatted.text)) > MAX_TEXT:
        problems.append(("console-compose-problem-long", {"length": length, "limit": MAX_TEXT}))
    problems += [("console-compose-problem-link", {"url": url}) for url in formatted.link_urls
                 if not url.startswith("https://")]
    return Written(to_html(formatted), tuple(problems))


def message_html(body: str) -> Markup:
    """Stored Telegram HTML as page markup: only Telegram's tags, links to safe schemes, every text escaped."""
    cleaned = nh3.clean(body, tags=TELEGRAM_TAGS, attributes={"a": {"href"}}, url_schemes=LINK_SCHEMES,
                        allowed_classes={"span": {"tg-spoiler"}}, link_rel="noopener noreferrer nofollow")
    return Markup(cleaned)  # noqa: S704 (sanitised just above)


def reads_right_to_left(body: str) -> bool:
    """Telegram lays a text out right to left when its first strong character is Arabic (or Hebrew…)."""
    for char in html.unescape(nh3.clean(body, tags=set())):
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False
