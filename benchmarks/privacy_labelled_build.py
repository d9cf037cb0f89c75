"""Build benchmarks/data/privacy_labelled.jsonl and privacy_heldout.jsonl from marked-up sentences, checking spans.

Mark-up: ``[[TYPE:value]]`` is a labelled entity; ``<<KIND:value>>`` is a near miss (something a careless
recognizer would report: a checksum-invalid HKID, a case number, a hotline, a district, a date that is not a birth
date ...). Near misses are kept in the record so the benchmark can count false alarms on them.

Span conventions (the benchmark scores exact character spans):
- PERSON: the name only, without titles (Mr, Ms, Dr, 先生, 小姐, 女士, 生, 太, 姑娘); a surname with a title
  ("陳先生", "Mr Chan") is a PERSON span on the surname.
- PHONE: the number with its country code and its separators ("+852 9123 4567", "(852) 2575 1234").
- ADDRESS: the contiguous run of address parts, from flat/room to district or region, commas included.
- DATE_OF_BIRTH, PASSPORT, BANK_ACCOUNT, BR_NUMBER, CAR_PLATE: the value only, not its label.

Every identifier is checked here: labelled HKID, CREDIT_CARD and CN_RESIDENT_ID values must pass their checksum and
labelled PHONE values must be valid for the `phonenumbers` library; HKID_INVALID, CARD_INVALID, CN_ID_INVALID and
PHONE_INVALID near misses must fail. Run:

    .venv/bin/python benchmarks/privacy_labelled_build.py            # writes both JSONL files
    .venv/bin/python benchmarks/privacy_labelled_build.py --check    # fails if one is out of date
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from pathlib import Path

import phonenumbers
import privacy_heldout_sentences
import privacy_labelled_sentences

DATA = Path(__file__).resolve().parent / "data"
SETS = {
    "labelled": (privacy_labelled_sentences.SENTENCES, DATA / "privacy_labelled.jsonl"),
    "heldout": (privacy_heldout_sentences.SENTENCES, DATA / "privacy_heldout.jsonl"),
}
MARK = re.compile(r"\[\[([A-Z_]+):(.+?)\]\]|<<([A-Z_]+):(.+?)>>")
TYPES = {
    "HKID", "PHONE", "EMAIL", "CREDIT_CARD", "PASSPORT", "CN_RESIDENT_ID", "PERSON", "ADDRESS",
    "BANK_ACCOUNT", "BR_NUMBER", "CAR_PLATE", "DATE_OF_BIRTH", "IP_ADDRESS",
}  # fmt: skip
_FOLD = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def hkid_valid(value: str) -> bool:
    compact = re.sub(r"[\s()]", "", value.translate(_FOLD)).upper()
    m = re.fullmatch(r"([A-Z]{1,2})(\d{6})([0-9A])", compact)
    if not m:
        return False
    letters, digits, check = m.groups()
    values = ([36] if len(letters) == 1 else []) + [ord(c) - 55 for c in letters] + [int(d) for d in digits]
    total = sum(v * w for v, w in zip(values, range(9, 1, -1), strict=True))
    expected = (11 - total % 11) % 11
    return check == ("A" if expected == 10 else str(expected))


def luhn_valid(value: str) -> bool:
    digits = [int(c) for c in re.sub(r"\D", "", value.translate(_FOLD))]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return 12 <= len(digits) <= 19 and total % 10 == 0


def cn_id_valid(value: str) -> bool:
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    if not re.fullmatch(r"\d{17}[\dX]", value):
        return False
    total = sum(int(c) * w for c, w in zip(value[:17], weights, strict=True))
    return "10X98765432"[total % 11] == value[17]


def phone_valid(value: str) -> bool:
    folded = value.translate(_FOLD)
    try:
        number = phonenumbers.parse(folded, None if folded.lstrip("(").startswith(("+", "852")) else "HK")
    except phonenumbers.NumberParseException:
        try:
            number = phonenumbers.parse("+" + re.sub(r"\D", "", folded))
        except phonenumbers.NumberParseException:
            return False
    return bool(phonenumbers.is_valid_number(number))


def parse(marked: str) -> tuple[str, list[dict[str, object]], list[dict[str, object]]]:
    text_parts: list[str] = []
    entities: list[dict[str, object]] = []
    near: list[dict[str, object]] = []
    pos = 0
    length = 0
    for m in MARK.finditer(marked):
        before = marked[pos : m.start()]
        text_parts.append(before)
        length += len(before)
        kind, value = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        span = {"start": length, "end": length + len(value), "text": value}
        if m.group(1):
            if kind not in TYPES:
                raise ValueError(f"unknown type {kind} in {marked!r}")
            entities.append({"type": kind, **span})
        else:
            near.append({"kind": kind, **span})
        text_parts.append(value)
        length += len(value)
        pos = m.end()
    text_parts.append(marked[pos:])
    text = "".join(text_parts)
    if "[[" in text or "<<" in text:
        raise ValueError(f"unbalanced mark-up in {marked!r}")
    return text, entities, near


def verify(record: dict[str, object]) -> list[str]:
    problems: list[str] = []
    text = str(record["text"])
    spans = sorted(record["entities"], key=lambda e: (e["start"], e["end"]))  # type: ignore[arg-type, index]
    for e in spans:
        if text[e["start"] : e["end"]] != e["text"] or e["text"] != e["text"].strip():
            problems.append(f"bad span {e}")
    for a, b in itertools.pairwise(spans):
        if b["start"] < a["end"]:
            problems.append(f"overlap {a} {b}")
    checks = {"HKID": hkid_valid, "CREDIT_CARD": luhn_valid, "CN_RESIDENT_ID": cn_id_valid, "PHONE": phone_valid}
    for e in spans:
        check = checks.get(e["type"])
        if check and not check(e["text"]):
            problems.append(f"labelled {e['type']} fails its check: {e['text']}")
    negatives = {"HKID_INVALID": hkid_valid, "CARD_INVALID": luhn_valid, "CN_ID_INVALID": cn_id_valid}
    negatives["PHONE_INVALID"] = phone_valid
    for n in record["near_misses"]:  # type: ignore[attr-defined]
        check = negatives.get(n["kind"])
        if check and check(n["text"]):
            problems.append(f"near miss {n['kind']} passes its check: {n['text']}")
    return problems


def build(sentences_by_language: dict[str, list[str]]) -> list[dict[str, object]]:
    records: list[dict[str, object]] = []
    seen: set[str] = set()
    for lang, sentences in sentences_by_language.items():
        for i, marked in enumerate(sentences, 1):
            text, entities, near = parse(marked)
            if text in seen:
                raise ValueError(f"duplicate sentence {text!r}")
            seen.add(text)
            record: dict[str, object] = {
                "id": f"{lang}-{i:03d}",
                "lang": lang,
                "text": text,
                "entities": entities,
                "near_misses": near,
            }
            problems = verify(record)
            if problems:
                raise ValueError(f"{record['id']}: {problems}")
            records.append(record)
    return records


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a JSONL differs from its sentences")
    parser.add_argument("--set", choices=[*SETS, "all"], default="all", help="which set to build (default: all)")
    args = parser.parse_args()
    for name in SETS if args.set == "all" else [args.set]:
        sentences, out = SETS[name]
        lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in build(sentences))
        if args.check:
            if not out.exists() or out.read_text(encoding="utf-8") != lines:
                print(f"{out} is out of date; rerun without --check", file=sys.stderr)
                return 1
            continue
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(lines, encoding="utf-8")
        print(f"wrote {lines.count(chr(10))} records to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
