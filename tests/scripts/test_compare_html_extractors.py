"""The extractor comparison's snippet scoring on hand-made pages: it must count as trafilatura's benchmark does."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
if str(SCRIPTS) not in sys.path:
    sys.path.insert(0, str(SCRIPTS))

import compare_html_extractors as compare  # noqa: E402

ITEM = {"with": ["the river rose", "Bridge closed"], "without": ["Subscribe now", "Related stories"]}


def test_snippets_match_across_whitespace_but_not_case() -> None:
    text = "Overnight the river\n   rose. The bridge closed.\nSubscribe  now"
    # "Bridge closed" differs in case: a miss, as in trafilatura's evaluation
    assert compare.count(ITEM, text) == (1, 1, 1, 1)


def test_empty_text_misses_every_with_and_keeps_every_without_out() -> None:
    assert compare.count(ITEM, "") == (0, 2, 0, 2)


def test_scores_from_the_confusion_counts() -> None:
    tally = compare.Tally()
    tally.add((3, 1, 1, 5), kept=100, seconds=0.5)
    tally.add((1, 1, 0, 2), kept=50, seconds=0.25)
    precision, recall, f1, accuracy = tally.scores()
    assert (tally.tp, tally.fn, tally.fp, tally.tn, tally.words, tally.pages) == (4, 2, 1, 7, 150, 2)
    assert precision == pytest.approx(4 / 5)
    assert recall == pytest.approx(4 / 6)
    assert f1 == pytest.approx(2 * 4 / (2 * 4 + 1 + 2))
    assert accuracy == pytest.approx(11 / 14)
    assert compare.Tally().scores() == (0.0, 0.0, 0.0, 0.0)


def _page(body: str) -> str:
    return f"<html><head><title>Flood</title></head><body><nav><a href='/'>Subscribe now</a></nav>{body}</body></html>"


def test_a_folder_with_evaldata_is_scored_per_extractor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    prose = " ".join(f"Overnight the river rose past the old marker for the {n}th time this year." for n in range(8))
    (tmp_path / "flood.html").write_text(_page(f"<article><p>{prose}</p></article>"), encoding="utf-8")
    flood = {"file": "flood.html", "with": ["the river rose"], "without": ["Subscribe now"]}
    evaldata = {"https://example.org/flood": flood}
    evaldata["https://example.org/gone"] = {"file": "gone.html", "with": ["x"], "without": ["y"]}  # not saved: skipped
    (tmp_path / compare.EVALDATA).write_text(json.dumps(evaldata), encoding="utf-8")

    totals = compare.score_folder(tmp_path, json.loads((tmp_path / compare.EVALDATA).read_text(encoding="utf-8")))

    assert set(totals) == {"stdlib", "trafilatura", "loader"}
    for tally in totals.values():
        assert tally.pages == 1 and tally.tp + tally.fn == 1 and tally.fp + tally.tn == 1
    assert totals["trafilatura"].tp == 1 and totals["trafilatura"].fp == 0  # the article kept, the nav dropped
    out = capsys.readouterr()
    assert "| flood | stdlib |" in out.out and "| loader | 1 |" in out.out
    assert "gone.html" in out.err
