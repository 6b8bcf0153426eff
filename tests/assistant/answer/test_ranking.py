"""The ranking the lead rules read: what may support the lead, and a question naming nothing kept to its topic."""

from __future__ import annotations

from pathlib import Path

from answer_testkit import service_over

from index.embedding import Embedder


def test_another_story_supports_no_answer_in_a_collection_of_three(tmp_path: Path, embedder: Embedder) -> None:
    """Over three one-story articles, "When did the Elm Street bridge reopen?" went on with the library's "The Main
    Street library will close on Sept. 3": no name was rare in so few chunks (rare_names' one_chunk floor). "When
    did the bridge close?", naming nothing, went on with it too: it says "close", not "bridge"."""
    service = service_over(tmp_path, embedder, {
        "bridge.txt": "Elm Street bridge reopens\n\nThe Elm Street bridge reopened on Monday, Oct. 14, after two "
        "years of repairs. The city spent $12 million on the work, Mayor Ann Lee said.\n",
        "library.txt": "Library closes\n\nThe Main Street library will close on Sept. 3 for renovations.\n",
        "ferry.txt": "Ferry returns\n\nThe island ferry returns on Nov. 5.\n",
    })  # fmt: skip
    response = service.ask("When did the Elm Street bridge reopen?")
    assert not response.refused and response.answer.startswith("The Elm Street bridge reopened on Monday, Oct. 14")
    assert {c.title for c in response.citations} == {"Elm Street bridge reopens"}
    nameless = service.ask("When did the bridge close?")
    assert not nameless.refused and {c.title for c in nameless.citations} == {"Elm Street bridge reopens"}
    library = service.ask("When does the Main Street library close?")
    assert not library.refused and "Sept. 3" in library.answer


def test_a_question_naming_nothing_is_answered_only_from_an_article_writing_its_topic(
    tmp_path: Path, embedder: Embedder
) -> None:
    """Over a few one-story articles "How much did the library renovation cost?" was answered with the bridge's "The
    city spent $12 million on the work": a sum, close in meaning, in an article that never says "library" or
    "renovation" (topic.py). "When will the library open?" led with the library's closing day: "at 9 a.m." was no
    time."""
    service = service_over(tmp_path, embedder, {
        "bridge.txt": "Elm Street bridge reopens\n\nThe Elm Street bridge reopened on Monday, Oct. 14, after two "
        "years of repairs. The city spent $12 million on the work, Mayor Ann Lee said.\n",
        "library.txt": "Library closes\n\nThe Main Street library will close on Sept. 3 for renovations.\n",
        "hours.txt": "Library hours\n\nThe library will open at 9 a.m. on weekdays.\n",
    })  # fmt: skip
    renovation = service.ask("How much did the library renovation cost?")
    assert renovation.refused and renovation.reason == "no_answer"
    assert "$12 million" not in renovation.answer
    repairs = service.ask("How much did the bridge repairs cost?")
    assert not repairs.refused and repairs.answer.startswith("The city spent $12 million on the work")
    opens = service.ask("When will the library open?")
    assert not opens.refused and opens.answer.startswith("The library will open at 9 a.m. on weekdays.")
