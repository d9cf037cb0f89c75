"""Build the privacy components from settings: the analyzer, the pseudonym key and the key ring."""

from __future__ import annotations

from functools import lru_cache

from civicdesk.privacy.analyzer import Analyzer
from civicdesk.privacy.keyring import KeyRing, derive_key
from civicdesk.privacy.operators import Operator
from civicdesk.privacy.redaction import Redaction
from civicdesk.settings import Settings


def pseudonym_key_from(settings: Settings) -> bytes:
    """CIVICDESK_PSEUDONYM_KEY, or a key derived from the secret key when it is empty."""
    if settings.pseudonym_key:
        return settings.pseudonym_key.encode("utf-8")
    return derive_key(settings.secret_key, "pseudonym key")


def keyring_from(settings: Settings) -> KeyRing | None:
    """The key ring from CIVICDESK_ENCRYPTION_KEYS.

    When it is empty: outside production, one key derived from the secret key (so development works out of the
    box); in production, None: nothing may be encrypted with a key nobody chose.
    """
    if settings.encryption_keys.strip():
        return KeyRing.from_string(settings.encryption_keys)
    if settings.environment == "production":
        return None
    return KeyRing([derive_key(settings.secret_key, "development encryption key")])


def build_analyzer(settings: Settings | None = None) -> Analyzer:
    """An analyzer configured from settings (not yet warmed up)."""
    settings = settings or Settings()
    return Analyzer(
        score_threshold=settings.privacy_score_threshold,
        extra_recognizers_file=settings.privacy_recognizers_file,
        pseudonym_key=pseudonym_key_from(settings),
        keyring=keyring_from(settings),
    )


@lru_cache(maxsize=1)
def default_analyzer() -> Analyzer:
    """One warmed-up analyzer per process, configured from the environment."""
    analyzer = build_analyzer()
    analyzer.warm_up()
    return analyzer


def redact(text: str, operator: str | Operator = "redact", language: str | None = None) -> Redaction:
    """Redact `text` with the process-wide analyzer: `redact(text).text` is safe to store or log."""
    return default_analyzer().redact(text, operator, language)
