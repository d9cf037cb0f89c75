"""Officer console at scale: generate 1,000,000 cases in PostgreSQL, then time the department queue page and the
dashboard through the app (p50 / p99).

    .venv/bin/python benchmarks/console_scale.py                       # generate once (reused), then measure
    .venv/bin/python benchmarks/console_scale.py --regenerate          # drop and regenerate the database
    .venv/bin/python benchmarks/console_scale.py --cases 100000 --database civicdesk_bench_small

The cases go into a dedicated database (default `civicdesk_bench`) by COPY, after `alembic upgrade head`, so the
schema, indexes and triggers are exactly the application's. The distribution: created over two years; services
Zipf-weighted over the bundled catalogue (departments follow); 18 districts (5% none); 8% high / 7% low priority;
cases still open: 70% of the last 14 days, 15% of the last 90, 2% of older ones (older open cases mostly assigned);
3% without a service (left to the coordination queue); 3% duplicates; 90% auto-routed, 6% of the reviewed ones
re-routed by an officer (with a correction row); one history event per case. The dashboard's daily counts are filled
by the production triggers (fired once by the COPY) and folded before measuring. Requests go through the
real FastAPI app (in-process ASGI client, signed-in officer and coordinator cookies), with the assistant's models
not loaded: they play no part in these pages.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from tempfile import mkdtemp

import numpy as np
import psycopg
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from civicdesk.cases.districts import DISTRICTS
from civicdesk.cases.references import ALPHABET, _check_symbol
from civicdesk.catalogue import Catalogue, load_catalogue
from civicdesk.console.counts import compact
from civicdesk.store import Database, upgrade
from civicdesk.store.catalogue_sync import sync_catalogue

ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
PASSWORD = "benchmark password 1"
CASE_COLUMNS = (
    "id", "reference", "token_hash", "submission_id", "channel", "status", "is_open", "priority", "is_emergency",
    "language", "description", "issue_text", "district", "location_text", "latitude", "longitude", "category",
    "service_id", "department_code", "routed_by", "routing_status", "confidence", "model_version", "auto_routed",
    "auto_service_id", "auto_department_code", "explanation", "duplicate_of_id", "contact_encrypted", "assigned_to",
    "transfer_count", "needs_coordination", "owner_due_at", "pledge_days", "due_at", "reply", "reason",
    "created_at", "updated_at", "closed_at", "version",
)  # fmt: skip
OPEN = ("triaged", "assigned", "in_progress", "transferred")
OPEN_P_NEW = (0.50, 0.30, 0.15, 0.05)  # cases received in the last three days
OPEN_P_OLD = (0.03, 0.50, 0.45, 0.02)  # older open cases mostly have an officer
DONE = ("closed", "resolved", "rejected")
DONE_P = (0.8, 0.12, 0.08)
EXPLANATION = json.dumps({"decision": {"component": "benchmark"}, "routing": {"model": "benchmark"}})


def reference_of(case_id: int) -> str:
    """A valid, unique reference per id (the check symbol must be one of the 32 plain symbols)."""
    for k in range(37):
        value, body = case_id * 37 + k, ""
        for _ in range(9):
            value, digit = divmod(value, 32)
            body = ALPHABET[digit] + body
        check = _check_symbol(body)
        if check in ALPHABET:
            full = body + check
            return f"CD-{full[:5]}-{full[5:]}"
    raise AssertionError("unreachable")


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def generate(url: str, catalogue: Catalogue, n: int, seed: int) -> float:
    """COPY `n` cases (+ one event each, + corrections) into an upgraded, empty database; returns seconds."""
    started = time.perf_counter()
    rng = np.random.default_rng(seed)
    now = datetime.now(UTC)
    services = sorted(catalogue.services.values(), key=lambda s: s.id)
    order = rng.permutation(len(services))
    weights = 1.0 / np.arange(1, len(services) + 1) ** 1.0
    service_index = order[rng.choice(len(services), size=n, p=weights / weights.sum())]
    no_service = rng.random(n) < 0.03
    district_index = rng.integers(0, len(DISTRICTS), size=n)
    no_district = rng.random(n) < 0.05
    age_days = np.sort(rng.random(n) * 730)[::-1]  # ids grow with time, like real intake
    open_p = np.where(age_days < 14, 0.70, np.where(age_days < 90, 0.15, 0.02))
    is_open = rng.random(n) < open_p
    priority = rng.choice([1, 2, 3], size=n, p=[0.08, 0.85, 0.07])
    duplicate = rng.random(n) < 0.03
    auto = rng.random(n) < 0.90
    corrected = auto & (rng.random(n) < 0.06)
    open_status = np.where(
        age_days < 3, rng.choice(len(OPEN), size=n, p=OPEN_P_NEW), rng.choice(len(OPEN), size=n, p=OPEN_P_OLD)
    )
    done_status = rng.choice(len(DONE), size=n, p=DONE_P)
    transfers = rng.choice([0, 1, 2], size=n, p=[0.9, 0.08, 0.02])
    hours = rng.random(n) * 24
    corrections: list[tuple[object, ...]] = []
    with psycopg.connect(_libpq(url)) as connection, connection.cursor() as cursor:
        with cursor.copy(f"COPY cases ({', '.join(CASE_COLUMNS)}) FROM STDIN") as copy:
            for i in range(n):
                case_id = i + 1
                created = now - timedelta(days=float(age_days[i]), hours=float(hours[i]) / 24)
                service = None if no_service[i] else services[service_index[i]]
                department = service.department if service else None
                open_ = bool(is_open[i])
                status = ("submitted" if service is None else OPEN[open_status[i]]) if open_ else DONE[done_status[i]]
                pledge = (service.pledge_days or 10) if service else None
                due = created + timedelta(days=pledge * 7 / 5) if pledge else None
                dup = int(rng.integers(max(1, case_id - 500), case_id)) if duplicate[i] and case_id > 1 else None
                routed_auto = bool(auto[i]) and service is not None
                fixed = bool(corrected[i]) and routed_auto and status not in ("submitted", "triaged")
                auto_service = services[(service_index[i] + 1) % len(services)] if fixed else service
                transfer_count = int(transfers[i]) if open_ else 0
                assigned = f"officer{case_id % 7}" if status in ("assigned", "in_progress") else None
                owner_due = created + timedelta(days=1.4) if open_ and assigned is None else None
                closed = created + timedelta(days=min(float(age_days[i]), 5.0)) if not open_ else None
                summary = f"Generated case {case_id}: {service.name.en if service else 'an unclear request'}"
                copy.write_row((
                    case_id, reference_of(case_id), "0" * 64, f"{case_id:032x}", "api", status, open_,
                    int(priority[i]), False, "en", summary, summary,
                    None if no_district[i] else DISTRICTS[district_index[i]].id, None, None, None, None,
                    service.id if service else None, department,
                    ("officer" if fixed else "auto") if routed_auto else "citizen",
                    "answered" if service else "out_of_scope", 0.8 if routed_auto else None,
                    "benchmark-1" if routed_auto else None, routed_auto,
                    auto_service.id if routed_auto and auto_service else None,
                    auto_service.department if routed_auto and auto_service else None, EXPLANATION, dup, None,
                    assigned, transfer_count, open_ and (transfer_count >= 2 or service is None), owner_due, pledge,
                    due, None if open_ else "Done.", None, created, closed or created, closed, 1,
                ))  # fmt: skip
                if fixed and auto_service is not None and service is not None:
                    corrections.append((
                        case_id, created + timedelta(hours=2), "staff:benchmark", auto_service.id,
                        auto_service.department, service.id, service.department, auto_service.id,
                        auto_service.department, 0.8, "benchmark-1", "{}", summary, "benchmark re-route",
                    ))  # fmt: skip
        print(f"  cases copied in {time.perf_counter() - started:.0f}s", flush=True)
        with cursor.copy(
            "COPY case_events (case_id, at, actor, action, from_status, to_status, public, details) FROM STDIN"
        ) as copy:
            for i in range(n):
                at = now - timedelta(days=float(age_days[i]))
                copy.write_row((i + 1, at, "citizen", "submit", None, "submitted", True, "{}"))
        with cursor.copy(
            "COPY routing_corrections (case_id, at, actor, from_service_id, from_department, to_service_id, "
            "to_department, original_service_id, original_department, original_confidence, original_model_version, "
            "original_explanation, text, reason) FROM STDIN"
        ) as copy:
            for row in corrections:
                copy.write_row(row)
        for table in ("cases", "case_events", "routing_corrections"):
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
        connection.commit()
    database = Database(url)
    with database.session() as session:
        compact(session)  # fold what the triggers appended during COPY into the daily counts
    database.dispose()
    with psycopg.connect(_libpq(url), autocommit=True) as connection:
        connection.execute("VACUUM (ANALYZE) case_daily_counts")
        connection.execute("VACUUM (ANALYZE) cases")
        connection.execute("VACUUM (ANALYZE) case_events")
        connection.execute("VACUUM (ANALYZE) routing_corrections")
    return time.perf_counter() - started


def prepare(admin_url: str, name: str, n: int, regenerate: bool, seed: int) -> str:
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        exists = connection.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
        if exists and regenerate:
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
            exists = None
        if not exists:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    upgrade(url)
    catalogue = load_catalogue()
    database = Database(url)
    with database.session() as session:
        sync_catalogue(session, catalogue)
        have = int(session.scalar(text("SELECT count(*) FROM cases")) or 0)
    database.dispose()
    if have == 0:
        print(f"generating {n:,} cases into {name} ...", flush=True)
        seconds = generate(url, catalogue, n, seed)
        print(f"generated {n:,} cases in {seconds:.0f}s", flush=True)
    elif have != n:
        sys.exit(f"{name} holds {have:,} cases, not {n:,}: pass --regenerate")
    else:
        print(f"reusing {name} with {have:,} cases", flush=True)
    return url


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def measure(url: str, requests: int, warmup: int) -> list[dict[str, object]]:
    from fastapi.testclient import TestClient

    from civicdesk.runtime import Runtime
    from civicdesk.settings import Settings
    from civicdesk.staff import create_user, list_users
    from civicdesk.web.app import create_app

    settings = Settings(environment="development", data_dir=Path(mkdtemp()), database_url=url, log_level="WARNING")
    runtime = Runtime(settings=settings, catalogue=load_catalogue(), database=Database(url), ready=True)
    with runtime.database.session() as session:
        counts = session.execute(
            text(
                "SELECT department_code, count(*) FROM cases WHERE is_open AND duplicate_of_id IS NULL "
                "AND department_code IS NOT NULL GROUP BY 1 ORDER BY 2 DESC"
            )
        ).all()
        departments = [str(code) for code, _ in counts]
        if not any(u.username == "bench-officer" for u in list_users(session)):
            create_user(session, "bench-officer", "", PASSWORD, "officer", departments)
            create_user(session, "bench-coord", "", PASSWORD, "coordinator")
        reference = session.scalar(
            text("SELECT reference FROM cases WHERE is_open AND department_code = :d LIMIT 1"), {"d": departments[0]}
        )
    biggest, open_biggest = departments[0], int(counts[0][1])
    print(f"largest queue: {biggest} with {open_biggest:,} open cases; {len(departments)} departments", flush=True)
    app = create_app(settings, runtime=runtime)
    results: list[dict[str, object]] = []
    with TestClient(app) as client:
        officer = TestClient(app)
        assert officer.post("/staff/api/login", json={"username": "bench-officer", "password": PASSWORD}).is_success
        coordinator = TestClient(app)
        assert coordinator.post("/staff/api/login", json={"username": "bench-coord", "password": PASSWORD}).is_success
        del client
        rotating = iter(range(10**9))

        def each_department() -> str:
            return f"/staff/queue/{departments[next(rotating) % len(departments)]}"

        cases: list[tuple[str, TestClient, Callable[[], str]]] = [
            (f"queue page, largest department ({biggest}), HTML", officer, lambda: f"/staff/queue/{biggest}"),
            (f"queue, largest department ({biggest}), JSON", officer, lambda: f"/staff/api/queue/{biggest}"),
            ("queue page, each department in turn, HTML", officer, each_department),
            (f"queue page 20 of {biggest}, HTML", officer, lambda: f"/staff/queue/{biggest}?page=20"),
            ("coordination queue, HTML", coordinator, lambda: "/staff/coordination"),
            ("dashboard (30 days), HTML", coordinator, lambda: "/staff/dashboard"),
            ("dashboard (30 days), JSON", coordinator, lambda: "/staff/api/dashboard"),
            ("dashboard (90 days), HTML", coordinator, lambda: "/staff/dashboard?days=90"),
            ("case view, HTML", officer, lambda: f"/staff/cases/{reference}"),
        ]
        for label, browser, path in cases:
            for _ in range(warmup):
                assert browser.get(path()).status_code == 200
            times = []
            for _ in range(requests):
                target = path()
                began = time.perf_counter()
                answer = browser.get(target)
                times.append((time.perf_counter() - began) * 1000)
                assert answer.status_code == 200, (target, answer.status_code, answer.text[:300])
            row = {
                "request": label,
                "n": requests,
                "p50_ms": round(statistics.median(times), 1),
                "p99_ms": round(percentile(times, 99), 1),
                "max_ms": round(max(times), 1),
            }
            results.append(row)
            print(f"  {label:55} p50 {row['p50_ms']:6.1f} ms   p99 {row['p99_ms']:6.1f} ms", flush=True)
    runtime.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--admin-url", default=ADMIN_URL, help="a PostgreSQL URL allowed to CREATE DATABASE")
    parser.add_argument("--database", default="civicdesk_bench", help="the dedicated benchmark database")
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--regenerate", action="store_true", help="drop and regenerate the database")
    parser.add_argument("--requests", type=int, default=500, help="timed requests per page")
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    args = parser.parse_args()
    url = prepare(args.admin_url, args.database, args.cases, args.regenerate, args.seed)
    results = measure(url, args.requests, args.warmup)
    if args.json:
        args.json.write_text(json.dumps({"cases": args.cases, "results": results}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
