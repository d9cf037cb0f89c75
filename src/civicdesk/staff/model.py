"""The staff user as the domain sees it (not the table row), and the three roles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Role(StrEnum):
    """officer: works the queues of their departments; coordinator: all departments and the coordination queue;
    admin: manages staff accounts (and sees no case)."""

    OFFICER = "officer"
    COORDINATOR = "coordinator"
    ADMIN = "admin"


@dataclass(frozen=True)
class StaffUser:
    id: int
    username: str
    display_name: str
    role: Role
    departments: frozenset[str]
    active: bool
    created_at: datetime | None = None
    last_login_at: datetime | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "username": self.username,
            "display_name": self.display_name,
            "role": self.role.value,
            "departments": sorted(self.departments),
            "active": self.active,
            "created_at": self.created_at.isoformat() if self.created_at else None,
            "last_login_at": self.last_login_at.isoformat() if self.last_login_at else None,
        }
