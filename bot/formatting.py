"""Text formatting without Telegram types: light Markdown parsed into text and entities, escaping, bidi marks.

Rendering entities as Telegram HTML happens at the Telegram edge (bot/telegram_html.py), so the
content catalogue and the services never load the `telegram` package.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import telegramify_markdown

RLM = "\u200f"
LRM = "\u200e"
# Bidi controls a pasted text may carry (Fluent's isolates, marks, embeddings); stripped from input.
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))

_COMMAND = re.compile(r"(?<!\S)/(?=[a-z])")


@dataclass(frozen=True, slots=True)
class Entity:
    """A Telegram message entity as plain data: offsets and lengths count UTF-16 code units."""

    type: str
    offset: int
    length: int
    url: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class FormattedText:
    """A Markdown text as Telegram will show it: the plain text and its formatting entities."""

    text: str
    entities: tuple[Entity, ...]

    @property
    def link_urls(self) -> tuple[str, ...]:
        return tuple(entity.url for entity in self.entities if entity.url)


def parse_markdown(markdown: str) -> FormattedText:
    """Parse light Markdown into plain text plus Telegram entities (telegramify-markdown), escaping nothing."""
    text, entities = telegramify_markdown.convert(markdown.strip(), latex_escape=False)
    text = text.rstrip("\n")
    limit = utf16_len(text)
    return FormattedText(text, tuple(
        Entity(str(entity.type), entity.offset, entity.length, entity.url, entity.language)
        for entity in entities
        if entity.offset < limit
    ))


def utf16_len(text: str) -> int:
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
