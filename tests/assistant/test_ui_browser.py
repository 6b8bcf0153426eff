"""The web chat in a real headless Chromium: ask, read citations, open a source, follow up, upload, re-ask."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import httpx
import pytest
from news_collection import KESTREL_ARTICLE

from assistant.settings import PROJECT_ROOT

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]
SCREENSHOTS = PROJECT_ROOT / "test-artifacts" / "screenshots"
TIMEOUT_MS = 120_000
FINAL_ANSWERS = "#na-chat .na-answer:not(.na-streaming), #na-chat .na-refusal"
ERRORS = "#na-chat .na-error"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the module; fails (never skips) with the fix when it or Playwright is missing."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Playwright is not installed: run `.venv/bin/pip install playwright==1.65.2` (no browser download)")
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: install Debian's package with "
            "`apt-get update && apt-get install -y chromium` (do not run `playwright install`)"
        )
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


# What each page's browser said (console errors, failed or refused requests), for a failure's message.
PAGE_LOGS: dict[int, list[str]] = {}


@contextmanager
def chromium_page(browser: Any, url: str) -> Iterator[Any]:
    """A page of the chat at `url`, closed afterwards."""
    page = browser.new_page(viewport={"width": 1360, "height": 900})
    page.set_default_timeout(TIMEOUT_MS)
    log = PAGE_LOGS.setdefault(id(page), [])
    page.on("console", lambda m: m.type in ("error", "warning") and log.append(f"console {m.type}: {m.text}"))
    page.on("requestfailed", lambda r: log.append(f"failed {r.method} {r.url}: {r.failure}"))
    page.on("response", lambda r: r.status >= 400 and log.append(f"HTTP {r.status} {r.request.method} {r.url}"))
    page.goto(url)
    page.wait_for_selector("#na-question textarea")
    try:
        yield page
    finally:
        page.close()
        PAGE_LOGS.pop(id(page), None)  # a later page may get the same id


@pytest.fixture(scope="module")
def page(browser: Any, live_server: str) -> Iterator[Any]:
    """The chat of the session's app."""
    with chromium_page(browser, live_server) as p:
        yield p


def shown(page: Any) -> str:
    """The page's toasts and the browser's last errors and failed requests, for a failure's message."""
    toasts = page.locator(".toast-body").all_inner_texts()
    return f"toasts: {toasts}\nbrowser: " + "\n".join(PAGE_LOGS.get(id(page), [])[-20:])


def ask(page: Any, question: str) -> Any:
    """Type a question on the Ask tab, send it, and wait until its answer has finished streaming; returns the answer
    element. The tab is chosen first, so a test that failed on the Index tab does not fail the next one with it.
    An error shown in the chat, or no answer in time, fails with what the chat, its toasts and the browser showed."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.get_by_role("tab", name="Ask").click()
    done, errors = page.locator(FINAL_ANSWERS).count(), page.locator(ERRORS).count()
    page.fill("#na-question textarea", question)
    page.keyboard.press("Enter")
    try:
        page.wait_for_function(
            f"document.querySelectorAll({FINAL_ANSWERS!r}).length > {done}"
            f" || document.querySelectorAll({ERRORS!r}).length > {errors}",
            timeout=TIMEOUT_MS,
        )
    except PlaywrightTimeout:
        bubbles = page.locator("#na-chat .message").all_inner_texts()
        pytest.fail(f"no answer to {question!r} in {TIMEOUT_MS} ms.\nlast bubbles: {bubbles[-2:]}\n" + shown(page))
    if page.locator(ERRORS).count() > errors:
        pytest.fail(f"the chat showed an error for {question!r}: {page.locator(ERRORS).last.inner_text()}")
    return page.locator(FINAL_ANSWERS).nth(done)


def upload(page: Any, path: Path) -> None:
    """Drop a file on the Index tab's upload widget, as a user drags one from a folder, and wait until the widget
    shows its name; a failure says what the widget and the browser showed instead.

    The name is read from the widget's text with white space removed. While the file uploads, Gradio shows
    "Uploading 1 file... kestrel-festival.txt"; once uploaded, its file list shows the name as two elements, stem
    and extension ("kestrel-festival\n.txt"), which a wait for the whole name never matches (probed every 100 ms:
    whole name found only in the first sample). That wait is what failed five times under load: the upload
    finished before the first look, and the file sat in the widget, uploaded, for 120 s."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    widget = page.locator("#na-upload")
    zone = widget.get_by_role("button", name="Click to upload or drop files")
    files = page.evaluate_handle(
        """([name, text]) => { const dt = new DataTransfer();
                               dt.items.add(new File([text], name, {type: 'text/plain'})); return dt; }""",
        [path.name, path.read_text(encoding="utf-8")],
    )
    zone.dispatch_event("drop", {"dataTransfer": files})
    try:
        page.wait_for_function(
            "([el, name]) => el.innerText.replace(/\\s+/g, '').includes(name)", arg=[widget.element_handle(), path.name]
        )
    except PlaywrightTimeout:
        pytest.fail(
            f"{path.name} never showed in the upload widget.\nwidget: {widget.inner_text()!r}\n"
            f"inputs: {page.locator('#na-upload input[type=file]').count()}\n" + shown(page)
        )


def parse_cite(href: str) -> tuple[int, int, int, str]:
    """'#cite/n/start/end/article-id' -> its parts."""
    m = re.fullmatch(r"#cite/(\d+)/(\d+)/(\d+)/(.+)", href)
    assert m, href
    return int(m[1]), int(m[2]), int(m[3]), unquote(m[4])


def test_chat_citations_sources_follow_up_and_upload(page: Any, live_server: str, tmp_path: Path) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    # 1. An answer with numbered citation markers and a sources panel.
    answer = ask(page, "Who founded Wagner?")
    assert "Prigozhin" in answer.inner_text()
    markers = answer.locator("a.na-cite")
    assert markers.count() >= 1
    page.wait_for_selector("#na-sources .na-quote")
    quotes = page.locator("#na-sources .na-quote")
    assert quotes.count() == markers.count()
    page.screenshot(path=str(SCREENSHOTS / "chat.png"))

    # 2. Clicking a marker opens its article with exactly the quoted span highlighted and in view.
    n, start, end, article_id = parse_cite(markers.first.get_attribute("href") or "")
    source_quote = page.locator(f'#na-sources .na-quote[href^="#cite/{n}/"] .na-quote-text').inner_text()
    markers.first.click()
    mark = page.locator("#na-viewer mark")
    mark.wait_for()
    assert mark.inner_text() == source_quote
    stored = httpx.get(f"{live_server}/api/articles/{quote(article_id, safe='')}", timeout=60).json()["text"]
    assert " ".join(stored[start:end].split()) == mark.inner_text()
    page.wait_for_function(
        "(() => { const m = document.querySelector('#na-viewer mark').getBoundingClientRect();"
        " return m.top >= 0 && m.bottom <= window.innerHeight; })()"
    )
    page.screenshot(path=str(SCREENSHOTS / "source.png"))

    # Clicking a quote in the sources panel opens that citation too.
    last_quote = quotes.nth(quotes.count() - 1)
    expected = last_quote.locator(".na-quote-text").inner_text()
    last_quote.click()
    page.wait_for_function(
        "(t) => document.querySelector('#na-viewer mark')?.innerText === t", arg=expected
    )

    # 3. A follow-up uses the conversation.
    follow = ask(page, "Which city did his forces assault?")
    assert "Bakhmut" in follow.inner_text()

    # 4. Upload a new article and update the index from the Index tab.
    new_file = tmp_path / "kestrel-festival.txt"
    new_file.write_text(KESTREL_ARTICLE, encoding="utf-8")
    page.get_by_role("tab", name="Index").click()
    upload(page, new_file)
    page.click("#na-update")
    report = page.locator("#na-report")
    report.wait_for()
    assert report.locator(".na-added b").inner_text() == "1"
    assert "kestrel-festival.txt" in report.inner_text()
    health = httpx.get(f"{live_server}/api/health", timeout=60).json()
    pill = f"{health['articles']} articles · {health['chunks']} passages indexed"
    assert page.locator("#na-pill").inner_text() == pill
    assert page.locator("#na-index-stats .na-stat b").first.inner_text() == str(health["articles"])

    # 5. A question only the new article answers.
    page.get_by_role("tab", name="Ask").click()
    fresh = ask(page, "Who founded the Kestrel Valley cider festival?")
    assert "Ilse Marrow" in fresh.inner_text()
    assert page.locator('#na-sources a.na-quote[href$="/kestrel-festival"]').count() >= 1


def test_refusal_is_shown_as_not_found(page: Any) -> None:
    refusal = ask(page, "Who won the 2022 FIFA World Cup?")
    assert "na-refusal" in (refusal.get_attribute("class") or "")
    assert "Not found in your articles" in (refusal.text_content() or "")
    assert refusal.locator("a.na-cite").count() == 0
    assert "No sources" in page.locator("#na-sources").inner_text()


def test_the_collection_overview_and_help_are_shown(page: Any) -> None:
    """A question about the collection lists each article's opening as a citation; "Hello" says how to ask."""
    overview = ask(page, "What are the articles about?")
    assert overview.inner_text().startswith("Your collection holds")
    markers = overview.locator("a.na-cite")
    assert markers.count() >= 2
    page.wait_for_selector("#na-sources .na-quote")
    assert page.locator("#na-sources .na-source").count() == markers.count()  # one card per article
    page.screenshot(path=str(SCREENSHOTS / "overview.png"))
    greeting = ask(page, "Hello")
    assert "How to ask" in (greeting.text_content() or "") and greeting.locator("a.na-cite").count() == 0
    page.wait_for_function("document.querySelector('#na-sources')?.innerText.includes('Ask a question')")


def test_an_update_shows_one_progress_display_that_moves_to_done(
    browser: Any, tmp_path_factory: pytest.TempPathFactory, settings_factory: Any
) -> None:
    """Its own app, reporting progress after every chunk, over the test profile's fake embedder taking a model's
    time per chunk without using the CPU: the real model embedded these 24 chunks between two redraws
    (POLL_S) on an idle machine, so whether the display was seen moving depended on the machine's load.
    The feed lands in the articles folder, as a sync or a copy would put it; the upload widget has its own test
    above (once in CI, a file set right after the page loaded never showed as uploaded; not reproduced here)."""
    from app_testkit import serve
    from fakes import FakeEmbedder
    from index_testkit import jsonl, story

    embedder = FakeEmbedder(seconds_per_text=0.1)  # 24 chunks: about 2.4 s of embedding, five redraws

    root = tmp_path_factory.mktemp("progress-ui")
    (root / "articles").mkdir()
    settings = settings_factory(root / "data", root / "articles", embed_progress_chunks=1, server={"host": "127.0.0.1"})
    towns = ("Oslo", "Lima", "Pune", "Accra", "Quito", "Perth")
    topics = [f"{town} {thing}" for town in towns for thing in ("ferry", "museum", "tram", "harbour")]
    with serve(settings, embedder) as url, chromium_page(browser, url) as page:
        feed = root / "articles" / "wire.jsonl"
        feed.write_text(jsonl(*({"id": str(i), "text": story(t, 5)} for i, t in enumerate(topics))), encoding="utf-8")
        page.get_by_role("tab", name="Index").click()
        page.click("#na-update")
        labels: list[str] = []
        while page.locator("#na-report").count() == 0:
            # One read in the page: the display may be replaced by the report between two locator calls.
            displays, overlays, label = page.evaluate(
                """() => [document.querySelectorAll('#na-progress').length,
                          document.querySelectorAll('.progress-text, .eta-bar').length,
                          document.querySelector('#na-progress .na-progress-label')?.innerText]"""
            )
            if displays:
                assert displays == 1, "more than one progress display"
                assert overlays == 0, "Gradio's own overlay is drawn too"
                if label and (not labels or labels[-1] != label):
                    labels.append(label)
                    if sum(x.startswith("Embedding") for x in labels) == 2:  # moving: show it mid-way
                        page.screenshot(path=str(SCREENSHOTS / "index-progress.png"))
            page.wait_for_timeout(100)
        page.screenshot(path=str(SCREENSHOTS / "index-progress-done.png"))
        assert page.locator("#na-report .na-added b").inner_text() == str(len(topics))
        embedding = [x for x in labels if x.startswith("Embedding")]
        assert len(embedding) >= 2, f"the progress display did not move: {labels}"
