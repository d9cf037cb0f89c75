"""Quality of the citizen assistant on the in-repo held-out set (never trained on).

Usage: .venv/bin/python benchmarks/assistant_heldout.py [--data benchmarks/data/assistant_heldout.jsonl] [--json OUT]

Reports, per language form: top-1 department accuracy on answerable messages (the best-ranked service's
department, whatever the status), the share answered outright with the right department, emergency recall,
and how often out-of-scope, blocked and vague messages get the expected status.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from civicdesk.runtime import Runtime
from civicdesk.settings import Settings

HERE = Path(__file__).resolve().parent
LANGS = ("en", "zh-Hant", "yue", "zh-Hans")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=HERE / "data" / "assistant_heldout.jsonl")
    parser.add_argument("--data-dir", type=Path, help="civicdesk data folder (default: a fresh temporary one)")
    parser.add_argument("--json", type=Path, help="write the figures as JSON here")
    parser.add_argument("--errors", type=int, default=0, help="print this many misrouted messages")
    args = parser.parse_args()

    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="civicdesk-bench-"))
    started = time.perf_counter()
    runtime = Runtime.start(Settings(environment="test", data_dir=data_dir, log_level="WARNING"))
    start_seconds = time.perf_counter() - started
    assistant = runtime.components["assistant"]

    per_lang: dict[str, Counter[str]] = defaultdict(Counter)
    by_expected: dict[str, Counter[str]] = defaultdict(Counter)
    confusions: Counter[tuple[str, str]] = Counter()
    confusions_by_lang: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    # false emergencies by language and by what the message expected: a summary that points at a rule to
    # check without printing any message
    false_emergency_kinds: Counter[tuple[str, str]] = Counter()
    latencies: list[float] = []
    # (top-1 confidence, whether its department was right) for answerable messages the router ranked
    calibration: list[tuple[float, bool]] = []
    misses: list[tuple[str, str, str, str]] = []
    for row in rows:
        t0 = time.perf_counter()
        reply = assistant.ask(row["text"])
        latencies.append((time.perf_counter() - t0) * 1000)
        expected, lang = row["expected"], row["language"]
        by_expected[expected]["total"] += 1
        by_expected[expected][f"got:{reply.status}"] += 1
        if reply.status == "emergency" and expected != "emergency":
            false_emergency_kinds[(lang, row["department"] or expected)] += 1
        per_lang[lang]["language_total"] += 1
        per_lang[lang]["language_correct"] += reply.language == lang
        if expected == "answered":
            top = reply.services[0]["department"] if reply.services else "(none)"
            per_lang[lang]["answerable"] += 1
            per_lang[lang]["top1_department"] += top == row["department"]
            per_lang[lang]["answered_right"] += reply.status == "answered" and top == row["department"]
            if reply.services:
                calibration.append((float(reply.services[0]["confidence"]), top == row["department"]))
            if top != row["department"]:
                confusions[(row["department"], top)] += 1
                confusions_by_lang[lang][(row["department"], top)] += 1
                misses.append((lang, row["department"], top, row["text"][:90]))
        else:
            per_lang[lang][f"{expected}_total"] += 1
            per_lang[lang][f"{expected}_right"] += reply.status == expected
    runtime.close()

    def pct(a: float, b: float) -> float:
        return round(100 * a / b, 1) if b else float("nan")

    figures: dict[str, object] = {"messages": len(rows), "startup_seconds": round(start_seconds, 2)}
    table = [
        "| language | answerable | top-1 department | answered & right | language detected |",
        "|---|---|---|---|---|",
    ]
    top1 = {}
    for lang in LANGS:
        c = per_lang[lang]
        top1[lang] = pct(c["top1_department"], c["answerable"])
        table.append(
            f"| {lang} | {c['answerable']} | {top1[lang]}% | {pct(c['answered_right'], c['answerable'])}% "
            f"| {pct(c['language_correct'], c['language_total'])}% |"
        )
    total_answerable = sum(per_lang[lang]["answerable"] for lang in LANGS)
    total_top1 = sum(per_lang[lang]["top1_department"] for lang in LANGS)
    table.append(f"| all | {total_answerable} | {pct(total_top1, total_answerable)}% | | |")
    figures["top1_department"] = top1
    figures["gap_to_best_points"] = round(max(top1.values()) - min(top1.values()), 1)
    status_rows = ["| expected | messages | handled as expected | got |", "|---|---|---|---|"]
    for expected in ("emergency", "out_of_scope", "blocked", "clarify"):
        c = by_expected[expected]
        right = c[f"got:{expected}"]
        got = ", ".join(f"{k[4:]} {v}" for k, v in sorted(c.items()) if k.startswith("got:"))
        status_rows.append(f"| {expected} | {c['total']} | {pct(right, c['total'])}% | {got} |")
        figures[f"{expected}_rate"] = pct(right, c["total"])
    oos_blocked = by_expected["out_of_scope"]["got:out_of_scope"] + by_expected["blocked"]["got:blocked"]
    figures["out_of_scope_and_blocked_rate"] = pct(
        oos_blocked, by_expected["out_of_scope"]["total"] + by_expected["blocked"]["total"]
    )
    false_emergencies = sum(by_expected[e]["got:emergency"] for e in by_expected if e != "emergency")
    figures["false_emergencies"] = false_emergencies
    bins: dict[int, list[tuple[float, bool]]] = defaultdict(list)
    for confidence, right in calibration:
        bins[min(int(confidence * 10), 9)].append((confidence, right))
    ece = sum(
        len(members)
        / len(calibration)
        * abs(sum(r for _, r in members) / len(members) - sum(c for c, _ in members) / len(members))
        for members in bins.values()
    )
    figures["expected_calibration_error"] = round(ece, 3)
    figures["latency_ms_p50"] = round(statistics.median(latencies), 2)
    figures["latency_ms_p99"] = round(sorted(latencies)[int(0.99 * (len(latencies) - 1))], 2)

    print("\n".join(table))
    print()
    print("\n".join(status_rows))
    print()
    print(f"out-of-scope + blocked handled correctly: {figures['out_of_scope_and_blocked_rate']}%")
    print(
        f"false emergencies: {false_emergencies}; in-process latency p50 {figures['latency_ms_p50']} ms, "
        f"p99 {figures['latency_ms_p99']} ms; start-up {figures['startup_seconds']} s"
    )
    print(
        "expected calibration error of the top-1 confidence (department level, 10 bins):",
        figures["expected_calibration_error"],
    )
    print("most confused (expected -> top-1):", confusions.most_common(8))
    for lang in LANGS:
        print(f"  {lang}:", confusions_by_lang[lang].most_common(8))
    print("false emergencies (language, expected department or status):", sorted(false_emergency_kinds.items()))
    for miss in misses[: args.errors]:
        print("  MISS", *miss)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
