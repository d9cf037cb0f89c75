"""Pages: home, browse by sector and by department, one page per service and per department."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from civicdesk.catalogue import Sector
from civicdesk.errors import NotFound
from civicdesk.runtime import Runtime
from civicdesk.web.dependencies import get_runtime
from civicdesk.web.pages.rendering import render


def N_(message: str) -> str:
    """Marks a string for extraction into the gettext catalogues; translated when rendered."""
    return message


SECTOR_LABELS: dict[Sector, str] = {
    Sector.FINANCE: N_("Finance and tax"),
    Sector.HEALTHCARE: N_("Health care"),
    Sector.LOGISTICS_TRADE: N_("Logistics and trade"),
    Sector.URBAN_MANAGEMENT: N_("Streets, buildings and hygiene"),
    Sector.PUBLIC_SAFETY: N_("Public safety"),
    Sector.GOVERNANCE: N_("Identity, elections and rights"),
    Sector.HOUSING: N_("Housing"),
    Sector.SOCIAL_WELFARE: N_("Social welfare"),
    Sector.EDUCATION: N_("Education"),
    Sector.LABOUR: N_("Work and employment"),
    Sector.ENVIRONMENT: N_("Environment"),
    Sector.LEISURE_CULTURE: N_("Leisure and culture"),
    Sector.TRANSPORT: N_("Transport"),
}

router = APIRouter(include_in_schema=False)
RuntimeDep = Annotated[Runtime, Depends(get_runtime)]


@router.get("/", response_class=HTMLResponse)
def home(request: Request, runtime: RuntimeDep) -> HTMLResponse:
    counts = {sector: len(runtime.catalogue.services_in(sector)) for sector in Sector}
    return render(request, "home.html", sectors=SECTOR_LABELS, counts=counts)


@router.get("/sectors/{sector}", response_class=HTMLResponse)
def sector_page(sector: str, request: Request, runtime: RuntimeDep) -> HTMLResponse:
    try:
        chosen = Sector(sector)
    except ValueError:
        raise NotFound("E404", f"no sector called '{sector[:40]}'") from None
    services = sorted(runtime.catalogue.services_in(chosen), key=lambda s: (s.department, s.name.en))
    return render(
        request,
        "sector.html",
        sector=chosen,
        label=SECTOR_LABELS[chosen],
        services=services,
        departments=runtime.catalogue.departments,
    )


@router.get("/departments", response_class=HTMLResponse)
def departments_page(request: Request, runtime: RuntimeDep) -> HTMLResponse:
    catalogue = runtime.catalogue
    departments = sorted(catalogue.departments.values(), key=lambda d: d.name.en)
    counts = {d.code: len(catalogue.services_of(d.code)) for d in departments}
    return render(request, "departments.html", departments=departments, counts=counts)


@router.get("/departments/{code}", response_class=HTMLResponse)
def department_page(code: str, request: Request, runtime: RuntimeDep) -> HTMLResponse:
    department = runtime.catalogue.departments.get(code)
    if department is None:
        raise NotFound("E404", f"no department with code '{code[:16]}'")
    services = sorted(runtime.catalogue.services_of(code), key=lambda s: s.name.en)
    return render(request, "department.html", department=department, services=services, sector_labels=SECTOR_LABELS)


@router.get("/services/{service_id}", response_class=HTMLResponse)
def service_page(service_id: str, request: Request, runtime: RuntimeDep) -> HTMLResponse:
    service = runtime.catalogue.services.get(service_id)
    if service is None:
        raise NotFound("E404", f"no service with id '{service_id[:80]}'")
    department = runtime.catalogue.departments[service.department]
    return render(
        request,
        "service.html",
        service=service,
        department=department,
        sector_label=SECTOR_LABELS[service.sector],
    )
