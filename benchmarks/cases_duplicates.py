"""Duplicate detection: precision and recall on a generated set of report pairs (same service, same district).

Pairs are built from the catalogue's example utterances (four language forms), each placed at a street address
given both in the text and as the location line, then redacted by the real privacy analyzer, as intake does:

- duplicate: the same complaint at the same place, rewritten the way a second citizen might (filler words, a
  dropped word or characters, punctuation, Traditional ↔ Simplified, the address line abbreviated);
- not a duplicate, three kinds: another complaint about the same service at the same place (`other_text`),
  another complaint elsewhere (`other_both`), and the same complaint at another address (`other_place`: only the
  location gate can tell, because redaction removes the address from the text).

    .venv/bin/python benchmarks/cases_duplicates.py --pairs-per-kind 600

The decision is `civicdesk.cases.duplicates.duplicate_score` >= threshold, the function intake uses.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from pathlib import Path

from civicdesk.cases.duplicates import duplicate_score
from civicdesk.cases.model import Location
from civicdesk.cases.similarity import cosine, shingles
from civicdesk.catalogue import load_catalogue, to_simplified
from civicdesk.privacy import Analyzer

STREETS_EN = [
    "Lee Tung Street",
    "Nathan Road",
    "Pei Ho Street",
    "Shanghai Street",
    "Argyle Street",
    "Queen's Road Central",
    "Hennessy Road",
    "Kwun Tong Road",
    "Castle Peak Road",
    "Tai Po Road",
]
STREETS_ZH = [
    "利東街",
    "彌敦道",
    "北河街",
    "上海街",
    "亞皆老街",
    "皇后大道中",
    "軒尼詩道",
    "觀塘道",
    "青山公路",
    "大埔道",
]
FILLER_EN = ["Please help.", "It has been like this for days.", "Please send someone.", "Thanks.", "Urgent!"]
FILLER_ZH = ["請盡快處理。", "已經幾日咗。", "唔該跟進。", "謝謝。", "好危險！"]


def address(rng: random.Random, chinese: bool) -> str:
    number = rng.randint(1, 400)
    return f"{rng.choice(STREETS_ZH)}{number}號" if chinese else f"{number} {rng.choice(STREETS_EN)}"


def place(text: str, where: str, chinese: bool) -> str:
    return f"{where}{text}" if chinese else f"{text} outside {where}"


def rewrite(text: str, where: str, chinese: bool, rng: random.Random) -> tuple[str, str]:
    """Another citizen's report of the same problem at the same place."""
    body = text
    if chinese:
        for _ in range(rng.randint(0, 3)):  # drop a few characters here and there
            if len(body) > 8:
                start = rng.randrange(len(body) - 2)
                body = body[:start] + body[start + rng.randint(1, 2) :]
        if rng.random() < 0.4:
            body = to_simplified(body)
    else:
        words = body.split()
        for _ in range(rng.randint(0, 3)):  # drop a few words
            if len(words) > 5:
                del words[rng.randrange(len(words))]
        body = " ".join(words).lower() if rng.random() < 0.5 else " ".join(words)
    filler = rng.choice(FILLER_ZH if chinese else FILLER_EN)
    body = f"{body} {filler}" if rng.random() < 0.7 else f"{filler} {body}"
    where2 = where.replace("Street", "St").replace("Road", "Rd") if rng.random() < 0.5 else where
    return place(body.rstrip("."), where2, chinese), where2


def build(pairs_per_kind: int, seed: int) -> list[dict[str, object]]:
    rng = random.Random(seed)
    catalogue = load_catalogue()
    by_service = {s.id: s.examples.by_language() for s in catalogue.services.values()}
    services = sorted(by_service)
    rows: list[dict[str, object]] = []
    for kind in ("duplicate", "other_text", "other_both", "other_place"):
        made = 0
        while made < pairs_per_kind:
            service = rng.choice(services)
            language = rng.choice(["en", "zh-Hant", "yue", "zh-Hans"])
            examples = by_service[service][language]
            if kind in ("other_text", "other_both") and len(examples) < 2:
                continue
            chinese = language != "en"
            first, other = rng.sample(examples, 2) if len(examples) >= 2 else (examples[0], examples[0])
            where = address(rng, chinese)
            a = (place(first, where, chinese), where)
            if kind == "duplicate":
                b = rewrite(first, where, chinese, rng)
            elif kind == "other_text":
                b = (place(other, where, chinese), where)
            elif kind == "other_both":
                elsewhere = address(rng, chinese)
                b = (place(other, elsewhere, chinese), elsewhere)
            else:
                elsewhere = address(rng, chinese)
                b = rewrite(first, elsewhere, chinese, rng)
            rows.append({"kind": kind, "language": language, "service": service, "a": a, "b": b})
            made += 1
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs-per-kind", type=int, default=600)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--thresholds", default="0.3,0.35,0.4,0.45,0.5,0.55,0.6,0.7")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    analyzer = Analyzer()
    analyzer.warm_up()
    rows = build(args.pairs_per_kind, args.seed)
    scored = []
    for row in rows:
        (text_a, where_a), (text_b, where_b) = row["a"], row["b"]  # type: ignore[misc]
        red_a, red_b = analyzer.redact(text_a).text, analyzer.redact(text_b).text
        gated = duplicate_score(red_a, Location(address=where_a), red_b, Location(address=where_b))
        text_only = cosine(shingles(red_a), shingles(red_b))
        scored.append({**row, "score": gated, "text_only": text_only, "redacted": (red_a, red_b)})
    results: dict[str, object] = {"pairs": len(scored), "per_kind": args.pairs_per_kind, "thresholds": {}}
    for threshold in (float(t) for t in args.thresholds.split(",")):
        for variant in ("score", "text_only"):
            tp = fp = fn = 0
            per_language: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
            false_by_kind: dict[str, int] = defaultdict(int)
            for row in scored:
                value = row[variant]
                predicted = value is not None and value >= threshold  # type: ignore[operator]
                actual = row["kind"] == "duplicate"
                cell = per_language[str(row["language"])]
                if predicted and actual:
                    tp += 1
                    cell[0] += 1
                elif predicted:
                    fp += 1
                    cell[1] += 1
                    false_by_kind[str(row["kind"])] += 1
                elif actual:
                    fn += 1
                    cell[2] += 1
            precision = tp / (tp + fp) if tp + fp else 0.0
            recall = tp / (tp + fn) if tp + fn else 0.0
            results["thresholds"][f"{threshold:.2f}/{variant}"] = {  # type: ignore[index]
                "precision": round(precision, 3),
                "recall": round(recall, 3),
                "false_positives_by_kind": dict(false_by_kind),
                "per_language": {
                    lang: {
                        "precision": round(c[0] / (c[0] + c[1]), 3) if c[0] + c[1] else None,
                        "recall": round(c[0] / (c[0] + c[2]), 3) if c[0] + c[2] else None,
                    }
                    for lang, c in sorted(per_language.items())
                },
            }
    print(json.dumps(results, indent=2, ensure_ascii=False))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
