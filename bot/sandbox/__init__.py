"""A local Telegram Bot API server and scripted users: the harness for tests, benchmarks and the demo.

    async with BotApiSandbox() as sandbox:
        token = sandbox.register_bot()
        ...  # run the real Application with base_url=sandbox.base_url
        user = sandbox.user(user_id=1001)
        await user.send("/start")
        reply = await user.wait_reply()
"""

from bot.sandbox.client import SandboxUser
from bot.sandbox.params import UploadedFile
from bot.sandbox.server import BotApiSandbox
from bot.sandbox.state import ApiCall, CallbackAnswer, ChatEvent, SandboxMessage

__all__ = [
    "ApiCall",
    "BotApiSandbox",
    "CallbackAnswer",
    "ChatEvent",
    "SandboxMessage",
    "SandboxUser",
    "UploadedFile",
]
