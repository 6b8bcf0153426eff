"""The chat UI's Index tab: what is indexed, uploads, one progress display, and deleting an article; every
write goes through the IndexService, the same one the HTTP API and the CLI use."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import gradio as gr

from assistant.indexing.jobs import IndexBusy
from assistant.indexing.service import CannotDelete, IndexService
from assistant.indexing.uploads import UploadRejected
from assistant.ui import render
from index.loaders import SUPPORTED

UPLOAD_TYPES = sorted({"." + ext.rsplit(".", 1)[-1] for ext in SUPPORTED})  # what the loader reads, no more
POLL_S = 0.5  # how often the progress display redraws while a job runs


def current_stats(indexing: IndexService) -> str:
    """The stats block from the live store."""
    store = indexing.handles.store
    articles, chunks = store.counts()
    return render.stats_html(articles, chunks, store.get_meta("updated_at"))


def current_pill(indexing: IndexService) -> str:
    """The header's index size."""
    return render.status_pill(*indexing.handles.store.counts())


def build_index_panel(indexing: IndexService, pill: gr.HTML) -> gr.HTML:
    """Lay out the tab inside the current Blocks context; returns the stats block so the page can refresh it."""
    gr.Markdown(
        "Add articles (plain text, Markdown, HTML, JSON or JSONL feeds) and update the index. "
        "Only new and changed articles are embedded; files removed from the articles folder are dropped."
    )
    stats = gr.HTML(current_stats(indexing), elem_id="na-index-stats")
    files = gr.File(
        label="Article files", file_count="multiple", file_types=UPLOAD_TYPES, type="filepath",
        elem_id="na-upload", height=150,
    )
    button = gr.Button("Update index", variant="primary", elem_id="na-update")
    report = gr.HTML("", elem_id="na-report-box")  # the one progress display, then the report
    with gr.Row():
        doomed = gr.Textbox(label="Delete an article", placeholder="article id", scale=4, elem_id="na-delete-id")
        delete = gr.Button("Delete", variant="stop", scale=1, elem_id="na-delete")

    def update(paths: list[str] | None) -> Iterator[tuple[Any, ...]]:
        """Save the uploads and run the update as a job, redrawing one progress display until it ends."""
        try:
            job, saved = indexing.submit(upload_paths=paths or [])
        except (IndexBusy, UploadRejected) as exc:
            raise gr.Error(indexing.public(str(exc))) from exc
        names = [p.name for p in saved]
        while job.ended is None:
            yield render.progress_html(job.view()), gr.skip(), gr.skip(), gr.skip()
            time.sleep(POLL_S)
        view = job.view()
        body = indexing.public_report(view["report"]) if view["report"] else {"errors": view["errors"]}
        yield render.report_html(body, names), current_stats(indexing), current_pill(indexing), None

    def remove(article_id: str) -> tuple[Any, ...]:
        """Delete one article (its file is kept under the data folder's deleted/)."""
        try:
            result = indexing.delete(article_id.strip())
        except KeyError:
            raise gr.Error(f"no article with id {article_id.strip()!r}") from None
        except (IndexBusy, CannotDelete) as exc:
            raise gr.Error(indexing.public(str(exc))) from exc
        return render.report_html(result.as_dict()), current_stats(indexing), current_pill(indexing), ""

    quiet: dict[str, Any] = {"show_progress": "hidden", "concurrency_limit": 1}  # our own display, drawn once
    button.click(update, [files], [report, stats, pill, files], **quiet)
    delete.click(remove, [doomed], [report, stats, pill, doomed], **quiet)
    return stats
