"""Settings: file, environment overrides, and one clear line naming a bad setting."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import SettingsError, load_settings

SECRET = "s" * 40


@pytest.fixture(autouse=True)
def isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    config = tmp_path / "learnbot.toml"
    config.write_text('polling_timeout = 20\nadmin_ids = [5, 6]\n')
    monkeypatch.setenv("LEARNBOT_CONFIG", str(config))
    return config


def test_file_values_are_read_and_environment_overrides_them(monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings().polling_timeout == 20
    monkeypatch.setenv("LEARNBOT_POLLING_TIMEOUT", "5")
    monkeypatch.setenv("LEARNBOT_ADMIN_IDS", "111, 222")
    settings = load_settings()
    assert settings.polling_timeout == 5
    assert settings.admin_ids == {111, 222}


def test_admin_ids_from_file_list() -> None:
    assert load_settings().admin_ids == {5, 6}


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("LEARNBOT_DATABASE_URL", "mysql://x", "LEARNBOT_DATABASE_URL (database_url): must start with"),
        ("LEARNBOT_SECRET_KEY", "short", "LEARNBOT_SECRET_KEY (secret_key): must be at least 32 characters"),
        ("LEARNBOT_ADMIN_IDS", "12,abc", "LEARNBOT_ADMIN_IDS (admin_ids)"),
        ("LEARNBOT_POLLING_TIMEOUT", "600", "LEARNBOT_POLLING_TIMEOUT (polling_timeout)"),
        ("LEARNBOT_DEFAULT_LOCALE", "de", "LEARNBOT_DEFAULT_LOCALE (default_locale)"),
        ("LEARNBOT_WEBHOOK_URL", "http://insecure", "LEARNBOT_WEBHOOK_URL (webhook_url): must be an https://"),
    ],
)
def test_invalid_setting_is_named_in_one_line(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, expected: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError) as raised:
        load_settings()
    message = str(raised.value)
    assert expected in message
    assert "\n" not in message


def test_unknown_key_in_file_is_named(isolated_environment: Path) -> None:
    isolated_environment.write_text('databse_url = "sqlite+aiosqlite:///x"\n')
    with pytest.raises(SettingsError, match="databse_url"):
        load_settings()


def test_malformed_file_is_reported(isolated_environment: Path) -> None:
    isolated_environment.write_text("polling_timeout = = 3\n")
    with pytest.raises(SettingsError, match="settings:"):
        load_settings()


def test_missing_config_file_named_by_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("LEARNBOT_CONFIG", str(tmp_path / "absent.toml"))
    with pytest.raises(SettingsError, match="LEARNBOT_CONFIG"):
        load_settings()


def test_run_requires_token_and_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(SettingsError, match="LEARNBOT_TOKEN"):
        load_settings().require_runtime_secrets()
    monkeypatch.setenv("LEARNBOT_TOKEN", "1:abc")
    with pytest.raises(SettingsError, match="LEARNBOT_SECRET_KEY"):
        load_settings().require_runtime_secrets()
    monkeypatch.setenv("LEARNBOT_SECRET_KEY", SECRET)
    load_settings().require_runtime_secrets()


def test_cli_prints_one_line_and_exits_2(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from bot.__main__ import main

    monkeypatch.setenv("LEARNBOT_DATABASE_URL", "oracle://nope")
    assert main(["db", "upgrade"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("learnbot: setting LEARNBOT_DATABASE_URL (database_url):")
    assert len(err.splitlines()) == 1
