"""Email addresses."""

from __future__ import annotations

from civicdesk.privacy.finding import EntityType
from civicdesk.privacy.recognizers.base import Pattern, PatternRecognizer


class EmailRecognizer(PatternRecognizer):
    name = "EmailRecognizer"
    entity = EntityType.EMAIL
    requires_char = "@"
    PATTERNS = (
        Pattern(
            "email",
            r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"
            r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![A-Za-z0-9\-])",
            0.95,
        ),
    )
    CONTEXT = ("email", "e-mail", "mail", "電郵", "郵箱", "電子郵件", "邮箱")
