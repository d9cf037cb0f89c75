"""Batch redaction of text, JSON Lines and CSV streams, one record at a time (constant memory).

Bytes are decoded line by line, so invalid UTF-8 is reported with the number of the line it is on (E436) and,
with `on_invalid="skip"`, that line is left out of the output while the rest goes through.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Literal, TextIO

from civicdesk.privacy.analyzer import Analyzer
from civicdesk.privacy.errors import InvalidInputError
from civicdesk.privacy.operators import Operator

Format = Literal["text", "jsonl", "csv"]
OnInvalid = Literal["stop", "skip"]


@dataclass
class BatchStats:
    lines: int = 0
    records: int = 0
    bytes: int = 0
    findings: Counter[str] = field(default_factory=Counter)
    skipped_lines: list[int] = field(default_factory=list)


def decode_lines(
    stream: BinaryIO, stats: BatchStats, on_invalid: OnInvalid, warn: Callable[[str], None]
) -> Iterator[str]:
    """UTF-8 lines (line endings kept) of a byte stream; a UTF-8 byte-order mark on the first line is dropped."""
    for number, raw in enumerate(stream, 1):
        stats.lines = number
        stats.bytes += len(raw)
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            message = f"invalid UTF-8 on line {number} (byte {exc.start + 1} of the line)"
            if on_invalid == "stop":
                raise InvalidInputError(
                    f"{message}; convert the file to UTF-8 (e.g. `iconv -f big5hkscs -t utf-8`) "
                    "or pass --on-invalid skip to leave such lines out"
                ) from None
            stats.skipped_lines.append(number)
            warn(f"{message}: line left out")
            continue
        yield line.removeprefix("\ufeff") if number == 1 else line


class BatchRedactor:
    """Redacts records of one format; `run` pulls from `lines` and writes to `out` as it goes."""

    def __init__(
        self,
        analyzer: Analyzer,
        operator: str | Operator = "redact",
        fmt: Format = "text",
        columns: list[str] | None = None,
        language: str | None = None,
    ) -> None:
        self.analyzer = analyzer
        self.operator = operator
        self.fmt = fmt
        self.columns = columns
        self.language = language

    def _redact(self, text: str, stats: BatchStats) -> str:
        redaction = self.analyzer.redact(text, self.operator, self.language)
        stats.findings.update(f.type for f in redaction.findings)
        return redaction.text

    def run(self, lines: Iterable[str], out: TextIO, stats: BatchStats, tick: Callable[[], None]) -> None:
        if self.fmt == "text":
            self._text(lines, out, stats, tick)
        elif self.fmt == "jsonl":
            self._jsonl(lines, out, stats, tick)
        else:
            self._csv(lines, out, stats, tick)

    def _text(self, lines: Iterable[str], out: TextIO, stats: BatchStats, tick: Callable[[], None]) -> None:
        for line in lines:
            body = line.rstrip("\r\n")
            out.write(self._redact(body, stats) + line[len(body) :])
            stats.records += 1
            tick()

    def _jsonl(self, lines: Iterable[str], out: TextIO, stats: BatchStats, tick: Callable[[], None]) -> None:
        for line in lines:
            if not line.strip():
                out.write(line)
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InvalidInputError(f"line {stats.lines} is not valid JSON: {exc.msg}") from None
            if not isinstance(record, dict):
                raise InvalidInputError(f"line {stats.lines} is not a JSON object; each line must be one object")
            missing = [c for c in self.columns or [] if c not in record]
            if missing and stats.records == 0:
                raise InvalidInputError(f"line {stats.lines} has no field {', '.join(missing)}; check --columns")
            for key, value in record.items():
                if self.columns is None or key in self.columns:
                    record[key] = self._redact_value(value, stats)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            stats.records += 1
            tick()

    def _redact_value(self, value: Any, stats: BatchStats) -> Any:
        if isinstance(value, str):
            return self._redact(value, stats)
        if isinstance(value, list):
            return [self._redact_value(v, stats) for v in value]
        if isinstance(value, dict):
            return {k: self._redact_value(v, stats) for k, v in value.items()}
        return value

    def _csv(self, lines: Iterable[str], out: TextIO, stats: BatchStats, tick: Callable[[], None]) -> None:
        reader = csv.reader(lines)
        writer = csv.writer(out, lineterminator="\n")
        header = next(reader, None)
        if header is None:
            return
        writer.writerow(header)
        wanted = set(range(len(header)))
        if self.columns is not None:
            unknown = [c for c in self.columns if c not in header]
            if unknown:
                raise InvalidInputError(
                    f"no column {', '.join(unknown)} in the CSV header (it has: {', '.join(header)})"
                )
            wanted = {header.index(c) for c in self.columns}
        for row in reader:
            writer.writerow([self._redact(v, stats) if i in wanted else v for i, v in enumerate(row)])
            stats.records += 1
            tick()


def redact_bytes(data: bytes, analyzer: Analyzer, **options: Any) -> str:
    """Convenience for tests and small inputs: redact a whole byte string, return the output text."""
    out = io.StringIO()
    stats = BatchStats()
    lines = decode_lines(io.BytesIO(data), stats, options.pop("on_invalid", "stop"), lambda _: None)
    BatchRedactor(analyzer, **options).run(lines, out, stats, lambda: None)
    return out.getvalue()
