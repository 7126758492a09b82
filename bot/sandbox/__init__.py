"""A local Telegram Bot API server and scripted users: the harness for tests, benchmarks and the demo.

    async with BotApiSandbox() as sandbox:
        token = sandbox.register_bot()
        ...  # run the real Application with base_url=sandbox.base_url
        user = sandbox.user(user_id=1001)
        await user.send("/start")
        reply = await user.wait_reply()

Faults on purpose (bot/sandbox/faults.py lists what PTB raises for each kind):

    fault = sandbox.faults.add("429", method="sendMessage", chat_id=1001, count=2, retry_after=3)
    sandbox.faults.add("403", chat_id=1002)                      # every call about chat 1002, until removed
    sandbox.faults.add("403", chat_id=1003, description="user is deactivated")
    sandbox.faults.add("5xx", status=502, fraction=0.1, seed=7)  # a reproducible tenth of all calls
    sandbox.faults.add("slow", method="sendDocument", delay=2.0) # delivered, answered 2 s late
    sandbox.faults.add("drop", method="editMessageText", count=1)
    fault.fired, fault.active; fault.remove(); sandbox.faults.clear()
A fault without method= leaves getUpdates alone. A faulted call changes nothing (but "slow") and is
recorded in sandbox.calls with ok=False and fault="<kind>", so tests can count attempts.

Latency, in real seconds, for every call but getUpdates:

    sandbox.latency = (0.05, 0.10)

Telegram's flood limits on sends and edits (all off by default), at a time scale:

    sandbox.limits.like_telegram(time_scale=10)   # 3 per 3 s per chat, 20/min per group, 30/s per bot, 10x faster
    sandbox.limits.private_chat = Limit(1, 1.0)   # or set one scope; None switches it off
    sandbox.limits.accepted, sandbox.limits.refused, sandbox.limits.peak, sandbox.limits.summary()
retry_after stays a whole number of sandbox seconds (real seconds x time_scale): a client that divides
it by the same scale (sandbox.limits.real_seconds) waits just long enough; one that does not waits longer.
"""

from bot.sandbox.client import SandboxUser
from bot.sandbox.faults import Fault, FaultPlan
from bot.sandbox.params import UploadedFile
from bot.sandbox.ratelimit import TELEGRAM_LIMITS, Limit, RateLimits
from bot.sandbox.server import BotApiSandbox
from bot.sandbox.state import ApiCall, CallbackAnswer, ChatEvent, SandboxMessage

__all__ = [
    "TELEGRAM_LIMITS",
    "ApiCall",
    "BotApiSandbox",
    "CallbackAnswer",
    "ChatEvent",
    "Fault",
    "FaultPlan",
    "Limit",
    "RateLimits",
    "SandboxMessage",
    "SandboxUser",
    "UploadedFile",
]
