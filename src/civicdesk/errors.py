"""Errors with stable codes (like spaCy's E###) that tell the user what went wrong and what to do.

Domain code raises these; the web layer maps `kind` to an HTTP status, the CLI prints the message.
"""

from __future__ import annotations

from typing import Literal

ErrorKind = Literal["invalid", "not_found", "conflict", "too_large", "forbidden", "unauthorised", "unavailable"]


class CivicdeskError(Exception):
    def __init__(self, code: str, message: str, kind: ErrorKind = "invalid", field: str | None = None) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.kind = kind
        self.field = field


class NotFound(CivicdeskError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(code, message, kind="not_found")


class Conflict(CivicdeskError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(code, message, kind="conflict")
