"""Generative answers end to end: real index, retrieval, embedder, OpenAILike client, HTTP and streaming.

The only stand-in is the model itself: a real remote LLM cannot run here, so tests/assistant/fake_llm_server.py
is a real HTTP server that replays scripted OpenAI completions (faithful, wrong citation, fabricated,
NOT IN SOURCES, timeout, HTTP 500). What the user receives is asserted in each case.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_llm_server import FakeLLMServer
from index_testkit import open_handles
from pinned_settings import SERVICE_PINNED
from ports import free_port

from assistant.answer.config import Thresholds
from assistant.factory import make_generator
from assistant.generative.answerer import render_passages
from assistant.generative.verify import Verifier, split_claims
from assistant.retrieval.candidates import Candidate
from assistant.retrieval.pipeline import Retrieval
from assistant.schemas import AnswerResponse
from assistant.service import AnswerService
from assistant.settings import PROJECT_ROOT, Settings, load_settings
from index.embedding import Embedder
from index.handles import IndexHandles
from index.updater import update_index

QUESTION = "What did the Ukrainian drone strike on July 23, 2025 hit?"
FAITHFUL = (
    "A Ukrainian drone strike on July 23, 2025 torched the Rostov rail terminal and a nearby power station [{r}]. "
    "It severed the command hub for Russia's southern military district. [{s}]"
)
FABRICATED = "The strike also destroyed the Kerch Bridge and killed 300 Russian soldiers [{r}]."


@pytest.fixture(scope="module")
def base_settings(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Settings:
    """A copy of the default articles indexed by the session's real model (verification compares its vectors)."""
    tmp = tmp_path_factory.mktemp("generative")
    shutil.copytree(PROJECT_ROOT / "articles", tmp / "articles")
    settings = load_settings(**(SERVICE_PINNED | {"data_dir": tmp / "data", "articles_dir": tmp / "articles"}))
    update_index(open_handles(settings, embedder))
    return settings


@pytest.fixture(scope="module")
def server() -> Iterator[FakeLLMServer]:
    with FakeLLMServer() as fake:
        yield fake


@pytest.fixture(scope="module")
def handles(base_settings: Settings, embedder: Embedder) -> IndexHandles:
    return open_handles(base_settings, embedder)


@pytest.fixture(scope="module")
def service(base_settings: Settings, handles: IndexHandles) -> AnswerService:
    return AnswerService(base_settings, handles)


def llm_settings(base: Settings, server: FakeLLMServer, **llm: object) -> Settings:
    """openai mode against the fake server; keyword arguments change settings.llm."""
    fields = {"base_url": server.base_url, "model": "fake-model", "timeout": 1.5}
    return base.model_copy(update={"answer_mode": "openai", "llm": base.llm.model_copy(update=fields | llm)})


def run(
    service: AnswerService, settings: Settings, handles: IndexHandles, question: str = QUESTION, top_k: int = 3
) -> tuple[AnswerResponse, list[str], Retrieval, AnswerResponse]:
    """What the user gets: (final response, streamed pieces, the retrieval, the extractive fallback)."""
    retrieval = service.retrieve(question, top_k=top_k)
    fallback = service.extractive(retrieval)
    answerer = make_generator(settings, handles)
    assert answerer is not None
    items = list(answerer.stream(retrieval, question, fallback))
    final = items[-1]
    assert isinstance(final, AnswerResponse) and all(isinstance(i, str) for i in items[:-1])
    return final, [i for i in items[:-1] if isinstance(i, str)], retrieval, fallback


def passage_with(retrieval: Retrieval, text: str) -> int:
    """1-based number of the first passage containing text."""
    return next(i for i, c in enumerate(retrieval.passages, 1) if text in c.chunk.text)


def faithful(retrieval: Retrieval) -> str:
    """The faithful scripted answer, each sentence citing the passage that states it."""
    return FAITHFUL.format(r=passage_with(retrieval, "torched the Rostov"), s=passage_with(retrieval, "severed the"))


def assert_citations_exact(response: AnswerResponse, handles: IndexHandles) -> None:
    """Markers are 1..m in order of appearance, and every quote slices its stored article exactly."""
    markers = [int(n) for n in re.findall(r"\[(\d+)\]", response.answer)]
    assert list(dict.fromkeys(markers)) == list(range(1, len(dict.fromkeys(markers)) + 1))
    verified = [c for c in response.citations if c.verified]
    assert [c.n for c in verified] == sorted(set(markers))
    for c in response.citations:
        assert handles.store.get_text(c.article_id)[c.start : c.end] == c.quote


def test_faithful_answer_keeps_verified_exact_citations(service, base_settings, handles, server) -> None:
    retrieval = service.retrieve(QUESTION, top_k=3)
    server.reply(faithful(retrieval))
    response, _, _, _ = run(service, llm_settings(base_settings, server), handles)
    assert response.mode == "openai" and not response.refused
    assert response.answer.startswith("A Ukrainian drone strike on July 23, 2025 torched the Rostov rail terminal")
    assert "severed the command hub" in response.answer
    assert response.dropped_sentences == 0 and response.error is None  # type: ignore[attr-defined]
    assert [c.n for c in response.citations] == [1, 2] and all(c.verified for c in response.citations)
    assert "torched the Rostov rail terminal" in response.citations[0].quote
    assert_citations_exact(response, handles)
    # The prompt numbers the passages with titles, fences them as data, and asks for NOT IN SOURCES.
    messages = server.requests[-1]["messages"]
    assert "NOT IN SOURCES" in messages[0]["content"] and "not instructions" in messages[0]["content"]
    assert all(f"[{n}] " in messages[1]["content"] for n in (1, 2, 3)) and QUESTION in messages[1]["content"]
    assert "Russia’s Collapse Exposed" in messages[1]["content"] and "<<<" in messages[1]["content"]


def test_citation_to_a_missing_passage_never_reaches_the_user(service, base_settings, handles, server) -> None:
    retrieval = service.retrieve(QUESTION, top_k=3)
    r = passage_with(retrieval, "torched the Rostov")
    server.reply(f"The strike torched the Rostov rail terminal [{r}]. It also hit a nearby power station [7].")
    response, _, _, _ = run(service, llm_settings(base_settings, server), handles)
    assert "[7]" not in response.answer and "power station [" not in response.answer
    assert response.answer == "The strike torched the Rostov rail terminal. [1]"
    assert response.dropped_sentences == 1  # type: ignore[attr-defined]
    assert_citations_exact(response, handles)


def test_only_missing_passages_cited_falls_back_to_extractive(service, base_settings, handles, server) -> None:
    server.reply("The strike torched the Rostov rail terminal and a nearby power station [7].")
    response, _, _, fallback = run(service, llm_settings(base_settings, server), handles)
    assert response.answer == fallback.answer and response.mode == "extractive"
    assert response.dropped_sentences == 1 and response.error is None  # type: ignore[attr-defined]


def test_citation_of_an_unrelated_passage_is_removed(service, base_settings, handles, server) -> None:
    retrieval = service.retrieve(QUESTION, top_k=3)
    r = passage_with(retrieval, "torched the Rostov")
    unrelated = next(i for i, c in enumerate(retrieval.passages, 1) if "Rostov" not in c.chunk.text)
    server.reply(f"The drone strike torched the Rostov rail terminal and a nearby power station [{unrelated}][{r}].")
    response, _, _, _ = run(service, llm_settings(base_settings, server), handles)
    assert response.answer == "The drone strike torched the Rostov rail terminal and a nearby power station. [1]"
    assert len(response.citations) == 1 and "Rostov" in response.citations[0].quote
    assert_citations_exact(response, handles)


def test_fabricated_claim_is_dropped(service, base_settings, handles, server) -> None:
    retrieval = service.retrieve(QUESTION, top_k=3)
    r = passage_with(retrieval, "torched the Rostov")
    server.reply(faithful(retrieval) + " " + FABRICATED.format(r=r))
    response, _, _, _ = run(service, llm_settings(base_settings, server), handles)
    assert "Kerch" not in response.answer and "300" not in response.answer
    assert "torched the Rostov" in response.answer and response.dropped_sentences == 1  # type: ignore[attr-defined]
    assert all(c.verified for c in response.citations)


def test_show_unsupported_keeps_the_sentence_marked(service, base_settings, handles, server) -> None:
    retrieval = service.retrieve(QUESTION, top_k=3)
    r = passage_with(retrieval, "torched the Rostov")
    server.reply(faithful(retrieval) + " " + FABRICATED.format(r=r))
    response, _, _, _ = run(service, llm_settings(base_settings, server, show_unsupported=True), handles)
    assert response.answer.endswith("killed 300 Russian soldiers. (unsupported)")
    assert [c.verified for c in response.citations] == [True, True, False]
    assert response.dropped_sentences == 0  # type: ignore[attr-defined]
    assert_citations_exact(response, handles)


def test_not_in_sources_returns_the_fallback(service, base_settings, handles, server) -> None:
    server.reply("NOT IN SOURCES")
    response, _, _, fallback = run(service, llm_settings(base_settings, server), handles)
    assert response.answer == fallback.answer and response.citations == fallback.citations
    assert response.error is None  # type: ignore[attr-defined]


def test_weak_retrieval_refuses_without_calling_the_model(service, base_settings, handles, server) -> None:
    server.reply("Canberra is the capital of Australia [1].")
    settings = llm_settings(base_settings, server)
    response, _, _, fallback = run(service, settings, handles, "What is the capital of Australia?")
    assert response.refused and response.answer == fallback.answer and server.requests == []


def test_timeout_gives_error_and_extractive_answer_quickly(service, base_settings, handles, server) -> None:
    server.reply("too late", delay_s=6)
    started = time.monotonic()
    settings = llm_settings(base_settings, server, timeout=1)
    response, pieces, _, fallback = run(service, settings, handles)
    assert time.monotonic() - started < 4
    assert response.answer == fallback.answer and not response.refused
    assert "did not answer within 1 s" in response.error  # type: ignore[attr-defined]
    assert "".join(pieces) == fallback.answer


def test_server_error_gives_error_and_extractive_answer(service, base_settings, handles, server) -> None:
    server.reply(status=500)
    response, _, _, fallback = run(service, llm_settings(base_settings, server), handles)
    assert response.answer == fallback.answer and "HTTP 500" in response.error  # type: ignore[attr-defined]


def test_unreachable_server_is_reported(service, base_settings, handles, server) -> None:
    port = free_port()  # nothing listens there
    settings = llm_settings(base_settings, server, base_url=f"http://127.0.0.1:{port}/v1")
    response, _, _, fallback = run(service, settings, handles)
    assert response.answer == fallback.answer and "could not reach" in response.error  # type: ignore[attr-defined]


def test_misconfigured_backend_is_reported(service, base_settings, handles, server) -> None:
    response, _, _, fallback = run(service, llm_settings(base_settings, server, base_url=""), handles)
    assert response.answer == fallback.answer and "ASSISTANT_LLM__BASE_URL" in response.error  # type: ignore[attr-defined]


def test_stream_yields_only_verified_sentences_then_the_response(service, base_settings, handles, server) -> None:
    retrieval = service.retrieve(QUESTION, top_k=3)
    r = passage_with(retrieval, "torched the Rostov")
    server.reply(faithful(retrieval) + " " + FABRICATED.format(r=r))  # streamed in 7-character deltas
    response, pieces, _, _ = run(service, llm_settings(base_settings, server), handles)
    assert server.requests[-1]["stream"] is True
    assert len(pieces) == 2 and "".join(pieces) == response.answer
    assert not any("Kerch" in p for p in pieces) and response.dropped_sentences == 1  # type: ignore[attr-defined]
    assert_citations_exact(response, handles)


def test_split_claims_attaches_markers_to_their_sentence() -> None:
    claims = split_claims("First claim. [1] Second claim [2, 3].\n[4]\nThird [x] claim [1][1].")
    assert [(c.text, c.cited) for c in claims] == [
        ("First claim.", [1]), ("Second claim.", [2, 3, 4]), ("Third [x] claim.", [1])
    ]
    assert claims[2].newline_before
    claims = split_claims("Answer:\n1. Foo bar [1-3]\n- Baz [Passage 2] qux. [source 1 and 4]")
    assert [(c.text, c.cited) for c in claims] == [("Answer:", []), ("Foo bar", [1, 2, 3]), ("Baz qux.", [2, 1, 4])]


def test_passages_are_numbered_and_fenced(service) -> None:
    retrieval = service.retrieve(QUESTION, top_k=3)
    text = render_passages(retrieval.passages)
    assert text.startswith("[1] ") and "\n[3] " in text and text.count("<<<") == 3


# --- threshold calibration: hand-made claims about the default articles -------------------------------------
# (claim, text identifying the cited passage). Numbers printed by Verifier.check are in answer.config.Thresholds.
FAITHFUL_CLAIMS = [
    ("A Ukrainian drone strike on July 23, 2025 torched the Rostov rail terminal and a nearby power station.",
     "torched the Rostov rail terminal"),
    ("The Rostov strike severed the command hub for Russia's southern military district.", "severed the command hub"),
    ("Ukraine's cyber attacks paralyzed Crimea's IT systems, leaving phones dead and government services offline.",
     "cyber onslaught"),
    ("Upcoming U.S. sanctions could cut a third of Russia's national budget.", "slash a third"),
    ("Ukrainian forces reclaimed the Kinburn Spit, which lies between Mykolaiv and the Black Sea.",
     "reclaimed the Kinburn Spit"),
    ("Peace talks were set for July 23, 2025 in Istanbul.", "Enter the peace talks"),
    ("Putin's July 21 decree gave the FSB control of ports.", "July 21 decree"),
    ("Azerbaijan's leader Aliyev has threatened to try Wagner mercenaries as war criminals.", "Aliyev, is"),
    ("Kadyrov argued that Putin should use tactical nuclear weapons to win in Ukraine.", "tactical nuclear weapons"),
    ("Sergei Shoigu, the Russian Defense Minister, has been heavily criticized by hardliners such as Ramzan Kadyrov "
     "and Yevgeny Prigozhin.", "Sergei Shoigu, the Russian Defense"),
    ("Ukraine liberated the railway junction city of Lyman one day after the annexation proclamation.", "Lyman"),
    ("The attack on the Kerch Bridge left it temporarily inoperable, with transit reduced to a slow ferry service.",
     "temporary inoperable"),
    ("In 2015 Turkey shot down a Russian warplane over Syria.", "In 2015, Turkey"),
    ("Putin promoted Kadyrov to the rank of Colonel General.", "Colonel General"),
    ("Prigozhin has ordered Wagner-led forces to assault Bakhmut over the past three months.", "assault Bakhmut"),
    ("Moscow's airport authority handed out mattresses to stranded passengers.", "mattresses"),
    ("Russian defense contractors are filing for bankruptcy as the state runs out of cash.", "bankruptcy"),
    ("The loss of the bridge makes the Melitopol railway links the main supply route for Russian troops.",
     "railway links from Melitopol"),
    ("Kyiv is hitting radar hubs, fuel depots, rail centers and digital networks instead of fighting with tanks.",
     "Radar hubs, fuel depots"),
    ("Igor Girkin said in an interview that the war was all but lost for the Kremlin.", "Igor Girkin"),
    ("Ukraine is targeting the backbone of Russia's war effort rather than launching traditional offensives.",
     "Forget traditional offensives"),
    ("The Kremlin had warned of a nuclear response to strikes on Russian territory or Crimea.", "previous red lines"),
    ("According to the article, Ukrainian forces reclaimed the Kinburn Spit.", "reclaimed the Kinburn Spit"),
]
FABRICATED_CLAIMS = [
    ("A Ukrainian drone strike on July 23, 2025 destroyed the Kerch Bridge and killed 300 Russian soldiers.",
     "torched the Rostov rail terminal"),
    ("Upcoming U.S. sanctions could slash half of Russia's national budget by 2027.", "slash a third"),
    ("Ukrainian forces lost the Kinburn Spit to Russia in 2024.", "reclaimed the Kinburn Spit"),
    ("Putin's decree handed control of the ports to the army after the defense minister was arrested.",
     "July 21 decree"),
    ("Aliyev has offered to send Azerbaijani troops to fight alongside Ukraine.", "Aliyev, is"),
    ("Kadyrov was appointed Russian Defense Minister after Shoigu resigned.", "Sergei Shoigu, the Russian Defense"),
    ("Prigozhin's Wagner forces captured Bakhmut and took thousands of prisoners.", "assault Bakhmut"),
    ("Igor Girkin was arrested by the FSB for criticizing the war.", "Igor Girkin"),
    ("Turkey supplied Ukraine with F-16 fighter jets through Istanbul.", "Baykar"),
    ("The Moscow airport closed permanently because of the drone attacks.", "mattresses"),
    ("Russia's economy grew strongly thanks to record oil exports to China.", "life support"),
    ("NATO troops entered Crimea after the Kerch Bridge attack.", "temporary inoperable"),
]
WRONG_PASSAGE = [
    (FAITHFUL_CLAIMS[0][0], "In 2015, Turkey"), (FAITHFUL_CLAIMS[8][0], "reclaimed the Kinburn Spit"),
    (FAITHFUL_CLAIMS[13][0], "mattresses"), (FAITHFUL_CLAIMS[4][0], "Lyman"),
    (FAITHFUL_CLAIMS[5][0], "torched the Rostov rail terminal"), (FAITHFUL_CLAIMS[3][0], "Sergei Shoigu, the Russian"),
    (FAITHFUL_CLAIMS[9][0], "Aliyev, is"), (FAITHFUL_CLAIMS[14][0], "In 2015, Turkey"),
    (FAITHFUL_CLAIMS[15][0], "temporary inoperable"), (FAITHFUL_CLAIMS[19][0], "cyber onslaught"),
    (FAITHFUL_CLAIMS[11][0], "Igor Girkin"), (FAITHFUL_CLAIMS[6][0], "bankruptcy"),
]


@pytest.fixture(scope="module")
def all_passages(handles: IndexHandles) -> Verifier:
    """A verifier over every chunk of the default articles, numbered in article order."""
    live = sorted(handles.store.live_chunks(sorted(handles.store.all_chunk_ids())).values(),
                  key=lambda pair: (pair[0].article_id, pair[0].start))
    return Verifier([Candidate(c, a) for c, a in live], handles.embedder, Thresholds())


def _check(verifier: Verifier, claim: str, anchor: str):  # type: ignore[no-untyped-def]
    n = next(i for i, c in enumerate(verifier.ranked, 1) if anchor in c.chunk.text)
    support = verifier.check(claim, n)
    assert support is not None
    return support


@pytest.mark.parametrize(("claim", "anchor"), FAITHFUL_CLAIMS)
def test_calibration_faithful_claims_are_supported(all_passages: Verifier, claim: str, anchor: str) -> None:
    support = _check(all_passages, claim, anchor)
    assert support.supported, (support.lexical, support.similarity)
    text = all_passages.ranked[support.passage].chunk
    assert text.text[support.start - text.start : support.end - text.start] == support.quote


@pytest.mark.parametrize(("claim", "anchor"), FABRICATED_CLAIMS + WRONG_PASSAGE)
def test_calibration_unsupported_claims_are_rejected(all_passages: Verifier, claim: str, anchor: str) -> None:
    support = _check(all_passages, claim, anchor)
    assert not support.supported, (support.lexical, support.similarity)


def test_the_factory_builds_the_engine_answer_mode_names(service, base_settings, handles, server) -> None:
    """The mode comes from settings.answer_mode, never from the LLM's class; a broken backend is reported."""
    assert make_generator(base_settings, handles) is None  # extractive
    openai = make_generator(llm_settings(base_settings, server), handles)
    assert openai is not None and openai.mode == "openai" and openai.llm is not None
    gguf = base_settings.llm.model_copy(update={"gguf": Path("/nonexistent/model.gguf")})
    local = make_generator(base_settings.model_copy(update={"llm": gguf, "answer_mode": "local"}), handles)
    assert local is not None and local.mode == "local"
    assert local.llm is None and local.unavailable  # no llama-cpp-python here, or no such file
    assert Path(service.settings.prompts_dir, "generative_system.txt").is_file()


# --- through the web app: POST /v1/chat/completions -----------------------------------------------------------
@pytest.fixture(scope="module")
def app_client(
    base_settings: Settings, server: FakeLLMServer, service: AnswerService, embedder: Embedder
) -> Iterator[object]:
    """The real app in openai mode (over the session's real model); its chat must reach the generative answerer."""
    from fastapi.testclient import TestClient

    from assistant.factory import create_app

    settings = llm_settings(base_settings, server)
    with TestClient(create_app(settings, open_handles(settings, embedder))) as client:
        server.reply(faithful(service.retrieve(QUESTION, top_k=3)))
        chat(client, stream=False)
        assert server.requests, "answer_mode 'openai' did not reach the LLM: the app answered extractively"
        yield client


def chat(client, stream: bool, **body: object):  # type: ignore[no-untyped-def]
    payload = {"messages": [{"role": "user", "content": QUESTION}], "top_k": 3, "stream": stream, **body}
    r = client.post("/v1/chat/completions", json=payload)
    assert r.status_code == 200, r.text
    return r


def sse_events(text: str) -> list[dict]:
    import json

    return [json.loads(line[6:]) for line in text.splitlines() if line.startswith("data: {")]


def test_api_faithful_answer_has_verified_citations(app_client, service, server, handles) -> None:
    server.reply(faithful(service.retrieve(QUESTION, top_k=3)))
    body = chat(app_client, stream=False).json()
    content = body["choices"][0]["message"]["content"]
    assert content.startswith("A Ukrainian drone strike") and content.count("[") == 2
    assert [c["n"] for c in body["citations"]] == [1, 2] and all(c["verified"] for c in body["citations"])
    for c in body["citations"]:
        assert handles.store.get_text(c["article_id"])[c["start"] : c["end"]] == c["quote"]


def test_api_stream_sends_only_verified_text(app_client, service, server) -> None:
    retrieval = service.retrieve(QUESTION, top_k=3)
    server.reply(faithful(retrieval) + " " + FABRICATED.format(r=passage_with(retrieval, "torched the Rostov")))
    events = sse_events(chat(app_client, stream=True).text)
    text = "".join(e["choices"][0]["delta"].get("content") or "" for e in events)
    assert "Kerch" not in text and text.startswith("A Ukrainian drone strike")
    assert events[-1]["choices"][0]["finish_reason"] == "stop" and len(events[-1]["citations"]) == 2


@pytest.mark.parametrize("failure", [{"status": 500}, {"delay_s": 4}])
def test_api_backend_failure_still_answers_extractively(app_client, service, server, failure) -> None:
    server.reply("unused", **failure)  # type: ignore[arg-type]
    fallback = service.extractive(service.retrieve(QUESTION, top_k=3))
    started = time.monotonic()
    body = chat(app_client, stream=False).json()
    assert time.monotonic() - started < 4
    assert body["choices"][0]["message"]["content"] == fallback.answer
