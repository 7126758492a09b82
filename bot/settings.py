"""Typed settings: config/learnbot.toml, overridden by LEARNBOT_* environment variables."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic_settings import (
    BaseSettings,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from bot.daytime import parse_clock, parse_quiet_hours
from bot.locales import SUPPORTED_LOCALES

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG_FILE = PROJECT_ROOT / "config" / "learnbot.toml"
ENV_PREFIX = "LEARNBOT_"



class SettingsError(Exception):
    """A missing or invalid setting; the message names the setting in one line."""


class Settings(BaseSettings):
    """Everything the bot needs to run; see config/learnbot.example.toml for each key."""

    # An empty variable (KEY= in an environment file) counts as unset, so required secrets are still named.
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="forbid", frozen=True, env_ignore_empty=True)

    token: SecretStr | None = None
    api_base_url: str = "https://api.telegram.org/bot"
    api_base_file_url: str = "https://api.telegram.org/file/bot"
    database_url: str = f"sqlite+aiosqlite:///{PROJECT_ROOT / 'var' / 'learnbot.sqlite3'}"
    secret_key: SecretStr | None = None
    # Key rotation: the current key first, then older keys still accepted (comma-separated), or a file of them.
    secret_keys: Annotated[tuple[SecretStr, ...], NoDecode] = ()
    secret_keys_file: Path | None = None
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    content_dir: Path = PROJECT_ROOT / "content"
    locales_dir: Path = PROJECT_ROOT / "locales"
    default_locale: str = "en"
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    # The web server (webhook, /healthz, /readyz, /metrics, the console); no port, no server in polling mode.
    web_host: str = "127.0.0.1"
    web_port: int | None = Field(default=None, ge=0, le=65535)
    polling_timeout: int = Field(default=30, ge=0, le=50)
    # The managers' console: the address managers open (behind a TLS proxy); default http://web_host:web_port.
    console_base_url: str | None = None
    console_link_minutes: int = Field(default=10, ge=1, le=60)
    console_idle_hours: float = Field(default=8.0, gt=0, le=72)
    # Runtime: start-up retries, shutdown drain, concurrency, queues, caches.
    startup_retry_seconds: float = Field(default=60.0, ge=0, le=3600)
    drain_seconds: float = Field(default=10.0, ge=0, le=600)
    max_concurrent_updates: int = Field(default=64, ge=1, le=1024)
    webhook_queue_limit: int = Field(default=1000, ge=1, le=100_000)
    database_pool_size: int = Field(default=10, ge=1, le=500)
    progress_flush_seconds: float = Field(default=0.5, gt=0, le=60)
    cache_follow_seconds: float = Field(default=1.0, gt=0, le=60)
    officer_cache_size: int = Field(default=20_000, ge=0, le=10_000_000)
    # Delivery governor: Telegram's limits, and how failed sends are retried.
    send_rate_global: float = Field(default=30.0, gt=0)
    send_rate_chat: float = Field(default=1.0, gt=0)
    send_rate_group_per_minute: float = Field(default=20.0, gt=0)
    send_bulk_concurrency: int = Field(default=8, ge=1, le=256)
    send_retries: int = Field(default=4, ge=0, le=20)
    send_backoff_seconds: float = Field(default=0.5, gt=0, le=60)
    send_backoff_max_seconds: float = Field(default=30.0, gt=0, le=3600)
    # Only for a time-scaled test sandbox, whose retry_after counts its own faster seconds.
    send_time_scale: float = Field(default=1.0, gt=0)
    # Reminders and announcements (see config/learnbot.example.toml).
    reminder_time: str = "18:00"
    reminder_quiet_hours: str = "21:00-07:00"
    reminder_tick_seconds: float = Field(default=30.0, gt=0, le=3600)
    announcement_tick_seconds: float = Field(default=1.0, gt=0, le=3600)
    announcement_approval_above: int = Field(default=500, ge=0)
    delivery_window: int = Field(default=60, ge=1, le=10_000)
    delivery_lease_seconds: float = Field(default=300.0, gt=0, le=86_400)
    verification_days: int = Field(default=180, ge=1, le=3650)
    invite_days: int = Field(default=7, ge=1, le=90)
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_format: Literal["text", "json"] = "text"
    error_report_chat_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    error_report_minutes: int = Field(default=15, ge=1, le=1440)
    # Hardening limits (config/learnbot.example.toml documents each).
    invite_failures_per_hour: int = Field(default=100, ge=1, le=100_000)
    certificate_lookups_per_minute: int = Field(default=10, ge=1, le=1000)
    personnel_max_rows: int = Field(default=50_000, ge=1, le=1_000_000)
    personnel_max_file_mb: int = Field(default=10, ge=1, le=20)
    personnel_upload_hours: int = Field(default=24, ge=1, le=720)
    # Certificates, access and statistics (see config/learnbot.example.toml).
    organisation_name: str = Field(default="learnbot", min_length=1, max_length=120)
    access_contact: str = Field(default="", max_length=200)
    certificate_personnel_id: bool = False
    stats_min_answers: int = Field(default=5, ge=1, le=10000)

    @field_validator("admin_ids", "error_report_chat_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            return frozenset(int(part) for part in value.replace(" ", "").split(",") if part)
        return value

    @field_validator("default_locale")
    @classmethod
    def _supported_locale(cls, value: str) -> str:
        if value not in SUPPORTED_LOCALES:
            raise ValueError(f"must be one of {', '.join(SUPPORTED_LOCALES)}")
        return value

    @field_validator("reminder_time")
    @classmethod
    def _clock_time(cls, value: str) -> str:
        if parse_clock(value) is None:
            raise ValueError("must be a time of day such as 18:00")
        return value

    @field_validator("reminder_quiet_hours")
    @classmethod
    def _quiet_hours(cls, value: str) -> str:
        if value.strip().lower() not in ("", "off") and parse_quiet_hours(value) is None:
            raise ValueError('must be two times such as "21:00-07:00", or "off"')
        return value

    @field_validator("database_url")
    @classmethod
    def _async_driver(cls, value: str) -> str:
        if not value.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError("must start with sqlite+aiosqlite:// or postgresql+asyncpg://")
        return value

    @field_validator("secret_key")
    @classmethod
    def _long_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None:
            _check_keys((value.get_secret_value(),))
        return value

    @field_validator("secret_keys", mode="before")
    @classmethod
    def _split_keys(cls, value: object) -> object:
        return _key_list(value) if isinstance(value, str) else value

    @field_validator("secret_keys")
    @classmethod
    def _valid_keys(cls, value: tuple[SecretStr, ...], info: ValidationInfo) -> tuple[SecretStr, ...]:
        if value and info.data.get("secret_key") is not None:
            raise ValueError(f"set either {ENV_PREFIX}SECRET_KEY or {ENV_PREFIX}SECRET_KEYS, not both")
        _check_keys(tuple(key.get_secret_value() for key in value))
        return value

    @field_validator("secret_keys_file")
    @classmethod
    def _valid_key_file(cls, value: Path | None, info: ValidationInfo) -> Path | None:
        if value is not None and (info.data.get("secret_key") is not None or info.data.get("secret_keys")):
            raise ValueError(f"set only one of {ENV_PREFIX}SECRET_KEY, {ENV_PREFIX}SECRET_KEYS and {ENV_PREFIX}SECRET_KEYS_FILE")
        if value is not None:
            _check_keys(_read_key_file(value))
        return value

    def key_ring(self) -> tuple[str, ...]:
        """The secret keys, current first; SettingsError when none is configured."""
        if self.secret_keys_file is not None:
            return _read_key_file(self.secret_keys_file)
        if self.secret_keys:
            return tuple(key.get_secret_value() for key in self.secret_keys)
        if self.secret_key is not None:
            return (self.secret_key.get_secret_value(),)
        raise SettingsError(f"setting {ENV_PREFIX}SECRET_KEY (secret_key): is required (or {ENV_PREFIX}SECRET_KEYS)")

    @field_validator("webhook_url")
    @classmethod
    def _https_webhook(cls, value: str | None) -> str | None:
        # Telegram only calls HTTPS webhooks; plain HTTP is allowed on loopback for a local Bot API server.
        if value and not value.startswith(("https://", "http://127.0.0.1", "http://localhost")):
            raise ValueError("must be an https:// address (Telegram only calls HTTPS webhooks)")
        return value or None

    @field_validator("console_base_url")
    @classmethod
    def _console_address(cls, value: str | None) -> str | None:
        if not value:
            return None
        if not value.startswith(("https://", "http://")):
            raise ValueError("must be an https:// address (http:// only on a trusted network)")
        return value.rstrip("/")

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        config_file = Path(os.environ.get(f"{ENV_PREFIX}CONFIG", DEFAULT_CONFIG_FILE))
        return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls, toml_file=config_file))

    def require_runtime_secrets(self) -> None:
        """Check what `learnbot run` needs beyond what the demo and the tools need."""
        has_key = self.secret_key is not None or bool(self.secret_keys) or self.secret_keys_file is not None
        for name, present in (("token", self.token is not None), ("secret_key", has_key)):
            if not present:
                raise SettingsError(f"setting {ENV_PREFIX}{name.upper()} ({name}): is required to run the bot")
        if self.webhook_url and self.webhook_secret is None:
            raise SettingsError(f"setting {ENV_PREFIX}WEBHOOK_SECRET (webhook_secret): is required with a webhook")
        if self.webhook_url and self.web_port is None:
            raise SettingsError(f"setting {ENV_PREFIX}WEB_PORT (web_port): is required with a webhook "
                                "(the port the web server listens on behind your reverse proxy)")


def _check_keys(keys: tuple[str, ...]) -> None:
    if any(len(key) < 32 for key in keys):
        raise ValueError("must be at least 32 characters (try: python -c 'import secrets; print(secrets.token_urlsafe(48))')")
    if len(set(keys)) != len(keys):
        raise ValueError("the same key is listed twice")


def _key_list(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.replace("\n", ",").split(",") if part.strip())


def _read_key_file(path: Path) -> tuple[str, ...]:
    """One key per line, current first; blank lines and # comments are ignored."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise ValueError(f"cannot read {path}: {error.strerror}") from None
    keys = tuple(line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#"))
    if not keys:
        raise ValueError(f"{path} holds no key")
    return keys


def load_settings(**overrides: object) -> Settings:
    """Build settings from the config file, the environment and overrides, or raise SettingsError."""
    config_file = Path(os.environ.get(f"{ENV_PREFIX}CONFIG", DEFAULT_CONFIG_FILE))
    if f"{ENV_PREFIX}CONFIG" in os.environ and not config_file.is_file():
        raise SettingsError(f"setting {ENV_PREFIX}CONFIG: file {config_file} does not exist")
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        first = error.errors()[0]
        name = str(first["loc"][0]) if first["loc"] else "?"
        reason = first["msg"].removeprefix("Value error, ")
        raise SettingsError(f"setting {ENV_PREFIX}{name.upper()} ({name}): {reason}") from None
    except ValueError as error:  # malformed TOML or a non-numeric admin id
        raise SettingsError(f"settings: {error}") from None
