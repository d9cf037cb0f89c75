"""What the browser tests measure in a page: axe-core violations, Tab stops with their focus style, CJK glyphs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Page

AXE_JS = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = ("serious", "critical")

# Helpers installed in the page: colour parsing, WCAG contrast, focus style of an element.
_PAGE_HELPERS = """
window.__a11y = (() => {
  const parse = (c) => {
    const m = /rgba?\\(([^)]+)\\)/.exec(c || '');
    if (!m) return null;
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  };
  const lum = ({r, g, b}) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (x, y) => {
    const [a, b] = [lum(x), lum(y)];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  };
  const behind = (el) => {  // the background the indicator is drawn on: the nearest opaque ancestor's
    for (let e = el.parentElement; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) return c;
    }
    return {r: 255, g: 255, b: 255, a: 1};
  };
  const style = (el) => {
    const s = getComputedStyle(el);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.color,
            s.textDecorationLine, s.borderColor].join('|');
  };
  const indicator = (el) => {
    const s = getComputedStyle(el);
    const bg = behind(el);
    const colours = [];
    if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) colours.push(parse(s.outlineColor));
    if (s.boxShadow !== 'none') for (const m of s.boxShadow.matchAll(/rgba?\\([^)]+\\)/g)) colours.push(parse(m[0]));
    const seen = colours.filter((c) => c && c.a > 0.5);
    return seen.length ? Math.max(...seen.map((c) => ratio(c, bg))) : 0;
  };
  const INTERACTIVE = 'a[href], button, input:not([type=hidden]), textarea, select, summary, '
    + '[tabindex]:not([tabindex="-1"])';
  const label = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "'
    + (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 40) + '"';
  return {ratio, parse, style, indicator, INTERACTIVE, label};
})();
"""


@dataclass(frozen=True)
class TabStop:
    key: str  # data-a11y-key given to the element before tabbing
    label: str
    unfocused_style: str
    focused_style: str
    indicator_contrast: float  # best contrast of the outline / box-shadow colours against what is behind
    in_viewport: bool


def run_axe(page: Page) -> list[dict[str, Any]]:
    """axe-core on the page as it is now, every rule (WCAG 2.x A/AA and best practice); the violations."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    violations: list[dict[str, Any]] = page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ['violations']});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))
            }));
        }"""
    )
    return violations


def blocking(violations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [v for v in violations if v["impact"] in BLOCKING_IMPACTS]


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['impact']} {v['id']}: {v['help']}")
        lines.extend(f"    {n['target']}: {n['summary']}" for n in v["nodes"][:5])
    return "\n".join(lines)


def install_helpers(page: Page) -> None:
    if not page.evaluate("typeof window.__a11y !== 'undefined'"):
        page.evaluate(_PAGE_HELPERS)


def interactive_elements(page: Page) -> dict[str, str]:
    """Tag every rendered, enabled interactive element with a key; returns key -> label."""
    install_helpers(page)
    found: dict[str, str] = page.evaluate(
        """() => {
            const out = {};
            document.querySelectorAll(__a11y.INTERACTIVE).forEach((el, i) => {
                const s = getComputedStyle(el);
                if (el.disabled || s.visibility === 'hidden' || el.getClientRects().length === 0) return;
                el.dataset.a11yKey = String(i);
                el.dataset.a11yUnfocused = __a11y.style(el);
                out[String(i)] = __a11y.label(el);
            });
            return out;
        }"""
    )
    return found


def focused(page: Page) -> TabStop | None:
    """The element that has focus now, with its focus style; None when focus is on the body or outside the page."""
    info: dict[str, Any] | None = page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el || el === document.body || !el.dataset.a11yKey) return null;
            const r = el.getBoundingClientRect();
            return {
                key: el.dataset.a11yKey, label: __a11y.label(el), unfocused: el.dataset.a11yUnfocused,
                focused: __a11y.style(el), contrast: __a11y.indicator(el),
                inViewport: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0
                    && r.top < innerHeight && r.left < innerWidth,
            };
        }"""
    )
    if info is None:
        return None
    return TabStop(info["key"], info["label"], info["unfocused"], info["focused"], info["contrast"], info["inViewport"])


def tab_through(page: Page, limit: int) -> list[TabStop]:
    """Press Tab until focus comes back to an element it has visited; the stops in order.

    Focus may pass through the browser itself (no element focused) when it wraps round the end of the page.
    """
    stops: list[TabStop] = []
    seen: set[str] = set()
    outside = 0
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = focused(page)
        if stop is None:
            outside += 1
            if outside > 2:
                break
            continue
        if stop.key in seen:
            break
        seen.add(stop.key)
        stops.append(stop)
    return stops


def untranslated_english(page: Page) -> list[str]:
    """Visible text that is in Chinese parts of the page (by `lang`) but reads as English: three or more English
    words in a row, e-mail addresses and URLs aside. A screen reader would speak it with the Chinese voice."""
    found: list[str] = page.evaluate(
        r"""() => {
            const out = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const el = node.parentElement;
                if (!el || el.closest('script, style') || !el.getClientRects().length) continue;
                const owner = el.closest('[lang]');
                if (!owner || !owner.getAttribute('lang').startsWith('zh')) continue;
                const text = node.textContent.replace(/\S*(@|:\/\/)\S*/g, ' ');
                if (/[A-Za-z]{2,}(?:[\s,.:;!?'’-]+[A-Za-z]{2,}){2,}/.test(text)) out.push(text.trim().slice(0, 80));
            }
            return out;
        }"""
    )
    return found


def glyph_report(page: Page, selector: str, text: str) -> dict[str, Any]:
    """Draw each character of `text` in the font of `selector` on a canvas inside it (so it inherits its lang).

    With a real CJK font every character has ink and its own shape; without one each is the same missing-glyph
    box ("tofu"), the same bitmap as an unassigned code point (U+0378).
    """
    report: dict[str, Any] = page.evaluate(
        """([selector, text]) => {
            const el = document.querySelector(selector);
            const s = getComputedStyle(el);
            const canvas = document.createElement('canvas');
            canvas.width = 96; canvas.height = 96;
            el.appendChild(canvas);
            const ctx = canvas.getContext('2d');
            ctx.font = `${s.fontWeight} 64px ${s.fontFamily}`;
            ctx.textBaseline = 'top';
            const draw = (ch) => {
                ctx.clearRect(0, 0, 96, 96);
                ctx.fillText(ch, 8, 8);
                const d = ctx.getImageData(0, 0, 96, 96).data;
                let bits = '', ink = 0;
                for (let i = 3; i < d.length; i += 4) { const on = d[i] > 127; ink += on; bits += on ? '1' : '0'; }
                return {bits, ink, width: ctx.measureText(ch).width};
            };
            const tofu = draw('\\u0378');
            const glyphs = [...text].map((ch) => ({ch, ...draw(ch)}));
            canvas.remove();
            return {
                font: ctx.font,
                tofuInk: tofu.ink,
                glyphs: glyphs.map((g) => ({ch: g.ch, ink: g.ink, width: g.width, tofu: g.bits === tofu.bits})),
                distinct: new Set(glyphs.map((g) => g.bits)).size,
                elementWidth: el.getBoundingClientRect().width,
            };
        }""",
        [selector, text],
    )
    return report


def platform_fonts(page: Page, selector: str) -> list[str]:
    """The fonts Chromium actually used for the text of `selector` (DevTools protocol)."""
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        return [f"{f['familyName']} ({f['glyphCount']} glyphs)" for f in fonts]
    finally:
        cdp.detach()
