"""`assistant ask --as-of` and batch lines take a YYYY-MM-DD day, and say so otherwise."""

from __future__ import annotations

import argparse
import datetime as dt

import pytest

from assistant.cli.ask_cmd import _day


def test_as_of_is_a_day() -> None:
    assert _day("2024-01-05") == dt.date(2024, 1, 5)
    for bad in ("2024-02-30", "05/01/2024", "", 20240105):
        with pytest.raises(argparse.ArgumentTypeError, match="YYYY-MM-DD"):
            _day(bad)  # type: ignore[arg-type]


def test_each_printed_citation_shows_its_source_and_day(capsys: pytest.CaptureFixture[str]) -> None:
    from assistant.cli.ask_cmd import print_answer
    from assistant.schemas import AnswerResponse, Citation

    quote = "A storm named Hildegard hit Portugal on Friday."
    dated = Citation(n=1, article_id="cnn-1", title="Storm hits coast", url="https://edition.cnn.com/x",
                     date="2024-02-03", quote=quote, start=0, end=len(quote), score=0.9)  # fmt: skip
    undated = dated.model_copy(update={"n": 2, "date": "", "url": ""})
    print_answer(AnswerResponse(answer=f"{quote} [1] {quote} [2]", refused=False, citations=[dated, undated]))
    out = capsys.readouterr().out
    assert "[1] Storm hits coast, 2024-02-03 <https://edition.cnn.com/x>" in out
    assert "[2] Storm hits coast, undated\n" in out


def test_a_refusal_lists_its_related_passages(capsys: pytest.CaptureFixture[str]) -> None:
    """The no_answer message says the related passages are listed below; the CLI printed none."""
    from assistant.cli.ask_cmd import print_answer
    from assistant.schemas import AnswerResponse, Passage

    text = "Prigozhin has ordered Wagner-led forces to assault Bakhmut."
    passage = Passage(article_id="004", passage_id="004:3@0", chunk_id="004:3", title="", label="A string of…",
                      url="", date="", text=text, start=10, end=10 + len(text), score=0.5)  # fmt: skip
    message = "Your articles have passages related to this question. The related passages are listed below."
    print_answer(AnswerResponse(answer=message, refused=True, reason="no_answer", passages=[passage]))
    out = capsys.readouterr().out
    assert "Related passages (not an answer):" in out
    assert f'- A string of…, undated\n    "{text}" (chars 10-{10 + len(text)})' in out
