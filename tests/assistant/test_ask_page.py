"""The ask page: htmx partials, the plain-form fallback, clarify buttons and the helpful vote."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy import select

from civicdesk.store.tables import AskVoteRow


def test_plain_form_post_renders_a_full_page(client: TestClient) -> None:
    response = client.post("/ask", data={"text": "How do I renew my driving licence?", "lang": "en"})
    assert response.status_code == 200
    html = response.text
    assert "<html" in html and 'id="main"' in html
    assert "Was this helpful?" in html or "Which of these" in html


def test_htmx_post_returns_just_the_exchange(client: TestClient) -> None:
    response = client.post("/ask", data={"text": "I want to complain", "lang": "en"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    html = response.text
    assert "<html" not in html and 'class="exchange"' in html
    buttons = re.findall(r'name="service" value="([a-z0-9-]+)"', html)
    assert 2 <= len(buttons) <= 4


def test_choosing_a_clarify_button_shows_that_service(client: TestClient) -> None:
    response = client.post("/ask", data={"service": "privacy-complaint", "lang": "en"}, headers={"HX-Request": "true"})
    assert "https://www.pcpd.org.hk/" in response.text


def test_vote_from_the_page_is_stored(client: TestClient) -> None:
    response = client.post("/ask", data={"text": "where can I recycle old clothes", "lang": "en"})
    ask_id = re.search(r'action="/ask/([0-9a-f]{32})/vote"', response.text)
    assert ask_id, "answered pages carry the helpful control"
    thanks = client.post(
        f"/ask/{ask_id.group(1)}/vote", data={"helpful": "no", "lang": "en"}, headers={"HX-Request": "true"}
    )
    assert thanks.status_code == 200 and "Thank you" in thanks.text
    runtime = client.app.state.runtime  # type: ignore[attr-defined]
    with runtime.database.session() as session:
        votes = session.scalars(select(AskVoteRow).where(AskVoteRow.ask_id == ask_id.group(1))).all()
        assert [v.helpful for v in votes] == [False]


def test_empty_form_shows_a_clear_error(client: TestClient) -> None:
    response = client.post("/ask", data={"text": "  ", "lang": "en"})
    assert response.status_code == 422
    assert "empty" in response.text
