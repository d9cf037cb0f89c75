"""`assess`: the safety check every message passes before anything else is done with it."""

from __future__ import annotations

from functools import cache

from civicdesk.language import check_language, reply_language
from civicdesk.language import warm_up as warm_up_language
from civicdesk.safety.blocked_rules import BLOCKED_CATEGORIES, BLOCKED_RULES
from civicdesk.safety.emergency_masks import EMERGENCY_MASKS
from civicdesk.safety.emergency_rules import EMERGENCY_CATEGORIES, EMERGENCY_RULES
from civicdesk.safety.replies import EMERGENCY_NUMBER, blocked_reply, emergency_reply, hotlines
from civicdesk.safety.rules import Mask, Rule, Script, compile_masks, compile_rules, mask, scripts, view
from civicdesk.safety.verdict import SafetyMatch, SafetyVerdict

RULES_VERSION = "safety-rules-1.9"  # minor: the writing round of tests/safety/data last changed for
MAX_EVIDENCE_CHARS = 40


@cache
def _compiled() -> tuple[tuple[Rule, ...], tuple[Mask, ...], tuple[Rule, ...]]:
    return compile_rules(EMERGENCY_RULES), compile_masks(EMERGENCY_MASKS), compile_rules(BLOCKED_RULES)


def warm_up() -> None:
    """Compile the rules (about 50 ms) and load the language tables, so the first message is not slow."""
    warm_up_language()
    _compiled()


def _matches(rules: tuple[Rule, ...], full: str, masked: str, present: frozenset[Script]) -> tuple[SafetyMatch, ...]:
    found = []
    for r in rules:
        if r.script not in present:
            continue
        text = r.find(full, masked)
        if text is not None:
            # Short: the evidence is stored with the case, and a long match could carry personal data.
            found.append(SafetyMatch(r.id, r.category, text.strip()[:MAX_EVIDENCE_CHARS]))
    return tuple(found)


def _ordered(matches: tuple[SafetyMatch, ...], order: tuple[str, ...]) -> tuple[str, ...]:
    present = {m.category for m in matches}
    return tuple(c for c in order if c in present)


def assess(text: str, language: str) -> SafetyVerdict | None:
    """Check a message for an emergency or a blocked request; None means it is safe to continue.

    `language` is the detected form (`en`, `zh-Hant`, `yue`, `zh-Hans`); the reply is written in its
    script (Cantonese and Traditional get Traditional). Emergencies win over blocked requests: "how
    do I kill myself" gets the hotlines, not a refusal. Raises E201 for an unknown language.
    """
    lang = check_language(language)
    out = reply_language(lang)
    full = view(text)
    if not full:
        return None

    emergency_rules, emergency_masks, blocked_rules = _compiled()
    present = scripts(full)
    matches = _matches(emergency_rules, full, mask(full, emergency_masks, present), present)
    if matches:
        categories = _ordered(matches, EMERGENCY_CATEGORIES)
        self_harm = "self_harm" in categories
        return SafetyVerdict(
            status="emergency",
            category=categories[0],
            categories=categories,
            matches=matches,
            language=lang,
            reply_language=out,
            reply=emergency_reply(out, categories[0], self_harm),
            call=EMERGENCY_NUMBER,
            hotlines=hotlines(out) if self_harm else (),
            version=RULES_VERSION,
        )

    matches = _matches(blocked_rules, full, full, present)
    if matches:
        categories = _ordered(matches, BLOCKED_CATEGORIES)
        return SafetyVerdict(
            status="blocked",
            category=categories[0],
            categories=categories,
            matches=matches,
            language=lang,
            reply_language=out,
            reply=blocked_reply(out),
            call=None,
            hotlines=(),
            version=RULES_VERSION,
        )
    return None
