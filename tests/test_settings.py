"""Settings as data: documented, defaulted, and safe in production."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from civicdesk.settings import Settings

DOCS = Path(__file__).resolve().parents[1] / "docs" / "settings.md"


def test_every_setting_has_a_description_and_is_documented() -> None:
    documented = DOCS.read_text(encoding="utf-8")
    for name, field in Settings.model_fields.items():
        assert field.description, f"{name} has no help text"
        assert f"CIVICDESK_{name.upper()}" in documented, f"CIVICDESK_{name.upper()} missing from docs/settings.md"


def test_production_refuses_the_default_secret_key() -> None:
    with pytest.raises(ValidationError, match="CIVICDESK_SECRET_KEY"):
        Settings(environment="production")


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CIVICDESK_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("CIVICDESK_PORT", "9001")
    settings = Settings()
    assert settings.port == 9001
    assert settings.resolved_database_url == f"sqlite:///{(tmp_path / 'civicdesk.db').resolve()}"
