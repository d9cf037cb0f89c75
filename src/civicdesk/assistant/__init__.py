"""The citizen assistant: language → safety → privacy → understanding → answer, with one explanation."""

from civicdesk.assistant.pipeline import MAX_CHARS, Assistant, Reply

__all__ = ["MAX_CHARS", "Assistant", "Reply"]
