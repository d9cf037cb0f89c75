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
    router_kind: str = Field(
        "tfidf-svm",
        description="Model kind of the service router built at first start (`tfidf-svm`, `cascade`, `e5-logreg` ...; "
        "see docs/decisions/0301-router-model.md).",
    )
    host: str = Field("127.0.0.1", description="Address `serve` listens on.")
    port: int = Field(8000, ge=1, le=65535, description="Port `serve` listens on.")
    max_body_bytes: int = Field(65536, ge=1024, description="Largest request body accepted; larger ones get 413.")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field("INFO", description="Log level.")
    default_ui_language: Literal["en", "zh-Hant", "zh-Hans"] = Field(
        "zh-Hant", description="UI language when neither the URL nor the browser names one."
    )
    staff_cookie_secure: bool | None = Field(
        None,
        description="Officer console session cookie `Secure` flag. Empty means on in production and on any https "
        "request; set `false` only for local development over plain http.",
    )
    staff_session_idle_minutes: int = Field(
        30, ge=1, description="An officer console session ends after this many minutes without a request."
    )
    staff_session_max_hours: int = Field(
        10, ge=1, description="An officer console session ends this many hours after sign-in, active or not."
    )
    staff_login_max_failures_per_username: int = Field(
        5, ge=1, description="Failed staff sign-ins allowed per username within the window before 429."
    )
    staff_login_max_failures_per_ip: int = Field(
        20, ge=1, description="Failed staff sign-ins allowed per client address within the window before 429."
    )
    staff_login_window_seconds: int = Field(
        900, ge=1, description="Sliding window, in seconds, over which failed staff sign-ins are counted."
    )
    open311_api_keys: str = Field(
        "",
        description="Comma-separated API keys accepted by `POST /open311/v2/requests.json`. Empty means Open311 "
        "intake is closed (reading services and requests stays open).",
    )
    case_duplicate_window_days: int = Field(
        14,
        ge=0,
        description="A new case is a duplicate only of an open case of the same service and district "
        "filed within this many days. 0 turns duplicate detection off.",
    )
    case_duplicate_similarity: float = Field(
        0.45,
        gt=0,
        le=1,
        description="Character n-gram cosine similarity of the redacted texts from which two cases "
        "of the same service and district count as duplicates (see docs/benchmarks.md, Cases).",
    )
    case_split_min_confidence: float = Field(
        0.5,
        gt=0,
        le=1,
        description="A part of a complaint becomes its own linked case only when the router is at "
        "least this confident about a department different from the other parts'.",
    )
    case_hotspot_min_cases: int = Field(
        5,
        ge=2,
        description="Hotspot alert: at least this many cases of one service in one district within the "
        "hotspot window (K).",
    )
    case_hotspot_window_days: int = Field(7, ge=1, description="Hotspot window, in days.")
    case_default_pledge_days: int = Field(
        10, ge=1, description="Pledge, in working days, for cases whose service has no performance pledge of its own."
    )
    case_owner_working_days: float = Field(
        1.0,
        gt=0,
        description="A case without an assigned officer for longer than this many working days goes to "
        "the coordination queue.",
    )
    pseudonym_key: str = Field(
        "",
        description="Secret for pseudonymised tokens (keyed HMAC, e.g. `[PERSON:3f9a2c1b07d4]`): one value gets one "
        "token under one key. Empty means derived from CIVICDESK_SECRET_KEY. Keep it stable: changing it changes "
        "every token.",
    )
    encryption_keys: str = Field(
        "",
        description="Comma-separated AES-256-GCM key ring for personal data that must stay readable (contact "
        "details): the first key encrypts, every key decrypts. `civicdesk keys generate` prints a key; to rotate, put "
        "a new key first and run `civicdesk keys rotate`. Empty means a key derived from CIVICDESK_SECRET_KEY outside "
        "production, and no encryption (contact details refused) in production.",
    )
    privacy_score_threshold: float = Field(
        0.5, ge=0, le=1, description="Personal-data findings scoring below this are neither reported nor redacted."
    )
    privacy_recognizers_file: Path | None = Field(
        None,
        description="Optional YAML file of extra regex-only recognizers, loaded after the built-in ones (format as "
        "in src/civicdesk/privacy/recognizers/recognizers.yaml).",
    )
    privacy_max_chars: int = Field(
        20000, ge=1, description="Longest text `POST /api/v1/privacy/analyze` and `/redact` accept; longer gets 413."
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
