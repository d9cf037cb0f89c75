"""Officers' routing corrections, stored against the original automated decision, and their export for training.

A correction keeps what the router decided at intake (service, department, confidence, model version and the
explanation) beside what the officer chose, so accuracy can be measured and `civicdesk train --from-corrections`
can learn from the redacted text with the corrected service.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk.store.tables import CaseRow, RoutingCorrectionRow


def store_correction(
    session: Session, row: CaseRow, actor: str, service: str | None, department: str, reason: str, now: datetime
) -> None:
    routing = (row.explanation or {}).get("routing", {})
    session.add(
        RoutingCorrectionRow(
            case_id=row.id,
            at=now,
            actor=actor[:80],
            from_service_id=row.service_id,
            from_department=row.department_code,
            to_service_id=service,
            to_department=department,
            original_service_id=row.auto_service_id,
            original_department=row.auto_department_code,
            original_confidence=row.confidence if row.auto_routed else None,
            original_model_version=row.model_version,
            original_explanation=routing if isinstance(routing, dict) else {},
            text=row.issue_text,
            reason=reason,
        )
    )


def corrections_as_training_rows(session: Session) -> list[tuple[str, str]]:
    """(redacted text, corrected service id) pairs, one per case: its latest correction that names a service.

    Department-only corrections carry no service label and are left out.
    """
    rows = session.execute(
        select(RoutingCorrectionRow.case_id, RoutingCorrectionRow.text, RoutingCorrectionRow.to_service_id)
        .where(RoutingCorrectionRow.to_service_id.is_not(None))
        .order_by(RoutingCorrectionRow.case_id, RoutingCorrectionRow.id)
    )
    latest: dict[int, tuple[str, str]] = {}
    for case_id, text, service in rows:
        if service is not None:
            latest[case_id] = (text, service)
    return list(latest.values())


def list_corrections(session: Session, limit: int = 100) -> list[dict[str, Any]]:
    query = (
        select(RoutingCorrectionRow, CaseRow.reference)
        .join(CaseRow, CaseRow.id == RoutingCorrectionRow.case_id)
        .order_by(RoutingCorrectionRow.id.desc())
        .limit(limit)
    )
    return [
        {
            "reference": reference,
            "at": row.at.isoformat(),
            "actor": row.actor,
            "from": {"service": row.from_service_id, "department": row.from_department},
            "to": {"service": row.to_service_id, "department": row.to_department},
            "original": {
                "service": row.original_service_id,
                "department": row.original_department,
                "confidence": row.original_confidence,
                "model_version": row.original_model_version,
            },
            "reason": row.reason,
        }
        for row, reference in session.execute(query)
    ]
