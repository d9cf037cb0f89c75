"""Privacy guard benchmark: civicdesk's analyzer and Microsoft Presidio, on the same sets, in one run.

    benchmarks/setup_presidio.sh                      # once: Presidio in its own venv (benchmarks/.venv-presidio)
    .venv/bin/python benchmarks/privacy_benchmark.py [--labelled PATH] [--synthetic PATH] [--repeat 5]

Sets:
- the in-repo labelled set (benchmarks/data/privacy_labelled.jsonl: en, zh-Hant, yue, zh-Hans; exact spans) and the
  held-out set written after the recognizers (benchmarks/data/privacy_heldout.jsonl, same form, never tuned on);
- Microsoft's synthetic PII set (../shared/datasets/presidio_synth_pii/synth_dataset_v2.json, English, their labels,
  mapped to our names: PHONE_NUMBER→PHONE, EMAIL_ADDRESS→EMAIL, STREET_ADDRESS→ADDRESS).

Reported: per-type precision / recall / F1 (exact spans, and overlapping spans), the issue's targets on the labelled
set, per-language figures, and throughput in texts per second (median of --repeat passes, after a warm-up) for both
systems, plus our p50/p95 latency on a 200-character message. Presidio is skipped, with a note, when its venv is
missing. Types a system does not have are scored as zero, not left out.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from privacy_scoring import Scores, Span, score

from civicdesk.privacy import Analyzer

HERE = Path(__file__).resolve().parent
DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"
DEFAULT_SYNTHETIC = DATASETS / "presidio_synth_pii" / "synth_dataset_v2.json"
PRESIDIO_PYTHON = HERE / ".venv-presidio" / "bin" / "python"
PRESIDIO_TYPES = {
    "PHONE_NUMBER": "PHONE", "EMAIL_ADDRESS": "EMAIL", "CREDIT_CARD": "CREDIT_CARD", "IP_ADDRESS": "IP_ADDRESS",
    "PERSON": "PERSON",
}  # fmt: skip
SYNTHETIC_TYPES = {**PRESIDIO_TYPES, "STREET_ADDRESS": "ADDRESS"}
COMPARED = ["PHONE", "EMAIL", "CREDIT_CARD", "IP_ADDRESS", "PERSON", "ADDRESS"]
MESSAGE_200 = (
    "我叫陳大文，住喺何文田愛民邨嘉民樓12樓1203室，樓上單位成日漏水，已經投訴咗好多次都冇人理。"
    "My HKID is A123456(3), phone 9123 4567, email chan.taiman@example.com. "
    "請盡快派人嚟睇吓，唔該晒！我平日晚上七點後先返到屋企，星期六全日都得。"
    "另外，我個仔陳家樂都想申請公屋，佢電話係6123 4567，唔該一併跟進，多謝！有咩問題可以電郵聯絡我。"
)[:200]


def _set_name(path: Path) -> str:
    if path.name == "privacy_labelled.jsonl":
        return "In-repo labelled set"
    if path.name == "privacy_heldout.jsonl":
        return "Held-out set"
    return path.stem


def load_labelled(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_synthetic(path: Path) -> list[dict[str, Any]]:
    records = []
    for i, row in enumerate(json.loads(path.read_text(encoding="utf-8"))):
        entities = [
            {"type": SYNTHETIC_TYPES[s["entity_type"]], "start": s["start_position"], "end": s["end_position"]}
            for s in row["spans"]
            if s["entity_type"] in SYNTHETIC_TYPES
        ]
        records.append({"id": f"synth-{i}", "lang": "en", "text": row["full_text"], "entities": entities})
    return records


def gold_spans(records: list[dict[str, Any]]) -> list[list[Span]]:
    return [[(e["type"], e["start"], e["end"]) for e in r["entities"]] for r in records]


def run_ours(analyzer: Analyzer, texts: list[str], repeat: int) -> tuple[list[list[Span]], float, float]:
    """Predictions, then texts per second: wall clock and CPU time (median of `repeat` passes)."""
    predictions = [[(f.type, f.start, f.end) for f in analyzer.analyze(t)] for t in texts]
    rates, cpu_rates = [], []
    for _ in range(repeat):
        started, cpu_started = time.perf_counter(), time.process_time()
        for text in texts:
            analyzer.analyze(text)
        rates.append(len(texts) / (time.perf_counter() - started))
        cpu_rates.append(len(texts) / max(time.process_time() - cpu_started, 1e-9))
    return predictions, statistics.median(rates), statistics.median(cpu_rates)


def run_presidio(python: Path, texts: list[str], repeat: int) -> dict[str, Any] | None:
    if not python.exists():
        return None
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder) / "texts.json", Path(folder) / "out.json"
        source.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        runner = HERE / "privacy_presidio_runner.py"
        cmd = [str(python), str(runner), str(source), str(target), "--repeat", str(repeat)]
        subprocess.run(cmd, check=True)
        result: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
    result["spans"] = [
        [(PRESIDIO_TYPES[t], s, e) for t, s, e, _ in row if t in PRESIDIO_TYPES] for row in result["predictions"]
    ]
    return result


def latency(analyzer: Analyzer, text: str, calls: int = 2000) -> tuple[float, float]:
    timings = []
    for _ in range(calls):
        started = time.perf_counter()
        analyzer.analyze(text)
        timings.append(time.perf_counter() - started)
    timings.sort()
    return statistics.median(timings) * 1000, timings[int(0.95 * len(timings))] * 1000


def table(name: str, types: list[str], ours: dict[str, Scores], theirs: dict[str, Scores] | None) -> list[str]:
    header = "| type | gold | ours P | ours R | ours F1 | ours F1 (overlap) |"
    header += " Presidio P | Presidio R | Presidio F1 | Presidio F1 (overlap) |" if theirs else ""
    lines = [f"**{name}**", "", header, "|---" * (header.count("|") - 1) + "|"]
    for kind in [*types, None]:
        p, r, f, n = ours["exact"].prf(kind)
        row = f"| {kind or '**all**'} | {n} | {p:.3f} | {r:.3f} | {f:.3f} | {ours['overlap'].prf(kind)[2]:.3f} |"
        if theirs:
            tp, tr, tf, _ = theirs["exact"].prf(kind)
            row += f" {tp:.3f} | {tr:.3f} | {tf:.3f} | {theirs['overlap'].prf(kind)[2]:.3f} |"
        lines.append(row)
    return [*lines, ""]


def both(gold: list[list[Span]], predicted: list[list[Span]], types: set[str]) -> dict[str, Scores]:
    return {"exact": score(gold, predicted, False, types), "overlap": score(gold, predicted, True, types)}


def targets(records: list[dict[str, Any]], predicted: list[list[Span]]) -> list[str]:
    exact = score(gold_spans(records), predicted, False, {e["type"] for r in records for e in r["entities"]})
    lines = ["| target | required | measured |", "|---|---|---|"]
    for kind in ("HKID", "PHONE", "EMAIL", "CREDIT_CARD"):
        lines.append(f"| {kind} recall (checksum/library-valid) | 100% | {exact.prf(kind)[1]:.1%} |")
    invalid = 0
    for record, spans in zip(records, predicted, strict=True):
        for near in record["near_misses"]:
            if near["kind"] == "HKID_INVALID":
                invalid += any(k == "HKID" and s < near["end"] and near["start"] < e for k, s, e in spans)
    count = sum(1 for r in records for n in r["near_misses"] if n["kind"] == "HKID_INVALID")
    lines.append(f"| checksum-invalid HKIDs reported as HKID | 0 of {count} | {invalid} |")
    for label, langs in (("Chinese (zh-Hant, yue, zh-Hans)", {"zh-Hant", "yue", "zh-Hans"}), ("English", {"en"})):
        chosen = [i for i, r in enumerate(records) if r["lang"] in langs]
        sub = score([gold_spans(records)[i] for i in chosen], [predicted[i] for i in chosen], False, {"PERSON"})
        lines.append(f"| PERSON recall, {label} | ≥ 90% | {sub.prf('PERSON')[1]:.1%} |")
    lines.append(f"| overall precision | ≥ 95% | {exact.prf()[0]:.1%} |")
    return [*lines, ""]


def per_language(records: list[dict[str, Any]], predicted: list[list[Span]]) -> list[str]:
    lines = ["| language | texts | entities | P | R | F1 | PERSON R |", "|---|---|---|---|---|---|---|"]
    types = {e["type"] for r in records for e in r["entities"]}
    for lang in ("en", "zh-Hant", "yue", "zh-Hans"):
        chosen = [i for i, r in enumerate(records) if r["lang"] == lang]
        gold = [gold_spans(records)[i] for i in chosen]
        sub = score(gold, [predicted[i] for i in chosen], False, types)
        p, r, f, n = sub.prf()
        lines.append(f"| {lang} | {len(chosen)} | {n} | {p:.3f} | {r:.3f} | {f:.3f} | {sub.prf('PERSON')[1]:.3f} |")
    return [*lines, ""]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--labelled",
        type=Path,
        action="append",
        help="a labelled JSONL set (repeatable; default: the in-repo labelled set and the held-out set)",
    )
    parser.add_argument("--synthetic", type=Path, default=DEFAULT_SYNTHETIC)
    parser.add_argument("--presidio-python", type=Path, default=PRESIDIO_PYTHON)
    parser.add_argument("--repeat", type=int, default=5, help="timed passes per set (median reported)")
    parser.add_argument("--json", type=Path, default=None, help="also write the raw figures here")
    args = parser.parse_args()

    analyzer = Analyzer()
    started = time.perf_counter()
    analyzer.warm_up()
    warm_up_ms = (time.perf_counter() - started) * 1000
    labelled = args.labelled or [HERE / "data" / "privacy_labelled.jsonl", HERE / "data" / "privacy_heldout.jsonl"]
    sets = [(_set_name(path), load_labelled(path)) for path in labelled]
    if args.synthetic.exists():
        sets.append(("Presidio synthetic set (English)", load_synthetic(args.synthetic)))
    else:
        print(f"(synthetic set not found at {args.synthetic}; skipped)", file=sys.stderr)
    out: list[str] = []
    raw: dict[str, Any] = {"warm_up_ms": warm_up_ms}
    speed = [
        "| set | texts | ours texts/s (wall) | Presidio texts/s (wall) | ratio"
        " | ours texts/CPU-s | Presidio texts/CPU-s | ratio (CPU) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, records in sets:
        texts = [r["text"] for r in records]
        gold = gold_spans(records)
        ours_spans, ours_rate, ours_cpu = run_ours(analyzer, texts, args.repeat)
        presidio = run_presidio(args.presidio_python, texts, args.repeat)
        present = {e["type"] for r in records for e in r["entities"]}
        compared = [t for t in COMPARED if t in present]
        ours = both(gold, ours_spans, set(compared))
        theirs = both(gold, presidio["spans"], set(compared)) if presidio else None
        out += table(f"{name}: types both systems are scored on", compared, ours, theirs)
        if not name.startswith("Presidio"):
            every = sorted(present)
            out += table(f"{name}: every type (ours)", every, both(gold, ours_spans, set(every)), None)
            out += [f"**Targets ({name})**", "", *targets(records, ours_spans)]
            out += ["**Per language (ours, every type, exact spans)**", "", *per_language(records, ours_spans)]
        their_rate = presidio["texts_per_second"] if presidio else None
        their_cpu = presidio["texts_per_cpu_second"] if presidio else None
        wall = f"{their_rate:,.0f} | {ours_rate / their_rate:.1f}×" if their_rate else "not run | n/a"
        cpu = f"{their_cpu:,.0f} | {ours_cpu / their_cpu:.1f}×" if their_cpu else "not run | n/a"
        speed.append(f"| {name} | {len(texts)} | {ours_rate:,.0f} | {wall} | {ours_cpu:,.0f} | {cpu} |")
        raw[name] = {
            "ours_texts_per_second": ours_rate,
            "presidio_texts_per_second": their_rate,
            "ours_texts_per_cpu_second": ours_cpu,
            "presidio_texts_per_cpu_second": their_cpu,
            "ours_exact": {t: ours["exact"].prf(t) for t in [*compared, None]},
            "presidio_exact": {t: theirs["exact"].prf(t) for t in [*compared, None]} if theirs else None,
            "presidio_recognizers": presidio["recognizers"] if presidio else None,
            "presidio_versions": presidio["versions"] if presidio else None,
        }
    p50, p95 = latency(analyzer, MESSAGE_200)
    out += ["**Throughput (texts per second, median of passes; wall clock and CPU time)**", "", *speed, ""]
    out.append(f"Latency, ours, one 200-character mixed yue/en message: p50 {p50:.2f} ms, p95 {p95:.2f} ms; ")
    out.append(f"warm-up {warm_up_ms:.0f} ms.")
    if raw.get(sets[0][0], {}).get("presidio_versions"):
        info = raw[sets[0][0]]
        out.append(f"Presidio {info['presidio_versions']}; recognizers: {', '.join(info['presidio_recognizers'])}.")
    raw["latency_ms"] = {"p50": p50, "p95": p95}
    print("\n".join(out))
    if args.json:
        args.json.write_text(json.dumps(raw, indent=2, default=str), encoding="utf-8")
    counts = Counter(e["type"] for _, records in sets[:1] for r in records for e in r["entities"])
    print(f"\n(labelled set: {len(sets[0][1])} texts, entities {dict(counts)})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
