"""The in-repo safety sets: 100% emergency recall, few false alarms, blocked requests caught.

Each row names its language form and the round it was written in: round 1 before the rules, rounds 2-4
afterwards as fresh phrasings, each measured before the rules were changed and then added (the
first-pass figures are in docs/benchmarks.md, "Safety rules"); round 5 from the development set's misses; round 6
written against the reported-accident veto (rule_parts.REPORTED): real emergencies that mention an earlier
accident, and reported accidents or near misses that are service questions.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from civicdesk.language import LANGUAGES
from civicdesk.safety import BLOCKED_CATEGORIES, EMERGENCY_CATEGORIES, assess

DATA = Path(__file__).parent / "data"
MAX_FALSE_ALARM_RATE = 0.03
MIN_BLOCKED_RECALL = 0.95


def rows(name: str) -> list[dict[str, str]]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize(
    ("name", "minimum", "field", "allowed"),
    [
        ("emergency.jsonl", 120, "category", EMERGENCY_CATEGORIES),
        ("non_emergency.jsonl", 120, None, ()),
        ("blocked.jsonl", 60, "category", BLOCKED_CATEGORIES),
        ("not_blocked.jsonl", 40, None, ()),
    ],
)
def test_sets_are_large_and_cover_every_language_form(
    name: str, minimum: int, field: str | None, allowed: tuple[str, ...]
) -> None:
    data = rows(name)
    assert len(data) >= minimum
    by_language = Counter(row["lang"] for row in data)
    assert set(by_language) == set(LANGUAGES), by_language
    assert min(by_language.values()) >= len(data) // 10
    assert len({row["text"] for row in data}) == len(data), "duplicate messages"
    if field:
        assert {row[field] for row in data} <= set(allowed)


def test_every_emergency_is_caught() -> None:
    missed = []
    for row in rows("emergency.jsonl"):
        verdict = assess(row["text"], row["lang"])
        if verdict is None or verdict.status != "emergency" or row["category"] not in verdict.categories:
            missed.append((row["text"], verdict.to_dict() if verdict else None))
    assert missed == [], f"emergency recall below 100%: {len(missed)} missed"


def test_near_misses_are_rarely_flagged_as_emergencies() -> None:
    data = rows("non_emergency.jsonl")
    flagged = [(r["text"], v.to_dict()) for r in data if (v := assess(r["text"], r["lang"])) is not None]
    rate = len(flagged) / len(data)
    assert rate <= MAX_FALSE_ALARM_RATE, f"false alarm rate {rate:.1%} on {len(data)} near misses: {flagged}"


def test_blocked_requests_are_blocked() -> None:
    data = rows("blocked.jsonl")
    missed = []
    for row in data:
        verdict = assess(row["text"], row["lang"])
        if verdict is None or verdict.status != "blocked" or row["category"] not in verdict.categories:
            missed.append((row["text"], verdict.to_dict() if verdict else None))
    recall = 1 - len(missed) / len(data)
    assert recall >= MIN_BLOCKED_RECALL, f"blocked recall {recall:.1%}: {missed}"


def test_legitimate_requests_near_the_blocked_ones_pass() -> None:
    data = rows("not_blocked.jsonl")
    flagged = [(r["text"], v.to_dict()) for r in data if (v := assess(r["text"], r["lang"])) is not None]
    rate = len(flagged) / len(data)
    assert rate <= MAX_FALSE_ALARM_RATE, f"false block rate {rate:.1%}: {flagged}"
