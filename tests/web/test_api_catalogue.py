"""The catalogue API through the real app: shapes, filters and clear errors."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

REQUIRED = {"id", "department", "sector", "name", "summary", "url", "phone", "channels"}


def test_services_lists_the_whole_catalogue_with_required_fields(client: TestClient) -> None:
    body = client.get("/api/v1/services").json()
    assert body["count"] == len(body["services"]) >= 200
    departments = {s["department"] for s in body["services"]}
    assert len(departments) >= 40
    for service in body["services"]:
        assert set(service) >= REQUIRED
        for field in ("name", "summary"):
            assert set(service[field]) == {"en", "zh-Hant", "zh-Hans"}
            assert all(service[field].values())


def test_services_filter_by_department_and_sector(client: TestClient) -> None:
    by_department = client.get("/api/v1/services", params={"department": "PCPD"}).json()
    assert by_department["count"] >= 1
    assert {s["department"] for s in by_department["services"]} == {"PCPD"}
    by_sector = client.get("/api/v1/services", params={"sector": "governance"}).json()
    assert by_sector["count"] >= 1
    assert {s["sector"] for s in by_sector["services"]} == {"governance"}


def test_one_service_and_its_simplified_text(client: TestClient) -> None:
    body = client.get("/api/v1/services/privacy-complaint").json()
    assert body["id"] == "privacy-complaint" and body["department"] == "PCPD"
    assert body["name"]["zh-Hans"] == "投诉不当使用个人资料"


def test_departments_list_with_names_and_counts(client: TestClient) -> None:
    body = client.get("/api/v1/departments").json()
    assert body["count"] >= 40
    pcpd = next(d for d in body["departments"] if d["code"] == "PCPD")
    assert pcpd["services"] >= 1 and pcpd["name"]["zh-Hant"]


@pytest.mark.parametrize(
    ("path", "status", "field"),
    [
        ("/api/v1/services/no-such-service", 404, None),
        ("/api/v1/departments/NOPE", 404, None),
        ("/api/v1/services?department=NOPE", 404, None),
        ("/api/v1/services?sector=space", 422, "sector"),
        ("/api/v1/services?department=" + "X" * 40, 422, "department"),
    ],
)
def test_bad_requests_get_json_errors(client: TestClient, path: str, status: int, field: str | None) -> None:
    response = client.get(path)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["code"] == f"E{status}" and error["message"]
    if field:
        assert field in error["message"]
        assert any(f["field"] == field for f in error["fields"])


def test_a_body_over_the_limit_gets_413(client: TestClient) -> None:
    response = client.post("/api/v1/services", content=b"{" + b" " * 70000 + b"}")
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "E413"


def test_openapi_document_lists_the_api(client: TestClient) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {"/api/v1/services", "/api/v1/services/{service_id}", "/api/v1/departments"} <= set(paths)
