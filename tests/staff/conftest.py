"""A migrated database (SQLite and PostgreSQL when reachable) for the staff domain tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from civicdesk.store import Database, upgrade

DEPARTMENTS = {"FEHD", "HyD", "LCSD", "TD", "BD"}
PASSWORD = "correct horse battery"


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    upgrade(database_url)
    db = Database(database_url)
    try:
        yield db
    finally:
        db.dispose()
