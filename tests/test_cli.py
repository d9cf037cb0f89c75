"""The CLI: `validate` reports the catalogue and the models, including a broken one."""

from __future__ import annotations

from pathlib import Path

import pytest

from civicdesk.catalogue import load_catalogue
from civicdesk.cli import main


def test_validate_reports_catalogue_and_no_models(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CIVICDESK_DATA_DIR", str(tmp_path))
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert f"{len(load_catalogue().services)} services" in out
    assert "civicdesk train --catalogue" in out


def test_validate_flags_a_damaged_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CIVICDESK_DATA_DIR", str(tmp_path))
    broken = tmp_path / "models" / "router"
    broken.mkdir(parents=True)
    (broken / "meta.json").write_text("{not json", encoding="utf-8")
    assert main(["validate"]) == 1
    assert "INCOMPATIBLE" in capsys.readouterr().out


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["no-such-command"])
    assert exit_info.value.code == 2
