"""The no-answer gate: the best sentence must be about the question, and of the kind it asks for."""

from __future__ import annotations

from answer_testkit import passage

from assistant.answer.config import RefusalPolicy
from assistant.answer.gate import about_first, answering, names_and_kind, names_only
from assistant.answer.sentences import FEATURES, Sentence


def sentence_of(text: str, **features: float) -> Sentence:
    """A sentence of one retrieved passage, every ranker feature 0.0 but those given."""
    return Sentence(passage("a", 0.6, text=text), 0, len(text), text, dict.fromkeys(FEATURES, 0.0) | features)


def test_a_question_asking_for_a_share_or_a_year_is_answered_only_by_a_sentence_holding_one() -> None:
    from assistant.answer.sentences import FEATURES, Sentence

    def sentence(text: str, holds_type: bool) -> Sentence:
        features = dict.fromkeys(FEATURES, 0.0) | {"answer_type": 1.0 if holds_type else 0.0, "cosine": 0.5}
        return Sentence(passage("a", 0.6, text=text), 0, len(text), text, features)

    assault = sentence("Prigozhin ordered Wagner-led forces to assault Bakhmut.", holds_type=False)
    share = sentence("About 40% of the fighters were recruited from prisons.", holds_type=True)
    assert answering([(0.6, assault)], "What share of Wagner's fighters did Prigozhin lead?") == 0.0
    assert answering([(0.6, assault), (0.3, share)], "What share of Wagner's fighters came from prisons?") == 0.3
    assert answering([(0.6, assault)], "Who led the Wagner fighters?") == 0.6  # an open question: any sentence
    # A count, in figures or in words ("five"), answers "how many"; the question's own numbers do not.
    assert answering([(0.6, assault)], "How many fighters did Wagner lose?") == 0.0
    lost = sentence("Wagner lost five thousand fighters at Bakhmut.", holds_type=False)
    assert answering([(0.6, assault), (0.5, lost)], "How many fighters did Wagner lose?") == 0.5
    assert answering([(0.6, lost)], "How many of the five thousand fighters did Wagner lose?") == 0.0
    assert answering([(0.6, assault)], "How many fighters did Wagner lose?", RefusalPolicy(typed_counts=False)) == 0.6
    untyped = RefusalPolicy(typed_kinds=())
    assert answering([(0.6, assault)], "What share of Wagner's fighters did Prigozhin lead?", untyped) == 0.6
    dated = sentence("Prigozhin ordered the assault on Bakhmut in May.", holds_type=True)
    assert answering([(0.6, assault)], "When did Prigozhin order the assault?") == 0.0
    assert answering([(0.6, assault), (0.4, dated)], "When did Prigozhin order the assault?") == 0.4
    # The topic is covered, but the sentence holding the asked kind is about something else: no answer.
    far = Sentence(dated.candidate, 0, 10, "The bridge reopened in May.", dated.features | {"cosine": 0.05})
    assert answering([(0.6, assault), (0.4, far)], "When did Prigozhin order the assault?") == 0.0


def test_a_sentence_holding_the_asked_kind_answers_what_the_lead_does_not() -> None:
    """"How many people died?" after the Scottsdale crash was refused: its lead, kept to the story, says how many
    seats the plane had and fails the residue test; the story's sentence counting the dead passes it."""
    seats = sentence_of("The airplane that crashed after takeoff was equipped with six seats.", cosine=0.5)
    dead = sentence_of("A witness said the plane flew low, then crashed, killing all six people onboard.", cosine=0.5)
    asked = "How many people died? (happened Scottsdale plane crash)"

    def residue(s: Sentence) -> float:
        return 0.4 if s is dead else 0.2

    assert answering([(0.6, seats), (0.4, dead)], asked, residue_cosine=residue) == 0.4
    assert answering([(0.6, seats), (0.4, dead)], asked, residue_cosine=lambda s: 0.2) == 0.0  # neither passes
    assert answering([(0.6, seats)], "Why did the plane crash?", residue_cosine=lambda s: 0.2) == 0.0  # no kind


def test_a_sentence_stating_every_term_of_the_question_is_about_it() -> None:
    """"Who was the ex-FSB officer?" sits at 0.24 from "Igor Girkin, ... ex-FSB officer who ...": MiniLM does not
    know the word, but the sentence states each term of the question."""
    from assistant.answer.sentences import FEATURES, Sentence

    def sentence(coverage: float, held: int) -> Sentence:
        text = "Igor Girkin, the now popular Russian blogger and ex-FSB officer, gave an interview."
        features = {**dict.fromkeys(FEATURES, 0.0), "cosine": 0.24, "coverage": coverage}
        return Sentence(passage("a", 0.3, text=text), 0, len(text), text, features, held)

    question = "Who was the ex-FSB officer?"
    assert answering([(0.37, sentence(1.0, 3))], question) == 0.37
    assert answering([(0.37, sentence(0.7, 2))], question) is None  # one term missing
    assert answering([(0.37, sentence(1.0, 1))], "Who was Girkin?") is None  # one term is too little to show a topic
    assert answering([(0.37, sentence(1.0, 3))], question, RefusalPolicy(min_stated_terms=4)) is None


def test_a_question_of_names_alone_is_about_a_sentence_stating_them_all() -> None:
    """"What do we know about Baykar?" over the default articles: the one sentence naming Baykar is at cosine 0.19,
    under min_lead_cosine, since a short name sits far from a long sentence in meaning."""
    from assistant.answer.sentences import FEATURES, Sentence

    def sentence(constraints: float) -> Sentence:
        text = "A new deal with Azerbaijan's drone maker Baykar could create a supply corridor."
        return Sentence(None, 0, 0, text, {**dict.fromkeys(FEATURES, 0.0), "cosine": 0.19, "constraints": constraints})  # type: ignore[arg-type]

    assert names_only("about Baykar?") and names_only("What is Baykar?")
    assert names_only("Why does Baykar matter?")  # asked of any topic: its names are all it asks of
    assert not names_only("What is the capital of France?") and not names_only("What is new?")  # asks more; no name
    assert answering([(0.3, sentence(1.0))], "about Baykar?") == 0.3
    assert answering([(0.3, sentence(0.0))], "about Baykar?") is None  # it does not state the name
    assert answering([(0.3, sentence(1.0))], "What did Baykar sign with Azerbaijan?") is None  # it asks more


def test_a_question_asking_a_kind_of_its_names_alone_is_about_a_sentence_stating_them_with_one() -> None:
    """"How old is Callery?" (news-smoke) was refused: "Callery, 62, spoke for nine minutes …" sits at cosine 0.19,
    as far in meaning as any sentence on a 13-year-old's Tetris record, and only it states the name with an age."""
    from assistant.answer.sentences import FEATURES, Sentence

    def sentence(text: str, constraints: float, kind: float) -> Sentence:
        features = {**dict.fromkeys(FEATURES, 0.0), "cosine": 0.19, "constraints": constraints, "answer_type": kind}
        return Sentence(passage("a", 0.3, text=text), 0, len(text), text, features)

    aged = sentence("Callery, 62, spoke for nine minutes during the hearing.", 1.0, 1.0)
    assert names_and_kind("How old is Callery?", aged) and names_and_kind("What is Callery's age?", aged)
    assert not names_and_kind("How old is Callery?", sentence("Callery spoke for nine minutes.", 1.0, 0.0))
    assert not names_and_kind("How old is Callery?", sentence("A 13-year-old beat Tetris.", 0.0, 1.0))
    assert not names_and_kind("How old is Callery's son?", aged)  # it asks of someone else
    assert not names_and_kind("How old is the boy?", aged)  # it names nothing
    king = sentence("Charles, 73, became Britain's monarch last month.", 1.0, 1.0)
    assert names_and_kind("How old is King Charles?", king)  # a title before the name is how it is written
    assert not names_and_kind("How old is the president of France?", king)  # the president is asked of, no title


def test_a_near_tie_about_the_question_leads_before_one_that_is_not() -> None:
    """"Who created Wagner?" over the default articles: the ranker gave 0.202 to a sentence far from the question
    and 0.197 to the one naming Wagner's founder; meaning breaks the tie, and only a near one."""
    from assistant.answer.sentences import FEATURES, Sentence

    def sentence(text: str, cosine: float) -> Sentence:
        features = dict.fromkeys(FEATURES, 0.0) | {"cosine": cosine}
        return Sentence(passage("a", 0.6, text=text), 0, len(text), text, features)

    far = sentence("A potential power move by Wagner could take place at any time.", 0.2)
    founder = sentence("Hardliners like Wagner founder Yevgeny Prigozhin criticised Shoigu.", 0.45)
    other = sentence("Turkey seems to be flipping sides.", 0.02)
    assert about_first([(0.202, far), (0.197, founder)])[0][1] is founder
    assert about_first([(0.202, far), (0.15, founder)])[0][1] is far  # not a near tie: the ranker's order stands
    assert about_first([(0.3, founder), (0.29, far)])[0][1] is founder  # the best is about the question already
    unchanged = [(0.202, far), (0.2, other)]
    assert about_first(unchanged) == unchanged
    assert answering(about_first([(0.202, far), (0.197, founder)]), "Who created Wagner?") == 0.197
