"""Whose statement a question asks for, and whether a passage has them say something."""

from __future__ import annotations

import pytest

from assistant.retrieval.answer_type import AnswerType, expected_type
from assistant.retrieval.speech import reports_speech, saying, speaker, speakers, titled


@pytest.mark.parametrize(
    ("question", "who"),
    [
        ("What did Kadyrov say about the war?", {"kadyrov"}),
        ("What did Vladimir Putin argue?", {"vladimir", "putin"}),
        ("What has the Kremlin's spokesman claimed?", {"kremlin", "spokesman"}),
        ("What is Putin saying about the war?", {"putin"}),
        ("what did kadyrov warn", {"kadyrov"}),
        # how someone reacted or responded: a statement of theirs answers it
        ("How did Boeing respond to the door plug blowout?", {"boeing"}),
        ("How did Putin react to Navalny's death?", {"putin"}),
    ],
)
def test_the_speaker_is_named_before_the_verb_of_saying(question: str, who: set[str]) -> None:
    assert speakers(question) == who
    assert expected_type(question) == "statement"


@pytest.mark.parametrize(
    "question",
    [
        "What is the name of the state that won?",  # "state" is a polity here, and "is" asks for no statement
        "What was the state of play?",
        "What did the company add to its menu?",  # not a verb of saying
        "What did he say?",  # a follow-up's rewrite names him
        "Who said the war was lost?",  # asks for the speaker, not the statement
        "How did the fire start?",  # how, of no reaction
        "How did the stock market react to the rate cut?",  # a reaction of no one's: what stocks did
        "How did Kadyrov say it?",  # how, of a saying: the manner, not the statement
    ],
)
def test_other_questions_ask_for_no_statement(question: str) -> None:
    assert speakers(question) == frozenset()
    assert expected_type(question) != "statement"


def test_verbs_of_saying_in_any_form() -> None:
    assert all(saying(w) for w in ["said", "arguing", "warned", "told", "claims", "According"])
    assert not any(saying(w) for w in ["state", "states", "accord", "fought", "Kadyrov"])


@pytest.mark.parametrize(
    ("text", "who", "says"),
    [
        ("Kadyrov has gone further, arguing that Putin should use tactical nuclear weapons.", "kadyrov", True),
        ("Kadyrov has gone further, arguing that Putin should use tactical nuclear weapons.", "putin", False),
        ('"We will win," said Kadyrov.', "kadyrov", True),
        ('"We will win," wrote Kadyrov on Telegram.', "kadyrov", True),
        ("Navalnaya has accused Putin of having her husband murdered.", "putin", False),  # the accused, not the speaker
        ("Biden urged Congress to pass the border bill.", "congress", False),
        ("According to Kadyrov, the war is over.", "kadyrov", True),
        ("He warned of a long war.", "kadyrov", False),  # which "he" is not read
        ("“The war is lost,” Kadyrov told reporters.", "kadyrov", True),
        ("… the role of Queen her own,” they wrote.", "queen", False),  # a quote opened in an earlier sentence
        ("Modi said he had met the Queen, writing, “she showed warmth.”", "queen", False),  # a comma before
        ("The Queen would consult her heirs first, which suggests they both agreed.", "queen", False),  # which's
        ("Igor Girkin gave an interview stating that the war was all but lost.", "kadyrov", False),
        ("The influence of the Prigozhin-Kadyrov faction continues to grow.", "kadyrov", False),
        ("Putin said that Kadyrov was right.", "kadyrov", False),
        ("“We were shocked when President Biden said what he said,” said Jha.", "biden", False),  # in the quote
        ("“We were shocked when President Biden said what he said", "biden", False),  # a quote left open
        ("Palestinians and U.N. officials say Israel's bombing is a violation.", "israel", False),  # the object's owner
        ("Putin, 71, is expected to claim his fifth tenure.", "putin", False),  # no statement made
    ],
)
def test_a_passage_reports_speech_of_the_speaker(text: str, who: str, says: bool) -> None:
    assert reports_speech(text, frozenset({who})) is says
    assert AnswerType.of(f"What did {who.title()} say?").match(text) == float(says)


def test_a_verb_of_saying_after_another_name_is_theirs() -> None:
    text = "The coronation of King Charles III will take place on May 6, Buckingham Palace announced Tuesday."
    assert not reports_speech(text, frozenset({"king", "charles"}))
    assert reports_speech(text, frozenset({"buckingham", "palace"}))


def test_according_to_names_its_source_after_it() -> None:
    text = "The King will be anointed by the Archbishop, according to the statement."
    assert not reports_speech(text, frozenset({"king"}))
    assert reports_speech("The war is lost, according to a spokesman for Kadyrov.", frozenset({"kadyrov"}))
    # the source ends at its comma: what follows is the statement ("What did Boeing say about the door plug?")
    alaska = "According to Alaska Airlines, Flight 1282 − a Boeing 737 Max 9 jet − was en route when the plug blew out."
    assert reports_speech(alaska, frozenset({"alaska"})) and not reports_speech(alaska, frozenset({"boeing"}))


def test_a_speaker_named_with_its_organisation_and_title_is_the_organisation_s() -> None:
    """"Boeing CEO Dave Calhoun says …" is what Boeing says; a name after a comma is another speaker."""
    calhoun = "Boeing CEO Dave Calhoun says the incident “shook me to the bone.”"
    assert reports_speech(calhoun, frozenset({"boeing"})) and reports_speech(calhoun, frozenset({"calhoun"}))
    assert reports_speech("Wagner founder Yevgeny Prigozhin said the war was lost.", frozenset({"wagner"}))
    assert not reports_speech("The Boeing jet landed safely, Alaska Airlines said.", frozenset({"boeing"}))
    assert not reports_speech("Trump attorney Alina Habba said the verdict was unjust.", frozenset({"trump"}))


@pytest.mark.parametrize(
    ("text", "who", "says"),
    [
        (  # the subject says it; the Queen is remembered
            "New Zealand Prime Minister Jacinda Ardern remembered the Queen in a national address, saying that she "
            "had come to define service.",
            "queen",
            False,
        ),
        ("Wagner founder Yevgeny Prigozhin said the war was lost.", "prigozhin", True),  # a title on the name
        ('Standing before thousands is "a hell of a lot harder than a debate," Trump told the crowd.', "trump", True),
        ("During the second debate, Haley told Ramaswamy that TikTok is dangerous.", "haley", True),
        (  # the subject after an opening phrase, named with a possessive
            "Shortly after this column was written, Wendy's – presumably intimidated – released a statement saying "
            "that it will not raise prices.",
            "wendy",
            True,
        ),
        ("Following Chris Christie, Ron DeSantis invoked Trump's absence by saying he is missing.", "desantis", True),
        ("Following Chris Christie, Ron DeSantis invoked Trump's absence by saying he is missing.", "christie", False),
    ],
)
def test_the_speaker_is_the_sentence_s_subject_or_stands_by_the_verb(text: str, who: str, says: bool) -> None:
    assert reports_speech(text, frozenset({who})) is says


def test_a_follow_up_s_he_is_the_name_the_conversation_carried() -> None:
    question = "What did he say? (leader Wagner Yevgeny Prigozhin)"  # as rewrite() gives it
    assert speaker(question) == "he" and {"yevgeny", "prigozhin"} <= speakers(question)
    assert speakers("What did he say?") == frozenset() and expected_type("What did he say?") != "statement"


def test_a_speaker_asked_by_title_is_the_name_written_after_it() -> None:
    """"What did the mayor say?" was refused over "Mayor Tom Reed praised the vote. “…,” Reed said": news writes the
    title once, before the name."""
    context = "Mayor Tom Reed praised the vote. “This budget fixes our roads,” Reed said after the meeting."
    mayor = speakers("What did the mayor say?")
    assert titled(mayor, context) == {"mayor", "tom", "reed"}
    assert reports_speech("“This budget fixes our roads,” Reed said after the meeting.", titled(mayor, context))
    assert titled(mayor, "Governor Mike DeWine said so.") == mayor  # another title's name
    # a lawyer is as often an attorney, and set beside the name: "what did his lawyer say" was refused
    lawyer, marsh = frozenset({"lawyer"}), "His attorney, Gideon Marsh, said his client would fight the charges."
    assert titled(lawyer, marsh) == {"lawyer", "gideon", "marsh"}
    assert reports_speech(marsh, titled(lawyer, marsh))
    assert reports_speech("“These accusations come from a businessman,” Marsh said.", titled(lawyer, marsh))
    # a prosecutor is an attorney of the state, no one's lawyer
    assert titled(lawyer, "Assistant District Attorney Raymond Okonjo told reporters.") == lawyer
    assert titled(speakers("What did Kadyrov say?"), "Mayor Tom Reed said so.") == {"kadyrov"}  # a name stays itself


def test_a_speaker_set_after_the_verb_by_full_name_or_opening_as_a_described_subject() -> None:
    """"What did Turner say?" was refused over "“We are exhausted …,” said Mary Turner, the union's president", and
    "What did the city argue?" over "The city of Chicago had argued that Reyes followed department policy."."""
    turner = "“We are exhausted, and our patients are paying the price,” said Mary Turner, the union's president."
    assert reports_speech(turner, frozenset({"turner"}))
    assert reports_speech("The city of Chicago had argued that Reyes followed department policy.", frozenset({"city"}))
    assert not reports_speech("Critics say Israel's bombing must stop.", frozenset({"israel"}))  # an owner
    assert not reports_speech("The coronation of King Charles drew crowds, Buckingham Palace announced.",
                              frozenset({"charles"}))  # fmt: skip


def test_a_team_s_general_manager_speaks_for_it() -> None:
    """"what did the comets gm say about it" was refused: "… Comets general manager Renee Castellano said" was read
    as no one's words."""
    said = '"We didn\'t trade Malik to get worse," Comets general manager Renee Castellano said at a news conference.'
    assert reports_speech(said, speakers("what did the Comets general manager say about it"))
    assert reports_speech(said, frozenset({"comets"}))
