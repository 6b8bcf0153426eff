"""The chat's HTML: how the sources panel and the article viewer name an article."""

from __future__ import annotations

from assistant.schemas import AnswerResponse, Citation
from assistant.ui.render import answer_html, article_html, sources_html
from index.records import StoredArticle

TEXT = "A string of victories in the Kharkiv oblast has suddenly turned the war. The response was swift."


def _response(title: str, label: str) -> AnswerResponse:
    cite = Citation(n=1, article_id="004_d7e9", title=title, label=label, url="", quote="The response was swift.",
                    start=73, end=96, score=0.9)  # fmt: skip
    return AnswerResponse(answer="The response was swift. [1]", refused=False, citations=[cite], passages=[], query="q")


def test_an_untitled_source_shows_its_opening_words_and_its_id() -> None:
    html = sources_html(_response("", "A string of victories in the Kharkiv oblast…"))
    assert "A string of victories in the Kharkiv oblast…" in html
    assert '<span class="na-id">004_d7e9</span>' in html
    assert "undated" in html


def test_a_source_with_no_name_at_all_shows_its_id_once() -> None:
    html = sources_html(_response("", ""))
    assert "004_d7e9" in html and '<span class="na-id">' not in html


def test_the_viewer_names_an_untitled_article_by_its_opening_words() -> None:
    article = StoredArticle("004_d7e9", "", "", "", "", TEXT, [], 1, 0.0)
    html = article_html(article, 73, 96, 1)
    assert "A string of victories in the Kharkiv oblast has suddenly turned the war." in html
    assert '<span class="na-id">004_d7e9</span>' in html
    assert '<mark class="na-mark" id="na-mark">The response was swift.</mark>' in html


def test_a_help_message_has_no_sources_to_list_and_says_so_without_a_refusal() -> None:
    """"Hello" found nothing because nothing was looked up: "nothing in your articles answers that" would mislead."""
    html = sources_html(AnswerResponse(answer="I answer questions…", refused=True, reason="help", query="Hello"))
    assert "Ask a question" in html and "nothing in your articles" not in html


def test_a_respelled_word_is_said_above_the_answer_and_the_refusal() -> None:
    """What was searched for shows before the answer, escaped like any text the user typed."""
    answered = _response("Title", "Title")
    answered.respelled = {"Wagnr": "Wagner"}
    html = answer_html(answered)
    assert html.index("Read “Wagnr” as “Wagner”, as your articles spell it.") < html.index('class="na-answer"')
    refused = AnswerResponse(answer="Nothing.", refused=True, reason="no_answer", query="q", respelled={"<b>": "x"})
    assert "“&lt;b&gt;”" in answer_html(refused) and "<b>" not in answer_html(refused)
    assert "na-respelled" not in answer_html(_response("Title", "Title"))
