"""What an operator meets when updating on real folders: nothing is lost, ids never collide, exit codes tell.

Each test replays one situation that lost data before (see the operator-safety issue), on real files, a real
store and a real Chroma; the CLI ones run `python -m assistant index` as a user would.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from index_testkit import HandlesFactory, assert_consistent, jsonl, run_index_cli, story, write

from index.handles import IndexHandles
from index.lock import update_lock
from index.store import ArticleStore
from index.updater import update_index

TOPICS = ("harbour", "library", "bridge", "school", "museum", "rail line", "water plant", "stadium")


def fill(folder: Path, topics: tuple[str, ...] = TOPICS) -> None:
    """One small distinct article per topic, named after it."""
    for topic in topics:
        write(folder / f"{topic.replace(' ', '-')}.txt", f"{topic.title()} news\n\n{story(topic)}")


def stored_ids(tmp_path: Path) -> list[str]:
    return sorted(ArticleStore(tmp_path / "data" / "articles.sqlite3").manifest())


# --- 1. a scan never removes what it could not see ---------------------------------------------------------


def test_an_unreadable_articles_folder_keeps_every_article(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    fill(articles, TOPICS[:3])
    assert run_index_cli(tmp_path).returncode == 0
    before = stored_ids(tmp_path)
    articles.chmod(0)
    try:
        dry = run_index_cli(tmp_path, "--dry-run", unprivileged=True)
        real = run_index_cli(tmp_path, unprivileged=True)
    finally:
        articles.chmod(0o755)
    assert "0 removed" in dry.stdout and "0 removed" in real.stdout, real.stdout
    assert f"error: {articles}: cannot read folder: Permission denied" in real.stderr
    assert f"note: {articles} could not be read: kept its 3 stored article(s)" in real.stderr
    assert real.returncode == 1, "a failed input is exit code 1"
    assert stored_ids(tmp_path) == before


def test_an_unreadable_sub_folder_keeps_its_articles(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    fill(articles / "wires", TOPICS[:2])
    fill(articles, TOPICS[2:4])
    assert run_index_cli(tmp_path).returncode == 0
    sub = articles / "wires"
    sub.chmod(0)
    try:
        result = run_index_cli(tmp_path, unprivileged=True)
    finally:
        sub.chmod(0o755)
    assert "0 removed" in result.stdout and result.returncode == 1, result.stderr
    assert f"note: {sub} could not be read: kept its 2 stored article(s)" in result.stderr
    assert stored_ids(tmp_path) == ["bridge", "school", "wires/harbour", "wires/library"]


def test_an_empty_or_missing_articles_folder_keeps_everything(
    handles: IndexHandles, articles_dir: Path, make_handles: HandlesFactory
) -> None:
    fill(articles_dir, TOPICS[:2])
    update_index(handles)
    for path in articles_dir.iterdir():
        path.unlink()  # what an unmounted share looks like
    report = update_index(handles, dry_run=True)
    assert (report.removed, report.changes) == (0, [])
    why = "is empty (not mounted?); --allow-removal empties it"
    assert report.notes == [f"{articles_dir} {why}: kept its 2 stored article(s)"]
    assert update_index(handles).removed == 0 and len(handles.store.manifest()) == 2
    articles_dir.rmdir()
    gone = update_index(handles)
    assert gone.removed == 0 and gone.errors == [f"{articles_dir}: no such file or folder"]
    articles_dir.mkdir()
    assert update_index(handles, allow_removal=True).removed == 2  # the operator's explicit choice
    assert handles.store.manifest() == {}


def half_copied(articles: Path) -> None:
    """What a sync tool that has copied only part of the folder leaves: 1 of 9 articles."""
    fill(articles)
    write(articles / "keep.txt", story("airport"))


def test_an_update_that_would_remove_most_of_the_collection_stops_first(
    handles: IndexHandles, articles_dir: Path
) -> None:
    half_copied(articles_dir)
    update_index(handles)
    for topic in TOPICS:
        (articles_dir / f"{topic.replace(' ', '-')}.txt").unlink()
    report = update_index(handles)
    assert report.refused.startswith("this update would remove 8 of the 9 stored articles")
    assert len(handles.store.manifest()) == 9, "a refused update wrote something"
    assert {c["change"] for c in report.changes} == {"removed"} and len(report.changes) == 8
    assert {"change": "removed", "id": "harbour", "title": "Harbour news"} in report.changes
    assert update_index(handles, allow_removal=True).removed == 8
    assert sorted(handles.store.manifest()) == ["keep"]


def test_the_safety_stop_is_exit_code_3_and_lists_what_it_would_remove(tmp_path: Path) -> None:
    half_copied(tmp_path / "articles")
    assert run_index_cli(tmp_path).returncode == 0
    for topic in TOPICS:
        (tmp_path / "articles" / f"{topic.replace(' ', '-')}.txt").unlink()
    cli = run_index_cli(tmp_path)
    assert cli.returncode == 3, cli.stderr
    assert "- harbour  Harbour news" in cli.stdout and "refused, nothing written" in cli.stdout
    assert run_index_cli(tmp_path, "--allow-removal").returncode == 0
    assert stored_ids(tmp_path) == ["keep"]


# --- 2. ids that do not collide ----------------------------------------------------------------------------


def test_a_same_named_file_elsewhere_is_a_different_article(
    handles: IndexHandles, articles_dir: Path, tmp_path: Path
) -> None:
    write(articles_dir / "9a668847b642.txt", f"Harbour news\n\n{story('harbour')}")
    write(articles_dir / "story.txt", story("library"))
    update_index(handles)
    extra = write(tmp_path / "downloads" / "9a668847b642.txt", f"Bridge news\n\n{story('bridge')}")
    other = write(tmp_path / "elsewhere" / "story.txt", story("museum"))
    report = update_index(handles, [extra, other.parent])
    assert (report.added, report.updated, report.removed) == (2, 0, 0)
    ids = set(handles.store.manifest())
    assert {"9a668847b642", "story"} < ids and len([i for i in ids if i.startswith("@")]) == 2
    assert handles.store.get_text("9a668847b642") == story("harbour"), "the extra file replaced the article"
    again = update_index(handles)  # the folder run neither swaps them back nor drops the extra stories
    assert (again.added, again.updated, again.removed, again.unchanged) == (0, 0, 0, 2)
    assert update_index(handles, [extra]).unchanged == 1, "an id is the same whichever argument reached the file"
    assert len(handles.store.manifest()) == 4
    assert_consistent(handles)


def test_two_files_with_one_stem_and_two_feeds_with_one_entry_id(handles: IndexHandles, articles_dir: Path) -> None:
    write(articles_dir / "a.txt", story("harbour"))
    write(articles_dir / "a.md", story("library"))
    write(articles_dir / "one.jsonl", jsonl({"id": "1", "text": story("bridge")}))
    write(articles_dir / "two.jsonl", jsonl({"id": "1", "text": story("school")}))
    report = update_index(handles)
    assert (report.added, report.duplicates) == (4, 0)
    assert sorted(handles.store.manifest()) == ["a.md", "a.txt", "one#1", "two#1"]


def test_an_older_store_keeps_its_ids(handles: IndexHandles, articles_dir: Path) -> None:
    """Stores written before feed ids were scoped keep every article under its old id: nothing re-embedded."""
    feed = write(articles_dir / "feed.jsonl", jsonl({"id": "f1", "text": story("rail")}))
    update_index(handles)
    with handles.store._connect() as db:  # the id the old scheme gave, as an old store holds it
        db.execute("UPDATE articles SET id = 'f1'")
        db.execute("UPDATE chunks SET article_id = 'f1'")
    report = update_index(handles)
    assert (report.added, report.removed, report.unchanged, report.chunks) == (0, 0, 1, 0)
    write(feed, jsonl({"id": "f1", "text": story("rail") + " The line reopened."}))  # a real change: new id
    assert sorted(handles.store.manifest()) == ["f1"]
    changed = update_index(handles)
    assert (changed.added, changed.removed) == (1, 1) and sorted(handles.store.manifest()) == ["feed#f1"]


# --- 3. duplicates against the whole store ---------------------------------------------------------------------


def test_a_copy_arriving_later_merges_into_the_stored_story(
    handles: IndexHandles, articles_dir: Path, tmp_path: Path
) -> None:
    text = story("harbour")
    write(articles_dir / "m.jsonl", jsonl({"id": "h", "url": "https://a.example/h", "title": "Harbour", "text": text}))
    update_index(handles)
    copy = write(tmp_path / "downloads" / "c.jsonl", jsonl({"id": "x", "url": "https://b.example/h", "text": text}))
    report = update_index(handles, [copy])
    assert (report.added, report.updated, report.duplicates, report.chunks) == (0, 1, 1, 0)
    stored = handles.store.get("m#h")
    assert stored is not None and stored.urls == ["https://a.example/h", "https://b.example/h"]
    assert sorted(handles.store.manifest()) == ["m#h"]
    folder_run = update_index(handles)  # the original's own folder: the copy's url stays (its file is elsewhere)
    assert (folder_run.updated, folder_run.unchanged) == (0, 1)

    # A copy in a new file that sorts before the original never renames the stored story nor swaps its url.
    write(articles_dir / "a.jsonl", jsonl({"id": "z", "url": "https://c.example/h", "text": text.upper()}))
    report = update_index(handles)
    assert (report.added, report.removed, report.duplicates, report.chunks) == (0, 0, 1, 0)
    stored = handles.store.get("m#h")
    assert stored is not None and stored.url == "https://a.example/h" and len(stored.urls) == 3
    assert sorted(handles.store.manifest()) == ["m#h"]
    assert_consistent(handles)


def test_a_renamed_file_keeps_its_article_id(handles: IndexHandles, articles_dir: Path) -> None:
    old = write(articles_dir / "draft.txt", story("harbour"))
    update_index(handles)
    old.rename(articles_dir / "final.txt")
    report = update_index(handles)
    assert (report.added, report.updated, report.removed, report.chunks) == (0, 1, 0, 0)  # its file, not its text
    assert sorted(handles.store.manifest()) == ["draft"], "a link to the article would break"
    assert handles.store.manifest()["draft"].file.endswith("final.txt")


# --- 4. --full rebuilds the given scope only --------------------------------------------------------------------


def test_full_rebuild_of_one_path_keeps_every_other_article(
    handles: IndexHandles, articles_dir: Path, tmp_path: Path
) -> None:
    fill(articles_dir, TOPICS[:2])
    extra = write(tmp_path / "incoming" / "feed.jsonl", jsonl({"id": "1", "text": story("bridge")}))
    update_index(handles)
    update_index(handles, [extra])
    report = update_index(handles, [extra], full=True)
    assert (report.updated, report.removed, report.chunks > 0) == (1, 0, True)
    assert len(handles.store.manifest()) == 3
    assert_consistent(handles)


# --- 5. exit codes and messages ---------------------------------------------------------------------------------


def test_exit_codes_and_every_skipped_input_has_a_message(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    fill(articles, TOPICS[:2])
    write(articles / "scan.pdf", b"%PDF-1.4 not an article")
    rows = [{"id": str(i), "text": story(topic)} for i, topic in enumerate(("bridge", "rail"))]
    feed = write(articles / "feed.jsonl", jsonl(*rows))
    ok = run_index_cli(tmp_path)
    assert ok.returncode == 0, ok.stderr
    assert f"skipped: {articles / 'scan.pdf'}: unsupported file type .pdf" in ok.stderr

    write(feed, jsonl({"id": "0", "text": story("bridge")}) + "{not json\n")  # entry 1 unreadable now
    partial = run_index_cli(tmp_path, "--json")
    assert partial.returncode == 1
    report = json.loads(partial.stdout)
    assert report["removed"] == 0 and report["skipped"][0].startswith(f"{articles / 'scan.pdf'}: unsupported")
    assert any(n == f"{feed} has unreadable entries: kept its 1 stored article(s)" for n in report["notes"])

    with update_lock(tmp_path / "data"):
        busy = run_index_cli(tmp_path)
    assert busy.returncode == 3 and busy.stderr.strip().splitlines()[-1].startswith("error: another update of")


def test_the_help_documents_exit_codes_full_and_the_safety_stop(tmp_path: Path) -> None:
    out = run_index_cli(tmp_path, "--help").stdout
    for words in ("exit codes:", "3  refused", "other paths' articles", "--allow-removal", "--dry-run", "Ids:"):
        assert words in out, words


def test_root_cannot_read_a_mode_000_folder_once_capabilities_are_dropped(tmp_path: Path) -> None:
    """The permission tests above are real when the suite runs as root (as CI does)."""
    locked = tmp_path / "articles"
    fill(locked, TOPICS[:1])
    locked.chmod(0)
    try:
        result = run_index_cli(tmp_path, "--dry-run", unprivileged=True)
    finally:
        locked.chmod(0o755)
    assert "Permission denied" in result.stderr, (os.geteuid(), result.stderr)
