"""SandboxUser: a scripted Telegram user who writes to the bot, presses buttons and waits for replies."""

from __future__ import annotations

import asyncio
import copy
import mimetypes
import secrets
import time
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from bot.sandbox.objects import command_entities, message_to_api, user_to_api
from bot.sandbox.polls import vote
from bot.sandbox.state import (
    BOT_EVENT_KINDS,
    BotState,
    CallbackAnswer,
    ChatEvent,
    ChatState,
    PendingCallback,
    SandboxMessage,
    StoredFile,
    UserProfile,
)

if TYPE_CHECKING:
    from bot.sandbox.server import BotApiSandbox

# Tiny payloads with the right file signatures, so a bot that downloads them can sniff the type.
PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000b49444154789c6360000200000500017a5eab3f0000000049454e44ae426082"
)
OGG_HEADER = b"OggS\x00\x02" + bytes(22)
WEBP_HEADER = b"RIFF\x04\x00\x00\x00WEBP"


class SandboxUser:
    """One person chatting privately with one bot; events are read through a cursor."""

    def __init__(self, sandbox: BotApiSandbox, bot: BotState, chat: ChatState) -> None:
        self._sandbox = sandbox
        self._bot = bot
        self._chat = chat
        self._cursor = 0

    @property
    def profile(self) -> UserProfile:
        """Who this user is."""
        return self._chat.user

    @property
    def id(self) -> int:
        """The user id, which is also the chat id."""
        return self._chat.user.id

    @property
    def messages(self) -> list[SandboxMessage]:
        """The bot's messages in this chat as they are now; deleted ones are gone."""
        return [copy.deepcopy(message) for message in self._chat.messages.values() if message.from_bot]

    @property
    def last_message(self) -> SandboxMessage | None:
        """The bot's most recent message as it is now."""
        latest = next(self._bot_messages_newest_first(), None)
        return copy.deepcopy(latest)

    @property
    def polls(self) -> list[SandboxMessage]:
        """The bot's messages that carry a poll (see their .poll), as they are now."""
        return [message for message in self.messages if message.poll is not None]

    @property
    def transcript(self) -> list[ChatEvent]:
        """Every event of the chat, both directions."""
        return list(self._chat.events)

    @property
    def keyboard(self) -> list[list[dict[str, Any]]] | None:
        """The reply keyboard the bot currently shows this user, or None."""
        markup = self._chat.reply_keyboard
        return None if markup is None else [list(row) for row in markup["keyboard"]]

    def drain(self) -> None:
        """Ignore everything that happened so far."""
        self._cursor = len(self._chat.events)

    async def send(self, text: str) -> SandboxMessage:
        """Send a text message; /commands get bot_command entities as in Telegram."""
        return self._send(text=text, entities=command_entities(text))

    async def send_sticker(self, emoji: str = "👍") -> SandboxMessage:
        """Send a regular sticker."""
        stored = self._store(WEBP_HEADER, "stickers", ".webp")
        sticker = {**self._file_fields(stored), "type": "regular", "width": 512, "height": 512,
                   "is_animated": False, "is_video": False, "emoji": emoji}
        return self._send(sticker=sticker)

    async def send_photo(self, caption: str | None = None, *, width: int = 1280, height: int = 960,
                         content: bytes = PNG_1X1) -> SandboxMessage:
        """Send a photo; like Telegram, the update lists a thumbnail and the full size."""
        sizes = []
        for scale in (90 / max(width, height), 1.0):
            stored = self._store(content, "photos", ".jpg")
            sizes.append({**self._file_fields(stored), "width": max(1, round(width * scale)),
                          "height": max(1, round(height * scale))})
        return self._send(photo=sizes, caption=caption)

    async def send_voice(self, duration: int = 3, *, content: bytes = OGG_HEADER) -> SandboxMessage:
        """Send a voice note."""
        stored = self._store(content, "voice", ".oga", mime_type="audio/ogg")
        return self._send(voice={**self._file_fields(stored), "duration": duration,
                                            "mime_type": "audio/ogg"})

    async def send_document(self, file_name: str = "document.txt", content: bytes = b"",
                            mime_type: str | None = None, caption: str | None = None) -> SandboxMessage:
        """Send a file; the bot can fetch it with getFile and the file URL."""
        mime_type = mime_type or mimetypes.guess_type(file_name)[0] or "application/octet-stream"
        stored = self._store(content, "documents", PurePosixPath(file_name).suffix, file_name=file_name,
                             mime_type=mime_type)
        return self._send(document=stored.as_document(), caption=caption)

    async def send_location(self, latitude: float, longitude: float) -> SandboxMessage:
        """Share a location."""
        return self._send(location={"latitude": latitude, "longitude": longitude})

    async def send_contact(self, phone_number: str = "+33123456789", first_name: str | None = None,
                           last_name: str | None = None, user_id: int | None = None) -> SandboxMessage:
        """Share a contact; pass user_id=self.id for one's own number (a request_contact button)."""
        contact: dict[str, Any] = {"phone_number": phone_number, "first_name": first_name or self.profile.first_name}
        if last_name:
            contact["last_name"] = last_name
        if user_id is not None:
            contact["user_id"] = user_id
        return self._send(contact=contact)

    async def edit(self, message: SandboxMessage, text: str) -> SandboxMessage:
        """Edit a text message this user sent; the bot gets an edited_message update."""
        current = self._chat.messages.get(message.message_id)
        if current is None or current.from_bot or current.text is None:
            raise ValueError(f"message #{message.message_id} is not a text message of this user in this chat")
        current.text, current.entities = text, command_entities(text)
        current.edit_date = int(time.time())
        self._chat.record("user_message", current)
        self._bot.updates.push("edited_message", message_to_api(current, self._chat, self._bot))
        return copy.deepcopy(current)

    async def answer_poll(self, message: SandboxMessage, option_ids: list[int]) -> SandboxMessage:
        """Vote in the bot's poll as the app allows (ValueError otherwise); [] retracts where revoting is allowed."""
        current = self._chat.messages.get(message.message_id)
        if current is None or current.poll is None:
            raise LookupError(f"message #{message.message_id} is not a poll in chat {self.id} (deleted?)")
        vote(self._bot, self._chat, current, option_ids)
        return copy.deepcopy(current)

    async def press(self, label: str, timeout: float = 5.0) -> CallbackAnswer:
        """Press the inline button with exactly this text on the latest bot message that has one."""
        message, button = self._find_button(label)
        if "callback_data" not in button:
            kind = next(key for key in button if key != "text")
            raise LookupError(f"button {label!r} of message #{message.message_id} is a {kind} button; "
                              "it sends no callback query")
        return await self.press_data(message, button["callback_data"], timeout)

    async def press_data(self, message: SandboxMessage, data: str, timeout: float = 5.0) -> CallbackAnswer:
        """Send a callback query with any data on a bot message, as a forged client could."""
        current = self._chat.messages.get(message.message_id)
        if current is None or not current.from_bot:
            raise LookupError(f"message #{message.message_id} is not a bot message of chat {self.id} (deleted?)")
        self._open_chat()
        query_id = str(secrets.randbits(63))
        answered: asyncio.Future[CallbackAnswer] = asyncio.get_running_loop().create_future()
        self._bot.callbacks[query_id] = PendingCallback(query_id, time.monotonic(), answered)
        self._chat.record("callback", current, data=data)
        self._bot.updates.push("callback_query", {
            "id": query_id, "from": user_to_api(self.profile),
            "message": message_to_api(current, self._chat, self._bot),
            "chat_instance": self._chat.chat_instance, "data": data,
        })
        try:
            return await asyncio.wait_for(asyncio.shield(answered), timeout)
        except TimeoutError:
            raise TimeoutError(f"the bot did not answer the callback query {data!r} in chat {self.id} within "
                               f"{timeout}s\n{self._report()}") from None

    async def next_event(self, timeout: float = 5.0) -> ChatEvent:
        """The next bot message, edit or deletion after the cursor; the user's own events are skipped."""
        deadline = time.monotonic() + timeout
        while True:
            event = self._next_bot_event(consume=True)
            if event is not None:
                return event
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"the bot did nothing in chat {self.id} within {timeout}s\n{self._report()}")
            await self._chat.changed.wait(remaining)

    async def wait_reply(self, timeout: float = 5.0) -> SandboxMessage:
        """The message of the next bot message or edit (deletions are skipped)."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                event = await self.next_event(max(0.0, deadline - time.monotonic()))
            except TimeoutError:
                raise TimeoutError(f"no reply from the bot in chat {self.id} within {timeout}s\n"
                                   f"{self._report()}") from None
            if event.kind in ("message", "edit") and event.message is not None:
                return event.message

    async def expect_silence(self, duration: float = 0.3) -> None:
        """Fail if the bot sends, edits or deletes anything in this chat within duration seconds."""
        deadline = time.monotonic() + duration
        while True:
            event = self._next_bot_event(consume=False)
            if event is not None:
                raise AssertionError(f"expected silence in chat {self.id}, but the bot did: {event.describe()}")
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            await self._chat.changed.wait(remaining)

    def _find_button(self, label: str) -> tuple[SandboxMessage, dict[str, Any]]:
        for message in self._bot_messages_newest_first():
            for button in (button for row in message.inline_buttons for button in row):
                if button["text"] == label:
                    return message, button
        visible = "; ".join(f"#{m.message_id}: {m.button_labels()}" for m in self.messages if m.inline_buttons)
        raise LookupError(f"no inline button {label!r} in chat {self.id}; visible buttons: {visible or 'none'}")

    def _bot_messages_newest_first(self) -> Iterator[SandboxMessage]:
        return (message for message in reversed(self._chat.messages.values()) if message.from_bot)

    def _next_bot_event(self, *, consume: bool) -> ChatEvent | None:
        events, index = self._chat.events, self._cursor
        while index < len(events):
            event = events[index]
            index += 1
            if event.kind in BOT_EVENT_KINDS:
                if consume:
                    self._cursor = index
                return event
        return None

    def _open_chat(self) -> None:
        # Writing makes the chat known to the bot and, like /start in Telegram, lifts a block.
        self._sandbox.unblock(self.id)
        self._chat.known = True

    def _send(self, **content: Any) -> SandboxMessage:
        self._open_chat()
        message = SandboxMessage(message_id=self._chat.next_message_id(), chat_id=self.id, from_bot=False,
                                 date=int(time.time()), **content)
        self._chat.messages[message.message_id] = message
        self._chat.record("user_message", message)
        self._bot.updates.push("message", message_to_api(message, self._chat, self._bot))
        return copy.deepcopy(message)

    def _store(self, content: bytes, folder: str, suffix: str, *, file_name: str | None = None,
               mime_type: str | None = None) -> StoredFile:
        return self._bot.store_file(content, folder, suffix, file_name=file_name, mime_type=mime_type)

    @staticmethod
    def _file_fields(stored: StoredFile) -> dict[str, Any]:
        return {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id, "file_size": len(stored.content)}

    def _report(self) -> str:
        recent = "\n".join(f"  {event.describe()}" for event in self._chat.events[-6:]) or "  (none)"
        return f"Last chat events:\n{recent}\nRecent API calls:\n{self._sandbox.describe_recent_calls()}"
