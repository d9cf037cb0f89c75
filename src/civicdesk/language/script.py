"""Which script a text is written in: Han characters, Latin words, Simplified vs Traditional evidence.

Simplified and Traditional evidence comes from character tables built from OpenCC's own conversions
(see `script_tables`). A character valid in either script (中, 心, 后, 面, 着) is evidence for neither,
so short texts such as "中心" are ambiguous and the detector decides them by its documented default.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from civicdesk.language.markers import CANTONESE_CHARS, CANTONESE_SIMPLIFIED_LOOKALIKES
from civicdesk.language.normalise import opencc_convert

# Never Simplified evidence: Cantonese characters, whatever OpenCC maps them to.
_NOT_SIMPLIFIED_EVIDENCE = frozenset(CANTONESE_CHARS + CANTONESE_SIMPLIFIED_LOOKALIKES)

_HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HAN_RE = re.compile(f"[{_HAN_CLASS}]")
_NON_HAN_RE = re.compile(f"[^{_HAN_CLASS}]+")
# Web and e-mail addresses say nothing about the language a person writes in.
ADDRESS_RE = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+", re.ASCII)
LATIN_WORD_RE = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['’][A-Za-z]+)?")


@dataclass(frozen=True, slots=True)
class ScriptCounts:
    han: int
    latin_words: int
    latin_letters: int
    simplified: int
    traditional: int


# The Han blocks whose characters the tables classify (Basic Multilingual Plane).
_TABLE_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))


@dataclass(frozen=True, slots=True)
class ScriptTables:
    simplified_only: frozenset[str]
    traditional_only: frozenset[str]
    not_simplified_re: re.Pattern[str]
    not_traditional_re: re.Pattern[str]


def _class(chars: frozenset[str]) -> re.Pattern[str]:
    return re.compile("[^" + "".join(sorted(chars)) + "]+")


@cache
def script_tables() -> ScriptTables:
    """Build the character tables from OpenCC once (about 0.1 s; `warm_up()` does it at start-up).

    - Traditional-only: `hk2s` changes the character.
    - Simplified-only: `hk2s` leaves it, `s2hk` or `s2tw` changes it, and it is not a valid
      Traditional character anywhere (not an output of `s2hk`/`s2tw`, not Traditional in CC-CEDICT),
      so 后 (皇后), 面 (面對), 系 (系統) and Hong Kong's 着 are not counted as Simplified.
    """
    from hanzidentifier import helpers as hanzidentifier_helpers  # CC-CEDICT character sets; slow import

    chars = [chr(code) for start, stop in _TABLE_RANGES for code in range(start, stop)]
    joined = "\n".join(chars)
    converted = {cfg: opencc_convert(cfg, joined).split("\n") for cfg in ("s2hk", "s2tw", "hk2s")}
    if any(len(out) != len(chars) for out in converted.values()):  # pragma: no cover - OpenCC contract
        raise RuntimeError("OpenCC changed the number of lines while converting single characters")
    valid_traditional = set(hanzidentifier_helpers.TRADITIONAL_CHARACTERS)
    valid_traditional.update(converted["s2hk"])
    valid_traditional.update(converted["s2tw"])
    traditional_only = frozenset(c for c, s in zip(chars, converted["hk2s"], strict=True) if s != c)
    simplified_only = frozenset(
        c
        for c, simp, hk, tw in zip(chars, converted["hk2s"], converted["s2hk"], converted["s2tw"], strict=True)
        if simp == c and (hk != c or tw != c) and c not in valid_traditional
        if c not in _NOT_SIMPLIFIED_EVIDENCE
    )
    return ScriptTables(
        simplified_only=simplified_only,
        traditional_only=traditional_only,
        not_simplified_re=_class(simplified_only),
        not_traditional_re=_class(traditional_only),
    )


def _phrase_evidence(text: str) -> tuple[int, int]:
    """Evidence from OpenCC's phrase tables, for text whose characters are all valid in both scripts.

    Characters such as 么 里 干 于 are ambiguous alone but not in words: 什么, 哪里, 干嘛 and 等于
    are Simplified (s2hk and s2tw both rewrite them); 皇后 and 中心 stay ambiguous.
    """
    hk = opencc_convert("s2hk", text)
    if hk == text:
        return 0, 0
    tw = opencc_convert("s2tw", text)
    simp = opencc_convert("hk2s", text)
    if not len(hk) == len(tw) == len(simp) == len(text):
        return 0, 0
    simplified = sum(
        1
        for a, h, t, s in zip(text, hk, tw, simp, strict=True)
        if a != h and a != t and a == s and a not in _NOT_SIMPLIFIED_EVIDENCE
    )
    traditional = sum(1 for a, s in zip(text, simp, strict=True) if a != s)
    return simplified, traditional


def count_script(text: str) -> ScriptCounts:
    """Han characters, Latin words and letters, and Simplified/Traditional evidence in `text`."""
    han = len(_NON_HAN_RE.sub("", text))
    words = LATIN_WORD_RE.findall(ADDRESS_RE.sub(" ", text) if "/" in text or "@" in text or "www" in text else text)
    simplified = traditional = 0
    if han:
        tables = script_tables()
        simplified = len(tables.not_simplified_re.sub("", text))
        traditional = len(tables.not_traditional_re.sub("", text))
        if not simplified and not traditional:
            simplified, traditional = _phrase_evidence(text)
    return ScriptCounts(
        han=han,
        latin_words=len(words),
        latin_letters=sum(len(w) for w in words),
        simplified=simplified,
        traditional=traditional,
    )
