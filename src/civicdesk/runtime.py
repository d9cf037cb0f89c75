"""The running platform: settings, catalogue and database, started once per process.

Heavy components (models) are attached by `warm_up`, at start-up and never per request.
Later parts of the platform register themselves in `Runtime.components` by name.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from civicdesk.catalogue import Catalogue, load_catalogue
from civicdesk.settings import Settings
from civicdesk.store import Database, upgrade
from civicdesk.store.catalogue_sync import sync_catalogue
from civicdesk.store.migrate import alembic_config

log = logging.getLogger("civicdesk.runtime")


class StartupError(RuntimeError):
    """The platform cannot start; the message says which command fixes it."""


def database_is_current(database: Database) -> tuple[bool, str | None, str | None]:
    script = ScriptDirectory.from_config(alembic_config(database.url))
    with database.engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    head = script.get_current_head()
    return current == head, current, head


@dataclass
class Runtime:
    settings: Settings
    catalogue: Catalogue
    database: Database
    started_at: float = field(default_factory=time.time)
    components: dict[str, Any] = field(default_factory=dict)
    ready: bool = False

    @classmethod
    def start(cls, settings: Settings) -> Runtime:
        """Migrate an embedded SQLite database, load the catalogue and mirror it into the database."""
        database = Database(settings.resolved_database_url)
        if database.is_sqlite:
            upgrade(database.url)
        else:
            current, revision, head = database_is_current(database)
            if not current:
                raise StartupError(
                    f"E002: the database is at revision {revision}, the code needs {head}: run `civicdesk db upgrade`"
                )
        catalogue = load_catalogue()
        with database.session() as session:
            if sync_catalogue(session, catalogue):
                log.info("catalogue loaded", extra={"version": catalogue.version})
        runtime = cls(settings=settings, catalogue=catalogue, database=database)
        runtime.warm_up()
        return runtime

    def warm_up(self) -> None:
        """Load every heavy component once: the privacy analyzer, the service router and the assistant."""
        from civicdesk.assistant import Assistant
        from civicdesk.privacy import build_analyzer, install_log_redaction, keyring_from
        from civicdesk.understanding import ServiceRouter

        started = time.perf_counter()
        analyzer = build_analyzer(self.settings)
        router = ServiceRouter.from_settings(self.settings, self.catalogue, kind=self.settings.router_kind)
        assistant = Assistant(self.catalogue, router, analyzer)
        assistant.warm_up()
        # Personal data never reaches the logs, whoever logs it.
        install_log_redaction(analyzer)
        self.components.update(
            privacy=analyzer, router=router, assistant=assistant, keyring=keyring_from(self.settings)
        )
        from civicdesk.cases.wiring import desk_for

        desk_for(self)  # the case desk, built from the components above
        log.info("components ready", extra={"seconds": round(time.perf_counter() - started, 2)})
        self.ready = True

    def close(self) -> None:
        self.database.dispose()
