"""Guard for the held-out set: list catalogue examples, out-of-scope training messages and development messages
that come close to a held-out message (character-trigram Jaccard similarity after normalisation and folding to
Traditional lower case). A training or tuning text that near-duplicates a held-out message makes the held-out
figures flatter than they are; run this after every batch of new examples.

    .venv/bin/python benchmarks/heldout_overlap.py [--threshold 0.6]

Prints only the similarity, the held-out message's line number and the *training* text, so that reading its
output does not expose the held-out set to whoever writes examples. Exits 1 when anything is at or above the
threshold.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import yaml

from civicdesk.catalogue import load_catalogue
from civicdesk.language import normalise, to_traditional

DATA = Path(__file__).resolve().parent / "data"
OUT_OF_SCOPE = Path(__file__).resolve().parents[1] / "src/civicdesk/understanding/data/out_of_scope.yaml"


def trigrams(text: str) -> frozenset[str]:
    folded = "".join(to_traditional(normalise(text)).casefold().split())
    return frozenset(folded[i : i + 3] for i in range(max(len(folded) - 2, 1)))


def candidates() -> list[tuple[str, str]]:
    """(source, text) for every text the models are trained or tuned on."""
    catalogue = load_catalogue()
    out = [(f"catalogue:{s.id}", text) for s in catalogue.services.values() for text in s.examples.all()]
    oos = yaml.safe_load(OUT_OF_SCOPE.read_text(encoding="utf-8"))
    messages = oos if isinstance(oos, list) else [m for v in oos.values() for m in v]
    out += [("out_of_scope.yaml", str(m)) for m in messages]
    dev = (DATA / "assistant_dev.jsonl").read_text(encoding="utf-8").splitlines()
    out += [("assistant_dev.jsonl", json.loads(line)["text"]) for line in dev if line.strip()]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threshold", type=float, default=0.6)
    args = parser.parse_args()
    lines = (DATA / "assistant_heldout.jsonl").read_text(encoding="utf-8").splitlines()
    heldout = [trigrams(json.loads(line)["text"]) for line in lines if line.strip()]
    index: dict[str, list[int]] = defaultdict(list)
    for i, grams in enumerate(heldout):
        for gram in grams:
            index[gram].append(i)
    found = 0
    texts = candidates()
    for source, text in texts:
        grams = trigrams(text)
        shared: dict[int, int] = defaultdict(int)
        for gram in grams:
            for i in index.get(gram, ()):
                shared[i] += 1
        for i, n in shared.items():
            similarity = n / len(grams | heldout[i])
            if similarity >= args.threshold:
                found += 1
                print(f"{similarity:.2f}  held-out line {i + 1}  {source}: {text}")
    print(f"{found} near-duplicates at Jaccard >= {args.threshold} among {len(texts)} texts", file=sys.stderr)
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
