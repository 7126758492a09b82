"""sendPoll and stopPoll check what Telegram checks; users vote like the app lets them; bots get the updates."""

from __future__ import annotations

import time
from typing import Any

import pytest

from bot.sandbox import BotApiSandbox, SandboxUser
from tests.sandbox.conftest import RawApi

CHAT = 1001
OPTIONS = ["Europol", "INTERPOL", "The UN"]


def quiz(**params: Any) -> dict[str, Any]:
    return {"chat_id": CHAT, "question": "Who publishes Red Notices?", "options": OPTIONS, "type": "quiz",
            "is_anonymous": False, "correct_option_ids": [1], **params}


async def test_a_quiz_comes_back_as_telegram_returns_it(api: RawApi, user: SandboxUser) -> None:
    result = await api.ok("sendPoll", **quiz(
        question="  Who publishes <i>Red</i> Notices?  ", question_parse_mode="HTML",
        options=["Europol", {"text": "<b>INTERPOL</b>", "text_parse_mode": "HTML"}, {"text": "The UN"}],
        explanation="<b>INTERPOL</b>, on request", explanation_parse_mode="HTML", open_period=60))
    poll = result["poll"]
    assert poll["id"].isdigit() and result["date"] + 60 == poll["close_date"]
    assert {name: value for name, value in poll.items() if name not in ("id", "close_date")} == {
        "question": "Who publishes Red Notices?",
        "options": [{"persistent_id": str(index), "text": text, "voter_count": 0} for index, text in enumerate(OPTIONS)],
        "total_voter_count": 0, "open_period": 60, "is_closed": False, "is_anonymous": False,
        "allows_multiple_answers": False, "allows_revoting": False, "members_only": False, "type": "quiz",
        "correct_option_id": 1, "correct_option_ids": [1], "explanation": "INTERPOL, on request",
        "explanation_entities": [{"type": "bold", "offset": 0, "length": 8}],
    }, "only custom emoji survive in questions and options"
    [message] = user.polls
    assert message.poll == poll and message.message_id == result["message_id"]
    assert "Who publishes Red Notices?" in user.transcript[-1].describe()


async def test_regular_polls_default_to_anonymous_with_revoting(api: RawApi, user: SandboxUser) -> None:
    poll = (await api.ok("sendPoll", chat_id=CHAT, question="Lunch?", options=["Yes", "No"]))["poll"]
    assert (poll["type"], poll["is_anonymous"], poll["allows_revoting"]) == ("regular", True, True)
    assert not {"correct_option_id", "correct_option_ids", "explanation", "open_period", "close_date"} & set(poll)
    legacy = await api.ok("sendPoll", **quiz(correct_option_ids=None, correct_option_id=2))
    assert (legacy["poll"]["correct_option_id"], legacy["poll"]["correct_option_ids"]) == (2, [2])
    several = await api.ok("sendPoll", **quiz(allows_multiple_answers=True, correct_option_ids=[0, 2]))
    assert several["poll"]["correct_option_ids"] == [0, 2] and "correct_option_id" not in several["poll"]


async def test_limits_are_counted_after_parsing(api: RawApi, user: SandboxUser) -> None:
    await api.ok("sendPoll", chat_id=CHAT, question="<b>" + "q" * 300 + "</b>", question_parse_mode="HTML",
                 options=[f"{n:02d}" + "o" * 98 for n in range(12)])
    await api.ok("sendPoll", **quiz(explanation="<i>" + "e\n" * 2 + "x" * 196 + "</i>",
                                    explanation_parse_mode="HTML"))
    await api.ok("sendPoll", chat_id=CHAT, question="One way only", options=["Agree"])
    assert len(user.polls) == 3


@pytest.mark.parametrize(("params", "description"), [
    ({"options": OPTIONS * 4 + ["one too many"]}, "Bad Request: poll can't have more than 12 options"),
    ({"options": []}, "Bad Request: poll must have at least one answer option"),
    ({"options": None}, "Bad Request: can't parse options JSON object"),
    ({"options": "Yes, No"}, "Bad Request: can't parse options JSON object"),
    ({"options": {"text": "Yes"}}, "Bad Request: expected an Array of String as options"),
    ({"options": ["Yes", 2]}, "Bad Request: expected an option to be of type String"),
    ({"options": ["Yes", {"label": "No"}]}, 'Bad Request: can\'t find field "text"'),
    ({"options": ["Yes", "o" * 101]}, "Bad Request: poll options length must not exceed 100"),
    ({"options": ["Yes", " \n"]}, "Bad Request: text must be non-empty"),
    ({"question": "q" * 301}, "Bad Request: poll question length must not exceed 300"),
    ({"question": ""}, "Bad Request: text must be non-empty"),
    ({"question": "<b>Who", "question_parse_mode": "HTML"},
     "Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\""),
    ({"type": "survey"}, "Bad Request: unsupported poll type specified"),
    ({"correct_option_ids": None}, "Bad Request: correct quiz option list must be non-empty"),
    ({"correct_option_ids": []}, "Bad Request: correct quiz option list must be non-empty"),
    ({"correct_option_ids": [3]}, "Bad Request: wrong quiz correct_option_id"),
    ({"correct_option_ids": [-1]}, "Bad Request: wrong quiz correct_option_id"),
    ({"correct_option_ids": None, "correct_option_id": 3}, "Bad Request: wrong quiz correct_option_id"),
    ({"correct_option_ids": [2, 1], "allows_multiple_answers": True},
     "Bad Request: correct quiz option list must be increasing"),
    ({"correct_option_ids": [0, 1]}, "Bad Request: QUIZ_CORRECT_ANSWERS_TOO_MUCH"),
    ({"correct_option_ids": ["1"]}, "Bad Request: correct option identifier must be of type Number"),
    ({"correct_option_ids": "[1"}, "Bad Request: can't parse correct option identifiers JSON object"),
    ({"explanation": "x" * 201}, "Bad Request: poll explanation must not exceed 200 characters"),
    ({"explanation": "1\n2\n3\n4"}, "Bad Request: poll explanation must not have more than 2 line feeds"),
    ({"open_period": 4}, "Bad Request: poll open_period must be between 5 and 2628000 seconds"),
    ({"close_date": 1_000_000_000}, "Bad Request: poll close_date must be 5 to 2628000 seconds in the future"),
    ({"members_only": True}, "Bad Request: poll voters can be restricted only in channel chats"),
    ({"reply_markup": {"inline_keyboard": [[{"text": "Go"}]]}},
     "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"),
    ({"chat_id": 999999}, "Bad Request: chat not found"),
])
async def test_send_poll_refusals(api: RawApi, user: SandboxUser, params: dict[str, Any], description: str) -> None:
    request = {name: value for name, value in quiz(**params).items() if value is not None}
    assert await api.error("sendPoll", **request) == (400, description)
    assert user.polls == []


async def test_a_vote_sends_poll_answer_then_poll(api: RawApi, sandbox: BotApiSandbox, user: SandboxUser) -> None:
    poll = (await api.ok("sendPoll", **quiz()))["poll"]
    [message] = user.polls
    voted = await user.answer_poll(message, [2])
    assert voted.poll is not None and [option["voter_count"] for option in voted.poll["options"]] == [0, 0, 1]
    answer, state = await api.ok("getUpdates")
    assert answer["poll_answer"] == {"poll_id": poll["id"], "option_ids": [2], "option_persistent_ids": ["2"],
                                     "user": {"id": CHAT, "is_bot": False, "first_name": "Ana",
                                              "language_code": "en"}}
    assert (state["poll"]["id"], state["poll"]["total_voter_count"]) == (poll["id"], 1)
    assert (user.transcript[-1].kind, user.transcript[-1].data) == ("poll_answer", "[2]")
    with pytest.raises(ValueError, match=r"can't revote in a quiz: already answered \[2\]"):
        await user.answer_poll(message, [1])
    with pytest.raises(ValueError, match="can't retract vote in the poll"):
        await user.answer_poll(message, [])
    with pytest.raises(ValueError, match="can't choose more than 1 option"):
        await user.answer_poll(message, [0, 1])
    await api.ok("getUpdates", offset=state["update_id"] + 1)
    assert await api.ok("getUpdates") == [], "refused votes send nothing"


async def test_anonymous_polls_send_only_poll_updates(api: RawApi, user: SandboxUser) -> None:
    await api.ok("sendPoll", chat_id=CHAT, question="Which days?", options=["Mon", "Tue", "Wed"],
                 allows_multiple_answers=True)
    [message] = user.polls
    await user.answer_poll(message, [2, 0, 2])
    await user.answer_poll(message, [2, 0])
    with pytest.raises(ValueError, match=r"invalid option identifier specified: \[3\]"):
        await user.answer_poll(message, [3])
    retracted = await user.answer_poll(message, [])
    updates = await api.ok("getUpdates")
    assert [list(update) for update in updates] == [["update_id", "poll"]] * 2, "an unchanged vote sends nothing"
    assert [[option["voter_count"] for option in update["poll"]["options"]] for update in updates] == [
        [1, 0, 1], [0, 0, 0]]
    assert retracted.poll is not None and retracted.poll["total_voter_count"] == 0


async def test_stop_poll(api: RawApi, user: SandboxUser) -> None:
    sent = await api.ok("sendPoll", **quiz())
    text = await api.ok("sendMessage", chat_id=CHAT, text="not a poll")
    [message] = user.polls
    await user.answer_poll(message, [1])
    user.drain()
    keyboard = {"inline_keyboard": [[{"text": "Results", "callback_data": "results"}]]}
    stopped = await api.ok("stopPoll", chat_id=CHAT, message_id=sent["message_id"], reply_markup=keyboard)
    assert (stopped["is_closed"], stopped["total_voter_count"], stopped["correct_option_ids"]) == (True, 1, [1])
    event = await user.next_event()
    assert event.kind == "edit" and event.message is not None and event.message.poll == stopped
    assert event.message.button_labels() == ["Results"] and event.message.edit_date is not None
    assert (await api.ok("getUpdates"))[-1]["poll"] == stopped
    with pytest.raises(ValueError, match="can't answer closed poll"):
        await user.answer_poll(message, [0])
    assert await api.error("stopPoll", chat_id=CHAT, message_id=sent["message_id"]) == (
        400, "Bad Request: poll has already been closed")
    assert await api.error("stopPoll", chat_id=CHAT, message_id=999) == (
        400, "Bad Request: message with poll to stop not found")
    assert await api.error("stopPoll", chat_id=CHAT, message_id=text["message_id"]) == (
        400, "Bad Request: message is not a poll")
    closed = await api.ok("sendPoll", **quiz(is_closed=True))
    assert closed["poll"]["is_closed"] is True
    assert await api.error("stopPoll", chat_id=CHAT, message_id=closed["message_id"]) == (
        400, "Bad Request: poll has already been closed")


async def test_open_period_closes_the_poll(api: RawApi, sandbox: BotApiSandbox, user: SandboxUser) -> None:
    sandbox.open_period_scale = 0.01
    sent = await api.ok("sendPoll", chat_id=CHAT, question="Quick?", options=["Yes", "No"], is_anonymous=False,
                        open_period=5)
    user.drain()
    assert (sent["poll"]["open_period"], sent["poll"]["close_date"]) == (5, sent["date"] + 5)
    started = time.monotonic()
    [update] = await api.ok("getUpdates", timeout=2)
    assert update["poll"]["is_closed"] is True and time.monotonic() - started < 1
    [message] = user.polls
    assert message.poll is not None and message.poll["is_closed"]
    with pytest.raises(ValueError, match="can't answer closed poll"):
        await user.answer_poll(message, [0])
    await user.expect_silence(0.01)


async def test_allowed_updates_filter_poll_updates(api: RawApi, user: SandboxUser) -> None:
    await api.ok("sendPoll", **quiz())
    await api.ok("getUpdates", allowed_updates=["poll_answer"])
    await user.answer_poll(user.polls[0], [1])
    assert [list(update)[1] for update in await api.ok("getUpdates")] == ["poll_answer"]
