"""Hong Kong addresses written in English: Flat B, 12/F, Block 3, Kwun Tong Garden Estate, Kwun Tong;
Room 1203, 12/F, Wing On House, 71 Des Voeux Road Central, Central; 25 Nathan Road.

Parts are found one by one and joined where only a comma, a space or a line break separates them; see
address_parts for when a run counts as an address (a street with its number does on its own).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from civicdesk.privacy.chinese import ChineseResources
from civicdesk.privacy.document import Document
from civicdesk.privacy.finding import EntityType, Finding
from civicdesk.privacy.lexicon import Lexicon
from civicdesk.privacy.recognizers.address_parts import Part, chains, describe, is_address
from civicdesk.privacy.recognizers.base import Recognizer

_W = r"[A-Z][A-Za-z'’\-]+"
_L, _R = r"(?<![A-Za-z0-9])", r"(?![A-Za-z0-9])"
_STREET = (
    r"(?:Road|Rd|Street|St|Avenue|Ave|Lane|Path|Drive|Terrace|Crescent|Square|Circuit|Highway|Boulevard|Praya|"
    r"Rise|Row|Walk|Way)\.?(?: (?:Central|East|West|North|South))?"
)
_BUILDING = (
    r"(?:House|Building|Bldg|Mansion|Mansions|Court|Centre|Center|Tower|Towers|Plaza|Garden|Gardens|Estate|Villa|"
    r"Villas|Terrace|Residence|Residences|Heights|Place|Castle|City|Lodge|Apartments|Arcade|Complex)"
)
_PARTS: tuple[tuple[str, str], ...] = (
    ("flat", rf"{_L}(?:Flat|Room|Rm|Unit|Shop|Suite|Apt|Apartment)\.? ?[A-Z0-9]{{1,5}}{_R}"),
    ("floor", rf"{_L}(?:(?:\d{{1,3}}|G|LG|UG|M)/F|\d{{1,3}}(?:st|nd|rd|th) (?:Floor|Fl)|Ground Floor){_R}"),
    ("block", rf"{_L}(?:Block|Blk|Tower|Phase|Wing) ?[A-Z0-9]{{1,3}}{_R}"),
    ("street_number", rf"{_L}\d{{1,4}}[A-Z]?(?:-\d{{1,4}}[A-Z]?)? (?:{_W} ){{1,4}}{_STREET}{_R}"),
    ("building", rf"{_L}(?:The )?(?:{_W} ){{1,4}}{_BUILDING}(?: (?:Phase )?(?:[IVX]{{1,4}}|\d{{1,2}}))?{_R}"),
)
_GAP = re.compile(r"(?:, ?|,? ?\n ?| )")
# An address needs a flat, floor, block or street number: one of these words, or a number before a capital.
_KEYWORDS = re.compile("Flat|Room|Rm|Unit|Shop|Suite|Apt|/F|Floor|Block|Blk|Tower|Phase|Wing")
_NUMBER_THEN_NAME = re.compile(r"\d[A-Z]? [A-Z]")


class EnglishAddressRecognizer(Recognizer):
    name = "EnglishAddressRecognizer"
    entity = EntityType.ADDRESS
    requires_latin = True

    def __init__(self) -> None:
        self._parts: list[tuple[str, re.Pattern[str]]] = []
        self._places: re.Pattern[str] | None = None
        self._regions: frozenset[str] = frozenset()

    def load(self, lexicon: Lexicon, chinese: ChineseResources) -> None:
        self._parts = [(kind, re.compile(regex)) for kind, regex in _PARTS]
        names = "|".join(re.escape(p) for p in (*lexicon.en_places, *lexicon.en_regions))
        self._places = re.compile(rf"{_L}(?=[A-Z])(?:{names})(?![A-Za-z])")
        self._regions = frozenset(lexicon.en_regions)

    def analyze(self, doc: Document) -> Iterator[Finding]:
        assert self._places is not None
        text = doc.folded
        if _KEYWORDS.search(text) is None and _NUMBER_THEN_NAME.search(text) is None:
            return
        parts: list[Part] = []
        for kind, regex in self._parts:
            parts.extend(Part(kind, m.start(), m.end()) for m in regex.finditer(text))
        for m in self._places.finditer(text):
            kind = "region" if m.group(0) in self._regions else "district"
            parts.append(Part(kind, m.start(), m.end()))
        for run in chains(parts, text, _GAP):
            while run and run[0].kind in {"region", "district"}:
                run = run[1:]  # English addresses end with the district; one before the flat is other text
            if is_address(run):
                score = 0.85 if len(run) >= 2 else 0.7
                yield self.finding(doc, run[0].start, run[-1].end, score, "hk_address_en", evidence=describe(run))
