"""Bot API methods that act on chats: send, edit and delete messages, callbacks, documents, files."""

from __future__ import annotations

import mimetypes
import time
from collections.abc import Awaitable, Callable
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from bot.sandbox.api import (
    NOT_MODIFIED,
    QUERY_TOO_OLD,
    bad_request,
    forbidden,
    too_many_requests,
)
from bot.sandbox.objects import message_to_api
from bot.sandbox.params import Params, UploadedFile, to_bool, to_int
from bot.sandbox.state import BotState, CallbackAnswer, ChatState, SandboxMessage, StoredFile
from bot.sandbox.validation import (
    CALLBACK_ANSWER_LIMIT,
    CHAT_ACTIONS,
    format_text,
    parse_reply_markup,
)

if TYPE_CHECKING:
    from bot.sandbox.server import BotApiSandbox

Handler = Callable[["BotApiSandbox", BotState, Params], Awaitable[Any]]
DOWNLOAD_LIMIT = 20 * 1024 * 1024
GENERIC_MIME = "application/octet-stream"


def known_chat(bot: BotState, chat_id: Any) -> ChatState:
    """The private chat with chat_id; the bot only knows users who wrote to it."""
    if chat_id is None or chat_id == "":
        raise bad_request("chat_id is empty")
    chat = bot.chats.get(chat_id) if isinstance(chat_id, int) else None
    if chat is None or not chat.known:
        raise bad_request("chat not found")
    return chat


def writable_chat(sandbox: BotApiSandbox, bot: BotState, chat_id: Any) -> ChatState:
    """A known chat whose user has not blocked the bot."""
    chat = known_chat(bot, chat_id)
    if chat.chat_id in sandbox.blocked:
        raise forbidden("bot was blocked by the user")
    return chat


def take_send_slot(sandbox: BotApiSandbox, bot: BotState, chat: ChatState) -> None:
    """Count one send or edit against sandbox.limits; 429 when a limit is reached."""
    wait = sandbox.limits.take(bot.bot_id, chat.chat_id, time.monotonic())
    if wait is not None:
        raise too_many_requests(wait)


def reply_target(chat: ChatState, p: Params) -> int | None:
    """The message a send replies to, or None; refuses a missing one unless allowed."""
    reply = p.get("reply_parameters")
    if reply is not None and not isinstance(reply, dict):
        raise bad_request("object expected as reply parameters")
    if isinstance(reply, dict):
        message_id, allow_missing = to_int(reply.get("message_id")), to_bool(reply.get("allow_sending_without_reply"))
    else:
        message_id, allow_missing = p.integer("reply_to_message_id"), p.flag("allow_sending_without_reply")
    if not message_id or message_id in chat.messages:
        return message_id or None
    if allow_missing:
        return None
    raise bad_request("message to be replied not found")


def _html_source(raw: str, parse_mode: str) -> str | None:
    return raw if parse_mode.lower() == "html" else None


async def send_message(sandbox: BotApiSandbox, bot: BotState, p: Params) -> dict[str, Any]:
    """sendMessage."""
    raw, parse_mode = p.text("text"), p.text("parse_mode")
    if not raw:
        raise bad_request("message text is empty")
    formatted = format_text(raw, parse_mode, p.get("entities"))
    if p.get("link_preview_options") is not None and not isinstance(p.get("link_preview_options"), dict):
        raise bad_request("object expected as link preview options")
    markup = parse_reply_markup(p.get("reply_markup"))
    chat = writable_chat(sandbox, bot, p.get("chat_id"))
    reply_to = reply_target(chat, p)
    take_send_slot(sandbox, bot, chat)
    message = SandboxMessage(
        message_id=chat.next_message_id(), chat_id=chat.chat_id, from_bot=True, date=int(time.time()),
        text=formatted.text, html=_html_source(raw, parse_mode), parse_mode=parse_mode or None,
        entities=formatted.entities, reply_markup=markup, reply_to_message_id=reply_to,
        has_protected_content=p.flag("protect_content"),
    )
    chat.add_bot_message(message)
    return message_to_api(message, chat, bot)


def _message_to_edit(sandbox: BotApiSandbox, bot: BotState, p: Params) -> tuple[ChatState, SandboxMessage]:
    if p.get("chat_id") in (None, "") and not p.integer("message_id"):
        raise bad_request("message identifier is not specified")
    chat = writable_chat(sandbox, bot, p.get("chat_id"))
    message = chat.messages.get(p.integer("message_id"))
    if message is None:
        raise bad_request("message to edit not found")
    if not message.from_bot:
        raise bad_request("message can't be edited")
    return chat, message


async def edit_message_text(sandbox: BotApiSandbox, bot: BotState, p: Params) -> dict[str, Any]:
    """editMessageText; without reply_markup the inline keyboard goes away, as in Telegram."""
    raw, parse_mode = p.text("text"), p.text("parse_mode")
    if not raw:
        raise bad_request("message text is empty")
    formatted = format_text(raw, parse_mode, p.get("entities"))
    markup = parse_reply_markup(p.get("reply_markup"), inline_only=True)
    chat, message = _message_to_edit(sandbox, bot, p)
    if message.text is None:
        raise bad_request("there is no text in the message to edit")
    if (message.text, message.entities, message.reply_markup) == (formatted.text, formatted.entities, markup):
        raise bad_request(NOT_MODIFIED)
    take_send_slot(sandbox, bot, chat)
    message.text, message.entities, message.reply_markup = formatted.text, formatted.entities, markup
    message.html, message.parse_mode = _html_source(raw, parse_mode), parse_mode or None
    message.edit_date = int(time.time())
    chat.record("edit", message)
    return message_to_api(message, chat, bot)


async def edit_message_reply_markup(sandbox: BotApiSandbox, bot: BotState, p: Params) -> dict[str, Any]:
    """editMessageReplyMarkup; no reply_markup removes the inline keyboard."""
    markup = parse_reply_markup(p.get("reply_markup"), inline_only=True)
    chat, message = _message_to_edit(sandbox, bot, p)
    if message.reply_markup == markup:
        raise bad_request(NOT_MODIFIED)
    take_send_slot(sandbox, bot, chat)
    message.reply_markup = markup
    chat.record("edit", message)
    return message_to_api(message, chat, bot)


async def delete_message(sandbox: BotApiSandbox, bot: BotState, p: Params) -> bool:
    """deleteMessage; bots may delete both sides of a private chat."""
    if p.get("chat_id") in (None, ""):
        raise bad_request("chat identifier is not specified")
    if not p.integer("message_id"):
        raise bad_request("message identifier is not specified")
    chat = known_chat(bot, p.get("chat_id"))
    message = chat.messages.pop(p.integer("message_id"), None)
    if message is None:
        raise bad_request("message to delete not found")
    chat.record("delete", message)
    return True


async def answer_callback_query(sandbox: BotApiSandbox, bot: BotState, p: Params) -> bool:
    """answerCallbackQuery; each query is answered once, within callback_query_ttl seconds."""
    text = p.text("text")
    if len(text) > CALLBACK_ANSWER_LIMIT:
        raise bad_request("MESSAGE_TOO_LONG")
    pending = bot.callbacks.get(p.text("callback_query_id"))
    if pending is None or time.monotonic() - pending.created_at > sandbox.callback_query_ttl:
        raise bad_request(QUERY_TOO_OLD)
    del bot.callbacks[pending.query_id]
    if not pending.answer.done():
        pending.answer.set_result(CallbackAnswer(text or None, p.flag("show_alert"), p.text("url") or None))
    return True


async def send_chat_action(sandbox: BotApiSandbox, bot: BotState, p: Params) -> bool:
    """sendChatAction; the sandbox only validates it."""
    if p.text("action") not in CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")
    writable_chat(sandbox, bot, p.get("chat_id"))
    return True


async def send_document(sandbox: BotApiSandbox, bot: BotState, p: Params) -> dict[str, Any]:
    """sendDocument with a multipart upload or the file_id of a file the bot already has."""

    def store(upload: UploadedFile) -> StoredFile:
        name = PurePosixPath(upload.filename or "document").name
        # Telegram names the type from the file name when the upload does not say (or says octet-stream).
        declared = upload.content_type if upload.content_type != GENERIC_MIME else None
        mime = declared or mimetypes.guess_type(name)[0] or GENERIC_MIME
        return bot.store_file(upload.data, "documents", PurePosixPath(name).suffix, file_name=name, mime_type=mime)

    return await _send_file(sandbox, bot, p, "document", store, lambda stored: {"document": stored.as_document()})


async def send_photo(sandbox: BotApiSandbox, bot: BotState, p: Params) -> dict[str, Any]:
    """sendPhoto with a multipart upload or the file_id of a photo the bot already has (one size is kept)."""

    def store(upload: UploadedFile) -> StoredFile:
        return bot.store_file(upload.data, "photos", ".jpg", mime_type="image/jpeg")

    def sizes(stored: StoredFile) -> dict[str, Any]:
        return {"photo": [{"file_id": stored.file_id, "file_unique_id": stored.file_unique_id,
                           "file_size": len(stored.content), "width": 1280, "height": 960}]}

    return await _send_file(sandbox, bot, p, "photo", store, sizes)


async def _send_file(sandbox: BotApiSandbox, bot: BotState, p: Params, field: str,
                     store: Callable[[UploadedFile], StoredFile],
                     content: Callable[[StoredFile], dict[str, Any]]) -> dict[str, Any]:
    """A file with an optional caption: a new upload, or the file_id of a file the bot already has."""
    upload = p.get(field)
    if upload is None or upload == "":
        raise bad_request(f"there is no {field} in the request")
    raw, parse_mode = p.text("caption"), p.text("parse_mode")
    caption = format_text(raw, parse_mode, p.get("caption_entities"), caption=True)
    markup = parse_reply_markup(p.get("reply_markup"))
    chat = writable_chat(sandbox, bot, p.get("chat_id"))
    if isinstance(upload, UploadedFile):
        stored = store(upload)
    elif isinstance(upload, str) and upload in bot.files:
        stored = bot.files[upload]
    else:
        raise bad_request("wrong file identifier/HTTP URL specified")
    reply_to = reply_target(chat, p)
    take_send_slot(sandbox, bot, chat)
    message = SandboxMessage(
        message_id=chat.next_message_id(), chat_id=chat.chat_id, from_bot=True, date=int(time.time()),
        caption=caption.text or None, caption_entities=caption.entities, html=_html_source(raw, parse_mode),
        parse_mode=parse_mode or None, reply_markup=markup, reply_to_message_id=reply_to,
        has_protected_content=p.flag("protect_content"), **content(stored),
    )
    chat.add_bot_message(message)
    return message_to_api(message, chat, bot)


async def get_file(sandbox: BotApiSandbox, bot: BotState, p: Params) -> dict[str, Any]:
    """getFile: the path to download from /file/bot<token>/<file_path>."""
    file_id = p.text("file_id")
    if not file_id:
        raise bad_request("file_id not specified")
    stored = bot.files.get(file_id)
    if stored is None:
        raise bad_request("invalid file_id")
    if len(stored.content) > DOWNLOAD_LIMIT:
        raise bad_request("file is too big")
    return {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.content), "file_path": stored.file_path}


MESSAGE_METHODS: dict[str, Handler] = {
    "sendMessage": send_message,
    "editMessageText": edit_message_text,
    "editMessageReplyMarkup": edit_message_reply_markup,
    "deleteMessage": delete_message,
    "answerCallbackQuery": answer_callback_query,
    "sendChatAction": send_chat_action,
    "sendDocument": send_document,
    "sendPhoto": send_photo,
    "getFile": get_file,
}
