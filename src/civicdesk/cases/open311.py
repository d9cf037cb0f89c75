"""Open311 GeoReport v2 mapped onto cases (the web layer only parses HTTP and serialises).

- service_code is the catalogue's service id; every service has metadata: one optional `district` attribute;
- POST requests: form fields → a `CaseRequest` (channel `open311`); `description` without `service_code` is the
  free-text extension: the platform triages it. `service_code` without a description files the service's name;
- GET requests: the public projection (status, service, agency, dates). The redacted description and the location
  are added only for a caller with a valid api_key (decision record 0404);
- errors are the standard's list `[{"code": <HTTP status>, "description": "E6xx: ..."}]`.
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk.cases.calendar import as_utc
from civicdesk.cases.districts import DISTRICTS, find_district
from civicdesk.cases.errors import CaseError
from civicdesk.cases.model import CaseRequest, Contact, Location
from civicdesk.cases.references import parse_reference
from civicdesk.catalogue import Catalogue, pick
from civicdesk.store.tables import CaseRow

DEFAULT_DAYS = 90
MAX_RESULTS = 1000
STATUS_BY_KIND = {
    "invalid": 400,
    "too_large": 400,
    "not_found": 404,
    "conflict": 409,
    "forbidden": 403,
    "unauthorised": 403,
    "unavailable": 503,
}


def error_list(error: CaseError | Any) -> tuple[int, list[dict[str, Any]]]:
    status = STATUS_BY_KIND.get(getattr(error, "kind", "invalid"), 400)
    return status, [{"code": status, "description": f"{error.code}: {error.message}"}]


def bad_api_key() -> CaseError:
    return CaseError("E621", "the api_key is missing or not valid: ask the operator for a key", "forbidden", "api_key")


def unknown_service_code(code: str) -> CaseError:
    return CaseError("E622", f"service_code '{code[:80]}' is not in services.json", "not_found", "service_code")


def nothing_to_file() -> CaseError:
    return CaseError("E623", "give a description (it will be triaged) or a service_code", field="description")


def bad_filter(name: str) -> CaseError:
    return CaseError("E624", f"{name} must be a W3C date-time such as 2026-01-31T09:00:00+08:00", field=name)


def key_is_valid(api_key: str | None, configured: str) -> bool:
    keys = [k.strip() for k in configured.split(",") if k.strip()]
    return bool(api_key) and any(hmac.compare_digest(api_key.encode(), k.encode()) for k in keys)  # type: ignore[union-attr]


def services(catalogue: Catalogue, language: str = "en") -> list[dict[str, Any]]:
    out = []
    for service in sorted(catalogue.services.values(), key=lambda s: s.id):
        department = catalogue.departments[service.department]
        keywords = service.keywords.en if language == "en" else service.keywords.zh_Hant
        out.append(
            {
                "service_code": service.id,
                "service_name": pick(service.name, language),
                "description": pick(service.summary, language),
                "metadata": True,
                "type": "realtime",
                "keywords": ", ".join(keywords),
                "group": pick(department.name, language),
            }
        )
    return out


def service_definition(catalogue: Catalogue, code: str, language: str = "en") -> dict[str, Any]:
    if code not in catalogue.services:
        raise unknown_service_code(code)
    values = [{"key": d.id, "name": d.name(language)} for d in DISTRICTS]
    return {
        "service_code": code,
        "attributes": [
            {
                "variable": True,
                "code": "district",
                "datatype": "singlevaluelist",
                "required": False,
                "datatype_description": "One of Hong Kong's 18 districts",
                "order": 1,
                "description": "District" if language == "en" else "地區",
                "values": values,
            }
        ],
    }


def _float(form: Mapping[str, str], name: str) -> float | None:
    raw = (form.get(name) or "").strip()
    if not raw:
        return None
    try:
        return float(raw)
    except ValueError:
        raise CaseError("E605", f"the location is not valid: {name} must be a number", field=name) from None


def parse_post(form: Mapping[str, str], catalogue: Catalogue) -> CaseRequest:
    code = (form.get("service_code") or "").strip() or None
    description = (form.get("description") or "").strip()
    if code is not None and code not in catalogue.services:
        raise unknown_service_code(code)
    if not description:
        if code is None:
            raise nothing_to_file()
        description = catalogue.services[code].name.en
    address = (form.get("address_string") or "").strip() or None
    district = form.get("attribute[district]") or form.get("district") or (find_district(address) if address else None)
    name = " ".join(p for p in ((form.get("first_name") or "").strip(), (form.get("last_name") or "").strip()) if p)
    return CaseRequest(
        text=description,
        channel="open311",
        district=district,
        location=Location(address=address, latitude=_float(form, "lat"), longitude=_float(form, "long")),
        category=code,
        contact=Contact(name=name or None, phone=form.get("phone") or None, email=form.get("email") or None),
    )


def post_answer(body: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The standard's POST response, with the platform's extras in `extended_attributes`."""
    return [
        {
            "service_request_id": body["reference"],
            "service_notice": body.get("message", ""),
            "account_id": None,
            "extended_attributes": {
                "tracking_token": body["token"],
                "status": body["status"],
                "department": body["department"],
                "service_code": body["service"],
                "priority": body["priority"],
                "duplicate_of": body["duplicate_of"],
                "linked": body["linked"],
            },
        }
    ]


def record(row: CaseRow, catalogue: Catalogue, detailed: bool, language: str = "en") -> dict[str, Any]:
    service = catalogue.services.get(row.service_id or "")
    department = catalogue.departments.get(row.department_code or "")
    finished = not row.is_open
    data: dict[str, Any] = {
        "service_request_id": row.reference,
        "status": "closed" if finished else "open",
        "status_notes": (row.reply or row.reason) if finished else None,
        "service_name": pick(service.name, language) if service else None,
        "service_code": row.service_id,
        "agency_responsible": pick(department.name, language) if department else None,
        "service_notice": None,
        "requested_datetime": as_utc(row.created_at).isoformat(),
        "updated_datetime": as_utc(row.updated_at).isoformat(),
        "expected_datetime": as_utc(row.due_at).isoformat() if row.due_at else None,
        "address_id": None,
        "zipcode": None,
        "media_url": None,
    }
    if detailed:
        data.update(
            {"description": row.issue_text, "address": row.location_text, "lat": row.latitude, "long": row.longitude}
        )
    return data


@dataclass(frozen=True)
class RequestFilter:
    ids: Sequence[str] = ()
    service_codes: Sequence[str] = ()
    statuses: Sequence[str] = ()
    start: datetime | None = None
    end: datetime | None = None


def parse_datetime(value: str | None, name: str) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise bad_filter(name) from None
    return as_utc(parsed)


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def parse_filter(params: Mapping[str, str]) -> RequestFilter:
    statuses = [s.lower() for s in _split(params.get("status"))]
    if any(s not in ("open", "closed") for s in statuses):
        raise CaseError("E624", "status must be open, closed or both (comma-separated)", field="status")
    return RequestFilter(
        ids=_split(params.get("service_request_id")),
        service_codes=_split(params.get("service_code")),
        statuses=statuses,
        start=parse_datetime(params.get("start_date"), "start_date"),
        end=parse_datetime(params.get("end_date"), "end_date"),
    )


def find_requests(session: Session, wanted: RequestFilter, now: datetime) -> list[CaseRow]:
    query = select(CaseRow)
    if wanted.ids:
        references = [r for r in (parse_reference(i) for i in wanted.ids) if r]
        query = query.where(CaseRow.reference.in_(references))
    else:
        end = wanted.end or now
        start = wanted.start or end - timedelta(days=DEFAULT_DAYS)
        query = query.where(CaseRow.created_at >= start, CaseRow.created_at <= end)
    if wanted.service_codes:
        query = query.where(CaseRow.service_id.in_(list(wanted.service_codes)))
    if set(wanted.statuses) == {"open"}:
        query = query.where(CaseRow.is_open)
    elif set(wanted.statuses) == {"closed"}:
        query = query.where(~CaseRow.is_open)
    return list(session.scalars(query.order_by(CaseRow.created_at.desc()).limit(MAX_RESULTS)))


def unknown_request(request_id: str) -> CaseError:
    return CaseError("E627", f"there is no service request {request_id[:40]}", "not_found", "service_request_id")


def key_scope(api_key: str) -> str:
    """A short, non-secret name for an api_key, so each client's Idempotency-Keys are its own."""
    import hashlib

    return hashlib.sha256(api_key.encode("utf-8")).hexdigest()[:16]
