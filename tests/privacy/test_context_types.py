"""Types reported only when the context shows them: passport, bank account, BR number, car plate, birth date."""

from __future__ import annotations

import pytest

from tests.privacy.conftest import Found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My passport number is K12345678.", [("PASSPORT", "K12345678")]),
        ("護照號碼：H12398765", [("PASSPORT", "H12398765")]),
        ("护照号码EA1234567。", [("PASSPORT", "EA1234567")]),
        ("Order K12345678 shipped", []),
        ("退款請存入銀行戶口004-123-456789-001。", [("BANK_ACCOUNT", "004-123-456789-001")]),
        ("pay into account 012-345-678901", [("BANK_ACCOUNT", "012-345-678901")]),
        ("信用卡4366 7127 6842 6844未能過數", []),  # a (Luhn-invalid) card number, not an account
        ("商業登記號碼：32145678", [("BR_NUMBER", "32145678")]),  # also a valid phone number: context wins
        ("BR No. 61234567-000-04-24-5", [("BR_NUMBER", "61234567-000-04-24-5")]),
        ("車牌AB 1234的私家車", [("CAR_PLATE", "AB 1234")]),
        ("Vehicle registration mark KX 8823 blocked the lane", [("CAR_PLATE", "KX 8823")]),
        ("Route AB 12 bus", []),
        ("出生日期：1985年3月15日", [("DATE_OF_BIRTH", "1985年3月15日")]),
        ("I was born on 15/03/1985.", [("DATE_OF_BIRTH", "15/03/1985")]),
        ("我1960年5月12號出世", [("DATE_OF_BIRTH", "1960年5月12號")]),
        ("DOB: 30 September 1987", [("DATE_OF_BIRTH", "30 September 1987")]),
        ("The hearing is on 8 August 2025.", []),  # a date, not a birth date
        ("born on 31/02/1985", []),  # not a calendar date
        ("birthday 2099-01-01", []),  # in the future
    ],
)
def test_context_dependent_types(found: Found, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected
