"""Accessibility in a real browser (Chromium): axe-core, the keyboard, visible focus, CJK fonts, the ask flow.

Each page is checked in the three UI languages. axe-core's serious and critical violations fail the test
(colour contrast included); the axe results of the run are written next to the screenshots in a temporary folder.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.browser.checks import (
    blocking,
    describe,
    glyph_report,
    interactive_elements,
    platform_fonts,
    run_axe,
    tab_through,
    untranslated_english,
)

if TYPE_CHECKING:
    from playwright.sync_api import Page

PAGES = {
    "home": "/",
    "sector": "/sectors/governance",
    "departments": "/departments",
    "department": "/departments/PCPD",
    "service": "/services/privacy-complaint",
    "not-found": "/services/no-such-service",
}
LANGS = ("en", "zh-Hant", "zh-Hans")
QUESTIONS = {
    "en": "How do I renew my driving licence?",
    "zh-Hant": "我想續期駕駛執照，應該點做？",
    "zh-Hans": "我想续期驾驶执照，应该怎么办？",
}
# Text that each UI language shows in its own script, for the font check (h1 of the home page, language switcher).
CJK_SAMPLES = {"zh-Hant": "繁體中文有甚麼可以幫到你", "zh-Hans": "简体中文有什么可以帮到你"}


def _save_axe(screenshot_dir: Path, name: str, violations: list[dict[str, object]]) -> None:
    (screenshot_dir / f"axe-{name}.json").write_text(json.dumps(violations, ensure_ascii=False, indent=1))


def _assert_no_blocking(page: Page, screenshot_dir: Path, name: str) -> None:
    violations = run_axe(page)
    _save_axe(screenshot_dir, name, violations)
    serious = blocking(violations)
    assert not serious, f"axe-core on {page.url}:\n{describe(serious)}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_serious_violations(page: Page, screenshot_dir: Path, name: str, lang: str) -> None:
    response = page.goto(f"{PAGES[name]}?lang={lang}")
    assert response is not None and response.status == (404 if name == "not-found" else 200)
    assert page.get_attribute("html", "lang") == lang
    _assert_no_blocking(page, screenshot_dir, f"{name}-{lang}")
    if lang != "en":
        assert not untranslated_english(page), "English text marked as Chinese (WCAG 3.1.2)"


@pytest.mark.parametrize("name", list(PAGES))
def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page: Page, name: str) -> None:
    page.goto(PAGES[name])
    page.keyboard.press("Tab")
    first = page.evaluate("() => [document.activeElement.className, document.activeElement.getAttribute('href')]")
    assert first == ["skip-link", "#main"]
    box = page.locator(".skip-link").bounding_box()
    assert box is not None and box["x"] >= 0 and box["y"] >= 0 and box["width"] > 0, "the focused skip link is shown"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    inside = page.evaluate("document.getElementById('main').contains(document.activeElement)")
    footer = page.evaluate("!!document.activeElement.closest('footer')")
    assert inside or footer, "the next Tab after the skip link stays in the main content"


def _assert_keyboard_and_focus(page: Page) -> None:
    elements = interactive_elements(page)
    stops = tab_through(page, limit=len(elements) + 5)
    reached = {stop.key for stop in stops}
    missed = [label for key, label in elements.items() if key not in reached]
    assert not missed, f"not reachable with Tab on {page.url}: {missed}"
    for stop in stops:
        assert stop.in_viewport, f"{stop.label} is focused out of sight"
        assert stop.focused_style != stop.unfocused_style, f"{stop.label} looks the same with and without focus"
        assert stop.indicator_contrast >= 3.0, (
            f"{stop.label}: the focus indicator has contrast {stop.indicator_contrast:.2f} (< 3:1) against its"
            f" background ({stop.focused_style})"
        )


@pytest.mark.parametrize("name", [n for n in PAGES if n != "not-found"])
def test_every_control_is_reachable_by_tab_with_a_visible_focus(page: Page, name: str) -> None:
    page.goto(f"{PAGES[name]}?lang=en")
    _assert_keyboard_and_focus(page)


@pytest.mark.parametrize("lang", list(CJK_SAMPLES))
def test_cjk_text_renders_with_a_real_cjk_font(
    page: Page, screenshot_dir: Path, cjk_fonts: list[str], lang: str
) -> None:
    page.goto(f"/?lang={lang}")
    page.evaluate("document.fonts.ready")
    page.screenshot(path=str(screenshot_dir / f"home-{lang}.png"), full_page=True)
    report = glyph_report(page, "h1", CJK_SAMPLES[lang])
    fonts = platform_fonts(page, "h1")
    evidence = f"font {report['font']!r}, platform fonts {fonts}, glyphs {report['glyphs']}"
    unique_chars = len(set(CJK_SAMPLES[lang]))
    assert all(g["ink"] > 0 and g["width"] > 0 for g in report["glyphs"]), f"blank glyphs: {evidence}"
    assert not any(g["tofu"] for g in report["glyphs"]), f"missing-glyph boxes (tofu): {evidence}"
    assert report["distinct"] == unique_chars, f"different characters draw the same shape: {evidence}"
    families = {name.strip() for line in cjk_fonts for name in line.split(",")}
    used = [f.split(" (")[0] for f in fonts]
    assert used and all(name in families for name in used), f"the heading is not drawn in a CJK font: {evidence}"
    h1 = page.locator("h1")
    box = h1.bounding_box()
    assert box is not None and box["width"] > 0
    # Full-width CJK glyphs: the heading's text is at least about one em per character wide.
    text_width = page.evaluate(
        """() => {
            const h1 = document.querySelector('h1'), range = document.createRange();
            range.selectNodeContents(h1);
            return range.getBoundingClientRect().width / parseFloat(getComputedStyle(h1).fontSize);
        }"""
    )
    assert text_width >= 0.9 * len(page.inner_text("h1").strip()), f"glyphs too narrow: {evidence}"


def _overflowing(page: Page) -> list[str]:
    """Elements that stick out to the right of the viewport (WCAG 1.4.10: no horizontal scrolling at 320 px)."""
    found: list[str] = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
              .filter((e) => e.getBoundingClientRect().right > innerWidth + 1)
              .map((e) => e.tagName.toLowerCase() + ' ' + (e.innerText || '').slice(0, 60))"""
    )
    return found


@pytest.mark.parametrize("lang", ["en", "zh-Hant"])
def test_pages_reflow_at_320_pixels(page: Page, lang: str) -> None:
    services = page.request.get("/api/v1/services").json()["services"]
    # The service whose official URL has the longest run without a hyphen, where a browser would not wrap it.
    longest_url = max(services, key=lambda s: max(len(part) for part in s["url"].split("-")))["id"]
    page.set_viewport_size({"width": 320, "height": 640})
    for path in [*PAGES.values(), f"/services/{longest_url}"]:
        page.goto(f"{path}?lang={lang}")
        assert not _overflowing(page), f"{path}: {_overflowing(page)}"
        assert page.evaluate("document.documentElement.scrollWidth") <= 320


def _ask(page: Page, lang: str) -> None:
    """Type the question, then submit with the keyboard (Tab to the Ask button, Enter)."""
    page.locator("#ask-text").click()
    page.keyboard.type(QUESTIONS[lang])
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")


@pytest.mark.parametrize("lang", LANGS)
def test_ask_appends_the_answer_with_htmx(page: Page, screenshot_dir: Path, lang: str) -> None:
    page.goto(f"/?lang={lang}")
    page.wait_for_function("() => window.htmx !== undefined")
    home_url = page.url
    _ask(page, lang)
    exchange = page.locator("#conversation .exchange")
    exchange.first.wait_for(state="visible")
    assert page.url == home_url, "htmx appends the answer; the page does not navigate"
    assert exchange.count() == 1
    assert page.locator("#conversation .answer-text").first.inner_text().strip()
    assert page.input_value("#ask-text") == "", "the form is cleared after a successful question"
    page.screenshot(path=str(screenshot_dir / f"ask-htmx-{lang}.png"), full_page=True)
    _assert_no_blocking(page, screenshot_dir, f"ask-htmx-{lang}")
    page.evaluate("document.activeElement.blur()")
    _assert_keyboard_and_focus(page)
    if lang != "en":
        assert not untranslated_english(page), "English text marked as Chinese (WCAG 3.1.2)"


@pytest.mark.parametrize(("lang", "question"), [("en", "I want to complain"), ("zh-Hant", "我想投訴")])
def test_clarify_choices_work_from_the_keyboard(page: Page, screenshot_dir: Path, lang: str, question: str) -> None:
    page.goto(f"/?lang={lang}")
    page.wait_for_function("() => window.htmx !== undefined")
    page.locator("#ask-text").fill(question)
    page.locator(".ask-form button[type=submit]").press("Enter")
    choices = page.locator("#conversation .choices button")
    choices.first.wait_for(state="visible")
    assert 2 <= choices.count() <= 4
    _assert_no_blocking(page, screenshot_dir, f"clarify-{lang}")
    choices.first.focus()
    page.keyboard.press("Enter")
    page.locator("#conversation .exchange").nth(1).wait_for(state="visible")
    assert page.locator("#conversation .exchange").nth(1).locator(".answer-text").inner_text().strip()
    _assert_no_blocking(page, screenshot_dir, f"clarify-chosen-{lang}")


@pytest.mark.parametrize("lang", ["en", "zh-Hant"])
def test_ask_works_as_a_plain_form_without_javascript(page_without_js: Page, lang: str) -> None:
    page = page_without_js
    page.goto(f"/?lang={lang}")
    page.fill("#ask-text", QUESTIONS[lang])
    with page.expect_navigation():
        page.locator(".ask-form button[type=submit]").click()
    assert re.search(r"/ask$", page.url), page.url
    assert page.get_attribute("html", "lang") == lang
    assert page.locator("main .exchange .answer-text").first.inner_text().strip()
    assert page.locator("main #ask-text").count() == 1, "the page offers the form again for the next question"
    with page.expect_navigation() as switched:
        page.locator(".languages a[hreflang=zh-Hans]").click()
    response = switched.value
    assert response is not None and response.status == 200, "switching language after a question works"
    assert page.get_attribute("html", "lang") == "zh-Hans"


@pytest.mark.parametrize("lang", LANGS)
def test_answer_page_without_htmx_is_accessible(page: Page, screenshot_dir: Path, lang: str) -> None:
    """The full-page answer (what a browser without JavaScript gets), checked with axe and the keyboard."""
    page.route(re.compile(r".*/static/htmx[^/]*\.js$"), lambda route: route.abort())
    page.goto(f"/?lang={lang}")
    page.fill("#ask-text", QUESTIONS[lang])
    with page.expect_navigation():
        page.locator(".ask-form button[type=submit]").click()
    assert re.search(r"/ask$", page.url), page.url
    assert page.locator("main .exchange .answer-text").first.inner_text().strip()
    page.screenshot(path=str(screenshot_dir / f"ask-page-{lang}.png"), full_page=True)
    _assert_no_blocking(page, screenshot_dir, f"ask-page-{lang}")
    _assert_keyboard_and_focus(page)
    if lang != "en":
        assert not untranslated_english(page), "English text marked as Chinese (WCAG 3.1.2)"
