"""The citizen pages: /report files a case without an account, /track needs the reference and the token."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient


def _labelled(html: str) -> None:
    assert 'class="skip-link" href="#main"' in html
    for control in re.findall(r"<(?:input|textarea|select)\b[^>]*>", html):
        if 'type="hidden"' in control:
            continue
        control_id = re.search(r'id="([^"]+)"', control)
        assert control_id and f'for="{control_id.group(1)}"' in html, control


@pytest.mark.parametrize(
    ("lang", "district"), [("en", "Sham Shui Po"), ("zh-Hant", "深水埗區"), ("zh-Hans", "深水埗区")]
)
def test_the_report_form_lists_the_18_districts_in_the_ui_language(
    client: TestClient, lang: str, district: str
) -> None:
    response = client.get("/report", params={"lang": lang})
    assert response.status_code == 200
    html = response.text
    assert f'<html lang="{lang}">' in html
    assert html.count("<option value=") == 19 and district in html
    _labelled(html)


def test_a_report_gives_a_reference_and_token_that_open_the_tracking_page(client: TestClient) -> None:
    response = client.post(
        "/report?lang=en",
        data={
            "text": "The street light outside 20 Pei Ho Street is broken",
            "district": "sham-shui-po",
            "phone": "9123 4567",
        },
    )
    assert response.status_code == 201
    assert response.headers["cache-control"] == "no-store"
    reference = re.search(r"CD-[0-9A-Z]{5}-[0-9A-Z]{5}", response.text)
    token = re.search(r"<code>([^<]+)</code>", response.text)
    assert reference and token
    tracked = client.post("/track?lang=en", data={"reference": reference.group(), "token": token.group(1)})
    assert tracked.status_code == 200
    assert "Highways Department" in tracked.text and "Sent to the department" in tracked.text
    _labelled(tracked.text)
    assert "9123" not in tracked.text


def test_a_wrong_token_shows_a_friendly_error(client: TestClient) -> None:
    response = client.post("/track?lang=en", data={"reference": "CD-00000-00000", "token": "nope"})
    assert response.status_code == 404
    assert 'role="alert"' in response.text and "Traceback" not in response.text


def test_an_invalid_report_keeps_what_was_typed(client: TestClient) -> None:
    response = client.post("/report?lang=en", data={"text": "Broken bench in the park", "phone": "12"})
    assert response.status_code == 422
    assert "Broken bench in the park" in response.text and 'aria-invalid="true"' in response.text


def test_an_emergency_report_says_call_999(client: TestClient) -> None:
    response = client.post("/report?lang=en", data={"text": "Fire! Smoke is coming out of the flat next door now"})
    assert response.status_code == 201 and "999" in response.text


def test_the_tracking_form_renders_without_a_case(client: TestClient) -> None:
    response = client.get("/track", params={"lang": "zh-Hant"})
    assert response.status_code == 200 and '<html lang="zh-Hant">' in response.text
    _labelled(response.text)
