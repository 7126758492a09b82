"""Smaller findings of the adversarial review: answers that match what really happened."""

from __future__ import annotations

from bot.sandbox import BotApiSandbox
from tests.integration.conftest import ADMIN_ID, I18N, MovableClock, verify

T = I18N.translator("en")


async def test_revoking_an_administrators_manager_role_says_they_stay_administrator(bot, sandbox: BotApiSandbox) -> None:
    admin = sandbox.user(user_id=ADMIN_ID, language_code="en")
    await admin.send("/revoke_manager 9000")
    assert (await admin.wait_reply()).text == T("role-admin-by-settings", account="9000")
    await admin.send("/conflicts")
    assert (await admin.wait_reply()).text == T("conflicts-none"), "still an administrator"
    await verify(sandbox.user(user_id=5002, language_code="en"))
    await admin.send("/revoke_manager 5002")
    assert (await admin.wait_reply()).text == T("role-revoked", account="5002")


async def test_certificate_lookups_are_limited_per_account_and_minute(
    bot, sandbox: BotApiSandbox, settings, clock: MovableClock
) -> None:
    stranger = sandbox.user(user_id=7500, language_code="en")
    for attempt in range(settings.certificate_lookups_per_minute):
        await stranger.send(f"/verify LB-00000-{attempt:05d}")
        assert (await stranger.wait_reply()).text == T("verify-unknown", code=f"LB-00000-{attempt:05d}")
    await stranger.send("/verify LB-00000-99999")
    assert (await stranger.wait_reply()).text == T("certificate-lookups-limit")
    other = sandbox.user(user_id=7501, language_code="en")
    await other.send("/verify LB-00000-99999")
    assert (await other.wait_reply()).text == T("verify-unknown", code="LB-00000-99999"), "per account"
    clock.advance(minutes=1, seconds=1)
    await stranger.send("/verify LB-00000-99999")
    assert (await stranger.wait_reply()).text == T("verify-unknown", code="LB-00000-99999")
