"""Key rotation over stored values: a registry of encrypted columns, and the re-encryption `keys rotate` runs.

A module that stores encrypted values registers the column once, next to its table definition:

    register_encrypted_column("cases", "id", "contact_encrypted")

`rotate_encrypted_columns` then walks each registered column in id order, in batches (constant memory), and
re-encrypts every value whose key id is not the ring's first key. Each row is updated only if it still holds the
value that was read, so a concurrent write is never overwritten with stale data (it is counted as `changed`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, column, select, table, update
from sqlalchemy.exc import DBAPIError

from civicdesk.privacy.errors import DecryptionError, RecognizerConfigError
from civicdesk.privacy.keyring import KeyRing

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
MAX_REPORTED_IDS = 20


@dataclass(frozen=True)
class EncryptedColumn:
    table: str
    id_column: str
    value_column: str
    associated_data: str = ""

    @property
    def label(self) -> str:
        return f"{self.table}.{self.value_column}"


_REGISTRY: dict[tuple[str, str], EncryptedColumn] = {}


def register_encrypted_column(
    table_name: str, id_column: str, value_column: str, *, associated_data: str = ""
) -> EncryptedColumn:
    """Declare a column of `KeyRing.encrypt` values (idempotent). Names must be plain SQL identifiers."""
    for name in (table_name, id_column, value_column):
        if not _IDENTIFIER.fullmatch(name):
            raise RecognizerConfigError(f"{name!r} is not a plain SQL identifier")
    entry = EncryptedColumn(table_name, id_column, value_column, associated_data)
    _REGISTRY[(table_name, value_column)] = entry
    return entry


def unregister_encrypted_column(table_name: str, value_column: str) -> None:
    _REGISTRY.pop((table_name, value_column), None)


def encrypted_columns() -> list[EncryptedColumn]:
    return sorted(_REGISTRY.values(), key=lambda c: c.label)


@dataclass
class ColumnRotation:
    column: str
    scanned: int = 0
    rotated: int = 0
    current: int = 0
    changed: int = 0
    failed: int = 0
    failed_ids: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "column": self.column,
            "scanned": self.scanned,
            "rotated": self.rotated,
            "current": self.current,
            "changed": self.changed,
            "failed": self.failed,
            "failed_ids": self.failed_ids,
            "problems": self.problems,
        }


@dataclass
class RotationReport:
    key_id: str
    dry_run: bool
    columns: list[ColumnRotation] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(c.failed == 0 for c in self.columns)

    def as_dict(self) -> dict[str, Any]:
        return {
            "key_id": self.key_id,
            "dry_run": self.dry_run,
            "ok": self.ok,
            "columns": [c.as_dict() for c in self.columns],
        }


def rotate_encrypted_columns(
    engine: Engine,
    keyring: KeyRing,
    columns: Iterable[EncryptedColumn] | None = None,
    *,
    batch_size: int = 500,
    dry_run: bool = False,
) -> RotationReport:
    """Re-encrypt every registered value under the ring's first key; one transaction per batch."""
    report = RotationReport(key_id=keyring.primary.id, dry_run=dry_run)
    for spec in encrypted_columns() if columns is None else list(columns):
        try:
            report.columns.append(_rotate_column(engine, keyring, spec, batch_size, dry_run))
        except DBAPIError as exc:
            failed = ColumnRotation(spec.label, failed=1)
            failed.problems.append(f"cannot read {spec.label}: {str(exc.orig).splitlines()[0]}")
            report.columns.append(failed)
    return report


def _rotate_column(
    engine: Engine, keyring: KeyRing, spec: EncryptedColumn, batch_size: int, dry_run: bool
) -> ColumnRotation:
    result = ColumnRotation(spec.label)
    rows = table(spec.table, column(spec.id_column), column(spec.value_column))
    id_col, value_col = rows.c[spec.id_column], rows.c[spec.value_column]
    last: Any = None
    while True:
        query = select(id_col, value_col).where(value_col.is_not(None)).order_by(id_col).limit(batch_size)
        if last is not None:
            query = query.where(id_col > last)
        with engine.begin() as connection:
            batch = connection.execute(query).all()
            for row_id, value in batch:
                result.scanned += 1
                _rotate_value(connection, keyring, spec, rows, row_id, value, result, dry_run)
        if len(batch) < batch_size:
            return result
        last = batch[-1][0]


def _rotate_value(
    connection: Any,
    keyring: KeyRing,
    spec: EncryptedColumn,
    rows: Any,
    row_id: Any,
    value: str,
    result: ColumnRotation,
    dry_run: bool,
) -> None:
    try:
        if not keyring.needs_rotation(value):
            result.current += 1
            return
        new_value = keyring.rotate(value, spec.associated_data)
    except DecryptionError as exc:
        result.failed += 1
        if len(result.failed_ids) < MAX_REPORTED_IDS:
            result.failed_ids.append(str(row_id))
        if exc.message not in result.problems:
            result.problems.append(exc.message)
        return
    if dry_run:
        result.rotated += 1
        return
    id_col, value_col = rows.c[spec.id_column], rows.c[spec.value_column]
    statement = update(rows).where(id_col == row_id, value_col == value).values({spec.value_column: new_value})
    if connection.execute(statement).rowcount == 1:
        result.rotated += 1
    else:
        result.changed += 1
