"""The tunable rules of intake and the clocks, read from settings once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Policy:
    duplicate_window_days: int = 14
    duplicate_similarity: float = 0.45
    split_min_confidence: float = 0.5
    default_pledge_days: int = 10
    owner_working_days: float = 1.0
    hotspot_min_cases: int = 5
    hotspot_window_days: int = 7

    @classmethod
    def from_settings(cls, settings: Any) -> Policy:
        return cls(
            duplicate_window_days=settings.case_duplicate_window_days,
            duplicate_similarity=settings.case_duplicate_similarity,
            split_min_confidence=settings.case_split_min_confidence,
            default_pledge_days=settings.case_default_pledge_days,
            owner_working_days=settings.case_owner_working_days,
            hotspot_min_cases=settings.case_hotspot_min_cases,
            hotspot_window_days=settings.case_hotspot_window_days,
        )
