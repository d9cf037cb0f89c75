"""Migrations and the catalogue mirror, on SQLite and on PostgreSQL."""

from __future__ import annotations

from sqlalchemy import func, inspect, select

from civicdesk.catalogue import load_catalogue
from civicdesk.runtime import database_is_current
from civicdesk.store import Database, upgrade
from civicdesk.store.catalogue_sync import sync_catalogue
from civicdesk.store.tables import CatalogueVersionRow, DepartmentRow, ServiceRow


def test_upgrade_creates_the_tables_and_reaches_head(database_url: str) -> None:
    upgrade(database_url)
    database = Database(database_url)
    try:
        tables = set(inspect(database.engine).get_table_names())
        assert {"departments", "services", "catalogue_versions"} <= tables
        current, revision, head = database_is_current(database)
        assert current and revision == head
    finally:
        database.dispose()


def test_catalogue_is_mirrored_once_per_version(database_url: str) -> None:
    upgrade(database_url)
    database = Database(database_url)
    catalogue = load_catalogue()
    try:
        with database.session() as session:
            assert sync_catalogue(session, catalogue) is True
        with database.session() as session:
            assert sync_catalogue(session, catalogue) is False
            assert session.scalar(select(func.count()).select_from(ServiceRow)) == len(catalogue.services)
            assert session.scalar(select(func.count()).select_from(DepartmentRow)) == len(catalogue.departments)
            version = session.get(CatalogueVersionRow, catalogue.version)
            assert version is not None and version.services == len(catalogue.services)
            row = session.get(ServiceRow, "privacy-complaint")
            assert row is not None and row.department_code == "PCPD"
            assert row.document["name"]["zh-Hant"] == catalogue.services["privacy-complaint"].name.zh_Hant
    finally:
        database.dispose()


def test_a_failed_unit_of_work_leaves_nothing_behind(database_url: str) -> None:
    upgrade(database_url)
    database = Database(database_url)
    try:
        try:
            with database.session() as session:
                session.add(DepartmentRow(code="XX", name_en="x", name_zh_hant="x", website="https://x.hk", phone="1"))
                session.flush()
                raise RuntimeError("interrupted")
        except RuntimeError:
            pass
        with database.session() as session:
            assert session.get(DepartmentRow, "XX") is None
    finally:
        database.dispose()
