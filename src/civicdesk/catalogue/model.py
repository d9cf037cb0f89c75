"""The catalogue's data model: departments and the services they run.

The YAML files under ``departments/`` hold English and Traditional Chinese text only;
Simplified Chinese is derived from the Traditional text with OpenCC when the catalogue
loads (see ``loader.py``), so it is never typed twice and never drifts.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
DEPT_CODE_PATTERN = r"^[A-Z][A-Za-z&]{1,9}$"
URL_PATTERN = r"^https://[a-z0-9.-]+\.[a-z]{2,}(/[^\s]*)?$"
# An 8-digit HK number written "2835 1473", a short hotline like "1823" or "187 8022",
# a 3-5 digit hotline like "18222", or a toll-free 800 number.
PHONE_PATTERN = r"^(?:\d{4} ?\d{4}|\d{3,5}|\d{3} \d{4}|800 \d{3} \d{3})$"

MIN_EXAMPLES = 8


class Sector(StrEnum):
    FINANCE = "finance"
    HEALTHCARE = "healthcare"
    LOGISTICS_TRADE = "logistics_trade"
    URBAN_MANAGEMENT = "urban_management"
    PUBLIC_SAFETY = "public_safety"
    GOVERNANCE = "governance"
    HOUSING = "housing"
    SOCIAL_WELFARE = "social_welfare"
    EDUCATION = "education"
    LABOUR = "labour"
    ENVIRONMENT = "environment"
    LEISURE_CULTURE = "leisure_culture"
    TRANSPORT = "transport"


class Channel(StrEnum):
    ONLINE = "online"
    PHONE = "phone"
    IN_PERSON = "in_person"
    APP = "app"
    MAIL = "mail"
    EMAIL = "email"


NonEmpty = Annotated[str, Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# YAML folds a long Chinese paragraph into lines joined by spaces; Chinese has no spaces between words.
_CJK = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"
_SPACE_BESIDE_CJK = re.compile(rf"(?<={_CJK})\s+|\s+(?={_CJK})")


class Bilingual(_Strict):
    """Text as written in the catalogue: English and Traditional Chinese."""

    en: NonEmpty
    zh_Hant: NonEmpty = Field(alias="zh-Hant")

    @field_validator("zh_Hant")
    @classmethod
    def _no_spaces_between_chinese(cls, value: str) -> str:
        return _SPACE_BESIDE_CJK.sub("", value.strip())


class Keywords(_Strict):
    en: list[NonEmpty] = Field(min_length=1)
    zh_Hant: list[NonEmpty] = Field(alias="zh-Hant", min_length=1)
    yue: list[NonEmpty] = Field(default_factory=list)


class Examples(_Strict):
    """Things citizens actually say, by language form."""

    en: list[NonEmpty] = Field(min_length=1)
    zh_Hant: list[NonEmpty] = Field(alias="zh-Hant", min_length=1)
    yue: list[NonEmpty] = Field(min_length=1)
    zh_Hans: list[NonEmpty] = Field(alias="zh-Hans", min_length=1)

    def by_language(self) -> dict[str, list[str]]:
        return {"en": self.en, "zh-Hant": self.zh_Hant, "yue": self.yue, "zh-Hans": self.zh_Hans}

    def all(self) -> list[str]:
        return [text for texts in self.by_language().values() for text in texts]


class Department(_Strict):
    code: Annotated[str, Field(pattern=DEPT_CODE_PATTERN)]
    name: Bilingual
    website: Annotated[str, Field(pattern=URL_PATTERN)]
    phone: Annotated[str, Field(pattern=PHONE_PATTERN)]


class Service(_Strict):
    id: Annotated[str, Field(pattern=ID_PATTERN, max_length=80)]
    department: str = ""  # filled from the enclosing department file
    sector: Sector
    name: Bilingual
    summary: Bilingual
    eligibility: Bilingual | None = None
    how_to_apply: Bilingual | None = None
    fees: Bilingual | None = None
    processing_time: Bilingual | None = None
    channels: list[Channel] = Field(min_length=1)
    url: Annotated[str, Field(pattern=URL_PATTERN)]
    phone: Annotated[str, Field(pattern=PHONE_PATTERN)]
    keywords: Keywords
    examples: Examples
    # Performance pledge for cases filed against the service, in working days.
    pledge_days: Annotated[int, Field(ge=1, le=90)] | None = None

    @field_validator("summary")
    @classmethod
    def _summary_is_factual_paragraph(cls, value: Bilingual) -> Bilingual:
        sentences = len(re.findall(r"[.!?](?:\s|$)", value.en))
        if not 2 <= sentences <= 4:
            raise ValueError(f"the English summary must have 2 to 4 sentences, found {sentences}")
        return value

    @model_validator(mode="after")
    def _enough_examples(self) -> Service:
        if len(self.examples.all()) < MIN_EXAMPLES:
            raise ValueError(f"a service needs at least {MIN_EXAMPLES} example utterances")
        return self


class DepartmentFile(_Strict):
    """One YAML file: a department and the services it runs."""

    department: Department
    services: list[Service] = Field(default_factory=list)
