"""Retrieved chunks as the answer's rules read them, built from the pipeline's own types (no mocks), and small real
indexes to ask."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from index_testkit import open_handles
from pinned_settings import SERVICE_PINNED

from assistant.answer.sentences import FEATURES, Sentence
from assistant.factory import build_service
from assistant.retrieval.candidates import Candidate
from assistant.schemas import Turn
from assistant.service import AnswerService
from assistant.settings import PROJECT_ROOT, load_settings
from index.embedding import Embedder
from index.records import StoredArticle, StoredChunk
from index.updater import update_index


def passage(article: str, dense: float, coverage: float = 0.5, text: str = "") -> Candidate:
    """A retrieved chunk with the scores the rule reads (the pipeline's own types, no mocks)."""
    text = text or f"Text of {article}."
    chunk = StoredChunk(id=f"{article}:0", article_id=article, start=0, end=len(text), text=text)
    art = StoredArticle(article, article, "", "", "", text, [], 1, 0.0)
    return Candidate(chunk, art, dense=dense, features={"coverage": coverage})


def service_over(root: Path, embedder: Embedder, files: dict[str, str]) -> AnswerService:
    """A real index (the given model) of these article files under root, and the answer service over it."""
    (root / "articles").mkdir()
    for name, text in files.items():
        (root / "articles" / name).write_text(text, encoding="utf-8")
    settings = load_settings(**(SERVICE_PINNED | {"data_dir": root / "data", "articles_dir": root / "articles"}))
    handles = open_handles(settings, embedder)
    assert update_index(handles).added == len(files)
    return build_service(settings, handles)


# Articles the answer tests ask about, by key: (headline, text).
ARTICLES = {
    "tetris": (
        "Teen beats Tetris",
        "A 13-year-old from Oklahoma just pulled off a new trick on Tetris, being the first player to truly beat "
        "the game. Willis Gibson, 13, of Stillwater recently earned the ultimate achievement in the game, developed "
        "by Russian scientist Alexey Pajitnov in 1984.\n\nTetris arrived on the video game world first as a PC "
        "game, but it exploded in 1989 when it was released for the Nintendo Entertainment System."
    ),
    "storms": (
        "Tornadoes confirmed in Texas",
        "At least five tornadoes were confirmed in Texas during a storm outbreak on Tuesday, according to the "
        "National Weather Service in Fort Worth.\n\nThe storms damaged 120 homes in Grapevine and cut power to 40,000 "
        "customers across the region. More than 18 million people from Texas to Mississippi remain under threat of "
        "severe storms until 2 a.m. Wednesday, forecasters said."
    ),
    "awards": (
        "'Oppenheimer' sweeps the Oscars with seven wins",
        "Christopher Nolan's \"Oppenheimer\" won seven Academy Awards on Sunday night, including best picture, at a "
        "ceremony in Los Angeles hosted by Jimmy Kimmel.\n\nThe full list of 2024 Academy Awards winners:\n\n"
        "Best picture: \"Oppenheimer\"\n\nBest director: Christopher Nolan, \"Oppenheimer\"\n\n"
        "Best actress: Emma Stone, \"Poor Things\"\n\nBest supporting actress: Da'Vine Joy Randolph, "
        "\"The Holdovers\"\n\nBest animated feature: \"The Boy and the Heron\""
    ),
    "wages": (  # news-smoke's case: a list of states' new minimum wages under its heading
        "Minimum wage hikes: Pay floor to rise in 23 states",
        "By January 1, hourly minimum wages in 23 states will rise as part of previously scheduled efforts to reach "
        "$15 an hour or to account for cost-of-living changes.\n\nStates with scheduled minimum wage increases on "
        "December 31, 2022, or January 1, 2023\n\nDelaware: $10.50 to $11.75\n\nIllinois: $12 to $13\n\n"
        "New Jersey: $13 to $14.13* (scheduled increase also includes inflation adjustment)\n\n"
        "Rhode Island: $12.25 to $13"
    ),
    "nominations": (
        "Oscar nominations 2024: 'Oppenheimer' leads the field",
        "\"Oppenheimer\" earned 13 Academy Award nominations on Tuesday, the most of any film this year. The "
        "ceremony will be held on March 10 in Los Angeles.\n\nThe nominees in the top categories:\n\n"
        "Best actress: Emma Stone, Lily Gladstone, Sandra Huller, Annette Bening, Carey Mulligan\n\n"
        "Best director: Christopher Nolan, Martin Scorsese, Yorgos Lanthimos, Justine Triet, Jonathan Glazer"
    ),
    "obituary": (  # the cause of a death and its survivors told far from the lede, in words a question does not use
        "Harold Brenner, who coached Ashford High football for 31 years, dies at 78",
        "Harold Brenner, who led the Ashford High Wolverines to four state football titles in 31 seasons as head "
        "coach, died Tuesday at a hospice in Millbrook. He was 78.\n\nBrenner won 281 games, the most of any coach "
        "in the state's history, and sent more than 40 players on to college teams. The school named its stadium "
        "after him in 2011.\n\nHis daughter, Karen Brenner Lutz, said the cause was heart failure.\n\nBefore he "
        "came to Ashford in 1979, Brenner taught history and coached at two schools in the state's north.\n\nHe is "
        "survived by his wife of 52 years, Joan, two daughters and five grandchildren. A memorial service will be "
        "held Saturday at the stadium."
    ),
}


def article_service(key: str) -> Callable[..., AnswerService]:
    """A module fixture: a real index (the session's real model) of ARTICLES[key] alone, and the service over it."""

    @pytest.fixture(scope="module")
    def fixture(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> AnswerService:
        title, text = ARTICLES[key]
        return service_over(tmp_path_factory.mktemp(key), embedder, {f"{key}.txt": f"{title}\n\n{text}\n"})

    return fixture


def data_articles(folder: str) -> dict[str, str]:
    """The article files (text, or JSON with a publication day) of a folder of tests/data, by name."""
    files = (PROJECT_ROOT / "tests" / "data" / folder).iterdir()
    return {p.name: p.read_text(encoding="utf-8") for p in files if p.suffix in {".txt", ".json"}}


def files_service(files: dict[str, str]) -> Callable[..., AnswerService]:
    """A module fixture: a real index (the session's real model) of these article files, and the service over it."""

    @pytest.fixture(scope="module")
    def fixture(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> AnswerService:
        return service_over(tmp_path_factory.mktemp("files"), embedder, files)

    return fixture


def conversation(service: AnswerService, *questions: str, as_of: dt.date | None = None) -> list[Turn]:
    """The history after asking each question in turn (as of that day), as the chat keeps it."""
    history: list[Turn] = []
    for asked in questions:
        answer = service.ask(asked, history, as_of=as_of).answer
        history += [Turn(role="user", content=asked), Turn(role="assistant", content=answer)]
    return history


def lead_after(service: AnswerService, question: str, *before: str, as_of: dt.date | None = None) -> str:
    """The quote the answer to `question` leads with, asked after the questions `before` in one conversation (as of
    that day); "" when it is refused."""
    answer = service.ask(question, conversation(service, *before, as_of=as_of), as_of=as_of)
    return answer.citations[0].quote if answer.citations else ""


def sentence(text: str, constraints: float = 0.0) -> Sentence:
    """A candidate sentence of one passage, its features zero but the share of the question's names it states."""
    features = dict.fromkeys(FEATURES, 0.0) | {"constraints": constraints}
    return Sentence(passage("a", 0.6, text=text), 0, len(text), text, features)


def breaks_the_tie(
    tie_break: Callable[[list[tuple[float, Sentence]], str, float], int],
    asked: str,
    lead: Sentence,
    better: Sentence,
    other_question: str,
) -> None:
    """The tie-break moves the better sentence up from a near tie (0.9) of the lead, and not from further below,
    when it leads already, or for another question."""
    assert tie_break([(0.5, lead), (0.47, better)], asked, 0.9) == 1
    assert tie_break([(0.5, lead), (0.4, better)], asked, 0.9) == 0  # too far below
    assert tie_break([(0.5, better), (0.47, lead)], asked, 0.9) == 0  # it leads already
    assert tie_break([(0.5, lead), (0.47, better)], other_question, 0.9) == 0


def after(service: AnswerService, asked: str) -> list[Turn]:
    """The conversation after `asked` and the service's answer to it: the history a follow-up is asked with."""
    return [Turn(role="user", content=asked), Turn(role="assistant", content=service.ask(asked).answer)]
