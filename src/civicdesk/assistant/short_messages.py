"""Short messages that name only a topic several departments share ("tree", "noise", "水", "噪音").

One or two words give the router almost nothing to go on, and its confidence on them is too sharp: the
temperature is fitted on full sentences, and a lone word such as "tree" that the training data ties to one
service scores close to 1. So for a message with at most `MAX_TERMS` content terms (after the filler and generic
request words of `vague.py` are removed) the catalogue itself is asked which services mention every term in their
examples, keywords or names (a keyword or name counts `TOPIC_WEIGHT` times an example: it is what the service is
about, where an example may mention the term in passing). When those mentions spread over two or more departments,
with no department holding `DOMINANT_SHARE` of them, the assistant asks which one is meant and offers the best
service of each department, ranked by the router; otherwise the router's decision stands. The result says why.

The confidence reported for each offered service is its department's share of those mentions, not the router's
score: on one word the router is sure of whatever service the training data ties the word to (0.999 for "tree"),
while the catalogue shows the topic split between departments. The router's own scores stay in the explanation.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Final

from civicdesk.assistant.vague import content_of
from civicdesk.catalogue import Catalogue
from civicdesk.language import to_traditional

MAX_TERMS: Final = 2
MAX_CJK_CHARS: Final = 4  # a Chinese topic of up to four characters (樹, 噪音, 食水, 違例泊車)
DOMINANT_SHARE: Final = 0.7
TOPIC_WEIGHT: Final = 5
MAX_CHOICES: Final = 4
_TERMS = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|[^\W\d_]{2,}")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class Ambiguity:
    terms: list[str]
    mentions: dict[str, int]  # department -> weighted examples, keywords and names that mention every term
    services: list[str]  # the services that mention them, best example count first

    def share(self, department: str) -> float:
        """The department's share of the weighted mentions: the confidence that the topic is its business."""
        return self.mentions.get(department, 0) / sum(self.mentions.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "component": "assistant.short_messages",
            "decision": "clarify",
            "terms": self.terms,
            "mentions_by_department": self.mentions,
            "reason": f"a short message whose terms appear in services of {len(self.mentions)} departments",
            "confidence": "each offered service's department's share of the mentions",
        }


def _fold(text: str) -> str:
    return to_traditional(text).casefold()


class TopicIndex:
    """Every service's examples, keywords and names in one folded (Traditional, lower-case) list, for term lookup."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.departments = {s.id: s.department for s in catalogue.services.values()}
        self.texts: list[tuple[str, str, int]] = []
        for service in catalogue.services.values():
            kw = service.keywords
            for text in service.examples.all():
                self.texts.append((service.id, _fold(text), 1))
            for text in [*kw.en, *kw.zh_Hant, *(kw.yue or []), service.name.en, service.name.zh_Hant]:
                self.texts.append((service.id, _fold(text), TOPIC_WEIGHT))

    def ambiguity(self, text: str) -> Ambiguity | None:
        """An `Ambiguity` when `text` is a short topic that services of several departments share, else None."""
        terms = short_terms(text)
        if not terms:
            return None
        patterns = [re.compile(re.escape(t) if _CJK.search(t) else rf"\b{re.escape(t)}(?:s|es)?\b") for t in terms]
        per_service: Counter[str] = Counter()
        for service, folded, weight in self.texts:
            if all(p.search(folded) for p in patterns):
                per_service[service] += weight
        by_department: Counter[str] = Counter()
        for service, count in per_service.items():
            by_department[self.departments[service]] += count
        total = sum(by_department.values())
        if len(by_department) < 2 or by_department.most_common(1)[0][1] >= DOMINANT_SHARE * total:
            return None
        return Ambiguity(
            terms=terms,
            mentions=dict(by_department.most_common()),
            services=[service for service, _ in per_service.most_common()],
        )


def short_terms(text: str) -> list[str]:
    """The content terms of a short message, or [] when the message is not short (or has none)."""
    terms = _TERMS.findall(_fold(content_of(text)))
    cjk_chars = sum(len(t) for t in terms if _CJK.search(t))
    if not terms or len(terms) > MAX_TERMS or cjk_chars > MAX_CJK_CHARS:
        return []
    # A lone Chinese character left over from a longer message ("人" of "搵人幫手", "工" of "搵工") is a
    # fragment, not a topic; it counts only when it is the whole message ("樹", "狗").
    whole = _TERMS.findall(_fold(text))
    if any(_CJK.search(t) and len(t) == 1 for t in terms) and whole != terms:
        return []
    return list(dict.fromkeys(terms))


def choices_for(ambiguity: Ambiguity, ranked: list[tuple[str, float]], departments: dict[str, str]) -> list[str]:
    """The best-ranked mentioning service of each department, best first, at most `MAX_CHOICES`."""
    mentioning = set(ambiguity.services)
    chosen: list[str] = []
    seen: set[str] = set()
    for service, _ in ranked:
        department = departments.get(service, "")
        if service in mentioning and department not in seen:
            chosen.append(service)
            seen.add(department)
        if len(chosen) == MAX_CHOICES:
            break
    return chosen
