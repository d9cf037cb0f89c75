"""Reading (text, label[, language]) tables for `civicdesk train` and `civicdesk evaluate`."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from civicdesk.understanding.errors import BadTrainingData
from civicdesk.understanding.training import TrainingData


def _rows(path: Path) -> list[dict[str, Any]]:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        lines = path.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]
    if suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, list):
            raise BadTrainingData(f"{path}: a .json file must hold a list of objects")
        return list(data)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t" if suffix == ".tsv" else ","))


def read_table(
    path: Path | str, text_column: str, label_column: str, language_column: str | None = None
) -> TrainingData:
    """Rows of a .csv, .tsv, .jsonl or .json file; rows with an empty text or label are skipped."""
    path = Path(path)
    if not path.is_file():
        raise BadTrainingData(f"no data file at {path}")
    try:
        rows = _rows(path)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, csv.Error) as exc:
        raise BadTrainingData(f"{path}: cannot read it ({exc})") from exc
    if not rows:
        raise BadTrainingData(f"{path} has no rows")
    for column in filter(None, (text_column, label_column, language_column)):
        if column not in rows[0]:
            raise BadTrainingData(f"{path} has no column '{column}'; its columns are {', '.join(rows[0])}")
    texts, labels, languages = [], [], []
    for row in rows:
        text, label = str(row.get(text_column) or "").strip(), str(row.get(label_column) or "").strip()
        if text and label:
            texts.append(text)
            labels.append(label)
            languages.append(str(row.get(language_column) or "") if language_column else "")
    return TrainingData(texts, labels, languages if language_column else None, source=path.name)
