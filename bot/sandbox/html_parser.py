"""HTML parse mode, following tdlib's parse_html: same tags, same error wording, UTF-16 offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.sandbox.entities import (
    SPACE,
    EntityParseError,
    Formatted,
    byte_offset,
    link_entity,
    sort_entities,
    utf16_len,
)

HTML_TAGS = frozenset({
    "a", "b", "strong", "i", "em", "s", "strike", "del", "u", "ins", "tg-spoiler", "tg-emoji", "tg-time",
    "span", "pre", "code", "blockquote",
})
SIMPLE_TAG_TYPES = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic", "s": "strikethrough", "strike": "strikethrough",
    "del": "strikethrough", "u": "underline", "ins": "underline", "tg-spoiler": "spoiler",
}
NAMED_CHARACTERS = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}


def decode_character_reference(source: str, pos: int) -> tuple[str, int] | None:
    """Decode &lt; &gt; &amp; &quot; &#NN; &#xNN; at pos; None leaves the "&" as a literal."""
    end = pos + 1
    if source[end:end + 1] == "#":
        end += 1
        hexadecimal = source[end:end + 1] == "x"
        end += hexadecimal
        digits = re.match(r"[0-9a-fA-F]*" if hexadecimal else r"[0-9]*", source[end:])
        assert digits is not None
        end += len(digits.group())
        if end - pos >= 10:
            return None
        value = int(digits.group() or "0", 16 if hexadecimal else 10)
        if value == 0 or value >= 0x10FFFF:
            return None
        character = chr(value)
    else:
        name = re.match(r"[a-zA-Z]*", source[end:])
        assert name is not None
        end += len(name.group())
        if name.group() not in NAMED_CHARACTERS:
            return None
        character = NAMED_CHARACTERS[name.group()]
    if source[end:end + 1] == ";":
        end += 1
    return character, end


@dataclass
class _OpenTag:
    name: str
    argument: str
    offset: int
    text_start: int


class _HtmlParser:
    """A single pass over the source, like tdlib's parse_html."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.out: list[str] = []
        self.offset = 0
        self.entities: list[dict[str, Any]] = []
        self.open: list[_OpenTag] = []

    def at(self, index: int) -> str:
        return self.source[index] if index < len(self.source) else "\0"

    def parse(self) -> Formatted:
        i = 0
        while i < len(self.source):
            char = self.source[i]
            if char == "&":
                decoded = decode_character_reference(self.source, i)
                if decoded is not None:
                    self._emit(decoded[0])
                    i = decoded[1]
                    continue
            if char != "<":
                self._emit(char)
                i += 1
            elif self.at(i + 1) == "/":
                i = self._end_tag(i)
            else:
                i = self._start_tag(i)
        if self.open:
            raise EntityParseError(f'Can\'t find end tag corresponding to start tag "{self.open[-1].name}"')
        for entity in self.entities:
            if entity["type"] == "code":
                entity.pop("language", None)
        text = "".join(self.out)
        if any(0xD800 <= ord(char) <= 0xDFFF for char in text):
            raise EntityParseError("Text contains invalid Unicode characters after decoding HTML entities, check for "
                            "unmatched surrogate code units")
        return Formatted(text, sort_entities(self.entities))

    def _emit(self, text: str) -> None:
        self.out.append(text)
        self.offset += utf16_len(text)

    def _start_tag(self, begin: int) -> int:
        at, where = self.at, byte_offset(self.source, begin)
        i = begin + 1
        while at(i) not in SPACE and at(i) != ">":
            i += 1
        if i >= len(self.source):
            raise EntityParseError(f"Unclosed start tag at byte offset {where}")
        name = self.source[begin + 1:i].lower()
        if name not in HTML_TAGS:
            raise EntityParseError(f'Unsupported start tag "{name}" at byte offset {where}')
        argument = ""
        while at(i) != ">":
            while i < len(self.source) and at(i) in SPACE:
                i += 1
            if at(i) == ">":
                break
            attribute_start = i
            while at(i) not in SPACE and at(i) not in "=>/\"'":
                i += 1
            attribute = self.source[attribute_start:i]
            if not attribute:
                raise EntityParseError(f'Empty attribute name in the tag "{name}" at byte offset {where}')
            while i < len(self.source) and at(i) in SPACE:
                i += 1
            if at(i) != "=":
                if i >= len(self.source):
                    raise EntityParseError(f'Unclosed start tag "{name}" at byte offset {where}')
                if name == "blockquote" and attribute == "expandable":
                    argument = "1"
                continue
            i += 1
            while i < len(self.source) and at(i) in SPACE:
                i += 1
            if i >= len(self.source):
                raise EntityParseError(f'Unclosed start tag "{name}" at byte offset {where}')
            value, i = self._attribute_value(i)
            if i >= len(self.source):
                raise EntityParseError(f"Unclosed start tag at byte offset {where}")
            argument = _tag_argument(name, attribute, value, argument)
        if name == "span" and argument != "spoiler":
            raise EntityParseError(f'Tag "span" must have class "tg-spoiler" at byte offset {where}')
        self.open.append(_OpenTag(name, argument, self.offset, len(self.out)))
        return i + 1

    def _attribute_value(self, i: int) -> tuple[str, int]:
        at = self.at
        if at(i) not in "'\"":
            start = i
            while at(i).isascii() and (at(i).isalnum() or at(i) in ".-"):
                i += 1
            if at(i) not in SPACE and at(i) != ">":
                where = byte_offset(self.source, start)
                raise EntityParseError(f"Unexpected end of name token at byte offset {where}")
            return self.source[start:i].lower(), i
        quote, i, value = at(i), i + 1, []
        while i < len(self.source) and at(i) != quote:
            decoded = decode_character_reference(self.source, i) if at(i) == "&" else None
            if decoded is not None:
                value.append(decoded[0])
                i = decoded[1]
            else:
                value.append(at(i))
                i += 1
        return "".join(value), i + 1 if at(i) == quote else i

    def _end_tag(self, begin: int) -> int:
        at, where = self.at, byte_offset(self.source, begin)
        if not self.open:
            raise EntityParseError(f"Unexpected end tag at byte offset {where}")
        i = begin + 2
        while at(i) not in SPACE and at(i) != ">":
            i += 1
        name = self.source[begin + 2:i].lower()
        while i < len(self.source) and at(i) in SPACE:
            i += 1
        if at(i) != ">":
            raise EntityParseError(f"Unclosed end tag at byte offset {where}")
        tag = self.open[-1]
        if name and name != tag.name:
            raise EntityParseError(
                f'Unmatched end tag at byte offset {where}, expected "</{tag.name}>", found "</{name}>"')
        if self.offset > tag.offset:
            self._close_entity(tag, self.offset - tag.offset)
        self.open.pop()
        return i + 1

    def _inner_entity(self, offset: int, length: int) -> dict[str, Any] | None:
        """The entity of a tag closed just before over exactly the same text, as in <pre><code>."""
        last = self.entities[-1] if self.entities else None
        return last if last is not None and (last["offset"], last["length"]) == (offset, length) else None

    def _close_entity(self, tag: _OpenTag, length: int) -> None:
        offset, entities = tag.offset, self.entities
        inner = self._inner_entity(offset, length)
        if tag.name in SIMPLE_TAG_TYPES or tag.name == "span":
            entities.append({"type": SIMPLE_TAG_TYPES.get(tag.name, "spoiler"), "offset": offset, "length": length})
        elif tag.name == "a":
            url = tag.argument or "".join(self.out[tag.text_start:])
            entity = link_entity(url, offset, length)
            if entity is not None:
                entities.append(entity)
        elif tag.name == "tg-emoji":
            if not re.fullmatch(r"[0-9]{1,19}", tag.argument) or not 0 < int(tag.argument) < 1 << 63:
                raise EntityParseError("Invalid custom emoji identifier specified")
            entities.append({"type": "custom_emoji", "offset": offset, "length": length,
                             "custom_emoji_id": tag.argument})
        elif tag.name == "pre":
            if inner is not None and inner["type"] == "code" and inner.get("language"):
                inner["type"] = "pre"
            else:
                entities.append({"type": "pre", "offset": offset, "length": length})
        elif tag.name == "code":
            if inner is not None and inner["type"] == "pre" and tag.argument:
                inner["language"] = tag.argument
            elif tag.argument:
                # Kept only for an enclosing <pre> to claim; parse() drops it from code entities.
                entities.append({"type": "code", "offset": offset, "length": length, "language": tag.argument})
            else:
                entities.append({"type": "code", "offset": offset, "length": length})
        elif tag.name == "blockquote":
            kind = "expandable_blockquote" if tag.argument else "blockquote"
            entities.append({"type": kind, "offset": offset, "length": length})
        # tg-time: Telegram renders a date; the sandbox keeps the plain text only.


def _tag_argument(tag: str, attribute: str, value: str, current: str) -> str:
    if tag == "a" and attribute == "href":
        return value
    if tag == "code" and attribute == "class" and value.startswith("language-"):
        return value[len("language-"):]
    if tag == "span" and attribute == "class" and value.startswith("tg-"):
        return value[len("tg-"):]
    if tag == "tg-emoji" and attribute == "emoji-id":
        return value
    if tag == "blockquote" and attribute == "expandable":
        return "1"
    return current


def parse_html(source: str) -> Formatted:
    """Text and entities of an HTML-formatted message; raises EntityParseError like Telegram."""
    return _HtmlParser(source).parse()
