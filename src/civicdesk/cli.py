"""One CLI: `civicdesk` (= `civicdesk serve`) and its subcommands, one module each in `commands/`."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from civicdesk import __version__

# Each module defines `register(subparsers)`, adding a parser with `set_defaults(handler=run)`.
COMMANDS = (
    "civicdesk.commands.serve",
    "civicdesk.commands.db",
    "civicdesk.commands.validate",
    "civicdesk.commands.ask",
    "civicdesk.commands.train",
    "civicdesk.commands.evaluate",
    "civicdesk.commands.staff",
    "civicdesk.commands.redact",
    "civicdesk.commands.keys",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="civicdesk", description=__doc__)
    parser.add_argument("--version", action="version", version=f"civicdesk {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not args_list or (args_list[0].startswith("-") and args_list[0] not in ("-h", "--help", "--version")):
        args_list = ["serve", *args_list]
    args = parser.parse_args(args_list)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        return int(handler(args))
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
