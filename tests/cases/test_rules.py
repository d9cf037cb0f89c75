"""Small rules, table-driven: references, districts, splitting, similarity, and the plan of a submission."""

from __future__ import annotations

import pytest

from civicdesk.cases import CaseError, new_reference, parse_district, parse_reference, similarity, split_issues
from civicdesk.cases.districts import find_district
from civicdesk.cases.plan import plan_cases
from civicdesk.cases.triage import Assessment, Decision
from civicdesk.catalogue import Catalogue


def test_references_are_unique_readable_and_self_checking() -> None:
    references = {new_reference() for _ in range(2000)}
    assert len(references) == 2000
    for reference in list(references)[:200]:
        assert parse_reference(reference) == reference
        assert parse_reference(reference.lower().replace("-", " ")) == reference
        typo = reference[:-1] + ("0" if reference[-1] != "0" else "1")
        assert parse_reference(typo) is None


@pytest.mark.parametrize("value", ["", "CD-", "CD-ABCDE", "hello world", "CD-UUUUU-UUUUU"])
def test_junk_is_not_a_reference(value: str) -> None:
    assert parse_reference(value) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("wan-chai", "wan-chai"),
        ("Wan Chai", "wan-chai"),
        ("灣仔區", "wan-chai"),
        ("湾仔区", "wan-chai"),
        ("灣仔", "wan-chai"),
        ("Central & Western", "central-and-western"),
        ("Shatin", "sha-tin"),
        ("", None),
        (None, None),
    ],
)
def test_districts_are_read_from_ids_and_names(value: str | None, expected: str | None) -> None:
    assert parse_district(value) == expected


def test_an_unknown_district_is_refused() -> None:
    with pytest.raises(CaseError) as caught:
        parse_district("Kowloon")
    assert caught.value.code == "E603"


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("10 Pei Ho Street, Sham Shui Po", "sham-shui-po"),
        ("九龍觀塘道3號", "kwun-tong"),
        ("Eastern Harbour Crossing toll plaza", None),
        ("Flat 3, Eastern District", "eastern"),
        ("somewhere", None),
    ],
)
def test_a_district_is_found_in_an_address(address: str, expected: str | None) -> None:
    assert find_district(address) == expected


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("The street light is broken. And also the drain on the corner is blocked.", 2),
        ("街燈壞咗成個禮拜，仲有後巷啲垃圾冇人收，好臭。", 2),
        ("樓下街燈壞了。另外，路面有個大坑洞，很危險。", 2),
        ("啲垃圾同埋老鼠好嚴重", 1),
        ("Hi. Please help.", 1),
        ("The water bill is 3.5 times higher than usual. Who can I ask?", 1),
    ],
)
def test_splitting_into_parts(text: str, parts: int) -> None:
    assert len(split_issues(text)) == parts


@pytest.mark.parametrize(
    ("a", "b", "similar"),
    [
        ("The street light outside 12 Lee Tung Street is broken", "street light broken outside 12 Lee Tung St", True),
        ("後巷垃圾堆積如山，發出惡臭", "后巷垃圾堆积如山，发出恶臭", True),
        ("Call [PHONE] about the broken street light", "broken street light, ring [PHONE]", True),
        ("The street light outside 12 Lee Tung Street is broken", "The public toilet in the park is filthy", False),
        ("後巷垃圾堆積如山", "公廁非常骯髒", False),
    ],
)
def test_similarity_of_redacted_texts(a: str, b: str, similar: bool) -> None:
    assert (similarity(a, b) >= 0.45) is similar


def _decision(text: str, service: str | None, department: str | None, confidence: float) -> Decision:
    return Decision(text, "answered" if confidence >= 0.5 else "clarify", service, department, confidence, {})


def _assessment(whole: Decision, parts: list[Decision], emergency: bool = False) -> Assessment:
    return Assessment("en", {}, emergency, False, None, whole.text, {}, whole, parts)


def test_the_lead_is_the_whole_texts_department(catalogue: Catalogue) -> None:
    drain = _decision("drain blocked", "dsd-blocked-drain-flooding-report", "DSD", 0.8)
    light = _decision("light broken", "hyd-street-light-fault-report", "HyD", 0.9)
    vague = _decision("please hurry", None, None, 0.1)
    whole = _decision("light broken. drain blocked. please hurry", "hyd-street-light-fault-report", "HyD", 0.6)
    planned = plan_cases(_assessment(whole, [drain, light, vague]), None, catalogue, 0.5)
    assert [(p.department, p.lead, p.issue_text) for p in planned] == [
        ("HyD", True, "light broken please hurry"),
        ("DSD", False, "drain blocked"),
    ]


def test_an_emergency_makes_every_part_high_priority(catalogue: Catalogue) -> None:
    whole = _decision("x", "hyd-street-light-fault-report", "HyD", 0.9)
    planned = plan_cases(_assessment(whole, [], emergency=True), None, catalogue, 0.5)
    assert planned[0].priority == 1 and "999" in planned[0].priority_reason
