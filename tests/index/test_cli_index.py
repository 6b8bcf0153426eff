"""`python -m assistant index` as a user runs it: a real subprocess over tmp folders set by environment."""

from __future__ import annotations

import json
import re
from pathlib import Path

from index_testkit import run_index_cli as assistant_index
from index_testkit import story, write

from index.store import ArticleStore

REPORT_KEYS = {"added", "updated", "removed", "unchanged", "duplicates", "chunks", "seconds"}
SUMMARY = re.compile(
    r"^(?P<verb>indexed|would change): (?P<added>\d+) added, (?P<updated>\d+) updated, (?P<removed>\d+) removed, "
    r"(?P<unchanged>\d+) unchanged, (?P<duplicates>\d+) duplicates, (?P<chunks>\d+) chunks written, "
    r"(?P<errors>\d+) errors in \d+\.\ds$"
)


def summary(stdout: str) -> dict[str, str]:
    """The fields of the summary line, the last on stdout (a dry run lists the articles it would touch first)."""
    line = stdout.strip().splitlines()[-1]
    match = SUMMARY.match(line)
    assert match, f"not a summary line: {line!r}"
    return match.groupdict()


def test_index_json_summary_and_dry_run(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    write(articles / "a.txt", f"Harbour plan approved\n\n{story('harbour')}")
    write(articles / "b.txt", story("library"))
    empty = write(articles / "empty.txt", "")

    first = assistant_index(tmp_path, "--json", real=True)  # the one CLI update that loads the real model
    assert first.returncode == 1, first.stderr  # some inputs failed (the empty file), the rest applied
    report = json.loads(first.stdout)
    assert report.keys() >= REPORT_KEYS
    assert (report["added"], report["updated"], report["removed"], report["unchanged"]) == (2, 0, 0, 0)
    assert report["chunks"] >= 2 and report["duplicates"] == 0 and report["dry_run"] is False
    assert isinstance(report["seconds"], float) and report["seconds"] >= 0
    assert report["errors"] == [f"{empty}: empty file"]
    assert f"error: {empty}: empty file" in first.stderr
    store = ArticleStore(tmp_path / "data" / "articles.sqlite3")
    assert sorted(store.manifest()) == ["a", "b"]
    stored = store.get("a")
    assert stored is not None and stored.title == "Harbour plan approved"

    again = assistant_index(tmp_path)  # nothing changed: no model load, nothing written
    assert again.returncode == 1, again.stderr
    assert summary(again.stdout) == {
        "verb": "indexed",
        "added": "0",
        "updated": "0",
        "removed": "0",
        "unchanged": "2",
        "duplicates": "0",
        "chunks": "0",
        "errors": "1",
    }

    write(articles / "c.txt", story("bridge"))
    (articles / "b.txt").unlink()
    empty.unlink()
    preview = assistant_index(tmp_path, "--dry-run")
    assert preview.returncode == 0, preview.stderr
    assert preview.stdout.splitlines()[:2] == ["+ c", "- b"], "a dry run names what it would add and remove"
    fields = summary(preview.stdout)
    assert (fields["verb"], fields["added"], fields["removed"], fields["unchanged"]) == ("would change", "1", "1", "1")
    preview_json = json.loads(assistant_index(tmp_path, "--dry-run", "--json").stdout)
    assert (preview_json["dry_run"], preview_json["added"], preview_json["chunks"]) == (True, 1, 0)
    assert preview_json["changes"] == [
        {"change": "added", "id": "c", "title": ""},
        {"change": "removed", "id": "b", "title": ""},
    ]
    assert sorted(store.manifest()) == ["a", "b"], "a dry run changed the store"


def test_index_of_given_paths_reports_missing_ones(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    missing = tmp_path / "nope.jsonl"
    result = assistant_index(tmp_path, str(missing), "--dry-run", "--json")
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)["errors"] == [f"{missing}: no such file or folder"]
    assert f"error: {missing}: no such file or folder" in result.stderr
