"""Vague messages: a request with no subject ("I want to complain", "我想投訴", "點算好").

The router is trained to tell services apart, not to notice that nothing was said, so a message made only of
polite filler and generic request words is caught here and answered with a clarifying question. The check is a
whole-message match: "I want to complain about a blocked drain" is not vague.
"""

from __future__ import annotations

import re
from typing import Final

from civicdesk.language import to_traditional

_FILLER_EN: Final = (
    r"hi|hello|hey|dear|sir|madam|please|pls|plz|thanks|thank you|i|i'd|i'm|im|me|my|we|us|you|can|could|would"
    r"|will|want|wanna|need|like|to|a|an|the|some|have|has|got|do|how|what|where|who|is|are|there|with|for|about"
    r"|make|file|lodge|submit|get|one|just|really|urgent|urgently|now|again|something|anything|it|this|that|and|or"
)
_GENERIC_EN: Final = (
    r"complain|complaint|complaints|apply|application|applications|ask|asking|question|questions|enquiry|enquire"
    r"|inquiry|inquire|report|help|helping|problem|problems|issue|issues|assistance|support|service|services"
    r"|information|info|advice|request|contact|talk|speak|someone|somebody|government|department|form|forms"
)
_FILLER_ZH: Final = (
    "我|我哋|我們|想|要|需要|請|請問|唔該|麻煩|你|你哋|可以|可唔可以|能否|能不能|一下|下|吓|嚇|吖|呀|啊|啦|喇|呢|嘅|的|了|咗"
    "|喂|你好|您好|哈囉|有|冇|沒有|個|一個|件|啲|些|點|點樣|怎樣|如何|怎麼|甚麼|什麼|乜|咩|邊個|誰|去|搵|找|同|和|跟|幫|幫我"
    "|好|真係|真的|好急|急|緊急|現在|而家|再|又|就|都|也|事|嘢|東西|問題|一啲|一些|關於|有關|政府|部門"
    "|唔知|不知道|唔識|不懂|不會|應該|應|呀|喎|囉|嘛|張|份|頂唔順|受唔住|好煩|煩|搞唔掂|揾"
)
_GENERIC_ZH: Final = (
    "投訴|申請|查詢|問|問吓|問下|詢問|諮詢|咨詢|舉報|報告|反映|求助|幫手|幫忙|協助|支援|資料|資訊|表格|辦理|辦|搞|處理"
    "|點算|點算好|怎麼辦|怎麼辦好|點做|點搞|點辦|怎樣做|怎麼做|點先得|有嘢想問|有事想問|想問|有問題|出事|問嚇"
    "|填|填表|填寫|搵邊個|揾邊個|找誰|找哪個|邊個部門|哪個部門"
)
# Longest first, so "i'd" is one token rather than "i" and a stray "'d".
_TOKEN_EN = re.compile(
    r"\b(?:" + "|".join(sorted(f"{_FILLER_EN}|{_GENERIC_EN}".split("|"), key=len, reverse=True)) + r")\b", re.IGNORECASE
)
_GENERIC_EN_RE = re.compile(rf"\b(?:{_GENERIC_EN})\b", re.IGNORECASE)
# Longest first, so "問題" is one token rather than "問" and a stray "題".
_TOKEN_ZH = re.compile("|".join(sorted(f"{_GENERIC_ZH}|{_FILLER_ZH}".split("|"), key=len, reverse=True)))
_GENERIC_ZH_RE = re.compile(rf"(?:{_GENERIC_ZH})")
_PUNCTUATION = re.compile(r"[\s\W_]+")
MAX_VAGUE_CHARS: Final = 60


def is_vague(text: str) -> bool:
    """True when the message is only filler and generic request words, with at least one of the latter."""
    if len(text) > MAX_VAGUE_CHARS:
        return False
    traditional = to_traditional(text)
    generic = bool(_GENERIC_EN_RE.search(traditional) or _GENERIC_ZH_RE.search(traditional))
    if not generic:
        return False
    return not _PUNCTUATION.sub("", content_of(traditional))


def content_of(text: str) -> str:
    """`text` (in Traditional script) without its filler and generic request words: what it is about."""
    return _TOKEN_ZH.sub(" ", _TOKEN_EN.sub(" ", to_traditional(text)))
