"""The analyzer: runs every recognizer over a text and resolves overlaps into one list of findings."""

from __future__ import annotations

import threading
from collections.abc import Collection
from pathlib import Path

from civicdesk.privacy.chinese import ChineseResources
from civicdesk.privacy.document import LANGUAGES, Document
from civicdesk.privacy.errors import UnsupportedLanguageError
from civicdesk.privacy.finding import Finding
from civicdesk.privacy.keyring import KeyRing
from civicdesk.privacy.lexicon import load_lexicon
from civicdesk.privacy.operators import Operator, apply
from civicdesk.privacy.redaction import Redaction, make_operator
from civicdesk.privacy.registry import RecognizerRegistry

DEFAULT_THRESHOLD = 0.5


class Analyzer:
    """Finds personal data in English, Traditional and Simplified Chinese and written Cantonese, mixed or not.

    Construction is free; `warm_up()` loads word lists, the converter and the segmenter once (about 0.1 s).
    `analyze` warms up on first use if nobody did, so a forgotten `warm_up` costs latency, not correctness.
    Thread-safe after warm-up.
    """

    def __init__(
        self,
        registry: RecognizerRegistry | None = None,
        *,
        score_threshold: float = DEFAULT_THRESHOLD,
        extra_recognizers_file: Path | None = None,
        pseudonym_key: bytes | None = None,
        keyring: KeyRing | None = None,
    ) -> None:
        self.registry = registry
        self.score_threshold = score_threshold
        self.extra_recognizers_file = extra_recognizers_file
        self.pseudonym_key = pseudonym_key
        self.keyring = keyring
        self._chinese: ChineseResources | None = None
        self._order: dict[str, int] = {}
        self._lock = threading.Lock()
        self._ready = False

    def warm_up(self) -> None:
        with self._lock:
            if self._ready:
                return
            lexicon = load_lexicon()
            chinese = ChineseResources(lexicon.zh_places)
            chinese.load()
            if self.registry is None:
                self.registry = RecognizerRegistry.default(self.extra_recognizers_file)
            for recognizer in self.registry:
                recognizer.load(lexicon, chinese)
                recognizer.threshold = self.score_threshold
            self._chinese = chinese
            self._order = {name: i for i, name in enumerate(self.registry.names)}
            self._ready = True

    @property
    def entities(self) -> list[str]:
        self.warm_up()
        assert self.registry is not None
        return self.registry.entities

    def analyze(
        self, text: str, language: str | None = None, *, entities: Collection[str] | None = None
    ) -> list[Finding]:
        """Findings in `text`, sorted by position and never overlapping. Offsets are Python string indices."""
        if language is not None and language not in LANGUAGES:
            raise UnsupportedLanguageError(
                f"language {language!r} is not supported; use one of {', '.join(LANGUAGES)} or leave it out"
            )
        if not text or text.isspace():
            return []
        if not self._ready:
            self.warm_up()
        assert self.registry is not None
        doc = Document(text, language, self._chinese)
        candidates: list[Finding] = []
        for recognizer in self.registry:
            if entities is not None and recognizer.entity not in entities:
                continue
            if recognizer.applies_to(doc):
                candidates.extend(recognizer.analyze(doc))
        return self._resolve(candidates)

    def redact(
        self,
        text: str,
        operator: str | Operator = "redact",
        language: str | None = None,
        *,
        entities: Collection[str] | None = None,
    ) -> Redaction:
        """Replace every finding: `redact` ([HKID]), `mask` (A123***(*)), `pseudonymise` ([PERSON:3f9a...]) or
        `encrypt` (needs the key ring). Findings keep their offsets into the original text."""
        chosen = make_operator(operator, pseudonym_key=self.pseudonym_key, keyring=self.keyring)
        findings = self.analyze(text, language, entities=entities)
        new_text, replacements = apply(text, findings, chosen)
        return Redaction(new_text, findings, replacements, chosen.name)

    def _resolve(self, candidates: list[Finding]) -> list[Finding]:
        """Keep the best of overlapping findings: higher score, then longer span, then registry order."""
        order = self._order
        ranked = sorted(
            (c for c in candidates if c.score >= self.score_threshold),
            key=lambda f: (-f.score, -f.length, order.get(f.recognizer, len(order)), f.start),
        )
        kept: list[Finding] = []
        for finding in ranked:
            if not any(finding.overlaps(k) for k in kept):
                kept.append(finding)
        kept.sort(key=lambda f: f.start)
        return kept
