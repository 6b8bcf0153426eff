"""The no-answer gate, the sentence half of the refusal rule: whether the best sentences are about the question at all,
and how likely the one that leads is to answer it (refusal.decide reads the result). Nothing here asks that a
second article agree: one sentence of one article answers or does not."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answer.asked import beyond_generic
from assistant.answer.config import RefusalPolicy
from assistant.answer.constraints import TITLE_WORDS, Constraints
from assistant.answer.sentences import Sentence
from assistant.answer.typed import asks_now, of_the_past, typed
from assistant.retrieval.answer_type import expected_type
from newstext.terms import terms


def names_only(question: str, frame: set[str] | frozenset[str] = frozenset()) -> bool:
    """The question asks nothing beyond its names but what any question asks ("What is Baykar?", "What do we know
    about Baykar?" once unframed, "Why does Baykar matter?"): a sentence stating them all is about it, however far a
    few names sit in meaning from a long sentence. The `frame` words, a kind's ("old"), count as generic too."""
    return bool(Constraints.of(question).names) and not set(beyond_generic(question)) - frame


# The words that only frame a kind of answer: "How old is Callery?" asks his age of his name alone.
_KIND_FRAMES = {
    "age": "old age aged", "length": "long", "distance": "far", "weight": "weigh heavy weight", "height": "tall height",
    "year": "year",
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
    holds_asked: Callable[[Sentence], tuple[int, int]] | None = None,
) -> float | None:
    """What the no-answer gate reads: the best sentence's probability; None when that sentence is not about the
    question at all (its cosine under policy.min_lead_cosine and none of its clauses, `clause_cosine`, asked only
    then since it embeds them, at policy.min_clause_cosine). A question asking for one of policy.typed_kinds (a
    share, a sum, a year, a time, a place) or for a count ("how many") reads the best sentence holding a thing of
    that kind instead, and 0.0 when none of them is about the question: the topic is covered, the asked kind of
    fact is not. Also 0.0 when the best sentence is far from what the question asks beyond its names
    (`residue_cosine`, which embeds it; None skips the test), or does not state the one or two words a shorter rest
    asks (`states_asked`, asked.py). A sentence holding the asked kind counts only where `names_stated` (its
    chunk states the question's names) allows, and those stating more of its own names and holding more of the asked
    words (`holds_asked`) come first.
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
