"""`keys rotate` over a throwaway table: every registered value moves to the first key, in batches."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from civicdesk.privacy import KeyRing, generate_key, register_encrypted_column, rotate_encrypted_columns
from civicdesk.privacy.rotation import encrypted_columns, unregister_encrypted_column


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = create_engine(f"sqlite:///{tmp_path / 'rotation.db'}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE scratch_contacts (id INTEGER PRIMARY KEY, contact TEXT)"))
    yield engine
    engine.dispose()


@pytest.fixture
def column() -> Iterator[object]:
    entry = register_encrypted_column("scratch_contacts", "id", "contact", associated_data="scratch.contact")
    yield entry
    unregister_encrypted_column("scratch_contacts", "contact")


def _fill(engine: Engine, ring: KeyRing, count: int) -> None:
    with engine.begin() as connection:
        for i in range(1, count + 1):
            value = ring.encrypt(f"+852 9{i:07d}", "scratch.contact")
            connection.execute(text("INSERT INTO scratch_contacts VALUES (:id, :v)"), {"id": i, "v": value})
        connection.execute(text("INSERT INTO scratch_contacts VALUES (:id, NULL)"), {"id": count + 1})


def _values(engine: Engine) -> list[str]:
    with engine.connect() as connection:
        return [v for (v,) in connection.execute(text("SELECT contact FROM scratch_contacts ORDER BY id")) if v]


def test_registration_is_idempotent_and_validates_names(column: object) -> None:
    register_encrypted_column("scratch_contacts", "id", "contact", associated_data="scratch.contact")
    assert [c.label for c in encrypted_columns()].count("scratch_contacts.contact") == 1
    with pytest.raises(Exception, match="E437"):
        register_encrypted_column("cases; DROP TABLE x", "id", "contact")


def test_rotate_moves_every_value_to_the_first_key(engine: Engine, column: object) -> None:
    old = generate_key()
    _fill(engine, KeyRing.from_string(old), 7)
    ring = KeyRing.from_string(f"{generate_key()},{old}")

    dry = rotate_encrypted_columns(engine, ring, [column], batch_size=3, dry_run=True)  # type: ignore[list-item]
    assert dry.columns[0].rotated == 7 and all(ring.needs_rotation(v) for v in _values(engine))

    report = rotate_encrypted_columns(engine, ring, [column], batch_size=3)  # type: ignore[list-item]
    summary = report.columns[0]
    assert (summary.scanned, summary.rotated, summary.current, summary.failed) == (7, 7, 0, 0)
    values = _values(engine)
    assert all(not ring.needs_rotation(v) for v in values)
    assert ring.decrypt(values[0], "scratch.contact") == "+852 90000001"

    again = rotate_encrypted_columns(engine, ring, [column])  # type: ignore[list-item]
    assert (again.columns[0].rotated, again.columns[0].current) == (0, 7)


def test_values_under_a_missing_key_are_reported_not_lost(engine: Engine, column: object) -> None:
    _fill(engine, KeyRing.from_string(generate_key()), 3)
    before = _values(engine)
    report = rotate_encrypted_columns(engine, KeyRing.from_string(generate_key()), [column])  # type: ignore[list-item]
    assert not report.ok
    assert report.columns[0].failed == 3 and report.columns[0].failed_ids == ["1", "2", "3"]
    assert "not in CIVICDESK_ENCRYPTION_KEYS" in report.columns[0].problems[0]
    assert _values(engine) == before
