"""Checks Telegram makes on what a bot sends: text and captions, reply markup, commands, scopes."""

from __future__ import annotations

import re
from typing import Any

from bot.sandbox.api import ApiError, bad_request
from bot.sandbox.entities import (
    EntityParseError,
    Formatted,
    entities_from_json,
    finalize,
    utf16_len,
)
from bot.sandbox.html_parser import parse_html
from bot.sandbox.markdown_parser import parse_markdown, parse_markdown_v2

MESSAGE_LIMIT = 4096
CAPTION_LIMIT = 1024
CALLBACK_ANSWER_LIMIT = 200
RAW_TEXT_LIMIT = 1 << 15
CALLBACK_DATA_LIMIT = 64
ROW_LIMIT = 8
BUTTON_LIMIT = 100
PARSERS = {"html": parse_html, "markdownv2": parse_markdown_v2, "markdown": parse_markdown}
INLINE_BUTTON_KINDS = (
    "url", "callback_data", "callback_game", "pay", "switch_inline_query", "switch_inline_query_chosen_chat",
    "switch_inline_query_current_chat", "login_url", "web_app", "copy_text",
)
COMMAND = re.compile(r"[a-z0-9_]+")
COMMAND_LIMIT = 32
COMMAND_DESCRIPTION_LIMIT = 256
COMMANDS_LIMIT = 100
SCOPE_TYPES = frozenset({
    "default", "all_private_chats", "all_group_chats", "all_chat_administrators", "chat", "chat_administrators",
    "chat_member",
})
CHAT_ACTIONS = frozenset({
    "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice", "upload_document",
    "choose_sticker", "find_location", "record_video_note", "upload_video_note",
})

ScopeKey = tuple[str, str, int]


def parse_formatted(raw: str, parse_mode: str, entities: Any) -> Formatted:
    """Parse text with parse_mode or explicit entities, then trim it, as the Bot API server and tdlib do."""
    if any(0xD800 <= ord(char) <= 0xDFFF for char in raw):
        raise bad_request("strings must be encoded in UTF-8")
    if len(raw.encode("utf-8")) > RAW_TEXT_LIMIT:
        raise bad_request("text is too long")
    mode = parse_mode.lower()
    if raw and mode not in ("", "none"):
        parser = PARSERS.get(mode)
        if parser is None:
            raise bad_request("unsupported parse_mode")
        try:
            formatted = parser(raw)
        except EntityParseError as error:
            raise bad_request(f"can't parse entities: {error}") from None
    else:
        formatted = Formatted(raw, entities_from_json(raw, entities))
    return finalize(formatted)


def format_text(raw: str, parse_mode: str, entities: Any, *, caption: bool = False) -> Formatted:
    """Parse a message text or caption the way Telegram does and enforce its length limit."""
    formatted = parse_formatted(raw, parse_mode, entities)
    size = utf16_len(formatted.text)
    if caption:
        if size > CAPTION_LIMIT:
            raise bad_request("message caption is too long")
    elif not formatted.text:
        raise bad_request("text must be non-empty")
    elif size > MESSAGE_LIMIT:
        raise bad_request("message is too long")
    return formatted


def parse_reply_markup(raw: Any, *, inline_only: bool = False) -> dict[str, Any] | None:
    """Validate reply_markup; returns the markup as the message keeps it, or None when it has no effect."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise bad_request("object expected as reply markup")
    markup: dict[str, Any] | None = None
    if raw.get("keyboard"):
        markup = {**raw, "keyboard": _reply_rows(raw["keyboard"])}
    elif raw.get("inline_keyboard") is not None:
        rows = _inline_rows(raw["inline_keyboard"])
        markup = {"inline_keyboard": rows} if rows else None
    elif raw.get("remove_keyboard") or raw.get("hide_keyboard"):
        markup = {"remove_keyboard": True, **({"selective": True} if raw.get("selective") else {})}
    elif raw.get("force_reply"):
        markup = {key: value for key, value in raw.items() if key in ("force_reply", "input_field_placeholder",
                                                                       "selective")}
    if inline_only and markup is not None and "inline_keyboard" not in markup:
        raise bad_request("inline keyboard expected")
    return markup


def _reply_rows(rows: Any) -> list[list[dict[str, Any]]]:
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request('field "keyboard" must be an Array of Arrays')
    result = []
    for row in rows:
        buttons = []
        for item in row:
            button = {"text": item} if isinstance(item, str) else item
            if not isinstance(button, dict):
                raise bad_request("can't parse keyboard button: KeyboardButton must be a String or an Object")
            if not isinstance(button.get("text"), str):
                raise bad_request('can\'t parse keyboard button: Can\'t find field "text"')
            if not button["text"]:
                raise bad_request("keyboard button text must be non-empty")
            buttons.append(dict(button))
        result.append(buttons)
    _check_size(result)
    return result


def _inline_rows(rows: Any) -> list[list[dict[str, Any]]]:
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays')
    result = [[_inline_button(button) for button in row] for row in rows]
    result = [row for row in result if row]
    _check_size(result)
    return result


def _inline_button(button: Any) -> dict[str, Any]:
    def fail(detail: str) -> ApiError:
        return bad_request(f"can't parse inline keyboard button: {detail}")

    if not isinstance(button, dict):
        raise fail("InlineKeyboardButton must be an Object")
    if "text" not in button:
        raise fail('Can\'t find field "text"')
    if not isinstance(button["text"], str):
        raise fail('Field "text" must be of type String')
    kinds = [kind for kind in INLINE_BUTTON_KINDS if kind in button and button[kind] not in (None, "")]
    if not kinds:
        raise fail("Text buttons are unallowed in the inline keyboard")
    # Telegram would silently use the first one; a bot sending two is confused, so say so.
    if len(kinds) > 1:
        raise fail(f"exactly one of the optional fields must be used, got {', '.join(kinds)}")
    if not button["text"]:
        raise bad_request("inline keyboard button text must be non-empty")
    kind = kinds[0]
    value = button[kind]
    if kind == "callback_data":
        if not isinstance(value, str):
            raise fail('Field "callback_data" must be of type String')
        if len(value.encode("utf-8", "surrogatepass")) > CALLBACK_DATA_LIMIT:
            raise bad_request("BUTTON_DATA_INVALID")
    if kind == "url" and (not isinstance(value, str) or not re.fullmatch(r"(https?|tg)://\S+|[^\s:/]+\.\S+", value)):
        raise bad_request("BUTTON_URL_INVALID")
    return {"text": button["text"], kind: value}


def _check_size(rows: list[list[dict[str, Any]]]) -> None:
    if any(len(row) > ROW_LIMIT for row in rows) or sum(map(len, rows)) > BUTTON_LIMIT:
        raise bad_request("reply markup is too long")


def parse_commands(raw: Any) -> list[dict[str, str]]:
    """Validate setMyCommands' commands; Telegram strips a leading "/" and surrounding spaces."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise bad_request("expected an Array of BotCommand")
    commands = []
    for item in raw:
        if not isinstance(item, dict):
            raise bad_request("can't parse BotCommand: expected an Object")
        for name in ("command", "description"):
            if not isinstance(item.get(name), str):
                raise bad_request(f'can\'t parse BotCommand: Can\'t find field "{name}"')
        command = item["command"].strip().removeprefix("/")
        description = item["description"].strip()
        if not command:
            raise bad_request("command must be non-empty")
        if len(command) > COMMAND_LIMIT:
            raise bad_request(f"command length must not exceed {COMMAND_LIMIT}")
        if not description:
            raise bad_request("command description must be non-empty")
        if len(description) > COMMAND_DESCRIPTION_LIMIT:
            raise bad_request(f"command description length must not exceed {COMMAND_DESCRIPTION_LIMIT}")
        if not COMMAND.fullmatch(command):
            raise bad_request("BOT_COMMAND_INVALID")
        commands.append({"command": command, "description": description})
    if len(commands) > COMMANDS_LIMIT:
        raise bad_request("BOT_COMMANDS_TOO_MUCH")
    return commands


def parse_scope(raw: Any) -> ScopeKey:
    """The BotCommandScope as a hashable key: (type, chat_id, user_id)."""
    if raw is None:
        return ("default", "", 0)

    def fail(detail: str) -> ApiError:
        return bad_request(f"can't parse BotCommandScope: {detail}")

    if not isinstance(raw, dict):
        raise fail("BotCommandScope must be an Object")
    kind = raw.get("type")
    if not isinstance(kind, str):
        raise fail('Can\'t find field "type"')
    if kind not in SCOPE_TYPES:
        raise fail("Unsupported type specified")
    if kind not in ("chat", "chat_administrators", "chat_member"):
        return (kind, "", 0)
    chat_id = raw.get("chat_id")
    if chat_id is None:
        raise fail('Can\'t find field "chat_id"')
    if chat_id == "":
        raise fail("Empty chat_id specified")
    user_id = 0
    if kind == "chat_member":
        candidate = raw.get("user_id")
        user_id = candidate if isinstance(candidate, int) else 0
        if user_id <= 0:
            raise fail("Invalid user_id specified")
    return (kind, str(chat_id), user_id)


def check_language_code(language_code: str) -> None:
    """Commands are stored per language: empty, or two lowercase letters."""
    if language_code and not re.fullmatch(r"[a-z]{2}", language_code):
        raise bad_request("invalid language code specified")
