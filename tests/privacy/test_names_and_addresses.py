"""PERSON and ADDRESS in Chinese, Cantonese and English, and the places that must not be taken for names."""

from __future__ import annotations

import pytest

from tests.privacy.conftest import Found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我叫陳大文，想查詢。", [("PERSON", "陳大文")]),
        ("投訴人李小明表示", [("PERSON", "李小明")]),
        ("黃志強先生已遷出", [("PERSON", "黃志強")]),
        ("屋宇署職員周先生到場", [("PERSON", "周")]),
        ("頭先李生打嚟", [("PERSON", "李")]),
        ("居民歐陽志明反映", [("PERSON", "歐陽志明")]),
        ("我姓黃，叫黃偉明", [("PERSON", "黃"), ("PERSON", "黃偉明")]),
        ("联系人：刘晓燕，谢谢", [("PERSON", "刘晓燕")]),
        ("我阿Ken呀", [("PERSON", "阿Ken")]),
    ],
)
def test_chinese_names(found: Found, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "何文田區的街燈損壞",
        "黃大仙祠附近交通擠塞",
        "馬鞍山公園的洗手間已關閉",
        "許多居民都反映",
        "馬上處理，謝謝！",
        "方便的話請回電",
        "王國的歷史很悠久",
        "衛生情況惡劣",
        "區議會幾時開會？",
        "我張信用卡唔見咗",
    ],
)
def test_chinese_words_that_start_with_a_surname_are_not_names(found: Found, text: str) -> None:
    assert [t for t, _ in found(text)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My name is Chan Tai Man.", [("PERSON", "Chan Tai Man")]),
        ("Applicant: CHAN, Tai-man; tel none", [("PERSON", "CHAN, Tai-man")]),
        ("Mr Cheung asked", [("PERSON", "Cheung")]),
        ("Peter Chan says hello", [("PERSON", "Peter Chan")]),
        ("Miss Chow Wing Sze and Mr Au Yeung Ka Lok", [("PERSON", "Chow Wing Sze"), ("PERSON", "Au Yeung Ka Lok")]),
        ("My name is Rubija", [("PERSON", "Rubija")]),
        ("The bus stop in Wong Tai Sin is dirty", []),
        ("Potholes near Ho Man Tin station", []),
        ("I lost my bag at Lee Gardens", []),
        ("Kwun Tong Road is flooded", []),
    ],
)
def test_english_and_romanised_names(found: Found, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("請寄往九龍觀塘協和街101號12樓B室。", "九龍觀塘協和街101號12樓B室"),
        ("我住喺何文田愛民邨嘉民樓12樓1203室，樓上漏水", "何文田愛民邨嘉民樓12樓1203室"),
        ("吳太太投訴將軍澳寶林邨寶勤樓15樓1501室漏水", "將軍澳寶林邨寶勤樓15樓1501室"),
        ("有人喺旺角彌敦道688號門口", "旺角彌敦道688號"),
        ("居民反映屯門友愛邨愛德樓的升降機", "屯門友愛邨愛德樓"),
        ("请寄到香港湾仔港湾道18号中环广场20楼2001室。", "香港湾仔港湾道18号中环广场20楼2001室"),
        (
            "Send it to Flat 5, 3/F, 18 Kweilin Street, Sham Shui Po, Kowloon.",
            "Flat 5, 3/F, 18 Kweilin Street, Sham Shui Po, Kowloon",
        ),
        ("the light outside 25 Nathan Road, Tsim Sha Tsui is broken", "25 Nathan Road, Tsim Sha Tsui"),
        ("Flooding at Block 5, Choi Hung Estate after the storm", "Block 5, Choi Hung Estate"),
    ],
)
def test_addresses(found: Found, text: str, expected: str) -> None:
    assert ("ADDRESS", expected) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "我住沙田",
        "I live in Sha Tin.",
        "軒尼詩道一帶經常有人擺賣",
        "The estate management of Kwai Fong Estate ignored us",
    ],
)
def test_a_district_street_or_estate_alone_is_not_an_address(found: Found, text: str) -> None:
    assert [t for t, _ in found(text) if t == "ADDRESS"] == []
