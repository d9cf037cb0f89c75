"""Chinese text tools shared by the recognizers: Traditional → Simplified conversion and segmentation.

rjieba (a Rust port of jieba) segments and tags a 200-character message in a few microseconds; its dictionary is
Simplified, so text is converted first (OpenCC `t2s`, character for character). Hong Kong place names are added to
the segmenter's own dictionary as places (`ns`), so 何文田 or 黃大仙 are not tagged as person names.
"""

from __future__ import annotations

from collections.abc import Iterable

import opencc
import rjieba


class ChineseResources:
    """Build once (in `Analyzer.warm_up`), share between recognizers; safe to call from many threads."""

    def __init__(self, places: Iterable[str] = ()) -> None:
        self._places = tuple(places)
        self._t2s: opencc.OpenCC | None = None
        self._jieba: rjieba.Jieba | None = None

    def load(self) -> None:
        if self._jieba is not None:
            return
        self._t2s = opencc.OpenCC("t2s")
        jieba = rjieba.Jieba()
        for place in self._places:
            jieba.add_word(self._t2s.convert(place), 20000, "ns")
        self._jieba = jieba

    def to_simplified(self, text: str) -> str:
        if self._t2s is None:
            self.load()
        assert self._t2s is not None
        return str(self._t2s.convert(text))

    def tag(self, simplified: str) -> list[tuple[str, str]]:
        if self._jieba is None:
            self.load()
        assert self._jieba is not None
        return list(self._jieba.tag(simplified))

    def is_word(self, simplified: str) -> bool:
        if self._jieba is None:
            self.load()
        assert self._jieba is not None
        return bool(self._jieba.has_word(simplified))
