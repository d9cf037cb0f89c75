"""Language: normalise a message and tell `en`, `zh-Hant`, `yue` (written Cantonese) and `zh-Hans` apart."""

from civicdesk.language.codes import LANGUAGES, Language, ReplyLanguage, check_language, reply_language
from civicdesk.language.detect import DETECTOR_VERSION, Detection, detect
from civicdesk.language.markers import cantonese_markers
from civicdesk.language.normalise import normalise, to_simplified, to_traditional
from civicdesk.language.script import ScriptCounts, count_script, script_tables


def warm_up() -> None:
    """Build the OpenCC converters and the script tables once (about 0.1 s) before the first message."""
    script_tables()
    for text in ("後", "后"):
        to_traditional(text)
        to_simplified(text)


__all__ = [
    "DETECTOR_VERSION",
    "LANGUAGES",
    "Detection",
    "Language",
    "ReplyLanguage",
    "ScriptCounts",
    "cantonese_markers",
    "check_language",
    "count_script",
    "detect",
    "normalise",
    "reply_language",
    "to_simplified",
    "to_traditional",
    "warm_up",
]
