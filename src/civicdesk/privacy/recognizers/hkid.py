"""Hong Kong identity card numbers, reported only when the check digit is right."""

from __future__ import annotations

import re

from civicdesk.privacy.document import fold
from civicdesk.privacy.finding import EntityType
from civicdesk.privacy.recognizers.base import Pattern, PatternRecognizer, Validation

_COMPACT = re.compile(r"([A-Z]{1,2})(\d{6})([0-9A])")


def hkid_check_digit(letters: str, digits: str) -> str:
    """The check digit of an HKID: mod 11 over all characters, weights 9..2 (8..2 for one letter).

    A one-letter prefix counts a leading space as 36; letters count A=10 ... Z=35.
    """
    values = ([36] if len(letters) == 1 else []) + [ord(c) - 55 for c in letters.upper()]
    values += [int(d) for d in digits]
    total = sum(v * w for v, w in zip(values, range(9, 1, -1), strict=True))
    remainder = (11 - total % 11) % 11
    return "A" if remainder == 10 else str(remainder)


def is_valid_hkid(value: str) -> bool:
    """Whether `value` (any spacing, brackets, case or full-width form) is an HKID with the right check digit."""
    match = _COMPACT.fullmatch(re.sub(r"[\s()\-]", "", fold(value)).upper())
    return match is not None and hkid_check_digit(match[1], match[2]) == match[3]


class HkidRecognizer(PatternRecognizer):
    name = "HkidRecognizer"
    entity = EntityType.HKID
    min_digit_run = 6
    PATTERNS = (
        # One or two letters, six digits, check digit with or without brackets; spaces allowed in between.
        Pattern(
            "hkid",
            r"(?<![A-Za-z0-9])[A-Za-z]{1,2} ?\d{6} ?(?:\( ?[0-9Aa] ?\)|[0-9Aa])(?![A-Za-z0-9])",
            0.9,
        ),
    )
    CONTEXT = ("hkid", "hk id", "id card", "identity card", "身份證", "身分證", "身份證號碼", "id no", "id:")

    def validate(self, value: str) -> Validation:
        compact = re.sub(r"[\s()]", "", value).upper()
        match = _COMPACT.fullmatch(compact)
        if not match:
            return Validation(False, "not an HKID shape")
        expected = hkid_check_digit(match[1], match[2])
        if expected != match[3]:
            return Validation(False, f"check digit {match[3]} != expected {expected}")
        return Validation(True, f"HKID check digit {expected} correct (mod 11)")
