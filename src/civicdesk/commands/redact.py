"""`civicdesk redact [FILE|-]`: redact personal data in a text, JSON Lines or CSV file, streaming.

    civicdesk redact complaints.txt > complaints.redacted.txt
    civicdesk redact cases.jsonl --format jsonl --columns description,notes --operator pseudonymise
    cat export.csv | civicdesk redact - --format csv --columns 意見 --output export.redacted.csv

One record is in memory at a time, so file size does not matter. Progress goes to stderr every few seconds;
invalid UTF-8 stops the run with the line number (or, with --on-invalid skip, that line is left out).
"""

from __future__ import annotations

import argparse
import sys
import time
from contextlib import ExitStack
from typing import Any, BinaryIO, TextIO

from civicdesk.commands import load_settings
from civicdesk.errors import CivicdeskError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "redact",
        help="redact personal data in a file or stdin (text, JSON Lines, CSV)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", nargs="?", default="-", help="input file, or - for standard input (default)")
    parser.add_argument("--format", choices=("text", "jsonl", "csv"), default="text", help="input format")
    parser.add_argument(
        "--columns", default=None, help="comma-separated JSON fields or CSV columns to redact (default: all)"
    )
    parser.add_argument(
        "--operator", choices=("redact", "mask", "pseudonymise", "encrypt"), default="redact", help="what replaces"
    )
    parser.add_argument("--language", default=None, help="en, zh-Hant, yue or zh-Hans (optional)")
    parser.add_argument("--output", "-o", default="-", help="output file (default: standard output)")
    parser.add_argument(
        "--on-invalid", choices=("stop", "skip"), default="stop", help="what to do with a line that is not UTF-8"
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress or summary on stderr")
    parser.add_argument("--progress-seconds", type=float, default=2.0, help=argparse.SUPPRESS)
    parser.set_defaults(handler=run)


class Progress:
    """Prints to stderr at most every `every` seconds: lines, megabytes, speed and findings so far."""

    def __init__(self, stats: Any, every: float, quiet: bool, err: TextIO) -> None:
        self.stats = stats
        self.every = every
        self.quiet = quiet
        self.err = err
        self.started = time.monotonic()
        self.last = self.started

    def tick(self) -> None:
        now = time.monotonic()
        if self.quiet or now - self.last < self.every:
            return
        self.last = now
        self.err.write(f"redact: {self.line(now)}\n")
        self.err.flush()

    def line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-9)
        found = sum(self.stats.findings.values())
        return (
            f"{self.stats.lines:,} lines, {self.stats.bytes / 1e6:.1f} MB, "
            f"{self.stats.lines / elapsed:,.0f} lines/s, {found:,} findings"
        )

    def done(self) -> None:
        if self.quiet:
            return
        kinds = ", ".join(f"{k} {n}" for k, n in self.stats.findings.most_common())
        elapsed = time.monotonic() - self.started
        self.err.write(
            f"redact: done: {self.stats.records:,} records, {sum(self.stats.findings.values()):,} findings"
            f"{f' ({kinds})' if kinds else ''} in {elapsed:.1f} s\n"
        )
        if self.stats.skipped_lines:
            shown = ", ".join(str(n) for n in self.stats.skipped_lines[:20])
            self.err.write(f"redact: {len(self.stats.skipped_lines)} lines left out (invalid UTF-8): {shown}\n")


def run(args: argparse.Namespace) -> int:
    from civicdesk.privacy import build_analyzer
    from civicdesk.privacy.batch import BatchRedactor, BatchStats, decode_lines

    err = sys.stderr
    columns = [c.strip() for c in args.columns.split(",") if c.strip()] if args.columns else None
    if columns and args.format == "text":
        print("--columns needs --format jsonl or --format csv", file=err)
        return 2
    stats = BatchStats()
    progress = Progress(stats, args.progress_seconds, args.quiet, err)
    try:
        analyzer = build_analyzer(load_settings())
        analyzer.warm_up()
        redactor = BatchRedactor(analyzer, args.operator, args.format, columns, args.language)
        with ExitStack() as stack:
            source: BinaryIO = sys.stdin.buffer if args.file == "-" else stack.enter_context(open(args.file, "rb"))
            out: TextIO = (
                sys.stdout
                if args.output == "-"
                else stack.enter_context(open(args.output, "w", encoding="utf-8", newline=""))
            )
            lines = decode_lines(source, stats, args.on_invalid, lambda message: print(f"redact: {message}", file=err))
            redactor.run(lines, out, stats, progress.tick)
            out.flush()
    except CivicdeskError as exc:
        print(f"{exc.code}: {exc.message}", file=err)
        return 1
    except OSError as exc:
        print(f"cannot read or write {exc.filename or 'a file'}: {exc.strerror}", file=err)
        return 1
    progress.done()
    return 0
