"""The officer console app for tests: SQLite and PostgreSQL, staff of each role, cases filed through the real desk.

Cases go through `CaseDesk` with the deterministic fakes of tests/cases (keyword router, phone redactor), so
departments and services are known in advance; contact details are sealed with the real AES-GCM key ring
(`civicdesk.privacy`), the same one the console decrypts with.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from civicdesk.cases import CaseDesk, CaseRequest, Contact, Policy, Triage
from civicdesk.cases.contact import ContactCipher
from civicdesk.catalogue import load_catalogue
from civicdesk.privacy.factory import keyring_from
from civicdesk.runtime import Runtime
from civicdesk.settings import Settings
from civicdesk.staff import create_user
from civicdesk.store import Database, upgrade
from civicdesk.store.catalogue_sync import sync_catalogue
from civicdesk.web.app import create_app
from tests.cases.fakes import FakeRedactor, FakeRouter, fake_safety
from tests.conftest import fresh_postgres_database, make_settings

PASSWORD = "correct horse battery"
STAFF: dict[str, tuple[str, list[str]]] = {
    "fehd": ("officer", ["FEHD"]),
    "fehd2": ("officer", ["FEHD"]),
    "hyd": ("officer", ["HyD"]),
    "coord": ("coordinator", []),
    "admin": ("admin", []),
}


@dataclass
class Staff:
    """A signed-in browser: its client (cookies) and the session's CSRF token."""

    username: str
    client: TestClient
    csrf: str

    def form(self, path: str, data: dict[str, Any] | None = None) -> Any:
        return self.client.post(path, data={**(data or {}), "csrf_token": self.csrf}, follow_redirects=False)

    def api(self, path: str, body: dict[str, Any] | None = None) -> Any:
        return self.client.post(path, json=body or {}, headers={"X-CSRF-Token": self.csrf})


@dataclass
class Console:
    app: FastAPI
    settings: Settings
    desk: CaseDesk

    def client(self, ip: str = "10.1.0.1", https: bool = False) -> TestClient:
        base = "https://testserver" if https else "http://testserver"
        client = TestClient(self.app, base_url=base, raise_server_exceptions=False, client=(ip, 50000))
        client.headers["Accept-Language"] = "en"  # pages in English, so tests can read them
        return client

    def sign_in(self, username: str, ip: str = "10.1.0.1") -> Staff:
        client = self.client(ip)
        answer = client.post("/staff/api/login", json={"username": username, "password": PASSWORD})
        assert answer.status_code == 200, answer.text
        return Staff(username, client, answer.json()["csrf_token"])

    def file(self, text: str, *, age: timedelta = timedelta(minutes=1), **fields: Any) -> dict[str, Any]:
        """File a case as a citizen would have, `age` ago; returns the intake answer."""
        request = CaseRequest(text=text, channel="api", **fields)
        return self.desk.submit(request, now=datetime.now(UTC) - age).body


def _postgres_database() -> Iterator[str]:
    yield from fresh_postgres_database("civicdesk_console")


def console_app(kind: str, data_dir: Path, database_dir: Path, **overrides: Any) -> Iterator[Console]:
    """A running app on a fresh database of `kind` (sqlite/postgresql) with the STAFF accounts."""
    databases = _postgres_database() if kind == "postgresql" else iter([f"sqlite:///{database_dir / 'console.db'}"])
    url = next(databases)
    try:
        upgrade(url)
        settings = make_settings(data_dir, database_url=url, **overrides)
        # The console needs no model: a runtime without warm_up keeps each app start to a second.
        runtime = Runtime(settings=settings, catalogue=load_catalogue(), database=Database(url), ready=True)
        with runtime.database.session() as session:
            sync_catalogue(session, runtime.catalogue)
            for username, (role, departments) in STAFF.items():
                create_user(session, username, username.upper(), PASSWORD, role, departments)
        app = create_app(settings, runtime=runtime)
        keyring = keyring_from(settings)
        assert keyring is not None
        triage = Triage(FakeRouter(), FakeRedactor(), fake_safety)
        desk = CaseDesk(runtime.database, runtime.catalogue, triage, Policy(), ContactCipher(keyring))
        with TestClient(app, raise_server_exceptions=False):
            yield Console(app, settings, desk)
        runtime.close()
    finally:
        for _ in databases:
            pass


CONTACT = Contact(name="Chan Tai Man", phone="9123 4567", email="chan@example.com")
