"""Turn an assessment into the cases to create: which service and department, the priority, and the split.

Pure functions of the assessment, the catalogue and the policy, so every rule is tested without a database:

- service: the citizen's category when it is a catalogue service id; else the router's top service when it
  answered or asked to clarify (an automated decision, recorded as such); else none (the coordination queue);
- priority: high for an emergency or a public-safety service, normal otherwise;
- split: parts confidently (status `answered`, confidence >= `split_min_confidence`) routed to two or more
  departments become one case per department. The lead is the whole text's department when it is among them,
  otherwise the first department mentioned; parts nobody is confident about stay with the lead.
"""

from __future__ import annotations

from dataclasses import dataclass

from civicdesk.cases.model import HIGH, NORMAL
from civicdesk.cases.triage import Assessment, Decision
from civicdesk.catalogue import Catalogue, Sector


@dataclass(frozen=True)
class PlannedCase:
    issue_text: str
    service: str | None
    department: str | None
    routed_by: str  # citizen, auto or none
    decision: Decision
    lead: bool
    priority: int
    priority_reason: str


def _priority(service: str | None, assessment: Assessment, catalogue: Catalogue) -> tuple[int, str]:
    if assessment.emergency:
        return HIGH, "emergency: the citizen was told to call 999"
    if service is not None and catalogue.services[service].sector == Sector.PUBLIC_SAFETY:
        return HIGH, "public-safety service"
    return NORMAL, "default"


def _primary(assessment: Assessment, category: str | None, catalogue: Catalogue) -> tuple[str | None, str]:
    if category is not None and category in catalogue.services:
        return category, "citizen"
    service = assessment.whole.service
    if service is not None and service in catalogue.services:
        return service, "auto"
    return None, "none"


def plan_cases(
    assessment: Assessment, category: str | None, catalogue: Catalogue, split_min_confidence: float
) -> list[PlannedCase]:
    """The cases one submission becomes, lead first."""
    primary, routed_by = _primary(assessment, category, catalogue)
    primary_department = catalogue.services[primary].department if primary else None

    groups: dict[str, list[Decision]] = {}
    unsure: list[Decision] = []
    for part in assessment.parts:
        confident = (
            part.status == "answered"
            and part.service in catalogue.services
            and (part.confidence or 0.0) >= split_min_confidence
        )
        if confident and part.department:
            groups.setdefault(part.department, []).append(part)
        else:
            unsure.append(part)

    def make(
        service: str | None, department: str | None, how: str, decision: Decision, text: str, lead: bool
    ) -> PlannedCase:
        level, reason = _priority(service, assessment, catalogue)
        return PlannedCase(text, service, department, how, decision, lead, level, reason)

    if len(groups) < 2:
        return [make(primary, primary_department, routed_by, assessment.whole, assessment.redacted, True)]

    lead_department = primary_department if primary_department in groups else next(iter(groups))
    planned: list[PlannedCase] = []
    for department, parts in groups.items():
        lead = department == lead_department
        members = parts + unsure if lead else parts
        ordered = [p for p in assessment.parts if p in members]
        text = " ".join(p.text for p in ordered)
        best = max(parts, key=lambda p: p.confidence or 0.0)
        if lead and department == primary_department:
            planned.append(make(primary, department, routed_by, assessment.whole, text, True))
        else:
            planned.append(make(best.service, department, "auto", best, text, lead))
    planned.sort(key=lambda p: not p.lead)
    return planned
