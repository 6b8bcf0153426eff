"""The chat UI's Index tab: what is indexed, an upload box, and the same locked update the HTTP API runs."""

from __future__ import annotations

from typing import Any

import gradio as gr

from assistant.api.indexing import IndexBusy, exclusive, run_update
from assistant.api.uploads import UploadRejected, save_paths, upload_limit
from assistant.service import AnswerService
from assistant.ui import render

UPLOAD_TYPES = [".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".gz"]


def current_stats(service: AnswerService) -> str:
    """The stats block from the live store."""
    store = service.handles.store
    articles, chunks = store.counts()
    return render.stats_html(articles, chunks, store.get_meta("updated_at"))


def current_pill(service: AnswerService) -> str:
    """The header's index size."""
    return render.status_pill(*service.handles.store.counts())


def build_index_panel(service: AnswerService, pill: gr.HTML) -> gr.HTML:
    """Lay out the tab inside the current Blocks context; returns the stats block so the page can refresh it."""
    settings = service.settings
    gr.Markdown(
        "Add articles (plain text, Markdown, HTML, JSON or JSONL feeds) and update the index. "
        "Only new and changed articles are embedded; files removed from the articles folder are dropped."
    )
    stats = gr.HTML(current_stats(service), elem_id="na-index-stats")
    files = gr.File(
        label="Article files", file_count="multiple", file_types=UPLOAD_TYPES, type="filepath",
        elem_id="na-upload", height=150,
    )
    button = gr.Button("Update index", variant="primary", elem_id="na-update")
    report = gr.HTML("", elem_id="na-report-box")

    def update(paths: list[str] | None, progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:  # noqa: B008
        """Save the uploads and run the incremental update with a progress bar; one run at a time."""
        try:
            with exclusive(settings.data_dir):
                progress(0, desc="Saving uploads")
                saved = save_paths(paths or [], settings.articles_dir, upload_limit(settings))
                progress(0, desc="Reading articles")
                result = run_update(
                    service.handles, lambda stage, done, total: progress((done, total), desc=stage, unit="articles"),
                    locked=True,
                )
        except (IndexBusy, UploadRejected) as exc:
            raise gr.Error(str(exc)) from exc
        return (
            render.report_html(result.as_dict(), [p.name for p in saved]),
            current_stats(service),
            current_pill(service),
            None,
        )

    button.click(update, [files], [report, stats, pill, files], concurrency_limit=1)
    return stats
