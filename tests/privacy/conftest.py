"""One warmed-up analyzer for the privacy tests (the real recognizers, word lists and segmenter)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from civicdesk.privacy import Analyzer, KeyRing, generate_key

Found = Callable[..., list[tuple[str, str]]]


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    analyzer = Analyzer(pseudonym_key=b"test-pseudonym-key", keyring=KeyRing.from_string(generate_key()))
    analyzer.warm_up()
    return analyzer


@pytest.fixture(scope="session")
def found(analyzer: Analyzer) -> Found:
    """(type, text) of every finding in a text."""

    def run(text: str, language: str | None = None) -> list[tuple[str, str]]:
        return [(f.type, f.text) for f in analyzer.analyze(text, language)]

    return run
