"""The no-answer gate, the sentence half of the refusal rule: whether the best sentences are about the question at all,
and how likely the one that leads is to answer it (refusal.decide reads the result). Nothing here asks that a
second article agree: one sentence of one article answers or does not."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answer.asked import beyond_generic, in_form, sentence_words
from assistant.answer.config import RefusalPolicy
from assistant.answer.constraints import TITLE_WORDS, Constraints
from assistant.answer.sentences import Sentence
from assistant.retrieval.answer_type import candidates, expected_type
from assistant.retrieval.counts import asks_count, counted_noun, counts, counts_noun, revised
from assistant.retrieval.rewrite import asked_part
from newstext.terms import terms


def names_only(question: str, frame: set[str] | frozenset[str] = frozenset()) -> bool:
    """The question asks nothing beyond its names but what any question asks ("What is Baykar?", "What do we know
    about Baykar?" once unframed, "Why does Baykar matter?"): a sentence stating them all is about it, however far a
    few names sit in meaning from a long sentence. The `frame` words, a kind's ("old"), count as generic too."""
    return bool(Constraints.of(question).names) and not set(beyond_generic(question)) - frame


# The words that only frame a kind of answer: "How old is Callery?" asks his age of his name alone.
_KIND_FRAMES = {
    "age": "old age aged", "length": "long", "distance": "far", "weight": "weigh heavy weight", "year": "year",
    "time": "date day", "month": "month",
}

# A title written before a name is how the question writes the name ("King Charles", "President Biden").
_TITLED = re.compile(r"\b((?i:" + "|".join(sorted(TITLE_WORDS)) + r"))\s+[A-Z]")


def names_and_kind(question: str, sentence: Sentence) -> bool:
    """The question asks a kind of answer of its names and nothing more ("How old is Callery?", "When is the
    Iowa caucus?"), and the sentence states them all and holds a thing of that kind ("Callery, 62, spoke …"): it is
    about the question, however far a short question sits in meaning from a long sentence."""
    return states_names_and_kind(sentence) and asks_kind_of_names(question)


def asks_kind_of_names(question: str) -> bool:
    """names_and_kind's half read of the question alone, once per question by a caller asking of many sentences."""
    kind = expected_type(question)
    titles = {m.group(1) for m in _TITLED.finditer(question)}  # "How old is King Charles?" asks of Charles
    return kind is not None and names_only(question, set(terms(" ".join([_KIND_FRAMES.get(kind, ""), *titles]))))


def states_names_and_kind(sentence: Sentence) -> bool:
    """names_and_kind's half read of the sentence: it states every name and holds a thing of the asked kind."""
    return bool(sentence.features["answer_type"]) and sentence.features["constraints"] >= 1.0


def about(
    sentence: Sentence,
    policy: RefusalPolicy,
    clause_cosine: Callable[[Sentence], float] | None,
    also_about: Callable[[Sentence], bool] | None = None,
) -> bool:
    """The sentence is close to the question in meaning: as a whole, or in one clause (`clause_cosine`, asked only
    when the whole is not, since it embeds the clauses); or it states every term of a question of several (in
    one of their forms), which a model that does not know the words cannot tell ("ex-FSB officer"); or the caller
    knows it is (`also_about`: it says who did what a "Who <verb> …?" question asks, "…, developed by Alexey
    Pajitnov"; it is of the story a follow-up asking only a kind asks of), however far in meaning it sits."""
    return (
        sentence.features["cosine"] >= policy.min_lead_cosine
        or states_question(sentence, policy)
        or (clause_cosine is not None and clause_cosine(sentence) >= policy.min_clause_cosine)
        or (also_about is not None and also_about(sentence))
    )


def states_question(sentence: Sentence, policy: RefusalPolicy) -> bool:
    """The sentence holds every term of the question, and it has at least policy.min_stated_terms of them."""
    return sentence.held_terms >= policy.min_stated_terms and sentence.features["coverage"] >= 1.0


def about_first(
    scored: list[tuple[float, Sentence]],
    policy: RefusalPolicy = RefusalPolicy(),
    clause_cosine: Callable[[Sentence], float] | None = None,
) -> list[tuple[float, Sentence]]:
    """The ranked sentences, with a near tie of the best one (policy.lead_tie) that is about the question moved to
    the front when the best one is not; unchanged otherwise."""
    if not scored or about(scored[0][1], policy, clause_cosine):
        return scored
    top = scored[0][0]
    for i, (prob, sentence) in enumerate(scored[1:], start=1):
        if prob < policy.lead_tie * top:
            break
        if about(sentence, policy, clause_cosine):
            return [scored[i], *scored[:i], *scored[i + 1 :]]
    return scored


def answering(
    scored: list[tuple[float, Sentence]],
    question: str,
    policy: RefusalPolicy = RefusalPolicy(),
    clause_cosine: Callable[[Sentence], float] | None = None,
    residue_cosine: Callable[[Sentence], float] | None = None,
    states_asked: Callable[[Sentence], bool] | None = None,
    names_stated: Callable[[Sentence], bool] | None = None,
    also_about: Callable[[Sentence], bool] | None = None,
    holds_asked: Callable[[Sentence], int] | None = None,
) -> float | None:
    """What the no-answer gate reads: the best sentence's probability; None when that sentence is not about the
    question at all (its cosine under policy.min_lead_cosine and none of its clauses, `clause_cosine`, asked only
    then since it embeds them, at policy.min_clause_cosine). A question asking for one of policy.typed_kinds (a
    share, a sum, a year, a time, a place) or for a count ("how many") reads the best sentence holding a thing of
    that kind instead, and 0.0 when none of them is about the question: the topic is covered, the asked kind of
    fact is not. Also 0.0 when the best sentence is far from what the question asks beyond its names
    (`residue_cosine`, which embeds it; None skips the test), or does not state the one or two words a shorter rest
    asks (`states_asked`, asked.py). A sentence holding the asked kind counts only where `names_stated` (its
    chunk states the question's names) allows, and those holding more of the asked words (`holds_asked`) come first.
    A question of names alone (names_only) is about any sentence stating them all; any question about one the
    caller knows is (`also_about`)."""
    if not scored:
        return 0.0
    if not about(scored[0][1], policy, clause_cosine, also_about) and not (
        names_only(question) and scored[0][1].features["constraints"] >= 1.0
    ):
        return None
    if residue_cosine is not None and residue_cosine(scored[0][1]) < policy.min_residue_cosine:
        # about the question's names, not what it asks of them; the best sentence holding the asked kind, in a chunk
        # stating the names, may be, and then leads ("How many people died?" after the Scottsdale crash: "…
        # killing all six people onboard", not "equipped with six seats")
        held = typed(scored, question, policy, names_stated, holds_asked)
        prob, kind = held[0] if held else (0.0, scored[0][1])
        if kind is scored[0][1] or residue_cosine(kind) < policy.min_residue_cosine:
            return 0.0
        return 0.0 if states_asked is not None and not states_asked(kind) else prob
    if states_asked is not None and not states_asked(scored[0][1]):
        return 0.0  # likewise, for a rest of a word or two ("Where did Prigozhin die?" led by his Bakhmut assault)
    held = typed(scored, question, policy, names_stated, holds_asked)
    if held is None:
        return scored[0][0]
    return held[0][0] if held and about(held[0][1], policy, clause_cosine, also_about) else 0.0


def typed(
    scored: list[tuple[float, Sentence]],
    question: str,
    policy: RefusalPolicy = RefusalPolicy(),
    names_stated: Callable[[Sentence], bool] | None = None,
    holds_asked: Callable[[Sentence], int] | None = None,
) -> list[tuple[float, Sentence]] | None:
    """The sentences holding a thing of the kind the question asks for (policy.typed_kinds, or a count), best
    first; any but the lead must also pass `names_stated` when given: the time of another event answers no "when"
    ("When was the Kerch Bridge attacked?" led with "The March strikes on oil refineries ..." over the Kerch
    sentences, which hold no time). Of those, the ones holding more of the asked words (`holds_asked`, a count)
    come first: "the $1.7 billion verdict" before Ford's cash goal for "How much was the Ford verdict?". None when
    the question asks for no such kind."""
    now = asks_now(question)

    def asked(sentence: Sentence) -> int:  # not a past year's, for a question of now: "played Slade Hall … in 1985"
        held = holds_asked(sentence) if holds_asked is not None else 0
        return 0 if held and now and of_the_past(sentence) else held

    if expected_type(question) in policy.typed_kinds:
        held = [(p, s) for p, s in scored if s.features["answer_type"]]
        held.sort(key=lambda pair: -asked(pair[1]))
        if _WHAT_TIME.search(question):  # "… lifted off … at 5:27 p.m.", not "… launched … on Thursday night"
            held.sort(key=lambda pair: not candidates(pair[1].text, "clock"))
        elif _WHEN_WILL.search(asked_part(question)):  # a time to come: "… would stay below freezing until Friday
            held.sort(key=lambda pair: not _TO_COME.search(pair[1].text))  # afternoon", not "… ice on Wednesday"
    elif policy.typed_counts and asks_count(question):
        given, noun = counts(question), counted_noun(question)
        # what the question asks of the count, in its words of lower case (a name is the story's, not what is asked)
        # but the counted noun's first ("people" of "people lost power")
        first = noun.split()[0].lower() if noun else ""
        rest = [w for w in sentence_words(_lower_case(question)) if w != first and w not in _COUNT_WORDS]
        # a count of the asked noun, or the ranker's best holding one of another and stating what is asked of it:
        # "How many people lost power in Tulsa?" is answered by "… leaving about 90,000 homes and businesses without
        # power", where "Two people died in a crash …" states none of it and comes after
        best = scored[0][1] if scored else None
        held = [
            (p, s) for p, s in scored
            if counts(s.text, noun) - given or (s is best and not _says_none(rest, s) and counts(s.text) - given)
        ]  # fmt: skip
        # "13 states" before "two of the state trigger bans"
        held.sort(key=lambda pair: (
            _says_none(rest, pair[1]), not counts(pair[1].text, noun) - given, -_counts_of_now(pair[1], noun, now),
            -asked(pair[1]),
        ))  # fmt: skip
        # a count told as revised before any other, the latest article's first:
        # "The death toll … rose to 31 on Sunday" (Nov. 22) before "… killing at least 12 people" (Nov. 20)
        told = revised(question)
        held.sort(key=lambda pair: _revised_on(pair[1], told), reverse=True)
    else:
        return None
    lead = scored[0][1] if scored else None
    return [(p, s) for p, s in held if s is lead or names_stated is None or names_stated(s)]


_COUNT_WORDS = frozenset({"many", "much", "number", "total"})  # the asking of a count, not what is counted


def _lower_case(text: str) -> str:
    """The text's words of lower case: not the names in it ("Spider-Man")."""
    return " ".join(w for w in text.split() if w.islower())


def _says_none(rest: list[str], sentence: Sentence) -> bool:
    """The sentence states none of the words a count question asks of its count (False when it asks none) in one of
    their forms (asked.in_form: died ~ dead), in its words of lower case: "Spider-Man" says nothing of "How many
    legs does a spider have?"."""
    return bool(rest) and not in_form(rest, sentence_words(_lower_case(sentence.text)))

# "When will …?", "When is the deal expected to close?": a time to come, told as one ("will", "would stay …
# until", "is expected to", "is scheduled for"), not the day of what happened.
_WHEN_WILL = re.compile(
    r"\bwhen\s+(?:will|would|(?:is|are)\s+(?:[\w’'-]+\s+){1,4}?(?:expected|scheduled|set|due))\b", re.I
)
_TO_COME = re.compile(
    r"\b(?:will|would|should|shall|expected|scheduled|set to|due to|plans? to|planned|until|next)\b|['’]ll\b", re.I
)
_WHAT_TIME = re.compile(r"\bwhat time\b", re.I)  # asks an hour of the clock
# A count "at the time" is of its own time, not of now.
_AT_THE_TIME = re.compile(r"\bat (?:the|that) time\b", re.I)
# A sentence set in a year of its own: "In the 1977 storm, …", "In 2015, …", "During the 2019 season, …", "But in
# 1987 when Lotto America … was introduced, …".
_SET_IN = re.compile(
    r"^\W*(?:(?:but|and|yet|so|then)\s+)?(?:in|during|by|back in)\s+(?:the\s+)?(?:[\w-]+\s+)?((?:1[5-9]|20)\d\d)\b",
    re.I,
)


def _revised_on(sentence: Sentence, told: Callable[[str], bool]) -> tuple[bool, str]:
    """Whether the sentence tells a revised count the question asks (`told`: counts.revised), and its article's day
    ("" when undated)."""
    revised_here = told(sentence.text)
    return revised_here, sentence.candidate.article.date if revised_here else ""


def _counts_of_now(sentence: Sentence, noun: str, now: bool = False) -> int:
    """counts_noun, for a sentence of its article's time: one set in a year well before the article's ("In the 1977
    storm, 29 people died …" in a 2022 article on Buffalo's storm) is background, and counts 0; one only naming a
    past year ("Founded in 2008 …, now has 45 locations") is not. For a question asked of `now`, nor does one told
    of its time ("Washington's Birthday was at the time one of only five federally-recognized holidays" for "How
    many federal holidays are there?", above "There are 11 federal holidays each year")."""
    if set_in_past(sentence):
        return 0
    if now and _AT_THE_TIME.search(sentence.text):
        return 0
    return counts_noun(sentence.text, noun)


def set_in_past(sentence: Sentence) -> bool:
    """The sentence opens set in a year well before its article's ("In the 1977 storm, 29 people died …" in a 2022
    article): background to the story, where naming a past year on the way ("In response to Ofcom's 2022 report, …")
    is not."""
    then = _SET_IN.match(sentence.text)
    return then is not None and _well_before(then.group(1), sentence)


def _well_before(year: str, sentence: Sentence) -> bool:
    """The year is more than one before the sentence's article's (False for an undated article)."""
    published = sentence.candidate.article.date[:4]
    return published.isdigit() and int(year) < int(published) - 1


# A question asked of the past: "When did …?", "Who was …?", "How many … had …?".
_PAST = re.compile(r"\b(?:did|was|were|had)\b", re.I)


def asks_now(question: str) -> bool:
    """The question is not asked of the past ("When is Phish playing in Dover?", "How many holidays are there?")."""
    return not _PAST.search(question)


def of_the_past(sentence: Sentence) -> bool:
    """The sentence names a year well before its article's ("… when they played Slade Hall … on Sept. 27, 1985" in a
    2024 article): background to the story, not what it reports now."""
    return any(_well_before(year, sentence) for year in candidates(sentence.text, "year"))


def keeps_story(lead: Sentence, question: str) -> Callable[[Sentence], bool]:
    """Which sentences may replace a lead stating every name of the question and the asked kind (any may replace
    another lead): one of its article or stating every name too, and, for a question asked of now, not of a past
    year. "When is Phish playing in Dover?" moved from the festival's dates in Dover, which say no "play", to
    another article's "They'll play eight shows and end at the United Center in Chicago …", and to its own
    article's "… they played Slade Hall … on Sept. 27, 1985"."""
    if not states_names_and_kind(lead):
        return lambda _: True
    article, now = lead.candidate.chunk.article_id, asks_now(question) and not of_the_past(lead)
    return lambda s: (s.features["constraints"] >= 1.0 or s.candidate.chunk.article_id == article) and not (
        now and of_the_past(s)
    )
