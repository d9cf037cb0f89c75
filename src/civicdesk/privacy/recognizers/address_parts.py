"""Shared by the address recognizers: address parts are found separately, then joined into runs of adjacent
parts. A run is an address when it pins down a home or an office: it has a flat, floor, block or street number,
or a building inside a named estate (友愛邨愛德樓). A district, a street or an estate on its own is not personal.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

SPECIFIC = frozenset({"flat", "floor", "block", "street_number"})


@dataclass(frozen=True, slots=True)
class Part:
    kind: str
    start: int
    end: int


def chains(parts: list[Part], text: str, gap: re.Pattern[str]) -> list[list[Part]]:
    """Group parts into runs where each part follows the previous one with only `gap` between them.

    Where two parts overlap, the one starting first (and, at the same start, the longer) is kept.
    """
    runs: list[list[Part]] = []
    for part in sorted(parts, key=lambda p: (p.start, -p.end)):
        if runs and part.start < runs[-1][-1].end:
            continue
        if runs and gap.fullmatch(text[runs[-1][-1].end : part.start]):
            runs[-1].append(part)
        else:
            runs.append([part])
    return runs


def is_address(run: list[Part]) -> bool:
    kinds = [p.kind for p in run]
    if kinds == ["street_number"]:
        return True
    if len(run) < 2:
        return False
    if any(k in SPECIFIC for k in kinds):
        return True
    return any(a == "estate" and b == "building" for a, b in itertools.pairwise(kinds))


def describe(run: list[Part]) -> tuple[str, ...]:
    return ("parts: " + " + ".join(p.kind for p in run),)
