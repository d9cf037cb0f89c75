"""Mirror the bundled catalogue into the database, once per catalogue version."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from civicdesk.catalogue import Catalogue
from civicdesk.store.tables import CatalogueVersionRow, DepartmentRow, ServiceRow


def sync_catalogue(session: Session, catalogue: Catalogue) -> bool:
    """Load the catalogue into its tables; returns False when this version is already there."""
    if session.get(CatalogueVersionRow, catalogue.version) is not None:
        return False
    known_services = set(session.scalars(select(ServiceRow.id)))
    for department in catalogue.departments.values():
        session.merge(
            DepartmentRow(
                code=department.code,
                name_en=department.name.en,
                name_zh_hant=department.name.zh_Hant,
                website=department.website,
                phone=department.phone,
            )
        )
    session.flush()
    for service in catalogue.services.values():
        session.merge(
            ServiceRow(
                id=service.id,
                department_code=service.department,
                sector=service.sector.value,
                name_en=service.name.en,
                name_zh_hant=service.name.zh_Hant,
                url=service.url,
                phone=service.phone,
                pledge_days=service.pledge_days,
                document=service.model_dump(mode="json", by_alias=True),
            )
        )
    # Services dropped from the catalogue go; cases keep their own copy of the service id.
    removed = known_services - set(catalogue.services)
    if removed:
        session.execute(delete(ServiceRow).where(ServiceRow.id.in_(removed)))
    session.add(
        CatalogueVersionRow(
            version=catalogue.version,
            services=len(catalogue.services),
            departments=len(catalogue.departments),
            source_files=",".join(catalogue.source_files),
        )
    )
    return True
