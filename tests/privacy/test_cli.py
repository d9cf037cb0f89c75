"""`civicdesk redact` and `civicdesk keys` through the real CLI entry point."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from civicdesk.cli import main
from civicdesk.privacy import KeyRing, generate_key, register_encrypted_column
from civicdesk.privacy.rotation import unregister_encrypted_column


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CIVICDESK_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("CIVICDESK_ENVIRONMENT", "test")
    monkeypatch.delenv("CIVICDESK_ENCRYPTION_KEYS", raising=False)


def run_redact(tmp_path: Path, data: bytes, *args: str) -> tuple[int, str, str]:
    source = tmp_path / "input"
    target = tmp_path / "output"
    source.write_bytes(data)
    code = main(["redact", str(source), "--output", str(target), *args])
    return code, target.read_bytes().decode("utf-8") if target.exists() else "", ""


def test_text_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = "我叫陳大文，電話9123 4567\r\nno data here\nHKID A123456(3)".encode()
    code, out, _ = run_redact(tmp_path, data)
    assert code == 0
    assert out == "我叫[PERSON]，電話[PHONE]\r\nno data here\nHKID [HKID]"
    assert "done: 3 records, 3 findings" in capsys.readouterr().err


def test_standard_input_and_output(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("\ufeffcall 9123 4567\n".encode())))
    assert main(["redact", "-", "--quiet"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "call [PHONE]\n" and captured.err == ""


def test_jsonl_columns_and_operator(tmp_path: Path) -> None:
    records = [{"id": 9123456, "text": "電郵a@b.com", "note": "陳大文先生"}, {"id": 2, "text": "nothing"}]
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()
    code, out, _ = run_redact(tmp_path, data, "--format", "jsonl", "--columns", "text", "--operator", "mask")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert rows[0] == {"id": 9123456, "text": "電郵a***@b.com", "note": "陳大文先生"}
    assert rows[1]["text"] == "nothing"


def test_csv_with_quoted_newlines_and_unknown_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = 'id,意見\n1,"請致電\n9123 4567"\n2,陳大文先生\n'.encode()
    code, out, _ = run_redact(tmp_path, data, "--format", "csv", "--columns", "意見")
    assert code == 0
    assert out == 'id,意見\n1,"請致電\n[PHONE]"\n2,[PERSON]先生\n'
    code, _, _ = run_redact(tmp_path, data, "--format", "csv", "--columns", "comment")
    assert code == 1
    assert "E436: no column comment in the CSV header (it has: id, 意見)" in capsys.readouterr().err


def test_invalid_utf8_is_reported_with_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = b"line one\nline two\n" + "第三行".encode("big5") + b"\nlast 9123 4567\n"
    code, _, _ = run_redact(tmp_path, data)
    assert code == 1
    assert "E436: invalid UTF-8 on line 3" in capsys.readouterr().err
    code, out, _ = run_redact(tmp_path, data, "--on-invalid", "skip")
    assert code == 0
    assert out == "line one\nline two\nlast [PHONE]\n"
    assert "1 lines left out (invalid UTF-8): 3" in capsys.readouterr().err


def test_progress_is_written_to_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run_redact(tmp_path, b"a 9123 4567\n" * 50, "--progress-seconds", "0")
    assert code == 0
    err = capsys.readouterr().err
    assert "lines/s" in err and "findings" in err


def test_keys_generate_and_list(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["keys", "generate"]) == 0
    key = capsys.readouterr().out.strip()
    monkeypatch.setenv("CIVICDESK_ENCRYPTION_KEYS", f"{key},{generate_key()}")
    assert main(["keys", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{KeyRing.from_string(key).primary.id}  encrypts and decrypts"
    assert lines[1].endswith("decrypts only")


@pytest.fixture
def scratch_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'keys.db'}"
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE scratch_notes (note_id TEXT PRIMARY KEY, secret TEXT)"))
    engine.dispose()
    monkeypatch.setenv("CIVICDESK_DATABASE_URL", url)
    register_encrypted_column("scratch_notes", "note_id", "secret")
    yield url
    unregister_encrypted_column("scratch_notes", "secret")


def test_keys_rotate(
    scratch_database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = generate_key(), generate_key()
    engine = create_engine(scratch_database)
    with engine.begin() as connection:
        for i in range(5):
            value = KeyRing.from_string(old).encrypt(f"note {i}")
            connection.execute(text("INSERT INTO scratch_notes VALUES (:i, :v)"), {"i": f"n{i}", "v": value})
    monkeypatch.setenv("CIVICDESK_ENCRYPTION_KEYS", new)
    assert main(["keys", "rotate"]) == 1  # the old key is not in the ring: nothing is lost, it fails loudly
    assert "FAILED" in capsys.readouterr().out
    monkeypatch.setenv("CIVICDESK_ENCRYPTION_KEYS", f"{new},{old}")
    assert main(["keys", "rotate", "--batch-size", "2"]) == 0
    assert "re-encrypted 5" in capsys.readouterr().out
    ring = KeyRing.from_string(new)
    with engine.connect() as connection:
        values = [v for (v,) in connection.execute(text("SELECT secret FROM scratch_notes ORDER BY note_id"))]
    engine.dispose()
    assert [ring.decrypt(v) for v in values] == [f"note {i}" for i in range(5)]
