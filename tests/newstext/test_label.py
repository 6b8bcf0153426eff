"""An article's name for a reader: its title, or its opening words."""

from __future__ import annotations

from newstext.label import OPENING_WORDS, article_label


def test_a_title_names_its_article() -> None:
    assert article_label("  Storm hits coast ", "A powerful storm hit the coast.") == "Storm hits coast"


def test_an_untitled_article_is_named_by_its_first_sentences_opening_words() -> None:
    text = (
        "A string of victories in the Kharkiv oblast has suddenly turned the Ukraine war in Kyiv’s favor, sending "
        "the Kremlin into a panic. The response was swift."
    )
    label = article_label("", text)
    assert label == "A string of victories in the Kharkiv oblast has suddenly turned the…"
    assert len(label.split()) == OPENING_WORDS


def test_a_short_first_sentence_is_its_name_whole() -> None:
    assert article_label("", "Storm hits coast.\nA powerful storm hit the coast on Friday.") == "Storm hits coast."
    assert article_label("", "") == ""
