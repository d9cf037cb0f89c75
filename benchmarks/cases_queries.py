"""Queue, coordination and dashboard queries of the case domain at a million cases in PostgreSQL.

Generates N cases directly in SQL (generate_series: services, districts and statuses drawn from the catalogue;
a year of history at a steady rate, as 1823's volumes are), then times the domain functions the officer console calls:
`list_queue` (one department's first page), `list_coordination`, `overdue_cases` and `dashboard` (30-day volumes,
hotspots, routing accuracy). The console's page benchmark adds HTTP and templates on top of these.

    .venv/bin/python benchmarks/cases_queries.py --cases 1000000 --repeat 200
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from civicdesk.cases import DISTRICTS, Policy, dashboard, list_coordination, list_queue, overdue_cases
from civicdesk.catalogue import load_catalogue
from civicdesk.store import Database, upgrade

DEFAULT_ADMIN = os.environ.get("CIVICDESK_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")

GENERATE = """
WITH s AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg(department_code ORDER BY id) AS depts FROM services),
     d AS (SELECT CAST(:districts AS text[]) AS ids)
INSERT INTO cases (reference, token_hash, submission_id, channel, status, is_open, priority, is_emergency, language,
  description, issue_text, district, service_id, department_code, routed_by, routing_status, confidence, auto_routed,
  auto_service_id, auto_department_code, explanation, transfer_count, needs_coordination, owner_due_at, pledge_days,
  due_at, created_at, updated_at, version, assigned_to)
SELECT 'CD-' || lpad(to_hex(g), 11, '0'), md5(g::text) || md5(g::text), md5(g::text), 'api',
  st.status, st.status IN ('triaged', 'assigned', 'in_progress', 'transferred'), 1 + (g % 10 > 0)::int, false, 'en',
  'generated case ' || g, 'generated case ' || g,
  d.ids[1 + (g * 7) % 18], s.ids[1 + (g * 13) % cardinality(s.ids)], s.depts[1 + (g * 13) % cardinality(s.ids)],
  'auto', 'answered', 0.8, true, s.ids[1 + (g * 13) % cardinality(s.ids)], s.depts[1 + (g * 13) % cardinality(s.ids)],
  '{}', (g % 97 = 0)::int * 2, g % 97 = 0,
  CASE WHEN st.status IN ('triaged', 'transferred') THEN now() - interval '1 day' * ((g % 5) - 2) END, 10,
  created + interval '14 days', created, created, 1,
  CASE WHEN st.status IN ('assigned', 'in_progress') THEN 'officer' || (g % 50) END
FROM generate_series(CAST(:start AS integer), CAST(:stop AS integer)) AS g, s, d,
  LATERAL (SELECT now() - interval '365 days' * (random() + g * 0) AS created) AS t,
  LATERAL (SELECT CASE WHEN t.created > now() - interval '30 days' AND g % 4 = 0
                       THEN (ARRAY['triaged', 'assigned', 'in_progress', 'transferred'])[1 + g % 4]
                       ELSE (ARRAY['closed', 'resolved', 'rejected'])[1 + g % 3] END AS status) AS st
"""


def timed(fn: Callable[[], object], repeat: int) -> dict[str, float]:
    fn()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return {"p50_ms": round(statistics.median(samples), 2), "p99_ms": round(samples[int(0.99 * (len(samples) - 1))], 2)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--admin-url", default=DEFAULT_ADMIN)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--keep", action="store_true", help="keep the generated database (its name is printed)")
    args = parser.parse_args()
    name = f"civicdesk_bench_{uuid.uuid4().hex[:10]}"
    print("database", name)
    admin = create_engine(args.admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(args.admin_url).set(database=name).render_as_string(hide_password=False)
    try:
        upgrade(url)
        database = Database(url)
        catalogue = load_catalogue()
        from civicdesk.store.catalogue_sync import sync_catalogue

        with database.session() as session:
            sync_catalogue(session, catalogue)
        started = time.perf_counter()
        batch = 250_000
        for first in range(1, args.cases + 1, batch):
            with database.session() as session:
                session.execute(
                    text(GENERATE),
                    {
                        "districts": [d.id for d in DISTRICTS],
                        "start": first,
                        "stop": min(first + batch - 1, args.cases),
                    },
                )
        with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE cases"))
        generated = round(time.perf_counter() - started, 1)
        now = datetime.now(UTC)
        policy = Policy()
        with database.session() as session:
            busiest = session.execute(
                text("SELECT department_code FROM cases WHERE is_open GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
            ).scalar_one()
            counts = session.execute(text("SELECT count(*), count(*) FILTER (WHERE is_open) FROM cases")).one()
            figures = {
                "cases": counts[0],
                "open": counts[1],
                "generated_s": generated,
                "busiest_department": busiest,
                "list_queue": timed(lambda: list_queue(session, busiest, now), args.repeat),
                "list_queue_page_20": timed(lambda: list_queue(session, busiest, now, offset=1000), args.repeat),
                "list_coordination": timed(lambda: list_coordination(session, now), args.repeat),
                "overdue_cases": timed(lambda: overdue_cases(session, now), args.repeat),
                "dashboard_30_days": timed(lambda: dashboard(session, now, policy), max(20, args.repeat // 4)),
            }
        print(json.dumps(figures, indent=2))
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps(figures, indent=2))
        database.dispose()
        return 0
    finally:
        if not args.keep:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    raise SystemExit(main())
