"""Bank account numbers, only when the context names an account or a bank."""

from __future__ import annotations

import re

from civicdesk.privacy.finding import EntityType
from civicdesk.privacy.recognizers.base import Pattern, PatternRecognizer, Validation


class BankAccountRecognizer(PatternRecognizer):
    name = "BankAccountRecognizer"
    entity = EntityType.BANK_ACCOUNT
    requires_digit = True
    PATTERNS = (
        # Hong Kong style: bank code-branch-account(-suffix), e.g. 004-123-456789-001.
        Pattern("account_grouped", r"(?<![A-Za-z0-9\-])\d{3}(?:[ \-]\d{1,9}){1,4}(?![A-Za-z0-9]|-\d)", 0.5),
        Pattern("account_grouped_4", r"(?<![A-Za-z0-9\-])\d{4}(?: \d{4}){2,3}(?: \d{1,4})?(?![A-Za-z0-9]|-\d)", 0.5),
        Pattern("account_digits", r"(?<![A-Za-z0-9\-])\d{9,19}(?![A-Za-z0-9]|-\d)", 0.45),
    )
    CONTEXT = (
        "account", "a/c", "acct", "bank", "iban", "pay into", "transfer", "deposit",
        "戶口", "帳戶", "賬戶", "帳號", "賬號", "銀行", "過數", "入數", "轉賬", "轉帳", "户口", "账户", "账号",
    )  # fmt: skip
    NEGATIVE_CONTEXT = ("card", "credit", "信用卡", "卡號", "信用咭", "咭")
    NEGATIVE_WINS = True
    NEGATIVE_BEFORE = 16
    CONTEXT_REQUIRED = True
    CONTEXT_BOOST = 0.35
    CONTEXT_BEFORE = 30
    CONTEXT_AFTER = 8

    def validate(self, value: str) -> Validation:
        digits = re.sub(r"\D", "", value)
        if not 9 <= len(digits) <= 19:
            return Validation(False, f"{len(digits)} digits")
        return Validation(True, f"{len(digits)} digits")
