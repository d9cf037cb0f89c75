"""Speed of `civicdesk serve`: start-up time, resident memory, /api/v1/ask latency and throughput.

Usage: .venv/bin/python benchmarks/ask_speed.py [--requests 400] [--concurrency 16] [--port 8765]

Starts the real server (uvicorn, one process, SQLite in a fresh data folder) on 127.0.0.1, then:
- one client, sequential requests: p50/p99 latency of POST /api/v1/ask;
- N concurrent clients: p50/p99 and requests/s for /api/v1/ask, and /healthz's requests/s on the same server.
All traffic stays on the loopback interface; every loop is bounded in count.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def load(
    url: str, bodies: list[dict[str, str]] | None, total: int, concurrency: int
) -> tuple[list[float], float]:
    latencies: list[float] = []
    counter = iter(range(total))
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:

        async def worker() -> None:
            for i in counter:
                t0 = time.perf_counter()
                if bodies is None:
                    response = await client.get(url)
                else:
                    response = await client.post(url, json=bodies[i % len(bodies)])
                latencies.append((time.perf_counter() - t0) * 1000)
                response.raise_for_status()

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    return latencies, total / elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--data", type=Path, default=HERE / "data" / "assistant_heldout.jsonl")
    args = parser.parse_args()
    texts = [json.loads(line)["text"] for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    bodies = [{"text": t} for t in texts]

    data_dir = Path(tempfile.mkdtemp(prefix="civicdesk-speed-"))
    env = {**os.environ, "CIVICDESK_DATA_DIR": str(data_dir), "CIVICDESK_LOG_LEVEL": "WARNING"}
    civicdesk = Path(sys.executable).with_name("civicdesk")
    # First start builds the models into the data folder; time a second, ordinary start.
    subprocess.run([str(civicdesk), "serve", "--smoke"], env=env, check=True, capture_output=True)
    started = time.perf_counter()
    server = subprocess.Popen(
        [str(civicdesk), "serve", "--port", str(args.port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(600):
            try:
                if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        startup = time.perf_counter() - started
        for body in bodies[:50]:  # warm the caches
            httpx.post(f"{base}/api/v1/ask", json=body, timeout=30)
        single, _ = asyncio.run(load(f"{base}/api/v1/ask", bodies, args.requests, 1))
        ask_conc, ask_rps = asyncio.run(load(f"{base}/api/v1/ask", bodies, args.requests * 2, args.concurrency))
        health_conc, health_rps = asyncio.run(load(f"{base}/healthz", None, args.requests * 2, args.concurrency))
        memory = rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=10)
    figures = {
        "startup_seconds": round(startup, 2),
        "rss_mb": round(memory, 1),
        "ask_single_p50_ms": round(statistics.median(single), 1),
        "ask_single_p99_ms": round(percentile(single, 0.99), 1),
        f"ask_c{args.concurrency}_p50_ms": round(statistics.median(ask_conc), 1),
        f"ask_c{args.concurrency}_p99_ms": round(percentile(ask_conc, 0.99), 1),
        f"ask_c{args.concurrency}_rps": round(ask_rps, 1),
        f"healthz_c{args.concurrency}_p99_ms": round(percentile(health_conc, 0.99), 1),
        f"healthz_c{args.concurrency}_rps": round(health_rps, 1),
    }
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
