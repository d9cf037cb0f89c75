"""Model artefacts with a passport: a folder holding `meta.json`, `state.json` and `arrays.npz`.

`meta.json` says what the model is (name, version, kind, compatible civicdesk range, training-data sha256,
labels, departments, metrics, thresholds, created); `state.json` and `arrays.npz` hold the learned
parameters as JSON and numpy arrays (loaded with `allow_pickle=False`: no code is unpickled).
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from civicdesk import __version__
from civicdesk.understanding.base import Router
from civicdesk.understanding.errors import IncompatibleModel, ModelNotFound
from civicdesk.understanding.kinds import CLASSES
from civicdesk.understanding.types import Thresholds

FORMAT = 1
META, STATE, ARRAYS = "meta.json", "state.json", "arrays.npz"


def compatible_range(version: str = __version__) -> str:
    major, minor = (int(p) for p in version.split(".")[:2])
    return f">={major}.{minor}.0,<{major}.{minor + 1}.0"


def _as_tuple(version: str) -> tuple[int, ...]:
    parts = [int(p) for p in re.findall(r"\d+", version)[:3]]
    return tuple(parts + [0] * (3 - len(parts)))


def version_in_range(version: str, spec: str) -> bool:
    ops = {
        ">=": lambda a, b: a >= b,
        "<=": lambda a, b: a <= b,
        ">": lambda a, b: a > b,
        "<": lambda a, b: a < b,
        "==": lambda a, b: a == b,
    }
    for part in filter(None, (p.strip() for p in spec.split(","))):
        match = re.match(r"(>=|<=|==|>|<)\s*([\d.]+)$", part)
        if match is None or not ops[match.group(1)](_as_tuple(version), _as_tuple(match.group(2))):
            return False
    return True


@dataclass
class ModelMeta:
    name: str
    version: str
    kind: str
    router_class: str
    labels: list[str]
    training_data: dict[str, Any]
    thresholds: Thresholds
    created: str
    civicdesk: str = field(default_factory=compatible_range)
    format: int = FORMAT
    departments: dict[str, str] = field(default_factory=dict)
    metrics: dict[str, Any] = field(default_factory=dict)
    oos_label: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    training_seconds: float = 0.0

    @property
    def model_id(self) -> str:
        return f"{self.name}@{self.version}"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["thresholds"] = self.thresholds.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ModelMeta:
        data = dict(data)
        data["thresholds"] = Thresholds.from_dict(data["thresholds"])
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})


def save_model(router: Router, meta: ModelMeta, out_dir: Path) -> Path:
    """Write the artefact atomically: into a sibling temporary folder, then renamed over `out_dir`."""
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_dir.with_name(f".{out_dir.name}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    state, arrays = router.get_state()
    meta.params = router.params()
    (tmp / STATE).write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
    np.savez(tmp / ARRAYS, **arrays)  # type: ignore[arg-type]
    (tmp / META).write_text(json.dumps(meta.to_dict(), ensure_ascii=False, indent=2), encoding="utf-8")
    if out_dir.exists():
        old = out_dir.with_name(f".{out_dir.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        out_dir.rename(old)
        tmp.rename(out_dir)
        shutil.rmtree(old, ignore_errors=True)
    else:
        tmp.rename(out_dir)
    return out_dir


def read_meta(path: Path) -> ModelMeta:
    """The validated passport of the artefact at `path`; raises E251/E252 with the command that fixes it."""
    path = Path(path)
    meta_file = path / META
    if not meta_file.is_file():
        raise ModelNotFound(path)
    try:
        meta = ModelMeta.from_dict(json.loads(meta_file.read_text(encoding="utf-8")))
    except (ValueError, KeyError, TypeError) as exc:
        raise IncompatibleModel(path, f"meta.json is unreadable ({exc})") from exc
    if meta.format != FORMAT:
        raise IncompatibleModel(path, f"artefact format {meta.format}, this civicdesk reads format {FORMAT}")
    if not version_in_range(__version__, meta.civicdesk):
        raise IncompatibleModel(path, f"it was built for civicdesk {meta.civicdesk}, this is {__version__}")
    if meta.router_class not in CLASSES:
        raise IncompatibleModel(path, f"unknown router class '{meta.router_class}'")
    return meta


def load_router(path: Path) -> tuple[Router, ModelMeta]:
    path = Path(path)
    meta = read_meta(path)
    try:
        state = json.loads((path / STATE).read_text(encoding="utf-8"))
        with np.load(path / ARRAYS, allow_pickle=False) as npz:
            arrays = {name: npz[name] for name in npz.files}
        router = CLASSES[meta.router_class].from_state(meta.params, state, arrays)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise IncompatibleModel(path, f"its parameters are missing or damaged ({exc})") from exc
    return router, meta
