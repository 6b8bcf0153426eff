"""Random and hostile input for the loaders, the chunker and the question path: a clear error or a correct result.

"Clear error" means a LoadError naming the problem (never the loaders' catch-all "could not load: <exception>",
which only exists so that a bug costs one file), or InvalidQuestion / QuestionTooLong for questions. A correct
result is an article that can be stored and embedded (strict UTF-8, no control characters), chunks whose
offsets slice the text exactly within the token budget, or an answer whose citations slice stored texts.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from index_testkit import HandlesFactory, assert_consistent, jsonl, story, write

from assistant.schemas import AnswerResponse, Filters, Turn
from assistant.service import AnswerService, InvalidQuestion, QuestionTooLong
from index.chunking import chunk_article
from index.clean import clean_text
from index.embedding import Embedder
from index.handles import IndexHandles
from index.loaders import SUPPORTED, iter_articles
from index.types import Article, LoadError
from index.updater import update_index

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
SAFETY_NET = "could not load:"  # the loaders' catch-all for exceptions nobody expected
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
GOOD = {"id": "good", "title": "Harbour plan approved", "text": story("harbour", 3)}
INVALID_UTF8 = [b"\xff", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\x00", b"\x80\x80"]


# --- checks -------------------------------------------------------------------------------------------------


def load(*paths: Path) -> tuple[list[Article], list[LoadError]]:
    """Everything the loaders yield, split; any exception escaping them fails the test right here."""
    items = list(iter_articles(list(paths)))
    assert all(isinstance(i, Article | LoadError) for i in items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, LoadError)]


def assert_clear(errors: list[LoadError]) -> None:
    """Each problem was foreseen and named, not caught by the safety net."""
    for e in errors:
        assert not e.message.startswith(SAFETY_NET), f"an unexpected exception: {e}"
        assert e.message.strip() and str(e.path) in str(e)


def assert_storable(articles: list[Article]) -> None:
    """What SQLite, Chroma and the tokenizer need: strict UTF-8, clean one-line metadata, a cleaned body."""
    for a in articles:
        for value in (a.id, a.text, a.title, a.url, a.date, a.source, a.origin):
            value.encode("utf-8")  # a lone surrogate raises here, as it would in the store
        assert a.id.strip() and a.text.strip() and a.text == a.text.strip()
        assert not _CONTROL.search(a.text), f"control characters in {a.id}"
        assert "\n" not in a.title and "\n" not in a.url
        assert a.date == "" or re.fullmatch(r"\d{4}-\d\d-\d\d", a.date)


def check_loads(*paths: Path) -> list[Article]:
    articles, errors = load(*paths)
    assert_clear(errors)
    assert_storable(articles)
    return articles


# --- loaders: random bytes, broken UTF-8, random JSON ---------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
FIELDS = ("id", "text", "body", "content", "title", "url", "published", "date")
entries = st.dictionaries(st.sampled_from(FIELDS), json_values | st.text(max_size=200), max_size=6)
# JSON escapes can carry what no UTF-8 file can: lone surrogates and NULs, as scraped feeds sometimes do.
escapes = st.lists(st.sampled_from(["\\ud83d", "\\udc00", "\\u0000", "\\u001b", "\\u2028", "\\ufeff", "x", " "]))


def broken_utf8(text: str, cuts: list[int], junk: list[bytes]) -> bytes:
    """UTF-8 text with invalid byte sequences spliced in."""
    data = text.encode()
    for cut, bad in zip(cuts, junk, strict=False):
        data = data[: cut % (len(data) + 1)] + bad + data[cut % (len(data) + 1) :]
    return data


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUPPORTED))
def test_random_bytes_in_any_supported_file_load_or_fail_clearly(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    check_loads(path)


@FUZZ
@given(
    text=st.text(min_size=1, max_size=800),
    cuts=st.lists(st.integers(0, 10_000), max_size=6),
    junk=st.lists(st.sampled_from(INVALID_UTF8), max_size=6),
    suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl"]),
)
def test_text_with_invalid_utf8_and_nul_bytes_loads_or_fails_clearly(
    tmp_path: Path, text: str, cuts: list[int], junk: list[bytes], suffix: str
) -> None:
    body = json.dumps({"id": "x", "text": text}) if suffix == ".jsonl" else f"Headline\n\n{text}"
    path = tmp_path / f"broken{suffix}"
    path.write_bytes(broken_utf8(body, cuts, junk))
    check_loads(path)


@FUZZ
@given(rows=st.lists(entries | json_values, max_size=6), raw=st.lists(escapes, max_size=3), gz=st.booleans())
@example(rows=[{"id": "s", "text": "Broken emoji"}], raw=[["\\ud83d"]], gz=False)
def test_random_json_feeds_keep_every_good_line(
    tmp_path: Path, rows: list[object], raw: list[list[str]], gz: bool
) -> None:
    # Lines built by hand put raw escapes (lone surrogates, NULs) into the text, then a good entry follows.
    lines = [json.dumps(r) for r in rows]
    lines += [f'{{"id": "esc-{i}", "text": "Council news {"".join(e)} met on Tuesday."}}' for i, e in enumerate(raw)]
    content = "\n".join([*lines, json.dumps(GOOD)]) + "\n"
    path = tmp_path / ("feed.jsonl.gz" if gz else "feed.jsonl")
    path.write_bytes(gzip.compress(content.encode()) if gz else content.encode())
    articles = check_loads(path)
    assert "good" in {a.id.split("#")[-1] for a in articles}, "a bad line stopped the lines after it"
    (tmp_path / "feed.json").write_text(f"[{','.join(lines)}]" if lines else "[]")
    check_loads(tmp_path / "feed.json")


# --- loaders: hostile files, one by one -----------------------------------------------------------------------

DEEP = 50_000


def hostile_inputs() -> Iterator[tuple[str, str, bytes]]:
    """(case, file name, content) for inputs built to break parsers, exhaust stacks or smuggle bad text."""
    good = json.dumps(GOOD).encode()
    nested = b"<div><p><span><b>" * DEEP + b"Deep text." + b"</b></span></p></div>" * DEEP
    yield "one 400 kB line of one word", "long-word.txt", b"Headline\n\n" + b"x" * 400_000
    yield "one 400 kB line of words", "long-line.txt", ("Headline\n\n" + "word " * 80_000).encode()
    yield "NUL bytes in text", "nul.txt", b"Headline\n\nThe council\x00 met\x00 on Tuesday."
    yield "deeply nested HTML", "deep.html", nested
    yield "unclosed tags and script", "open.html", b"<html><body><p>Text here." + b"<div><script>" * 5000
    yield "entities and comments", "ent.html", b"<p>&#0;&#xD800;&#x110000;&nbsp;&bogus; <!-- x --> ok text</p>"
    yield "deeply nested JSON", "deep.json", b"[" * DEEP + b"]" * DEEP
    yield "deeply nested JSON line, then a good one", "deep.jsonl", b"[" * DEEP + b"\n" + good + b"\n"
    yield "a 5000-digit number, then a good line", "int.jsonl", b'{"id": "n", "n": ' + b"9" * 5000 + b"}\n" + good
    huge = jsonl({"id": "big", "text": "Big. " * 600_000}).encode()
    yield "a 3 MB JSONL line, then a good one", "huge.jsonl", huge + good
    yield "a lone surrogate, then a good line", "sur.jsonl", b'{"id": "s", "text": "Emoji \\ud83d here."}\n' + good
    yield "surrogates in title and id", "surid.jsonl", b'{"id": "\\udc80", "title": "T\\ud800", "text": "Ok text."}\n'
    yield "NaN and Infinity", "nan.jsonl", b'{"id": NaN, "text": Infinity}\n{"id": 1e999, "text": "Big id."}\n' + good
    yield "UTF-16 without a BOM", "utf16.txt", "Headline\n\nText in UTF-16.".encode("utf-16-le")
    yield "a BOM and nothing else", "bom.txt", b"\xef\xbb\xbf"
    yield "gzip of garbage", "bad.jsonl.gz", gzip.compress(b"\xff\xfe\x00" * 1000)
    yield "a truncated gzip", "cut.jsonl.gz", gzip.compress(good * 100)[:50]


@pytest.mark.parametrize(("case", "name", "content"), list(hostile_inputs()), ids=[c for c, _, _ in hostile_inputs()])
def test_hostile_files_load_or_fail_clearly(tmp_path: Path, case: str, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    articles = check_loads(path)
    if content.endswith(json.dumps(GOOD).encode() + b"\n") or content.endswith(json.dumps(GOOD).encode()):
        assert "good" in {a.id.split("#")[-1] for a in articles}, f"{case}: a bad line stopped the lines after it"


def test_file_names_that_are_not_utf8_load_and_index(make_handles: HandlesFactory, articles_dir: Path) -> None:
    folder = os.fsencode(articles_dir)
    for raw, topic in ((b"caf\xe9.txt", "cafe"), (b"\xff\xfe.md", "bakery"), (b"ok\x80name.jsonl", "")):
        content = json.dumps(GOOD).encode() if not topic else f"Headline\n\n{story(topic)}".encode()
        with open(os.path.join(folder, raw), "wb") as f:
            f.write(content)
    assert len(check_loads(articles_dir)) == 3
    handles = make_handles()
    assert update_index(handles).added == 3
    assert_consistent(handles)
    assert update_index(handles).unchanged == 3, "names with U+FFFD in the store must still match their files"


@FUZZ
@given(seed_rows=st.lists(entries, min_size=1, max_size=5), junk=st.lists(st.sampled_from(INVALID_UTF8), max_size=3))
def test_an_update_over_hostile_feeds_reports_errors_and_stays_consistent(
    make_handles: HandlesFactory, tmp_path: Path, seed_rows: list[dict[str, object]], junk: list[bytes]
) -> None:
    # The whole write path, not only the loaders: plan, chunk, embed, store. One index, a new feed per example.
    articles = tmp_path / "fuzz-articles"
    shutil.rmtree(articles, ignore_errors=True)
    feed = "\n".join(json.dumps(r) for r in seed_rows) + '\n{"id": "sur", "text": "Storm \\ud83d hits the coast."}\n'
    write(articles / "feed.jsonl", feed.encode() + b"".join(junk) + b"\n" + json.dumps(GOOD).encode() + b"\n")
    handles: IndexHandles = make_handles(data_dir=tmp_path / "fuzz-data", articles=articles)
    report = update_index(handles)
    assert not any(SAFETY_NET in e for e in report.errors), report.errors
    assert "feed#good" in handles.store.manifest()
    assert_consistent(handles)


# --- the chunker ----------------------------------------------------------------------------------------------


@FUZZ
@given(text=st.text(min_size=1, max_size=1500), budget=st.integers(16, 128), overlap=st.integers(0, 2))
@example(text="a" * 3000, budget=16, overlap=1)
@example(text="東京" * 400 + ". " + "x-" * 300, budget=16, overlap=2)
def test_random_text_chunks_slice_exactly_within_the_budget(
    fake_embedder: Embedder, text: str, budget: int, overlap: int
) -> None:
    for body in {text, clean_text(text)}:
        if not body.strip():
            continue
        chunks = chunk_article(Article(id="a", text=body), fake_embedder.token_starts(body), budget, overlap)
        assert chunks and [c.index for c in chunks] == list(range(len(chunks)))
        for c in chunks:
            assert body[c.start : c.end] == c.text and c.text == c.text.strip() and c.text
            assert fake_embedder.count_tokens(c.text) <= budget, f"chunk {c.index} over the budget of {budget}"
        assert [c.start for c in chunks] == sorted(c.start for c in chunks)
        covered = {i for c in chunks for i in range(c.start, c.end)}
        assert all(i in covered for i, ch in enumerate(body) if not ch.isspace()), "text left out of every chunk"


# --- the question path ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory, fake_embedder: Embedder) -> AnswerService:
    """A small real index (three stories) behind the real answer service."""
    from assistant.settings import load_settings

    root = tmp_path_factory.mktemp("fuzz-service")
    for topic in ("harbour", "library", "bridge"):
        write(root / "articles" / f"{topic}.txt", f"{topic.title()} plan\n\n{story(topic, 5)}\n")
    s = load_settings(None, data_dir=root / "data", articles_dir=root / "articles", embed_model_path=None,
                      chroma_host=None, chroma_port=None, answer_mode="extractive", max_question_chars=300)
    handles = IndexHandles(s)
    handles.__dict__["embedder"] = fake_embedder
    update_index(handles)
    return AnswerService(s, handles)


def assert_answer_exact(service: AnswerService, response: AnswerResponse) -> None:
    store = service.handles.store
    for c in response.citations:
        text = store.get_text(c.article_id)
        assert text is not None and text[c.start : c.end] == c.quote and f"[{c.n}]" in response.answer
    for p in response.passages:
        text = store.get_text(p.article_id)
        assert text is not None and text[p.start : p.end] == p.text
    assert response.refused == (not response.citations)


questions = st.text(max_size=400) | st.text(st.characters(max_codepoint=0x3F), max_size=60) | st.sampled_from(
    ["harbour budget", "What will the library budget grow by?", "\x00\x1b[31m bridge \x7f", "‮bridge‬ vote", " \t\n"]
)


@FUZZ
@given(
    question=questions,
    history=st.lists(st.builds(Turn, role=st.sampled_from(["user", "assistant", "x"]), content=st.text(max_size=80)),
                     max_size=3),
    top_k=st.none() | st.integers(-3, 60),
    sources=st.lists(st.text(max_size=12), max_size=2),
)
def test_random_questions_get_a_clear_error_or_an_exactly_cited_answer(
    service: AnswerService, question: str, history: list[Turn], top_k: int | None, sources: list[str]
) -> None:
    filters = Filters(date_from=None, date_to=None, sources=sources) if sources else None
    try:
        response = service.ask(question, history, top_k, filters)
    except (InvalidQuestion, QuestionTooLong) as exc:
        assert str(exc)
        stripped = question.strip()
        assert not stripped or len(stripped) > 300 or not 1 <= (top_k or 8) <= 50, f"refused a fine question: {exc}"
        return
    assert_answer_exact(service, response)
    response.model_dump_json()  # what the HTTP API sends must serialise


def test_a_question_with_a_lone_surrogate_is_a_clear_error_or_an_answer(service: AnswerService) -> None:
    try:
        response = service.ask("harbour budget \ud83d?")
    except InvalidQuestion:
        return
    assert_answer_exact(service, response)
