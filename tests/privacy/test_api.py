"""POST /api/v1/privacy/analyze and /redact through the real app."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

TEXT = "我叫陳大文，身份證A123456(3)，電話 +852 9123 4567 📞"


def test_analyze_returns_the_entities_with_offsets_and_explanations(client: TestClient) -> None:
    response = client.post("/api/v1/privacy/analyze", json={"text": TEXT, "language": "yue"})
    assert response.status_code == 200
    entities: list[dict[str, Any]] = response.json()["entities"]
    assert [(e["type"], e["text"]) for e in entities] == [
        ("PERSON", "陳大文"),
        ("HKID", "A123456(3)"),
        ("PHONE", "+852 9123 4567"),
    ]
    for entity in entities:
        assert set(entity) == {"type", "start", "end", "score", "text", "recognizer", "explanation"}
        assert TEXT[entity["start"] : entity["end"]] == entity["text"]
        assert entity["explanation"]["recognizer"] == entity["recognizer"]
    assert "check digit" in entities[1]["explanation"]["validation"]


@pytest.mark.parametrize(
    ("operator", "expected"),
    [
        ("redact", "我叫[PERSON]，身份證[HKID]，電話 [PHONE] 📞"),
        ("mask", "我叫陳**，身份證A123***(*)，電話 +852 **** 4567 📞"),
    ],
)
def test_redact(client: TestClient, operator: str, expected: str) -> None:
    response = client.post("/api/v1/privacy/redact", json={"text": TEXT, "operator": operator})
    assert response.status_code == 200
    body = response.json()
    assert body["text"] == expected
    assert [e["type"] for e in body["entities"]] == ["PERSON", "HKID", "PHONE"]


def test_pseudonymise_is_stable_across_requests(client: TestClient) -> None:
    texts = [client.post("/api/v1/privacy/redact", json={"text": TEXT, "operator": "pseudonymise"}).json()["text"]]
    texts.append(client.post("/api/v1/privacy/redact", json={"text": TEXT, "operator": "pseudonymise"}).json()["text"])
    assert texts[0] == texts[1] and "[HKID:" in texts[0] and "A123456" not in texts[0]


def test_redact_defaults_to_placeholders(client: TestClient) -> None:
    assert client.post("/api/v1/privacy/redact", json={"text": "call 9123 4567"}).json()["text"] == "call [PHONE]"


def test_empty_text(client: TestClient) -> None:
    assert client.post("/api/v1/privacy/analyze", json={"text": ""}).json() == {"entities": []}


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"text": "x" * 20001}, 413, "E439"),
        ({"text": "x", "language": "fr"}, 422, "E431"),
        ({"text": "x", "operator": "encrypt"}, 422, "E422"),
        ({"language": "en"}, 422, "E422"),
    ],
)
def test_bad_requests_get_a_coded_json_error(client: TestClient, body: dict[str, Any], status: int, code: str) -> None:
    path = "/api/v1/privacy/redact" if "operator" in body else "/api/v1/privacy/analyze"
    response = client.post(path, json=body)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code


def test_invalid_utf8_body_is_reported_with_its_line(client: TestClient) -> None:
    body = b'{\n"text": "\xa7A\xa8\xd3"}'  # Big5, not UTF-8
    response = client.post("/api/v1/privacy/analyze", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "E436"
    assert "line 2" in response.json()["error"]["message"]


def test_a_body_over_the_platform_limit_gets_413(client: TestClient) -> None:
    response = client.post("/api/v1/privacy/analyze", json={"text": "陳" * 70000})
    assert response.status_code == 413
