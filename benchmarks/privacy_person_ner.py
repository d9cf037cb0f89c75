"""PERSON detection outside our own sets: public Chinese and English NER corpora (person labels only).

    .venv/bin/python benchmarks/privacy_person_ner.py [--datasets DIR] [--msra-every 10]

These corpora are news, social media and résumés in Simplified Chinese and English newswire, not citizens' messages:
names appear without the cues and titles citizens use ("我叫", "陳先生", "Mr"), and their label conventions differ
from ours (CoNLL labels "Clinton" alone; CLUENER includes fictional characters). They measure how the PERSON
recognizers generalise, not the platform's target. Sets: Weibo NER test, Resume NER test, CLUENER 2020 dev
(`name`), every Nth sentence of MSRA NER, CoNLL-2003 test (PER). Nothing here was used to build the recognizers.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

from privacy_scoring import Span, score

from civicdesk.privacy import Analyzer

DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"
Record = tuple[str, list[Span]]


def _split(tag: str) -> tuple[str, str]:
    head, _, kind = tag.partition("-")
    return head, kind


def _from_tags(rows: list[tuple[str, str]], person: str, joiner: str) -> Record:
    """Text and PERSON spans from (token, BIO or BMES tag) rows."""
    text, spans, start = "", [], None
    for i, (token, tag) in enumerate(rows):
        text += (joiner if i else "") + token
        head, kind = _split(tag)
        if not kind.startswith(person):
            start = None
            continue
        if start is None or head in ("B", "S"):
            start = len(text) - len(token)
        next_head, next_kind = _split(rows[i + 1][1]) if i + 1 < len(rows) else ("O", "")
        if not (next_kind.startswith(person) and next_head in ("I", "M", "E")):
            spans.append(("PERSON", start, len(text)))
            start = None
    return text, spans


def _conll_like(lines: list[str], person: str, joiner: str, sep: str | None = None) -> list[Record]:
    records, rows = [], []
    for line in [*lines, ""]:
        parts = line.rstrip("\n").split(sep)
        if not line.strip():
            if rows:
                records.append(_from_tags(rows, person, joiner))
            rows = []
            continue
        if len(parts) >= 2:
            token = parts[0][:1] if not joiner else parts[0]  # Weibo glues segment digits to some characters
            rows.append((token, parts[1]))
    return records


def load(datasets: Path, msra_every: int) -> dict[str, list[Record]]:
    sets: dict[str, list[Record]] = {}
    ner = datasets / "chinese_ner"
    weibo = (ner / "weibo_ner" / "weiboNER_2nd_conll.test").read_text(encoding="utf-8").splitlines()
    sets["Weibo NER test (zh-Hans, social media)"] = _conll_like(weibo, "PER", "")
    resume = (ner / "resume_ner" / "test.char.bmes").read_text(encoding="utf-8").splitlines()
    sets["Resume NER test (zh-Hans, résumés)"] = _conll_like(resume, "NAME", "")
    cluener = []
    for line in (ner / "cluener2020" / "dev_official.json").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        spans = [("PERSON", s, e + 1) for places in row["label"].get("name", {}).values() for s, e in places]
        cluener.append((row["text"], spans))
    sets["CLUENER 2020 dev, name (zh-Hans, news)"] = cluener
    with gzip.open(ner / "msra_ner_dh_msra.txt.gz", "rt", encoding="utf-8") as handle:
        msra = _conll_like(handle.read().splitlines(), "PER", "", "\t")
    sets[f"MSRA NER, every {msra_every}th sentence (zh-Hans, news)"] = msra[::msra_every]
    conll = (datasets / "conll2003_en" / "test.txt").read_text(encoding="utf-8").splitlines()
    sets["CoNLL-2003 test, PER (en, newswire)"] = [r for r in _conll_like(conll, "PER", " ") if r[0] != "-DOCSTART-"]
    return sets


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=DATASETS)
    parser.add_argument("--msra-every", type=int, default=10)
    args = parser.parse_args()
    analyzer = Analyzer()
    analyzer.warm_up()
    print("| set | texts | names | P | R | F1 | F1 (overlap) | texts/s |")
    print("|---|---|---|---|---|---|---|---|")
    for name, records in load(args.datasets, args.msra_every).items():
        started = time.perf_counter()
        predicted = [
            [(f.type, f.start, f.end) for f in analyzer.analyze(text) if f.type == "PERSON"] for text, _ in records
        ]
        rate = len(records) / (time.perf_counter() - started)
        gold = [spans for _, spans in records]
        exact = score(gold, predicted, False, {"PERSON"})
        overlap = score(gold, predicted, True, {"PERSON"})
        p, r, f, n = exact.prf("PERSON")
        f_overlap = overlap.prf("PERSON")[2]
        print(f"| {name} | {len(records)} | {n} | {p:.3f} | {r:.3f} | {f:.3f} | {f_overlap:.3f} | {rate:,.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
