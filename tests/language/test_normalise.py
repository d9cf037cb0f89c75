"""normalise, to_traditional and to_simplified: full-width forms, controls, whitespace, repeats, OpenCC (HK)."""

from __future__ import annotations

import pytest

from civicdesk.language import normalise, to_simplified, to_traditional


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ＡＢＣ　１２３", "ABC 123"),  # full-width letters, digits and ideographic space
        ("ｶﾀｶﾅ", "カタカナ"),  # half-width katakana
        ("請問，點樣續領？", "請問,點樣續領?"),  # full-width punctuation folds to ASCII
        ("  line one\n\tline two\r\n", "line one line two"),  # newlines and tabs become single spaces
        ("a\x00b\x07c\u200bd\ufeffe\u202ef", "abcdef"),  # controls, zero-width, BOM, bidi override dropped
        ("hello!!!!!!!!", "hello!!!"),
        ("好好好好好好好好", "好好好"),
        ("soooooo slow", "sooo slow"),
        ("$1000000000", "$1000000000"),  # ordinary numbers keep their digits
        ("1" * 40, "1" * 16),
        ("", ""),
        (" \n\t ", ""),
        ("😀😀😀😀😀", "😀😀😀"),
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_invalid_utf8_and_surrogates_are_dropped() -> None:
    raw = b"abc \xff\xfe def".decode("utf-8", "surrogateescape")
    assert normalise(raw) == "abc def"


def test_two_thousand_copies_of_one_character() -> None:
    assert normalise("啊" * 2000) == "啊啊啊"


@pytest.mark.parametrize(
    "text",
    ["ＨＫＩＤ　Ａ１２３４５６（３）", "我想renew我嘅passport！！！！", "a\nb\tc  d", "樓下有人打交呀呀呀呀", "x" * 50],
)
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@pytest.mark.parametrize(
    ("simplified", "traditional"),
    [
        ("发现问题", "發現問題"),
        ("我想续领身份证", "我想續領身份證"),
        ("里面", "裏面"),  # Hong Kong form (Taiwan would write 裡面)
        ("着火了", "着火了"),  # Hong Kong keeps 着
    ],
)
def test_to_traditional_uses_hong_kong_forms(simplified: str, traditional: str) -> None:
    assert to_traditional(simplified) == traditional


def test_to_simplified_is_the_catalogue_conversion() -> None:
    assert to_simplified("關係到我的身份證") == "关系到我的身份证"
    assert to_simplified("English stays") == "English stays"
