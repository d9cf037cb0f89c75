"""Regex-only recognizers from YAML: the bundled file, an operator's file, and clear errors for bad entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from civicdesk.privacy import Analyzer, RecognizerConfigError
from civicdesk.privacy.recognizers.yaml_recognizers import load_yaml_recognizers

STAFF_ID = """
recognizers:
  - name: StaffIdRecognizer
    entity: STAFF_ID
    patterns:
      - {name: staff_id, regex: '(?<![A-Z0-9])ST-\\d{6}(?![0-9])', score: 0.6}
    context: [staff, 職員]
    context_required: true
"""


def test_an_operator_file_adds_a_recognizer(tmp_path: Path) -> None:
    path = tmp_path / "extra.yaml"
    path.write_text(STAFF_ID, encoding="utf-8")
    analyzer = Analyzer(extra_recognizers_file=path)
    analyzer.warm_up()
    assert [(f.type, f.text) for f in analyzer.analyze("職員編號 ST-123456 已記錄")] == [("STAFF_ID", "ST-123456")]
    assert analyzer.analyze("ST-123456") == []  # context required
    assert "STAFF_ID" in analyzer.entities


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("recognizers: [", "not valid YAML"),
        ("other: []", "top-level `recognizers:`"),
        ("recognizers: [{name: X, entity: lower, patterns: [{name: a, regex: a, score: 1}]}]", "UPPER_CASE"),
        ("recognizers: [{name: X, entity: A, patterns: [{name: a, regex: '(', score: 1}]}]", "not a valid regex"),
        ("recognizers: [{name: X, entity: A, patterns: [{name: a, regex: a, score: 2}]}]", "between 0 and 1"),
        ("recognizers: [{name: X, entity: A, patterns: []}]", "at least one pattern"),
        ("recognizers: [{name: X, entity: A, colour: red, patterns: [{name: a, regex: a, score: 1}]}]", "unknown keys"),
    ],
)
def test_bad_entries_are_refused_with_where_and_why(text: str, problem: str) -> None:
    with pytest.raises(RecognizerConfigError, match=problem) as raised:
        load_yaml_recognizers(text, "extra.yaml")
    assert raised.value.code == "E437"


def test_a_duplicate_name_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "dup.yaml"
    path.write_text(STAFF_ID.replace("StaffIdRecognizer", "HkidRecognizer"), encoding="utf-8")
    with pytest.raises(RecognizerConfigError, match="already registered"):
        Analyzer(extra_recognizers_file=path).warm_up()
