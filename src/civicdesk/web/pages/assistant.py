"""The chat-like ask page: htmx appends each exchange; without JavaScript it is a plain form and a page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse

from civicdesk.answers import compose_answer
from civicdesk.assistant.records import record_vote
from civicdesk.errors import CivicdeskError
from civicdesk.runtime import Runtime
from civicdesk.web.api.assistant import answer
from civicdesk.web.pages.rendering import render, ui_language

router = APIRouter(include_in_schema=False)


def _is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


@router.post("/ask", response_class=HTMLResponse)
def ask_page(
    request: Request,
    text: Annotated[str, Form()] = "",
    lang: Annotated[str | None, Form()] = None,
    service: Annotated[str | None, Form()] = None,
) -> HTMLResponse:
    runtime: Runtime = request.app.state.runtime
    request.state.ui_language = lang
    template = "ask_exchange.html" if _is_htmx(request) else "ask_page.html"
    if service and service in runtime.catalogue.services:
        # A clarify choice: show the chosen service's answer directly.
        chosen = runtime.catalogue.services[service]
        script = ui_language(request)
        composed = compose_answer(chosen, runtime.catalogue, script)
        return render(request, template, text=text, reply=None, chosen=composed, script=script)
    try:
        reply = answer(runtime, text, lang, "web")
    except CivicdeskError as exc:
        return render(request, template, status_code=200 if _is_htmx(request) else 422, text=text, error=exc.message)
    return render(request, template, text=reply.redacted_text, reply=reply, chosen=None)


@router.post("/ask/{ask_id}/vote", response_class=HTMLResponse)
def vote(
    request: Request, ask_id: str, helpful: Annotated[str, Form()], lang: Annotated[str | None, Form()] = None
) -> HTMLResponse:
    runtime: Runtime = request.app.state.runtime
    request.state.ui_language = lang
    with runtime.database.session() as session:
        record_vote(session, ask_id, helpful == "yes")
    template = "vote_thanks.html" if _is_htmx(request) else "vote_page.html"
    return render(request, template)
