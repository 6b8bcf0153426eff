"""The eval metrics on small hand-made inputs: if these drift, every reported number drifts with them."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
if str(SCRIPTS) not in sys.path:
    sys.path.insert(0, str(SCRIPTS))

from evaluation import metrics  # noqa: E402
from evaluation.baselines import word_windows  # noqa: E402
from evaluation.data import UNANSWERABLE_PATH, CorpusArticle, Question, batch_lines, without_answers_in  # noqa: E402


def test_gold_matching_ignores_case_and_whitespace() -> None:
    assert metrics.contains_gold("The winner was\n  Tsai   Ing-wen today", "tsai ing-wen")
    assert metrics.contains_gold("x", "  X ")
    assert not metrics.contains_gold("Tsai Ing wen", "Tsai Ing-wen")


def test_empty_gold_never_matches() -> None:
    assert not metrics.contains_gold("anything", "  ")


def test_em_at_words_counts_words_across_passages_in_rank_order() -> None:
    passages = ["one two three", "four five gold six"]
    assert metrics.first_words(passages, 4) == "one two three four"
    assert not metrics.em_at_words(passages, "gold", 5)
    assert metrics.em_at_words(passages, "gold", 6)
    assert metrics.em_at_words(passages, "GOLD", 100)


def test_em_at_words_matches_multiword_gold_spanning_passages() -> None:
    assert metrics.em_at_words(["a b Joe", "Biden c"], "joe biden", 4)
    assert not metrics.em_at_words(["a b Joe", "Biden c"], "joe biden", 3)


def test_em_at_words_empty_ranking() -> None:
    assert not metrics.em_at_words([], "gold", 100)


def test_recall_at_k_only_looks_at_top_k_passages() -> None:
    passages = ["nothing", "still nothing", "the Gold is here"]
    assert not metrics.recall_at_k(passages, "gold", 1)
    assert not metrics.recall_at_k(passages, "gold", 2)
    assert metrics.recall_at_k(passages, "gold", 3)
    assert metrics.recall_at_k(passages, "gold", 10)


def test_answer_hit() -> None:
    assert metrics.answer_hit("It was Tigger [1].", "tigger")
    assert not metrics.answer_hit("", "tigger")


def test_rate_and_mean_of_nothing_is_none() -> None:
    assert metrics.rate([]) is None
    assert metrics.mean([]) is None
    assert metrics.rate([True, False, True, True]) == 0.75
    assert metrics.mean([1, 2, 6]) == 3


def test_refusal_rate_treats_missing_flag_as_answered() -> None:
    responses = [{"refused": True}, {"refused": False}, {}, {"refused": True}]
    assert metrics.refusal_rate(responses) == 0.5
    assert metrics.refusal_rate([]) is None


def test_percentile_interpolates_linearly() -> None:
    values = [10.0, 20.0, 30.0, 40.0, 50.0]
    assert metrics.percentile(values, 50) == 30.0
    assert metrics.percentile(values, 0) == 10.0
    assert metrics.percentile(values, 100) == 50.0
    assert metrics.percentile(values, 95) == pytest.approx(48.0)
    assert metrics.percentile([40.0, 10.0], 50) == 25.0
    assert metrics.percentile([], 50) is None
    with pytest.raises(ValueError):
        metrics.percentile(values, 101)


STORE = {"a1": "Taiwan's President Tsai Ing-wen resigned.", "a2": "Short."}


def _cite(article_id: str, quote: str, start: int, end: int) -> dict[str, object]:
    return {"n": 1, "article_id": article_id, "quote": quote, "start": start, "end": end}


def test_citation_valid_requires_exact_slice() -> None:
    assert metrics.citation_valid(_cite("a1", "Tsai Ing-wen", 19, 31), STORE.get)
    assert not metrics.citation_valid(_cite("a1", "Tsai Ing-wen", 18, 30), STORE.get)
    assert not metrics.citation_valid(_cite("a1", "tsai ing-wen", 19, 31), STORE.get)
    assert not metrics.citation_valid(_cite("missing", "x", 0, 1), STORE.get)
    assert not metrics.citation_valid(_cite("a2", "Short.", 0, 600), STORE.get)
    assert not metrics.citation_valid(_cite("a2", "Short.", -6, 6), STORE.get)
    assert not metrics.citation_valid({"article_id": "a2", "quote": "Short."}, STORE.get)


def test_citation_validity_over_all_responses() -> None:
    responses = [
        {"citations": [_cite("a1", "Tsai Ing-wen", 19, 31), _cite("a2", "Short", 0, 5)]},
        {"citations": [_cite("a2", "nope", 0, 4)]},
        {"citations": []},
        {},
    ]
    assert metrics.citation_validity(responses, STORE.get) == (pytest.approx(2 / 3), 3)
    assert metrics.citation_validity([{}], STORE.get) == (None, 0)


def test_passage_texts_keep_rank_order() -> None:
    response = {"passages": [{"text": "first", "score": 0.2}, {"text": "second", "score": 0.9}]}
    assert metrics.passage_texts(response) == ["first", "second"]
    assert metrics.passage_texts({}) == []


def test_retrieval_scores_count_missing_rankings_as_misses() -> None:
    gold = {"q1": "alpha", "q2": "beta"}
    ranked = {"q1": ["x " * 150 + "alpha", "noise"]}
    scores = metrics.retrieval_scores(ranked, gold)
    assert scores["em@100w"] == 0.0
    assert scores["em@300w"] == 0.5
    assert scores["r@1"] == 0.5
    curve = metrics.em_curve(ranked, gold, widths=(100, 200))
    assert curve == {100: 0.0, 200: 0.5}


def test_word_windows_are_consecutive_and_cover_the_text() -> None:
    text = " ".join(f"w{i}" for i in range(600))
    windows = word_windows(text, 256)
    assert [len(w.split()) for w in windows] == [256, 256, 88]
    assert " ".join(windows) == text
    assert word_windows("") == []


def test_batch_lines_carry_only_id_question_and_the_day_asked() -> None:
    lines = batch_lines([Question("q1", "Who?", gold="secret", asked_on="2024-01-05"), Question("q2", "What?")])
    assert lines == [{"id": "q1", "question": "Who?", "as_of": "2024-01-05"}, {"id": "q2", "question": "What?"}]
    with pytest.raises(ValueError):
        batch_lines([Question("q1", "a"), Question("q1", "b")])


def test_unanswerable_set_is_well_formed() -> None:
    rows = [json.loads(line) for line in UNANSWERABLE_PATH.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 40
    assert len({r["id"] for r in rows}) == len(rows)
    assert all(r["id"].startswith("unans-") and r["question"].strip() for r in rows)


def test_unanswerable_questions_whose_answer_the_corpus_holds_are_left_out() -> None:
    corpus = [CorpusArticle("a", "Art news", "Michelangelo's  ceiling was restored."), CorpusArticle("b", "", "x")]
    questions = [
        Question("u1", "Who painted the Sistine Chapel ceiling?", "michelangelo's ceiling", False),
        Question("u2", "What was Alexander the Great's horse called?", "Bucephalus", False),
        Question("u3", "Tell me a joke.", "", False),
    ]
    kept, answered = without_answers_in(questions, corpus)
    assert ([q.id for q in kept], answered) == (["u2", "u3"], ["u1"])


def test_generation_scores_count_fallbacks_and_dropped_sentences() -> None:
    responses = [
        {"mode": "local", "answer": "Prigozhin founded it [1]. He led it [2]!", "dropped_sentences": 1,
         "citations": [{"verified": True}, {"verified": True}]},
        {"mode": "extractive", "answer": "Quoted sentence.", "dropped_sentences": 3, "error": None, "citations": []},
        {"mode": "extractive", "answer": "Quoted.", "dropped_sentences": 0, "error": "timed out", "citations": []},
    ]  # fmt: skip
    scores = metrics.generation_scores(responses)
    assert scores["generated_share"] == pytest.approx(1 / 3)
    assert scores["dropped_share"] == pytest.approx(4 / 6)  # 2 kept in the generated answer, 1 + 3 dropped
    assert scores["verified_share"] == 1.0
    assert scores["backend_errors"] == pytest.approx(1 / 3)
    assert metrics.sentence_count("One. Two? “Three.” four") == 3
    assert metrics.sentence_count("no end mark") == 1 and metrics.sentence_count("  ") == 0


def test_lead_is_the_first_cited_sentence() -> None:
    answer = "Prigozhin founded Wagner in 2014. [1] Wagner fought in Bakhmut. [2]"
    assert metrics.lead(answer) == "Prigozhin founded Wagner in 2014."
    assert metrics.lead_hit(answer, "Prigozhin") and not metrics.lead_hit(answer, "Bakhmut")
    assert metrics.lead("No markers here. Second sentence.") == "No markers here."


def test_on_topic_set_is_well_formed_and_kept_apart() -> None:
    from evaluation.data import ON_TOPIC_PATH, load_on_topic, load_unanswerable

    rows = [json.loads(line) for line in ON_TOPIC_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 40 and all(r["question"].endswith("?") and r["absent"] for r in rows)
    dates = {r["as_of"] for r in rows}
    questions = load_on_topic(dates)
    assert len(questions) == len(rows) and not any(q.answerable for q in questions)
    off_topic = {q.question for q in load_unanswerable()}
    assert not off_topic & {q.question for q in questions}
    assert load_on_topic({"2024-01-05"}) and all(q.asked_on == "2024-01-05" for q in load_on_topic({"2024-01-05"}))


def test_answerable_as_asked_needs_one_article_with_the_gold_and_every_specific() -> None:
    from evaluation.data import as_asked, specifics

    found = specifics('Which firm recalled 112,000 cars in Ohio, saying "no comment"?')
    assert found == ["112,000", "ohio", "no comment"]
    corpus = [
        CorpusArticle("a", "Recall", "Ford recalled 112,000 cars in Ohio."),
        CorpusArticle("b", "Turtle", "A turtle named Chompy was found in a lake."),
        CorpusArticle("c", "Cumbria", "Cumbria police said nothing."),
    ]
    questions = [
        Question("q1", "Which firm recalled 112,000 cars in Ohio?", "Ford"),
        Question("q2", "What name was given to the turtle found in Cumbria?", "Chompy"),  # no article has both
    ]
    assert as_asked(questions, corpus) == {"q1"}


def test_the_set_s_own_unanswerable_questions_are_scored_as_answered_or_not(tmp_path: Path) -> None:
    """Held-out sets count as "on-topic unanswerable" their own questions whose gold no article holds."""
    from evaluation.data import EvalSet, load_quiz_unanswerable
    from evaluation.scoring import score_project

    rows = [
        {"id": "a", "question": "Who won?", "answer": "Ford", "answerable": True, "date": "2024-01-05"},
        {"id": "u1", "question": "Who lost?", "answer": "Kia", "answerable": False, "date": "2024-01-05"},
        {"id": "u2", "question": "Who drew?", "answer": "Fiat", "answerable": False, "date": "2024-01-12"},
    ]
    (tmp_path / "questions.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    quiz = load_quiz_unanswerable(EvalSet("x", tmp_path))
    assert [(q.id, q.asked_on) for q in quiz] == [("u1", "2024-01-05"), ("u2", "2024-01-12")]
    assert not any(q.answerable for q in quiz)
    responses = {
        "a": {"answer": "Ford won.", "refused": False},
        "u1": {"answer": "Toyota lost. [1]", "refused": False},
        "u2": {"answer": "Not stated.", "refused": True},
    }
    result = score_project("s", responses, [Question("a", "Who won?", "Ford")], [], None, quiz_unanswerable=quiz)
    assert result.scores["quiz_unanswerable_answered"] == 0.5
