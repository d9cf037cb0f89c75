"""Store assistant exchanges (redacted, with their explanation) and helpfulness votes."""

from __future__ import annotations

from sqlalchemy.orm import Session

from civicdesk.assistant.pipeline import Reply
from civicdesk.errors import NotFound
from civicdesk.store.tables import AskRow, AskVoteRow


def record_reply(session: Session, reply: Reply, channel: str) -> None:
    top = reply.services[0] if reply.services else None
    routing = reply.explanation.get("routing", {})
    session.add(
        AskRow(
            id=reply.id,
            channel=channel,
            status=reply.status,
            language=reply.language,
            redacted_text=reply.redacted_text,
            service_id=top["id"] if top else None,
            department_code=top["department"] if top else None,
            confidence=top["confidence"] if top else None,
            model_version=routing.get("model_version"),
            explanation=reply.explanation,
        )
    )


def record_vote(session: Session, ask_id: str, helpful: bool) -> None:
    if session.get(AskRow, ask_id) is None:
        raise NotFound("E304", f"no assistant answer with id '{ask_id[:40]}' to vote on")
    session.add(AskVoteRow(ask_id=ask_id, helpful=helpful))
