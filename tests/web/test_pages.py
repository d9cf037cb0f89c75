"""Pages render in the three UI languages, with lang, a skip link, labels and real CJK text."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

PAGES = ["/", "/departments", "/departments/PCPD", "/services/privacy-complaint", "/sectors/governance"]
LANGS = {"en": "How can we help you?", "zh-Hant": "有甚麼可以幫到你？", "zh-Hans": "有什么可以帮到你？"}


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("lang", list(LANGS))
def test_page_renders_accessibly(client: TestClient, path: str, lang: str) -> None:
    response = client.get(path, params={"lang": lang})
    assert response.status_code == 200
    html = response.text
    assert f'<html lang="{lang}">' in html
    assert 'class="skip-link" href="#main"' in html and 'id="main"' in html
    for control in re.findall(r"<(?:input|textarea|select)\b[^>]*>", html):
        if 'type="hidden"' in control:
            continue
        control_id = re.search(r'id="([^"]+)"', control)
        assert control_id, f"form control without id: {control}"
        assert f'for="{control_id.group(1)}"' in html, f"no label for {control_id.group(1)}"


@pytest.mark.parametrize(("lang", "heading"), list(LANGS.items()))
def test_home_is_translated(client: TestClient, lang: str, heading: str) -> None:
    html = client.get("/", params={"lang": lang}).text
    assert heading in html


def test_language_choice_is_remembered_in_a_cookie(client: TestClient) -> None:
    first = client.get("/", params={"lang": "zh-Hans"})
    assert first.cookies.get("civicdesk_lang") == "zh-Hans"
    client.cookies.set("civicdesk_lang", "zh-Hans")
    again = client.get("/departments")
    assert '<html lang="zh-Hans">' in again.text
    client.cookies.clear()


def test_browser_language_is_used_without_a_choice(client: TestClient) -> None:
    client.cookies.clear()
    html = client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"}).text
    assert '<html lang="en">' in html


def test_service_page_shows_catalogue_content_in_simplified(client: TestClient) -> None:
    html = client.get("/services/privacy-complaint", params={"lang": "zh-Hans"}).text
    assert "投诉不当使用个人资料" in html and "https://www.pcpd.org.hk/" in html


def test_missing_page_is_a_friendly_html_404(client: TestClient) -> None:
    response = client.get("/services/nope", headers={"Accept": "text/html"})
    assert response.status_code == 404
    assert "<html" in response.text and "Traceback" not in response.text


def test_htmx_is_vendored(client: TestClient) -> None:
    html = client.get("/").text
    src = re.search(r'<script src="(/static/htmx-2[^"]+)"', html)
    assert src is not None
    assert client.get(src.group(1)).status_code == 200
