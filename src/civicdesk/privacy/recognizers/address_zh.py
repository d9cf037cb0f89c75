"""Hong Kong addresses written in Chinese: 九龍觀塘協和街101號12樓B室, 何文田愛民邨嘉民樓12樓1203室.

Parts (region, district, street + number, estate, building, phase, block, floor, flat) are found one by one, then
joined where they touch; see address_parts for when a run counts as an address. Names of streets and buildings are
runs of Chinese characters that stop at function words (住, 喺, 在, 寄往 ...) and are cut after a place name inside
them, so "投訴將軍澳寶林邨" yields 將軍澳 + 寶林邨, not 投訴將軍澳寶林邨.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from civicdesk.privacy.chinese import ChineseResources
from civicdesk.privacy.document import CJK, Document
from civicdesk.privacy.finding import EntityType, Finding
from civicdesk.privacy.lexicon import Lexicon
from civicdesk.privacy.recognizers.address_parts import Part, chains, describe, is_address
from civicdesk.privacy.recognizers.base import Recognizer

# Characters that never belong to a street or building name: verbs and particles around addresses, and the
# characters of floors, flats and numbers.
_STOP = (
    "邨住喺在於于到往去返寄送搬遷迁址近附對对由從从向入出經经過过係系是為为的嘅我你佢他她們们哋或號号樓楼室座期層层段地"
)
_NAME = f"(?:(?![{_STOP}])[{CJK}])"
_NUM = "[一二三四五六七八九十]{1,3}|\\d{1,4}"
# (kind, regex, characters one of which must be in the text for the part to be looked for at all)
_PARTS: tuple[tuple[str, str, str], ...] = (
    (
        "street_number",
        rf"{_NAME}{{1,6}}?(?:公路|大道|道|路|街|里|徑|径|巷|坊|圍|围)(?:{_NAME}{{1,3}}段)?"
        r" ?\d{1,4}(?:-\d{1,4})?[A-Z]? ?[號号]",
        "號号",
    ),
    ("estate", rf"{_NAME}{{1,6}}?(?:邨|新邨|村|苑|花園|花园|城)", "邨村苑園园城"),
    (
        "building",
        rf"{_NAME}{{1,8}}?(?:大廈|大厦|中心|廣場|广场|大樓|大楼|商場|商场|山莊|山庄|樓|楼|閣|阁|軒|轩|居|庭|園|园|台|臺)",
        "廈厦心場场樓楼莊庄閣阁軒轩居庭園园台臺",
    ),
    ("phase", rf"第?(?:{_NUM}) ?期", "期"),
    ("block", rf"(?:第?(?:{_NUM})|[A-Z]) ?座", "座"),
    ("floor", rf"(?:(?:{_NUM}) ?(?:樓|楼|層|层)|\d{{1,3}}/F|地下|地庫|地库|閣樓|阁楼|天台)", "樓楼層层/地台"),
    ("flat", r"(?:\d{1,4}[A-Z]?|[A-Z]) ?(?:室|號舖|号铺|舖|铺|號房|号房)|(?:單位|单位) ?\d{1,4}[A-Z]?", "室舖铺房位"),
)
# Every address has a flat, floor, block, street number or a building in an estate: one of these characters.
_GATE = re.compile("[號号樓楼層层室舖铺座地閣阁軒轩居庭園园台臺廈厦位/]")
_GAP = re.compile(r" ?")
_NAME_START = re.compile(_NAME)
_SUFFIX_ONLY = re.compile(r"(?:邨|新邨|村|苑|花園|花园|城|中心|大廈|大厦|廣場|广场|樓|楼|大樓|大楼)")
_NAMED = frozenset({"street_number", "estate", "building"})


class ChineseAddressRecognizer(Recognizer):
    name = "ChineseAddressRecognizer"
    entity = EntityType.ADDRESS
    requires_cjk = True

    def __init__(self) -> None:
        self._parts: list[tuple[str, re.Pattern[str], frozenset[str]]] = []
        self._places: re.Pattern[str] | None = None
        self._regions: frozenset[str] = frozenset()

    def load(self, lexicon: Lexicon, chinese: ChineseResources) -> None:
        self._parts = [(kind, re.compile(regex), frozenset(needs)) for kind, regex, needs in _PARTS]
        self._places = re.compile("|".join(re.escape(p) for p in lexicon.zh_places))
        self._regions = frozenset(lexicon.zh_regions)

    def analyze(self, doc: Document) -> Iterator[Finding]:
        assert self._places is not None
        text = doc.folded
        if _GATE.search(text) is None:
            return
        present = set(text)
        places = [(m.start(), m.end()) for m in self._places.finditer(text)]
        parts = [Part("region" if text[s:e] in self._regions else "district", s, e) for s, e in places]
        for kind, regex, needs in self._parts:
            if present.isdisjoint(needs):
                continue
            for m in regex.finditer(text):
                start, end = m.span()
                if kind in _NAMED:
                    start = self._after_places(start, end, places, m.group(0))
                parts.append(Part(kind, start, end))
        for run in chains(parts, text, _GAP):
            if is_address(run):
                score = 0.85 if len(run) >= 2 else 0.7
                yield self.finding(doc, run[0].start, run[-1].end, score, "hk_address_zh", evidence=describe(run))

    @staticmethod
    def _after_places(start: int, end: int, places: list[tuple[int, int]], value: str) -> int:
        """Start a named part after the last place name inside it, if a name is left before its suffix."""
        best = start
        for ps, pe in places:
            if start <= ps and pe < end and pe > best:
                rest = value[pe - start :]
                if _NAME_START.match(rest) and not _SUFFIX_ONLY.fullmatch(rest):
                    best = pe
        return best
