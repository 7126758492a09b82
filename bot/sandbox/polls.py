"""Native polls and quizzes: sendPoll, stopPoll, votes, poll and poll_answer updates, closing on time."""

from __future__ import annotations

import asyncio
import copy
import json
import secrets
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.sandbox.api import bad_request
from bot.sandbox.entities import Formatted
from bot.sandbox.methods import Handler, reply_target, take_send_slot, writable_chat
from bot.sandbox.objects import message_to_api, user_to_api
from bot.sandbox.params import Params
from bot.sandbox.poll_input import PollRequest, check_poll_request, read_poll_request
from bot.sandbox.state import BotState, ChatState, SandboxMessage
from bot.sandbox.validation import parse_reply_markup

if TYPE_CHECKING:
    from bot.sandbox.server import BotApiSandbox


@dataclass(eq=False)
class PollState:
    """A poll the bot sent: where it lives, each user's chosen options and the timer that closes it."""

    poll_id: str
    chat: ChatState
    message_id: int
    votes: dict[int, tuple[int, ...]] = field(default_factory=dict)
    closer: asyncio.TimerHandle | None = None

    @property
    def message(self) -> SandboxMessage | None:
        """The poll's message, or None once deleted."""
        message = self.chat.messages.get(self.message_id)
        return message if message is not None and message.poll is not None else None


def poll_to_api(request: PollRequest, poll_id: str, date: int) -> dict[str, Any]:
    """The Poll object, shaped like the Bot API server's JsonPoll for the bot that sent it."""
    poll: dict[str, Any] = {"id": poll_id, "question": request.question.text}
    if request.question.entities:
        poll["question_entities"] = request.question.entities
    poll["options"] = [_option(index, option) for index, option in enumerate(request.options)]
    poll["total_voter_count"] = 0
    close_date = date + request.open_period if request.open_period else request.close_date
    if close_date:
        poll["open_period"], poll["close_date"] = close_date - date, close_date
    poll.update(is_closed=request.is_closed, is_anonymous=request.is_anonymous,
                allows_multiple_answers=request.allows_multiple_answers, allows_revoting=request.allows_revoting,
                members_only=False, type="quiz" if request.quiz else "regular")
    if request.quiz:
        # Bot API 9.6 moved to correct_option_ids but still sends the single id when there is one.
        if len(request.correct_option_ids) == 1:
            poll["correct_option_id"] = request.correct_option_ids[0]
        poll["correct_option_ids"] = list(request.correct_option_ids)
        if request.explanation.text:
            poll["explanation"] = request.explanation.text
            poll["explanation_entities"] = request.explanation.entities
    if request.description.text:
        poll["description"] = request.description.text
        if request.description.entities:
            poll["description_entities"] = request.description.entities
    return poll


def _option(index: int, option: Formatted) -> dict[str, Any]:
    result: dict[str, Any] = {"persistent_id": str(index), "text": option.text}
    if option.entities:
        result["text_entities"] = option.entities
    result["voter_count"] = 0
    return result


async def send_poll(sandbox: BotApiSandbox, bot: BotState, p: Params) -> dict[str, Any]:
    """sendPoll; a poll with open_period or close_date closes itself (sooner with sandbox.open_period_scale)."""
    request = read_poll_request(p)
    markup = parse_reply_markup(p.get("reply_markup"))
    chat = writable_chat(sandbox, bot, p.get("chat_id"))
    check_poll_request(request, p)
    reply_to = reply_target(chat, p)
    take_send_slot(sandbox, bot, chat)
    date = int(time.time())
    poll = poll_to_api(request, str(secrets.randbits(63)), date)
    message = SandboxMessage(
        message_id=chat.next_message_id(), chat_id=chat.chat_id, from_bot=True, date=date, poll=poll,
        reply_markup=markup, reply_to_message_id=reply_to, has_protected_content=p.flag("protect_content"),
    )
    state = PollState(poll["id"], chat, message.message_id)
    bot.polls[state.poll_id] = state
    chat.add_bot_message(message)
    if not poll["is_closed"] and "close_date" in poll:
        delay = max(0.0, poll["close_date"] - time.time()) * sandbox.open_period_scale
        state.closer = asyncio.get_running_loop().call_later(delay, _close_on_time, bot, state)
    return message_to_api(message, chat, bot)


async def stop_poll(sandbox: BotApiSandbox, bot: BotState, p: Params) -> dict[str, Any]:
    """stopPoll: closes the bot's poll, replaces its inline keyboard, and returns the final Poll."""
    markup = parse_reply_markup(p.get("reply_markup"), inline_only=True)
    chat = writable_chat(sandbox, bot, p.get("chat_id"))
    message = chat.messages.get(p.integer("message_id"))
    if message is None:
        raise bad_request("message with poll to stop not found")
    if message.poll is None:
        raise bad_request("message is not a poll")
    if message.poll["is_closed"]:
        raise bad_request("poll has already been closed")
    take_send_slot(sandbox, bot, chat)
    message.reply_markup = markup
    message.edit_date = int(time.time())
    _close(bot, bot.polls[message.poll["id"]], message.poll)
    chat.record("edit", message)
    return copy.deepcopy(message.poll)


def vote(bot: BotState, chat: ChatState, message: SandboxMessage, option_ids: list[int]) -> bool:
    """The chat's user votes as a Telegram app would let them; False when nothing changed."""
    poll = message.poll
    state = bot.polls.get(poll["id"]) if poll is not None else None
    if poll is None or state is None:
        raise LookupError(f"message #{message.message_id} of chat {chat.chat_id} has no poll")
    where = f"(poll #{message.message_id} {poll['question'][:40]!r})"
    chosen = tuple(sorted(set(option_ids)))
    previous = state.votes.get(chat.user.id, ())
    # The checks and wordings of tdlib's PollManager::set_poll_answer.
    if poll["is_closed"]:
        raise ValueError(f"can't answer closed poll {where}")
    if not poll["allows_multiple_answers"] and len(chosen) > 1:
        raise ValueError(f"can't choose more than 1 option in the poll {where}")
    if not poll["allows_revoting"] and not chosen:
        raise ValueError(f"can't retract vote in the poll {where}")
    if any(not 0 <= option_id < len(poll["options"]) for option_id in chosen):
        raise ValueError(f"invalid option identifier specified: {list(option_ids)} {where}")
    if not poll["allows_revoting"] and previous:
        kind = "a quiz" if poll["type"] == "quiz" else "the poll"
        raise ValueError(f"can't revote in {kind}: already answered {list(previous)} {where}")
    if chosen == previous:
        return False
    if chosen:
        state.votes[chat.user.id] = chosen
    else:
        state.votes.pop(chat.user.id, None)
    _count_votes(poll, state)
    chat.record("poll_answer", message, data=json.dumps(list(chosen)))
    if not poll["is_anonymous"]:
        bot.updates.push("poll_answer", {
            "poll_id": poll["id"], "user": user_to_api(chat.user), "option_ids": list(chosen),
            "option_persistent_ids": [poll["options"][option_id]["persistent_id"] for option_id in chosen],
        })
    # Bots get the new state of every poll they sent, anonymous or not.
    bot.updates.push("poll", copy.deepcopy(poll))
    return True


def cancel_timers(bot: BotState) -> None:
    """Forget pending open_period closings (server shutdown)."""
    for state in bot.polls.values():
        if state.closer is not None:
            state.closer.cancel()
            state.closer = None


def _count_votes(poll: dict[str, Any], state: PollState) -> None:
    for option_id, option in enumerate(poll["options"]):
        option["voter_count"] = sum(option_id in chosen for chosen in state.votes.values())
    poll["total_voter_count"] = len(state.votes)


def _close_on_time(bot: BotState, state: PollState) -> None:
    state.closer = None
    message = state.message
    if message is not None and message.poll is not None and not message.poll["is_closed"]:
        _close(bot, state, message.poll)


def _close(bot: BotState, state: PollState, poll: dict[str, Any]) -> None:
    if state.closer is not None:
        state.closer.cancel()
        state.closer = None
    poll["is_closed"] = True
    bot.updates.push("poll", copy.deepcopy(poll))


POLL_METHODS: dict[str, Handler] = {
    "sendPoll": send_poll,
    "stopPoll": stop_poll,
}
