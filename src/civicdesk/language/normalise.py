"""Text normalisation and Traditional/Simplified conversion (OpenCC, Hong Kong vocabulary).

`normalise` is the first thing done to every citizen message. It is idempotent, linear in the
length of the text and never raises on odd input (lone surrogates from invalid UTF-8, control
characters, emoji, a 2,000-times repeated character).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import opencc

from civicdesk.catalogue import to_simplified as _catalogue_to_simplified

# A run of one repeated non-digit character is capped at this length ("!!!!!!" -> "!!!",
# "好好好好好" -> "好好好"); emphasis survives, pathological input shrinks.
MAX_REPEAT = 3
# Digits are capped much later so amounts, phone numbers and ids keep their meaning.
MAX_DIGIT_REPEAT = 16

# Unicode categories dropped: controls (Cc), format characters such as zero-width spaces,
# bidi overrides and the BOM (Cf), surrogates left by invalid UTF-8 (Cs), private use (Co).
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co"})

_WHITESPACE_RE = re.compile(r"\s+")
_REPEAT_RE = re.compile(rf"(\D)\1{{{MAX_REPEAT},}}")
_DIGIT_REPEAT_RE = re.compile(rf"(\d)\1{{{MAX_DIGIT_REPEAT},}}")


def _drop_controls(text: str) -> str:
    category = unicodedata.category
    return "".join(char for char in text if category(char) not in _DROPPED_CATEGORIES)


def normalise(text: str) -> str:
    """Canonical form of a message: NFKC, no control characters, single spaces, capped repeats.

    - NFKC folds full-width and half-width forms (`ＡＢＣ１２３` -> `ABC123`, `，` -> `,`,
      half-width katakana -> full-width) and compatibility ideographs.
    - Control, format, surrogate and private-use characters are removed; newlines and tabs
      become spaces.
    - Any run of whitespace becomes one space; the ends are stripped.
    - A character repeated more than 3 times is cut to 3 (digits: more than 16 times to 16).
    """
    # Newlines, tabs and other separating controls become spaces first (\s covers them all).
    text = _WHITESPACE_RE.sub(" ", text)
    if not text.isprintable():  # fast path: most messages have nothing left to drop
        text = _drop_controls(text)
    text = unicodedata.normalize("NFKC", text)
    # Dropping characters and NFKC (e.g. U+3000 -> space) can leave new runs of spaces.
    text = _WHITESPACE_RE.sub(" ", text).strip()
    text = _REPEAT_RE.sub(lambda m: m.group(1) * MAX_REPEAT, text)
    return _DIGIT_REPEAT_RE.sub(lambda m: m.group(1) * MAX_DIGIT_REPEAT, text)


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_traditional(text: str) -> str:
    """Simplified (or mixed) Chinese to Traditional Chinese with Hong Kong vocabulary (OpenCC `s2hk`).

    Traditional text passes through, with variants folded to the Hong Kong standard forms.
    """
    return str(_converter("s2hk").convert(text))


def to_simplified(text: str) -> str:
    """Traditional Chinese (Hong Kong) to Simplified Chinese: the catalogue's OpenCC `hk2s` conversion."""
    return _catalogue_to_simplified(text)


def opencc_convert(config: str, text: str) -> str:
    """Convert with any OpenCC configuration (`s2hk`, `s2tw`, `t2s`, `hk2s` ...), one converter per config."""
    return str(_converter(config).convert(text))
