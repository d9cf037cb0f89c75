"""Safety rules: in-repo emergency / blocked sets, flag rates on public corpora of ordinary messages, speed.

    .venv/bin/python benchmarks/safety_rules.py [--datasets DIR] [--show N]

1. In-repo sets (tests/safety/data): emergency recall, false-emergency rate on near misses, blocked recall,
   false-block rate, per language form and per writing round.
2. Public corpora of ordinary requests and forum posts (nothing in them is meant to be an emergency or an
   attack): the share `assess` flags. CLINC150, Banking77, HWU64 (en), CFPB narratives (en, long
   complaints), SMP2017 and CrossWOZ (zh-Hans), LIHKG-cat and a Cantonese forum-sentiment set (yue, real
   forum posts: some flags there are genuine talk of violence or suicide; `--show` prints them to judge).
3. Time per `assess` call (language detection not included), and a 2,000-character message.
Texts longer than the API's 2,000-character limit are cut to it.
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from civicdesk.language import detect, normalise
from civicdesk.safety import assess, warm_up

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "safety" / "data"
DEFAULT_DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"
LANGS = ("en", "zh-Hant", "yue", "zh-Hans")
MAX_CHARS = 2000  # the API's message limit: longer texts (some CFPB and LIHKG posts) are cut, as /ask would refuse them


def _jsonl(name: str) -> list[dict[str, object]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _csv(path: Path, column: str, delimiter: str = ",") -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [row[column] for row in csv.DictReader(handle, delimiter=delimiter) if row.get(column, "").strip()]


def corpora(root: Path) -> dict[str, list[str]]:
    clinc = json.loads((root / "clinc150_oos" / "data_full.json").read_text(encoding="utf-8"))
    forum = json.loads(
        (root / "cantonese_forum_sentiment" / "cantonese_forum_sentiment_5496.json").read_text(encoding="utf-8")
    )
    return {
        "en: CLINC150 test + oos_test": [t for key in ("test", "oos_test") for t, _ in clinc[key]],
        "en: Banking77 test": _csv(root / "banking77" / "test.csv", "text"),
        "en: HWU64 test": _csv(root / "hwu64" / "test.csv", "text"),
        "en: CFPB complaint narratives": _csv(
            root / "cfpb_complaints_sample" / "cfpb_complaints_sample_1000.csv", "Consumer complaint narrative"
        ),
        "zh-Hans: SMP2017 train + develop": _csv(root / "smp2017_ecdt_intent" / "train.tsv", "Sentence", "\t")
        + _csv(root / "smp2017_ecdt_intent" / "develop.tsv", "Sentence", "\t"),
        "zh-Hans: CrossWOZ test": _csv(root / "crosswoz_user_intents" / "test_user_turns.csv", "text"),
        "yue: LIHKG-cat test": _csv(root / "lihkg_cat_cantonese" / "test.tsv", "text_a", "\t"),
        "yue: Cantonese forum sentiment": [str(row["text"]) for row in forum],
    }


def _status(text: str, lang: str) -> str | None:
    verdict = assess(text, lang)
    return verdict.status if verdict else None


def in_repo() -> None:
    sets = {
        "emergency recall": (_jsonl("emergency.jsonl"), "emergency"),
        "near misses flagged as emergency": (_jsonl("non_emergency.jsonl"), None),
        "blocked recall": (_jsonl("blocked.jsonl"), "blocked"),
        "near misses blocked": (_jsonl("not_blocked.jsonl"), None),
    }
    print("In-repo sets (tests/safety/data): % (count), by language form\n")
    print("| measure | all | " + " | ".join(LANGS) + " |")
    print("|---|---:|" + "---:|" * len(LANGS))
    for name, (rows, want) in sets.items():
        hits: Counter[str] = Counter()
        totals: Counter[str] = Counter()
        for row in rows:
            lang = str(row["lang"])
            got = _status(str(row["text"]), lang)
            totals[lang] += 1
            # recall rows count correct answers; near-miss rows count wrong flags
            hits[lang] += (got == want) if want else (got is not None)
        cells = [f"{100 * hits[lang] / totals[lang]:.1f} ({hits[lang]}/{totals[lang]})" for lang in LANGS]
        total_hits, total = sum(hits.values()), sum(totals.values())
        print(f"| {name} | {100 * total_hits / total:.1f} ({total_hits}/{total}) | " + " | ".join(cells) + " |")


def public(root: Path, show: int) -> list[float]:
    times: list[float] = []
    print("\nPublic corpora of ordinary messages: share flagged (%), with the rules that fired most\n")
    print("| corpus | n | emergency | blocked | top rules |")
    print("|---|---:|---:|---:|---|")
    for name, texts in corpora(root).items():
        statuses: Counter[str] = Counter()
        rules: Counter[str] = Counter()
        examples: list[str] = []
        for raw in texts:
            text = normalise(raw)[:MAX_CHARS]
            lang = detect(text).language
            best = float("inf")
            for _ in range(3):  # best of three: the machine is shared, one run is often interrupted
                start = time.perf_counter()
                verdict = assess(text, lang)
                best = min(best, time.perf_counter() - start)
            times.append(best)
            if verdict:
                statuses[verdict.status] += 1
                rules.update(m.rule for m in verdict.matches)
                if len(examples) < show:
                    examples.append(
                        f"{verdict.status}/{verdict.category} {[m.text for m in verdict.matches]}: {text[:100]}"
                    )
        top = ", ".join(f"{r} {c}" for r, c in rules.most_common(4))
        n = len(texts)
        print(f"| {name} | {n} | {100 * statuses['emergency'] / n:.2f} | {100 * statuses['blocked'] / n:.2f} | {top} |")
        for example in examples:
            print(f"|  | | | | {example} |")
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    parser.add_argument("--show", type=int, default=0, help="print up to N flagged messages per corpus")
    args = parser.parse_args(argv)
    in_repo()
    if not args.datasets.is_dir():
        print(f"\nno datasets at {args.datasets}; pass --datasets DIR for the public corpora", file=sys.stderr)
        return 0
    warm_up()
    times = public(args.datasets, args.show)
    ordered = sorted(times)
    print(
        f"\nTime per assess() over {len(times)} public messages (best of 3 each): "
        f"median {1e6 * statistics.median(times):.0f} µs, "
        f"p99 {1e6 * ordered[int(0.99 * (len(ordered) - 1))]:.0f} µs, max {1e6 * ordered[-1]:.0f} µs"
    )
    for label, text in (
        ("2,000 characters of Cantonese", "我想問下點樣續領身份證，唔該晒。" * 125),
        ("2,000 characters of English", "How do I renew my identity card online please? " * 42),
        ("2,000 copies of one character", "火" * 2000),
    ):
        text = normalise(text)
        runs = []
        for _ in range(31):
            start = time.perf_counter()
            assess(text, "yue")
            runs.append(time.perf_counter() - start)
        print(f"{label}: median {1e6 * statistics.median(runs):.0f} µs per assess() (31 runs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
