"""End to end in headless Chromium: the real server (uvicorn on a free 127.0.0.1 port) over the
seed pages plus a hostile page; filter events, open one, see its highlighted source spans, and
check that script payloads in an article never run. A screenshot is saved for every page.

Needs the system Chromium (``apt-get install -y chromium``; ``make test`` installs it). When
it is missing this test FAILS: a skipped browser test would hide a broken UI.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from playwright.sync_api import Page, sync_playwright

from sitrep.web import create_app

from .test_web_support import build_db

pytestmark = pytest.mark.browser  # needs Chromium: left out of `make check`

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("browser") / "browser.db"
    app = create_app(build_db(db, seeds=True))
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser_page() -> Iterator[tuple[Page, list[str]]]:
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: apt-get install -y chromium (make test does)"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        problems: list[str] = []
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        yield page, problems
        browser.close()


def shot(page: Page, tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 5_000, f"screenshot {name} is empty"
    return path


def pwned(page: Page) -> Any:
    return page.evaluate("typeof window.__pwned")


def test_filter_open_event_and_see_highlighted_spans(
    server: str, browser_page: tuple[Page, list[str]], tmp_path: Path
) -> None:
    page, problems = browser_page
    page.goto(f"{server}/events")
    assert page.locator("tr.event-row").count() == 3
    assert "3 matching" in page.locator("#total").inner_text()
    shot(page, tmp_path, "events")

    page.fill("input[name=actor]", "taliban")
    page.select_option("select[name=plover_type]", "ASSAULT")
    with page.expect_navigation():
        page.click("form#filters button[type=submit]")
    assert "actor=taliban" in page.url and "place=" not in page.url, "empty filters are dropped"
    rows = page.locator("tr.event-row")
    assert rows.count() == 1 and rows.first.get_attribute("data-id") == "ev_kunduz"
    shot(page, tmp_path, "events-filtered")

    with page.expect_navigation():
        page.click("a.event-link")
    assert page.url.endswith("/events/ev_kunduz")
    expected = [m["text"] for m in httpx.get(f"{server}/api/events/ev_kunduz").json()["mentions"]]
    marks = page.locator("article.mention mark.hl")
    assert marks.count() == len(expected) == 2
    assert [marks.nth(i).inner_text() for i in range(marks.count())] == expected
    assert page.locator("table.disagreements").inner_text().count("fatalities") == 2
    assert "We will not stop" in page.locator("blockquote.statement").inner_text()
    shot(page, tmp_path, "event")
    assert problems == [], f"console errors (CSP violations?): {problems}"


def test_hostile_article_is_shown_as_text(server: str, browser_page: tuple[Page, list[str]], tmp_path: Path) -> None:
    page, problems = browser_page
    page.goto(f"{server}/documents/hostile")
    text = page.locator("#doctext").inner_text()
    assert "<script>window.__pwned=1</script>" in text
    assert '<img src=x onerror="window.__pwned=2">' in text
    assert 'onerror="window.__pwned=3"' in page.locator("h1").inner_text(), "the title is text too"
    assert page.locator("#doctext img, #doctext script").count() == 0
    assert page.locator("#doctext .bp").count() >= 1, "boilerplate is greyed out"
    assert page.locator("#doctext mark.rec-event").count() >= 2, "records are marked in the text"
    page.wait_for_timeout(300)
    assert pwned(page) == "undefined"
    shot(page, tmp_path, "document-hostile")

    page.goto(f"{server}/events/ev_threat")
    assert "<script>window.__pwned=1</script>" in [
        page.locator("mark.hl").nth(i).inner_text() for i in range(page.locator("mark.hl").count())
    ]
    assert pwned(page) == "undefined"
    shot(page, tmp_path, "event-hostile")
    assert problems == [], f"console errors: {problems}"


@pytest.mark.parametrize(
    "path,selector,minimum",
    [
        ("/timeline", "ol.timeline li", 3),  # undated events too, last
        ("/map", "svg.map circle.dot", 3),
        ("/figures", "svg.chart circle", 2),
        ("/statements", "blockquote.statement", 1),
        ("/documents", "a.doc-link", 8),
        ("/documents/doc_a", "#doctext mark.rec-statement", 1),
    ],
)
def test_other_pages_render(
    server: str, browser_page: tuple[Page, list[str]], tmp_path: Path, path: str, selector: str, minimum: int
) -> None:
    page, problems = browser_page
    page.goto(server + path)
    assert page.locator(selector).count() >= minimum, f"{path}: fewer than {minimum} {selector}"
    assert pwned(page) == "undefined"
    shot(page, tmp_path, path.strip("/").replace("/", "-"))
    assert problems == [], f"{path}: console errors: {problems}"


def _styles(page: Page, selector: str) -> list[str]:
    """The computed background and outline of every element matching ``selector``."""
    return page.eval_on_selector_all(  # type: ignore[no-any-return]
        selector, "els => els.map(e => { const s = getComputedStyle(e); return s.backgroundColor + ' ' + s.outlineStyle; })"
    )


def test_focusing_a_field_lights_up_its_words(
    server: str, browser_page: tuple[Page, list[str]], tmp_path: Path
) -> None:
    page, problems = browser_page
    page.goto(f"{server}/events/ev_kunduz")
    actor = page.locator("article.mention mark.ev-actor1")
    assert actor.count() == 2, "actor 1's words in each source"
    assert [actor.nth(i).inner_text() for i in range(2)] == ["Taliban fighters", "Taliban fighters"]
    label = page.eval_on_selector("article.mention mark.ev-actor1", "e => getComputedStyle(e, '::before').content")
    assert label == '"actor 1"', "each mark shows its field's name, not only a colour"
    labels = page.eval_on_selector_all("article.mention mark.ev[data-label]", "els => els.map(e => e.dataset.label)")
    assert {"actor 1", "actor 2", "location", "date", "fatalities", "PLOVER type", "status"} <= set(labels)
    assert "(gazetteer)" in page.locator("dd.fv-location").inner_text()
    words = page.locator("table.disagreements").inner_text()
    assert "killing 20 soldiers" in words and "At least 25 soldiers" in words, "each side's words"

    actor_before, place_before = _styles(page, "mark.ev-actor1"), _styles(page, "mark.ev-location")
    page.locator("dd.fv-acled_event_type").focus()
    page.keyboard.press("Tab")  # by keyboard: the next value is actor 1
    assert page.evaluate("document.activeElement.dataset.fields") == "actor1"
    actor_after, place_after = _styles(page, "mark.ev-actor1"), _styles(page, "mark.ev-location")
    assert all(a != b for a, b in zip(actor_before, actor_after, strict=True)), (actor_before, actor_after)
    assert all("solid" in s for s in actor_after)
    assert place_after == place_before, "other fields' words stay as they were"
    shot(page, tmp_path, "event-focus-actor1")

    page.locator("dd.fv-location").hover()  # the mouse works too (and moving on un-highlights)
    page.evaluate("document.activeElement.blur()")
    assert _styles(page, "mark.ev-location") != place_before and _styles(page, "mark.ev-actor1") == actor_before
    shot(page, tmp_path, "event-hover-location")
    assert problems == [], f"console errors: {problems}"


def test_hostile_words_are_marked_as_text(server: str, browser_page: tuple[Page, list[str]], tmp_path: Path) -> None:
    page, problems = browser_page
    page.goto(f"{server}/events/ev_threat")
    status = page.locator("article.mention mark.ev-status")
    assert "".join(status.nth(i).inner_text() for i in range(status.count())) == "<script>window.__pwned=1</script>"
    assert page.locator("article.mention script, article.mention img, dd script").count() == 0
    date = page.locator("dd.fv-date").inner_text()
    assert "<script>" in date and "(reference date)" in date
    page.locator("dd.fv-status").focus()
    assert all("solid" in s for s in _styles(page, "mark.ev-status"))
    page.wait_for_timeout(200)
    assert pwned(page) == "undefined"
    shot(page, tmp_path, "event-hostile-words")
    assert problems == [], f"console errors: {problems}"


def test_statement_and_figure_words(server: str, browser_page: tuple[Page, list[str]], tmp_path: Path) -> None:
    page, problems = browser_page
    page.goto(f"{server}/statements")
    st = page.locator("#st-st1")
    assert st.locator("mark.ev-quote").inner_text() == "We will not stop until the occupation ends"
    before = _styles(page, "#st-st1 mark.ev-speaker")
    st.locator(".fv-speaker").focus()
    assert _styles(page, "#st-st1 mark.ev-speaker") != before
    shot(page, tmp_path, "statements-focus-speaker")

    page.goto(f"{server}/figures")
    row = page.locator("#fig-fig0")
    assert row.locator("mark.ev-value").inner_text() == "about 9,500"
    other = _styles(page, "#fig-fig1 mark.ev-value")
    before = _styles(page, "#fig-fig0 mark.ev-value")
    row.locator(".fv-value").focus()
    assert _styles(page, "#fig-fig0 mark.ev-value") != before
    assert _styles(page, "#fig-fig1 mark.ev-value") == other, "another figure's words stay as they were"
    shot(page, tmp_path, "figures-focus-value")
    assert problems == [], f"console errors: {problems}"
