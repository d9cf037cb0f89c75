"""Long, rambling messages: find the sentence that says what the person needs.

A 500-character complaint about a blocked drain also talks about the landlord, the cat food and the weather, and
the router, trained on short requests, may judge the whole message out of scope. When it does, the message is
split into sentences and each is routed; the most confident in-scope sentence decides, and the explanation says
which sentence it was.
"""

from __future__ import annotations

import re
from typing import Final

from civicdesk.understanding import Routing, ServiceRouter

MIN_LONG_CHARS: Final = 60
MIN_SENTENCE_CHARS: Final = 6
_SENTENCE_END = re.compile(r"(?<=[。！？!?；;\n])|(?<=\.)\s+|(?<=[，,])(?=.{20,})")


def sentences(text: str) -> list[str]:
    parts = [p.strip() for p in _SENTENCE_END.split(text)]
    return [p for p in parts if len(p) >= MIN_SENTENCE_CHARS]


def route_long_message(router: ServiceRouter, text: str, routing: Routing) -> tuple[Routing, str | None]:
    """The routing of the best in-scope sentence when the whole long message was judged out of scope."""
    if routing.status != "out_of_scope" or len(text) < MIN_LONG_CHARS:
        return routing, None
    parts = sentences(text)
    if len(parts) < 2:
        return routing, None
    candidates = [
        (r, part) for r, part in zip(router.route_many(parts), parts, strict=True) if r.status != "out_of_scope"
    ]
    if not candidates:
        return routing, None
    best, sentence = max(candidates, key=lambda pair: pair[0].services[0].confidence)
    return best, sentence
