"""Personal names written in Latin script: romanised Hong Kong names (Chan Tai Man, CHAN, Tai-man, Peter Chan,
Au Yeung Ka Lok) and other names after a title or a cue (Mr Cheung, my name is Rubija, Sarah Johnson).

Rules, strongest first:
- a title (Mr, Ms, Dr ...) followed by 1-4 capitalised words: the words;
- a Hong Kong surname followed by one or two given-name syllables (Tai Man, Tai-man), optionally preceded by an
  English given name (Peter Chan Tai-man);
- a known given name followed by a capitalised word (a known surname scores higher);
- a cue (my name is, contact, tenant ...) followed by capitalised words.
A candidate that is, or touches, a Hong Kong place name (Wong Tai Sin, Ho Man Tin, Lee Gardens) or is followed by
Road, Street, Estate, House ... is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from civicdesk.privacy.chinese import ChineseResources
from civicdesk.privacy.document import Document
from civicdesk.privacy.finding import EntityType, Finding
from civicdesk.privacy.lexicon import Lexicon
from civicdesk.privacy.recognizers.base import Recognizer

_LETTERS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_WORD = re.compile(f"[{_LETTERS}][{_LETTERS}'’]*(?:-[{_LETTERS}]+)?")
_CAPITALISED = re.compile(f"[{_UPPER}][{_LETTERS}'’\\-]*")


# (first word, last word, score, rule, evidence)
_Match = tuple[int, int, float, str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    start: int
    end: int


class EnglishNameRecognizer(Recognizer):
    name = "EnglishNameRecognizer"
    entity = EntityType.PERSON
    requires_latin = True

    def __init__(self) -> None:
        self._lex: Lexicon | None = None
        self._places_re: re.Pattern[str] | None = None
        self._cue_re: re.Pattern[str] | None = None
        self._compound: dict[str, list[tuple[str, ...]]] = {}  # first word -> the compound surnames it starts

    def load(self, lexicon: Lexicon, chinese: ChineseResources) -> None:
        self._lex = lexicon
        places = "|".join(re.escape(p) for p in lexicon.en_places)
        self._places_re = re.compile(rf"(?<![A-Za-z])(?=[A-Z])(?:{places})(?![a-z])")
        cues = "|".join(re.escape(c) for c in lexicon.en_cues)
        self._cue_re = re.compile(rf"(?<![a-z])(?:{cues})[ ,:]*$")
        for compound in lexicon.en_hk_compound_surnames:
            parts = tuple(p.title() for p in compound.split())
            self._compound.setdefault(parts[0], []).append(parts)

    def analyze(self, doc: Document) -> Iterator[Finding]:
        assert self._lex is not None and self._places_re is not None
        lex, text = self._lex, doc.folded
        words = [_Word(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]
        places: list[tuple[int, int]] | None = None
        i = 0
        while i < len(words):
            if not words[i].text[0].isupper():  # every rule starts at a capitalised word
                i += 1
                continue
            found = self._at(doc, words, i)
            if found is None:
                i += 1
                continue
            first, last, score, rule, evidence = found
            start, end = words[first].start, words[last].end
            after = words[last + 1].text if last + 1 < len(words) else ""
            if places is None:
                places = [m.span() for m in self._places_re.finditer(text)]
            touches_place = any(ps < end and start < pe for ps, pe in places)
            if not touches_place and after not in lex.en_place_words:
                cue = self._cue(doc, start)
                if cue:
                    score += 0.1
                    evidence = (*evidence, f"cue: {cue}")
                yield self.finding(doc, start, end, score, rule, evidence=evidence)
            i = last + 1

    # -- rules ---------------------------------------------------------------------------------------------------
    def _at(self, doc: Document, words: list[_Word], i: int) -> _Match | None:
        assert self._lex is not None
        lex = self._lex
        word = words[i]
        if word.text.rstrip(".") in lex.en_titles and self._capital(word.text) and self._gap(doc, words, i, "."):
            last = self._run(doc, words, i + 1, limit=4)
            if last is not None:
                return i + 1, last, 0.85, "title_name", (f"title: {word.text}",)
        hk = self._hk_name(doc, words, i)
        if hk is not None:
            return hk
        initials = self._initials(doc, words, i)
        if initials is not None:
            return initials
        if word.text in lex.en_given_names and i + 1 < len(words) and self._gap(doc, words, i, ""):
            nxt = self._skip_initial(doc, words, i + 1)
            if nxt is not None and self._is_name_word(words[nxt].text):
                hk_after = self._hk_name(doc, words, nxt)
                if hk_after is not None:
                    return i, hk_after[1], 0.85, "given_name_hk_name", (f"given name: {word.text}",)
                surname = words[nxt].text
                known = surname in lex.en_surnames or surname in lex.en_hk_surnames
                score = 0.8 if known else 0.55
                return i, nxt, score, "given_name_surname", (f"given name: {word.text}",)
        cue = self._cue(doc, word.start)
        if cue and self._is_name_word(word.text) and self._capital(word.text):
            last = self._run(doc, words, i, limit=3)
            if last is not None:
                known = any(
                    w.text in lex.en_hk_surnames or w.text in lex.en_surnames or w.text in lex.en_given_names
                    for w in words[i : last + 1]
                )
                if known or cue in lex.en_strong_cues:
                    return i, last, 0.65 if not known else 0.7, "cue_name", ()
        return None

    def _hk_name(self, doc: Document, words: list[_Word], i: int) -> _Match | None:
        """A romanised Hong Kong name starting at word i: surname + 1-2 syllables (CHAN, Tai-man / Au Yeung Ka Lok)."""
        assert self._lex is not None
        lex = self._lex
        surname_last = None
        for compound in self._compound.get(words[i].text.title(), ()):
            n = len(compound)
            if i + n <= len(words) and tuple(w.text.title() for w in words[i : i + n]) == compound:
                surname_last = i + n - 1
                break
        if surname_last is None:
            surname = words[i].text
            if not (surname in lex.en_hk_surnames or (surname.isupper() and surname.title() in lex.en_hk_surnames)):
                return None
            surname_last = i
        if not self._capital(words[i].text):
            return None
        j = surname_last + 1
        if j >= len(words) or not self._gap(doc, words, surname_last, ","):
            return None
        syllables = 0
        last = surname_last
        while j < len(words) and syllables < 2:
            parts = words[j].text.split("-")
            if not self._capital(parts[0]) or not all(p.title() in lex.en_hk_given_syllables for p in parts):
                break
            syllables += len(parts)
            last = j
            if not self._gap(doc, words, j, ""):
                break
            j += 1
        if last == surname_last:
            return None
        surname_words = " ".join(w.text for w in words[i : surname_last + 1])
        return i, last, 0.75, "hk_romanised_name", (f"surname: {surname_words}",)

    def _initials(self, doc: Document, words: list[_Word], i: int) -> _Match | None:
        """Initials and a known surname: C. Y. Leung, P. Simmons (common in Hong Kong and in lists of names)."""
        assert self._lex is not None
        j = i
        while j < len(words) and len(words[j].text) == 1 and words[j].text.isupper() and self._gap(doc, words, j, "."):
            if doc.folded[words[j].end : words[j].end + 1] != ".":
                return None
            j += 1
        if j == i or j >= len(words) or j - i > 3:
            return None
        surname = words[j].text
        if surname in self._lex.en_hk_surnames or surname in self._lex.en_surnames:
            return i, j, 0.75, "initials_surname", (f"surname: {surname}",)
        return None

    # -- helpers -------------------------------------------------------------------------------------------------
    def _run(self, doc: Document, words: list[_Word], i: int, limit: int) -> int | None:
        last = None
        j = i
        while j < len(words) and j - i < limit and self._is_name_word(words[j].text):
            if j > i and not self._gap(doc, words, j - 1, ","):
                break
            last = j
            j += 1
        return last

    def _gap(self, doc: Document, words: list[_Word], i: int, allowed: str) -> bool:
        """Whether word i and word i+1 are separated by one space (optionally after an `allowed` character)."""
        if i + 1 >= len(words):
            return False
        between = doc.folded[words[i].end : words[i + 1].start]
        return between == " " or (bool(allowed) and between in {allowed + " ", allowed})

    def _skip_initial(self, doc: Document, words: list[_Word], i: int) -> int | None:
        if len(words[i].text) == 1 and words[i].text.isupper() and self._gap(doc, words, i, "."):
            return i + 1 if i + 1 < len(words) else None
        return i

    def _is_name_word(self, text: str) -> bool:
        assert self._lex is not None
        return bool(_CAPITALISED.fullmatch(text)) and text not in self._lex.en_not_names and len(text) > 1

    @staticmethod
    def _capital(text: str) -> bool:
        return bool(text) and text[0].isupper()

    def _cue(self, doc: Document, start: int) -> str | None:
        assert self._cue_re is not None
        match = self._cue_re.search(doc.lower[max(0, start - 24) : start])
        return match.group(0).rstrip(" ,:") if match else None
