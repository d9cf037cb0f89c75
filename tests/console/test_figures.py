"""The dashboard's daily counts (PostgreSQL triggers) give exactly the figures `cases.dashboard` counts from
`cases`, after intake, re-routes, transitions and closing — and on SQLite the console uses `cases.dashboard`."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, text, update

from civicdesk.cases import CaseDesk, CaseRequest, Policy, Triage, dashboard, get_case, reroute, transition
from civicdesk.catalogue import Catalogue, load_catalogue
from civicdesk.console import dashboard_figures
from civicdesk.console.counts import rebuild
from civicdesk.store import Database, upgrade
from civicdesk.store.tables import CaseCountDeltaRow, CaseRow
from tests.cases.fakes import FakeCipher, FakeRedactor, FakeRouter, fake_safety

NOW = datetime.now(UTC).replace(microsecond=0)
TEXTS = [
    ("Rubbish piled at the market entrance", "wan-chai", timedelta(hours=5)),
    ("Street light out on the footbridge", "tai-po", timedelta(days=3)),
    ("Blocked drain floods the lane", "sha-tin", timedelta(days=12)),
    ("Rats in the back alley behind the restaurant", None, timedelta(days=29, hours=23)),
    ("Rubbish bags dumped near the minibus stop", "sham-shui-po", timedelta(days=30, hours=1)),
    ("Fire hazard: corridor blocked with boxes", "kwun-tong", timedelta(days=45)),
    ("Pothole on the slip road", "islands", timedelta(days=80)),
    ("I am not sure who handles this", "eastern", timedelta(days=2)),
]


@pytest.fixture
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture
def desk(database_url: str, catalogue: Catalogue) -> Iterator[CaseDesk]:
    upgrade(database_url)
    database = Database(database_url)
    yield CaseDesk(database, catalogue, Triage(FakeRouter(), FakeRedactor(), fake_safety), Policy(), FakeCipher())
    database.dispose()


def _normalised(figures: dict[str, Any]) -> dict[str, Any]:
    for name in ("by_department", "by_service", "by_district", "by_status", "overdue_by_department"):
        figures[name] = sorted((str(row["key"]), row["count"]) for row in figures[name])
    return figures


def _work_the_cases(desk: CaseDesk, catalogue: Catalogue) -> None:
    references = [
        desk.submit(CaseRequest(text=text, channel="api", district=district), now=NOW - age).body["reference"]
        for text, district, age in TEXTS
    ]
    later = NOW - timedelta(hours=1)
    with desk.database.session() as session:

        def version(reference: str) -> int:
            return get_case(session, reference, later).summary.version

        rubbish, light, drain, rats = references[:4]
        reroute(
            session,
            light,
            "staff:a",
            version(light),
            reason="a pothole",
            catalogue=catalogue,
            policy=Policy(),
            now=later,
            service="hyd-road-defect-report",
        )  # same department: reclassified
        reroute(
            session,
            drain,
            "staff:a",
            version(drain),
            reason="not ours",
            catalogue=catalogue,
            policy=Policy(),
            now=later,
            department="HyD",
        )  # another department: transferred
        transition(session, rubbish, "assign", "staff:b", version(rubbish), now=later, assignee="b")
        transition(session, rubbish, "close", "staff:b", version(rubbish), now=later, message="Cleared.")
        transition(session, rats, "reject", "staff:b", version(rats), now=later, message="Private land.")


@pytest.mark.parametrize("days", [7, 30, 90])
def test_daily_counts_match_counting_the_cases(desk: CaseDesk, catalogue: Catalogue, days: int) -> None:
    _work_the_cases(desk, catalogue)
    with desk.database.session() as session:
        expected = _normalised(dashboard(session, NOW, Policy(), days).to_dict())
        got = _normalised(dashboard_figures(session, NOW, Policy(), days).to_dict())
    assert got == expected
    assert expected["accuracy"]["wrong_service"] == {7: 1, 30: 2, 90: 2}[days]  # the figures are not all zero


def test_counts_follow_updates_made_outside_the_domain_and_survive_a_rebuild(
    desk: CaseDesk, catalogue: Catalogue
) -> None:
    _work_the_cases(desk, catalogue)
    with desk.database.session() as session:
        session.execute(update(CaseRow).where(CaseRow.district == "tai-po").values(district="north", version=99))
        session.execute(
            text("DELETE FROM case_events WHERE case_id IN (SELECT id FROM cases WHERE district = 'islands')")
        )
        session.execute(text("DELETE FROM cases WHERE district = 'islands'"))
    with desk.database.session() as session:
        before = _normalised(dashboard(session, NOW, Policy(), 90).to_dict())
        assert _normalised(dashboard_figures(session, NOW, Policy(), 90).to_dict()) == before
        if session.get_bind().dialect.name == "postgresql":
            assert session.scalar(select(func.count()).select_from(CaseCountDeltaRow)) == 0  # folded on read
            rebuild(session)
            assert _normalised(dashboard_figures(session, NOW, Policy(), 90).to_dict()) == before
