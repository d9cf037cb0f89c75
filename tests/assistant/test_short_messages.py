"""Short messages: a topic several departments share gets a question; a topic one department owns does not."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from civicdesk.assistant.short_messages import TopicIndex, choices_for, short_terms
from civicdesk.catalogue import load_catalogue


@pytest.fixture(scope="module")
def topics() -> TopicIndex:
    return TopicIndex(load_catalogue())


@pytest.mark.parametrize(
    ("text", "terms"),
    [("tree", ["tree"]), ("I want to report a tree", ["tree"]), ("噪音", ["噪音"]), ("我想投訴噪音", ["噪音"])],
)
def test_short_terms_are_what_is_left_after_filler(text: str, terms: list[str]) -> None:
    assert short_terms(text) == terms


@pytest.mark.parametrize(
    "text",
    ["How do I renew my passport at a post office", "鄰居天台僭建點舉報", "I want to complain", "搵工", "我想搵人幫手"],
)
def test_longer_messages_or_messages_without_a_topic_are_not_short(text: str) -> None:
    assert short_terms(text) == []


@pytest.mark.parametrize("text", ["tree", "noise", "樹", "噪音"])
def test_shared_topics_are_ambiguous_across_departments(topics: TopicIndex, text: str) -> None:
    ambiguity = topics.ambiguity(text)
    assert ambiguity is not None
    assert len(ambiguity.mentions) >= 2
    assert ambiguity.to_dict()["terms"] == ambiguity.terms


@pytest.mark.parametrize("text", ["passport", "護照", "公屋"])
def test_topics_one_department_owns_are_not(topics: TopicIndex, text: str) -> None:
    assert topics.ambiguity(text) is None


def test_choices_take_the_best_service_of_each_department(topics: TopicIndex) -> None:
    ambiguity = topics.ambiguity("tree")
    assert ambiguity is not None
    ranked = [(s, 1.0 / (i + 1)) for i, s in enumerate(ambiguity.services)]
    chosen = choices_for(ambiguity, ranked, topics.departments)
    departments = [topics.departments[s] for s in chosen]
    assert len(departments) == len(set(departments)) >= 2
    assert chosen[0] == ambiguity.services[0]


@pytest.mark.parametrize("text", ["tree", "噪音"])
def test_the_assistant_asks_which_department_is_meant(client: TestClient, text: str) -> None:
    body = client.post("/api/v1/ask", json={"text": text}).json()
    assert body["status"] == "clarify"
    assert len({s["department"] for s in body["services"]}) >= 2
    assert body["explanation"]["short_message"]["component"] == "assistant.short_messages"


def test_a_short_message_one_department_owns_is_answered(client: TestClient) -> None:
    body = client.post("/api/v1/ask", json={"text": "passport"}).json()
    assert body["status"] in ("answered", "clarify")
    assert body["services"][0]["department"] == "ImmD"
    assert "short_message" not in body["explanation"]


@pytest.mark.parametrize("text", ["tree", "lift", "樹"])
def test_a_shared_topic_gets_the_departments_shares_not_the_routers_certainty(client: TestClient, text: str) -> None:
    body = client.post("/api/v1/ask", json={"text": text}).json()
    confidences = [s["confidence"] for s in body["services"]]
    mentions = body["explanation"]["short_message"]["mentions_by_department"]
    assert confidences == sorted(confidences, reverse=True)
    assert max(confidences) < 0.7  # no department holds DOMINANT_SHARE of the mentions
    assert sum(confidences) <= 1.0 + 1e-3
    first = body["services"][0]
    assert first["confidence"] == pytest.approx(mentions[first["department"]] / sum(mentions.values()), abs=1e-4)
    assert set(body["explanation"]["short_message"]["router_confidence"]) == {s["id"] for s in body["services"]}
