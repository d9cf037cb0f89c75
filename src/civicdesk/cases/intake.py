"""Intake: check a submission, then write its case(s), links and history in the caller's transaction.

Nothing is committed here: the caller's unit of work (`Database.session()`) commits the cases, their events,
links and the idempotency record together, so a process killed mid-request leaves no half-written case.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from civicdesk.cases import errors
from civicdesk.cases.calendar import add_working_time, pledge_due
from civicdesk.cases.contact import CipherLike, check_contact, seal
from civicdesk.cases.districts import parse_district
from civicdesk.cases.duplicates import Match, find_duplicate
from civicdesk.cases.history import record_event
from civicdesk.cases.model import (
    CHANNELS,
    MAX_CHARS,
    PRIORITY_NAMES,
    SUBMITTED,
    TRIAGED,
    CaseRequest,
    IntakeResult,
    Location,
)
from civicdesk.cases.plan import PlannedCase, plan_cases
from civicdesk.cases.policy import Policy
from civicdesk.cases.receipt import receipt
from civicdesk.cases.references import new_reference, new_token, token_digest
from civicdesk.cases.triage import Assessment
from civicdesk.catalogue import Catalogue
from civicdesk.store.tables import CaseLinkRow, CaseRow


def check_request(request: CaseRequest) -> CaseRequest:
    """The request with its fields checked and normalised (district id, trimmed location and contact)."""
    text = request.text.strip() if request.text else ""
    if not text:
        raise errors.empty_text()
    if len(text) > MAX_CHARS:
        raise errors.text_too_long(len(text), MAX_CHARS)
    if request.channel not in CHANNELS:
        raise ValueError(f"unknown channel {request.channel!r}")
    location = request.location
    address = (location.address or "").strip() or None
    if address is not None and len(address) > 300:
        raise errors.invalid_location("the address has more than 300 characters")
    lat, lng = location.latitude, location.longitude
    if (lat is None) != (lng is None):
        raise errors.invalid_location("give both latitude and longitude, or neither")
    if (
        lat is not None
        and lng is not None
        and not (math.isfinite(lat) and math.isfinite(lng) and -90 <= lat <= 90 and -180 <= lng <= 180)
    ):
        raise errors.invalid_location("latitude must be within -90..90 and longitude within -180..180")
    category = (request.category or "").strip()[:80] or None
    return replace(
        request,
        text=text,
        district=parse_district(request.district),
        location=Location(address=address, latitude=lat, longitude=lng),
        category=category,
        contact=check_contact(request.contact),
    )


def _explanation(
    assessment: Assessment, planned: PlannedCase, category: str | None, split: dict[str, Any] | None
) -> dict[str, Any]:
    decision = planned.decision
    data: dict[str, Any] = {
        "language": assessment.detection,
        "privacy": assessment.privacy,
        "routing": decision.explanation,
        "decision": {
            "component": "cases.intake",
            "routed_by": planned.routed_by,
            "routing_status": decision.status,
            "service": planned.service,
            "department": planned.department,
            "confidence": decision.confidence,
            "text": decision.text if split else None,
        },
        "priority": {"level": PRIORITY_NAMES[planned.priority], "reason": planned.priority_reason},
    }
    if assessment.safety is not None:
        data["safety"] = assessment.safety
    if category is not None:
        data["category"] = {"given": category, "used": planned.routed_by == "citizen"}
    if split is not None:
        data["split"] = split
    return data


def _split_summary(assessment: Assessment, planned: list[PlannedCase], policy: Policy) -> dict[str, Any] | None:
    if len(planned) < 2:
        return None
    return {
        "component": "cases.split",
        "min_confidence": policy.split_min_confidence,
        "parts": [
            {
                "text": p.text,
                "status": p.status,
                "service": p.service,
                "department": p.department,
                "confidence": p.confidence,
            }
            for p in assessment.parts
        ],
        "departments": [p.department for p in planned],
        "lead_department": planned[0].department,
    }


def file_cases(
    session: Session,
    request: CaseRequest,
    assessment: Assessment,
    catalogue: Catalogue,
    policy: Policy,
    cipher: CipherLike | None,
    now: datetime,
) -> IntakeResult:
    """Create the case(s) of one checked submission; the caller commits."""
    if assessment.blocked:
        raise errors.blocked()
    planned = plan_cases(assessment, request.category, catalogue, policy.split_min_confidence)
    split = _split_summary(assessment, planned, policy)
    token = new_token()
    digest = token_digest(token)
    submission = uuid.uuid4().hex
    sealed = seal(request.contact, cipher)
    actor = f"citizen:{request.channel}"
    rows: list[tuple[CaseRow, Match | None]] = []
    for item in planned:
        match = find_duplicate(
            session,
            item.service,
            request.district,
            item.issue_text,
            request.location,
            now,
            policy.duplicate_window_days,
            policy.duplicate_similarity,
        )
        explanation = _explanation(assessment, item, request.category, split)
        if match is not None:
            explanation["duplicate"] = {
                "component": "cases.duplicates",
                "of": match.reference,
                "similarity": match.similarity,
                "threshold": policy.duplicate_similarity,
                "window_days": policy.duplicate_window_days,
            }
        service = catalogue.services.get(item.service) if item.service else None
        pledge = (service.pledge_days if service else None) or policy.default_pledge_days
        routed = item.department is not None
        row = CaseRow(
            reference=new_reference(),
            token_hash=digest,
            submission_id=submission,
            channel=request.channel,
            status=TRIAGED if routed else SUBMITTED,
            is_open=True,
            priority=item.priority,
            is_emergency=assessment.emergency,
            language=assessment.language,
            description=assessment.redacted,
            issue_text=item.issue_text,
            district=request.district,
            location_text=request.location.address,
            latitude=request.location.latitude,
            longitude=request.location.longitude,
            category=request.category,
            service_id=item.service,
            department_code=item.department,
            routed_by=item.routed_by,
            routing_status=item.decision.status,
            confidence=item.decision.confidence,
            model_version=item.decision.explanation.get("model_version"),
            auto_routed=item.routed_by == "auto",
            auto_service_id=item.decision.service if item.routed_by == "auto" else None,
            auto_department_code=item.decision.department if item.routed_by == "auto" else None,
            explanation=explanation,
            duplicate_of_id=match.case_id if match else None,
            contact_encrypted=sealed,
            transfer_count=0,
            needs_coordination=not routed and match is None,
            owner_due_at=None if match else (add_working_time(now, policy.owner_working_days) if routed else now),
            pledge_days=pledge,
            due_at=pledge_due(now, pledge),
            created_at=now,
            updated_at=now,
        )
        session.add(row)
        session.flush()
        record_event(
            session, row, "submit", actor, now, None, details={"channel": request.channel}, to_status=SUBMITTED
        )
        if routed:
            record_event(
                session,
                row,
                "triage",
                "system:router",
                now,
                SUBMITTED,
                details={
                    "service": item.service,
                    "department": item.department,
                    "routed_by": item.routed_by,
                    "confidence": item.decision.confidence,
                },
            )
        if match is not None:
            session.add(
                CaseLinkRow(
                    case_id=row.id,
                    linked_case_id=match.case_id,
                    kind="duplicate",
                    created_at=now,
                    details={"similarity": match.similarity},
                )
            )
            record_event(
                session,
                row,
                "duplicate",
                "system:duplicates",
                now,
                row.status,
                note=match.reference,
                details={"of": match.reference, "similarity": match.similarity},
            )
        rows.append((row, match))
    lead = rows[0][0]
    for other, _ in rows[1:]:
        session.add(
            CaseLinkRow(
                case_id=lead.id,
                linked_case_id=other.id,
                kind="split",
                created_at=now,
                details={"department": other.department_code},
            )
        )
    for row, match in rows:
        if match is not None:
            original = session.get(CaseRow, match.case_id)
            if original is not None:
                record_event(
                    session,
                    original,
                    "duplicate_reported",
                    "system:duplicates",
                    now,
                    original.status,
                    public=False,
                    details={"by": row.reference, "similarity": match.similarity},
                )
    session.flush()
    return receipt(rows, token, assessment, catalogue)
