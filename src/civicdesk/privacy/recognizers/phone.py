"""Telephone numbers, validated with Google's `phonenumbers` metadata (no hand-written prefix rules).

- Hong Kong numbers: eight digits, with or without +852 / (852) / 852-, valid for region HK.
- Other countries: in international form (+44 20 7946 0958, 0086 ...), valid for the country they name.
- Other countries in national form (905-674-3793) only next to a phone word, valid in one of `NATIONAL_REGIONS`.

An 8-digit number that is not a valid HK number (a case or receipt number) is never reported; a valid-looking one
right after a reference word (case no., 編號, receipt) is dropped unless a phone word is also near.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import phonenumbers
from phonenumbers import NumberParseException, PhoneMetadata

from civicdesk.privacy.chinese import ChineseResources
from civicdesk.privacy.document import Document
from civicdesk.privacy.finding import EntityType, Finding
from civicdesk.privacy.lexicon import Lexicon
from civicdesk.privacy.recognizers.base import Pattern, PatternRecognizer, Validation

_NATIONAL_REGIONS = ("US", "GB", "CA", "AU", "SG", "MO", "CN", "TW", "IN", "PH", "DE", "FR", "NL", "SE", "CH")


@lru_cache(maxsize=64)
def _region_lengths(region: str) -> tuple[frozenset[int], str]:
    metadata = PhoneMetadata.metadata_for_region(region)
    if metadata is None or metadata.general_desc is None:
        return frozenset(), ""
    return frozenset(metadata.general_desc.possible_length or ()), metadata.national_prefix or ""


def _possible_length(region: str, digits: str) -> bool:
    """A cheap pre-check before parsing: the length fits the region (with or without its trunk prefix)."""
    lengths, prefix = _region_lengths(region)
    if len(digits) in lengths:
        return True
    return bool(prefix) and digits.startswith(prefix) and len(digits) - len(prefix) in lengths


def _describe(number: phonenumbers.PhoneNumber, region: str | None) -> str:
    region = region or phonenumbers.region_code_for_country_code(number.country_code or 0)
    return f"valid {region} number (phonenumbers, +{number.country_code})"


class PhoneRecognizer(PatternRecognizer):
    name = "PhoneRecognizer"
    entity = EntityType.PHONE
    min_digit_run = 2
    PATTERNS = (
        Pattern(
            "hk_phone",
            r"(?<![\d+\-.])(?<!\d )(?P<value>(?:(?:\+|00) ?852[ \-]?|\(\+?852\) ?|852[ \-])?[2-9]\d{3}[ \-]?\d{4})"
            r"(?!\d|[\-.]\d| \d)",
            0.75,
        ),
    )
    INTERNATIONAL = Pattern("international_phone", r"(?<![\d+])(?:\+|00)[1-9](?:[ \-.]?\(?\d+\)?){2,7}(?![\d])", 0.85)
    NATIONAL = Pattern(
        "national_phone_with_context",
        r"(?<![\d+\-.])(?:\(\d{2,5}\) ?|\d{2,5}[ \-.])\d{2,4}(?:[ \-.]\d{2,5}){0,3}(?![\d]|[\-.]\d)",
        0.6,
    )
    CONTEXT = (
        "phone", "tel", "telephone", "mobile", "cell", "call", "text", "sms", "whatsapp", "wechat", "signal",
        "fax", "contact", "reach", "number is", "answering at", "messages to", "desk", "office",
        "電話", "手機", "手提", "聯絡", "聯繫", "致電", "打俾", "打給", "傳真", "短訊", "回電", "搵我", "call我",
    )  # fmt: skip
    CONTEXT_BOOST = 0.15
    NEGATIVE_CONTEXT = (
        "case", "ref", "reference", "receipt", "order", "invoice", "account", "a/c", "br", "policy",
        "編號", "參考", "單號", "收據", "訂單", "戶口", "帳戶", "賬戶", "商業登記", "個案", "檔案", "票號",
    )  # fmt: skip

    def __init__(self) -> None:
        super().__init__()
        self._national: re.Pattern[str] | None = None
        self._international: re.Pattern[str] | None = None

    def load(self, lexicon: Lexicon, chinese: ChineseResources) -> None:
        super().load(lexicon, chinese)
        self._national = re.compile(self.NATIONAL.regex)
        self._international = re.compile(self.INTERNATIONAL.regex)

    def validate(self, value: str) -> Validation:
        national = re.sub(r"\D", "", value)[-8:]  # the hk_phone pattern: eight digits after any +852
        return self._check(national, "HK") or Validation(False, "not a valid HK number")

    @staticmethod
    def _check(candidate: str, region: str | None) -> Validation | None:
        try:
            number = phonenumbers.parse(candidate, region)
        except NumberParseException:
            return None
        if not phonenumbers.is_valid_number(number):
            return None
        return Validation(True, _describe(number, region))

    def analyze(self, doc: Document) -> Iterator[Finding]:
        found = list(self._international_trimmed(doc)) if "+" in doc.folded or "00" in doc.folded else []
        found += super().analyze(doc)  # Hong Kong numbers
        yield from found
        if self._context is not None and self._context.any(doc.lower):
            yield from self._national_numbers(doc, found)

    def _international_trimmed(self, doc: Document) -> Iterator[Finding]:
        """International numbers; when the run of digits goes on past the number, drop trailing groups."""
        assert self._international is not None
        for match in self._international.finditer(doc.folded):
            start, end = match.span()
            while end > start:
                value = doc.folded[start:end]
                digits = re.sub(r"\D", "", value)
                plus = "+" + (digits[2:] if value.startswith("00") else digits)
                check = self._check(plus, None)
                if check is not None:
                    context = self.find_context(doc, start, end)
                    score = 0.85 + (0.1 if context else 0.0)
                    yield self.finding(
                        doc, start, end, score, "international_phone", validation=check.detail, context=context
                    )
                    break
                cut = max(value.rfind(" "), value.rfind("-"), value.rfind("."))
                if cut <= 3:
                    break
                end = start + cut
                while end > start and not doc.folded[end - 1].isdigit():
                    end -= 1

    def _national_numbers(self, doc: Document, found: list[Finding]) -> Iterator[Finding]:
        if self._national is None:
            return
        for match in self._national.finditer(doc.folded):
            start, end = match.span()
            if any(f.start < end and start < f.end for f in found):
                continue  # already a Hong Kong or international number
            digits = re.sub(r"\D", "", match.group(0))
            if not 7 <= len(digits) <= 12:
                continue
            if len(digits) == 8 and self._check(digits, "HK") is None:
                continue  # Hong Kong length but not a valid HK number: a reference number, not a phone
            context = self.find_context(doc, start, end)
            if not context:
                continue
            for region in _NATIONAL_REGIONS:
                if not _possible_length(region, digits):
                    continue
                check = self._check(digits, region)
                if check is not None:
                    yield self.finding(
                        doc,
                        start,
                        end,
                        self.NATIONAL.score + 0.1,
                        self.NATIONAL.name,
                        validation=check.detail,
                        context=context,
                    )
                    break
