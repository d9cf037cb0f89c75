"""Answers composed only from catalogue content, in the person's script, citing the official page."""

from civicdesk.answers.compose import (
    Answer,
    compose_answer,
    compose_clarify,
    compose_out_of_scope,
    reply_script,
)

__all__ = ["Answer", "compose_answer", "compose_clarify", "compose_out_of_scope", "reply_script"]
