"""Mainland China resident identity numbers (18 characters), including the residence permits for Hong Kong, Macao
and Taiwan residents (810000 / 820000 / 830000), which common validators wrongly reject because those codes are not
in the administrative-division table.
"""

from __future__ import annotations

from datetime import date

from civicdesk.privacy.finding import EntityType
from civicdesk.privacy.recognizers.base import Pattern, PatternRecognizer, Validation

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
# First two digits: province-level divisions, plus 71 (Taiwan) and the residence permits 81, 82, 83.
_PROVINCES = frozenset(
    {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43"}
    | {"44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "83"}
)
_PERMITS = {"810000": "Hong Kong", "820000": "Macao", "830000": "Taiwan"}


def looks_like_cn_resident_id(digits: str) -> bool:
    """18 digits with a known region and a real birth date in the right places: a resident ID, valid or not."""
    if len(digits) != 18 or digits[:2] not in _PROVINCES:
        return False
    try:
        date(int(digits[6:10]), int(digits[10:12]), int(digits[12:14]))
    except ValueError:
        return False
    return 1900 <= int(digits[6:10]) <= date.today().year


def cn_check_character(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character of a resident ID."""
    return _CHECK[sum(int(c) * w for c, w in zip(first17, _WEIGHTS, strict=True)) % 11]


class CnResidentIdRecognizer(PatternRecognizer):
    name = "CnResidentIdRecognizer"
    entity = EntityType.CN_RESIDENT_ID
    min_digit_run = 17
    PATTERNS = (Pattern("cn_resident_id", r"(?<![A-Za-z0-9])\d{17}[\dXx](?![A-Za-z0-9])", 0.95),)
    CONTEXT = ("身份證", "身份证", "居住證", "居住证", "resident id", "id", "identity")
    CONTEXT_BOOST = 0.05

    def validate(self, value: str) -> Validation:
        value = value.upper()
        if value[:2] not in _PROVINCES:
            return Validation(False, f"region {value[:2]} unknown")
        if value[:2] in {"81", "82", "83"} and value[:6] not in _PERMITS:
            return Validation(False, f"residence permit code {value[:6]} unknown")
        try:
            born = date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
        except ValueError:
            return Validation(False, "birth date part is not a date")
        if not date(1900, 1, 1) <= born <= date.today():
            return Validation(False, "birth date out of range")
        expected = cn_check_character(value[:17])
        if expected != value[17]:
            return Validation(False, f"check character {value[17]} != expected {expected}")
        permit = _PERMITS.get(value[:6])
        kind = f"residence permit for {permit} residents" if permit else f"region {value[:2]}"
        return Validation(True, f"MOD 11-2 check character {expected} correct; {kind}; born {born.isoformat()}")
