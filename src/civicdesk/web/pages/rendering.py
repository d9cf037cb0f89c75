"""Render templates in the request's UI language; one Jinja environment per language."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from civicdesk.catalogue import Bilingual, pick
from civicdesk.web.i18n import LANGUAGE_LABELS, UI_LANGUAGES, negotiate, translations

TEMPLATES_DIR = Path(__file__).parent.parent / "templates"
LANG_COOKIE = "civicdesk_lang"


@cache
def environment(language: str) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(["html"]),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(translations(language), newstyle=True)  # type: ignore[attr-defined]

    def text(value: Bilingual | None) -> str:
        return pick(value, language) if value is not None else ""

    env.filters["t"] = text
    env.globals.update(ui_language=language, ui_languages=UI_LANGUAGES, language_labels=LANGUAGE_LABELS)
    return env


def ui_language(request: Request) -> str:
    settings = request.app.state.settings
    return negotiate(
        # A form may name its language in a `lang` field (the ask form does); the URL's ?lang= comes next.
        getattr(request.state, "ui_language", None) or request.query_params.get("lang"),
        request.cookies.get(LANG_COOKIE),
        request.headers.get("accept-language"),
        settings.default_ui_language,
    )


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    language = ui_language(request)
    html = environment(language).get_template(template).render(request=request, **context)
    response = HTMLResponse(html, status_code=status_code)
    if request.query_params.get("lang") in UI_LANGUAGES:
        response.set_cookie(LANG_COOKIE, language, max_age=365 * 24 * 3600, httponly=True, samesite="lax")
    return response


def render_error(request: Request, status_code: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status_code=status_code, status=status_code, message=message)
