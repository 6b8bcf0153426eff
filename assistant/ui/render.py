"""HTML for the chat UI: answers with clickable [n] markers, the sources panel and the article viewer."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from html import escape
from urllib.parse import quote

from assistant.schemas import AnswerResponse, Citation
from index.records import StoredArticle
from newstext.label import article_label
from newstext.urls import source_domain

_MARKER = re.compile(r"\[(\d+)\]")


def cite_href(c: Citation) -> str:
    """'#cite/n/start/end/article-id': the page's click handler opens this in the article viewer.

    A fragment link, not data-* attributes, because the chat's HTML sanitizer keeps href but strips data-*.
    """
    return f"#cite/{c.n}/{c.start}/{c.end}/{quote(c.article_id, safe='')}"


def _cite_attrs(c: Citation) -> str:
    return f'href="{escape(cite_href(c))}"'


def _oneline(text: str) -> str:
    """Escaped and on one line: a blank line would end the chat's raw-HTML block and start Markdown."""
    return escape(" ".join(text.split()))


# The refusal bubble's heading by AnswerResponse.reason; others read "Not found in your articles".
_REFUSAL_LABELS = {
    "not_stated": "Not stated in your articles",
    "no_answer": "No passage answers this",
    "language": "English questions only",
    "help": "How to ask",
}


def answer_html(response: AnswerResponse) -> str:
    """An answer bubble: the text with each [n] as a clickable marker, or the muted refusal block; above either, the
    words read as the articles spell them."""
    note = response.spelling_note()
    head = f'<div class="na-respelled">{escape(note)}</div>' if note else ""
    if response.refused:
        label = _REFUSAL_LABELS.get(response.reason or "", "Not found in your articles")
        return (
            f'{head}<div class="na-refusal"><div class="na-refusal-label">{label}</div>'
            f'<div class="na-refusal-text">{_oneline(response.answer)}</div></div>'
        )
    by_n = {c.n: c for c in response.citations}

    def marker(m: re.Match[str]) -> str:
        c = by_n.get(int(m.group(1)))
        if c is None:
            return m.group(0)
        title = escape(f"[{c.n}] {c.name}: open the quoted passage")
        return f'<a class="na-cite" title="{title}" {_cite_attrs(c)}>{c.n}</a>'

    return f'{head}<div class="na-answer">{_MARKER.sub(marker, _oneline(response.answer))}</div>'


def streaming_html(text: str) -> str:
    """The answer so far while it streams in."""
    return f'<div class="na-answer na-streaming">{_oneline(text)}<span class="na-caret"></span></div>'


def thinking_html() -> str:
    """Shown while retrieval runs, before the first word arrives."""
    return '<div class="na-thinking"><span></span><span></span><span></span> Searching your articles</div>'


def error_html(message: str) -> str:
    """A question the service refused to take (empty, too long, bad filter)."""
    return f'<div class="na-error">{_oneline(message)}</div>'


def conversation(exchanges: Iterable[tuple[str, AnswerResponse]]) -> list[dict[str, str]]:
    """The chat's messages, rebuilt from (question, response) pairs."""
    messages: list[dict[str, str]] = []
    for question, response in exchanges:
        messages += [{"role": "user", "content": question}, {"role": "assistant", "content": answer_html(response)}]
    return messages


def _meta(url: str, date: str, article_id: str, named: bool = True) -> str:
    parts = []
    if url:
        domain = escape(source_domain(url) or url)
        parts.append(f'<a href="{escape(url)}" target="_blank" rel="noopener noreferrer">{domain}</a>')
    parts.append(f"<span>{escape(date) if date else 'undated'}</span>")
    if named:  # an article without a title or text already shows its id as its name
        parts.append(f'<span class="na-id">{escape(article_id)}</span>')
    return '<div class="na-meta">' + '<span class="na-dot">·</span>'.join(parts) + "</div>"


def sources_pending_html() -> str:
    """The sources panel while an answer streams: the previous answer's sources would mislead."""
    return '<div class="na-panel-title">Sources</div><div class="na-empty">Finding the sources…</div>'


def sources_html(response: AnswerResponse | None) -> str:
    """The sources panel: one card per cited article, each quote clickable."""
    head = '<div class="na-panel-title">Sources</div>'
    if response is None or response.reason == "help":  # nothing asked yet, or a greeting: nothing was looked up
        return head + '<div class="na-empty">Ask a question: the articles behind each answer are listed here.</div>'
    if response.refused or not response.citations:
        return head + '<div class="na-empty">No sources: nothing in your articles answers that question.</div>'
    by_article: dict[str, list[Citation]] = {}
    for c in response.citations:
        by_article.setdefault(c.article_id, []).append(c)
    cards = []
    for cites in by_article.values():
        first = cites[0]
        quotes = "".join(
            f'<a class="na-quote" {_cite_attrs(c)} title="Open the quoted passage in its article">'
            f'<span class="na-badge">{c.n}</span><span class="na-quote-text">{_oneline(c.quote)}</span></a>'
            for c in cites
        )
        cards.append(
            f'<div class="na-source" data-source="{escape(first.article_id)}">'
            f'<a class="na-source-title" {_cite_attrs(first)}>{escape(first.name)}</a>'
            f"{_meta(first.url, first.date, first.article_id, bool(first.label or first.title))}{quotes}</div>"
        )
    return head + '<div class="na-sources">' + "".join(cards) + "</div>"


def viewer_placeholder() -> str:
    """The article viewer before any citation is opened."""
    return (
        '<div class="na-panel-title">Article</div>'
        '<div class="na-empty">Click a citation number or a quote to read it in its article.</div>'
    )


def article_html(article: StoredArticle | None, start: int, end: int, n: int | None = None) -> str:
    """The stored article text with the cited span in <mark>; the offsets slice the text exactly."""
    head = '<div class="na-panel-title">Article</div>'
    if article is None:
        return head + '<div class="na-empty">That article is no longer in the index.</div>'
    text = article.text
    if not 0 <= start <= end <= len(text):
        start = end = 0
    badge = f'<span class="na-badge">{n}</span>' if n is not None else ""
    label = article_label(article.title, text)
    body = (
        escape(text[:start]) + f'<mark class="na-mark" id="na-mark">{escape(text[start:end])}</mark>'
        + escape(text[end:])
    ) if end > start else escape(text)
    return (
        f'{head}<div class="na-article" data-article="{escape(article.id)}">'
        f'<div class="na-article-title">{badge}{escape(label or article.id)}</div>'
        f"{_meta(article.url, article.date, article.id, bool(label))}"
        f'<div class="na-article-body">{body}</div></div>'
    )


def _when(epoch: str | float | None) -> str:
    try:
        return dt.datetime.fromtimestamp(float(epoch or ""), tz=dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    except ValueError:
        return "never"


def stats_html(articles: int, chunks: int, updated_at: str | float | None) -> str:
    """What is indexed now: three figures."""
    figures = [(f"{articles:,}", "articles"), (f"{chunks:,}", "passages"), (_when(updated_at), "last updated")]
    cells = "".join(f'<div class="na-stat"><b>{escape(v)}</b><span>{escape(k)}</span></div>' for v, k in figures)
    return f'<div class="na-stats" id="na-stats">{cells}</div>'


def status_pill(articles: int, chunks: int) -> str:
    """The header's compact index size."""
    return f'<span class="na-pill">{articles:,} articles · {chunks:,} passages indexed</span>'


def progress_html(job: Mapping[str, object]) -> str:
    """A running job: its stage, a bar when the stage's total is known, and the time left."""
    stage = str(job.get("stage") or "starting")
    done, total = int(str(job.get("done") or 0)), int(str(job.get("total") or 0))
    share = min(done / total, 1.0) if total else 0.0
    count = f"{done:,} / {total:,}" if total else (f"{done:,}" if done else "")
    unit = "chunks" if stage == "embedding" else ("articles" if stage in ("loading", "chunking") else "")
    eta = job.get("eta_s")
    left = f" · about {int(eta)} s left" if isinstance(eta, int | float) else ""
    return (
        f'<div class="na-report na-progress" id="na-progress"><div class="na-progress-label">'
        f"{escape(stage.capitalize())} {escape(count)} {escape(unit)}{escape(left)}</div>"
        f'<div class="na-progress-bar"><div style="width:{share * 100:.1f}%"></div></div></div>'
    )


def report_html(report: Mapping[str, object], uploaded: Iterable[str] = ()) -> str:
    """The update's summary: added / updated / removed / unchanged, then any errors."""
    keys = ("added", "updated", "removed", "unchanged")
    cells = "".join(
        f'<div class="na-stat na-{k}"><b>{escape(str(report.get(k, 0)))}</b><span>{k}</span></div>' for k in keys
    )
    names = list(uploaded)
    lines = [f"Saved {len(names)} uploaded file(s): {escape(', '.join(names))}."] if names else []
    chunks, seconds = escape(str(report.get("chunks", 0))), escape(str(report.get("seconds", 0)))
    lines.append(f"{chunks} passages written in {seconds} s.")
    if report.get("refused"):
        lines.insert(0, f"Nothing was written: {report['refused']}.")
    errors = [*(report.get("errors") or []), *(report.get("skipped") or [])]  # type: ignore[misc]
    errs = "".join(f"<li>{escape(str(e))}</li>" for e in errors)
    return (
        f'<div class="na-report" id="na-report"><div class="na-stats">{cells}</div>'
        f'<div class="na-report-notes">{" ".join(lines)}</div>'
        + (f'<ul class="na-report-errors">{errs}</ul>' if errs else "")
        + "</div>"
    )
