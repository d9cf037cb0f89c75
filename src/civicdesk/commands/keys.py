"""`civicdesk keys generate|list|rotate`: the encryption key ring (CIVICDESK_ENCRYPTION_KEYS).

Rotating a key:
  1. `civicdesk keys generate` and put the new key FIRST in CIVICDESK_ENCRYPTION_KEYS, keeping the old ones after it;
  2. restart the platform, so new values are encrypted with the new key;
  3. `civicdesk keys rotate` re-encrypts every stored value of every registered encrypted column;
  4. when it reports 0 failures, remove the old key from the list.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from civicdesk.commands import load_settings
from civicdesk.errors import CivicdeskError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "keys",
        help="encryption keys: generate, list, rotate",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = parser.add_subparsers(dest="keys_action", required=True, metavar="ACTION")
    generate = actions.add_parser("generate", help="print a new random key")
    generate.set_defaults(handler=run_generate)
    listing = actions.add_parser("list", help="list the key ids of the ring (the first encrypts)")
    listing.set_defaults(handler=run_list)
    rotate = actions.add_parser("rotate", help="re-encrypt stored values with the first key")
    rotate.add_argument("--dry-run", action="store_true", help="count what would change, change nothing")
    rotate.add_argument("--batch-size", type=int, default=500, help="rows per transaction (default 500)")
    rotate.add_argument("--json", action="store_true", help="print the report as JSON")
    rotate.set_defaults(handler=run_rotate)


def run_generate(args: argparse.Namespace) -> int:
    from civicdesk.privacy import generate_key

    print(generate_key())
    return 0


def _keyring() -> Any:
    from civicdesk.privacy import MissingKeyError, keyring_from

    settings = load_settings()
    keyring = keyring_from(settings)
    if keyring is None:
        raise MissingKeyError("CIVICDESK_ENCRYPTION_KEYS is empty; generate a key with `civicdesk keys generate`")
    return keyring, not settings.encryption_keys.strip()


def run_list(args: argparse.Namespace) -> int:
    try:
        keyring, derived = _keyring()
    except CivicdeskError as exc:
        print(f"{exc.code}: {exc.message}", file=sys.stderr)
        return 1
    if derived:
        print("no CIVICDESK_ENCRYPTION_KEYS: using a development key derived from CIVICDESK_SECRET_KEY")
    for position, key in enumerate(keyring.keys):
        print(f"{key.id}  {'encrypts and decrypts' if position == 0 else 'decrypts only'}")
    return 0


def _check_schema(database: Any) -> None:
    """Bring an embedded SQLite database up to date; refuse a PostgreSQL one that is behind (like `serve`)."""
    from civicdesk.runtime import database_is_current
    from civicdesk.store import upgrade

    if database.is_sqlite:
        upgrade(database.url)
        return
    current, revision, head = database_is_current(database)
    if not current:
        raise CivicdeskError(
            "E002", f"the database is at revision {revision}, the code needs {head}: run `civicdesk db upgrade`"
        )


def run_rotate(args: argparse.Namespace) -> int:
    import civicdesk.store.tables  # noqa: F401 - tables register their encrypted columns on import
    from civicdesk.privacy import encrypted_columns, rotate_encrypted_columns
    from civicdesk.store import Database

    try:
        keyring, _ = _keyring()
    except CivicdeskError as exc:
        print(f"{exc.code}: {exc.message}", file=sys.stderr)
        return 1
    columns = encrypted_columns()
    if not columns:
        print("no encrypted columns are registered; nothing to rotate", file=sys.stderr)
        return 0
    database = Database(load_settings().resolved_database_url)
    try:
        _check_schema(database)
        report = rotate_encrypted_columns(
            database.engine, keyring, columns, batch_size=max(1, args.batch_size), dry_run=args.dry_run
        )
    except CivicdeskError as exc:
        print(f"{exc.code}: {exc.message}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
    else:
        verb = "would re-encrypt" if report.dry_run else "re-encrypted"
        for column in report.columns:
            print(
                f"{column.column}: {column.scanned} values, {verb} {column.rotated}, already current {column.current}, "
                f"changed meanwhile {column.changed}, failed {column.failed}"
            )
            for problem in column.problems:
                print(f"  problem: {problem} (ids: {', '.join(column.failed_ids)})")
        print(f"key {report.key_id}: {'OK' if report.ok else 'FAILED - keep the old keys in the ring'}")
    return 0 if report.ok else 1
