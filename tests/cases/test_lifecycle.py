"""The state machine, the history, optimistic locking, re-routing with corrections, and the coordination queue."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.exc import DBAPIError

from civicdesk.cases import (
    CaseDesk,
    CaseError,
    CaseRequest,
    Policy,
    corrections_as_training_rows,
    get_case,
    list_coordination,
    list_queue,
    reply_and_close,
    reroute,
    transition,
)
from civicdesk.store.tables import CaseEventRow, CaseRow, RoutingCorrectionRow
from tests.cases.conftest import NOW

LATER = NOW + timedelta(hours=1)


def file(desk: CaseDesk, text: str = "The street light outside my block is broken", **fields: object) -> str:
    body = desk.submit(CaseRequest(text=text, channel="api", **fields), now=NOW).body  # type: ignore[arg-type]
    return str(body["reference"])


def version(desk: CaseDesk, reference: str) -> int:
    with desk.database.session() as session:
        return get_case(session, reference, NOW).summary.version


def test_the_happy_path_is_recorded_step_by_step_with_actor_and_time(desk: CaseDesk) -> None:
    reference = file(desk)
    with desk.database.session() as session:
        row = transition(session, reference, "assign", "officer:alice", 1, now=LATER, assignee="alice")
        transition(session, reference, "start", "officer:alice", row.version, now=LATER)
        reply_and_close(session, reference, "officer:alice", row.version, "Repaired on 12 March.", now=LATER)
    with desk.database.session() as session:
        detail = get_case(session, reference, LATER)
    assert detail.summary.status == "closed" and detail.reply == "Repaired on 12 March."
    assert [(e.action, e.from_status, e.to_status) for e in detail.history] == [
        ("submit", None, "submitted"),
        ("triage", "submitted", "triaged"),
        ("assign", "triaged", "assigned"),
        ("start", "assigned", "in_progress"),
        ("close", "in_progress", "closed"),
    ]
    assert detail.history[2].actor == "officer:alice" and detail.history[2].at == LATER
    assert detail.allowed_actions == ["comment"]


@pytest.mark.parametrize(
    ("steps", "action", "code"),
    [
        ([], "start", "E612"),
        ([], "resolve", "E612"),
        ([], "reopen", "E612"),
        ([("reject", {"message": "Not a government matter"})], "assign", "E612"),
        ([], "fly", "E617"),
        ([], "reject", "E614"),
    ],
)
def test_actions_outside_the_state_machine_are_refused(
    desk: CaseDesk, steps: list[tuple[str, dict[str, str]]], action: str, code: str
) -> None:
    reference = file(desk)
    with desk.database.session() as session:
        current = 1
        for step, extra in steps:
            current = transition(session, reference, step, "officer:bob", current, now=LATER, **extra).version
    with pytest.raises(CaseError) as caught, desk.database.session() as session:
        transition(session, reference, action, "officer:bob", current, now=LATER, assignee="bob")
    assert caught.value.code == code


def test_a_stale_version_is_a_clear_conflict_and_nothing_is_overwritten(desk: CaseDesk) -> None:
    reference = file(desk)
    with desk.database.session() as session:
        transition(session, reference, "assign", "officer:alice", 1, now=LATER, assignee="alice")
    with pytest.raises(CaseError) as caught, desk.database.session() as session:
        transition(session, reference, "assign", "officer:bob", 1, now=LATER, assignee="bob")
    assert caught.value.code == "E611" and caught.value.kind == "conflict"
    assert "reload" in caught.value.message
    with desk.database.session() as session:
        assert get_case(session, reference, LATER).summary.assigned_to == "alice"


def test_a_concurrent_writer_between_read_and_write_is_caught(desk: CaseDesk) -> None:
    reference = file(desk)
    with pytest.raises(CaseError) as caught, desk.database.session() as session:
        row = session.scalars(select(CaseRow).where(CaseRow.reference == reference)).one()
        assert row.version == 1
        # Another officer's transaction commits after we read version 1.
        with desk.database.session() as other:
            other.execute(update(CaseRow).where(CaseRow.id == row.id).values(version=2, assigned_to="carol"))
        transition(session, reference, "assign", "officer:bob", 1, now=LATER, assignee="bob")
    assert caught.value.code == "E611"


def test_reroute_stores_the_correction_against_the_original_decision(desk: CaseDesk) -> None:
    reference = file(desk, "The drain outside is blocked and the road is flooded")
    with desk.database.session() as session:
        before = get_case(session, reference, NOW)
        row = reroute(
            session,
            reference,
            "officer:alice",
            before.summary.version,
            reason="It is a road defect",
            catalogue=desk.catalogue,
            policy=Policy(),
            now=LATER,
            service="hyd-road-defect-report",
        )
        assert (row.status, row.department_code, row.transfer_count, row.assigned_to) == ("transferred", "HyD", 1, None)
        correction = session.scalars(select(RoutingCorrectionRow)).one()
        assert correction.original_service_id == before.auto_service
        assert correction.original_department == before.summary.department
        assert correction.to_service_id == "hyd-road-defect-report"
        assert correction.original_model_version == "fake-1"
        assert corrections_as_training_rows(session) == [(before.issue_text, "hyd-road-defect-report")]


def test_two_transfers_send_a_case_to_coordination_until_someone_owns_it(desk: CaseDesk) -> None:
    reference = file(desk)
    policy = Policy()
    with desk.database.session() as session:
        current = reroute(
            session,
            reference,
            "officer:a",
            1,
            reason="not ours",
            catalogue=desk.catalogue,
            policy=policy,
            now=LATER,
            department="DSD",
        ).version
        assert list_coordination(session, LATER) == []
        current = reroute(
            session,
            reference,
            "officer:b",
            current,
            reason="not ours either",
            catalogue=desk.catalogue,
            policy=policy,
            now=LATER,
            department="FEHD",
        ).version
        queue = list_coordination(session, LATER)
        assert [(c.reference, c.coordination_reasons) for c in queue] == [(reference, ["transferred_twice"])]
        transition(session, reference, "assign", "coordinator:kim", current, now=LATER, assignee="fehd-officer")
        assert list_coordination(session, LATER) == []


def test_a_case_unassigned_for_over_one_working_day_goes_to_coordination(desk: CaseDesk) -> None:
    reference = file(desk)  # Wednesday 10:00 HKT
    with desk.database.session() as session:
        assert list_coordination(session, NOW + timedelta(hours=23)) == []
        late = list_coordination(session, NOW + timedelta(hours=25))
    assert [(c.reference, c.coordination_reasons) for c in late] == [(reference, ["no_owner"])]


def test_the_department_queue_sorts_by_priority_then_deadline_and_hides_duplicates(desk: CaseDesk) -> None:
    normal = file(desk, "The street light is broken", district="wan-chai")
    file(desk, "The street light is broken", district="wan-chai")  # a duplicate of `normal`
    urgent = file(desk, "A man collapsed under the broken street light", district="tai-po")
    with desk.database.session() as session:
        queue = list_queue(session, "HyD", NOW)
        assert [c.reference for c in queue] == [urgent, normal]
        assert list_queue(session, "DSD", NOW) == []


def test_closing_the_original_closes_its_duplicates_with_the_same_reply(desk: CaseDesk) -> None:
    original = file(desk, "The street light is broken", district="wan-chai")
    duplicate = file(desk, "The street light is broken", district="wan-chai")
    with desk.database.session() as session:
        reply_and_close(session, original, "officer:alice", 1, "Fixed today.", now=LATER)
    with desk.database.session() as session:
        detail = get_case(session, duplicate, LATER)
    assert (detail.summary.status, detail.reply) == ("closed", "Fixed today.")
    assert detail.history[-1].actor == "system:duplicates"


def test_history_cannot_be_rewritten(desk: CaseDesk) -> None:
    file(desk)
    with pytest.raises(DBAPIError), desk.database.session() as session:
        session.execute(text("UPDATE case_events SET actor = 'someone else'"))
    with desk.database.session() as session:
        assert "someone else" not in session.scalars(select(CaseEventRow.actor)).all()
