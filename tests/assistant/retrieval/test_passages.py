"""Passages: whole sentences within the word budget, exact offsets, no overlaps and no syndicated repeats."""

from __future__ import annotations

from assistant.retrieval.candidates import Candidate
from assistant.retrieval.config import RetrievalSettings
from assistant.retrieval.passages import best_passages
from index.records import StoredArticle, StoredChunk
from newstext.sentences import sentence_spans
from newstext.terms import terms

STORY = (
    "Storm Henk brought flooding to Britain on Tuesday. Hundreds of homes were evacuated in the Midlands. "
    "Rail operators cancelled trains across the south of England as rivers burst their banks overnight. "
    "Forecasters said more rain would fall this weekend."
)

CONFIG = RetrievalSettings()


def chunk(article: str, text: str, start: int = 0, dense: float = 0.6) -> Candidate:
    """A retrieved chunk at `start` of its article, with the chunk-level features the ranking reads."""
    art = StoredArticle(article, "", "", "2024-01-02", "", " " * start + text, [], 1, 0.0)
    stored = StoredChunk(id=f"{article}:0", article_id=article, start=start, end=start + len(text), text=text)
    return Candidate(stored, art, dense=dense, features={"dense": dense, "lexical": 1.0, "recency": 1.0})


def idf(question: str) -> dict[str, float]:
    return {t: 1.0 for t in terms(question)}


def test_passages_are_whole_sentences_within_the_budget_with_exact_offsets() -> None:
    question = "Which storm brought flooding to Britain?"
    cand = chunk("a", STORY, start=40)
    passages = best_passages([cand], question, idf(question), k=10, config=CONFIG)
    sentences = {STORY[a:b] for a, b in sentence_spans(STORY)}
    article_text = cand.article.text
    for w in passages:
        assert article_text[w.chunk.start : w.chunk.end] == w.chunk.text
        assert w.chunk.id == "a:0" and w.passage_id == f"a:0@{w.chunk.start - 40}"  # its chunk's id, its own id
        parts = [w.chunk.text[a:b] for a, b in sentence_spans(w.chunk.text)]
        assert all(p in sentences for p in parts)
        assert len(parts) == 1 or len(w.chunk.text.split()) <= CONFIG.passage_words
    assert passages[0].chunk.text.startswith("Storm Henk brought flooding to Britain")


def test_no_two_passages_overlap_or_repeat_a_syndicated_copy() -> None:
    question = "Which storm brought flooding to Britain?"
    copy = (  # a syndicated copy: the story's lead, then a paragraph of its own
        "Storm Henk brought flooding to Britain on Tuesday. Hundreds of homes were evacuated in the Midlands. "
        "It was the eighth named storm of a season that has already cost insurers hundreds of millions of pounds "
        "across the country."
    )
    passages = best_passages([chunk("a", STORY), chunk("b", copy)], question, idf(question), k=10, config=CONFIG)
    texts = [w.chunk.text for w in passages]
    assert sum("Storm Henk brought flooding" in t for t in texts) == 1
    assert any("eighth named storm" in t for t in texts)  # what the copy adds still counts
    spans = [(w.chunk.article_id, w.chunk.start, w.chunk.end) for w in passages]
    for i, (a, s, e) in enumerate(spans):
        assert not any(a == a2 and s < e2 and s2 < e for a2, s2, e2 in spans[i + 1 :])


def test_a_passage_without_words_never_blocks_the_rest() -> None:
    question = "Which storm brought flooding to Britain?"
    separator = chunk("a", "* * *", dense=0.9)  # what a scraped page can hold between sections, ranked first here
    story = chunk("b", STORY, dense=0.1)
    passages = best_passages([separator, story], question, idf(question), k=10, config=CONFIG)
    alone = best_passages([story], question, idf(question), k=10, config=CONFIG)
    assert [w.chunk.article_id for w in passages] == ["b"] * len(alone)


def test_no_passage_holds_a_photo_s_caption() -> None:
    """"Who was Bruce Sutter?" over news-dev led with his photo's caption ("… waves to the crowd …")."""
    text = (
        "Bruce Sutter, the Hall of Fame reliever who popularized the split-finger fastball, has died at 69.\n\n"
        "Bruce Sutter waves to the crowd during the 2018 home opener game at Bush Stadium. "
        "Jimmy Simmons/Icon Sportswire/AP\n\nHe pitched for the Cubs, the Cardinals and the Braves."
    )
    texts = passage_texts(text, "Who was Bruce Sutter?")
    assert texts and not any("waves to the crowd" in t or "/AP" in t for t in texts)
    assert any(t.startswith("Bruce Sutter, the Hall of Fame reliever") for t in texts)


def passage_texts(text: str, question: str) -> list[str]:
    """The texts of the passages one chunk of `text` gives the question, best first; their ids all differ."""
    passages = best_passages([chunk("a", text)], question, idf(question), k=10, config=CONFIG)
    assert len({w.passage_id for w in passages}) == len(passages)
    return [w.chunk.text for w in passages]


def test_a_sentence_whose_run_overlaps_a_better_passage_is_returned_alone() -> None:
    """"Ethiopia's Lemi Tadesse finished second, and American Sam Brooks was third." made one run with the next
    sentence, which its own passage took first: the sentence was in no passage, and "Who finished third?" after
    two questions on the marathon led with its winner."""
    text = (
        "Kenya's Joseph Kiprono won the City Marathon on Sunday in 2 hours, 6 minutes and 12 seconds, breaking the "
        "course record by 40 seconds. Ethiopia's Lemi Tadesse finished second, and American Sam Brooks was third. "
        "In the women's race, Grace Mutua of Kenya won in 2:21:45. About 28,000 runners took part, organizers said."
    )
    texts = passage_texts(text, "Who finished third? (many runners took part won Marathon)")
    assert "Ethiopia's Lemi Tadesse finished second, and American Sam Brooks was third." in texts
