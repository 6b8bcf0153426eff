"""update_index on a real store, a real Chroma and the real model: what each run changes, and what it keeps."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import numpy as np
import pytest
from index_testkit import (
    DEFAULT_ARTICLES,
    HandlesFactory,
    article_chunk_ids,
    assert_consistent,
    chroma_records,
    jsonl,
    story,
    write,
)

from index.embedding import MAX_TOKENS, Embedder
from index.handles import IndexHandles
from index.updater import MAX_TITLE_TOKENS, UpdateReport, embed_title, update_index
from newstext.sentences import sentence_spans
from newstext.terms import terms

HEADLINE = "Russia’s Collapse Exposed: Can Ukraine Capitalize on Putin’s Pain?"
PAGE_FURNITURE = ("Leave a Reply", "Your email address", "Copied!", "About John Digweed")


def counts(report: UpdateReport) -> tuple[int, int, int, int]:
    """(added, updated, removed, unchanged) of a run."""
    return report.added, report.updated, report.removed, report.unchanged


def errors_for(report: UpdateReport, path: Path, line: int | None = None) -> list[str]:
    """The report's errors about one file (and line)."""
    where = f"{path}:{line}: " if line is not None else f"{path}: "
    return [e for e in report.errors if e.startswith(where)]


# --- add, change, delete -------------------------------------------------------------------------------


def test_add_change_and_delete_keep_store_chroma_and_bm25_in_step(handles: IndexHandles, articles_dir: Path) -> None:
    a = write(articles_dir / "a.txt", story("harbour"))
    write(articles_dir / "b.txt", story("library"))
    report = update_index(handles)
    assert counts(report) == (2, 0, 0, 0) and report.errors == []
    assert report.chunks == len(assert_consistent(handles)) > 0
    old = article_chunk_ids(handles, "a")
    assert old

    write(a, story("harbour") + " The mayor later resigned over the harbour plan.")
    report = update_index(handles)
    assert counts(report) == (0, 1, 0, 1)
    new = article_chunk_ids(handles, "a")
    assert new and not new & old
    assert not old & set(chroma_records(handles)), "old chunks stay in Chroma"
    assert report.chunks == len(new)
    assert "mayor later resigned" in (handles.store.get_text("a") or "")
    assert_consistent(handles)

    a.unlink()
    report = update_index(handles)
    assert counts(report) == (0, 0, 1, 1) and report.chunks == 0
    assert handles.store.get("a") is None
    assert all(meta["article_id"] == "b" for _, meta in chroma_records(handles).values())
    assert_consistent(handles)
    _, lexical = handles.load_lexical()
    assert not lexical.scores(terms("harbour mayor")).any(), "BM25 still finds the deleted article"
    assert lexical.scores(terms("library")).any()


def test_a_second_run_reports_nothing_to_do_and_writes_nothing(handles: IndexHandles, articles_dir: Path) -> None:
    write(articles_dir / "a.txt", f"Harbour plan approved\n\n{story('harbour')}")
    write(articles_dir / "b.md", f"# Library hours\n\n{story('library')}")
    write(
        articles_dir / "c.html", f"<html><head><title>Bridge</title></head><body><p>{story('bridge')}</p></body></html>"
    )
    rows = [
        {
            "id": "f1",
            "url": "https://news.example.com/rail",
            "title": "Rail",
            "text": story("rail"),
            "date": "2024-01-05",
        },
        {"url": "https://news.example.com/port", "text": story("port")},
    ]
    write(articles_dir / "feed.jsonl.gz", gzip.compress(jsonl(*rows).encode()))
    first = update_index(handles)
    assert counts(first) == (5, 0, 0, 0) and first.errors == []
    generation, vectors = handles.store.generation(), chroma_records(handles)

    second = update_index(handles)
    assert counts(second) == (0, 0, 0, 5) and second.chunks == 0
    assert handles.store.generation() == generation, "an idle run committed something"
    assert chroma_records(handles) == vectors


def test_dry_run_reports_counts_and_touches_nothing(handles: IndexHandles, articles_dir: Path) -> None:
    a = write(articles_dir / "a.txt", story("harbour"))
    b = write(articles_dir / "b.txt", story("library"))
    report = update_index(handles, dry_run=True)
    assert counts(report) == (2, 0, 0, 0) and report.dry_run and report.chunks == 0
    assert report.summary().startswith("would change: 2 added")
    assert handles.store.counts() == (0, 0)
    assert not handles.settings.chroma_dir.exists(), "a dry run opened Chroma"

    update_index(handles)
    manifest, generation, vectors = handles.store.manifest(), handles.store.generation(), chroma_records(handles)
    write(a, story("harbour") + " Later the plan was dropped.")
    b.unlink()
    write(articles_dir / "c.txt", story("bridge"))
    report = update_index(handles, dry_run=True)
    assert counts(report) == (1, 1, 1, 0) and report.chunks == 0
    assert handles.store.manifest() == manifest
    assert handles.store.generation() == generation
    assert handles.store.get_text("a") == story("harbour")
    assert chroma_records(handles) == vectors


def test_progress_reports_every_stage_in_order_up_to_its_total(
    make_handles: HandlesFactory, articles_dir: Path
) -> None:
    for topic in ("harbour", "library", "bridge"):
        write(articles_dir / f"{topic}.txt", story(topic))
    calls: list[tuple[str, int, int]] = []
    update_index(make_handles(embed_progress_chunks=2), progress=lambda *call: calls.append(call))
    assert calls == [
        ("loading", 3, 3),
        ("chunking", 3, 3),
        ("embedding", 0, 3),
        ("embedding", 2, 3),  # batches of embed_progress_chunks chunks
        ("embedding", 3, 3),
        ("lexical index", 0, 1),
        ("lexical index", 1, 1),
        ("publishing", 0, 1),
        ("publishing", 1, 1),
    ]


# --- bad input -------------------------------------------------------------------------------------------


def test_each_bad_input_is_one_error_and_the_rest_is_indexed(handles: IndexHandles, articles_dir: Path) -> None:
    write(articles_dir / "good.txt", story("harbour"))
    empty = write(articles_dir / "empty.txt", "")
    blank = write(articles_dir / "blank.md", "  \n\n \n")
    binary = write(articles_dir / "binary.txt", bytes(range(256)) * 8)
    write(articles_dir / "legacy.txt", "The café on the corner reopened on Monday, its owner said.".encode("cp1252"))
    dangling = articles_dir / "dangling.txt"
    dangling.symlink_to(articles_dir / "no-such-target.txt")
    feed = write(
        articles_dir / "feed.jsonl",
        jsonl({"id": "f1", "text": story("bridge")})
        + '{"id": "f2", "text": broken\n'
        + jsonl({"id": "f3", "title": "A title and no body"}, {"id": "f4", "text": "Copied!\n\nShare"}),
    )
    report = update_index(handles)

    assert sorted(handles.store.manifest()) == ["feed#f1", "good", "legacy"]
    assert "café" in (handles.store.get_text("legacy") or "")
    assert counts(report) == (3, 0, 0, 0)
    assert errors_for(report, empty) == [f"{empty}: empty file"]
    assert errors_for(report, blank) == [f"{blank}: empty file"]
    assert errors_for(report, binary) == [f"{binary}: binary file, not text"]
    assert errors_for(report, dangling) == [f"{dangling}: cannot read: no such file or folder"]
    [bad_json] = errors_for(report, feed, 2)
    assert bad_json.startswith(f"{feed}:2: line 2: invalid JSON")
    [no_text] = errors_for(report, feed, 3)
    assert no_text.startswith(f"{feed}:3: line 3: no article text: none of 'text', 'body', 'content'")
    assert errors_for(report, feed, 4) == [f"{feed}:4: line 4: no article text (empty after cleaning)"]
    assert len(report.errors) == 7
    assert_consistent(handles)


def test_a_file_the_os_will_not_read_is_an_error(handles: IndexHandles, articles_dir: Path) -> None:
    """Unreadable for a normal user: mode 0; root reads any mode, so it gets a file whose read() fails (EIO)."""
    write(articles_dir / "good.txt", story("harbour"))
    locked = articles_dir / "locked.txt"
    as_root = os.geteuid() == 0
    if as_root:
        locked.symlink_to("/proc/self/mem")  # open() works, read() at offset 0 raises EIO
    else:
        write(locked, story("library")).chmod(0)
    try:
        report = update_index(handles)
    finally:
        if not as_root:
            locked.chmod(0o644)
    assert sorted(handles.store.manifest()) == ["good"]
    [error] = report.errors
    reason = "Input/output error" if as_root else "Permission denied"
    assert error.startswith(f"{locked}: cannot read: {reason}")


def test_paths_that_do_not_exist_or_are_not_articles_are_errors(handles: IndexHandles, tmp_path: Path) -> None:
    missing, unsupported = tmp_path / "nope.jsonl", write(tmp_path / "notes.pdf", "x")
    report = update_index(handles, [missing, unsupported])
    assert counts(report) == (0, 0, 0, 0)
    assert report.errors[0] == f"{missing}: no such file or folder"
    assert report.errors[1].startswith(f"{unsupported}: unsupported file type")


def test_a_file_that_breaks_after_indexing_keeps_its_articles(handles: IndexHandles, articles_dir: Path) -> None:
    emptied = write(articles_dir / "emptied.txt", story("harbour"))
    binary = write(articles_dir / "binary.txt", story("library"))
    linked = write(articles_dir / "linked.txt", story("school"))
    feed = write(
        articles_dir / "feed.jsonl", jsonl({"id": "f1", "text": story("rail")}, {"id": "f2", "text": story("port")})
    )
    packed = write(
        articles_dir / "packed.jsonl.gz", gzip.compress(jsonl({"id": "g1", "text": story("bridge")}).encode())
    )
    listed = write(articles_dir / "list.json", json.dumps([{"id": "j1", "text": story("museum")}]))
    update_index(handles)
    manifest, chunks = handles.store.manifest(), assert_consistent(handles)
    assert len(manifest) == 7

    write(emptied, "")
    write(binary, b"\x00\x01\x02 no longer text")
    linked.unlink()
    linked.symlink_to(articles_dir / "gone-for-now.txt")  # e.g. a network share that went away
    write(feed, jsonl({"id": "f1", "text": story("rail")}) + "{truncated\n")  # f2 is not readable: keep it
    write(packed, b"\x1f\x8b this is not really gzip")
    write(listed, '[{"id": "j1", "text": "cut off')
    report = update_index(handles)

    assert counts(report) == (0, 0, 0, 1), report.errors
    assert len(report.errors) == 6
    assert handles.store.manifest() == manifest
    assert assert_consistent(handles) == chunks

    write(feed, jsonl({"id": "f1", "text": story("rail")}))  # fixed, and f2 really is gone now
    report = update_index(handles)
    assert report.removed == 1 and handles.store.get("feed#f2") is None
    assert handles.store.get("feed#f1") is not None


def test_a_folder_that_becomes_a_broken_link_keeps_its_articles(
    handles: IndexHandles, articles_dir: Path, tmp_path: Path
) -> None:
    """A folder of articles linked from a share that went away: its articles were removed, the link reported nothing."""
    write(articles_dir / "good.txt", story("harbour"))
    share = tmp_path / "share"
    write(share / "story.txt", story("museum"))
    mounted = articles_dir / "mounted"
    mounted.symlink_to(share)
    update_index(handles)
    manifest = handles.store.manifest()
    assert len(manifest) == 2

    (share / "story.txt").rename(tmp_path / "story.txt")
    share.rmdir()  # the share is gone: the link now points nowhere
    notes = articles_dir / "notes.docx"
    notes.symlink_to(tmp_path / "no-such.docx")  # not an article: skipped as the file would be, and said
    report = update_index(handles)
    assert counts(report) == (0, 0, 0, 1)
    assert errors_for(report, mounted) == [f"{mounted}: cannot read: no such file or folder"]
    assert len(report.errors) == 1
    assert [s for s in report.skipped if str(notes) in s] == [
        f"{notes}: unsupported file type .docx, and a link pointing nowhere"
    ]
    assert handles.store.manifest() == manifest


# --- duplicates ------------------------------------------------------------------------------------------


def test_a_duplicate_id_is_indexed_once_first_copy_wins(handles: IndexHandles, articles_dir: Path) -> None:
    write(
        articles_dir / "feed.jsonl", jsonl({"id": "x", "text": story("harbour")}, {"id": "x", "text": story("library")})
    )
    report = update_index(handles)
    assert (report.added, report.duplicates) == (1, 1)
    assert "duplicate id 'feed#x'" in report.notes[0]
    assert handles.store.get_text("feed#x") == story("harbour")
    assert_consistent(handles)


def test_same_text_under_two_urls_is_indexed_once_with_both_urls(handles: IndexHandles, articles_dir: Path) -> None:
    text = story("harbour")
    one, two = "https://one.example.com/harbour", "https://two.example.com/harbour-story"
    write(articles_dir / "a.jsonl", jsonl({"id": "a", "url": one, "title": "Harbour", "text": text}))
    copy = write(  # a near-duplicate: only case, spacing and punctuation differ
        articles_dir / "b.jsonl", jsonl({"id": "b", "url": two, "text": text.upper().replace(". ", " ;  ")})
    )
    report = update_index(handles)
    assert (report.added, report.duplicates) == (1, 1)
    stored = handles.store.get("a#a")
    assert stored is not None and stored.urls == [one, two] and stored.url == one
    assert handles.store.get("b#b") is None
    assert {meta["article_id"] for _, meta in chroma_records(handles).values()} == {"a#a"}

    assert counts(update_index(handles)) == (0, 0, 0, 1)
    copy.unlink()  # the second url goes away with its copy
    report = update_index(handles)
    assert counts(report) == (0, 1, 0, 0)
    assert (stored := handles.store.get("a#a")) is not None and stored.urls == [one]
    assert_consistent(handles)


# --- chunks ----------------------------------------------------------------------------------------------

LONG_TITLE = "Officials across the region " + " ".join(f"district-{i}/ward-{i}" for i in range(24))
BODY = "\n\n".join(
    [
        story("harbour", 3),
        "Dr. Smith of the U.S. Dept. of Transportation said: “We will wait.” Then he left at 5 p.m. on Jan. 4.",
        " ".join(["the endless sentence keeps going without any stop"] * 36),  # one sentence, ~290 word pieces
        "Is it over? Nobody knows! The meeting ended…\nA new line starts here without a full stop",
        "Token-dense: " + "-".join(f"x{i}y" for i in range(80)),  # one 'word' of ~320 word pieces
        story("library", 3),
    ]
)


@pytest.mark.parametrize(
    ("chunk_tokens", "title"),
    [(48, ""), (256, "Harbour plan approved after a long night"), (256, LONG_TITLE)],
)
def test_chunks_slice_exactly_follow_sentences_and_fit_the_model(
    make_handles: HandlesFactory, articles_dir: Path, fake_embedder: Embedder, chunk_tokens: int, title: str
) -> None:
    write(articles_dir / "feed.jsonl", jsonl({"id": "long", "title": title, "text": BODY}))
    handles = make_handles(chunk_tokens=chunk_tokens)
    report = update_index(handles)
    assert report.errors == []
    chunks = assert_consistent(handles)  # store and Chroma offsets slice the stored text
    stored = handles.store.get("feed#long")
    assert stored is not None and stored.title == title
    text = stored.text
    head = embed_title(fake_embedder, title)  # the headline as the model sees it: at most MAX_TITLE_TOKENS pieces
    assert fake_embedder.count_tokens(head) <= MAX_TITLE_TOKENS and title.startswith(head)
    budget = min(chunk_tokens, MAX_TOKENS - 2 - fake_embedder.count_tokens(head))
    spans = sentence_spans(text)
    starts, ends = {s for s, _ in spans}, {e for _, e in spans}
    word_edges = set(fake_embedder.token_starts(text)) | {i for i, ch in enumerate(text) if ch.isspace()}
    ids = sorted(chunks)
    model_inputs = [f"{head}\n{chunks[cid].text}" if head else chunks[cid].text for cid in ids]
    if title:  # the stored vectors are of the headline (cut to size) plus the whole chunk
        vectors, expected = handles.vectors.get_vectors(ids), fake_embedder.embed(model_inputs)
        assert min(float(vectors[cid] @ vector) for cid, vector in zip(ids, expected, strict=True)) > 0.999
    covered: set[int] = set()
    for chunk, model_input in zip((chunks[cid] for cid in ids), model_inputs, strict=True):
        assert fake_embedder.count_tokens(chunk.text) <= budget <= chunk_tokens
        assert fake_embedder.count_tokens(model_input) + 2 <= MAX_TOKENS, "the model would truncate this chunk"
        for offset, edges in ((chunk.start, starts), (chunk.end, ends)):
            if offset not in edges:  # only a sentence too long for one chunk is cut, between words or pieces
                s, e = next((s, e) for s, e in spans if s < offset < e)
                assert fake_embedder.count_tokens(text[s:e]) > budget
                assert offset in word_edges or offset - 1 in word_edges
        covered.update(range(chunk.start, chunk.end))
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace()), "some text is in no chunk"


def test_default_articles_index_with_their_headline_and_without_page_furniture(make_handles: HandlesFactory) -> None:
    handles = make_handles(articles=DEFAULT_ARTICLES)
    report = update_index(handles)
    assert counts(report) == (2, 0, 0, 0) and report.errors == []
    stored = handles.store.get("000_19d6c775b7450330")
    assert stored is not None and stored.title == HEADLINE
    assert stored.text.startswith("As Russia faces") and stored.text.endswith("the world must watch closely.")
    chunks = assert_consistent(handles)
    for article_id in handles.store.manifest():
        text = handles.store.get_text(article_id) or ""
        assert not [m for m in PAGE_FURNITURE if m in text], article_id
    assert not [c.id for c in chunks.values() if any(m in c.text for m in PAGE_FURNITURE)]
    _, lexical = handles.load_lexical()
    assert not lexical.scores(terms("Digweed")).any()


# --- rebuilds ------------------------------------------------------------------------------------------


def test_full_reembeds_everything_and_drops_what_is_gone(handles: IndexHandles, articles_dir: Path) -> None:
    write(articles_dir / "a.txt", story("harbour", 5))
    b = write(articles_dir / "b.txt", story("library"))
    first = update_index(handles)
    live_a = article_chunk_ids(handles, "a")
    meta = {"article_id": "ghost", "idx": 0, "start": 0, "end": 5, "date": 0, "source": "file"}
    handles.vectors.add(["ghost::0::0"], np.full((1, 384), 384**-0.5, dtype=np.float32), ["ghost"], [meta])
    b.unlink()
    generation = handles.store.generation()

    preview = update_index(handles, full=True, dry_run=True)
    assert counts(preview) == (0, 1, 1, 0) and handles.store.generation() == generation

    report = update_index(handles, full=True)
    assert counts(report) == (0, 1, 1, 0)
    assert report.chunks == len(live_a) < first.chunks, "--full did not re-embed every chunk"
    assert set(chroma_records(handles)) == live_a, "an orphan or a removed article survived a full rebuild"
    assert sorted(handles.store.manifest()) == ["a"]
    assert handles.store.generation() > generation
    assert_consistent(handles)
    assert counts(update_index(handles)) == (0, 0, 0, 1)


def test_changing_chunk_tokens_reindexes_every_article(
    make_handles: HandlesFactory, articles_dir: Path, fake_embedder: Embedder
) -> None:
    write(articles_dir / "a.txt", story("harbour", 12))
    write(articles_dir / "b.txt", story("library", 3))
    wide = make_handles(chunk_tokens=128)
    before = update_index(wide)
    narrow = make_handles(chunk_tokens=32)  # same data dir, new signature
    report = update_index(narrow)
    assert counts(report) == (0, 2, 0, 0)
    chunks = assert_consistent(narrow)
    assert len(chunks) == report.chunks > before.chunks
    assert all(fake_embedder.count_tokens(c.text) <= 32 for c in chunks.values())
    assert narrow.store.get_meta("signature") == narrow.signature != wide.signature
    assert counts(update_index(narrow)) == (0, 0, 0, 2)

    back = make_handles(chunk_tokens=128)  # fewer, longer chunks again: no vector of the narrow run may survive
    report = update_index(back)
    assert counts(report) == (0, 2, 0, 0) and report.chunks == before.chunks
    chunks = assert_consistent(back)
    vectors = back.vectors.get_vectors(sorted(chunks))
    for cid, chunk in chunks.items():
        title = back.store.get("a" if cid.startswith("a::") else "b").title  # type: ignore[union-attr]
        expected = fake_embedder.embed([f"{title}\n{chunk.text}" if title else chunk.text])[0]
        assert float(vectors[cid] @ expected) > 0.999, f"{cid} kept the vector of another chunking"
    assert counts(update_index(make_handles(chunk_tokens=128, chunk_overlap_sentences=0))) == (0, 2, 0, 0)
    assert_consistent(back)


# --- scope -------------------------------------------------------------------------------------------------


def test_indexing_one_path_leaves_articles_from_other_paths_alone(
    handles: IndexHandles, articles_dir: Path, tmp_path: Path
) -> None:
    write(articles_dir / "a.txt", story("harbour"))
    update_index(handles)
    incoming = tmp_path / "incoming"
    feed = write(
        incoming / "feed.jsonl", jsonl({"id": "f1", "text": story("rail")}, {"id": "f2", "text": story("port")})
    )
    assert counts(update_index(handles, [feed])) == (2, 0, 0, 0)
    assert counts(update_index(handles)) == (0, 0, 0, 1), "the default folder's run removed the feed's articles"
    assert [i.split("/")[-1] for i in sorted(handles.store.manifest())] == ["feed#f1", "feed#f2", "a"]

    feed.unlink()  # the folder is empty now: an unmounted disk looks the same, so its articles stay...
    kept = update_index(handles, [incoming])
    assert counts(kept) == (0, 0, 0, 0) and len(handles.store.manifest()) == 3
    why = "is empty (not mounted?); --allow-removal empties it"
    assert kept.notes == [f"{incoming} {why}: kept its 2 stored article(s)"]
    assert counts(update_index(handles, [incoming], allow_removal=True)) == (0, 0, 2, 0)  # ...until asked
    assert sorted(handles.store.manifest()) == ["a"]
    assert_consistent(handles)
