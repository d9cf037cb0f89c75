"""Staff: accounts and roles, permissions, sign-in (argon2, rate limit), sessions and CSRF, the contact-view log.

No web framework here: `civicdesk.web.staff` is the thin layer over these functions.
"""

from civicdesk.staff.accounts import (
    authenticate,
    create_user,
    get_user,
    get_user_by_username,
    list_users,
    normalise_username,
    officers_of,
    set_password,
    update_user,
)
from civicdesk.staff.audit import ContactView, contact_views, log_contact_view
from civicdesk.staff.errors import CsrfRejected, InvalidCredentials, LoginThrottled, NotAllowed, NotSignedIn, StaffError
from civicdesk.staff.model import Role, StaffUser
from civicdesk.staff.passwords import MIN_PASSWORD_LENGTH, hash_password, verify_password
from civicdesk.staff.permissions import (
    can_manage_users,
    can_update_case,
    can_view_case,
    can_view_contact,
    can_view_contact_log,
    can_view_coordination,
    can_view_dashboard,
    can_view_department,
    require,
    works_cases,
)
from civicdesk.staff.ratelimit import RateLimitPolicy, check_login_allowed, record_attempt
from civicdesk.staff.sessions import (
    SessionPolicy,
    SignedIn,
    end_all_sessions,
    end_session,
    resolve_session,
    start_session,
)
from civicdesk.staff.signin import sign_in
from civicdesk.staff.tokens import csrf_valid, login_csrf_token, login_csrf_valid, new_token

__all__ = [
    "MIN_PASSWORD_LENGTH",
    "ContactView",
    "CsrfRejected",
    "InvalidCredentials",
    "LoginThrottled",
    "NotAllowed",
    "NotSignedIn",
    "RateLimitPolicy",
    "Role",
    "SessionPolicy",
    "SignedIn",
    "StaffError",
    "StaffUser",
    "authenticate",
    "can_manage_users",
    "can_update_case",
    "can_view_case",
    "can_view_contact",
    "can_view_contact_log",
    "can_view_coordination",
    "can_view_dashboard",
    "can_view_department",
    "check_login_allowed",
    "contact_views",
    "create_user",
    "csrf_valid",
    "end_all_sessions",
    "end_session",
    "get_user",
    "get_user_by_username",
    "hash_password",
    "list_users",
    "log_contact_view",
    "login_csrf_token",
    "login_csrf_valid",
    "new_token",
    "normalise_username",
    "officers_of",
    "record_attempt",
    "require",
    "resolve_session",
    "set_password",
    "sign_in",
    "start_session",
    "update_user",
    "verify_password",
    "works_cases",
]
