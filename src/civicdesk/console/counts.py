"""Dashboard counts kept up to date as cases change (PostgreSQL): see docs/decisions/0562-dashboard-aggregation.md.

Statement-level triggers on `cases` (migration 0004) append signed rows to `case_count_deltas` — one per Hong Kong
day of receipt and dimension: department, service, district, status (with whether it was auto-routed), and three
routing-accuracy flags. Appending never waits on a lock, so intake is not slowed by other intakes. Reading folds the
deltas into `case_daily_counts` (one compactor at a time, under an advisory lock) and sums whole days; the part of
the first day that falls before the window's start is counted from `cases` directly, so a rolling "last N days"
window is exact.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import text
from sqlalchemy.orm import Session

HONG_KONG = ZoneInfo("Asia/Hong_Kong")
COMPACTION_LOCK = 5_620_001  # pg advisory lock id for folding deltas

# One source row (a case with a `sign` of +1 or -1) becomes these (day, dimension, key, n) rows.
# Keep in step with the trigger functions of migration 0004 (migrations are frozen copies).
EXPANSION = """
SELECT (c.created_at AT TIME ZONE 'Asia/Hong_Kong')::date AS day, e.dimension, e.key, sum(e.n) AS n
FROM ({source}) c
CROSS JOIN LATERAL (VALUES
    ('department', coalesce(c.department_code, ''), c.sign),
    ('service', coalesce(c.service_id, ''), c.sign),
    ('district', coalesce(c.district, ''), c.sign),
    ('status', c.status || CASE WHEN c.auto_routed THEN '|auto' ELSE '|other' END, c.sign),
    ('accuracy', 'wrong_service', CASE WHEN c.auto_routed AND c.routed_by = 'officer'
        AND c.service_id IS DISTINCT FROM c.auto_service_id THEN c.sign ELSE 0 END),
    ('accuracy', 'wrong_department', CASE WHEN c.auto_routed AND c.routed_by = 'officer'
        AND c.department_code IS DISTINCT FROM c.auto_department_code THEN c.sign ELSE 0 END),
    ('accuracy', 'corrected_unreviewed', CASE WHEN c.auto_routed AND c.routed_by = 'officer'
        AND c.status IN ('submitted', 'triaged') THEN c.sign ELSE 0 END)
) AS e(dimension, key, n)
GROUP BY 1, 2, 3
HAVING sum(e.n) <> 0
"""

# The columns EXPANSION reads (the triggers see whole rows; the direct query fetches only these).
COLUMNS = (
    "created_at, department_code, service_id, district, status, auto_routed, routed_by, auto_service_id, "
    "auto_department_code"
)
Counts = dict[str, Counter[str]]


def compact(session: Session) -> None:
    """Fold the deltas into the daily counts, unless another request is doing it right now."""
    if not session.scalar(text("SELECT pg_try_advisory_xact_lock(:id)"), {"id": COMPACTION_LOCK}):
        return
    session.execute(
        text(
            """
            WITH moved AS (DELETE FROM case_count_deltas RETURNING day, dimension, key, n)
            INSERT INTO case_daily_counts AS t (day, dimension, key, n)
            SELECT day, dimension, key, sum(n) FROM moved GROUP BY day, dimension, key ORDER BY day, dimension, key
            ON CONFLICT (day, dimension, key) DO UPDATE SET n = t.n + excluded.n
            """
        )
    )


def _hong_kong_day_start(day: date) -> datetime:
    return datetime.combine(day, time(0), HONG_KONG)


def read_counts(session: Session, since: datetime) -> Counts:
    """Counts of the cases received since `since` (exact), by dimension and key ('' stands for none)."""
    first_day = since.astimezone(HONG_KONG).date()
    next_day = _hong_kong_day_start(first_day + timedelta(days=1))
    rows = session.execute(
        text(
            """
            SELECT dimension, key, sum(n) FROM (
                SELECT dimension, key, n FROM case_daily_counts WHERE day > :first_day
                UNION ALL
                SELECT dimension, key, n FROM case_count_deltas WHERE day > :first_day
                UNION ALL
                SELECT dimension, key, n FROM ("""
            + EXPANSION.format(
                source=f"SELECT {COLUMNS}, 1 AS sign FROM cases WHERE created_at >= :since AND created_at < :next_day"
            )
            + """) AS partial
            ) AS everything
            GROUP BY dimension, key
            """
        ),
        {"first_day": first_day, "since": since, "next_day": next_day},
    ).all()
    counts: Counts = {}
    for dimension, key, n in rows:
        if n:
            counts.setdefault(str(dimension), Counter())[str(key)] = int(n)
    return counts


def rebuild(session: Session) -> None:
    """Recompute every daily count from `cases` (after a bulk load with triggers disabled, or to check them)."""
    session.execute(text("DELETE FROM case_count_deltas"))
    session.execute(text("DELETE FROM case_daily_counts"))
    session.execute(
        text(
            "INSERT INTO case_daily_counts (day, dimension, key, n) "
            + EXPANSION.format(source=f"SELECT {COLUMNS}, 1 AS sign FROM cases")
            + " ORDER BY 1, 2, 3"
        )
    )
