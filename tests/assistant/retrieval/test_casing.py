"""A question typed in lower case gets its names back from the articles, so the checks that read names still run."""

from __future__ import annotations

from assistant.retrieval.casing import shouted, truecase, uncased, written_forms, written_phrases

ARTICLE = (
    "Sergei Shoigu took criticism from hardliners like Kadyrov and Wagner founder Yevgeny Prigozhin. "
    "The group is now in talks with NATO. Delegates met in New York. The U.S. Army said so. "
    "Food prices rose, and the Food Network aired it. People ate food."
)


def test_a_question_with_no_capital_after_its_first_word_is_uncased() -> None:
    assert uncased("who founded the wagner group?") and uncased("Who founded wagner?")
    assert not uncased("who founded Wagner?")


def test_a_word_is_a_name_when_the_articles_write_it_only_so() -> None:
    asked = {"wagner", "prigozhin", "yevgeny", "nato", "new", "york", "food", "group"}
    forms = written_forms([ARTICLE], asked)
    assert forms["wagner"] == "Wagner" and forms["nato"] == "NATO" and forms["yevgeny"] == "Yevgeny"
    assert forms["new"] == "New" and forms["york"] == "York"  # the whole run "New York" is asked
    assert "food" not in forms  # the articles also write it in lower case
    assert "picker" not in written_forms(["The Picker family said crab pickers were scarce."], {"picker"})  # any form
    assert "group" not in forms  # "The group" opens a sentence, and it is written lower-case too
    assert "new" not in written_forms([ARTICLE], {"new", "delegates"})  # "New York" is not asked: "new" is no name
    assert written_forms([ARTICLE], {"prigozhin"}) == {"prigozhin": "Prigozhin"}  # the last word of a name


def test_a_word_no_dictionary_knows_is_a_name_inside_a_run() -> None:
    """"how much more do homeowners pay (ashgrove council vote budget tally)": the articles write "Ashgrove" only in
    "The Ashgrove City Council" and opening a sentence, so it stayed uncased, the question named nothing and its
    answer was refused for an article that never writes "homeowners"."""
    budget = "The Ashgrove City Council voted 6-3. Ashgrove, a city of about 212,000 residents, has balanced."
    assert written_forms([budget], {"ashgrove"}) == {"ashgrove": "Ashgrove"}
    assert truecase("ashgrove council vote on the budget", [budget]).startswith("Ashgrove Council vote")
    assert "new" not in written_forms([ARTICLE], {"new", "delegates"})  # a dictionary word stays a word


def test_an_uncased_question_is_cased_as_the_articles_write_its_names() -> None:
    assert truecase("who founded the wagner group and what is nato?", [ARTICLE]) == (
        "who founded the Wagner group and what is NATO?"
    )
    assert truecase("wagner?", [ARTICLE]) == "Wagner?"  # a first word typed in lower case too
    assert truecase("Food prices?", [ARTICLE]) == "Food prices?"  # a capital opening the question says nothing
    assert truecase("who founded Wagner and nato?", [ARTICLE]) == "who founded Wagner and nato?"  # cased already
    follow_up = "which city did his forces assault? (founded wagner Yevgeny Prigozhin)"  # as rewrite() writes it
    assert truecase(follow_up, [ARTICLE]) == "which city did his forces assault? (founded Wagner Yevgeny Prigozhin)"


def test_countries_and_states_are_names_unless_the_articles_write_them_in_lower_case() -> None:
    assert truecase("which airline lost a panel over montana and new mexico?", [ARTICLE]) == (
        "which airline lost a panel over Montana and New Mexico?"
    )
    assert truecase("how long do you roast a turkey?", ["Roast the turkey for hours."]) == (
        "how long do you roast a turkey?"
    )


def test_a_question_without_capitals_looks_up_the_words_the_top_chunks_lack() -> None:
    """A name the top chunks do not hold is the one whose absence matters; `elsewhere` says how the collection
    writes it. A capital first word may be a cased question naming nothing, so only the top chunks count there."""
    asked: list[list[str]] = []

    def elsewhere(words: list[str]) -> list[str]:
        asked.append(words)
        return ["A snapping turtle was pulled from a lake in Cornwall on Friday."]

    turtle = ["The snapping turtle was named by locals."]
    assert truecase("what did locals name the snapping turtle in cornwall?", turtle, elsewhere) == (
        "what did locals name the snapping turtle in Cornwall?"
    )
    assert asked == [["cornwall"]]  # what the top chunks lack in any form ("name" is there as "named")
    assert truecase("What did locals name the snapping turtle in cornwall?", turtle, elsewhere) == (
        "What did locals name the snapping turtle in cornwall?"
    )
    assert len(asked) == 1


def test_a_word_no_chunk_holds_and_no_dictionary_knows_is_a_name() -> None:
    """"who won the 2022 fifa world cup?" was answered with "… last held in 2022": "fifa" named nothing, so no
    check missed it. A word the collection never writes, unknown to the dictionary, is a name it lacks; a mistyping
    of a word the chunks hold ("fonded") is not, nor a dictionary word the collection lacks ("cup")."""

    def nowhere(words: list[str]) -> list[str]:
        return []

    assert truecase("who won the 2022 fifa world cup?", [ARTICLE], nowhere) == "who won the 2022 Fifa world cup?"
    founded = ["The Wagner founder Yevgeny Prigozhin founded the group."]
    assert truecase("who fonded wagner?", founded, nowhere) == "who fonded Wagner?"
    assert truecase("Who won the 2022 fifa world cup?", [ARTICLE], nowhere) == "Who won the 2022 fifa world cup?"
    # a word made with a prefix from one the dictionary knows is no name ("Unaccounted" was, and "missing" then stated
    # nothing of it)
    asked = "is anyone still unaccounted for"
    assert truecase(asked, ["Five crew members were rescued, but the captain remained missing."], nowhere) == asked


def test_a_question_in_capitals_throughout_is_read_as_uncased() -> None:
    """"WHO FOUNDED WAGNER?" was refused: every word a capital, "FOUNDED" read as an acronym no article states."""
    assert shouted("WHO FOUNDED WAGNER?") and not shouted("NATO?") and not shouted("Who leads NATO?")
    assert truecase("WHO FOUNDED THE WAGNER GROUP AND WHAT IS NATO?", [ARTICLE]) == (
        "who founded the Wagner group and what is NATO?"
    )


def test_a_headings_capitals_name_nothing() -> None:
    """The default articles' heading "Russia’s Breaking Point: A Nation in Chaos" cased "What is the boiling point of
    ethanol?" as asking of a "Point", which the articles state, so it read as on their topic."""
    heading = "Russia’s Breaking Point: A Nation in Chaos\n\nRussia is in deep trouble, and the cracks show."
    assert written_forms([heading], {"point", "chaos"}) == {}
    assert truecase("what is the boiling point of ethanol?", [heading]) == "what is the boiling point of ethanol?"
    inside = "Analysts say Russia has reached its Breaking Point in the war."
    assert written_forms([inside], {"point"}) == {"point": "Point"}  # in a sentence, the run's last word


SCHOOLS = (
    "The Smyrna School District is planning a new school, the district said. Guests at Great Wolf Lodge were moved. "
    "Members of the US Armed Forces serve abroad; the armed forces grew. Said Former President Donald Trump. The "
    "former President Donald Trump spoke. A BIRTH CONTROL PILL is sold."
)


def test_a_name_of_several_words_is_cased_whole() -> None:
    """Its words alone are common words the articles write in lower case ("the school district"), so no word is
    cased by itself; the run of capitals the question holds in a row is one name."""
    question = "what was the purpose of the referendum proposed by the smyrna school district?"
    assert written_phrases([SCHOOLS], question) == {"smyrna school district": "Smyrna School District"}
    assert truecase(question, [SCHOOLS]).endswith("proposed by the Smyrna School District?")
    assert truecase("why did great wolf lodge’s lobby flood?", [SCHOOLS]) == "why did Great Wolf Lodge’s lobby flood?"


def test_a_run_written_also_in_lower_case_or_in_capitals_throughout_is_no_name() -> None:
    question = "did the us armed forces, former president donald trump or birth control pill makers say so?"
    phrases = written_phrases([SCHOOLS], question)
    assert "armed forces" not in " ".join(phrases)  # "the armed forces", and "US" is too short to open a name
    assert "birth control pill" not in phrases  # shouted
    assert "former president donald trump" not in phrases  # also "former President Donald Trump": "former" is none


def test_a_name_after_a_title_s_period_or_before_a_hyphen_is_written_as_a_name() -> None:
    """"Mr. Darcy-style" writes Darcy as a name: the title's period ends no sentence, and "-style" is no part of
    it. This was the one place the collection wrote it, and the question lost its name."""
    text = "The duke's silence very much fits the Mr. Darcy-style template. He sent Wagner-led forces to the town."
    assert written_forms([text], {"darcy", "wagner"}) == {"darcy": "Darcy", "wagner": "Wagner"}


def test_a_word_typed_after_a_personal_title_is_a_name() -> None:
    """"brown" is a word the articles write in lower case; after "mr" it names someone. The texts' form wins."""
    texts = ["The brown bear ate the budget. Dr. McAdams found a comet."]
    assert truecase("what did mr brown say about the budget?", texts) == "what did mr Brown say about the budget?"
    assert truecase("what did dr. mcadams find?", texts) == "what did dr. McAdams find?"
    assert truecase("what did the brown bear eat?", texts) == "what did the brown bear eat?"


def test_a_function_word_the_dictionary_lacks_is_no_name() -> None:
    """"how much more is a normal homeowner gonna pay per year" wrote "Per" as a name the articles lack, and was
    refused as off-topic."""

    def nowhere(words: list[str]) -> list[str]:
        return []

    asked = "how much more will a homeowner pay per year"
    assert truecase(asked, ["The plan will add about $186 a year to a homeowner's bill."], nowhere) == asked


def test_a_contraction_is_no_name() -> None:
    """"when do they think itll be lifted" (written out "it'll") wrote "It'll" as a name no article holds, and was
    refused for not saying it."""

    def nowhere(words: list[str]) -> list[str]:
        return []

    asked = "when do they think it'll be lifted"
    assert truecase(asked, ["The advisory will be lifted after two days of clean tests."], nowhere) == asked
    assert truecase("when's they're deal done", ["The deal is done."], nowhere) == "when's they're deal done"
