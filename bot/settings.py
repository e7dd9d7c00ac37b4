"""Settings, read once at start from the environment or ``.env`` (pydantic-settings).

The object is passed down; nothing else reads the environment. The token is a ``SecretStr`` so
that it never shows up in logs or reprs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from store.reading import DEFAULT_MAX_BYTES


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    database_url: str = Field("sqlite:///./data/footbot.db", description="SQLAlchemy URL of the store")
    inbox_dir: Path = Field(Path("./inbox"), description="folder scanned for new report files")
    ingest_interval: float = Field(60, gt=0, description="seconds between inbox scans")
    max_report_bytes: int = Field(DEFAULT_MAX_BYTES, gt=0, description="largest accepted report file")
    log_level: str = Field("INFO", description="logging level")
    telegram_bot_token: SecretStr | None = Field(None, description="bot token from @BotFather")
    telegram_api_url: str = Field("https://api.telegram.org", description="root of the Bot API server")
    admin_user_ids: Annotated[frozenset[int], NoDecode] = Field(frozenset(), description="admin Telegram user ids")
    webhook_url: str | None = Field(None, description="public HTTPS URL Telegram posts updates to")
    webhook_listen: str = Field("0.0.0.0", description="address the webhook server binds")
    webhook_port: int = Field(8443, description="port the webhook server binds")
    webhook_secret: SecretStr | None = Field(None, description="secret Telegram sends with every update")
    db_pool_size: int = Field(5, gt=0, description="PostgreSQL connections kept open per instance")
    db_max_overflow: int = Field(10, ge=0, description="extra PostgreSQL connections under load")
    db_pool_timeout: float = Field(30, gt=0, description="seconds to wait for a free connection")
    seeds_dir: Path = Field(Path(__file__).resolve().parent.parent / "seeds", description="reference data")
    instance_name: str | None = Field(None, description="name of this instance in logs and report claims")

    @field_validator("admin_user_ids", mode="before")
    @classmethod
    def _ids(cls, value: object) -> object:
        """``ADMIN_USER_IDS=123,456`` as written in an environment file."""
        if isinstance(value, str):
            return frozenset(int(part) for part in value.replace(";", ",").split(",") if part.strip())
        if isinstance(value, int):
            return frozenset({value})
        return value

    @property
    def token(self) -> str | None:
        return self.telegram_bot_token.get_secret_value() if self.telegram_bot_token else None
