"""Per-message latency of each router candidate trained on the catalogue (one message at a time, as
`/api/v1/ask` calls it): p50 / p90 / p99 of `route(text)` over the held-out messages, after warm-up.

    .venv/bin/python benchmarks/router_speed.py [--heldout FILE] [--repeat 2] [--candidates ...]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from router_common import CachedEncoder, candidates

from civicdesk.catalogue import load_catalogue
from civicdesk.understanding import OUT_OF_SCOPE, catalogue_training_data, keyword_model, train_router
from civicdesk.understanding.engine import Encoder

HELDOUT = Path(__file__).resolve().parent / "data" / "assistant_heldout.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--heldout", type=Path, default=HELDOUT)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument(
        "--candidates", nargs="*", default=["keyword (catalogue)", "tfidf-svm", "bm25", "e5-svm", "cascade"]
    )
    args = parser.parse_args()
    catalogue = load_catalogue()
    data = catalogue_training_data(catalogue)
    departments = {s.id: s.department for s in catalogue.services.values()}
    texts = [json.loads(line)["text"] for line in args.heldout.read_text().splitlines() if line.strip()]
    cached = CachedEncoder("catalogue")  # training embeddings only; messages go through a fresh encoder
    factories = candidates(cached)
    for name in args.candidates:
        if name == "keyword (catalogue)":
            model = keyword_model(catalogue)
        else:
            model = train_router(data, name, router=factories[name](), departments=departments, oos_label=OUT_OF_SCOPE)
        cached.save()
        live = Encoder(cached.cache_dir)  # no memo: every message is really embedded
        for part in (model.router, getattr(model.router, "dense_", None)):
            if part is not None and hasattr(part, "encoder"):
                part.encoder = live
        model.warm_up()
        model.route("warm up")
        timings = []
        for _ in range(args.repeat):
            for text in texts:
                started = time.perf_counter()
                model.route(text)
                timings.append(time.perf_counter() - started)
        ms = np.array(timings) * 1000
        print(
            json.dumps(
                {
                    "candidate": name,
                    "messages": len(timings),
                    "p50_ms": round(float(np.percentile(ms, 50)), 2),
                    "p90_ms": round(float(np.percentile(ms, 90)), 2),
                    "p99_ms": round(float(np.percentile(ms, 99)), 2),
                    "mean_ms": round(float(ms.mean()), 2),
                }
            ),
            flush=True,
        )


if __name__ == "__main__":
    main()
