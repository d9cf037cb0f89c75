"""Dates of birth: a real calendar date in the past, and a birth word near it. Other dates are not reported."""

from __future__ import annotations

import re
from datetime import date

from civicdesk.privacy.finding import EntityType
from civicdesk.privacy.recognizers.base import Pattern, PatternRecognizer, Validation

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
            ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
            ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}  # fmt: skip
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"  # noqa: E501
_YEAR = r"(?:19|20)\d{2}"
_L, _R = r"(?<![A-Za-z0-9])", r"(?![A-Za-z0-9])"


class DateOfBirthRecognizer(PatternRecognizer):
    name = "DateOfBirthRecognizer"
    entity = EntityType.DATE_OF_BIRTH
    min_digit_run = 4  # the year
    PATTERNS = (
        Pattern("date_ymd", rf"{_L}{_YEAR}[\-/.]\d{{1,2}}[\-/.]\d{{1,2}}{_R}", 0.5),
        Pattern("date_dmy", rf"{_L}\d{{1,2}}[\-/.]\d{{1,2}}[\-/.]{_YEAR}{_R}", 0.5),
        Pattern("date_d_month_y", rf"{_L}\d{{1,2}}(?:st|nd|rd|th)? {_MONTH}\.?,? {_YEAR}{_R}", 0.5, True),
        Pattern("date_month_d_y", rf"{_L}{_MONTH}\.? \d{{1,2}}(?:st|nd|rd|th)?,? {_YEAR}{_R}", 0.5, True),
        Pattern("date_chinese", rf"{_YEAR} ?年 ?\d{{1,2}} ?月 ?\d{{1,2}} ?[日號号]", 0.5),
    )
    CONTEXT = (
        "born", "birth", "birthday", "dob", "d.o.b", "date of birth", "b.",
        "出生", "出世", "生日", "出生日期", "生於", "出生年月日",
    )  # fmt: skip
    CONTEXT_REQUIRED = True
    CONTEXT_BOOST = 0.35
    CONTEXT_BEFORE = 25
    CONTEXT_AFTER = 4

    def validate(self, value: str) -> Validation:
        parsed = parse_date(value)
        if parsed is None:
            return Validation(False, "not a calendar date")
        if not date(1900, 1, 1) <= parsed <= date.today():
            return Validation(False, "not a past date")
        return Validation(True, f"calendar date {parsed.isoformat()} in the past")


def parse_date(value: str) -> date | None:
    """Read the date formats above (day first for numeric dates, as Hong Kong writes them)."""
    text = value.lower()
    try:
        if m := re.fullmatch(r"(\d{4}) ?年 ?(\d{1,2}) ?月 ?(\d{1,2}) ?[日號号]", text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{4})[\-/.](\d{1,2})[\-/.](\d{1,2})", text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{1,2})[\-/.](\d{1,2})[\-/.](\d{4})", text):
            return date(int(m[3]), int(m[2]), int(m[1]))
        if m := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.?,? (\d{4})", text):
            return date(int(m[3]), _MONTHS[m[2]], int(m[1]))
        if m := re.fullmatch(r"([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})", text):
            return date(int(m[3]), _MONTHS[m[1]], int(m[2]))
    except (ValueError, KeyError):
        return None
    return None
