"""Detect the language form of a message: `en`, `zh-Hant`, `yue` (written Cantonese) or `zh-Hans`.

Rules, in order (decision record 0201):

1. No Han characters: Latin words make it `en`; nothing to go on (empty, emoji, digits) gives the
   caller's `default` with low confidence.
2. Simplified script (more Simplified than Traditional evidence) is `zh-Hans`, even when the words
   are Cantonese: the reply must come in the script the person reads.
3. Otherwise any Cantonese marker makes it `yue`, also when mixed with English ("我想renew passport 得唔得").
4. Latin words outnumbering Han characters, with no Cantonese marker, make it `en`
   ("Where is 中環 station?").
5. What remains is `zh-Hant`; Han text that is identical in both scripts ("中心") defaults to
   `zh-Hant`, the script Hong Kong writes, with lower confidence.
"""

from __future__ import annotations

from dataclasses import dataclass

from civicdesk.language.codes import Language, check_language
from civicdesk.language.markers import cantonese_markers, mainland_markers, standard_written_markers
from civicdesk.language.normalise import normalise
from civicdesk.language.script import count_script

DETECTOR_VERSION = "rules-1.0"
MAX_EVIDENCE_MARKERS = 20
MAX_COUNTED_MARKERS = 50  # enough for the confidence; a long message stops scanning early


@dataclass(frozen=True, slots=True)
class Detection:
    """The detected language form, with the evidence for it."""

    language: Language
    confidence: float
    reason: str
    script: str  # "Latin", "Hant", "Hans", "Han" (identical in both scripts) or "none"
    han_chars: int
    latin_words: int
    han_share: float  # Han characters / (Han characters + Latin letters)
    simplified_chars: int
    traditional_chars: int
    cantonese_markers: tuple[str, ...]
    standard_written_markers: int
    version: str = DETECTOR_VERSION

    def to_dict(self) -> dict[str, object]:
        """The explanation of this decision, ready to store as JSON."""
        return {
            "component": "language.detect",
            "version": self.version,
            "language": self.language,
            "confidence": self.confidence,
            "reason": self.reason,
            "evidence": {
                "script": self.script,
                "han_chars": self.han_chars,
                "latin_words": self.latin_words,
                "han_share": self.han_share,
                "simplified_chars": self.simplified_chars,
                "traditional_chars": self.traditional_chars,
                "cantonese_markers": list(self.cantonese_markers),
                "standard_written_markers": self.standard_written_markers,
            },
        }


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))[:MAX_EVIDENCE_MARKERS]


def detect(text: str, *, default: Language = "en") -> Detection:
    """Detect the language form of `text` (normalised here; normalising twice is harmless).

    `default` is used only when the text holds no letters at all (empty, emoji, digits).
    """
    default = check_language(default)
    text = normalise(text)
    counts = count_script(text)
    letters = counts.han + counts.latin_letters
    han_share = round(counts.han / letters, 3) if letters else 0.0
    markers = cantonese_markers(text, limit=MAX_COUNTED_MARKERS) if counts.han else []
    standard = len(standard_written_markers(text)) if counts.han else 0

    if counts.simplified > counts.traditional:
        script = "Hans"
    elif counts.traditional:
        script = "Hant"
    elif counts.han:
        script = "Han"
    else:
        script = "Latin" if counts.latin_words else "none"

    def result(language: Language, confidence: float, reason: str) -> Detection:
        return Detection(
            language=language,
            confidence=round(min(max(confidence, 0.05), 0.99), 2),
            reason=reason,
            script=script,
            han_chars=counts.han,
            latin_words=counts.latin_words,
            han_share=han_share,
            simplified_chars=counts.simplified,
            traditional_chars=counts.traditional,
            cantonese_markers=_unique(markers),
            standard_written_markers=standard,
        )

    if not counts.han:
        if counts.latin_words:
            return result("en", 0.8 + 0.05 * counts.latin_words, "latin_only")
        return result(default, 0.1, "no_letters_default")
    if not markers and counts.latin_words > counts.han:
        return result("en", 0.5 + 0.4 * (1 - han_share), "latin_majority")
    if script == "Hans":
        margin = counts.simplified - counts.traditional
        return result("zh-Hans", 0.6 + 0.1 * margin, "simplified_script")
    if markers:
        confidence = max(0.5, 0.6 + 0.1 * len(markers) - 0.05 * standard)
        return result("yue", confidence, "cantonese_markers")
    if script == "Hant":
        return result("zh-Hant", 0.6 + 0.05 * counts.traditional, "traditional_script")
    mainland = mainland_markers(text)
    if mainland:
        return result("zh-Hans", 0.6, "mainland_words_" + "_".join(dict.fromkeys(mainland)))
    return result("zh-Hant", 0.5, "han_ambiguous_default")
