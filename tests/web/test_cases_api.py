"""POST /api/v1/cases and GET /api/v1/cases/{reference}: the real app, the real router, privacy and safety."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, func, select

from civicdesk.cases import parse_reference
from civicdesk.settings import Settings
from civicdesk.store.tables import CaseRow
from civicdesk.web.app import create_app
from tests.conftest import make_settings

KEYS = {"reference", "token", "status", "department", "service", "priority", "duplicate_of", "linked", "explanation"}


def file(client: TestClient, **body: object) -> dict[str, object]:
    response = client.post("/api/v1/cases", json=body)
    assert response.status_code == 201, response.text
    data: dict[str, object] = response.json()
    return data


def test_a_case_is_filed_with_the_exact_response_shape(client: TestClient) -> None:
    data = file(
        client, text="The street light outside 88 Hennessy Road has been off for three nights", district="wan-chai"
    )
    assert set(data) >= KEYS
    assert parse_reference(str(data["reference"])) == data["reference"]
    assert data["department"] == "HyD" and data["service"] == "hyd-street-light-fault-report"
    assert data["status"] == "triaged" and data["priority"] in ("high", "normal")
    explanation = data["explanation"]
    assert isinstance(explanation, dict)
    routing = explanation["routing"]
    assert routing["model_version"] and routing["scores"]


def test_personal_data_is_redacted_before_it_is_stored_or_returned(client: TestClient) -> None:
    data = file(
        client,
        text="Drain blocked outside my flat, my HKID is A123456(3), call 9123 4567",
        contact={"name": "Chan Tai Man", "phone": "9123 4567"},
    )
    tracked = client.get(f"/api/v1/cases/{data['reference']}", params={"token": data["token"]})
    assert "A123456" not in tracked.text and "9123" not in tracked.text
    assert "A123456" not in str(data) and "9123 4567" not in str(data["explanation"])


def test_an_emergency_is_flagged_and_the_citizen_told_to_call_999(client: TestClient) -> None:
    data = file(client, text="There is a fire in the rubbish room on our floor and smoke everywhere")
    assert data["priority"] == "high" and data["emergency"] is True
    assert "999" in str(data["message"])


def test_two_matters_become_linked_cases(client: TestClient) -> None:
    data = file(
        client,
        text="The street light outside my building has been broken for a week. "
        "And also rubbish has been piling up in the back lane for days and it stinks.",
        district="yau-tsim-mong",
    )
    linked = data["linked"]
    assert isinstance(linked, list) and len(linked) == 1, data["explanation"]
    departments = {data["department"], linked[0]["department"]}
    assert departments == {"HyD", "FEHD"}


def test_a_duplicate_is_linked_and_the_citizen_told(client: TestClient) -> None:
    text = "Street light outside 1 Tai Yuen Street Kwai Chung is broken and it is very dark"
    first = file(client, text=text, district="kwai-tsing")
    second = file(client, text=text + " at night", district="kwai-tsing")
    assert second["duplicate_of"] == first["reference"]
    tracked = client.get(f"/api/v1/cases/{second['reference']}", params={"token": second["token"]}).json()
    assert tracked["duplicate_of"] == first["reference"]


def test_tracking_shows_status_department_and_public_history(client: TestClient) -> None:
    data = file(client, text="The drain on Shanghai Street is blocked and the road floods", district="Yau Tsim Mong")
    response = client.get(f"/api/v1/cases/{data['reference']}", params={"token": data["token"]})
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    tracked = response.json()
    assert tracked["status"] == "triaged" and tracked["department"]["code"] == "DSD"
    assert [h["status"] for h in tracked["history"]] == ["submitted", "triaged"]
    assert tracked["reply"] is None and tracked["district"] == "yau-tsim-mong"
    assert "explanation" not in tracked and "assigned_to" not in tracked


@pytest.mark.parametrize("token", ["", "wrong-token", None])
def test_tracking_needs_the_right_token(client: TestClient, token: str | None) -> None:
    data = file(client, text="Street light broken on Nathan Road")
    params = {"token": token} if token is not None else {}
    response = client.get(f"/api/v1/cases/{data['reference']}", params=params)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "E610"


def test_an_unknown_reference_gets_the_same_answer_as_a_wrong_token(client: TestClient) -> None:
    response = client.get("/api/v1/cases/CD-00000-00000", params={"token": "x"})
    assert response.status_code == 404 and response.json()["error"]["code"] == "E610"


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"text": ""}, 422, "E601"),
        ({"text": "x" * 2001}, 413, "E602"),
        ({"text": "street light", "district": "Atlantis"}, 422, "E603"),
        ({"text": "street light", "contact": {"phone": "12"}}, 422, "E604"),
        ({"text": "street light", "location": {"latitude": 22.3}}, 422, "E605"),
        ({"district": "wan-chai"}, 422, "E422"),
        ({"text": 5}, 422, "E422"),
    ],
)
def test_invalid_requests_get_a_coded_json_error(client: TestClient, body: object, status: int, code: str) -> None:
    response = client.post("/api/v1/cases", json=body)
    assert (response.status_code, response.json()["error"]["code"]) == (status, code)


def test_invalid_json_and_invalid_utf8_are_handled(client: TestClient) -> None:
    broken = client.post("/api/v1/cases", content=b"{not json", headers={"content-type": "application/json"})
    assert broken.status_code == 422 and broken.json()["error"]["code"] == "E303"
    latin = client.post(
        "/api/v1/cases", content=b'{"text": "street light broken \xff"}', headers={"content-type": "application/json"}
    )
    assert latin.status_code == 201


def test_a_location_may_be_a_plain_address(client: TestClient) -> None:
    data = file(client, text="Road surface broken with a deep pothole", location="Outside 2 Queen's Road Central")
    assert data["reference"]


def test_a_retry_with_the_same_idempotency_key_never_creates_two_cases(client: TestClient) -> None:
    key = uuid.uuid4().hex
    body = {"text": "Water main burst outside 3 Po Yan Street, water everywhere", "district": "central-and-western"}
    first = client.post("/api/v1/cases", json=body, headers={"Idempotency-Key": key})
    again = client.post("/api/v1/cases", json=body, headers={"Idempotency-Key": key})
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"
    other = client.post("/api/v1/cases", json={**body, "text": "something else"}, headers={"Idempotency-Key": key})
    assert other.status_code == 409 and other.json()["error"]["code"] == "E607"


def test_an_invalid_idempotency_key_is_refused(client: TestClient) -> None:
    response = client.post("/api/v1/cases", json={"text": "street light"}, headers={"Idempotency-Key": "x" * 201})
    assert response.status_code == 422 and response.json()["error"]["code"] == "E609"


def test_concurrent_retries_on_postgresql_create_one_case(
    postgres_url: str, tmp_path: Path, settings: Settings
) -> None:
    from civicdesk.store import upgrade

    upgrade(postgres_url)
    on_postgres = make_settings(tmp_path, database_url=postgres_url, model_dir=settings.resolved_model_dir)
    key = uuid.uuid4().hex
    body = {"text": "Street light broken outside 5 Sai Yeung Choi Street South", "district": "yau-tsim-mong"}
    with (
        TestClient(create_app(on_postgres), raise_server_exceptions=False) as client,
        ThreadPoolExecutor(max_workers=6) as pool,
    ):
        responses = list(
            pool.map(lambda _: client.post("/api/v1/cases", json=body, headers={"Idempotency-Key": key}), range(6))
        )
    assert {r.status_code for r in responses} <= {201, 409}
    references = {r.json()["reference"] for r in responses if r.status_code == 201}
    assert len(references) == 1
    engine = create_engine(postgres_url)
    with engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(CaseRow)).scalar() == 1
    engine.dispose()
