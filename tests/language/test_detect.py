"""detect: en / zh-Hant / yue / zh-Hans, with its evidence and documented defaults."""

from __future__ import annotations

import pytest

from civicdesk.errors import CivicdeskError
from civicdesk.language import (
    LANGUAGES,
    cantonese_markers,
    check_language,
    count_script,
    detect,
    reply_language,
)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("How do I renew my HKID card?", "en"),
        ("hi", "en"),
        ("Where is the 中環 ferry pier?", "en"),  # a Chinese place name inside English
        ("請問如何申請公共房屋？", "zh-Hant"),
        ("本署已收到閣下的投訴，並會盡快處理。", "zh-Hant"),
        ("我想問下點樣續領身份證", "yue"),
        ("佢哋話部𨋢壞咗成個禮拜", "yue"),
        ("我係香港人", "yue"),
        ("我想renew我嘅passport，得唔得？", "yue"),  # Cantonese mixed with English
        ("my lift 壞咗 again, 點算", "yue"),
        ("请问如何申请公共房屋？", "zh-Hans"),
        ("我哋嘅系统好慢", "zh-Hans"),  # Cantonese words, Simplified script: answered in Simplified
        ("有啥好吃的", "zh-Hans"),  # script-ambiguous characters, Mainland colloquial word
        ("我想問下 https://www.gov.hk/en/residents/ 呢個網址", "yue"),  # addresses are not English words
    ],
)
def test_detect(text: str, language: str) -> None:
    assert detect(text).language == language


def test_text_identical_in_both_scripts_defaults_to_traditional() -> None:
    detection = detect("中心")
    assert (detection.language, detection.reason, detection.script) == ("zh-Hant", "han_ambiguous_default", "Han")
    assert detection.confidence == 0.5


@pytest.mark.parametrize("text", ["", "   ", "😀😀", "12345", "!!!"])
def test_no_letters_gives_the_default_with_low_confidence(text: str) -> None:
    detection = detect(text)
    assert (detection.language, detection.reason) == ("en", "no_letters_default")
    assert detection.confidence < 0.5
    assert detect(text, default="zh-Hant").language == "zh-Hant"


def test_detection_carries_its_evidence() -> None:
    detection = detect("點解我嘅申請仲未批？")
    assert detection.language == "yue"
    assert set(detection.cantonese_markers) >= {"點解", "嘅", "仲未"}
    explanation = detection.to_dict()
    assert explanation["component"] == "language.detect"
    assert explanation["version"] == detection.version
    evidence = explanation["evidence"]
    assert isinstance(evidence, dict)
    assert evidence["cantonese_markers"] == list(detection.cantonese_markers)
    assert evidence["traditional_chars"] >= 1


def test_script_counts() -> None:
    counts = count_script("我想续领身份證 online")
    assert (counts.han, counts.latin_words) == (7, 1)
    assert counts.simplified == 2  # 续 领
    assert counts.traditional == 1  # 證


@pytest.mark.parametrize(
    ("text", "markers"),
    [
        ("冇關係", ["冇"]),  # 係 inside 關係 is Standard Written Chinese
        ("我係學生", ["係"]),
        ("返屋企食飯", ["返屋企", "食飯"]),  # the longer word wins
        ("聯繫我們的人員", []),
    ],
)
def test_cantonese_markers(text: str, markers: list[str]) -> None:
    assert cantonese_markers(text) == markers


def test_every_language_is_answered_in_a_script() -> None:
    assert [reply_language(lang) for lang in LANGUAGES] == ["en", "zh-Hant", "zh-Hant", "zh-Hans"]


@pytest.mark.parametrize("bad", ["zh", "fr", "zh-hant", ""])
def test_unknown_language_is_e201(bad: str) -> None:
    with pytest.raises(CivicdeskError) as error:
        check_language(bad)
    assert error.value.code == "E201"
    with pytest.raises(CivicdeskError):
        detect("hello", default=bad)  # type: ignore[arg-type]


def test_long_and_odd_input_is_handled() -> None:
    assert detect("啊" * 2000).language == "zh-Hant"
    assert detect("我想問下" * 500).language == "yue"
    assert detect(b"\xff\xfe".decode("utf-8", "surrogateescape") + "hello").language == "en"
