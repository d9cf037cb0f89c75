"""`civicdesk staff create-user|set-password|list` through the real CLI entry point."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from civicdesk.cli import main
from tests.staff.conftest import PASSWORD


@pytest.fixture(autouse=True)
def data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("CIVICDESK_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("CIVICDESK_DATABASE_URL", raising=False)
    return tmp_path


def _run(monkeypatch: pytest.MonkeyPatch, args: list[str], stdin: str = "") -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return main(args)


def test_create_list_and_set_password(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    create = ["staff", "create-user", "chan", "--role", "officer", "--department", "FEHD", "--department", "HyD"]
    assert _run(monkeypatch, [*create, "--display-name", "Chan Tai Man", "--password-stdin"], PASSWORD + "\n") == 0
    assert "created officer 'chan' in FEHD, HyD" in capsys.readouterr().out
    assert _run(monkeypatch, ["staff", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed == [
        {
            "username": "chan",
            "display_name": "Chan Tai Man",
            "role": "officer",
            "departments": ["FEHD", "HyD"],
            "active": True,
            "created_at": listed[0]["created_at"],
            "last_login_at": None,
        }
    ]
    assert _run(monkeypatch, ["staff", "set-password", "chan", "--password-stdin"], "a brand new password\n") == 0
    assert "password changed for 'chan'" in capsys.readouterr().out
    assert _run(monkeypatch, ["staff", "list"]) == 0
    assert "chan" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "stdin", "code"),
    [
        (
            ["staff", "create-user", "x1", "--role", "officer", "--department", "NOPE", "--password-stdin"],
            PASSWORD,
            "E561",
        ),
        (["staff", "create-user", "x1", "--role", "officer", "--password-stdin"], PASSWORD, "E561"),
        (["staff", "create-user", "x1", "--role", "admin", "--password-stdin"], "short", "E563"),
        (["staff", "create-user", "x1", "--role", "admin"], PASSWORD, "E571"),
        (["staff", "set-password", "ghost", "--password-stdin"], PASSWORD, "E564"),
    ],
)
def test_errors_are_printed_with_their_code(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], args: list[str], stdin: str, code: str
) -> None:
    assert _run(monkeypatch, args, stdin + "\n") == 1
    assert capsys.readouterr().err.startswith(code)
