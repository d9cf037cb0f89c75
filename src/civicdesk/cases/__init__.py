"""Cases: intake, triage, department queues, lifecycle, duplicates and hotspots, SLA clocks and Open311.

The officer console and the APIs call these functions; none of them imports the web framework.
"""

from civicdesk.cases.calendar import add_working_days, add_working_time, is_working_day, pledge_due
from civicdesk.cases.contact import CipherLike, reveal_contact
from civicdesk.cases.corrections import corrections_as_training_rows, list_corrections
from civicdesk.cases.dashboard import Accuracy, Dashboard, Hotspot, dashboard, hotspots, overdue_cases
from civicdesk.cases.desk import CaseDesk, Submission
from civicdesk.cases.districts import DISTRICTS, District, district_name, parse_district
from civicdesk.cases.errors import CaseError
from civicdesk.cases.lifecycle import TRANSITIONS, allowed_actions, load_case, reply_and_close, reroute, transition
from civicdesk.cases.model import (
    OPEN_STATES,
    PRIORITY_NAMES,
    STATES,
    CaseDetail,
    CaseRequest,
    CaseSummary,
    Contact,
    Event,
    IntakeResult,
    LinkedCase,
    Location,
)
from civicdesk.cases.policy import Policy
from civicdesk.cases.queries import find_for_citizen, get_case, list_coordination, list_queue
from civicdesk.cases.references import new_reference, parse_reference
from civicdesk.cases.similarity import similarity
from civicdesk.cases.split import split_issues
from civicdesk.cases.tracking import public_view
from civicdesk.cases.triage import Assessment, Decision, Triage

__all__ = [
    "DISTRICTS",
    "OPEN_STATES",
    "PRIORITY_NAMES",
    "STATES",
    "TRANSITIONS",
    "Accuracy",
    "Assessment",
    "CaseDesk",
    "CaseDetail",
    "CaseError",
    "CaseRequest",
    "CaseSummary",
    "CipherLike",
    "Contact",
    "Dashboard",
    "Decision",
    "District",
    "Event",
    "Hotspot",
    "IntakeResult",
    "LinkedCase",
    "Location",
    "Policy",
    "Submission",
    "Triage",
    "add_working_days",
    "add_working_time",
    "allowed_actions",
    "corrections_as_training_rows",
    "dashboard",
    "district_name",
    "find_for_citizen",
    "get_case",
    "hotspots",
    "is_working_day",
    "list_coordination",
    "list_corrections",
    "list_queue",
    "load_case",
    "new_reference",
    "overdue_cases",
    "parse_district",
    "parse_reference",
    "pledge_due",
    "public_view",
    "reply_and_close",
    "reroute",
    "reveal_contact",
    "similarity",
    "split_issues",
    "transition",
]
