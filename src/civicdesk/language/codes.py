"""The language forms civicdesk tells apart, and the script each is answered in."""

from __future__ import annotations

from typing import Literal, TypeGuard

from civicdesk.errors import CivicdeskError

Language = Literal["en", "zh-Hant", "yue", "zh-Hans"]
ReplyLanguage = Literal["en", "zh-Hant", "zh-Hans"]

LANGUAGES: tuple[Language, ...] = ("en", "zh-Hant", "yue", "zh-Hans")

_REPLY: dict[str, ReplyLanguage] = {"en": "en", "zh-Hant": "zh-Hant", "yue": "zh-Hant", "zh-Hans": "zh-Hans"}


def is_language(value: object) -> TypeGuard[Language]:
    return value in _REPLY


def check_language(value: str) -> Language:
    """`value` as a Language, or E201 naming the accepted codes."""
    if is_language(value):
        return value
    raise CivicdeskError(
        "E201",
        f"unknown language {str(value)[:20]!r}; use one of {', '.join(LANGUAGES)}",
        field="lang",
    )


def reply_language(language: str) -> ReplyLanguage:
    """The script to answer in: English stays English, Cantonese and Traditional get Traditional."""
    return _REPLY[check_language(language)]
