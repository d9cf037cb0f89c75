"""The recognizer contract, and the pattern recognizer most recognizers are.

A recognizer is a small class: its patterns, context words and `validate` method are class constants and methods,
so reading one file tells you everything it reports and why. Construction is free; `load()` compiles patterns and
reads word lists once (called by `Analyzer.warm_up`).

Patterns run on the folded text (full-width ASCII made half-width, same length), so `Ｋ５２６０１８（３）` is found
like `K526018(3)`. Patterns never use `\\b` or `\\w` next to a value: in Python both treat Chinese characters as
word characters, so `身份證A123456(3)` would have no word boundary before the `A`.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from civicdesk.privacy.chinese import ChineseResources
from civicdesk.privacy.document import CJK, Document
from civicdesk.privacy.finding import Explanation, Finding
from civicdesk.privacy.lexicon import Lexicon

_CJK_RE = re.compile(f"[{CJK}]")


@dataclass(frozen=True)
class Validation:
    """The outcome of a checksum or library check, kept in the explanation."""

    ok: bool
    detail: str


@dataclass(frozen=True)
class Pattern:
    name: str
    regex: str
    score: float
    ignore_case: bool = False
    needs: str = ""  # a substring the text must contain for the pattern to run at all (a cheap gate)


class WordMatcher:
    """Finds context words in lower-cased text: Chinese words anywhere, ASCII words only at a word start (so `ip`
    does not match inside `ship`). The regex is a plain alternation, which Python scans fast; the word-start check
    is done on the few hits."""

    def __init__(self, words: tuple[str, ...]) -> None:
        ordered = sorted({w.lower() for w in words if w}, key=len, reverse=True)
        self._regex = re.compile("|".join(re.escape(w) for w in ordered))

    def _at_start(self, text: str, match: re.Match[str]) -> bool:
        if not match.group(0)[0].isascii() or not match.group(0)[0].isalnum():
            return True
        start = match.start()
        return start == 0 or not (text[start - 1].isascii() and text[start - 1].isalnum())

    def find(self, text: str) -> list[str]:
        return [m.group(0).strip() for m in self._regex.finditer(text) if self._at_start(text, m)]

    def last(self, text: str) -> str | None:
        found = self.find(text)
        return found[-1] if found else None

    def any(self, text: str) -> bool:
        return any(self._at_start(text, m) for m in self._regex.finditer(text))


def word_matcher(words: tuple[str, ...]) -> WordMatcher | None:
    return WordMatcher(words) if any(words) else None


class Recognizer(ABC):
    """Finds one entity type. Subclasses set `name`, `entity` and implement `analyze`."""

    name: ClassVar[str]
    entity: ClassVar[str]
    # Cheap pre-checks: skip the recognizer unless the text has digits / Chinese characters / Latin letters / "@".
    requires_digit: ClassVar[bool] = False
    requires_cjk: ClassVar[bool] = False
    requires_latin: ClassVar[bool] = False
    requires_char: ClassVar[str] = ""
    min_digit_run: ClassVar[int] = 0  # skip unless the text has this many consecutive digits
    # The analyzer's threshold, recorded in each explanation (set by `Analyzer.warm_up`).
    threshold: float | None = None

    def load(self, lexicon: Lexicon, chinese: ChineseResources) -> None:  # noqa: B027 - optional hook
        """Compile patterns and read word lists; called once before the first `analyze`."""

    def applies_to(self, doc: Document) -> bool:
        if self.requires_digit and not doc.has_digit:
            return False
        if self.requires_cjk and not doc.has_cjk:
            return False
        if self.requires_latin and not doc.has_latin:
            return False
        if self.min_digit_run and doc.max_digit_run < self.min_digit_run:
            return False
        return not (self.requires_char and self.requires_char not in doc.folded)

    @abstractmethod
    def analyze(self, doc: Document) -> Iterator[Finding]:
        """Yield every candidate finding; the analyzer resolves overlaps and applies the threshold."""

    def finding(
        self,
        doc: Document,
        start: int,
        end: int,
        score: float,
        pattern: str,
        *,
        validation: str | None = None,
        context: tuple[str, ...] = (),
        evidence: tuple[str, ...] = (),
    ) -> Finding:
        score = round(min(1.0, max(0.0, score)), 4)
        explanation = Explanation(
            recognizer=self.name,
            pattern=pattern,
            score=score,
            validation=validation,
            context=context,
            evidence=evidence,
            threshold=self.threshold,
        )
        return Finding(self.entity, start, end, score, doc.text[start:end], self.name, explanation)


class PatternRecognizer(Recognizer):
    """Regexes + optional validation + context words, in the manner of Presidio's pattern recognizers.

    A pattern may name a group `value`: the finding is that group only (so a label can be part of the pattern).
    """

    PATTERNS: ClassVar[tuple[Pattern, ...]] = ()
    CONTEXT: ClassVar[tuple[str, ...]] = ()
    CONTEXT_REQUIRED: ClassVar[bool] = False
    CONTEXT_BOOST: ClassVar[float] = 0.1
    CONTEXT_BEFORE: ClassVar[int] = 30
    CONTEXT_AFTER: ClassVar[int] = 10
    # Words that, just before a match, show it is something else (a case number, a version ...).
    NEGATIVE_CONTEXT: ClassVar[tuple[str, ...]] = ()
    NEGATIVE_BEFORE: ClassVar[int] = 12
    # Whether a negative word drops a match even when a context word is also near.
    NEGATIVE_WINS: ClassVar[bool] = False

    def __init__(self) -> None:
        self._compiled: list[tuple[Pattern, re.Pattern[str]]] = []
        self._context: WordMatcher | None = None
        self._negative: WordMatcher | None = None

    def patterns(self) -> tuple[Pattern, ...]:
        return self.PATTERNS

    def context_words(self) -> tuple[str, ...]:
        return self.CONTEXT

    def load(self, lexicon: Lexicon, chinese: ChineseResources) -> None:
        self._compiled = [(p, re.compile(p.regex, re.IGNORECASE if p.ignore_case else 0)) for p in self.patterns()]
        words = self.context_words()
        with_simplified = words + tuple(chinese.to_simplified(w) for w in words if _CJK_RE.search(w))
        self._context = word_matcher(with_simplified)
        negative = self.NEGATIVE_CONTEXT
        negative += tuple(chinese.to_simplified(w) for w in negative if _CJK_RE.search(w))
        self._negative = word_matcher(negative)

    def validate(self, value: str) -> Validation | None:
        """Check a matched value (checksum, calendar, library); None means the pattern alone decides."""
        return None

    def find_context(self, doc: Document, start: int, end: int) -> tuple[str, ...]:
        if self._context is None:
            return ()
        window = doc.before(start, self.CONTEXT_BEFORE) + " " + doc.after(end, self.CONTEXT_AFTER)
        return tuple(dict.fromkeys(self._context.find(window)))

    def negated(self, doc: Document, start: int) -> str | None:
        if self._negative is None:
            return None
        return self._negative.last(doc.before(start, self.NEGATIVE_BEFORE))

    def analyze(self, doc: Document) -> Iterator[Finding]:
        if self.CONTEXT_REQUIRED and (self._context is None or not self._context.any(doc.lower)):
            return  # no context word anywhere in the text: nothing to find, and no regex to run
        for pattern, regex in self._compiled:
            if pattern.needs and pattern.needs not in doc.folded:
                continue
            for match in regex.finditer(doc.folded):
                if "value" in regex.groupindex and match.group("value") is not None:
                    start, end = match.span("value")
                else:
                    start, end = match.span()
                if start == end:
                    continue
                validation = self.validate(doc.folded[start:end])
                if validation is not None and not validation.ok:
                    continue
                context = self.find_context(doc, start, end)
                if self.CONTEXT_REQUIRED and not context:
                    continue
                negative = self.negated(doc, start)
                if negative is not None and (self.NEGATIVE_WINS or not context):
                    continue
                score = pattern.score + (self.CONTEXT_BOOST if context else 0.0)
                evidence = (f"context: {', '.join(context)}",) if context else ()
                yield self.finding(
                    doc,
                    start,
                    end,
                    score,
                    pattern.name,
                    validation=validation.detail if validation else None,
                    context=context,
                    evidence=evidence,
                )
