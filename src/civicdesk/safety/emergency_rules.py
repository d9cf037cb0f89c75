"""Emergency rules: situations where the only right answer is "call 999 now".

Recall comes first: a rule fires on the alarming word itself (fire, 暈倒, 自殺) and the masks in
emergency_masks.py remove the ordinary phrases that contain it ("fire hazard", "火警鐘", "防止自殺",
"熱到想死"). A mask only hides its own phrase, so "fire hazard ... and now there is a fire" still fires.
Patterns are written for the view (rules.view): lower case, Traditional Chinese with Hong Kong forms.
"""

from __future__ import annotations

from civicdesk.safety.harm_rules import HARM_RULES
from civicdesk.safety.hazard_rules import HAZARD_RULES
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

EMERGENCY_RULES: tuple[RuleSpec, ...] = HAZARD_RULES + HARM_RULES
