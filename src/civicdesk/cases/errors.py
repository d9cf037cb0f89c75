"""Case errors: stable E6xx codes, each with a message that says what to do.

E6xx is the cases block (E2xx understanding, E3xx assistant, E4xx privacy). The web layer maps `kind` to the
HTTP status; Open311 wraps the same code and message in the standard's error list.
"""

from __future__ import annotations

from civicdesk.errors import CivicdeskError, ErrorKind


class CaseError(CivicdeskError):
    """Base class of case errors."""

    def __init__(self, code: str, message: str, kind: ErrorKind = "invalid", field: str | None = None) -> None:
        super().__init__(code, message, kind=kind, field=field)


def empty_text() -> CaseError:
    return CaseError("E601", "the description is empty: say what the problem is and where", field="text")


def text_too_long(length: int, limit: int) -> CaseError:
    return CaseError("E602", f"the description has {length} characters; the limit is {limit}", "too_large", "text")


def unknown_district(value: str) -> CaseError:
    return CaseError(
        "E603",
        f"'{value[:40]}' is not one of Hong Kong's 18 districts: use an id such as 'wan-chai' or a name "
        "such as 'Wan Chai' / '灣仔區' (GET /open311/v2/services/{code}.json lists them)",
        field="district",
    )


def invalid_contact(field: str, why: str) -> CaseError:
    return CaseError("E604", f"the contact {field} is not valid: {why}", field=f"contact.{field}")


def invalid_location(why: str) -> CaseError:
    return CaseError("E605", f"the location is not valid: {why}", field="location")


def blocked() -> CaseError:
    return CaseError(
        "E606",
        "this report cannot be accepted as written; describe the problem you want a department to handle, or call 1823",
        field="text",
    )


def idempotency_mismatch() -> CaseError:
    return CaseError(
        "E607",
        "this Idempotency-Key was already used for a different request: use a new key for a new report",
        "conflict",
        "Idempotency-Key",
    )


def idempotency_in_flight() -> CaseError:
    return CaseError(
        "E608",
        "a request with this Idempotency-Key is being processed: retry in a moment with the same key",
        "conflict",
        "Idempotency-Key",
    )


def invalid_idempotency_key() -> CaseError:
    return CaseError("E609", "the Idempotency-Key must be 1 to 200 printable ASCII characters", field="Idempotency-Key")


def case_not_found() -> CaseError:
    return CaseError(
        "E610",
        "no case matches this reference and token: check both as written on your receipt (e.g. CD-7K4Q9-MXTR5)",
        "not_found",
    )


def version_conflict(reference: str, expected: int, current: int) -> CaseError:
    return CaseError(
        "E611",
        f"case {reference} was changed by someone else (you saw version {expected}, it is now {current}): "
        "reload the case, check the change and try again",
        "conflict",
        "expected_version",
    )


def transition_not_allowed(reference: str, action: str, status: str, allowed: list[str]) -> CaseError:
    hint = ", ".join(allowed) if allowed else "none: the case is finished"
    return CaseError(
        "E612",
        f"cannot {action.replace('_', ' ')} case {reference} while it is {status.replace('_', ' ')}; "
        f"allowed actions: {hint}",
        "conflict",
        "action",
    )


def unknown_service(value: str) -> CaseError:
    return CaseError(
        "E613",
        f"'{value[:80]}' is not a service or department in the catalogue: pick one from the catalogue",
        field="service",
    )


def message_required(what: str) -> CaseError:
    return CaseError("E614", f"{what} is required: write it in words the citizen will understand", field=what)


def unknown_case(reference: str) -> CaseError:
    return CaseError("E615", f"there is no case {reference[:40]}", "not_found")


def encryption_unavailable() -> CaseError:
    return CaseError(
        "E616",
        "contact details cannot be stored because no encryption key is configured: "
        "set the privacy encryption key (see docs/settings.md) or submit without contact details",
        "unavailable",
        "contact",
    )
