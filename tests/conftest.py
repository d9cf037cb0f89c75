"""Shared fixtures: settings on a temporary data folder, the app under a test client, PostgreSQL when reachable."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from civicdesk.settings import Settings
from civicdesk.web.app import create_app

POSTGRES_ADMIN_URL = os.environ.get(
    "CIVICDESK_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def _postgres_reachable() -> bool:
    try:
        engine = create_engine(POSTGRES_ADMIN_URL, connect_args={"connect_timeout": 2})
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
    except Exception:
        return False
    return True


POSTGRES_AVAILABLE = _postgres_reachable()


@pytest.fixture(scope="session")
def shared_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One data folder for the session, so models built at first start are built once."""
    return tmp_path_factory.mktemp("civicdesk-data")


def make_settings(data_dir: Path, **overrides: object) -> Settings:
    return Settings(environment="test", data_dir=data_dir, **overrides)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def settings(shared_data_dir: Path) -> Settings:
    return make_settings(shared_data_dir)


@pytest.fixture(scope="session")
def client(settings: Settings) -> Iterator[TestClient]:
    """The real app (SQLite, the bundled catalogue, the built models) under a test client."""
    with TestClient(create_app(settings), raise_server_exceptions=False) as test_client:
        yield test_client


def fresh_postgres_database(prefix: str = "civicdesk_test") -> Iterator[str]:
    """Create an empty PostgreSQL database, yield its URL, drop it afterwards; skip the test without a server."""
    if not POSTGRES_AVAILABLE:
        pytest.skip("PostgreSQL is not reachable at " + POSTGRES_ADMIN_URL)
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(POSTGRES_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards; skipped without a server."""
    yield from fresh_postgres_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Run a storage test on SQLite and on PostgreSQL (when reachable)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.db'}"
    url: str = request.getfixturevalue("postgres_url")
    return url
