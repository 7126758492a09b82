"""MarkdownV2 and legacy Markdown parse modes, following tdlib's parse_markdown_v2 and parse_markdown."""

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

RESERVED = frozenset("_*[]()~`>#+-=|{}.!\n")
# tdlib's names for entity types, used in "Can't find end of ... entity" errors.
TYPE_NAMES = {
    "bold": "Bold", "italic": "Italic", "underline": "Underline", "strikethrough": "Strikethrough",
    "spoiler": "Spoiler", "code": "Code", "pre": "Pre", "pre_code": "PreCode", "text_link": "TextUrl",
    "custom_emoji": "CustomEmoji", "blockquote": "BlockQuote",
}
CUSTOM_EMOJI_URL = re.compile(r"tg://emoji\?id=(\d+)", re.IGNORECASE)


def _reserved(char: str) -> EntityParseError:
    return EntityParseError(f"Character '{char}' is reserved and must be escaped with the preceding '\\'")


@dataclass
class _Open:
    kind: str
    argument: str
    offset: int
    byte: int
    text_start: int


class _MarkdownV2:
    """One pass over the source with a stack of open entities."""

    def __init__(self, source: str) -> None:
        self.src = source
        self.out: list[str] = []
        self.offset = 0
        self.entities: list[dict[str, Any]] = []
        self.open: list[_Open] = []
        self.have_blockquote = False
        self.can_start_blockquote = True

    def at(self, index: int) -> str:
        return self.src[index] if index < len(self.src) else "\0"

    def unclosed(self, entity: _Open) -> EntityParseError:
        return EntityParseError(f"Can't find end of {TYPE_NAMES[entity.kind]} entity at byte offset {entity.byte}")

    def parse(self) -> Formatted:
        i = 0
        while i < len(self.src):
            char, following = self.src[i], self.at(i + 1)
            if char == "\\" and "\x01" <= following <= "~":
                self._emit(following)
                if following != "\r":
                    self.can_start_blockquote = following == "\n"
                i += 2
                continue
            inside_code = bool(self.open) and self.open[-1].kind in ("code", "pre", "pre_code")
            if char not in ("`" if inside_code else RESERVED):
                self._emit(char)
                if char != "\r":
                    self.can_start_blockquote = False
                i += 1
                continue
            i = self._end(i) if self._ends_entity(i) else self._begin(i)
        self._close_trailing_blockquote()
        if self.open:
            raise self.unclosed(self.open[-1])
        return Formatted("".join(self.out), sort_entities(self.entities))

    def _emit(self, text: str) -> None:
        self.out.append(text)
        self.offset += utf16_len(text)

    def _ends_entity(self, i: int) -> bool:
        if not self.open:
            return False
        char, following = self.src[i], self.at(i + 1)
        if self.have_blockquote and char == "\n" and following != ">":
            return True
        return {
            "bold": char == "*", "italic": char == "_" and following != "_", "code": char == "`",
            "pre": char == "`" and following == "`" and self.at(i + 2) == "`",
            "pre_code": char == "`" and following == "`" and self.at(i + 2) == "`",
            "text_link": char == "]", "underline": char == "_" and following == "_", "strikethrough": char == "~",
            "spoiler": char == "|" and following == "|", "custom_emoji": char == "]", "blockquote": False,
        }[self.open[-1].kind]

    def _begin(self, i: int) -> int:
        char, following, start = self.src[i], self.at(i + 1), byte_offset(self.src, i)
        argument = ""
        if char == "_" and following == "_":
            kind, i = "underline", i + 1
        elif char in "_*~[":
            kind = {"_": "italic", "*": "bold", "~": "strikethrough", "[": "text_link"}[char]
        elif char == "|" and following == "|":
            kind, i = "spoiler", i + 1
        elif char == "!" and following == "[":
            kind, i = "custom_emoji", i + 1
        elif char == "`" and following == "`" and self.at(i + 2) == "`":
            kind, argument, i = self._pre_start(i + 3)
        elif char == "`":
            kind = "code"
        elif char == "\n":
            self._emit("\n")
            self.can_start_blockquote = True
            return i + 1
        elif char == ">" and self.can_start_blockquote:
            if self.have_blockquote:
                return i + 1
            kind, self.have_blockquote = "blockquote", True
        else:
            raise _reserved(char)
        self.open.append(_Open(kind, argument, self.offset, start, len(self.out)))
        return i + 1

    def _pre_start(self, i: int) -> tuple[str, str, int]:
        kind, argument, language_end = "pre", "", i
        while self.at(language_end) not in SPACE and self.at(language_end) != "`":
            language_end += 1
        if i != language_end and language_end < len(self.src) and self.at(language_end) != "`":
            kind, argument, i = "pre_code", self.src[i:language_end], language_end
        if self.at(i) in "\r\n" and i < len(self.src):
            pair = self.at(i + 1) in "\r\n" and i + 1 < len(self.src) and self.at(i) != self.at(i + 1)
            i += 2 if pair else 1
        return kind, argument, i - 1

    def _end(self, i: int) -> int:
        char, top = self.src[i], self.open[-1]
        kind = top.kind
        if char == "\n" and kind != "blockquote":
            ends_expandable = top.byte == byte_offset(self.src, i) - 2 or (
                top.byte == byte_offset(self.src, i) - 3 and self.out and self.out[-1] == "\r")
            if kind != "spoiler" or not ends_expandable:
                raise self.unclosed(top)
            self.open.pop()
            top = self.open[-1]
            if top.kind != "blockquote":
                raise self.unclosed(top)
            kind = "expandable_blockquote"
        argument, skip = top.argument, self.offset == top.offset
        entity: dict[str, Any] | None = None
        if kind in ("underline", "spoiler"):
            i += 1
        elif kind in ("pre", "pre_code"):
            i += 2
        elif kind == "text_link":
            if self.at(i + 1) == "(":
                url, i = self._url(i + 2)
            else:
                url = "".join(self.out[top.text_start:])
            entity = None if skip else link_entity(url, top.offset, self.offset - top.offset)
            skip = True
        elif kind == "custom_emoji":
            if self.at(i + 1) != "(":
                raise EntityParseError("The entity must contain a tg://emoji or tg://time URL")
            url, i = self._url(i + 2)
            emoji = CUSTOM_EMOJI_URL.fullmatch(url)
            if emoji is None:
                raise EntityParseError("Invalid tg://emoji or tg://time URL specified")
            argument = emoji.group(1)
        elif kind in ("blockquote", "expandable_blockquote"):
            self.have_blockquote = False
            self._emit(char)
            self.can_start_blockquote = True
            skip = False
        if entity is not None:
            self.entities.append(entity)
        if not skip:
            self.entities.append(_entity(kind, argument, top.offset, self.offset - top.offset))
        self.open.pop()
        return i + 1

    def _url(self, i: int) -> tuple[str, int]:
        start, url = i, []
        while i < len(self.src) and self.src[i] != ")":
            if self.src[i] == "\\" and "\x01" <= self.at(i + 1) <= "~":
                url.append(self.src[i + 1])
                i += 2
                continue
            url.append(self.src[i])
            i += 1
        if self.at(i) != ")":
            raise EntityParseError(f"Can't find end of a URL at byte offset {byte_offset(self.src, start)}")
        return "".join(url), i

    def _close_trailing_blockquote(self) -> None:
        if not self.have_blockquote:
            return
        kind = "blockquote"
        total = len(self.src.encode("utf-8", "surrogatepass"))
        if self.open[-1].kind == "spoiler" and self.open[-1].byte == total - 2:
            self.open.pop()
            kind = "expandable_blockquote"
        if self.open[-1].kind == "blockquote":
            self.have_blockquote = False
            top = self.open.pop()
            if self.offset > top.offset:
                self.entities.append(_entity(kind, "", top.offset, self.offset - top.offset))


def _entity(kind: str, argument: str, offset: int, length: int) -> dict[str, Any]:
    if kind == "pre_code":
        return {"type": "pre", "offset": offset, "length": length, "language": argument}
    entity: dict[str, Any] = {"type": kind, "offset": offset, "length": length}
    if kind == "custom_emoji":
        entity["custom_emoji_id"] = argument
    return entity


def parse_markdown_v2(source: str) -> Formatted:
    """Text and entities of a MarkdownV2 message; raises EntityParseError like Telegram."""
    return _MarkdownV2(source).parse()


def parse_markdown(source: str) -> Formatted:
    """Legacy Markdown: *bold*, _italic_, `code`, ```pre```, [text](url); no nesting."""
    out, offset, entities, i = [], 0, [], 0
    while i < len(source):
        char = source[i]
        if char == "\\" and source[i + 1:i + 2] in ("_", "*", "`", "["):
            out.append(source[i + 1])
            offset, i = offset + 1, i + 2
            continue
        if char not in "_*`[":
            out.append(char)
            offset, i = offset + utf16_len(char), i + 1
            continue
        begin, end_char, language = i, "]" if char == "[" else char, ""
        is_pre = source.startswith("```", i)
        i += 3 if is_pre else 1
        if is_pre:
            match = re.match(r"[^ \t\r\n\v`]+(?=[ \t\r\n\v])", source[i:])
            if match:
                language, i = match.group(), i + len(match.group())
            i += 2 if source[i:i + 2] in ("\r\n", "\n\r") else 1 if source[i:i + 1] in ("\r", "\n") else 0
        start = offset
        while i < len(source) and (source[i] != end_char or (is_pre and not source.startswith("``", i + 1))):
            out.append(source[i])
            offset, i = offset + utf16_len(source[i]), i + 1
        if i == len(source):
            raise EntityParseError(f"Can't find end of the entity starting at byte offset {byte_offset(source, begin)}")
        length = offset - start
        if char == "[":
            url = source[begin + 1:i]
            if source[i + 1:i + 2] == "(":
                close = source.find(")", i + 2)
                close = len(source) if close < 0 else close
                url, i = source[i + 2:close], close
            entity = link_entity(url, start, length) if length else None
            if entity is not None:
                entities.append(entity)
        elif length:
            kind = {"_": "italic", "*": "bold"}.get(char, "pre" if is_pre else "code")
            entities.append(_entity("pre_code" if language else kind, language, start, length))
        i += 3 if is_pre else 1
    return Formatted("".join(out), sort_entities(entities))
