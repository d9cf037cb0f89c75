"""UI languages: gettext catalogues (Babel .po files, compiled in memory at start) and negotiation."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path
from typing import Final

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

UI_LANGUAGES: Final = ("en", "zh-Hant", "zh-Hans")
LANGUAGE_LABELS: Final = {"en": "English", "zh-Hant": "繁體中文", "zh-Hans": "简体中文"}
LOCALES_DIR = Path(__file__).parent / "locales"
# Directory names under locales/ for each UI language (gettext needs identifiers without "-").
_LOCALE_DIRS: Final = {"zh-Hant": "zh_Hant", "zh-Hans": "zh_Hans"}


@cache
def translations(language: str) -> NullTranslations:
    """The gettext translations of one UI language; English is the source language."""
    directory = _LOCALE_DIRS.get(language)
    if directory is None:
        return NullTranslations()
    po_path = LOCALES_DIR / directory / "LC_MESSAGES" / "messages.po"
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=directory)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer)


def negotiate(query: str | None, cookie: str | None, accept_language: str | None, default: str) -> str:
    """Pick the UI language: explicit choice, then the remembered one, then the browser's."""
    for candidate in (query, cookie):
        if candidate in UI_LANGUAGES:
            return candidate
    for part in (accept_language or "").split(","):
        tag = part.split(";")[0].strip().lower()
        if tag.startswith("en"):
            return "en"
        if tag in ("zh-hans", "zh-cn", "zh-sg") or tag.startswith("zh-hans"):
            return "zh-Hans"
        if tag.startswith("zh"):
            return "zh-Hant"
    return default
