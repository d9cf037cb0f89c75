"""The analyzer as a whole: offsets, overlaps, explanations, languages and input that must never crash it."""

from __future__ import annotations

import itertools
import random

import pytest

from civicdesk.privacy import Analyzer, UnsupportedLanguageError
from civicdesk.privacy.finding import EntityType

MIXED = "我叫陳大文 (Chan Tai Man)，HKID A123456(3)，call me 📞 +852 9123 4567 or chan@example.com 🙏"


@pytest.mark.parametrize("text", ["", " ", "\n\t "])
def test_empty_text_gives_an_empty_result(analyzer: Analyzer, text: str) -> None:
    assert analyzer.analyze(text) == []
    assert analyzer.redact(text).text == text


def test_offsets_index_the_original_text(analyzer: Analyzer) -> None:
    findings = analyzer.analyze(MIXED)
    assert {f.type for f in findings} == {"PERSON", "HKID", "PHONE", "EMAIL"}
    for finding in findings:
        assert MIXED[finding.start : finding.end] == finding.text


def test_findings_never_overlap_and_are_sorted(analyzer: Analyzer) -> None:
    text = "商業登記號碼：32145678，電話9123 4567，戶口012-345-678901，卡4111 1111 1111 1111"
    findings = analyzer.analyze(text)
    assert [f.start for f in findings] == sorted(f.start for f in findings)
    for a, b in itertools.pairwise(findings):
        assert a.end <= b.start


def test_every_finding_explains_itself(analyzer: Analyzer) -> None:
    for finding in analyzer.analyze(MIXED):
        explanation = finding.explanation.as_dict()
        assert explanation["recognizer"] == finding.recognizer
        assert explanation["pattern"]
        assert explanation["threshold"] == analyzer.score_threshold
        assert explanation["score"] == pytest.approx(finding.score)
    hkid = next(f for f in analyzer.analyze("HKID A123456(3)") if f.type == EntityType.HKID)
    assert "check digit" in (hkid.explanation.validation or "")
    assert hkid.explanation.context == ("hkid",)


@pytest.mark.parametrize("language", [None, "en", "zh-Hant", "yue", "zh-Hans"])
def test_language_is_a_hint_and_mixed_text_works_in_every_language(analyzer: Analyzer, language: str | None) -> None:
    assert {f.type for f in analyzer.analyze(MIXED, language)} == {"PERSON", "HKID", "PHONE", "EMAIL"}


def test_an_unknown_language_is_refused_with_its_code(analyzer: Analyzer) -> None:
    with pytest.raises(UnsupportedLanguageError) as raised:
        analyzer.analyze("hello", "fr")
    assert raised.value.code == "E431"


def test_entities_filter(analyzer: Analyzer) -> None:
    assert {f.type for f in analyzer.analyze(MIXED, entities={"PHONE"})} == {"PHONE"}


def test_random_mixed_script_and_emoji_text_never_crashes(analyzer: Analyzer) -> None:
    alphabet = [*"陳李黃大文樓號室道邨 ，。()（）+-/:@.0123456789AaZz", "📞", "🙏", "𠮷", "\u3000", "\ufeff", "e\u0301"]
    rng = random.Random(4)
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 120)))
        for finding in analyzer.analyze(text):
            assert text[finding.start : finding.end] == finding.text


def test_a_lower_threshold_reports_weaker_findings() -> None:
    strict = Analyzer(score_threshold=0.99)
    strict.warm_up()
    assert [f.type for f in strict.analyze("頭先李生打嚟")] == []
