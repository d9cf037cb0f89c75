"""Rule type and the text view every safety rule reads.

A rule is a precompiled regex over the *view* of a message: normalised, case-folded, common
leetspeak undone inside words (ign0re -> ignore), spaced-out letters joined (s y s t e m -> system),
Chinese converted to Traditional with Hong Kong forms (晒, 郁 and 搵 kept as Cantonese writes them) and
spaces between Han characters removed.
So one Traditional pattern covers Traditional, Cantonese and Simplified input, and an English
pattern also fires inside code-mixed Cantonese ("有人collapse咗").
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from typing import Any, Literal

from civicdesk.language import normalise, to_traditional

_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a", "$": "s"})
_LEET_RE = re.compile(r"(?<=[a-z])[0134578@$]+(?=[a-z])")
_SPACED_RE = re.compile(r"\b[a-z](?: [a-z]\b){2,}")
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_HAN_RE = re.compile(f"[{_HAN}]")
_HAN_GAP_RE = re.compile(f"(?<=[{_HAN}]) (?=[{_HAN}])")
# OpenCC s2hk rewrites some characters written Cantonese uses (唔該晒, 唔郁, 搵); the rules use these forms.
_CANTONESE_BACK = str.maketrans({"曬": "晒", "鬱": "郁", "揾": "搵"})


Script = Literal["latin", "han", "any"]


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """A rule as written: data, compiled once by `compile_rules` (at `warm_up()` or first use)."""

    id: str
    category: str
    pattern: str
    unless: str | None = None
    unless_nearby: str | None = None


# A clause ends at sentence punctuation, a comma or a line break: "上個禮拜有個師傅暈低咗，而家又暈低咗" has two.
_CLAUSE_BOUNDARY = re.compile(r"[。！？!?；;，,、\n]|\.(?:\s|$)")
# Put on both sides of the match in the clause handed to `unless_nearby`, so a pattern can say "just before the
# match" or "just after it".
MATCH_MARK = "◆"


@dataclass(frozen=True, slots=True)
class Rule:
    """A compiled rule. `unless`, searched in the whole view, vetoes it (e.g. 'insurance' for a past accident).
    `unless_nearby` vetoes one match only: it is searched in the match's own clause, with `MATCH_MARK` on both
    sides of the match ("上個月有個阿伯◆俾車撞◆到": a reported accident; "差啲◆跌落海◆": a near miss). Another
    match of the same rule in another clause still fires.

    `script` says which text the rule can match: rules named `*.en*` need Latin letters, `*.zh*` need Han
    characters, others run on everything; assess skips rules whose script the message does not contain.
    """

    id: str
    category: str
    pattern: re.Pattern[str]
    unless: re.Pattern[str] | None = None
    script: Script = "any"
    unless_nearby: re.Pattern[str] | None = None

    def find(self, view: str, masked: str) -> str | None:
        """The matched text, or None. Emergency rules read the masked view, blocked rules the view."""
        matches = self.pattern.finditer(masked)
        match = next(matches, None)
        if match is None or (self.unless is not None and self.unless.search(view)):
            return None
        if self.unless_nearby is None:
            return match.group()
        for found in (match, *matches):
            if not self.unless_nearby.search(_clause_with_mark(masked, found)):
                return found.group()
        return None


def _clause_with_mark(text: str, match: re.Match[str]) -> str:
    """The clause around `match`, with `MATCH_MARK` on both sides of the match."""
    start = 0
    for boundary in _CLAUSE_BOUNDARY.finditer(text, 0, match.start()):
        start = boundary.end()
    after = _CLAUSE_BOUNDARY.search(text, match.end())
    end = after.start() if after else len(text)
    return f"{text[start : match.start()]}{MATCH_MARK}{match.group()}{MATCH_MARK}{text[match.end() : end]}"


_MAX_FIRST_CHARS = 400
# The standard library's regex parser, to find which characters a pattern can start with (no public API).
sre_parser: Any = importlib.import_module("re._parser")
sre_constants: Any = importlib.import_module("re._constants")


def _first_chars(items: Any) -> tuple[set[str] | None, bool]:
    """The characters a parsed pattern can start with (None: any) and whether it can match empty."""
    found: set[str] = set()
    for op, av in items:
        if op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            continue  # zero-width
        if op is sre_constants.LITERAL:
            chars, nullable = {chr(av)}, False
        elif op is sre_constants.IN:
            chars, nullable = set(), False
            for kind, value in av:
                if kind is sre_constants.LITERAL:
                    chars.add(chr(value))
                elif kind is sre_constants.RANGE and value[1] - value[0] < _MAX_FIRST_CHARS:
                    chars.update(chr(c) for c in range(value[0], value[1] + 1))
                else:
                    return None, False
        elif op is sre_constants.BRANCH:
            chars, nullable = set(), False
            for alternative in av[1]:
                alt_chars, alt_nullable = _first_chars(alternative)
                if alt_chars is None:
                    return None, False
                chars |= alt_chars
                nullable = nullable or alt_nullable
        elif op is sre_constants.SUBPATTERN:
            sub_chars, nullable = _first_chars(av[-1])
            if sub_chars is None:
                return None, False
            chars = sub_chars
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            sub_chars, sub_nullable = _first_chars(av[2])
            if sub_chars is None:
                return None, False
            chars, nullable = sub_chars, av[0] == 0 or sub_nullable
        else:
            return None, False
        found |= chars
        if not nullable:
            return found, False
    return found, True


def _with_first_char_check(pattern: str) -> str:
    """Prefix `(?=[abc...])` when the pattern can only start with a few characters.

    Python's regex engine then rejects most positions with one set test instead of trying every
    alternative: three to ten times faster on long messages, same matches.
    """
    try:
        chars, nullable = _first_chars(sre_parser.parse(pattern))
    except Exception:  # pragma: no cover - internal parser API changed: no prefilter, same result
        return pattern
    if chars is None or nullable or len(chars) > _MAX_FIRST_CHARS:
        return pattern
    return "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])(?:" + pattern + ")"


def _script_of(rule_id: str) -> Script:
    parts = rule_id.split(".")
    if "en" in parts:
        return "latin"
    if "zh" in parts:
        return "han"
    return "any"


def rule(id: str, category: str, pattern: str, unless: str | None = None, unless_nearby: str | None = None) -> RuleSpec:
    return RuleSpec(id, category, pattern, unless, unless_nearby)


def compile_rules(specs: tuple[RuleSpec, ...]) -> tuple[Rule, ...]:
    return tuple(
        Rule(
            spec.id,
            spec.category,
            re.compile(_with_first_char_check(spec.pattern)),
            re.compile(spec.unless) if spec.unless else None,
            _script_of(spec.id),
            re.compile(spec.unless_nearby) if spec.unless_nearby else None,
        )
        for spec in specs
    )


Mask = tuple[Script, re.Pattern[str]]


def compile_masks(patterns: tuple[str, ...]) -> tuple[Mask, ...]:
    """Masks with Han characters in them are Chinese ("han"), the others English ("latin")."""
    return tuple(("han" if _HAN_RE.search(p) else "latin", re.compile(_with_first_char_check(p))) for p in patterns)


_LATIN_RE = re.compile("[a-z]")


def scripts(text: str) -> frozenset[Script]:
    """Which rule scripts can match a view: always "any", plus "latin" and/or "han"."""
    found: set[Script] = {"any"}
    if _LATIN_RE.search(text):
        found.add("latin")
    if _HAN_RE.search(text):
        found.add("han")
    return frozenset(found)


def view(text: str) -> str:
    """The form of `text` that safety rules match (see the module docstring)."""
    folded = normalise(text).casefold()
    folded = _LEET_RE.sub(lambda m: m.group().translate(_LEET), folded)
    folded = _SPACED_RE.sub(lambda m: m.group().replace(" ", ""), folded)
    if _HAN_RE.search(folded):
        folded = _HAN_GAP_RE.sub("", to_traditional(folded)).translate(_CANTONESE_BACK)
    return folded


def mask(text: str, masks: tuple[Mask, ...], present: frozenset[Script]) -> str:
    """Blank out phrases that look alarming but are ordinary requests ('fire hazard', '防止自殺')."""
    for script, pattern in masks:
        if script in present:
            text = pattern.sub(" ▪ ", text)
    return text
