"""Chinese personal names (陳大文, 歐陽志明, 陳先生, 李生), in Traditional and Simplified script.

A candidate starts at a surname from the list (compound surnames first) and takes up to two given-name characters
(characters that are not function words). Evidence then decides, each piece adding to the score:

- a title right after it (先生, 小姐, 姑娘, 生, 太 ...)            strongest; 陳先生 is a PERSON span on 陳
- a cue just before it (我叫, 本人, 投訴人, 阿媽 ...)
- the segmenter (rjieba on the Simplified form) tags it as a person name (nr)
- given-name characters from the list; a full three-character name; standing alone between punctuation
- minus: the surname and the next character form an ordinary word (許多, 方便, 王國)

Places are excluded first: a candidate inside a Hong Kong place name (何文田, 黃大仙, 馬鞍山) is never a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from civicdesk.privacy.chinese import ChineseResources
from civicdesk.privacy.document import CJK, Document, Token
from civicdesk.privacy.finding import EntityType, Finding
from civicdesk.privacy.lexicon import Lexicon
from civicdesk.privacy.recognizers.base import Recognizer

_CJK_CHAR = re.compile(f"[{CJK}]")
_BOUNDARY = set(" \t\n，。、,.:：;；!！?？()（）「」『』《》\"'“”‘’-—…~/")
_NICKNAME = re.compile(r"阿[A-Z][a-z]{1,12}(?![A-Za-z])")
_WEIGHTS = {
    "title": 0.5,
    "cue": 0.45,
    "weak_cue": 0.15,
    "segmenter_exact": 0.4,
    "segmenter_partial": 0.15,
    "given_char": 0.1,
    "full_name": 0.1,
    "standalone": 0.15,
    "ordinary_word": -0.3,
}


class ChineseNameRecognizer(Recognizer):
    name = "ChineseNameRecognizer"
    entity = EntityType.PERSON
    requires_cjk = True

    def __init__(self) -> None:
        self._lex: Lexicon | None = None
        self._chinese: ChineseResources | None = None
        self._surname_re: re.Pattern[str] | None = None
        self._places_re: re.Pattern[str] | None = None
        self._single_titles: frozenset[str] = frozenset()
        self._multi_titles: frozenset[str] = frozenset()
        self._title_lengths: tuple[int, ...] = ()
        self._cues_re: re.Pattern[str] | None = None

    def load(self, lexicon: Lexicon, chinese: ChineseResources) -> None:
        self._lex, self._chinese = lexicon, chinese
        compound = "|".join(sorted(lexicon.zh_compound_surnames, key=len, reverse=True))
        singles = "".join(sorted(lexicon.zh_surnames))
        self._surname_re = re.compile(f"(?:{compound})|[{singles}]")
        self._places_re = re.compile("|".join(re.escape(p) for p in lexicon.zh_places))
        self._single_titles = frozenset(t for t in lexicon.zh_titles if len(t) == 1)
        self._multi_titles = frozenset(t for t in lexicon.zh_titles if len(t) > 1)
        self._title_lengths = tuple(sorted({len(t) for t in self._multi_titles}, reverse=True))
        cues = "|".join(re.escape(c) for c in lexicon.zh_cues)
        weak = "".join(sorted(lexicon.zh_weak_cues))
        # A cue right before the name, perhaps followed by a copula or 叫 (自稱係何志明, 我老公叫何國強).
        self._cues_re = re.compile(f"(?:{cues})[{weak}叫]?$")

    def analyze(self, doc: Document) -> Iterator[Finding]:
        assert self._surname_re is not None and self._places_re is not None and self._lex is not None
        text = doc.folded
        places = [m.span() for m in self._places_re.finditer(text)]
        for m in _NICKNAME.finditer(text):
            yield self.finding(doc, m.start(), m.end(), 0.7, "a_plus_english_name", evidence=("阿 + name",))
        for m in self._surname_re.finditer(text):
            start, surname_end = m.span()
            if any(ps <= start < pe for ps, pe in places):
                continue
            candidate = self._candidate(doc, start, surname_end)
            if candidate is None:
                continue
            end, score, evidence = candidate
            if any(ps < end and start < pe for ps, pe in places):
                continue
            yield self.finding(doc, start, end, score, "surname_given_name", evidence=tuple(evidence))

    def _title_at(self, doc: Document, position: int, *, single: bool) -> str | None:
        following = doc.lower[position : position + self._title_lengths[0]]
        for length in self._title_lengths:
            if following[:length] in self._multi_titles:
                return following[:length]
        if single and following[:1] in self._single_titles:
            return following[:1]
        return None

    def _candidate(self, doc: Document, start: int, surname_end: int) -> tuple[int, float, list[str]] | None:
        assert self._lex is not None and self._chinese is not None
        lex, text = self._lex, doc.folded
        admissible = 0
        while admissible < 2:
            position = surname_end + admissible
            char = text[position : position + 1]
            if not char or not _CJK_CHAR.match(char) or char in lex.zh_non_name_chars:
                break
            admissible += 1
        evidence: list[str] = []
        score = 0.0
        given = admissible
        title = None
        for length in range(0, admissible + 1):
            title = self._title_at(doc, surname_end + length, single=length == 0)
            if title is not None:
                given = length
                break
        surname = text[start:surname_end]
        if title is not None:
            if given == 0 and (surname + title) in lex.zh_not_names:
                return None
            score += _WEIGHTS["title"]
            evidence.append(f"title: {title}")
        end = surname_end + given
        cue = self._cue_before(doc, start)
        if cue is not None:
            weight = "cue" if cue[1] else "weak_cue"
            score += _WEIGHTS[weight]
            evidence.append(f"{weight.replace('_', ' ')}: {cue[0]}")
        elif given == 0 and title is None and doc.lower[max(0, start - 1) : start] == "姓" and self._ends(text, end):
            return end, 0.7, ["cue: 姓 + surname"]
        if given == 0 and title is None:
            return None
        strong = title is not None or (cue is not None and cue[1])
        if not strong and text[end - 1] in lex.zh_place_suffixes:
            return None  # 馬橋鎮, 白沙村: a place, not a person
        token = doc.token_starting_at(start)
        covering = token or doc.token_covering(start)
        given_chars = sum(1 for c in text[surname_end:end] if c in lex.zh_given_chars)
        if token is not None and token.tag.startswith("nr"):
            if token.end == end or (title is not None and token.end == end + len(title)):
                # The segmenter's dictionary tags some words as names (谢谢): alone, it is half the evidence.
                supported = given_chars > 0 or title is not None or cue is not None
                score += _WEIGHTS["segmenter_exact"] * (1.0 if supported else 0.5)
                evidence.append("segmenter: person name")
            else:
                score += _WEIGHTS["segmenter_partial"]
                evidence.append("segmenter: person name (other length)")
        elif self._inside_word(covering, start) and title is None and (cue is None or not cue[1]):
            return None  # the surname character is inside another word (e.g. 我張信用卡)
        if given >= 1:
            simplified = doc.simplified[start : surname_end + 1]
            is_token = token is not None and token.tag.startswith("nr")
            # An ordinary two-character word (許多, 方便) is not a name, even if the segmenter's dictionary also
            # lists it as one (关怀, 文明, 高峰), unless a cue or a title says otherwise.
            two_char_token = is_token and token is not None and token.end - token.start == 2
            if (not is_token or two_char_token) and not strong and self._chinese.is_word(simplified):
                score += _WEIGHTS["ordinary_word"]
                evidence.append(f"ordinary word: {text[start : surname_end + 1]}")
            if given_chars:
                score += _WEIGHTS["given_char"] * given_chars
                evidence.append(f"given-name characters: {given_chars}")
            if given == 2:
                score += _WEIGHTS["full_name"]
                evidence.append("surname + two-character given name")
        left = text[start - 1 : start] if start else ""
        right = text[end : end + 1]
        if (not left or left in _BOUNDARY) and (not right or right in _BOUNDARY) and given >= 1:
            score += _WEIGHTS["standalone"]
            evidence.append("stands alone between punctuation")
        return end, score, evidence

    @staticmethod
    def _inside_word(token: Token | None, start: int) -> bool:
        return token is not None and token.start < start and len(token.word) > 1

    @staticmethod
    def _ends(text: str, position: int) -> bool:
        return position == len(text) or text[position] in _BOUNDARY

    def _cue_before(self, doc: Document, start: int) -> tuple[str, bool] | None:
        """A cue word in the few characters before the name: (word, strong?)."""
        assert self._lex is not None
        assert self._cues_re is not None
        window = doc.lower[max(0, start - 6) : start].rstrip(" :：")
        found = self._cues_re.search(window)
        if found is not None:
            return found.group(0), True
        if window[-1:] in self._lex.zh_weak_cues:
            return window[-1:], False
        return None
