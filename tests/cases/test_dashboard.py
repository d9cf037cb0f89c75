"""Dashboard figures: volumes, overdue, hotspots (K cases of one service in one district) and routing accuracy."""

from __future__ import annotations

from datetime import timedelta

from civicdesk.cases import CaseDesk, CaseRequest, Policy, dashboard, hotspots, overdue_cases, reroute, transition
from civicdesk.cases.contact import reveal_contact
from civicdesk.cases.lifecycle import load_case
from civicdesk.cases.model import Contact
from tests.cases.conftest import NOW
from tests.cases.fakes import FakeCipher

TEXTS = [
    "Street light broken outside number {i} Lee Tung Street",
    "Rubbish piling up in back lane {i} for days",
]


def fill(desk: CaseDesk, text: str, district: str, n: int, days_ago: float = 0) -> list[str]:
    desk.policy = Policy(duplicate_window_days=0)  # similar generated texts: count them all as distinct cases
    references = []
    for i in range(n):
        request = CaseRequest(text=text.format(i=i * 37) + f" (report {i})", channel="api", district=district)
        body = desk.submit(request, now=NOW - timedelta(days=days_ago)).body
        references.append(str(body["reference"]))
    return references


def test_volumes_by_department_service_and_district(desk: CaseDesk) -> None:
    fill(desk, TEXTS[0], "wan-chai", 3)
    fill(desk, TEXTS[1], "tai-po", 2)
    with desk.database.session() as session:
        figures = dashboard(session, NOW, Policy())
    assert figures.total == 5 and figures.open == 5
    assert dict(figures.by_department) == {"HyD": 3, "FEHD": 2}
    assert dict(figures.by_district) == {"wan-chai": 3, "tai-po": 2}
    assert dict(figures.by_service)["hyd-street-light-fault-report"] == 3
    assert figures.to_dict()["by_department"][0] == {"key": "HyD", "count": 3}


def test_a_hotspot_needs_k_cases_of_one_service_in_one_district_within_the_window(desk: CaseDesk) -> None:
    fill(desk, TEXTS[0], "wan-chai", 4)
    fill(desk, TEXTS[0], "tai-po", 3)
    fill(desk, TEXTS[0], "tai-po", 3, days_ago=10)
    with desk.database.session() as session:
        found = hotspots(session, NOW, min_cases=4, window_days=7)
        wider = hotspots(session, NOW, min_cases=4, window_days=14)
    assert [(h.service, h.district, h.count) for h in found] == [("hyd-street-light-fault-report", "wan-chai", 4)]
    assert {(h.district, h.count) for h in wider} == {("wan-chai", 4), ("tai-po", 6)}


def test_overdue_cases_are_counted_after_the_pledge(desk: CaseDesk) -> None:
    (reference,) = fill(desk, TEXTS[0], "wan-chai", 1, days_ago=20)  # 10 working days have passed
    fill(desk, TEXTS[1], "wan-chai", 1)
    with desk.database.session() as session:
        figures = dashboard(session, NOW, Policy())
        late = overdue_cases(session, NOW)
    assert figures.overdue == 1 and dict(figures.overdue_by_department) == {"HyD": 1}
    assert [c.reference for c in late] == [reference] and late[0].overdue


def test_routing_accuracy_is_measured_from_corrections(desk: CaseDesk) -> None:
    right = fill(desk, TEXTS[0], "wan-chai", 3)
    wrong = fill(desk, TEXTS[1], "tai-po", 1)
    later = NOW + timedelta(hours=1)
    with desk.database.session() as session:
        for reference in right[:2]:
            transition(session, reference, "assign", "officer:a", 1, now=later, assignee="a")
        reroute(
            session,
            wrong[0],
            "officer:b",
            1,
            reason="it is a drain",
            catalogue=desk.catalogue,
            policy=Policy(),
            now=later,
            service="dsd-blocked-drain-flooding-report",
        )
    with desk.database.session() as session:
        accuracy = dashboard(session, later, Policy()).accuracy
    assert (accuracy.auto_routed, accuracy.reviewed, accuracy.wrong_service, accuracy.wrong_department) == (4, 3, 1, 1)
    assert accuracy.service_accuracy == round(2 / 3, 4)


def test_contact_details_are_revealed_only_with_a_logged_event(desk: CaseDesk) -> None:
    body = desk.submit(
        CaseRequest(text="street light broken", channel="api", contact=Contact(phone="9123 4567")), now=NOW
    ).body
    with desk.database.session() as session:
        row = load_case(session, str(body["reference"]))
        contact = reveal_contact(session, row, FakeCipher(), "officer:alice", NOW)
    assert contact is not None and contact.phone == "+85291234567"
    with desk.database.session() as session:
        from civicdesk.cases import get_case

        events = get_case(session, str(body["reference"]), NOW).history
    assert (events[-1].action, events[-1].actor, events[-1].public) == ("contact_viewed", "officer:alice", False)
