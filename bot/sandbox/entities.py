"""Text and entities the way Telegram stores them: UTF-16 offsets, explicit entities, links, trimming."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.sandbox.api import ApiError, bad_request

# Order of entities sharing offset and length, from tdlib's MessageEntity::get_type_priority.
TYPE_PRIORITY = {
    "blockquote": 0, "expandable_blockquote": 0, "pre": 10, "code": 20, "text_link": 49, "text_mention": 49,
    "bold": 90, "italic": 91, "underline": 92, "strikethrough": 93, "spoiler": 94, "custom_emoji": 99,
}
LINK_SCHEMES = frozenset({"http", "https", "tg", "ton", "tonsite"})
USER_LINK = re.compile(r"tg://user\?id=(\d{1,19})", re.IGNORECASE)
SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*)://")
TRIMMED = " \n"
SPACE = " \t\r\n\v\0"  # tdlib's is_space; parsers read "\0" past the end of the text
ENTITY_TYPES = frozenset({
    "bold", "italic", "underline", "strikethrough", "spoiler", "code", "pre", "text_link", "text_mention",
    "custom_emoji", "blockquote", "expandable_blockquote", "date_time",
})
DETECTED_TYPES = frozenset({
    "mention", "hashtag", "cashtag", "bot_command", "url", "email", "phone_number", "bank_card_number",
})
REQUIRED_FIELDS: dict[str, tuple[str, type | tuple[type, ...], str]] = {
    "text_link": ("url", str, "must be of type String"),
    "custom_emoji": ("custom_emoji_id", (str, int), "must be a valid Number"),
    "text_mention": ("user", dict, "must be of type Object"),
    "date_time": ("unix_time", int, "must be a Number"),
}


class EntityParseError(Exception):
    """A parse_mode error; the server words it "Bad Request: can't parse entities: <message>"."""


@dataclass(frozen=True)
class Formatted:
    """Plain text and its entities (offsets and lengths in UTF-16 code units)."""

    text: str
    entities: list[dict[str, Any]]


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, Telegram's unit for limits and entity offsets."""
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def byte_offset(text: str, index: int) -> int:
    """UTF-8 byte offset of text[index], as tdlib reports positions in its errors."""
    return len(text[:index].encode("utf-8", "surrogatepass"))


def sort_entities(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Telegram's order: by offset, longer first, then by type priority."""
    return sorted(entities, key=lambda e: (e["offset"], -e["length"], TYPE_PRIORITY.get(e["type"], 50)))


def checked_link(url: str) -> str | None:
    """The URL a text_link keeps, or None when Telegram would silently drop the link."""
    url = url.strip()
    if not url or any(char.isspace() for char in url):
        return None
    scheme = SCHEME.match(url)
    if scheme:
        return url if scheme.group(1).lower() in LINK_SCHEMES else None
    return f"http://{url}" if "." in url else None


def link_entity(url: str, offset: int, length: int) -> dict[str, Any] | None:
    """A text_mention for tg://user?id=..., a text_link for other valid URLs, else nothing."""
    user = USER_LINK.fullmatch(url.strip())
    if user:
        return {"type": "text_mention", "offset": offset, "length": length,
                "user": {"id": int(user.group(1)), "is_bot": False, "first_name": ""}}
    checked = checked_link(url)
    if checked is None:
        return None
    return {"type": "text_link", "offset": offset, "length": length, "url": checked}


def entities_from_json(text: str, raw: Any) -> list[dict[str, Any]]:
    """Validate the entities parameter against the text; Telegram ignores it unless it is an array."""
    if not isinstance(raw, list):
        return []
    entities = [entity for entity in (_entity_from_json(item) for item in raw) if entity is not None]
    for entity in entities:
        if entity["offset"] < 0:
            raise bad_request(f"receive an entity with incorrect offset {entity['offset']}")
        if entity["length"] < 0:
            raise bad_request(f"receive an entity with incorrect length {entity['length']}")
    entities = sort_entities([entity for entity in entities if entity["length"] > 0])
    size = utf16_len(text)
    for entity in entities:
        if entity["offset"] >= size:
            raise bad_request(f"entity begins after the end of the text at UTF-16 offset {entity['offset']}")
        if entity["offset"] + entity["length"] > size:
            raise bad_request(f"entity beginning at UTF-16 offset {entity['offset']} ends after the end of the "
                              f"text at UTF-16 offset {entity['offset'] + entity['length']}")
    return entities


def _entity_from_json(item: Any) -> dict[str, Any] | None:
    def fail(detail: str) -> ApiError:
        return bad_request(f"can't parse MessageEntity: {detail}")

    if not isinstance(item, dict):
        raise fail("expected an Object")
    for name in ("offset", "length", "type"):
        if name not in item:
            raise fail(f'Can\'t find field "{name}"')
    for name in ("offset", "length"):
        if isinstance(item[name], bool) or not isinstance(item[name], int):
            raise fail(f'Field "{name}" must be a Number')
    kind = item["type"]
    if not isinstance(kind, str):
        raise fail('Field "type" must be of type String')
    if kind in DETECTED_TYPES:
        return None
    if kind not in ENTITY_TYPES:
        raise fail("Unsupported type specified" if kind else "Type is not specified")
    entity = {"type": kind, "offset": item["offset"], "length": item["length"]}
    if kind in REQUIRED_FIELDS:
        name, expected, wording = REQUIRED_FIELDS[kind]
        if name not in item:
            raise fail(f'Can\'t find field "{name}"')
        if not isinstance(item[name], expected) or isinstance(item[name], bool):
            raise fail(f'Field "{name}" {wording}')
        entity[name] = item[name]
    if kind == "pre" and item.get("language"):
        entity["language"] = str(item["language"])
    return entity


def finalize(formatted: Formatted) -> Formatted:
    """Trim spaces and newlines at both ends and cut entities to match, as Telegram does on send."""
    text = formatted.text.rstrip(TRIMMED)
    size = utf16_len(text)
    entities = []
    for entity in formatted.entities:
        if entity["offset"] >= size:
            continue
        entities.append({**entity, "length": min(entity["length"], size - entity["offset"])})
    first_entity = min((entity["offset"] for entity in entities), default=size)
    leading = len(text) - len(text.lstrip(TRIMMED))
    leading = min(leading, first_entity)
    if leading:
        text = text[leading:]
        entities = [{**entity, "offset": entity["offset"] - leading} for entity in entities]
    return Formatted(text, sort_entities(entities))
