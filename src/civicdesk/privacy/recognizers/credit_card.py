"""Payment card numbers, reported only when they pass the Luhn check."""

from __future__ import annotations

import re

from civicdesk.privacy.finding import EntityType
from civicdesk.privacy.recognizers.base import Pattern, PatternRecognizer, Validation
from civicdesk.privacy.recognizers.cn_resident_id import looks_like_cn_resident_id


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, char in enumerate(reversed(digits)):
        d = int(char)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


class CreditCardRecognizer(PatternRecognizer):
    name = "CreditCardRecognizer"
    entity = EntityType.CREDIT_CARD
    min_digit_run = 4
    _EDGE = r"(?<![A-Za-z0-9\-])", r"(?![A-Za-z0-9]|-\d)"
    PATTERNS = (
        Pattern("card_grouped_4", rf"{_EDGE[0]}\d{{4}}([ \-])\d{{4}}\1\d{{4}}\1\d{{1,7}}{_EDGE[1]}", 0.95),
        Pattern("card_grouped_amex", rf"{_EDGE[0]}3\d{{3}}([ \-])\d{{6}}\1\d{{5}}{_EDGE[1]}", 0.95),
        Pattern("card_digits", rf"{_EDGE[0]}[1-9]\d{{11,18}}{_EDGE[1]}", 0.85),
    )
    CONTEXT = (
        "card", "credit", "visa", "mastercard", "amex", "unionpay", "信用卡", "卡號", "咭", "卡", "銀聯", "扣款",
    )  # fmt: skip

    def validate(self, value: str) -> Validation:
        digits = re.sub(r"\D", "", value)
        if not 12 <= len(digits) <= 19:
            return Validation(False, f"{len(digits)} digits")
        if len(set(digits)) == 1:
            return Validation(False, "one repeated digit")
        if looks_like_cn_resident_id(digits):
            return Validation(False, "shaped like a mainland resident ID")
        if not luhn_ok(digits):
            return Validation(False, "Luhn check failed")
        return Validation(True, f"Luhn check passed ({len(digits)} digits)")
