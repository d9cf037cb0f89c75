"""The officer console's domain glue over `civicdesk.cases` and `civicdesk.staff` (no web framework here)."""

from civicdesk.console.actions import act, reply_close, reroute_case
from civicdesk.console.contact import show_contact
from civicdesk.console.figures import dashboard_figures
from civicdesk.console.queues import PER_PAGE, QueuePage, coordination_queue, department_queue

__all__ = [
    "PER_PAGE",
    "QueuePage",
    "act",
    "coordination_queue",
    "dashboard_figures",
    "department_queue",
    "reply_close",
    "reroute_case",
    "show_contact",
]
