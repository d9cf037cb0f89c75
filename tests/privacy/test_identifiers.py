"""Identifiers with checksums or library validation: HKID, phone, card, mainland ID, email, IP."""

from __future__ import annotations

import pytest
from stdnum.cn import ric

from civicdesk.privacy.recognizers.cn_resident_id import cn_check_character
from civicdesk.privacy.recognizers.credit_card import luhn_ok
from civicdesk.privacy.recognizers.hkid import hkid_check_digit, is_valid_hkid
from tests.privacy.conftest import Found


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("A123456(3)", True),
        ("CA182361(1)", True),
        ("A123456(5)", False),
        ("Z159083(A)", True),
        ("A1234563", True),
        ("a123456 (3)", True),
        ("CA182361(2)", False),
    ],
)
def test_hkid_check_digit(value: str, valid: bool) -> None:
    assert is_valid_hkid(value) is valid


def test_hkid_check_digit_counts_a_leading_space_for_one_letter() -> None:
    assert hkid_check_digit("A", "123456") == "3"
    assert hkid_check_digit("CA", "182361") == "1"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("身份證A123456(3)", [("HKID", "A123456(3)")]),
        ("HKID: CA182361(1).", [("HKID", "CA182361(1)")]),
        ("id A 123456 (3) ok", [("HKID", "A 123456 (3)")]),
        ("ID: R1860916", [("HKID", "R1860916")]),
        ("身份證：Ｋ５２６０１８（３）", [("HKID", "Ｋ５２６０１８（３）")]),  # full-width, offsets into the original
        ("the number A123456(5) was rejected", []),  # wrong check digit
        ("ref XA1234567890", []),
    ],
)
def test_hkid_recognizer(found: Found, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("電話9123 4567", [("PHONE", "9123 4567")]),
        ("call +852 6123 4567 now", [("PHONE", "+852 6123 4567")]),
        ("Tel: (852) 2575 1234", [("PHONE", "(852) 2575 1234")]),
        ("WhatsApp +85294402765", [("PHONE", "+85294402765")]),
        ("London +44 20 7946 0958.", [("PHONE", "+44 20 7946 0958")]),
        ("內地 +86 138 0013 8000", [("PHONE", "+86 138 0013 8000")]),
        ("Case number 10234567 is pending", []),  # 8 digits, not a valid HK number
        ("收據號碼40123456", []),
        ("個案編號21234567", []),  # valid-looking, but a reference number by context
        ("請致電1823查詢", []),
        ("dial 999 now", []),
        ("barcode 4012 3456 7890 1234", []),  # part of a longer run of digits
        ("please call me at 905-674-3793", [("PHONE", "905-674-3793")]),  # national form, with a phone word
        ("the total was 905-674-3793", []),  # national form without a phone word
    ],
)
def test_phone_recognizer(found: Found, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("card 4111 1111 1111 1111 charged", [("CREDIT_CARD", "4111 1111 1111 1111")]),
        ("卡號5524-4026-8599-5288", [("CREDIT_CARD", "5524-4026-8599-5288")]),
        ("Amex 379078666617609", [("CREDIT_CARD", "379078666617609")]),
        ("ref 1234 5678 9012 3456", []),  # fails Luhn
        ("number 1111111111111111111", []),  # one repeated digit
    ],
)
def test_credit_card_recognizer(found: Found, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_luhn() -> None:
    assert luhn_ok("4111111111111111")
    assert not luhn_ok("4111111111111112")


@pytest.mark.parametrize(
    "value",
    ["440305198805121237", "110101199003074565", "810000199506210315", "820000200102140186", "830000198709302278"],
)
def test_mainland_ids_including_residence_permits(found: Found, value: str) -> None:
    assert cn_check_character(value[:17]) == value[17]
    assert found(f"身份证号码{value}。") == [("CN_RESIDENT_ID", value)]


def test_residence_permits_are_rejected_by_the_common_library_but_not_by_us(found: Found) -> None:
    permit = "810000199506210315"
    assert not ric.is_valid(permit)  # why we validate ourselves
    assert found(permit) == [("CN_RESIDENT_ID", permit)]


@pytest.mark.parametrize("value", ["440305198805121238", "990305198805121237", "440305198813121237"])
def test_invalid_mainland_ids_are_not_reported_as_anything(found: Found, value: str) -> None:
    assert found(f"身份证号{value}") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("email me at a.b-c+x@sub.example.org please", [("EMAIL", "a.b-c+x@sub.example.org")]),
        ("我email係kaho_wong@gmail.com，", [("EMAIL", "kaho_wong@gmail.com")]),
        ("user@localhost", []),
        ("IP 192.168.10.24 blocked", [("IP_ADDRESS", "192.168.10.24")]),
        ("log: 2001:db8:85a3::8a2e:370:7334 failed", [("IP_ADDRESS", "2001:db8:85a3::8a2e:370:7334")]),
        ("IP 999.12.1.300 is wrong", []),
        ("version 1.2.3.4 crashes", []),
        ("at 12:20:39 today", []),
    ],
)
def test_email_and_ip(found: Found, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected
