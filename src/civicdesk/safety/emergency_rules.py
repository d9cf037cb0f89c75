"""Emergency rules: situations where the only right answer is "call 999 now".

Recall comes first: a rule fires on the alarming word itself (fire, 暈倒, 自殺) and the masks in
emergency_masks.py remove the ordinary phrases that contain it ("fire hazard", "火警鐘", "防止自殺",
"熱到想死"). A mask only hides its own phrase, so "fire hazard ... and now there is a fire" still fires.
Patterns are written for the view (rules.view): lower case, Traditional Chinese with Hong Kong forms.
"""

from __future__ import annotations

from dataclasses import replace

from civicdesk.safety.harm_rules import HARM_RULES
from civicdesk.safety.hazard_rules import HAZARD_RULES
from civicdesk.safety.rule_parts import REPORTED, REPORTED_SINCE_YESTERDAY
from civicdesk.safety.rules import RuleSpec

# Categories, most urgent first: the first one found decides the advice in the reply.
EMERGENCY_CATEGORIES = (
    "gas_leak",
    "fire",
    "drowning",
    "trapped",
    "medical",
    "injury",
    "violence",
    "crime",
    "self_harm",
)

# Accidents and hazards the writer reports as over, near misses and fears are service questions (rule_parts.REPORTED);
# a fire, an entrapment or a drowning from yesterday is over too. Gas, violence, crime and self-harm are never
# excused this way: a gas smell that "is always there" may be strong today, and a past suicide attempt still gets
# the hotlines.
REPORTED_BY_CATEGORY = {
    "fire": REPORTED_SINCE_YESTERDAY,
    "trapped": REPORTED_SINCE_YESTERDAY,
    "drowning": REPORTED_SINCE_YESTERDAY,
    "medical": REPORTED,
    "injury": REPORTED,
}

EMERGENCY_RULES: tuple[RuleSpec, ...] = tuple(
    replace(spec, unless_nearby=REPORTED_BY_CATEGORY[spec.category]) if spec.category in REPORTED_BY_CATEGORY else spec
    for spec in HAZARD_RULES + HARM_RULES
)
