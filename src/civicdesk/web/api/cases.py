"""POST /api/v1/cases (with an optional Idempotency-Key) and GET /api/v1/cases/{reference}?token=."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, field_validator
from starlette.concurrency import run_in_threadpool

from civicdesk.cases import CaseRequest, Contact, Location
from civicdesk.cases.model import MAX_CHARS
from civicdesk.cases.wiring import desk_for
from civicdesk.runtime import Runtime
from civicdesk.web.api.assistant import read_json
from civicdesk.web.pages.rendering import ui_language

router = APIRouter(prefix="/api/v1", tags=["cases"])


class ContactIn(BaseModel):
    name: str | None = Field(None, max_length=100)
    phone: str | None = Field(None, max_length=40)
    email: str | None = Field(None, max_length=254)


class LocationIn(BaseModel):
    address: str | None = Field(None, description="address or place, up to 300 characters")
    latitude: float | None = None
    longitude: float | None = None


class CaseIn(BaseModel):
    text: str = Field(description=f"what the problem is and where, up to {MAX_CHARS} characters")
    district: str | None = Field(None, description="one of the 18 districts: an id (wan-chai) or a name")
    location: LocationIn | None = Field(None, description="an object, or a plain address string")
    category: str | None = Field(None, description="a catalogue service id the citizen chose (optional)")
    contact: ContactIn | None = None
    lang: str | None = Field(None, description="the UI language, used when the text's own is unclear")

    @field_validator("location", mode="before")
    @classmethod
    def _address_string(cls, value: Any) -> Any:
        return {"address": value} if isinstance(value, str) else value


class LinkedOut(BaseModel):
    reference: str
    department: str | None
    service: str | None
    status: str
    lead: bool
    duplicate_of: str | None


class CaseOut(BaseModel):
    reference: str
    token: str = Field(description="the secret that, with the reference, opens the tracking page; shown once")
    status: str
    department: str | None
    service: str | None
    priority: str = Field(description="high or normal")
    duplicate_of: str | None = Field(description="the open case this one repeats, if any")
    linked: list[LinkedOut] = Field(description="the other cases the complaint was split into")
    explanation: dict[str, Any]
    message: str
    emergency: bool


def to_request(body: CaseIn, channel: str) -> CaseRequest:
    location = body.location or LocationIn()
    contact = body.contact or ContactIn()
    return CaseRequest(
        text=body.text,
        channel=channel,
        district=body.district,
        location=Location(location.address, location.latitude, location.longitude),
        category=body.category,
        contact=Contact(contact.name, contact.phone, contact.email),
        preferred_language=body.lang,
    )


@router.post(
    "/cases",
    status_code=201,
    response_model=CaseOut,
    openapi_extra={
        "requestBody": {"required": True, "content": {"application/json": {"schema": CaseIn.model_json_schema()}}}
    },
)
async def create_case(
    request: Request,
    idempotency_key: str | None = Header(None, alias="Idempotency-Key"),
) -> JSONResponse:
    body: CaseIn = await read_json(request, CaseIn)
    runtime: Runtime = request.app.state.runtime
    desk = desk_for(runtime)
    submission = await run_in_threadpool(
        desk.submit, to_request(body, "api"), idempotency_key=idempotency_key, scope="api"
    )
    # A retry with the same key gets the first answer, unchanged, marked as a replay.
    headers = {"Idempotent-Replayed": "true"} if submission.replayed else {}
    return JSONResponse(submission.body, status_code=submission.status_code, headers=headers)


@router.get("/cases/{reference}")
async def track_case(
    request: Request,
    reference: str,
    token: str = Query("", description="the token given with the reference"),
) -> JSONResponse:
    runtime: Runtime = request.app.state.runtime
    view = await run_in_threadpool(desk_for(runtime).track, reference, token, ui_language(request))
    return JSONResponse(view, headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"})
