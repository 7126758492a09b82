"""Telegram formatting: light Markdown to Telegram HTML through libraries, escaping, and bidi marks."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import UTC, datetime

import telegramify_markdown
from telegram import Chat, Message, MessageEntity

RLM = "\u200f"
LRM = "\u200e"
# Bidi controls a pasted text may carry (Fluent's isolates, marks, embeddings); stripped from input.
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))

_COMMAND = re.compile(r"(?<!\S)/(?=[a-z])")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_PRIVATE = Chat(id=0, type=Chat.PRIVATE)


@dataclass(frozen=True, slots=True)
class Rendered:
    """A Markdown text as Telegram will show it: the plain text and the HTML to send."""

    text: str
    html: str
    link_urls: tuple[str, ...]


def markdown_to_html(markdown: str) -> Rendered:
    """Convert light Markdown to Telegram HTML.

    telegramify-markdown parses the Markdown into plain text plus Telegram entities (so nothing
    is left unescaped), and PTB renders those entities as Telegram HTML.
    """
    text, entities = telegramify_markdown.convert(markdown.strip(), latex_escape=False)
    text = text.rstrip("\n")
    ptb_entities = [
        MessageEntity(
            type=entity.type,
            offset=entity.offset,
            length=entity.length,
            # PTB writes the URL into href="…" verbatim; Telegram decodes entities there.
            url=html.escape(entity.url, quote=True) if entity.url else None,
            language=entity.language,
        )
        for entity in entities
        if entity.offset < _utf16_len(text)
    ]
    message = Message(message_id=0, date=_EPOCH, chat=_PRIVATE, text=text, entities=ptb_entities)
    urls = tuple(entity.url for entity in entities if entity.url)
    return Rendered(text=text, html=message.text_html, link_urls=urls)


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def escape(text: str) -> str:
    """Escape plain text for Telegram HTML."""
    return html.escape(text, quote=False)


def mark_rtl(text: str) -> str:
    """Start every line with a right-to-left mark.

    Telegram picks each paragraph's direction from its first strong character, so an Arabic line
    that opens with "I-24/7", a digit or an emoji would otherwise be laid out left to right.
    """
    return RLM + protect_commands(text).replace("\n", "\n" + RLM)


def protect_commands(text: str) -> str:
    """A left-to-right mark before each /command keeps its slash on the left inside right-to-left text."""
    return _COMMAND.sub(LRM + "/", text)


def clean_input(text: str) -> str:
    """User text without invisible bidi controls (e.g. copied from an Arabic message)."""
    return text.translate(BIDI_CONTROLS).strip()
