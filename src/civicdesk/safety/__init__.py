"""Safety: emergencies get "call 999 now"; attempts to subvert the assistant or get harmful content are blocked."""

from civicdesk.safety.assess import RULES_VERSION, assess, warm_up
from civicdesk.safety.blocked_rules import BLOCKED_CATEGORIES
from civicdesk.safety.emergency_rules import EMERGENCY_CATEGORIES
from civicdesk.safety.replies import EMERGENCY_NUMBER
from civicdesk.safety.rules import view
from civicdesk.safety.verdict import Hotline, SafetyMatch, SafetyStatus, SafetyVerdict

__all__ = [
    "BLOCKED_CATEGORIES",
    "EMERGENCY_CATEGORIES",
    "EMERGENCY_NUMBER",
    "RULES_VERSION",
    "Hotline",
    "SafetyMatch",
    "SafetyStatus",
    "SafetyVerdict",
    "assess",
    "view",
    "warm_up",
]
