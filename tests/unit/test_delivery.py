"""The delivery governor's policy, one rule at a time, with scripted Bot API answers."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from typing import Any

import pytest
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.delivery import REPLY_RESERVE, DeliveryGovernor, DeliveryLimits, Lane, lane_args
from bot.metrics import Metrics

FAST = DeliveryLimits(backoff=0.01, backoff_max=0.05, retries=3)


class ScriptedApi:
    """Answers each call with the next scripted outcome (an exception to raise, or a result)."""

    def __init__(self, *outcomes: Any) -> None:
        self._outcomes: Iterator[Any] = iter(outcomes)
        self.calls: list[tuple[str, float]] = []

    async def __call__(self, endpoint: str, data: dict[str, Any]) -> Any:
        self.calls.append((endpoint, time.monotonic()))
        outcome = next(self._outcomes, {"ok": True})
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome


async def send(governor: DeliveryGovernor, api: ScriptedApi, endpoint: str = "sendMessage", chat_id: int | None = 1,
               lane: Lane = Lane.REPLY) -> Any:
    data: dict[str, Any] = {"chat_id": chat_id, "text": "hello"} if chat_id is not None else {}
    return await governor.process_request(api, (endpoint, data), {}, endpoint, data,
                                          None if lane is Lane.REPLY else lane_args(lane))


def value(metrics: Metrics, name: str, **labels: str) -> float:
    return metrics.registry.get_sample_value(name, labels) or 0.0


async def test_a_429_is_honoured_for_exactly_retry_after_then_sent_once_more() -> None:
    metrics = Metrics()
    governor = DeliveryGovernor(DeliveryLimits(time_scale=10), metrics)
    api = ScriptedApi(RetryAfter(3))  # 3 "sandbox seconds" at a time scale of 10: 0.3 s
    assert await send(governor, api) == {"ok": True}
    (_, first), (_, second) = api.calls
    assert 0.29 <= second - first < 0.6
    assert value(metrics, "learnbot_rate_limited_total", lane="reply") == 1
    assert value(metrics, "learnbot_messages_total", lane="reply", outcome="ok") == 1


async def test_a_429_for_one_chat_does_not_hold_replies_to_another() -> None:
    governor = DeliveryGovernor(DeliveryLimits(), Metrics())
    throttled = asyncio.create_task(send(governor, ScriptedApi(RetryAfter(2)), chat_id=1))
    await asyncio.sleep(0.05)
    started = time.monotonic()
    await send(governor, ScriptedApi(), chat_id=2)
    assert time.monotonic() - started < 1.0, "not held for the other chat's 2 s"
    assert not throttled.done()
    throttled.cancel()


async def test_a_bulk_429_pauses_the_bulk_lane_but_not_replies() -> None:
    governor = DeliveryGovernor(DeliveryLimits(time_scale=10), Metrics())
    await send(governor, ScriptedApi(RetryAfter(10)), chat_id=1, lane=Lane.ANNOUNCEMENT)  # a 1 s pause for bulk
    started = time.monotonic()
    await send(governor, ScriptedApi(), chat_id=3, lane=Lane.REPLY)
    reply_took = time.monotonic() - started
    started = time.monotonic()
    await asyncio.gather(send(governor, ScriptedApi(), chat_id=4, lane=Lane.ANNOUNCEMENT),
                         send(governor, ScriptedApi(), chat_id=5, lane=Lane.REMINDER))
    assert reply_took < 0.5
    assert time.monotonic() - started < 0.5, "the pause had ended while the first bulk send waited it out"


async def test_forbidden_marks_the_chat_unreachable_and_is_not_retried() -> None:
    marked: list[int] = []

    async def on_unreachable(chat_id: int) -> None:
        marked.append(chat_id)

    metrics = Metrics()
    governor = DeliveryGovernor(FAST, metrics, on_unreachable=on_unreachable)
    api = ScriptedApi(Forbidden("Forbidden: bot was blocked by the user"))
    with pytest.raises(Forbidden):
        await send(governor, api, chat_id=77)
    assert marked == [77] and len(api.calls) == 1
    assert value(metrics, "learnbot_unreachable_marks_total") == 1


async def test_server_errors_and_timeouts_are_retried_with_backoff_then_given_up() -> None:
    governor = DeliveryGovernor(FAST, Metrics())
    api = ScriptedApi(NetworkError("Bad Gateway"), TimedOut(), {"message_id": 5})
    assert await send(governor, api) == {"message_id": 5}
    assert len(api.calls) == 3
    failing = ScriptedApi(*(NetworkError("Bad Gateway") for _ in range(10)))
    with pytest.raises(NetworkError):
        await send(governor, failing)
    assert len(failing.calls) == FAST.retries + 1


async def test_not_modified_is_success_and_other_bad_requests_are_not_retried() -> None:
    governor = DeliveryGovernor(FAST, Metrics())
    assert await send(governor, ScriptedApi(BadRequest("Message is not modified: specified new message content "
                                                       "and reply markup are exactly the same")), "editMessageText") is True
    api = ScriptedApi(BadRequest("Chat not found"))
    with pytest.raises(BadRequest):
        await send(governor, api)
    assert len(api.calls) == 1


async def test_state_is_committed_before_every_call() -> None:
    order: list[str] = []

    async def commit() -> None:
        order.append("commit")

    class Recording(ScriptedApi):
        async def __call__(self, endpoint: str, data: dict[str, Any]) -> Any:
            order.append(endpoint)
            return await super().__call__(endpoint, data)

    governor = DeliveryGovernor(FAST, Metrics(), before_send=commit)
    await send(governor, Recording(), "answerCallbackQuery", chat_id=None)
    await send(governor, Recording(), "editMessageText")
    assert order == ["commit", "answerCallbackQuery", "commit", "editMessageText"]


async def test_bulk_sends_to_one_chat_are_paced_and_replies_take_from_the_same_budget() -> None:
    limits = DeliveryLimits(global_per_second=20, chat_per_second=20)
    governor = DeliveryGovernor(limits, Metrics())
    started = time.monotonic()
    await asyncio.gather(*(send(governor, ScriptedApi(), chat_id=9, lane=Lane.ANNOUNCEMENT) for _ in range(5)))
    assert time.monotonic() - started >= 4 / 20 * 0.9, "one message per 1/20 s to one chat"

    fresh = DeliveryGovernor(DeliveryLimits(global_per_second=10), Metrics())
    started = time.monotonic()
    await asyncio.gather(*(send(fresh, ScriptedApi(), chat_id=100 + i) for i in range(10)))  # replies: no wait
    replies_took = time.monotonic() - started
    await send(fresh, ScriptedApi(), chat_id=500, lane=Lane.REMINDER)  # the budget was used by the replies
    assert replies_took < 0.5 and time.monotonic() - started >= 0.05


async def test_a_reply_leaving_while_a_bulk_send_waits_pushes_that_send_a_whole_gap_back() -> None:
    governor = DeliveryGovernor(DeliveryLimits(global_per_second=10), Metrics())
    bulk = ScriptedApi()
    await send(governor, bulk, chat_id=500, lane=Lane.ANNOUNCEMENT)
    waiting = asyncio.create_task(send(governor, bulk, chat_id=501, lane=Lane.ANNOUNCEMENT))
    await asyncio.sleep(0.05)  # the second bulk send waits its turn (a gap is 1/(10-1.2) s, about 114 ms)
    reply = ScriptedApi()
    await send(governor, reply, chat_id=7)  # a reply never waits, and takes the slot
    await waiting
    (_, replied), (_, bulk_left) = reply.calls[0], bulk.calls[1]
    assert bulk_left - replied >= 0.9 / (10 - REPLY_RESERVE), "the bulk send left a whole gap after the reply, not with it"
