"""Regex-only recognizers defined in YAML, so an operator can add one without writing code.

```yaml
recognizers:
  - name: HkCarPlateRecognizer        # unique
    entity: CAR_PLATE                 # an existing type, or a new UPPER_CASE one
    patterns:
      - {name: hk_plate, regex: '(?<![A-Za-z0-9])[A-HJ-NPR-Z]{2} ?\\d{1,4}(?![A-Za-z0-9])', score: 0.5}
    context: [車牌, plate]            # optional; Simplified forms are added automatically
    context_required: true            # optional, default false
    context_boost: 0.35               # optional, default 0.1
    context_before: 30                # optional, characters before the match searched for context
    context_after: 10                 # optional
    ignore_case: false                # optional
    min_digit_run: 1                  # optional: skip texts without this many consecutive digits (speed)
```
A pattern may name a group `value` to report only that part of the match.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from civicdesk.privacy.errors import RecognizerConfigError
from civicdesk.privacy.recognizers.base import Pattern, PatternRecognizer

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_ENTITY = re.compile(r"[A-Z][A-Z0-9_]*")
_KEYS = {
    "name", "entity", "patterns", "context", "context_required", "context_boost", "context_before",
    "context_after", "ignore_case", "negative_context", "min_digit_run",
}  # fmt: skip


def builtin_yaml() -> str:
    return resources.files("civicdesk.privacy.recognizers").joinpath("recognizers.yaml").read_text("utf-8")


def load_yaml_recognizers(text: str, source: str = "<yaml>") -> list[type[PatternRecognizer]]:
    """Turn YAML text into recognizer classes; raises RecognizerConfigError (E407) naming the faulty entry."""
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise RecognizerConfigError(f"{source} is not valid YAML: {exc}") from exc
    entries = data.get("recognizers") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise RecognizerConfigError(f"{source} needs a top-level `recognizers:` list")
    return [_build(entry, f"{source} recognizer #{i + 1}") for i, entry in enumerate(entries)]


def load_yaml_file(path: Path) -> list[type[PatternRecognizer]]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RecognizerConfigError(f"cannot read recognizer file {path}: {exc.strerror}") from exc
    return load_yaml_recognizers(text, str(path))


def _build(entry: Any, where: str) -> type[PatternRecognizer]:
    def fail(problem: str) -> RecognizerConfigError:
        return RecognizerConfigError(f"{where}: {problem}")

    if not isinstance(entry, dict):
        raise fail("must be a mapping with name, entity and patterns")
    unknown = set(entry) - _KEYS
    if unknown:
        raise fail(f"unknown keys {sorted(unknown)}; allowed: {sorted(_KEYS)}")
    name, entity = entry.get("name"), entry.get("entity")
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise fail("`name` must be an identifier such as HkCarPlateRecognizer")
    if not isinstance(entity, str) or not _ENTITY.fullmatch(entity):
        raise fail("`entity` must be an UPPER_CASE type name such as CAR_PLATE")
    ignore_case = bool(entry.get("ignore_case", False))
    patterns = []
    for j, raw in enumerate(entry.get("patterns") or []):
        if not isinstance(raw, dict) or not {"name", "regex", "score"} <= set(raw):
            raise fail(f"pattern #{j + 1} needs name, regex and score")
        try:
            re.compile(str(raw["regex"]))
        except re.error as exc:
            raise fail(f"pattern {raw['name']!r} is not a valid regex: {exc}") from exc
        score = raw["score"]
        if not isinstance(score, int | float) or not 0 <= score <= 1:
            raise fail(f"pattern {raw['name']!r}: score must be between 0 and 1")
        patterns.append(Pattern(str(raw["name"]), str(raw["regex"]), float(score), ignore_case))
    if not patterns:
        raise fail("needs at least one pattern")
    context = entry.get("context") or []
    negative = entry.get("negative_context") or []
    if not all(isinstance(w, str) for w in [*context, *negative]):
        raise fail("context words must be strings")
    attributes: dict[str, Any] = {
        "__doc__": f"Defined in YAML ({where}).",
        "name": name,
        "entity": entity,
        "PATTERNS": tuple(patterns),
        "CONTEXT": tuple(context),
        "NEGATIVE_CONTEXT": tuple(negative),
        "CONTEXT_REQUIRED": bool(entry.get("context_required", False)),
        "CONTEXT_BOOST": float(entry.get("context_boost", 0.1)),
        "CONTEXT_BEFORE": int(entry.get("context_before", 30)),
        "CONTEXT_AFTER": int(entry.get("context_after", 10)),
        "min_digit_run": int(entry.get("min_digit_run", 0)),
    }
    return type(name, (PatternRecognizer,), attributes)
