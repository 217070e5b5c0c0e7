"""The report in headless Chromium (system /usr/bin/chromium): map and charts drawn, no script run.

This test fails, never skips, when Chromium is missing: run scripts/install_system_deps.sh
(``make test`` does).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitrep.report import write_report

from .test_report import build_sample_store

pytestmark = pytest.mark.browser  # needs Chromium: left out of `make check`

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic"]


def _boxes(page: object, selector: str) -> list[dict[str, float]]:
    return page.eval_on_selector_all(  # type: ignore[attr-defined, no-any-return]
        selector, "els => els.map(e => { const b = e.getBoundingClientRect(); return {w: b.width, h: b.height}; })"
    )


def test_report_renders_in_chromium(tmp_path: Path) -> None:
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: run `bash scripts/install_system_deps.sh` (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    store = build_sample_store(tmp_path / "browser.db")
    report = write_report(store, tmp_path / "report.html")
    shot = tmp_path / "screenshots" / "report.png"
    shot.parent.mkdir()
    requests: list[str] = []
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("request", lambda r: requests.append(r.url))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(report.as_uri())
            page.wait_for_load_state("load")
            page.screenshot(path=str(shot), full_page=True)
            print(f"report screenshot: {shot}")

            assert page.evaluate("typeof window.__pwned") == "undefined"  # the injected payload did not run
            assert page.locator("img").count() == 0  # the <img onerror> payload stayed text
            assert "<script>window.__pwned" in page.inner_text("#key-events")  # ...and is shown as text

            countries = _boxes(page, "#event-map path.country")
            assert len(countries) >= 5 and sum(b["w"] * b["h"] > 0 for b in countries) >= 5
            markers = _boxes(page, "#event-map circle.event-marker")
            assert len(markers) == 3 and all(b["w"] > 0 and b["h"] > 0 for b in markers)
            map_box = _boxes(page, "#event-map")[0]
            assert map_box["w"] > 400 and map_box["h"] > 150

            bars = _boxes(page, "svg.chart rect.bar")
            assert len(bars) == 3 and all(b["w"] > 0 and b["h"] > 0 for b in bars)  # the troop series
            assert bars[0]["h"] > bars[1]["h"] > bars[2]["h"]  # 9,800 > 2,500 > 0 drawn to scale
            dots = _boxes(page, "#timeline-strip circle.dot")
            assert len(dots) == 3 and all(b["w"] > 0 for b in dots)
            words = page.locator("#key-events details.words")
            assert words.count() == 1
            fatal = words.locator("dd", has_text="killed at least 60 people")
            assert not fatal.is_visible(), "the words are shown on demand"
            words.locator("summary").click()  # no script: <details> opens by itself
            assert fatal.is_visible() and words.locator("dt", has_text="location").is_visible()
            assert "(gazetteer)" in words.inner_text() and "<script>window.__pwned" in words.inner_text()
            words.screenshot(path=str(shot.parent / "report-words.png"))
            assert (shot.parent / "report-words.png").stat().st_size > 2_000
            marks = page.locator("mark")
            assert marks.count() >= 5 and page.locator("#key-events mark", has_text="killed at least 60 people").count() == 1
        finally:
            browser.close()
    assert shot.stat().st_size > 20_000  # a real picture, not a blank page
    assert errors == []
    assert all(u.startswith(("file:", "data:", "about:")) for u in requests), requests  # nothing fetched
