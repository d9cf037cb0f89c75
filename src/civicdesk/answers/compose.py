"""Compose replies from catalogue content only.

Every fact in an answer is a catalogue field and every link a catalogue URL, so the assistant cannot state
anything the departments have not published; the citations list is exactly the links the text contains.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from civicdesk.answers.phrases import CHANNELS, PHRASES
from civicdesk.catalogue import Catalogue, Service, pick

GENERAL_ENQUIRY_DEPARTMENT = "EffO"  # runs the 1823 government hotline


@dataclass(frozen=True)
class Answer:
    text: str
    citations: list[str] = field(default_factory=list)
    choices: list[dict[str, str]] = field(default_factory=list)


def reply_script(language: str) -> str:
    """The script of the reply: Cantonese and Traditional Chinese in, Traditional out; the rest as written."""
    if language in ("zh-Hant", "yue"):
        return "zh-Hant"
    if language == "zh-Hans":
        return "zh-Hans"
    return "en"


def compose_answer(service: Service, catalogue: Catalogue, script: str) -> Answer:
    words = PHRASES[script]
    department = catalogue.departments[service.department]
    name = pick(service.name, script)
    by = (
        f"{words['by']} {pick(department.name, script)}"
        if script == "en"
        else words["by"] + pick(department.name, script)
    )
    lines = [f"{name} ({by})" if script == "en" else f"{name}（{by}）", pick(service.summary, script)]
    for key in ("eligibility", "how_to_apply", "fees", "processing_time"):
        value = getattr(service, key)
        if value is not None:
            lines.append(
                f"{words[key]}: {pick(value, script)}" if script == "en" else f"{words[key]}：{pick(value, script)}"
            )
    channels = words["separator"].join(CHANNELS[script][c.value] for c in service.channels)
    colon = ": " if script == "en" else "："
    lines.append(f"{words['channels']}{colon}{channels}")
    lines.append(f"{words['source']}{colon}{service.url}")
    lines.append(f"{words['phone']}{colon}{service.phone}")
    return Answer(text="\n".join(lines), citations=[service.url])


def compose_clarify(services: list[Service], script: str, vague: bool) -> Answer:
    words = PHRASES[script]
    question = words["clarify_vague"] if vague else words["clarify"]
    choices = [{"id": s.id, "label": pick(s.name, script)} for s in services]
    listed = "\n".join(f"- {c['label']}" for c in choices)
    return Answer(text=f"{question}\n{listed}", citations=[], choices=choices)


def compose_out_of_scope(catalogue: Catalogue, script: str) -> Answer:
    words = PHRASES[script]
    colon = ": " if script == "en" else "："
    text = f"{words['out_of_scope']}\n{words['general_enquiries']}"
    citations: list[str] = []
    hotline = catalogue.departments.get(GENERAL_ENQUIRY_DEPARTMENT)
    if hotline is not None:
        text += f"{colon}{hotline.website}" if script != "en" else f" or visit {hotline.website}"
        citations.append(hotline.website)
    return Answer(text=text + ("." if script == "en" else "。"), citations=citations)
