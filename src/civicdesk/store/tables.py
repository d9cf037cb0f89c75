"""SQLAlchemy tables. API schemas live elsewhere (web/api); these are storage only."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON}


class DepartmentRow(Base):
    __tablename__ = "departments"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name_en: Mapped[str] = mapped_column(String(200))
    name_zh_hant: Mapped[str] = mapped_column(String(200))
    website: Mapped[str] = mapped_column(String(300))
    phone: Mapped[str] = mapped_column(String(32))


class ServiceRow(Base):
    __tablename__ = "services"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    department_code: Mapped[str] = mapped_column(ForeignKey("departments.code"), index=True)
    sector: Mapped[str] = mapped_column(String(32), index=True)
    name_en: Mapped[str] = mapped_column(String(300))
    name_zh_hant: Mapped[str] = mapped_column(String(300))
    url: Mapped[str] = mapped_column(String(500))
    phone: Mapped[str] = mapped_column(String(32))
    pledge_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # The whole validated service, so SQL consumers (reports, BI) need not parse YAML.
    document: Mapped[dict[str, Any]]


class CatalogueVersionRow(Base):
    __tablename__ = "catalogue_versions"

    version: Mapped[str] = mapped_column(String(32), primary_key=True)
    services: Mapped[int] = mapped_column(Integer)
    departments: Mapped[int] = mapped_column(Integer)
    source_files: Mapped[str] = mapped_column(Text)
    loaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
