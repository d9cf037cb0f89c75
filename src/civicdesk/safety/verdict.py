"""What `assess` returns when a message must not go further: the status, why, and what to tell the person."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from civicdesk.language import Language, ReplyLanguage

SafetyStatus = Literal["emergency", "blocked"]


@dataclass(frozen=True, slots=True)
class SafetyMatch:
    """One rule that fired: its id (`fire.zh.fire`), category, and the text it matched in the view."""

    rule: str
    category: str
    text: str


@dataclass(frozen=True, slots=True)
class Hotline:
    name: str
    number: str
    hours: str


@dataclass(frozen=True, slots=True)
class SafetyVerdict:
    status: SafetyStatus
    category: str  # the category that decides the reply (most urgent first)
    categories: tuple[str, ...]  # every category found
    matches: tuple[SafetyMatch, ...]
    language: Language
    reply_language: ReplyLanguage
    reply: str
    call: str | None  # "999" for emergencies
    hotlines: tuple[Hotline, ...]
    version: str

    def to_dict(self) -> dict[str, object]:
        """The explanation of this decision, ready to store as JSON."""
        return {
            "component": "safety.rules",
            "version": self.version,
            "status": self.status,
            "category": self.category,
            "categories": list(self.categories),
            "evidence": [{"rule": m.rule, "category": m.category, "text": m.text} for m in self.matches],
            "language": self.language,
            "reply_language": self.reply_language,
            "call": self.call,
            "hotlines": [{"name": h.name, "number": h.number, "hours": h.hours} for h in self.hotlines],
        }
