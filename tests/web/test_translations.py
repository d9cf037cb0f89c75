"""Every UI string marked for translation has a finished zh-Hant and zh-Hans translation.

The messages are extracted afresh from the templates and Python sources with the method map of babel.cfg, so a
string added to a template without updating the catalogues fails here (see docs/architecture.md, "Translating the
interface", for the two pybabel commands that bring the catalogues up to date).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "src" / "civicdesk" / "web" / "locales"
CATALOGUES = ("zh_Hant", "zh_Hans")
# Python-style placeholders: %(name)s, %(num)d, %s, and the escaped percent sign %%.
PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[#0 +-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[diouxXeEfFgGcrsa%]")

MsgKey = tuple[str | tuple[str, ...], str | None]


class _AnyValue(dict[str, object]):
    """A mapping that answers every placeholder name with a number, to try a string as a format string."""

    def __missing__(self, key: str) -> object:
        return 1


@cache
def extracted() -> dict[MsgKey, list[str]]:
    """Messages marked in the sources, as `pybabel extract -F babel.cfg -k N_` finds them, with their locations."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle, "babel.cfg")  # type: ignore[no-untyped-call]
    messages: dict[MsgKey, list[str]] = {}
    for filename, lineno, message, _comments, context in extract_from_dir(
        ROOT, method_map, options_map, keywords=DEFAULT_KEYWORDS
    ):
        msgid = message if isinstance(message, str) else tuple(message)
        if not msgid or (isinstance(msgid, tuple) and not msgid[0]):
            continue
        messages.setdefault((msgid, context), []).append(f"{filename}:{lineno}")
    return messages


@cache
def catalogue(locale: str) -> Catalog:
    with (LOCALES / locale / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=locale)


def _ids(msgid: str | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return (msgid,) if isinstance(msgid, str) else tuple(msgid)


def _strings(message: Message) -> tuple[str, ...]:
    return (message.string,) if isinstance(message.string, str) else tuple(message.string or ())


def _placeholders(text: str) -> Counter[str]:
    return Counter(PLACEHOLDER.findall(text))


def test_extraction_finds_the_interface() -> None:
    messages = extracted()
    files = {location.split(":")[0] for locations in messages.values() for location in locations}
    assert any("templates/staff/" in name for name in files), "no strings found in the staff templates"
    assert any(name.endswith(".py") for name in files), "no strings found in the Python sources"
    assert len(messages) > 100


@pytest.mark.parametrize("locale", CATALOGUES)
def test_every_message_is_translated(locale: str) -> None:
    catalog = catalogue(locale)
    problems = []
    for (msgid, context), locations in sorted(extracted().items(), key=lambda item: item[1][0]):
        message = catalog.get(msgid, context)
        where = f"{_ids(msgid)[0]!r} ({locations[0]})"
        if message is None:
            problems.append(f"missing from the catalogue: {where}")
        elif message.fuzzy:
            problems.append(f"fuzzy: {where}")
        elif not all(s.strip() for s in _strings(message)):
            problems.append(f"empty translation: {where}")
    assert not problems, f"{locale}: {len(problems)} problem(s), run the pybabel commands and translate:\n" + "\n".join(
        problems
    )


@pytest.mark.parametrize("locale", CATALOGUES)
def test_placeholders_are_preserved(locale: str) -> None:
    catalog = catalogue(locale)
    problems = []
    for message in catalog:
        if not message.id:
            continue
        ids = _ids(message.id)
        # Chinese has one plural form: it has to carry the placeholders of the plural msgid.
        expected = _placeholders(ids[-1])
        for translation in _strings(message):
            if not translation:
                continue
            if _placeholders(translation) != expected:
                problems.append(
                    f"{ids[0]!r}: {translation!r} has {dict(_placeholders(translation))}, expected {dict(expected)}"
                )
                continue
            # Jinja's newstyle gettext always %-formats the translation, so it must format cleanly.
            try:
                translation % _AnyValue()
            except (TypeError, ValueError, KeyError) as error:
                problems.append(f"{ids[0]!r}: {translation!r} does not format: {error}")
    assert not problems, f"{locale}:\n" + "\n".join(problems)


@pytest.mark.parametrize("locale", CATALOGUES)
def test_catalogue_is_clean(locale: str) -> None:
    catalog = catalogue(locale)
    assert not catalog.fuzzy, f"{locale}: the catalogue header is marked fuzzy"
    assert not catalog.obsolete, f"{locale}: obsolete entries: {sorted(map(str, catalog.obsolete))}"
