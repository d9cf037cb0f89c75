"""Duplicate detection: an open case of the same service, in the same district, filed within the window, whose
redacted text is similar enough (character n-grams, see `similarity`) and which is not somewhere else.

Privacy redaction turns street addresses in the description into `[ADDRESS]`, so the text alone cannot tell the
broken lamp at No. 12 from the one at No. 80. The location the citizen gave is therefore a gate: when both cases
have coordinates they must be within `NEAR_METRES`; when both have an address line, they must share a house
number (when both have one) and be similar. Unknown locations do not block. The most similar remaining case wins.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk.cases.model import Location
from civicdesk.cases.similarity import cosine, shingles
from civicdesk.store.tables import CaseRow

MAX_CANDIDATES = 200
_NUMBER = re.compile(r"\d+")
NEAR_METRES = 150.0
SAME_ADDRESS = 0.5


@dataclass(frozen=True)
class Match:
    case_id: int
    reference: str
    similarity: float


def _metres(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lng1, lat2, lng2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lng2 - lng1) / 2) ** 2
    return 2 * 6_371_000 * math.asin(math.sqrt(h))


def same_place(a: Location, b: Location) -> bool | None:
    """True or False when both locations say where; None when either is unknown."""
    if None not in (a.latitude, a.longitude, b.latitude, b.longitude):
        return _metres((a.latitude, a.longitude), (b.latitude, b.longitude)) <= NEAR_METRES  # type: ignore[arg-type]
    if a.address and b.address:
        numbers_a, numbers_b = set(_NUMBER.findall(a.address)), set(_NUMBER.findall(b.address))
        if numbers_a and numbers_b and not numbers_a & numbers_b:
            return False  # 12 Nathan Road is not 130 Nathan Road
        return cosine(shingles(a.address), shingles(b.address)) >= SAME_ADDRESS
    return None


def duplicate_score(text: str, location: Location, other: str, other_location: Location) -> float | None:
    """The text similarity of two reports, or None when their locations say they are in different places."""
    if same_place(location, other_location) is False:
        return None
    return cosine(shingles(text), shingles(other))


def find_duplicate(
    session: Session,
    service: str | None,
    district: str | None,
    text: str,
    location: Location,
    now: datetime,
    window_days: int,
    threshold: float,
) -> Match | None:
    if service is None or district is None or window_days <= 0:
        return None
    query = (
        select(
            CaseRow.id,
            CaseRow.reference,
            CaseRow.issue_text,
            CaseRow.location_text,
            CaseRow.latitude,
            CaseRow.longitude,
        )
        .where(
            CaseRow.service_id == service,
            CaseRow.district == district,
            CaseRow.created_at >= now - timedelta(days=window_days),
            CaseRow.is_open,
            CaseRow.duplicate_of_id.is_(None),
        )
        .order_by(CaseRow.created_at.desc())
        .limit(MAX_CANDIDATES)
    )
    mine = shingles(text)
    best: Match | None = None
    for case_id, reference, other, address, lat, lng in session.execute(query):
        score = cosine(mine, shingles(other))
        if score < threshold or (best is not None and score <= best.similarity):
            continue
        if same_place(location, Location(address, lat, lng)) is False:
            continue
        best = Match(case_id, reference, round(score, 4))
    return best
