"""Idempotency on the domain: a retried submission answers as before; a reused key for another request is refused."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from civicdesk.cases import CaseDesk, CaseError, CaseRequest
from civicdesk.store.tables import CaseRow
from tests.cases.conftest import NOW
from tests.cases.fakes import FakeRouter


def test_a_retry_gets_the_stored_answer_without_triaging_again(desk: CaseDesk, router: FakeRouter) -> None:
    request = CaseRequest(text="street light broken outside 3 Hill Road", channel="api", district="wan-chai")
    first = desk.submit(request, idempotency_key="k-1", now=NOW)
    again = desk.submit(request, idempotency_key="k-1", now=NOW)
    assert (first.replayed, again.replayed) == (False, True)
    assert again.body == first.body and again.status_code == 201
    assert len(router.calls) == 1
    with desk.database.session() as session:
        assert session.scalar(select(func.count()).select_from(CaseRow)) == 1


def test_keys_are_scoped_per_client(desk: CaseDesk) -> None:
    request = CaseRequest(text="street light broken outside 3 Hill Road", channel="api")
    one = desk.submit(request, idempotency_key="same", scope="api", now=NOW)
    two = desk.submit(request, idempotency_key="same", scope="open311:abc", now=NOW)
    assert one.body["reference"] != two.body["reference"]


def test_a_key_reused_for_another_request_is_refused(desk: CaseDesk) -> None:
    desk.submit(CaseRequest(text="street light broken", channel="api"), idempotency_key="k-2", now=NOW)
    with pytest.raises(CaseError) as caught:
        desk.submit(CaseRequest(text="drain blocked", channel="api"), idempotency_key="k-2", now=NOW)
    assert (caught.value.code, caught.value.kind) == ("E607", "conflict")


def test_a_failure_mid_intake_leaves_no_half_written_case_and_no_key(
    desk: CaseDesk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first case row is already flushed when the failure hits: the one transaction takes it back."""
    from civicdesk.cases import intake
    from civicdesk.store.tables import CaseEventRow, IdempotencyKeyRow

    class Killed(Exception):
        pass

    real = intake.record_event

    def record_then_die(session: object, row: CaseRow, action: str, *args: object, **kwargs: object) -> None:
        if action == "triage" and row.department_code == "DSD":
            raise Killed
        real(session, row, action, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(intake, "record_event", record_then_die)
    request = CaseRequest(text="The street light is broken. And also the drain is blocked.", channel="api")
    with pytest.raises(Killed):
        desk.submit(request, idempotency_key="k-3", now=NOW)
    with desk.database.session() as session:
        for table in (CaseRow, CaseEventRow, IdempotencyKeyRow):
            assert session.scalar(select(func.count()).select_from(table)) == 0
