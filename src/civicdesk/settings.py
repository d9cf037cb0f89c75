"""Settings as data: every field has a default and a help text, read from CIVICDESK_* variables and `.env`.

docs/settings.md lists every field; a test fails when one is missing there.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_SECRET_KEY = "dev-insecure-secret-key-change-me"


class SettingsError(ValueError):
    """A setting is invalid; the message names the variable to fix."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CIVICDESK_", env_file=".env", extra="ignore")

    environment: Literal["development", "production", "test"] = Field(
        "development", description="`production` refuses to start with the default secret key."
    )
    secret_key: str = Field(
        DEFAULT_SECRET_KEY, description="Signs session cookies and CSRF tokens. Set a long random value in production."
    )
    data_dir: Path = Field(Path("data"), description="Folder for the embedded SQLite database and the built models.")
    database_url: str = Field(
        "",
        description="SQLAlchemy URL. Empty means a SQLite file `civicdesk.db` in the data folder; "
        "`postgresql+psycopg://user@host/db` works the same way.",
    )
    model_dir: Path | None = Field(
        None, description="Folder of the trained models. Empty means `models` in the data folder."
    )
    host: str = Field("127.0.0.1", description="Address `serve` listens on.")
    port: int = Field(8000, ge=1, le=65535, description="Port `serve` listens on.")
    max_body_bytes: int = Field(65536, ge=1024, description="Largest request body accepted; larger ones get 413.")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field("INFO", description="Log level.")
    default_ui_language: Literal["en", "zh-Hant", "zh-Hans"] = Field(
        "zh-Hant", description="UI language when neither the URL nor the browser names one."
    )

    @model_validator(mode="after")
    def _no_default_secret_in_production(self) -> Settings:
        if self.environment == "production" and self.secret_key == DEFAULT_SECRET_KEY:
            raise SettingsError(
                "E001: CIVICDESK_SECRET_KEY is the default; set a long random value before running in production"
            )
        return self

    @cached_property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'civicdesk.db').resolve()}"

    @cached_property
    def resolved_model_dir(self) -> Path:
        return self.model_dir if self.model_dir is not None else self.data_dir / "models"
