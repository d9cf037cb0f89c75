"""Storage: SQLAlchemy tables, sessions and Alembic migrations."""

from civicdesk.store.database import Database
from civicdesk.store.migrate import upgrade
from civicdesk.store.tables import Base

__all__ = ["Base", "Database", "upgrade"]
