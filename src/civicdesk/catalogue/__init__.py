"""The Hong Kong public-service catalogue: the one source of truth every part shares."""

from civicdesk.catalogue.loader import (
    BUNDLED_DIR,
    Catalogue,
    CatalogueError,
    load_catalogue,
    localise,
    pick,
    to_simplified,
)
from civicdesk.catalogue.model import Bilingual, Channel, Department, Sector, Service

__all__ = [
    "BUNDLED_DIR",
    "Bilingual",
    "Catalogue",
    "CatalogueError",
    "Channel",
    "Department",
    "Sector",
    "Service",
    "load_catalogue",
    "localise",
    "pick",
    "to_simplified",
]
