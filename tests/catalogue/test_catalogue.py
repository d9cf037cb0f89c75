"""The bundled catalogue: size, coverage, and the checks every entry must pass."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from civicdesk.catalogue import Catalogue, CatalogueError, Sector, load_catalogue, localise
from civicdesk.catalogue.loader import BUNDLED_DIR

REQUIRED_CODES = set(
    [
        "AFCD",
        "BD",
        "C&ED",
        "CAD",
        "CR",
        "CSD",
        "DH",
        "DSD",
        "EDB",
        "EMSD",
        "EPD",
        "FEHD",
        "FSD",
        "HA",
        "HAD",
        "HD",
        "HKMA",
        "HKO",
        "HKPF",
        "HyD",
        "ICAC",
        "ImmD",
        "IPD",
        "IRD",
        "LandsD",
        "LCSD",
        "LD",
        "LR",
        "MD",
        "MPFA",
        "OFCA",
        "PCPD",
        "PO",
        "REO",
        "RVD",
        "SWD",
        "TD",
        "TID",
        "WFSFAA",
        "WSD",
    ]
)
HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def test_at_least_200_services_from_40_departments(catalogue: Catalogue) -> None:
    assert len(catalogue.services) >= 200
    assert len(catalogue.departments) >= 40


def test_every_required_department_code_is_present(catalogue: Catalogue) -> None:
    assert set(catalogue.departments) >= REQUIRED_CODES


def test_every_sector_is_covered(catalogue: Catalogue) -> None:
    covered = Counter(s.sector for s in catalogue.services.values())
    assert set(Sector) == set(covered), f"missing sectors: {set(Sector) - set(covered)}"


def test_every_service_belongs_to_a_known_department(catalogue: Catalogue) -> None:
    for service in catalogue.services.values():
        assert service.department in catalogue.departments, service.id


def test_every_department_runs_at_least_one_service(catalogue: Catalogue) -> None:
    for code in catalogue.departments:
        assert catalogue.services_of(code), code


@pytest.mark.parametrize("language", ["en", "zh-Hant", "yue", "zh-Hans"])
def test_every_service_has_examples_in_each_language_form(catalogue: Catalogue, language: str) -> None:
    for service in catalogue.services.values():
        examples = service.examples.by_language()[language]
        assert examples, f"{service.id} has no {language} example"
        if language != "en":
            assert all(HAN.search(e) for e in examples), f"{service.id}: a {language} example has no Chinese"


def test_every_service_has_at_least_8_examples_and_bilingual_text(catalogue: Catalogue) -> None:
    for service in catalogue.services.values():
        assert len(service.examples.all()) >= 8, service.id
        assert HAN.search(service.name.zh_Hant) and HAN.search(service.summary.zh_Hant), service.id
        assert service.name.en.isascii() or not HAN.search(service.name.en), service.id


def test_simplified_chinese_is_derived_with_opencc(catalogue: Catalogue) -> None:
    texts = [localise(s.name) for s in catalogue.services.values()]
    changed = [t for t in texts if t and t["zh-Hans"] != t["zh-Hant"]]
    assert changed, "OpenCC should simplify at least some names"
    service = catalogue.services["privacy-complaint"]
    name = localise(service.name)
    assert name is not None and name["zh-Hans"] == "投诉不当使用个人资料"


def test_urls_are_well_formed_https(catalogue: Catalogue) -> None:
    pattern = re.compile(r"^https://[a-z0-9.-]+\.[a-z]{2,}(/\S*)?$")
    for department in catalogue.departments.values():
        assert pattern.match(department.website), department.code
    for service in catalogue.services.values():
        assert pattern.match(service.url), service.id


def test_no_example_utterance_is_shared_by_two_services(catalogue: Catalogue) -> None:
    owners: dict[str, str] = {}
    for service in catalogue.services.values():
        for example in service.examples.all():
            key = " ".join(example.casefold().split())
            assert owners.setdefault(key, service.id) == service.id, f"'{example}' is under two services"


def _write(directory: Path, name: str, document: dict[str, object]) -> None:
    (directory / name).write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")


def _department_document(code: str, service_ids: list[str], example_prefix: str = "") -> dict[str, object]:
    raw = yaml.safe_load((BUNDLED_DIR / "PCPD.yaml").read_text(encoding="utf-8"))
    service = raw["services"][0]
    services = []
    for service_id in service_ids:
        copy = dict(service, id=service_id)
        copy["examples"] = {
            lang: [f"{example_prefix}{service_id} {text}" for text in texts]
            for lang, texts in service["examples"].items()
        }
        services.append(copy)
    raw["department"] = dict(raw["department"], code=code)
    raw["services"] = services
    return raw


def test_loader_rejects_a_duplicate_service_id(tmp_path: Path) -> None:
    _write(tmp_path, "A.yaml", _department_document("AA", ["same-id"], "a"))
    _write(tmp_path, "B.yaml", _department_document("BB", ["same-id"], "b"))
    with pytest.raises(CatalogueError, match="same-id"):
        load_catalogue(tmp_path)


def test_loader_rejects_an_example_under_two_services(tmp_path: Path) -> None:
    _write(tmp_path, "A.yaml", _department_document("AA", ["one"]))
    document = _department_document("BB", ["two"])
    document["services"][0]["examples"] = _department_document("AA", ["one"])["services"][0]["examples"]  # type: ignore[index]
    _write(tmp_path, "B.yaml", document)
    with pytest.raises(CatalogueError, match=r"also an example of 'one'"):
        load_catalogue(tmp_path)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("url", "http://insecure.example.com", "url"),
        ("sector", "space", "sector"),
        ("id", "Not Kebab", "id"),
        ("channels", [], "channels"),
        ("summary", {"en": "Too short.", "zh-Hant": "太短。"}, "2 to 4 sentences"),
    ],
)
def test_loader_names_the_invalid_field(tmp_path: Path, field: str, value: object, message: str) -> None:
    document = _department_document("AA", ["one"])
    document["services"][0][field] = value  # type: ignore[index]
    _write(tmp_path, "A.yaml", document)
    with pytest.raises(CatalogueError, match=message):
        load_catalogue(tmp_path)


def test_loader_rejects_a_missing_language(tmp_path: Path) -> None:
    document = _department_document("AA", ["one"])
    del document["services"][0]["name"]["zh-Hant"]  # type: ignore[index]
    _write(tmp_path, "A.yaml", document)
    with pytest.raises(CatalogueError, match=r"name\.zh-Hant"):
        load_catalogue(tmp_path)
