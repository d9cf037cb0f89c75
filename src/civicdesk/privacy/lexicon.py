"""Word lists (names, titles, cues, places) loaded once from the YAML files in `data/`.

Lists are written in Traditional characters; the Simplified form of every entry is added on load, so recognizers
need one lookup for both scripts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import opencc
import yaml

from civicdesk.privacy.document import CJK

_CJK_RE = re.compile(f"[{CJK}]")


def _load(name: str) -> dict[str, Any]:
    text = resources.files("civicdesk.privacy").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, dict), name
    return data


def _words(value: str) -> list[str]:
    return [w for w in value.split() if w]


def _phrases(value: str) -> list[str]:
    return [p.strip() for p in value.split("|") if p.strip()]


@dataclass(frozen=True)
class Lexicon:
    zh_surnames: frozenset[str]
    zh_compound_surnames: frozenset[str]
    zh_given_chars: frozenset[str]
    zh_titles: tuple[str, ...]  # longest first
    zh_not_names: frozenset[str]
    zh_place_suffixes: frozenset[str]
    zh_cues: tuple[str, ...]  # longest first
    zh_weak_cues: frozenset[str]
    zh_non_name_chars: frozenset[str]
    zh_places: tuple[str, ...]  # longest first
    zh_districts: frozenset[str]
    zh_regions: tuple[str, ...]
    en_hk_surnames: frozenset[str]
    en_hk_compound_surnames: tuple[str, ...]
    en_hk_given_syllables: frozenset[str]
    en_given_names: frozenset[str]
    en_surnames: frozenset[str]
    en_titles: frozenset[str]
    en_cues: tuple[str, ...]
    en_strong_cues: frozenset[str]
    en_not_names: frozenset[str]
    en_place_words: frozenset[str]
    en_places: tuple[str, ...]  # longest first
    en_districts: tuple[str, ...]
    en_regions: tuple[str, ...]


def _with_simplified(items: list[str], converter: opencc.OpenCC) -> list[str]:
    out = list(items)
    for item in items:
        if _CJK_RE.search(item):
            simplified = str(converter.convert(item))
            if simplified != item:
                out.append(simplified)
    return list(dict.fromkeys(out))


def _longest_first(items: list[str]) -> tuple[str, ...]:
    return tuple(sorted(set(items), key=lambda s: (-len(s), s)))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read and expand the lists; cached, so every recognizer shares one copy."""
    names = _load("names.yaml")
    places = _load("places.yaml")
    t2s = opencc.OpenCC("t2s")
    zh, en = names["zh"], names["en"]

    def zh_list(value: str) -> list[str]:
        return _with_simplified(_words(value), t2s)

    zh_places = zh_list(places["districts"]["zh"]) + zh_list(places["areas"]["zh"])
    en_places = _phrases(places["districts"]["en"]) + _phrases(places["areas"]["en"])
    return Lexicon(
        zh_surnames=frozenset(zh_list(zh["surnames"])),
        zh_compound_surnames=frozenset(zh_list(zh["compound_surnames"])),
        zh_given_chars=frozenset(zh_list(zh["given_chars"])),
        zh_titles=_longest_first(zh_list(zh["titles"])),
        zh_not_names=frozenset(zh_list(zh["not_names"])),
        zh_place_suffixes=frozenset(zh_list(zh["place_suffixes"])),
        zh_cues=_longest_first(zh_list(zh["cues"])),
        zh_weak_cues=frozenset(zh_list(zh["weak_cues"])),
        zh_non_name_chars=frozenset(zh_list(zh["non_name_chars"])),
        zh_places=_longest_first(zh_places + zh_list(places["regions"]["zh"])),
        zh_districts=frozenset(zh_list(places["districts"]["zh"])),
        zh_regions=_longest_first(zh_list(places["regions"]["zh"])),
        en_hk_surnames=frozenset(_words(en["hk_surnames"])),
        en_hk_compound_surnames=_longest_first(_phrases(en["hk_compound_surnames"])),
        en_hk_given_syllables=frozenset(_words(en["hk_given_syllables"])),
        en_given_names=frozenset(_words(en["given_names"])),
        en_surnames=frozenset(_words(en["surnames"])),
        en_titles=frozenset(_words(en["titles"])),
        en_cues=_longest_first(_phrases(en["cues"]) + _phrases(en["strong_cues"])),
        en_strong_cues=frozenset(c.rstrip(" ,:") for c in _phrases(en["strong_cues"])),
        en_not_names=frozenset(_words(en["not_names"])),
        en_place_words=frozenset(_words(en["place_words"])),
        en_places=_longest_first(en_places),
        en_districts=_longest_first(_phrases(places["districts"]["en"])),
        en_regions=_longest_first(_phrases(places["regions"]["en"])),
    )
