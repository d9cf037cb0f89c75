"""Alembic environment: one connection, the URL from the config civicdesk builds in code."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool

from civicdesk.store.tables import Base

config = context.config
url = config.get_main_option("sqlalchemy.url")
assert url is not None, "civicdesk.store.migrate sets sqlalchemy.url"

connectable = create_engine(url, poolclass=pool.NullPool)
with connectable.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()
connectable.dispose()
