"""Passport numbers, only when the context says passport (a bare letter + digits could be anything)."""

from __future__ import annotations

from civicdesk.privacy.finding import EntityType
from civicdesk.privacy.recognizers.base import Pattern, PatternRecognizer

_EDGE = r"(?<![A-Za-z0-9])", r"(?![A-Za-z0-9])"


class PassportRecognizer(PatternRecognizer):
    name = "PassportRecognizer"
    entity = EntityType.PASSPORT
    min_digit_run = 6
    PATTERNS = (
        # HKSAR passports: H or K + 8 digits. Mainland: E/G + 8 digits or EA..EZ + 7 digits.
        Pattern("hksar_or_mainland_passport", rf"{_EDGE[0]}(?:[HKEG]\d{{8}}|E[A-Z]\d{{7}}){_EDGE[1]}", 0.6),
        # BN(O), UK, US and most others: 9 digits, or 1-2 letters + 6-8 digits.
        Pattern("passport_generic", rf"{_EDGE[0]}(?:\d{{9}}|[A-Z]{{1,2}}\d{{6,8}}){_EDGE[1]}", 0.5),
    )
    CONTEXT = ("passport", "護照", "旅行證件", "travel document", "bno", "bn(o)", "passport no")
    CONTEXT_REQUIRED = True
    CONTEXT_BOOST = 0.3
    CONTEXT_BEFORE = 25
    CONTEXT_AFTER = 0
