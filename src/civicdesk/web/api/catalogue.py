"""GET /api/v1/services, /services/{id}, /departments, /departments/{code}."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field

from civicdesk.catalogue import Catalogue, Department, Sector, Service, localise
from civicdesk.errors import NotFound
from civicdesk.runtime import Runtime
from civicdesk.web.dependencies import get_runtime

router = APIRouter(prefix="/api/v1", tags=["catalogue"])


class LocalText(BaseModel):
    en: str
    zh_Hant: str = Field(alias="zh-Hant")
    zh_Hans: str = Field(alias="zh-Hans")


class ServiceOut(BaseModel):
    id: str
    department: str
    sector: str
    name: LocalText
    summary: LocalText
    eligibility: LocalText | None = None
    how_to_apply: LocalText | None = None
    fees: LocalText | None = None
    processing_time: LocalText | None = None
    url: str
    phone: str
    channels: list[str]
    pledge_days: int | None = None
    keywords: dict[str, list[str]]


class ServiceList(BaseModel):
    count: int
    services: list[ServiceOut]


class DepartmentOut(BaseModel):
    code: str
    name: LocalText
    website: str
    phone: str
    services: int


class DepartmentList(BaseModel):
    count: int
    departments: list[DepartmentOut]


def service_json(service: Service) -> dict[str, Any]:
    return {
        "id": service.id,
        "department": service.department,
        "sector": service.sector.value,
        "name": localise(service.name),
        "summary": localise(service.summary),
        "eligibility": localise(service.eligibility),
        "how_to_apply": localise(service.how_to_apply),
        "fees": localise(service.fees),
        "processing_time": localise(service.processing_time),
        "url": service.url,
        "phone": service.phone,
        "channels": [c.value for c in service.channels],
        "pledge_days": service.pledge_days,
        "keywords": service.keywords.model_dump(by_alias=True),
    }


def department_json(department: Department, catalogue: Catalogue) -> dict[str, Any]:
    return {
        "code": department.code,
        "name": localise(department.name),
        "website": department.website,
        "phone": department.phone,
        "services": len(catalogue.services_of(department.code)),
    }


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]


@router.get("/services", response_model=ServiceList, response_model_by_alias=True)
def list_services(
    runtime: RuntimeDep,
    department: Annotated[str | None, Query(max_length=16, description="department code, e.g. FEHD")] = None,
    sector: Annotated[Sector | None, Query(description="sector")] = None,
) -> dict[str, Any]:
    catalogue = runtime.catalogue
    if department is not None and department not in catalogue.departments:
        raise NotFound("E404", f"no department with code '{department}'; see /api/v1/departments")
    services = [
        service_json(s)
        for s in catalogue.services.values()
        if (department is None or s.department == department) and (sector is None or s.sector == sector)
    ]
    return {"count": len(services), "services": services}


@router.get("/services/{service_id}", response_model=ServiceOut, response_model_by_alias=True)
def get_service(service_id: str, runtime: RuntimeDep) -> dict[str, Any]:
    service = runtime.catalogue.services.get(service_id)
    if service is None:
        raise NotFound("E404", f"no service with id '{service_id[:80]}'; see /api/v1/services")
    return service_json(service)


@router.get("/departments", response_model=DepartmentList, response_model_by_alias=True)
def list_departments(runtime: RuntimeDep) -> dict[str, Any]:
    catalogue = runtime.catalogue
    departments = [department_json(d, catalogue) for d in catalogue.departments.values()]
    return {"count": len(departments), "departments": departments}


@router.get("/departments/{code}", response_model=DepartmentOut, response_model_by_alias=True)
def get_department(code: str, runtime: RuntimeDep) -> dict[str, Any]:
    department = runtime.catalogue.departments.get(code)
    if department is None:
        raise NotFound("E404", f"no department with code '{code[:16]}'; see /api/v1/departments")
    return department_json(department, runtime.catalogue)
