"""`civicdesk ask "TEXT" [--json]`: ask the assistant from the command line, as /api/v1/ask would answer."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from civicdesk.commands import load_settings
from civicdesk.errors import CivicdeskError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("ask", help="ask the citizen assistant a question")
    parser.add_argument("text", help="the message (use - to read it from standard input)")
    parser.add_argument("--lang", help="UI language used when the message's own is unclear")
    parser.add_argument("--json", action="store_true", help="print the full JSON answer")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from civicdesk.assistant.records import record_reply
    from civicdesk.runtime import Runtime, StartupError

    text = sys.stdin.read() if args.text == "-" else args.text
    try:
        runtime = Runtime.start(load_settings())
    except (StartupError, CivicdeskError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    try:
        reply = runtime.components["assistant"].ask(text, preferred_language=args.lang)
        with runtime.database.session() as session:
            record_reply(session, reply, "cli")
    except CivicdeskError as exc:
        print(json.dumps({"error": {"code": exc.code, "message": exc.message}}, ensure_ascii=False))
        return 2
    finally:
        runtime.close()
    if args.json:
        print(json.dumps(reply.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(f"[{reply.status} · {reply.language}]")
        print(reply.answer)
    return 0
