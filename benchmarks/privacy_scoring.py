"""Span scoring for the privacy benchmark: per-type precision, recall and F1, exact or overlapping spans.

- exact: a prediction counts when type, start and end all equal a gold span's;
- overlap: a prediction counts when it overlaps a not-yet-matched gold span of the same type (one-to-one), so two
  systems with different boundary conventions (with or without "+852", a title, a trailing full stop) are compared
  on what they found rather than on where they cut.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

Span = tuple[str, int, int]  # (type, start, end)


@dataclass
class Scores:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)

    def add(self, gold: Iterable[Span], predicted: Iterable[Span], overlap: bool) -> None:
        gold_left = sorted(set(gold), key=lambda s: (s[1], s[2], s[0]))
        for kind, start, end in sorted(set(predicted), key=lambda s: (s[1], s[2], s[0])):
            match = None
            for candidate in gold_left:
                same = candidate == (kind, start, end)
                if candidate[0] == kind and (same or (overlap and candidate[1] < end and start < candidate[2])):
                    match = candidate
                    break
            if match is None:
                self.fp[kind] += 1
            else:
                self.tp[kind] += 1
                gold_left.remove(match)
        for kind, _, _ in gold_left:
            self.fn[kind] += 1

    def types(self) -> list[str]:
        return sorted(set(self.tp) | set(self.fp) | set(self.fn))

    def prf(self, kind: str | None = None) -> tuple[float, float, float, int]:
        """Precision, recall, F1 and gold count, for one type or all types together (micro-average)."""
        if kind is None:
            tp, fp, fn = sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())
        else:
            tp, fp, fn = self.tp[kind], self.fp[kind], self.fn[kind]
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1, tp + fn


def score(gold: list[list[Span]], predicted: list[list[Span]], overlap: bool, types: set[str]) -> Scores:
    """Score aligned lists of per-text spans, keeping only `types` on both sides."""
    scores = Scores()
    for g, p in zip(gold, predicted, strict=True):
        scores.add([s for s in g if s[0] in types], [s for s in p if s[0] in types], overlap)
    return scores
