"""POST /api/v1/ask and POST /api/v1/ask/{id}/feedback."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field, ValidationError

from civicdesk.assistant import MAX_CHARS, Assistant, Reply
from civicdesk.assistant.records import record_reply, record_vote
from civicdesk.errors import CivicdeskError
from civicdesk.runtime import Runtime

router = APIRouter(prefix="/api/v1", tags=["assistant"])


class AskRequest(BaseModel):
    text: str = Field(description=f"the message, up to {MAX_CHARS} characters")
    lang: str | None = Field(None, description="the UI language, used when the message's own is unclear")


class ServiceScore(BaseModel):
    id: str
    department: str
    confidence: float


class AskResponse(BaseModel):
    id: str
    status: str = Field(description="answered, clarify, out_of_scope, emergency or blocked")
    language: str = Field(description="en, zh-Hant, yue or zh-Hans")
    services: list[ServiceScore]
    answer: str
    citations: list[str]
    redacted_text: str
    choices: list[dict[str, str]]
    explanation: dict[str, Any]


class FeedbackRequest(BaseModel):
    helpful: bool


async def read_json(request: Request, model: type[BaseModel]) -> Any:
    """Parse a JSON body leniently: invalid UTF-8 is replaced, not rejected, so nothing the person wrote is lost."""
    raw = await request.body()
    try:
        payload = json.loads(raw.decode("utf-8", errors="replace"))
    except json.JSONDecodeError as exc:
        raise CivicdeskError("E303", f"the body is not valid JSON: {exc.msg}", field="body") from None
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        first = exc.errors()[0]
        name = ".".join(str(p) for p in first["loc"]) or "body"
        raise CivicdeskError("E422", f"invalid {name}: {first['msg']}", field=name) from None


def answer(runtime: Runtime, text: str, lang: str | None, channel: str) -> Reply:
    assistant: Assistant = runtime.components["assistant"]
    reply = assistant.ask(text, preferred_language=lang)
    with runtime.database.session() as session:
        record_reply(session, reply, channel)
    return reply


@router.post(
    "/ask",
    response_model=AskResponse,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": AskRequest.model_json_schema()}},
        }
    },
)
async def ask(request: Request) -> dict[str, Any]:
    body: AskRequest = await read_json(request, AskRequest)
    return answer(request.app.state.runtime, body.text, body.lang, "api").to_dict()


@router.post(
    "/ask/{ask_id}/feedback",
    status_code=201,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": FeedbackRequest.model_json_schema()}},
        }
    },
)
async def feedback(ask_id: str, request: Request) -> dict[str, Any]:
    body: FeedbackRequest = await read_json(request, FeedbackRequest)
    runtime: Runtime = request.app.state.runtime
    with runtime.database.session() as session:
        record_vote(session, ask_id, body.helpful)
    return {"id": ask_id, "helpful": body.helpful, "recorded": True}
