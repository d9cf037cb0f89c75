"""CLI subcommands, one module each; see `civicdesk.cli.COMMANDS`."""

from __future__ import annotations

import sys

from pydantic import ValidationError

from civicdesk.settings import Settings


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment, with CLI flags on top; exits with a clear message if invalid."""
    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})  # type: ignore[arg-type]
    except (ValidationError, ValueError) as exc:
        print(f"invalid settings: {exc}", file=sys.stderr)
        raise SystemExit(2) from exc
