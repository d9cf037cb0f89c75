"""Real-browser fixtures: the real server in a subprocess, Debian's Chromium under Playwright, axe-core from npm.

Needs `chromium` and `fonts-noto-cjk` (apt), `playwright` (the dev extras) and axe-core
(`npm ci --prefix tests/browser`); scripts/test.sh installs them. Without them the tests skip with the reason,
except in CI (CI=true), where a missing piece is a failure.
"""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.browser.checks import AXE_JS

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

HERE = Path(__file__).resolve().parent
CHROMIUM = Path(os.environ.get("CIVICDESK_TEST_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
READY_TIMEOUT_S = 900  # the first start on a fresh data folder may build the models


def _missing() -> str | None:
    if importlib.util.find_spec("playwright") is None:
        return "the Python package playwright is not installed: pip install -e '.[dev]'"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing: apt-get install chromium fonts-noto-cjk (scripts/test.sh does it as root)"
    if not AXE_JS.exists():
        return f"{AXE_JS.relative_to(HERE.parents[1])} is missing: npm ci --prefix tests/browser"
    return None


def _cjk_fonts() -> list[str]:
    """CJK fonts fontconfig knows (Chromium on Linux finds its fonts through it); [] when it knows none."""
    try:
        listed = subprocess.run(["fc-list", ":lang=zh-hk", "family"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return []  # no fontconfig: Chromium could not find fonts either
    return [line for line in listed.stdout.splitlines() if line.strip()]


@pytest.fixture(scope="session")
def cjk_fonts() -> list[str]:
    """Skips (fails in CI) when no CJK font is installed: apt-get install fonts-noto-cjk."""
    fonts = _cjk_fonts()
    if not fonts:
        reason = "fontconfig lists no CJK font: apt-get install fonts-noto-cjk (scripts/test.sh does it as root)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("browser tests must run in CI, but " + reason, pytrace=False)
        pytest.skip(reason)
    return fonts


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def server_url(shared_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`civicdesk serve` in a subprocess on a free loopback port; models shared with the session, its own database.

    CIVICDESK_TEST_SERVER_URL points the tests at a server that is already running instead.
    """
    existing = os.environ.get("CIVICDESK_TEST_SERVER_URL")
    if existing:
        yield existing.rstrip("/")
        return
    own = tmp_path_factory.mktemp("browser-server")
    port = _free_port()
    env = {
        **os.environ,
        "CIVICDESK_ENVIRONMENT": "test",
        "CIVICDESK_DATA_DIR": str(shared_data_dir),
        "CIVICDESK_DATABASE_URL": f"sqlite:///{own / 'browser.db'}",
        "CIVICDESK_LOG_LEVEL": "WARNING",
    }
    log_path = own / "server.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "civicdesk.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + READY_TIMEOUT_S
        while True:
            if process.poll() is not None:
                pytest.fail(f"the server exited with {process.returncode}:\n{log_path.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(url + "/readyz", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"the server was not ready within {READY_TIMEOUT_S}s:\n{log_path.read_text()[-3000:]}")
            time.sleep(0.25)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    reason = _missing()
    if reason is not None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("browser tests must run in CI, but " + reason, pytrace=False)
        pytest.skip("browser tests skipped: " + reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Screenshots and axe results go to a temporary folder, never into the repository (its path shows with -s)."""
    path = tmp_path_factory.mktemp("browser-screenshots")
    print(f"browser screenshots and axe results: {path}")
    return path


@pytest.fixture
def page(browser: Browser, server_url: str) -> Iterator[Page]:
    context = browser.new_context(base_url=server_url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture
def page_without_js(browser: Browser, server_url: str) -> Iterator[Page]:
    context = browser.new_context(
        base_url=server_url, viewport={"width": 1280, "height": 900}, java_script_enabled=False
    )
    context.set_default_timeout(15_000)
    opened = context.new_page()
    yield opened
    context.close()
