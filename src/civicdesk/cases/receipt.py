"""The answer to a submission: the lead case's reference and token, the linked cases, and a message in the
citizen's script (received, where it went, already being handled, split, call 999)."""

from __future__ import annotations

from civicdesk.cases.duplicates import Match
from civicdesk.cases.model import PRIORITY_NAMES, IntakeResult, LinkedCase
from civicdesk.cases.phrases import phrase
from civicdesk.cases.triage import Assessment
from civicdesk.catalogue import Catalogue, pick
from civicdesk.store.tables import CaseRow


def receipt(
    rows: list[tuple[CaseRow, Match | None]], token: str, assessment: Assessment, catalogue: Catalogue
) -> IntakeResult:
    lead, lead_match = rows[0]
    lang = assessment.language
    script = "en" if lang == "en" else ("zh-Hans" if lang == "zh-Hans" else "zh-Hant")
    parts = [phrase("received", lang, reference=lead.reference)]
    if lead.department_code and lead.department_code in catalogue.departments:
        name = pick(catalogue.departments[lead.department_code].name, script)
        parts.append(phrase("routed", lang, department=name))
    else:
        parts.append(phrase("unrouted", lang))
    if lead_match is not None:
        parts.append(phrase("duplicate", lang, original=lead_match.reference))
    if len(rows) > 1:
        references = ", ".join(row.reference for row, _ in rows)
        parts.append(phrase("split", lang, count=len(rows), references=references))
    if assessment.emergency:
        parts.insert(0, phrase("emergency", lang))
    linked = [
        LinkedCase(
            reference=row.reference,
            department=row.department_code,
            service=row.service_id,
            status=row.status,
            lead=index == 0,
            duplicate_of=match.reference if match else None,
        )
        for index, (row, match) in enumerate(rows)
        if index > 0
    ]
    return IntakeResult(
        reference=lead.reference,
        token=token,
        status=lead.status,
        department=lead.department_code,
        service=lead.service_id,
        priority=PRIORITY_NAMES[lead.priority],
        duplicate_of=lead_match.reference if lead_match else None,
        linked=linked,
        explanation=lead.explanation,
        message=" ".join(parts),
        emergency=assessment.emergency,
    )
