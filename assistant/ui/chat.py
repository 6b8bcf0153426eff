"""The web chat (Gradio Blocks mounted at "/"): a thin adapter that streams AnswerService answers with sources."""

from __future__ import annotations

import datetime as dt
import logging
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import gradio as gr
from fastapi import FastAPI

from assistant.indexing.service import IndexService
from assistant.schemas import AnswerResponse, Filters, Turn
from assistant.service import AnswerService, InvalidQuestion, QuestionTooLong
from assistant.settings import MAX_TOP_K
from assistant.ui import render
from assistant.ui.index_panel import build_index_panel, current_pill, current_stats
from newstext.dates import parse_day

EXAMPLES = [
    "What are the articles about?",  # any collection: its newest articles' openings
    "Who founded Wagner?",
    "Why did Putin annex four occupied oblasts?",
    "What is Turkey's deal with Baykar?",
    "How are sanctions hurting Russia's budget?",
]
STYLE = Path(__file__).with_name("style.css")
LOG = logging.getLogger(__name__)

# The sources panel owns the click handling for every '#cite/...' link on the page (chat markers included):
# it forwards the citation to Python with trigger(), which renders the article viewer.
CITE_JS = """
const open = (ev) => {
  const link = ev.target.closest && ev.target.closest('a[href^="#cite/"]');
  const m = link && link.getAttribute('href').match(/^#cite\\/(\\d+)\\/(\\d+)\\/(\\d+)\\/(.+)$/);
  if (!m) return;
  ev.preventDefault();
  ev.stopPropagation();
  trigger('click', {n: Number(m[1]), start: Number(m[2]), end: Number(m[3]), article_id: decodeURIComponent(m[4])});
};
if (window.__naCite) document.removeEventListener('click', window.__naCite, true);
window.__naCite = open;
document.addEventListener('click', open, true);
"""
# The viewer scrolls its highlighted span into view each time a citation is opened.
SCROLL_JS = """
watch('value', () => {
  const mark = element.querySelector('mark');
  if (mark) mark.scrollIntoView({block: 'center', inline: 'nearest'});
});
"""
HEADER = """
<div class="na-header">
  <div class="na-logo" aria-hidden="true">N</div>
  <div><h1>News Assistant</h1>
  <p>Ask questions about your news articles &mdash; every answer cites the exact passages it came from.</p></div>
</div>
"""

Exchange = tuple[str, AnswerResponse]


def _day(value: Any) -> dt.date | None:
    """The date picker's value (empty, a timestamp, or text starting YYYY-MM-DD) as a day; ValueError if bad."""
    if value in (None, ""):
        return None
    if isinstance(value, int | float):
        return dt.datetime.fromtimestamp(value, tz=dt.UTC).date()
    day = parse_day(str(value).strip()[:10])
    if day is None:
        raise ValueError(f"{value!r} is not a day")
    return day


def parse_filters(date_from: Any, date_to: Any, sources: str | None) -> Filters | None:
    """The Options accordion's values as service Filters (None when nothing is filtered)."""
    try:
        domains = [s for s in re.split(r"[,\s]+", sources or "") if s]
        filters = Filters(date_from=_day(date_from), date_to=_day(date_to), sources=domains)
    except ValueError as exc:
        raise InvalidQuestion(f"a date filter is not a valid YYYY-MM-DD date ({exc})") from exc
    return None if filters.is_empty() else filters


def _history(exchanges: list[Exchange]) -> list[Turn]:
    """Plain-text turns (no HTML) so the service's follow-up rewrite sees what was said."""
    turns: list[Turn] = []
    for question, response in exchanges:
        turns += [Turn(role="user", content=question), Turn(role="assistant", content=response.answer)]
    return turns


def _bot(html: str) -> dict[str, str]:
    return {"role": "assistant", "content": html}


def stream_answer(
    service: AnswerService, message: str, done: list[Exchange], k: float, d_from: Any, d_to: Any, domains: str
) -> Iterator[tuple[Any, ...]]:
    """Stream one answer into the chat, then show its sources; every error appears in the chat, never as a popup
    beside a "searching" bubble left spinning."""
    message = (message or "").strip()
    if not message:
        yield gr.skip(), gr.skip(), gr.skip(), gr.skip()
        return
    shown = render.conversation(done) + [{"role": "user", "content": message}]
    yield "", [*shown, _bot(render.thinking_html())], done, render.sources_pending_html()
    text, response = "", None
    try:
        filters = parse_filters(d_from, d_to, domains)
        for piece in service.ask_stream(message, _history(done), int(k), filters):
            if isinstance(piece, AnswerResponse):
                response = piece
                break
            text += piece
            yield gr.skip(), [*shown, _bot(render.streaming_html(text))], done, gr.skip()
    except (InvalidQuestion, QuestionTooLong) as exc:
        yield gr.skip(), [*shown, _bot(render.error_html(str(exc)))], done, render.sources_html(None)
        return
    except Exception as exc:  # a bug or a failing backend: logged in full, named in the chat
        LOG.exception("answering %r failed", message)
        failed = f"The answer failed ({type(exc).__name__}); the server log has the details."
        yield gr.skip(), [*shown, _bot(render.error_html(failed))], done, render.sources_html(None)
        return
    assert response is not None
    done = [*done, (message, response)]
    yield gr.skip(), render.conversation(done), done, render.sources_html(response)


def build_blocks(service: AnswerService, indexing: IndexService) -> gr.Blocks:
    """The whole page; every handler calls the service (or the shared index update) and renders its result."""
    settings = service.settings
    with gr.Blocks(title="News Assistant") as demo:
        exchanges = gr.State([])
        with gr.Row(elem_classes="na-top", equal_height=True):
            gr.HTML(HEADER, elem_classes="na-header-box", scale=5)
            pill = gr.HTML(current_pill(indexing), elem_id="na-pill", elem_classes="na-pill-box", scale=2)
        with gr.Tabs():
            with gr.Tab("Ask", id="ask"), gr.Row(equal_height=False):
                with gr.Column(scale=7, min_width=420):
                    chatbot = gr.Chatbot(
                        # no per-message copy buttons: they would copy the bubble's raw HTML
                        elem_id="na-chat", show_label=False, height=560, layout="bubble", buttons=[],
                        feedback_options=None, examples=[{"text": q} for q in EXAMPLES],
                        placeholder="**Ask about your articles.** Answers quote the articles and number each source.",
                    )
                    with gr.Row(elem_classes="na-ask-row"):
                        question = gr.Textbox(
                            show_label=False, placeholder="Ask a question, e.g. Who founded Wagner?", lines=1,
                            max_lines=4, scale=8, elem_id="na-question", autofocus=True, container=False,
                        )
                        send = gr.Button("Ask", variant="primary", scale=1, min_width=90, elem_id="na-send")
                    with gr.Accordion("Options", open=False, elem_id="na-options"):
                        top_k = gr.Slider(
                            1, MAX_TOP_K, value=settings.top_k, step=1, label="Passages to search (top-k)"
                        )
                        with gr.Row():
                            date_from = gr.DateTime(include_time=False, type="string", label="From date")
                            date_to = gr.DateTime(include_time=False, type="string", label="To date")
                        sources = gr.Textbox(label="Sources", placeholder="cnn.com, reuters.com",
                                             info="Only articles from these sites (leave empty for all).")
                with gr.Column(scale=5, min_width=320, elem_classes="na-side"):
                    sources_panel = gr.HTML(render.sources_html(None), js_on_load=CITE_JS, elem_id="na-sources")
                    viewer = gr.HTML(render.viewer_placeholder(), js_on_load=SCROLL_JS, elem_id="na-viewer")
            with gr.Tab("Index", id="index"):
                stats = build_index_panel(indexing, pill)

        def ask(
            message: str, done: list[Exchange], k: float, d_from: Any, d_to: Any, domains: str
        ) -> Iterator[tuple[Any, ...]]:
            yield from stream_answer(service, message, done, k, d_from, d_to, domains)

        def open_citation(evt: gr.EventData) -> str:
            """Render the cited article with the quoted span highlighted."""
            data = getattr(evt, "_data", None) or {}
            try:
                start, end, n = int(data["start"]), int(data["end"]), int(data.get("n") or 0) or None
                article = service.handles.store.get(str(data["article_id"]))
            except (KeyError, TypeError, ValueError):
                return render.viewer_placeholder()
            return render.article_html(article, start, end, n) + f"<!-- {uuid.uuid4().hex} -->"

        def example(evt: gr.SelectData) -> str:
            return str(evt.value.get("text", "")) if isinstance(evt.value, dict) else str(evt.value)

        def reset() -> tuple[Any, ...]:
            return [], [], render.sources_html(None), render.viewer_placeholder()

        inputs = [question, exchanges, top_k, date_from, date_to, sources]
        outputs = [question, chatbot, exchanges, sources_panel]
        quiet: dict[str, Any] = {"show_progress": "hidden"}  # the chat shows its own "searching" indicator
        question.submit(ask, inputs, outputs, **quiet)
        send.click(ask, inputs, outputs, **quiet)
        chatbot.example_select(example, None, question, **quiet).then(ask, inputs, outputs, **quiet)
        chatbot.clear(reset, None, [chatbot, exchanges, sources_panel, viewer], **quiet)
        sources_panel.click(open_citation, None, viewer, **quiet)
        demo.load(lambda: (current_pill(indexing), current_stats(indexing)), None, [pill, stats], **quiet)
    demo.queue(default_concurrency_limit=4)
    return demo


def theme() -> gr.themes.Base:
    """A calm newsroom look with system fonts (nothing is fetched from font CDNs)."""
    sans = ["Inter", "ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial"]
    return gr.themes.Soft(
        primary_hue="indigo", secondary_hue="sky", neutral_hue="slate", radius_size="lg",
        font=[*sans, "sans-serif"], font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "monospace"],
    )


def mount_ui(app: FastAPI, service: AnswerService, indexing: IndexService) -> FastAPI:
    """Mount the chat at "/" of the API app (after the API routes, so those still match first)."""
    settings = service.settings
    return gr.mount_gradio_app(
        app, build_blocks(service, indexing), path="/", theme=theme(), css=STYLE.read_text(encoding="utf-8"),
        footer_links=[], ssr_mode=False, run_history=False, mcp_server=False, show_error=True,
        server_name=settings.server.host, server_port=settings.server.port,
        max_file_size=settings.server.max_upload_bytes,
    )
