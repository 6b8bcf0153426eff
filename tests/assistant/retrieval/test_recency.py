"""The recency prior: newer articles up to the day a question is asked rank a little higher."""

from __future__ import annotations

import json
from datetime import date

import pytest
from index_testkit import open_handles
from pinned_settings import SERVICE_PINNED

from assistant.factory import build_service
from assistant.retrieval.config import RetrievalSettings
from assistant.retrieval.recency import recency as recency_with
from assistant.retrieval.recency import reference_day
from assistant.service import AnswerService
from assistant.settings import load_settings
from index.embedding import Embedder
from index.updater import update_index


def test_reference_day_is_as_of_capped_at_the_newest_article() -> None:
    dates = ["2024-01-02", "", "2023-05-06", "not a date"]
    assert reference_day(dates, date(2024, 3, 1)) == date(2024, 1, 2)  # the collection's latest week
    assert reference_day(dates, date(2023, 12, 1)) == date(2023, 12, 1)
    assert reference_day(["", "x"], date(2024, 3, 1)) is None


CONFIG = RetrievalSettings()


def recency(article_date: str, reference: date | None) -> float:
    return recency_with(article_date, reference, CONFIG.recency_days, CONFIG.recency_undated)


def test_recency_decays_with_distance_from_the_reference_day() -> None:
    ref = date(2024, 1, 31)
    fresh, month, year = recency("2024-01-31", ref), recency("2024-01-01", ref), recency("2023-01-31", ref)
    assert fresh == 1.0 and 0.3 < month < 0.4 and year < 0.001
    assert recency("2024-03-01", ref) == month  # an article from after the day asked is as far off
    assert recency("", ref) == recency("2024-01-31", None) == CONFIG.recency_undated


BUDGET = (
    "The Riverton city council approved the budget for the new harbour bridge on Tuesday. "
    "Council members voted seven to two after a long debate about traffic and tolls. "
)


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> AnswerService:
    """A real index (the session's real model) of two near-identical reports a year apart: only their dates tell
    them apart."""
    root = tmp_path_factory.mktemp("recency")
    rows = [
        {"id": "old", "url": "https://news.example/2023/01/10/bridge", "title": "Bridge budget approved",
         "text": BUDGET + "The approved budget is 9 million dollars, the council said."},
        {"id": "new", "url": "https://news.example/2024/01/09/bridge", "title": "Bridge budget approved",
         "text": BUDGET + "The approved budget is 14 million dollars, the council said."},
    ]  # fmt: skip
    (root / "articles").mkdir()
    (root / "articles" / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    settings = load_settings(**(SERVICE_PINNED | {"data_dir": root / "data", "articles_dir": root / "articles"}))
    handles = open_handles(settings, embedder)
    report = update_index(handles)
    assert report.added == 2 and not report.errors
    return build_service(settings, handles)


@pytest.mark.parametrize(("as_of", "first"), [(date(2024, 1, 12), "new"), (date(2023, 1, 12), "old"), (None, "new")])
def test_the_article_nearest_the_day_asked_ranks_first(service: AnswerService, as_of: date | None, first: str) -> None:
    response = service.ask("What budget did the Riverton council approve for the bridge?", as_of=as_of)
    assert not response.refused
    assert response.passages[0].article_id == f"feed#{first}"
    assert response.citations[0].article_id == f"feed#{first}"
