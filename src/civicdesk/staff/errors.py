"""Staff errors, codes E560–E579: each says what went wrong and what to do."""

from __future__ import annotations

from civicdesk.errors import CivicdeskError


class StaffError(CivicdeskError):
    """Any error of the staff domain."""


class InvalidCredentials(StaffError):
    def __init__(self) -> None:
        # One message for an unknown user, a wrong password and a deactivated account: no account enumeration.
        super().__init__("E565", "the username or password is not correct; check both and try again", "unauthorised")


class LoginThrottled(StaffError):
    """Too many failed sign-ins for this username or from this address; `retry_after` is in seconds."""

    def __init__(self, retry_after: int, scope: str) -> None:
        super().__init__(
            "E566",
            f"too many failed sign-in attempts; wait {retry_after} seconds before trying again",
            "forbidden",
        )
        self.retry_after = retry_after
        self.scope = scope


class NotSignedIn(StaffError):
    def __init__(self) -> None:
        super().__init__("E567", "sign in to the officer console first (/staff/login)", "unauthorised")


class NotAllowed(StaffError):
    def __init__(self, what: str) -> None:
        super().__init__("E568", f"your role does not allow you to {what}; ask an administrator", "forbidden")


class CsrfRejected(StaffError):
    def __init__(self) -> None:
        super().__init__(
            "E569",
            "the form's security token is missing or out of date; reload the page and submit it again",
            "forbidden",
        )
