"""The assistant pipeline. Each step runs in the order the issue fixes, and each adds to the explanation.

1. language: normalise, then detect en / zh-Hant / yue / zh-Hans;
2. safety, before anything else is done with the text: emergencies and blocked requests stop here;
3. privacy: personal data is removed; only the redacted text goes further (to the model, the log, the store);
4. understanding: rank services with calibrated confidence; answered, clarify or out_of_scope;
5. answer: composed from catalogue content only, in the person's script, citing the official page.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from civicdesk import language, safety
from civicdesk.answers import Answer, compose_answer, compose_clarify, compose_out_of_scope, reply_script
from civicdesk.assistant.long_messages import route_long_message
from civicdesk.assistant.short_messages import TopicIndex, choices_for
from civicdesk.assistant.vague import is_vague
from civicdesk.catalogue import Catalogue
from civicdesk.errors import CivicdeskError
from civicdesk.privacy import Analyzer
from civicdesk.understanding import ServiceRouter

MAX_CHARS = 2000
Status = Literal["answered", "clarify", "out_of_scope", "emergency", "blocked"]


@dataclass(frozen=True)
class Reply:
    id: str
    status: Status
    language: str
    services: list[dict[str, Any]]
    answer: str
    citations: list[str]
    redacted_text: str
    explanation: dict[str, Any]
    choices: list[dict[str, str]] = field(default_factory=list)

    @property
    def script(self) -> str:
        return reply_script(self.language)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "status": self.status,
            "language": self.language,
            "services": self.services,
            "answer": self.answer,
            "citations": self.citations,
            "redacted_text": self.redacted_text,
            "choices": self.choices,
            "explanation": self.explanation,
        }


def check_text(text: str) -> None:
    if not text or not text.strip():
        raise CivicdeskError("E301", "the text is empty: write what you need", kind="invalid", field="text")
    if len(text) > MAX_CHARS:
        raise CivicdeskError(
            "E302", f"the text has {len(text)} characters; the limit is {MAX_CHARS}", kind="too_large", field="text"
        )


class Assistant:
    """Answers one message; construction is cheap, `warm_up` loads the models once."""

    def __init__(self, catalogue: Catalogue, router: ServiceRouter, analyzer: Analyzer) -> None:
        self.catalogue = catalogue
        self.router = router
        self.analyzer = analyzer
        self.topics = TopicIndex(catalogue)

    def warm_up(self) -> None:
        language.warm_up()
        safety.warm_up()
        self.analyzer.warm_up()
        self.router.warm_up()

    def ask(self, text: str, preferred_language: str | None = None) -> Reply:
        check_text(text)
        reply_id = uuid.uuid4().hex
        normalised = language.normalise(text)
        detection = language.detect(normalised)
        lang: str = detection.language
        if preferred_language in ("en", "zh-Hant", "yue", "zh-Hans") and detection.confidence < 0.5:
            lang = preferred_language
        script = reply_script(lang)
        explanation: dict[str, Any] = {"language": detection.to_dict()}

        # Safety comes before anything else is done with the text.
        verdict = safety.assess(normalised, lang)
        # Privacy: only the redacted text goes further (the model, the log, the store, the reply).
        redaction = self.analyzer.redact(normalised)
        redacted = redaction.text
        explanation["privacy"] = {
            "component": "privacy.analyzer",
            "removed": sorted({f.type for f in redaction.findings}),
            "count": len(redaction.findings),
        }
        if verdict is not None:
            explanation["safety"] = verdict.to_dict()
            return Reply(
                id=reply_id,
                status=verdict.status,
                language=lang,
                services=[],
                answer=verdict.reply,
                citations=[],
                redacted_text=redacted,
                explanation=explanation,
            )

        routing, sentence = route_long_message(self.router, redacted, self.router.route(redacted))
        explanation["routing"] = routing.explanation.to_dict()
        if sentence is not None:
            explanation["routing"]["decided_by_sentence"] = sentence
        services = [s.to_dict() for s in routing.services]
        status: Status = routing.status
        offered = routing.choices or routing.services[:4]
        vague = is_vague(redacted)
        ambiguity = None if vague else self.topics.ambiguity(redacted)
        if vague:
            # A request with no subject: ask what it is about rather than guess (assistant/vague.py).
            explanation["vague"] = {"component": "assistant.vague", "decision": "clarify"}
            status, offered = "clarify", routing.services[:4]
        elif ambiguity is not None:
            # A short topic that several departments handle: ask which (assistant/short_messages.py).
            ranked = {s.id: s for s in self.router.rank(redacted, len(self.catalogue.services))}
            chosen = choices_for(ambiguity, [(s.id, s.confidence) for s in ranked.values()], self.topics.departments)
            if len(chosen) >= 2:
                explanation["short_message"] = {
                    **ambiguity.to_dict(),
                    "router_confidence": {c: round(ranked[c].confidence, 4) for c in chosen},
                }
                shared = [replace(ranked[c], confidence=ambiguity.share(ranked[c].department)) for c in chosen]
                status, offered = "clarify", sorted(shared, key=lambda s: -s.confidence)
        answer: Answer
        if status == "answered":
            services = services[:4]
            answer = compose_answer(self.catalogue.services[routing.services[0].id], self.catalogue, script)
        elif status == "clarify":
            services = [s.to_dict() for s in offered]
            options = [self.catalogue.services[s.id] for s in offered]
            answer = compose_clarify(options, script, vague=vague)
        else:
            services = []
            answer = compose_out_of_scope(self.catalogue, script)
        return Reply(
            id=reply_id,
            status=status,
            language=lang,
            services=services,
            answer=answer.text,
            citations=answer.citations,
            redacted_text=redacted,
            explanation=explanation,
            choices=answer.choices,
        )
