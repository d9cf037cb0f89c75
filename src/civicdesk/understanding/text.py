"""Text preprocessing that every router shares, kept inside the model so it works on any dataset.

`normalise`: Unicode NFKC (full-width to half-width), casefold, whitespace collapsed, and OpenCC `s2hk`
so Simplified and Traditional Chinese share features. `TextAnalyser` turns normalised text into
features: for Chinese runs character n-grams (1-3) plus rjieba word tokens, for Latin-script runs word
n-grams (and optionally character n-grams inside words, which absorb typos).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass
from functools import cache, lru_cache
from typing import Any

import numpy as np
import opencc
import rjieba

MAX_CHARS = 2000
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
_HAS_CJK = re.compile(f"[{_CJK}]")
_RUNS = re.compile(f"(?P<cjk>[{_CJK}]+)|(?P<word>[^\\W_]+(?:'[^\\W_]+)?)")
_SPACE = re.compile(r"\s+")


@cache
def _s2hk() -> opencc.OpenCC:
    return opencc.OpenCC("s2hk")


@lru_cache(maxsize=32768)
def normalise(text: str) -> str:
    """NFKC, casefold, collapse whitespace, Simplified to Hong Kong Traditional (OpenCC `s2hk`)."""
    text = unicodedata.normalize("NFKC", text[:MAX_CHARS]).casefold()
    text = _SPACE.sub(" ", text).strip()
    if _HAS_CJK.search(text):
        text = str(_s2hk().convert(text))
    return text


def _ngrams(items: list[str] | str, low: int, high: int, sep: str = " ") -> list[str]:
    out: list[str] = []
    for n in range(low, high + 1):
        out.extend(sep.join(items[i : i + n]) for i in range(len(items) - n + 1))
    return out


@dataclass(frozen=True)
class TextAnalyser:
    """Text to a list of string features; plain data, so it is saved as JSON with the model."""

    cjk_char_ngrams: tuple[int, int] = (1, 3)
    cjk_words: bool = True
    word_ngrams: tuple[int, int] = (1, 2)
    word_char_ngrams: tuple[int, int] | None = (3, 5)

    def __call__(self, text: str) -> list[str]:
        return self.features(text)

    def features(self, text: str) -> list[str]:
        return list(_features(self, normalise(text)))

    def tokens(self, text: str) -> list[str]:
        """Word-level tokens only (rjieba words for Chinese, words otherwise), for BM25 and evidence."""
        out: list[str] = []
        for match in _RUNS.finditer(normalise(text)):
            if match.group("cjk"):
                run = match.group("cjk")
                out.extend(rjieba.cut(run) if self.cjk_words else list(run))
            else:
                out.append(match.group("word"))
        return out

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TextAnalyser:
        wcn = data.get("word_char_ngrams")
        return cls(
            cjk_char_ngrams=tuple(data["cjk_char_ngrams"]),
            cjk_words=bool(data["cjk_words"]),
            word_ngrams=tuple(data["word_ngrams"]),
            word_char_ngrams=None if wcn is None else tuple(wcn),
        )


@lru_cache(maxsize=8192)
def _features(analyser: TextAnalyser, text: str) -> tuple[str, ...]:
    out: list[str] = []
    words: list[str] = []
    low, high = analyser.cjk_char_ngrams
    for match in _RUNS.finditer(text):
        run = match.group("cjk")
        if run:
            out.extend("c:" + g for g in _ngrams(run, low, high, sep=""))
            if analyser.cjk_words:
                words.extend(w for w in rjieba.cut(run) if len(w) > 1)
            continue
        word = match.group("word")
        words.append(word)
        if analyser.word_char_ngrams is not None and not word.isdigit():
            padded = f" {word} "
            lo, hi = analyser.word_char_ngrams
            out.extend("s:" + padded[i : i + n] for n in range(lo, hi + 1) for i in range(len(padded) - n + 1))
    out.extend("w:" + g for g in _ngrams(words, *analyser.word_ngrams))
    return tuple(out)


def is_chinese(text: str) -> bool:
    return _HAS_CJK.search(text) is not None


SHORT_WORDS = 3  # a message of at most this many words (two Chinese characters count as one) is "short"
_LATIN_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def word_count(text: str) -> int:
    """Words in `text`, counting a run of Chinese characters as one word per two characters."""
    count = 0
    for match in _RUNS.finditer(normalise(text)):
        run = match.group("cjk")
        count += (len(run) + 1) // 2 if run else 1
    return count


def is_short(text: str) -> bool:
    return word_count(text) <= SHORT_WORDS


def short_fragments(texts: list[str], seed: int = 0) -> dict[int, str]:
    """For each longer text, one short window of it, as a person typing only a topic would: two to four Chinese
    characters, or one or two words of four letters or more. Keyed by the text's row; short texts are skipped."""
    rng = np.random.default_rng(seed)
    out: dict[int, str] = {}
    for row, text in enumerate(texts):
        if is_short(text):
            continue
        runs = [m.group() for m in _RUNS.finditer(normalise(text))]
        cjk = [r for r in runs if _HAS_CJK.match(r) and len(r) >= 2]
        words = [r for r in runs if not _HAS_CJK.match(r) and len(r) >= 4 and _LATIN_WORD.fullmatch(r)]
        if cjk and (not words or rng.random() < 0.5):
            run = cjk[int(rng.integers(len(cjk)))]
            size = min(len(run), int(rng.integers(2, 5)))
            start = int(rng.integers(len(run) - size + 1))
            out[row] = run[start : start + size]
        elif words:
            start = int(rng.integers(len(words)))
            out[row] = " ".join(words[start : start + int(rng.integers(1, 3))])
    return out
