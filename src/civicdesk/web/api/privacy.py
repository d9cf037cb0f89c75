"""POST /api/v1/privacy/analyze and POST /api/v1/privacy/redact: a thin layer over civicdesk.privacy."""

from __future__ import annotations

import json
import threading
from typing import Any, Literal, TypeVar

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field, ValidationError

from civicdesk.errors import CivicdeskError
from civicdesk.privacy import Analyzer, InvalidInputError, TextTooLongError, build_analyzer
from civicdesk.runtime import Runtime

router = APIRouter(prefix="/api/v1/privacy", tags=["privacy"])
COMPONENT = "privacy"
_lock = threading.Lock()


class AnalyzeRequest(BaseModel):
    text: str = Field(description="the text to analyse (limit: CIVICDESK_PRIVACY_MAX_CHARS characters)")
    language: str | None = Field(None, description="en, zh-Hant, yue or zh-Hans; optional (mixed text is fine)")


class RedactRequest(AnalyzeRequest):
    operator: Literal["redact", "mask", "pseudonymise"] = Field(
        "redact", description="redact: [HKID]; mask: A123***(*); pseudonymise: [PERSON:<keyed HMAC>]"
    )


class Entity(BaseModel):
    type: str = Field(description="HKID, PHONE, EMAIL, CREDIT_CARD, PASSPORT, CN_RESIDENT_ID, PERSON, ADDRESS ...")
    start: int = Field(description="Python string index of the first character in the original text")
    end: int = Field(description="index after the last character")
    score: float
    text: str
    recognizer: str
    explanation: dict[str, Any] = Field(description="pattern, validation, context words, evidence, threshold")


class RedactedEntity(Entity):
    replacement: str


class AnalyzeResponse(BaseModel):
    entities: list[Entity]


class RedactResponse(BaseModel):
    text: str
    entities: list[RedactedEntity]


Body = TypeVar("Body", bound=BaseModel)


async def read_body(request: Request, model: type[Body]) -> Body:
    """Parse the JSON body; invalid UTF-8 is reported with its line and byte (E436), not guessed at."""
    raw = await request.body()
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InvalidInputError(
            f"the request body is not valid UTF-8 (line {line}, byte {exc.start}): send UTF-8 encoded JSON", "body"
        ) from None
    try:
        return model.model_validate(json.loads(decoded))
    except json.JSONDecodeError as exc:
        raise CivicdeskError(
            "E422", f"the body is not valid JSON: {exc.msg} (line {exc.lineno})", field="body"
        ) from None
    except ValidationError as exc:
        first = exc.errors()[0]
        name = ".".join(str(p) for p in first["loc"]) or "body"
        raise CivicdeskError("E422", f"invalid {name}: {first['msg']}", field=name) from None


def _schema(model: type[BaseModel]) -> dict[str, Any]:
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": model.model_json_schema()}}}}


def get_analyzer(runtime: Runtime) -> Analyzer:
    """The process-wide analyzer: the one registered at start-up, else built and warmed up once here."""
    analyzer = runtime.components.get(COMPONENT)
    if analyzer is None:
        with _lock:
            analyzer = runtime.components.get(COMPONENT)
            if analyzer is None:
                analyzer = build_analyzer(runtime.settings)
                analyzer.warm_up()
                runtime.components[COMPONENT] = analyzer
    assert isinstance(analyzer, Analyzer)
    return analyzer


def _check_length(runtime: Runtime, text: str) -> None:
    limit = runtime.settings.privacy_max_chars
    if len(text) > limit:
        raise TextTooLongError(f"the text has {len(text)} characters; the limit is {limit}: split it", "text")


@router.post("/analyze", response_model=AnalyzeResponse, openapi_extra=_schema(AnalyzeRequest))
async def analyze(request: Request) -> dict[str, Any]:
    body = await read_body(request, AnalyzeRequest)
    runtime: Runtime = request.app.state.runtime
    _check_length(runtime, body.text)
    findings = get_analyzer(runtime).analyze(body.text, body.language)
    return {"entities": [f.as_dict() for f in findings]}


@router.post("/redact", response_model=RedactResponse, openapi_extra=_schema(RedactRequest))
async def redact(request: Request) -> dict[str, Any]:
    body = await read_body(request, RedactRequest)
    runtime: Runtime = request.app.state.runtime
    _check_length(runtime, body.text)
    redaction = get_analyzer(runtime).redact(body.text, body.operator, body.language)
    result = redaction.as_dict()
    return {"text": result["text"], "entities": result["entities"]}
