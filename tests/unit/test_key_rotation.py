"""Key rotation: hashes name their key, lookups try every key, settings hold a ring, `keys status` counts."""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.services.access import AccessService, Verification
from bot.services.audit import AuditLog
from bot.services.officers import OfficerService
from bot.services.personnel import PersonnelService, parse_personnel_csv
from bot.services.privacy import LEGACY, IdentifierHasher, Kind, key_id, key_id_of
from bot.settings import SettingsError, load_settings
from bot.storage.database import UnitOfWork
from tests.conftest import FixedClock

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "personnel"
KEY_1, KEY_2 = "1" * 40, "2" * 40


def test_a_key_id_names_a_key_without_revealing_it() -> None:
    assert key_id(KEY_1) == hmac.new(KEY_1.encode(), b"key-id", hashlib.sha256).hexdigest()[:8]
    assert key_id(KEY_1) != key_id(KEY_2) and len(key_id(KEY_1)) == 8
    assert key_id(KEY_1) not in KEY_1.encode().hex()
    stored = IdentifierHasher(KEY_1).phone("+33612345678")
    assert key_id_of(stored) == key_id(KEY_1) and len(stored) <= 64
    assert key_id_of(hmac.new(b"x", b"y", hashlib.sha256).hexdigest()) == LEGACY
    assert key_id_of("cli") is None


def test_new_hashes_use_the_current_key_and_lookups_try_every_key() -> None:
    old, rotated = IdentifierHasher(KEY_1), IdentifierHasher(KEY_2, KEY_1)
    assert key_id_of(rotated.phone("+33612345678")) == key_id(KEY_2)
    assert old.phone("+33612345678") in rotated.forms(Kind.PHONE, "+33612345678")
    assert old.phone("+33612345678") not in IdentifierHasher(KEY_2).forms(Kind.PHONE, "+33612345678")
    assert old.phone("+33612345678") not in rotated.forms(Kind.EMAIL, "+33612345678"), "domains stay apart"
    legacy = hmac.new(KEY_1.encode(), b"phone:+33612345678", hashlib.sha256).hexdigest()
    assert legacy in rotated.forms(Kind.PHONE, "+33612345678"), "hashes from before key ids still match"
    with pytest.raises(ValueError):
        IdentifierHasher(KEY_1, KEY_1)


def test_settings_hold_one_key_or_a_ring(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("LEARNBOT_SECRET_KEY", KEY_1)
    assert load_settings().key_ring() == (KEY_1,)
    monkeypatch.delenv("LEARNBOT_SECRET_KEY")
    monkeypatch.setenv("LEARNBOT_SECRET_KEYS", f"{KEY_2}, {KEY_1}")
    assert load_settings().key_ring() == (KEY_2, KEY_1)
    monkeypatch.setenv("LEARNBOT_SECRET_KEY", KEY_1)
    with pytest.raises(SettingsError, match="LEARNBOT_SECRET_KEYS .secret_keys.: set either"):
        load_settings()
    monkeypatch.delenv("LEARNBOT_SECRET_KEY")
    monkeypatch.setenv("LEARNBOT_SECRET_KEYS", f"{KEY_2},short")
    with pytest.raises(SettingsError, match="at least 32 characters"):
        load_settings()
    monkeypatch.setenv("LEARNBOT_SECRET_KEYS", f"{KEY_2},{KEY_2}")
    with pytest.raises(SettingsError, match="listed twice"):
        load_settings()
    monkeypatch.delenv("LEARNBOT_SECRET_KEYS")
    key_file = tmp_path / "keys"
    key_file.write_text(f"# current first\n{KEY_2}\n\n{KEY_1}\n")
    monkeypatch.setenv("LEARNBOT_SECRET_KEYS_FILE", str(key_file))
    assert load_settings().key_ring() == (KEY_2, KEY_1)
    monkeypatch.setenv("LEARNBOT_SECRET_KEYS_FILE", str(tmp_path / "absent"))
    with pytest.raises(SettingsError, match="LEARNBOT_SECRET_KEYS_FILE .secret_keys_file.: .*cannot read"):
        load_settings()


async def test_verification_and_invites_survive_a_rotation(sessions) -> None:
    clock = FixedClock()
    unit = UnitOfWork(sessions)
    rows, _ = parse_personnel_csv((FIXTURES / "valid.csv").read_bytes(), IdentifierHasher(KEY_1))
    await PersonnelService(clock).replace(unit.session, rows)
    before = AccessService(IdentifierHasher(KEY_1), AuditLog(clock), clock, frozenset())
    officers = OfficerService(clock)
    first = await officers.identify(unit.session, 1, "en")
    assert await before.verify_contact(unit.session, first, 1, "+33612345678") is Verification.VERIFIED
    created = await before.create_invite(unit.session, "KE-0004", "cli")
    assert created is not None
    claimant = await officers.identify(unit.session, 3, "en")
    await before.verify_contact(unit.session, claimant, 3, "+33612345678")  # a conflict, audited under key 1
    await unit.finish()

    after = AccessService(IdentifierHasher(KEY_2, KEY_1), AuditLog(clock), clock, frozenset())
    unit = UnitOfWork(sessions)
    second = await officers.identify(unit.session, 2, "en")
    assert await after.verify_contact(unit.session, second, 2, "+34612345678") is Verification.VERIFIED
    fourth = await officers.identify(unit.session, 4, "en")
    assert await after.redeem_invite(unit.session, fourth, created[0]) is Verification.VERIFIED
    assert await after.conflicts(unit.session) == ["FR-0001"]
    await unit.finish()

    dropped = AccessService(IdentifierHasher(KEY_2), AuditLog(clock), clock, frozenset())
    unit = UnitOfWork(sessions)
    fifth = await officers.identify(unit.session, 5, "en")
    assert await dropped.verify_contact(unit.session, fifth, 5, "+212612345678") is Verification.NOT_ON_LIST
    await unit.finish()


def test_keys_status_counts_rows_under_older_keys_until_reimport(
    monkeypatch: pytest.MonkeyPatch, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LEARNBOT_DATABASE_URL", database_url)
    monkeypatch.setenv("LEARNBOT_SECRET_KEY", KEY_1)
    assert main(["personnel", "import", str(FIXTURES / "valid.csv")]) == 0
    assert main(["personnel", "invite", "KE-0004"]) == 0
    capsys.readouterr()
    assert main(["keys", "status"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"current key: {key_id(KEY_1)}",
        "personnel entries: 4 under the current key",
        "open invites: 1 under the current key",
        "audit entries: 1 under the current key",
        "rate-limit records: none",
        "every personnel entry and open invite uses the current key: older keys can be removed",
    ]

    monkeypatch.delenv("LEARNBOT_SECRET_KEY")
    monkeypatch.setenv("LEARNBOT_SECRET_KEYS", f"{KEY_2},{KEY_1}")
    assert main(["keys", "status"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"current key: {key_id(KEY_2)}; older keys: {key_id(KEY_1)}"
    assert out[1] == f"personnel entries: 4 under older key {key_id(KEY_1)}"
    assert out[2] == f"open invites: 1 under older key {key_id(KEY_1)}"
    assert out[-1].startswith("still under an older key: 5 (personnel entries: 4, open invites: 1)")

    assert main(["personnel", "import", str(FIXTURES / "valid.csv")]) == 0
    assert main(["keys", "status"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "personnel entries: 4 under the current key" in out
    assert out[-1].startswith("still under an older key: 1 (open invites: 1)")

    monkeypatch.setenv("LEARNBOT_SECRET_KEYS", KEY_2)
    assert main(["keys", "status"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert f"open invites: 1 under key {key_id(KEY_1)} (not configured)" in out
    assert out[-1].startswith(f"warning: rows hashed under {key_id(KEY_1)}, which is no longer configured")
