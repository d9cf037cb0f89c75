"""Hong Kong's 18 districts: a stable id, the English and Traditional Chinese names; Simplified is derived."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from civicdesk.cases.errors import unknown_district
from civicdesk.catalogue import to_simplified


@dataclass(frozen=True)
class District:
    id: str
    en: str
    zh_hant: str

    @property
    def zh_hans(self) -> str:
        return to_simplified(self.zh_hant)

    def name(self, language: str) -> str:
        if language == "en":
            return self.en
        return self.zh_hans if language == "zh-Hans" else self.zh_hant

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "en": self.en, "zh-Hant": self.zh_hant, "zh-Hans": self.zh_hans}


DISTRICTS: tuple[District, ...] = (
    District("central-and-western", "Central and Western", "中西區"),
    District("wan-chai", "Wan Chai", "灣仔區"),
    District("eastern", "Eastern", "東區"),
    District("southern", "Southern", "南區"),
    District("yau-tsim-mong", "Yau Tsim Mong", "油尖旺區"),
    District("sham-shui-po", "Sham Shui Po", "深水埗區"),
    District("kowloon-city", "Kowloon City", "九龍城區"),
    District("wong-tai-sin", "Wong Tai Sin", "黃大仙區"),
    District("kwun-tong", "Kwun Tong", "觀塘區"),
    District("kwai-tsing", "Kwai Tsing", "葵青區"),
    District("tsuen-wan", "Tsuen Wan", "荃灣區"),
    District("tuen-mun", "Tuen Mun", "屯門區"),
    District("yuen-long", "Yuen Long", "元朗區"),
    District("north", "North", "北區"),
    District("tai-po", "Tai Po", "大埔區"),
    District("sha-tin", "Sha Tin", "沙田區"),
    District("sai-kung", "Sai Kung", "西貢區"),
    District("islands", "Islands", "離島區"),
)
BY_ID = {d.id: d for d in DISTRICTS}


def _key(value: str) -> str:
    folded = unicodedata.normalize("NFKC", value).casefold().strip()
    folded = re.sub(r"[\s_\-&,]+", " ", folded).replace(" district", "").strip()
    return folded.removesuffix("區").removesuffix("区")


@cache
def _aliases() -> dict[str, str]:
    table: dict[str, str] = {}
    for d in DISTRICTS:
        for name in (d.id, d.en, d.zh_hant, d.zh_hans, d.en.replace(" and ", " & ")):
            table[_key(name)] = d.id
    table[_key("Central & Western")] = "central-and-western"
    table[_key("Shatin")] = "sha-tin"
    return table


def parse_district(value: str | None) -> str | None:
    """A district id from an id, an English or a Chinese name; None for empty; E603 for anything else."""
    if value is None or not value.strip():
        return None
    found = _aliases().get(_key(value))
    if found is None:
        raise unknown_district(value)
    return found


_GENERIC = frozenset({"eastern", "southern", "north", "islands"})


def find_district(text: str) -> str | None:
    """The district named in free text (an address line), longest name first; None when none is named."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    names: list[tuple[str, str]] = []
    for d in DISTRICTS:
        names.extend(
            [(d.en.casefold(), d.id), (d.zh_hant.removesuffix("區"), d.id), (d.zh_hans.removesuffix("区"), d.id)]
        )
    for name, district_id in sorted(names, key=lambda item: -len(item[0])):
        if name.isascii():
            # "Eastern", "Southern", "North" and "Islands" are ordinary words: only "... District" counts.
            pattern = rf"\b{re.escape(name)}\b" + (r"\s+district\b" if name in _GENERIC else "")
            if re.search(pattern, folded):
                return district_id
        elif len(name) >= 2 and name in folded:
            return district_id
    return None


def district_name(district_id: str | None, language: str) -> str | None:
    if district_id is None:
        return None
    district = BY_ID.get(district_id)
    return district.name(language) if district else district_id
