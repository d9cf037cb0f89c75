"""Privacy errors, E430-E439 (not HTTP statuses, so E404 keeps meaning "not found" elsewhere).

Each has a stable code, a kind the web layer maps to a status, and a message that says what to do. They are
CivicdeskErrors, so the API turns them into `{"error": {"code", "message"}}` and the CLI prints the message.
"""

from __future__ import annotations

from typing import ClassVar

from civicdesk.errors import CivicdeskError, ErrorKind


class PrivacyError(CivicdeskError):
    code_: ClassVar[str] = "E430"
    kind_: ClassVar[ErrorKind] = "invalid"

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(self.code_, message, kind=self.kind_, field=field)


class UnsupportedLanguageError(PrivacyError):
    code_ = "E431"


class UnknownOperatorError(PrivacyError):
    code_ = "E432"


class MissingKeyError(PrivacyError):
    code_ = "E433"
    kind_ = "unavailable"


class InvalidKeyError(PrivacyError):
    code_ = "E434"
    kind_ = "unavailable"


class DecryptionError(PrivacyError):
    code_ = "E435"
    kind_ = "conflict"


class InvalidInputError(PrivacyError):
    """Input the batch tools cannot read, e.g. invalid UTF-8; the message names the line."""

    code_ = "E436"


class RecognizerConfigError(PrivacyError):
    """A recognizer definition (e.g. in the YAML file) is invalid."""

    code_ = "E437"


class AccessDeniedError(PrivacyError):
    """A role asked for personal data it may not see."""

    code_ = "E438"
    kind_ = "forbidden"


class TextTooLongError(PrivacyError):
    code_ = "E439"
    kind_ = "too_large"
