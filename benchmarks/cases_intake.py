"""Intake throughput end to end: uvicorn on 127.0.0.1, PostgreSQL, and a bounded client load on POST /api/v1/cases.

Every request goes through the real stack: HTTP, JSON parsing, language detection, safety, privacy redaction,
routing of the whole text and of its parts, duplicate search, and one PostgreSQL transaction per submission.

    .venv/bin/python benchmarks/cases_intake.py --requests 3000 --concurrency 32 --workers 2
    .venv/bin/python benchmarks/cases_intake.py --stages 200      # CPU per triage stage, in-process

A fresh database `civicdesk_bench_<random>` is created on the server named by --admin-url and dropped afterwards.
Texts are the catalogue's example utterances (all four language forms) with a street number and a district, so
some are duplicates of each other and some mention two matters, as real submissions do.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from civicdesk.cases import DISTRICTS
from civicdesk.catalogue import load_catalogue

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ADMIN = os.environ.get("CIVICDESK_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


def texts(n: int, seed: int) -> list[dict[str, object]]:
    catalogue = load_catalogue()
    examples = [e for s in catalogue.services.values() for e in s.examples.all()]
    rng = random.Random(seed)
    bodies: list[dict[str, object]] = []
    for _ in range(n):
        text = rng.choice(examples)
        if rng.random() < 0.15:
            text = f"{text}. And also {rng.choice(examples)}"
        bodies.append(
            {
                "text": f"{text} (near No. {rng.randint(1, 300)})",
                "district": rng.choice(DISTRICTS).id,
                "contact": {"phone": "9123 4567"} if rng.random() < 0.3 else None,
            }
        )
    return bodies


async def load(
    base: str, bodies: list[dict[str, object]], concurrency: int
) -> tuple[float, list[float], dict[int, int]]:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    queue: asyncio.Queue[dict[str, object]] = asyncio.Queue()
    for body in bodies:
        queue.put_nowait(body)

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:

        async def worker() -> None:
            while not queue.empty():
                body = queue.get_nowait()
                started = time.perf_counter()
                response = await client.post("/api/v1/cases", json=body, headers={"Idempotency-Key": uuid.uuid4().hex})
                latencies.append(time.perf_counter() - started)
                statuses[response.status_code] = statuses.get(response.status_code, 0) + 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return time.perf_counter() - started, latencies, statuses


def stages(data_dir: Path, n: int, seed: int) -> dict[str, float]:
    """CPU milliseconds per submission of each triage stage, in this process (no HTTP, no database)."""
    from civicdesk import language, safety
    from civicdesk.cases.triage import Triage
    from civicdesk.privacy import build_analyzer
    from civicdesk.settings import Settings
    from civicdesk.understanding import ServiceRouter

    settings = Settings(data_dir=data_dir, environment="test")
    catalogue = load_catalogue()
    analyzer = build_analyzer(settings)
    analyzer.warm_up()
    router = ServiceRouter.from_settings(settings, catalogue).warm_up()
    triage = Triage(router, analyzer, safety.assess)
    sample = [str(b["text"]) for b in texts(n, seed)]
    steps = {
        "language": lambda t: language.detect(language.normalise(t)),
        "safety": lambda t: safety.assess(language.normalise(t), "en"),
        "redact": analyzer.redact,
        "route (one call)": lambda t: router.route_many([t]),
        "triage (all of the above, parts included)": triage.assess,
    }
    out = {}
    for name, step in steps.items():
        step(sample[0])
        started = time.process_time()
        for item in sample:
            step(item)
        out[name] = round((time.process_time() - started) * 1000 / len(sample), 2)
    batch = time.process_time()
    for i in range(0, len(sample), 32):
        router.route_many(sample[i : i + 32])
    out["route (batches of 32, per text)"] = round((time.process_time() - batch) * 1000 / len(sample), 2)
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--admin-url", default=DEFAULT_ADMIN, help="PostgreSQL URL allowed to CREATE DATABASE")
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--warmup", type=int, default=200, help="requests sent first and not measured")
    parser.add_argument("--concurrency", type=int, default=32, help="requests in flight at once")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=ROOT / "benchmarks" / "results" / "cases-data",
        help="data folder (the trained router is built here once and reused)",
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path, help="write the figures here as JSON")
    parser.add_argument("--stages", type=int, metavar="N", help="only time each triage stage on N texts, in-process")
    args = parser.parse_args()
    if args.stages:
        print(json.dumps(stages(args.data_dir, args.stages, args.seed), indent=2))
        return 0

    name = f"civicdesk_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(args.admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(args.admin_url).set(database=name).render_as_string(hide_password=False)
    env = {
        **os.environ,
        "CIVICDESK_DATABASE_URL": url,
        "CIVICDESK_DATA_DIR": str(args.data_dir),
        "CIVICDESK_ENVIRONMENT": "test",
        "CIVICDESK_LOG_LEVEL": "WARNING",
    }
    server: subprocess.Popen[bytes] | None = None
    try:
        # Migrate and build the router once, before the workers start (so they only load it).
        # Migrate, mirror the catalogue and build the router once, before the workers start: two workers
        # starting on an empty database would both insert the catalogue.
        prepare = (
            "from civicdesk.store import Database, upgrade; from civicdesk.settings import Settings; "
            "from civicdesk.store.catalogue_sync import sync_catalogue; "
            "from civicdesk.catalogue import load_catalogue; from civicdesk.understanding import ServiceRouter; "
            "s = Settings(); upgrade(s.resolved_database_url); c = load_catalogue(); "
            "d = Database(s.resolved_database_url); "
            "w = d.session(); session = w.__enter__(); sync_catalogue(session, c); w.__exit__(None, None, None); "
            "ServiceRouter.from_settings(s, c).warm_up()"
        )
        subprocess.run([sys.executable, "-c", prepare], env=env, check=True)
        log = tempfile.TemporaryFile()  # noqa: SIM115 - kept open for the server process; closed at exit
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "--factory",
                "civicdesk.web.app:create_app",
                "--host",
                "127.0.0.1",
                "--port",
                str(args.port),
                "--workers",
                str(args.workers),
                "--no-access-log",
                "--log-level",
                "warning",
            ],
            env=env,
            stdout=log,
            stderr=log,
        )
        base = f"http://127.0.0.1:{args.port}"
        for _ in range(600):
            try:
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        else:
            log.seek(0)
            raise SystemExit("the server did not become ready:\n" + log.read().decode(errors="replace")[-3000:])
        bodies = texts(args.warmup + args.requests, args.seed)
        try:
            asyncio.run(load(base, bodies[: args.warmup], args.concurrency))
            wall, latencies, statuses = asyncio.run(load(base, bodies[args.warmup :], args.concurrency))
        except httpx.HTTPError:
            log.seek(0)
            print(log.read().decode(errors="replace")[-5000:], file=sys.stderr)
            raise
        engine = create_engine(url)
        with engine.connect() as connection:
            stored = connection.execute(text("SELECT count(DISTINCT submission_id) FROM cases")).scalar()
            cases = connection.execute(text("SELECT count(*) FROM cases")).scalar()
        engine.dispose()
        ok = statuses.get(201, 0)
        figures = {
            "requests": args.requests,
            "concurrency": args.concurrency,
            "workers": args.workers,
            "cpus": os.cpu_count(),
            "statuses": statuses,
            "wall_s": round(wall, 2),
            "throughput_per_s": round(ok / wall, 1),
            "latency_ms": {
                "p50": round(percentile(latencies, 0.5) * 1000, 1),
                "p95": round(percentile(latencies, 0.95) * 1000, 1),
                "p99": round(percentile(latencies, 0.99) * 1000, 1),
                "mean": round(statistics.fmean(latencies) * 1000, 1),
            },
            "submissions_stored": stored,
            "cases_stored": cases,
            "warmup": args.warmup,
        }
        print(json.dumps(figures, indent=2))
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps(figures, indent=2))
        return 0 if ok == args.requests and stored == args.requests + args.warmup else 1
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    raise SystemExit(main())
