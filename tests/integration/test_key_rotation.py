"""Rotating the secret key while officers use the bot: nobody is locked out, and a re-import moves every row."""

from __future__ import annotations

import json
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from pydantic import SecretStr

from bot.app import build_application
from bot.context import LearnbotApplication
from bot.lifecycle import running
from bot.sandbox import BotApiSandbox
from bot.services.keys import key_usage
from bot.services.privacy import key_id
from bot.settings import Settings
from bot.storage.database import UnitOfWork
from tests.integration.conftest import (
    I18N,
    LISTED,
    MANAGERS,
    MovableClock,
    personnel_csv,
    seed_personnel,
    settle,
    starter_course,
    verify,
)
from tests.integration.test_access import INVITE, asks_to_verify

T = I18N.translator("en")
COURSE = starter_course()
MANAGER = MANAGERS[0]


@pytest.fixture
def with_keys(settings: Settings, clock: MovableClock):
    @asynccontextmanager
    async def start(*keys: str) -> AsyncIterator[LearnbotApplication]:
        rotated = settings.model_copy(update={"secret_key": None, "secret_keys": tuple(map(SecretStr, keys))})
        async with running(build_application(rotated, clock=clock), polling_timeout=1) as application:
            yield application

    return start


async def keys_in_use(bot: LearnbotApplication) -> dict[str, dict[str, int]]:
    unit = UnitOfWork(bot.services.sessions)
    usages = await key_usage(unit.session, bot.services.clock())
    await unit.finish()
    return {usage.label: dict(usage.by_key) for usage in usages}


async def test_officers_and_invites_of_key_1_keep_working_under_key_2(with_keys, sandbox: BotApiSandbox) -> None:
    key_1, key_2 = secrets.token_urlsafe(48), secrets.token_urlsafe(48)
    async with with_keys(key_1) as bot:
        await seed_personnel(bot, personnel_csv(LISTED, MANAGERS))
        verified = sandbox.user(user_id=5001, language_code="en")
        await verify(verified)
        manager = sandbox.user(user_id=MANAGER, language_code="en")
        await verify(manager)
        await manager.send("/invite P-5002")
        code = INVITE.search((await manager.wait_reply()).text)
        assert code is not None
        await settle(bot)

    async with with_keys(key_2, key_1) as bot:
        assert (await keys_in_use(bot))["personnel entries"] == {key_id(key_1): len(LISTED)}
        await verified.send("/courses")
        assert COURSE.titles["en"] in (await verified.wait_reply()).button_labels(), "still verified"
        await verify(sandbox.user(user_id=5003, language_code="en"))  # a phone hashed under key 1
        newcomer = sandbox.user(user_id=7001, language_code="en")
        await newcomer.send(code.group(0))
        assert (await newcomer.wait_reply()).text == T("verify-success"), "an invite made under key 1"
        await newcomer.wait_reply()
        await verified.send("/mydata")
        data = json.loads(sandbox.bot_state().files[(await verified.wait_reply()).document["file_id"]].content)
        assert [entry["action"] for entry in data["audit_entries_about_you"]] == ["verify.ok"], (
            "audit entries written under key 1 are still found for the account"
        )

        await manager.send_document(file_name="list.csv", content=personnel_csv(LISTED, MANAGERS))
        await manager.wait_reply()
        await manager.press(T("import-confirm"))
        assert (await manager.wait_reply()).text.splitlines() == [
            T("import-done", added=0, updated=0, removed=0, unchanged=0), T("import-rehashed", count=len(LISTED))
        ]
        await settle(bot)
        assert (await keys_in_use(bot))["personnel entries"] == {key_id(key_2): len(LISTED)}, "every row moved"

    async with with_keys(key_2) as bot:
        await verify(sandbox.user(user_id=5004, language_code="en"))
        stranger = sandbox.user(user_id=7002, language_code="en")
        await stranger.send("/courses")
        assert asks_to_verify(await stranger.wait_reply())
