"""Who may do what, table-driven over the three roles."""

from __future__ import annotations

import pytest

from civicdesk.errors import CivicdeskError
from civicdesk.staff import (
    Role,
    StaffUser,
    can_manage_users,
    can_update_case,
    can_view_case,
    can_view_contact,
    can_view_contact_log,
    can_view_coordination,
    can_view_dashboard,
    can_view_department,
    require,
)

OFFICER = StaffUser(1, "ofc", "Officer", Role.OFFICER, frozenset({"FEHD", "HyD"}), True)
COORDINATOR = StaffUser(2, "coord", "Coordinator", Role.COORDINATOR, frozenset(), True)
ADMIN = StaffUser(3, "admin", "Admin", Role.ADMIN, frozenset(), True)
RETIRED = StaffUser(4, "old", "Retired officer", Role.OFFICER, frozenset({"FEHD"}), False)


@pytest.mark.parametrize(
    ("user", "department", "expected"),
    [
        (OFFICER, "FEHD", True),
        (OFFICER, "HyD", True),
        (OFFICER, "TD", False),
        (OFFICER, None, False),
        (COORDINATOR, "TD", True),
        (COORDINATOR, None, True),
        (ADMIN, "FEHD", False),
        (ADMIN, None, False),
        (RETIRED, "FEHD", False),
    ],
)
def test_case_access_follows_the_owning_department(user: StaffUser, department: str | None, expected: bool) -> None:
    assert can_view_case(user, department) is expected
    assert can_update_case(user, department) is expected
    assert can_view_contact(user, department) is expected
    if department is not None:
        assert can_view_department(user, department) is expected


@pytest.mark.parametrize(
    ("user", "coordination", "dashboard", "manage", "contact_log"),
    [
        (OFFICER, False, True, False, False),
        (COORDINATOR, True, True, False, True),
        (ADMIN, False, False, True, True),
        (RETIRED, False, False, False, False),
    ],
)
def test_role_wide_permissions(
    user: StaffUser, coordination: bool, dashboard: bool, manage: bool, contact_log: bool
) -> None:
    assert can_view_coordination(user) is coordination
    assert can_view_dashboard(user) is dashboard
    assert can_manage_users(user) is manage
    assert can_view_contact_log(user) is contact_log


def test_require_raises_a_forbidden_error_with_a_code() -> None:
    require(True, "see this")
    with pytest.raises(CivicdeskError) as raised:
        require(False, "manage staff accounts")
    assert raised.value.code == "E568" and raised.value.kind == "forbidden"
    assert "manage staff accounts" in raised.value.message
