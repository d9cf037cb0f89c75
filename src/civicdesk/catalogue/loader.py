"""Load and validate the bundled service catalogue.

Each file under ``departments/`` is one department. Loading checks every file against
the model, then checks what no single file can: unique ids, known department codes and
that no example utterance is claimed by two services. Any problem raises
``CatalogueError`` naming the file and the field, so an editor can fix it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import opencc
import yaml
from pydantic import ValidationError

from civicdesk.catalogue.model import Bilingual, Department, DepartmentFile, Sector, Service

BUNDLED_DIR = Path(__file__).parent / "departments"
LANGUAGES = ("en", "zh-Hant", "zh-Hans")


class CatalogueError(ValueError):
    """The catalogue data is invalid; the message says where and why."""


@cache
def _hk_to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("hk2s")


@lru_cache(maxsize=4096)
def to_simplified(text: str) -> str:
    """Traditional Chinese (Hong Kong) to Simplified Chinese, with OpenCC."""
    return str(_hk_to_simplified().convert(text))


def localise(text: Bilingual | None) -> dict[str, str] | None:
    """The three scripts of a catalogue text; Simplified is derived, never stored."""
    if text is None:
        return None
    return {"en": text.en, "zh-Hant": text.zh_Hant, "zh-Hans": to_simplified(text.zh_Hant)}


def pick(text: Bilingual, language: str) -> str:
    """A catalogue text in one UI language (`en`, `zh-Hant` or `zh-Hans`)."""
    if language == "en":
        return text.en
    if language == "zh-Hans":
        return to_simplified(text.zh_Hant)
    return text.zh_Hant


@dataclass(frozen=True)
class Catalogue:
    departments: dict[str, Department]
    services: dict[str, Service]
    version: str
    source_files: tuple[str, ...] = field(default=())

    def services_of(self, department: str) -> list[Service]:
        return [s for s in self.services.values() if s.department == department]

    def services_in(self, sector: Sector) -> list[Service]:
        return [s for s in self.services.values() if s.sector == sector]


def _read(path: Path) -> DepartmentFile:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise CatalogueError(f"{path.name}: not valid YAML: {exc}") from exc
    try:
        parsed = DepartmentFile.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors())
        raise CatalogueError(f"{path.name}: {problems}") from exc
    code = parsed.department.code
    services = [s.model_copy(update={"department": code}) for s in parsed.services]
    return parsed.model_copy(update={"services": services})


def _check_across_files(files: Iterable[tuple[Path, DepartmentFile]]) -> None:
    seen_ids: dict[str, str] = {}
    seen_examples: dict[str, str] = {}
    for path, parsed in files:
        for service in parsed.services:
            if service.id in seen_ids:
                raise CatalogueError(f"{path.name}: service id '{service.id}' is also used in {seen_ids[service.id]}")
            seen_ids[service.id] = path.name
            for example in service.examples.all():
                key = " ".join(example.casefold().split())
                other = seen_examples.get(key)
                if other is not None and other != service.id:
                    raise CatalogueError(
                        f"{path.name}: example '{example}' of '{service.id}' is also an example of '{other}'"
                    )
                seen_examples[key] = service.id


def load_catalogue(directory: Path = BUNDLED_DIR) -> Catalogue:
    """Read every department file in ``directory`` and return the validated catalogue."""
    paths = sorted(directory.glob("*.yaml"))
    if not paths:
        raise CatalogueError(f"no department files (*.yaml) in {directory}")
    files = [(path, _read(path)) for path in paths]
    _check_across_files(files)
    departments: dict[str, Department] = {}
    for path, parsed in files:
        code = parsed.department.code
        if code in departments:
            raise CatalogueError(f"{path.name}: department code '{code}' is defined twice")
        departments[code] = parsed.department
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    services = {s.id: s for _, parsed in files for s in parsed.services}
    return Catalogue(
        departments=departments,
        services=services,
        version=digest.hexdigest()[:12],
        source_files=tuple(p.name for p in paths),
    )
