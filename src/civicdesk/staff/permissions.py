"""Who may do what. Every staff route asks one of these; none of them touches the database."""

from __future__ import annotations

from civicdesk.staff.errors import NotAllowed
from civicdesk.staff.model import Role, StaffUser


def works_cases(user: StaffUser) -> bool:
    return user.active and user.role in (Role.OFFICER, Role.COORDINATOR)


def can_view_department(user: StaffUser, department: str) -> bool:
    """The department's queue and its cases: its own officers, and coordinators."""
    if not user.active:
        return False
    return user.role is Role.COORDINATOR or (user.role is Role.OFFICER and department in user.departments)


def can_view_case(user: StaffUser, department: str | None) -> bool:
    """A case owned by `department` (None: not yet owned, so only coordinators)."""
    if department is None:
        return user.active and user.role is Role.COORDINATOR
    return can_view_department(user, department)


def can_update_case(user: StaffUser, department: str | None) -> bool:
    """Transition, re-route, reply: whoever may view the case."""
    return can_view_case(user, department)


def can_view_contact(user: StaffUser, department: str | None) -> bool:
    """The citizen's decrypted contact: the owning department's officers and coordinators; each view is logged."""
    return can_view_case(user, department)


def can_view_coordination(user: StaffUser) -> bool:
    return user.active and user.role is Role.COORDINATOR


def can_view_dashboard(user: StaffUser) -> bool:
    """Aggregates only (no personal data): anyone who works cases."""
    return works_cases(user)


def can_view_contact_log(user: StaffUser) -> bool:
    return user.active and user.role in (Role.COORDINATOR, Role.ADMIN)


def can_manage_users(user: StaffUser) -> bool:
    return user.active and user.role is Role.ADMIN


def require(allowed: bool, what: str) -> None:
    """Raise E568 (403) unless `allowed`; `what` completes "your role does not allow you to ..."."""
    if not allowed:
        raise NotAllowed(what)
