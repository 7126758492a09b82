"""What the sandbox remembers: bots, private chats, messages, chat events, files and API calls."""

from __future__ import annotations

import asyncio
import copy
import secrets
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from bot.sandbox.polls import PollState
    from bot.sandbox.updates import UpdateQueue

EventKind = Literal["message", "edit", "delete", "user_message", "callback", "poll_answer"]
BOT_EVENT_KINDS = frozenset({"message", "edit", "delete"})


class Signal:
    """Wakes every current waiter; unlike asyncio.Condition it can be fired from synchronous code."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def notify(self) -> None:
        """Wake everyone waiting now; later waiters wait for the next notify."""
        self._event.set()
        self._event = asyncio.Event()

    async def wait(self, timeout: float) -> bool:
        """Wait for the next notify; False when the timeout passed first."""
        if timeout <= 0:
            return False
        try:
            await asyncio.wait_for(self._event.wait(), timeout)
        except TimeoutError:
            return False
        return True


@dataclass(frozen=True)
class UserProfile:
    """The Telegram user on the other side of a private chat."""

    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None


@dataclass
class SandboxMessage:
    """One message of a private chat, as it is now (or was, inside a ChatEvent)."""

    message_id: int
    chat_id: int
    from_bot: bool
    date: int
    text: str | None = None
    html: str | None = None
    parse_mode: str | None = None
    entities: list[dict[str, Any]] = field(default_factory=list)
    reply_markup: dict[str, Any] | None = None
    edit_date: int | None = None
    caption: str | None = None
    caption_entities: list[dict[str, Any]] = field(default_factory=list)
    document: dict[str, Any] | None = None
    photo: list[dict[str, Any]] | None = None
    sticker: dict[str, Any] | None = None
    voice: dict[str, Any] | None = None
    location: dict[str, Any] | None = None
    contact: dict[str, Any] | None = None
    poll: dict[str, Any] | None = None
    reply_to_message_id: int | None = None
    has_protected_content: bool = False

    @property
    def inline_buttons(self) -> list[list[dict[str, Any]]]:
        """Rows of inline buttons, each a dict with "text" and "callback_data" or "url" (etc.)."""
        if not self.reply_markup:
            return []
        return [list(row) for row in self.reply_markup.get("inline_keyboard", [])]

    @property
    def reply_keyboard(self) -> list[list[dict[str, Any]]] | None:
        """Rows of the reply keyboard this message showed, or None."""
        if not self.reply_markup or "keyboard" not in self.reply_markup:
            return None
        return [list(row) for row in self.reply_markup["keyboard"]]

    def button_labels(self) -> list[str]:
        """Texts of all inline buttons, row by row."""
        return [button["text"] for row in self.inline_buttons for button in row]


@dataclass(frozen=True)
class ChatEvent:
    """Something that happened in a chat; message is a snapshot taken at that moment."""

    kind: EventKind
    message: SandboxMessage | None
    at: float
    data: str | None = None

    def describe(self) -> str:
        """One line for failure messages."""
        message = self.message
        text = "" if message is None else (message.text or message.caption or (message.poll or {}).get("question", ""))
        detail = f" data={self.data!r}" if self.data is not None else ""
        return f"{self.kind} #{getattr(self.message, 'message_id', '?')} {text[:60]!r}{detail}"


@dataclass(frozen=True)
class ApiCall:
    """One request the bot made; at is time.monotonic() when it arrived; fault the kind that answered it."""

    method: str
    params: dict[str, Any]
    ok: bool
    result_or_error: Any
    at: float
    fault: str | None = None


@dataclass(frozen=True)
class CallbackAnswer:
    """What the bot passed to answerCallbackQuery."""

    text: str | None
    show_alert: bool
    url: str | None = None


@dataclass(frozen=True)
class StoredFile:
    """A file the user sent or the bot uploaded, downloadable through getFile."""

    file_id: str
    file_unique_id: str
    file_path: str
    content: bytes
    file_name: str | None = None
    mime_type: str | None = None

    def as_document(self) -> dict[str, Any]:
        """The Document object of the Bot API."""
        document: dict[str, Any] = {"file_id": self.file_id, "file_unique_id": self.file_unique_id}
        if self.file_name:
            document["file_name"] = self.file_name
        if self.mime_type:
            document["mime_type"] = self.mime_type
        document["file_size"] = len(self.content)
        return document


@dataclass(eq=False)
class PendingCallback:
    """A callback query waiting for answerCallbackQuery."""

    query_id: str
    created_at: float
    answer: asyncio.Future[CallbackAnswer]


@dataclass(eq=False)
class ChatState:
    """A private chat between one user and one bot: messages, event log and a wake-up signal."""

    user: UserProfile
    known: bool = False
    messages: dict[int, SandboxMessage] = field(default_factory=dict)
    events: list[ChatEvent] = field(default_factory=list)
    reply_keyboard: dict[str, Any] | None = None
    chat_instance: str = field(default_factory=lambda: str(-secrets.randbits(62)))
    changed: Signal = field(default_factory=Signal)
    _last_message_id: int = field(default=0, init=False, repr=False)

    @property
    def chat_id(self) -> int:
        """Private chats share the user's id."""
        return self.user.id

    def next_message_id(self) -> int:
        """Both sides of a private chat draw from one sequence of message ids."""
        self._last_message_id += 1
        return self._last_message_id

    def record(self, kind: EventKind, message: SandboxMessage | None, data: str | None = None) -> ChatEvent:
        """Append an event with a snapshot of the message and wake the chat's waiters."""
        event = ChatEvent(kind, copy.deepcopy(message), time.monotonic(), data)
        self.events.append(event)
        self.changed.notify()
        return event

    def add_bot_message(self, message: SandboxMessage) -> None:
        """Store a message the bot just sent and follow the reply keyboard it may carry."""
        self.messages[message.message_id] = message
        markup = message.reply_markup or {}
        if "keyboard" in markup:
            self.reply_keyboard = markup
        elif markup.get("remove_keyboard"):
            self.reply_keyboard = None
        self.record("message", message)


@dataclass(eq=False)
class BotState:
    """One registered bot: its identity, chats, files, commands, callback queries and update queue."""

    bot_id: int
    token: str
    username: str
    first_name: str
    updates: UpdateQueue
    chats: dict[int, ChatState] = field(default_factory=dict)
    files: dict[str, StoredFile] = field(default_factory=dict)
    commands: dict[tuple[tuple[str, str, int], str], list[dict[str, str]]] = field(default_factory=dict)
    callbacks: dict[str, PendingCallback] = field(default_factory=dict)
    polls: dict[str, PollState] = field(default_factory=dict)

    def as_user(self) -> dict[str, Any]:
        """The bot as a User object (the "from" of its messages)."""
        return {"id": self.bot_id, "is_bot": True, "first_name": self.first_name, "username": self.username}

    def store_file(self, content: bytes, folder: str, suffix: str, *, file_name: str | None = None,
                   mime_type: str | None = None) -> StoredFile:
        """Keep a file and give it ids and a path, the way Telegram does for every upload."""
        number = len(self.files)
        stored = StoredFile(
            file_id=f"BQACAgIAAxkBAAI{secrets.token_urlsafe(36)}",
            file_unique_id=f"AgAD{secrets.token_urlsafe(9)}",
            file_path=f"{folder}/file_{number}{suffix}",
            content=content,
            file_name=file_name,
            mime_type=mime_type,
        )
        self.files[stored.file_id] = stored
        return stored

    def file_by_path(self, file_path: str) -> StoredFile | None:
        """The file served at /file/bot<token>/<file_path>."""
        return next((stored for stored in self.files.values() if stored.file_path == file_path), None)
