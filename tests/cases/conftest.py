"""Fixtures for the case domain: a migrated database (SQLite and PostgreSQL), the catalogue, a desk on fakes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from civicdesk.cases import CaseDesk, Policy, Triage
from civicdesk.catalogue import Catalogue, load_catalogue
from civicdesk.store import Database, upgrade
from tests.cases.fakes import FakeCipher, FakeRedactor, FakeRouter, fake_safety

# A Wednesday in Hong Kong, 10:00 local: far from holidays, so clocks are easy to read.
NOW = datetime(2026, 3, 11, 2, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    upgrade(database_url)
    db = Database(database_url)
    try:
        yield db
    finally:
        db.dispose()


@pytest.fixture
def router() -> FakeRouter:
    return FakeRouter()


@pytest.fixture
def desk(database: Database, catalogue: Catalogue, router: FakeRouter) -> CaseDesk:
    triage = Triage(router, FakeRedactor(), fake_safety)
    return CaseDesk(database, catalogue, triage, Policy(), FakeCipher())
