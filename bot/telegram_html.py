"""Telegram HTML from plain text and entities, at the Telegram edge: PTB renders, nothing is hand-written."""

from __future__ import annotations

import functools
import html
from datetime import UTC, datetime

from telegram import Chat, Message, MessageEntity

from bot.content import Card
from bot.formatting import FormattedText

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_PRIVATE = Chat(id=0, type=Chat.PRIVATE)


def to_html(formatted: FormattedText) -> str:
    """The text with its entities as Telegram HTML (everything outside an entity escaped)."""
    entities = [
        MessageEntity(
            type=entity.type,
            offset=entity.offset,
            length=entity.length,
            # PTB writes the URL into href="…" verbatim; Telegram decodes entities there.
            url=html.escape(entity.url, quote=True) if entity.url else None,
            language=entity.language,
        )
        for entity in formatted.entities
    ]
    return Message(message_id=0, date=_EPOCH, chat=_PRIVATE, text=formatted.text, entities=entities).text_html


@functools.lru_cache(maxsize=4096)
def card_html(card: Card) -> str:
    """A lesson card as Telegram HTML; cards are immutable, so each is rendered once."""
    return to_html(card.formatted)
