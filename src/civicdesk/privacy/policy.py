"""The privacy policy, in code: what may be stored, logged, counted and shown (PDPO, HKID code of practice).

- Stored messages are redacted: `for_storage` ([HKID], [PHONE] ...).
- Analytics see pseudonyms only: `for_analytics` ([PERSON:3f9a2c1b07d4]), so counts work without the values.
- Logs never carry raw personal data: `RedactingLogFilter` redacts every record's message before it is written.
- An HKID number and a name are never displayed together: `for_display` masks HKIDs (A123***(*)) in any text that
  also names a person.
- Contact details for follow-up are stored encrypted (`KeyRing`); who may decrypt them is the staff module's
  decision (`civicdesk.staff.can_view_contact`), and each view is logged there.
"""

from __future__ import annotations

import logging

from civicdesk.privacy.analyzer import Analyzer
from civicdesk.privacy.finding import EntityType
from civicdesk.privacy.operators import Mask, apply
from civicdesk.privacy.redaction import Redaction


class PrivacyPolicy:
    def __init__(self, analyzer: Analyzer) -> None:
        self.analyzer = analyzer

    def for_storage(self, text: str, language: str | None = None) -> Redaction:
        return self.analyzer.redact(text, "redact", language)

    def for_analytics(self, text: str, language: str | None = None) -> Redaction:
        return self.analyzer.redact(text, "pseudonymise", language)

    def for_log(self, text: str) -> str:
        return self.analyzer.redact(text, "redact").text

    def for_display(self, text: str, language: str | None = None) -> str:
        """The text as written, except that HKID numbers are masked when a name appears in the same text."""
        findings = self.analyzer.analyze(text, language, entities={EntityType.HKID, EntityType.PERSON})
        if not any(f.type == EntityType.PERSON for f in findings):
            return text
        hkids = [f for f in findings if f.type == EntityType.HKID]
        return apply(text, hkids, Mask())[0]


class RedactingLogFilter(logging.Filter):
    """Redact personal data from log records: the formatted message, and string values passed with `extra=`."""

    def __init__(self, analyzer: Analyzer, name: str = "") -> None:
        super().__init__(name)
        self.analyzer = analyzer

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = self.analyzer.redact(message).text
        if redacted != message or record.args:
            record.msg, record.args = redacted, None
        for key, value in list(record.__dict__.items()):
            if isinstance(value, str) and key not in _STANDARD_ATTRIBUTES and not key.startswith("_"):
                setattr(record, key, self.analyzer.redact(value).text)
        return True


_STANDARD_ATTRIBUTES = frozenset(logging.LogRecord("", 0, "", 0, "", None, None).__dict__) | {"message", "asctime"}


def install_log_redaction(analyzer: Analyzer, logger: logging.Logger | None = None) -> RedactingLogFilter:
    """Add the filter to every handler of `logger` (default: the root logger), so no record escapes it."""
    target = logger or logging.getLogger()
    log_filter = RedactingLogFilter(analyzer)
    for handler in target.handlers:
        handler.addFilter(log_filter)
    return log_filter
