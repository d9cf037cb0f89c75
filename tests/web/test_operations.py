"""Health, readiness, metrics and request ids."""

from __future__ import annotations

import json
import logging

import pytest
from fastapi.testclient import TestClient


def test_healthz_and_readyz(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    body = ready.json()
    assert body["status"] == "ready" and all(body["checks"].values())
    assert body["services"] >= 200


def test_metrics_count_requests_by_route(client: TestClient) -> None:
    client.get("/api/v1/services/privacy-complaint")
    text = client.get("/metrics").text
    assert 'civicdesk_http_requests_total{method="GET",route="/api/v1/services/{service_id}",status="200"}' in text


def test_request_id_is_echoed_and_logged(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    from civicdesk.web.logs import JsonFormatter

    with caplog.at_level(logging.INFO, logger="civicdesk.access"):
        response = client.get("/healthz", headers={"X-Request-ID": "abc123"})
    assert response.headers["x-request-id"] == "abc123"
    records = [r for r in caplog.records if r.name == "civicdesk.access"]
    assert records
    line = json.loads(JsonFormatter().format(records[-1]))
    assert line["status"] == 200 and line["route"] == "/healthz" and "duration_ms" in line


def test_unknown_paths_get_json_404(client: TestClient) -> None:
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "E404"
