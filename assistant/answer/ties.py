"""Tie-breaks among the lead's near ties: the ranker cannot tell two sentences of about the same probability apart,
but what the question asks for can (whose words and of what, a figure by the asked verb, the subject's verb, a place,
a reason, the age of now, what a name is; a name: name_ties.py; a time: time_ties.py)."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answer.asked import DETERMINERS, asked_verbs, determined
from assistant.answer.config import RefusalPolicy
from assistant.answer.forms import in_form, negates, sentence_words
from assistant.answer.name_ties import kind_name_tie, named_noun_tie, new_name_tie
from assistant.answer.near import first_near, folded_words, new_word
from assistant.answer.reasons import reason_tie
from assistant.answer.sentences import Sentence
from assistant.answer.time_ties import asks_update, background_tie, date_tie, latest_tie, now_tie
from assistant.retrieval.answer_kinds import candidates
from assistant.retrieval.answer_type import expected_type
from newstext.terms import WORD_RUN, readings

# Kinds of quantity a deed is done with or to: "invested $1 billion", "raised prices 40%". Not a count, which is
# as often the doer's ("Two states have already passed legislation …" for "passed by how much?").
_QUANTITIES = frozenset({"money", "percent"})
# A question asking what its subject did, up to the subject: "What did", "When will", "How has".
_ASKS_SUBJECT = r"^\W*(?i:what|when|where|how|why)\s+(?i:did|does|do|will|would|could|can|has|have|had)\s+"
# "What did Putin decide …?": the verb its named subject did, after an auxiliary and the subject's capitalised words.
_SUBJECT_VERB = re.compile(_ASKS_SUBJECT + r"(?:[A-Z][\w’'.-]*\s+){1,4}([a-z]+)\b")
# ... or a subject a common noun names, the verb ending the question ("What did the appeals court decide?").
_COMMON_SUBJECT_VERB = re.compile(
    _ASKS_SUBJECT + r"(?i:the|a|an|its|their)\s+(?:[\w’'-]+\s+){0,3}?([a-z]+)\s*\?*\s*$"
)
# A question asking of a deed denied ("Which states have not expanded Medicaid?").
_DENIES = re.compile(r"\b(?:not|never)\b|n[’']t\b", re.I)
# "Where …?", and a follow-up asking only that ("Where? (King Charles crowned)"); a place is named after "in", "at" or
# "near" ("at Westminster Abbey in London").
_ASKS_PLACE = re.compile(r"^\W*where\b", re.I)
_PLACE = re.compile(r"\b(?:in|at|near)\s+(?:the\s+)?([A-Z][\w’'-]*)")
# "Why …?", and a sentence that gives a reason in so many words ("stop driving them because the wheels might fall off",
# "was the reason the Hill family sued"). Not "after" or "amid", which as often say when ("amid price hikes").
# "How old is …?" asks an age now, which is the greatest a story gives of its names: news tells of earlier ones ("in
# his NBA debut, James, just 18 years old") beside the one of today ("the 39-year-old James").
_ASKS_AGE_NOW = re.compile(r"^\W*how old (?:is|are)\b", re.I)
_FIGURE = re.compile(r"\d[\d,]*")
_WOULD_BE = re.compile(r"\b(?:would|will|could|might|’ll|'ll)\s+(?:be|turn|become)\s+(?:about\s+)?\d{1,3}\b", re.I)
# "Who is Gabriel Attal?", "What is Intuitive Machines?", "Who was Navalny?", "What's the Wagner group?": what a
# name is. A sentence says it by the name's copula ("Gabriel Attal became France's youngest …", "Intuitive Machines
# is a Houston-headquartered …") or an apposition ("Alexei Navalny, the Russian opposition leader, …", which a list
# is not: "Wagner, Kadyrov’s Chechen factions, and/or pro-war oligarchs"), not by a title before the name, which
# news writes wherever it names someone ("Prime Minister Gabriel Attal told …").
_ASKS_WHAT_IS = re.compile(r"^\W*(?i:who|what)(?:\s+(?i:is|was|are|were)|[’']s)\s+(?:the\s+)?([A-Z][^?]*?)\W*$")
_DEFINES = (
    r"(?:,\s+\d{1,3},)?\s+(?:is|was|are|were|became|has been|had been|remains)\s+(?:also\s+|now\s+|still\s+)?"
    r"(?:a|an|the|one|[A-Z][\w-]*[’']s?)\s"
    r"|,\s+(?:\d{1,3},\s+)?(?:a|an|the|[A-Z][\w-]*[’']s|who (?:is|was|became|has been|had been))\s[^,]{0,120}"
    r"(?:,(?!\s+(?:and|or)\b)|[.!]?[\"”’]?$)"
    r"|,\s+who\s[^,]{1,100},\s+(?:is|was)\s+(?:a|an|the)\s"
)
# A word after one of these is a noun there ("the cut", "Sanofi's price"), whatever else it can be.
_DETERMINES = re.compile(r"(?:" + DETERMINERS + r"|[\w-]+[’']s)$")


def break_ties(
    scored: list[tuple[float, Sentence]],
    query: str,
    own: str,
    asked: list[str],
    policy: RefusalPolicy,
    new_names: bool = True,
) -> list[tuple[float, Sentence]]:
    """The ranked sentences with each tie-break below applied in turn: whose words (names_tie, on the `query`), a
    name the user's `own` words do not give (new_name_tie; not for a follow-up, whose story rules say which of its
    sentences leads), a name holding the asked noun (kind_name_tie; not for a follow-up either), a figure beside the
    asked verb (deed_figure_tie, with the `asked` words), the asked deed not denied (negated_tie), the verb the
    question asks its subject did (subject_verb_tie), a place for "Where …?" (place_tie), a reason for "Why …?"
    (reason_tie), the age of now for "How old is …?" (age_tie), what a name is for "Who is …?" (defining_tie), a
    lead of now for a question asked of now (now_tie), no background and the newest telling for one asking how things
    stand now (background_tie, latest_tie; within policy.update_tie for one asking nothing else), a calendar day for
    "When …?" (date_tie)."""
    out = list(scored)
    breaks: list[Callable[[list[tuple[float, Sentence]]], int]] = [
        lambda ranked: names_tie(ranked, query, policy.lead_tie),
        lambda ranked: new_name_tie(ranked, own, policy.name_tie) if new_names else 0,
        lambda ranked: kind_name_tie(ranked, own, policy.name_tie) if new_names else 0,
        lambda ranked: named_noun_tie(ranked, own, policy.name_tie) if new_names else 0,
        lambda ranked: deed_figure_tie(ranked, own, asked, policy.figure_tie, policy.figure_reach),
        lambda ranked: negated_tie(ranked, own, asked, policy.lead_tie),
        lambda ranked: subject_verb_tie(ranked, own, policy.lead_tie),
        lambda ranked: place_tie(ranked, own, policy.lead_tie),
        lambda ranked: reason_tie(ranked, own, policy.reason_tie),
        lambda ranked: age_tie(ranked, own, policy.lead_tie),
        lambda ranked: defining_tie(ranked, own, policy.defining_tie),
        lambda ranked: now_tie(ranked, own, policy.lead_tie),
        lambda ranked: background_tie(ranked, own, policy.lead_tie),
        lambda ranked: latest_tie(ranked, own, policy.update_tie if asks_update(own) else policy.lead_tie),
        lambda ranked: date_tie(ranked, own, policy.lead_tie),
    ]
    for tie_break in breaks:  # each reads the order the one before left
        if i := tie_break(out):
            out = [out[i], *out[:i], *out[i + 1 :]]
    return out


def names_tie(scored: list[tuple[float, Sentence]], question: str, tie: float) -> int:
    """For a question asking what someone said ("What did Jason Kelce say about Travis?"), the index of the near tie
    of the best sentence (at least `tie` of its probability) stating the largest share of the question's names, the
    first on a tie: whose words are asked, and of what (his retirement led, above what he said of Travis); 0 for
    any other question."""
    if not scored or expected_type(question) != "statement":
        return 0
    near = [i for i, (p, _) in enumerate(scored) if p >= tie * scored[0][0]]
    return max(near, key=lambda i: scored[i][1].features["constraints"])


def deed_figure_tie(
    scored: list[tuple[float, Sentence]], question: str, asked: list[str], tie: float, reach: int
) -> int:
    """For a question asking how much of a deed ("How much had Ford invested in Argo?"), when the best sentence's
    figures of the asked kind sit beside no form of the asked verb, the index of the first near tie (at least `tie`
    of its probability) where one does, within `reach` words: "a company it invested $1 billion in" above "the
    drop in value of Ford's investment in Argo caused it to take a $2.7 billion charge"; 0 otherwise."""
    kind, nouns = expected_type(question), determined(question)
    verbs = {lemma for word in asked if word not in nouns for lemma in readings(word.lower()).get("VERB", ())}
    if kind not in _QUANTITIES or not verbs:
        return 0
    return first_near(scored, tie, lambda s: _figure_by_verb(s.text, kind, verbs, reach))


def _figure_by_verb(text: str, kind: str, verbs: set[str], reach: int) -> bool:
    """A figure of the kind within `reach` words of a verb form (not a noun's) of one of the verbs."""
    spans = [(m.start(), m.end()) for m in WORD_RUN.finditer(text)]
    words = [text[a:b].lower() for a, b in spans]
    at = [
        i for i, word in enumerate(words)
        if set(readings(word).get("VERB", ())) & verbs and not (i and _DETERMINES.match(words[i - 1]))
    ]  # fmt: skip
    if not at:
        return False
    for figure in candidates(text, kind):
        start = text.find(figure)
        first = next((i for i, (a, b) in enumerate(spans) if b > start), len(spans))
        last = next((i for i, (a, _) in enumerate(spans) if a >= start + len(figure)), len(spans)) - 1
        if any(first - reach <= i <= last + reach for i in at):
            return True
    return False


def negated_tie(scored: list[tuple[float, Sentence]], question: str, asked: list[str], tie: float) -> int:
    """For a question asking a deed it does not deny, when the best sentence states that deed only denied ("as many
    as 12 tornadoes … that they have not yet confirmed" for "How many tornadoes were confirmed in Texas?"), the index
    of the first near tie (at least `tie` of its probability) stating it ("At least five tornadoes were confirmed
    …"); 0 otherwise."""
    verbs = asked_verbs(asked, determined(question))
    if not scored or not verbs or _DENIES.search(question) or not negates(verbs, scored[0][1].text):
        return 0
    return first_near(scored, tie, lambda s: in_form(verbs, sentence_words(s.text)) and not negates(verbs, s.text))


def subject_verb_tie(scored: list[tuple[float, Sentence]], question: str, tie: float) -> int:
    """For a question asking what its subject did ("What did Putin decide after the Kharkiv defeats?", "What did the
    appeals court decide?"), when the best sentence states no form of that verb, the index of the first near tie (at
    least `tie` of its probability) that does: "… President Putin decided to 'annex' the four occupied oblasts"
    above a sentence on dictators' downfalls "after a humiliating defeat", "… blocked the city …, ruling that …"
    above the panel's "voted 2-1"; 0 otherwise."""
    m = _SUBJECT_VERB.match(question) or _COMMON_SUBJECT_VERB.match(question)
    if not m or "VERB" not in readings(verb := m.group(1)):
        return 0
    return first_near(scored, tie, lambda s: in_form([verb], sentence_words(s.text)))


def place_tie(scored: list[tuple[float, Sentence]], question: str, tie: float) -> int:
    """For a "Where …?" question, when the best sentence names no place after "in" or "at" that the question does
    not name, the index of the first near tie (at least `tie` of its probability) that does: "Where? (King Charles
    crowned)" led with "The Archbishop of Canterbury … will conduct the ceremony", above "… will take place on May 6
    next year at Westminster Abbey in London"; 0 otherwise."""
    if not _ASKS_PLACE.match(question):
        return 0
    asked = folded_words(question)
    return first_near(scored, tie, lambda s: _names_place(s.text, asked))


def _names_place(text: str, asked: set[str]) -> bool:
    """The text names, after "in", "at" or "near", a capitalised word that is no word of the question, month or day."""
    return any(new_word(m.group(1), asked) for m in _PLACE.finditer(text))


def age_tie(scored: list[tuple[float, Sentence]], question: str, tie: float) -> int:
    """For "How old is …?", the index of the near tie (at least `tie` of the best sentence's probability) stating one
    of the question's names and the greatest age of now, when that is greater than the best sentence's: "Saturday,
    the 39-year-old James became …" above "in his NBA debut, James, just 18 years old, …". A best sentence stating
    none of the names gives way to the first that states one with an age, however far below ("And Trump, 77, is …"
    below "If Biden reclaims the White House, he would be 82 years old …" for "How old is Trump?"); 0 otherwise."""
    if not scored or not _ASKS_AGE_NOW.match(question):
        return 0
    if scored[0][1].features["constraints"] <= 0:
        return next((i for i, (_, s) in enumerate(scored) if s.features["constraints"] > 0 and _oldest(s.text) >= 0), 0)
    ages = {
        i: _oldest(s.text) for i, (p, s) in enumerate(scored)
        if p >= tie * scored[0][0] and s.features["constraints"] > 0
    }  # fmt: skip
    best = max(ages, key=lambda i: (ages[i], -i))
    return best if ages[best] > ages[0] else 0


def _oldest(text: str) -> int:
    """The greatest age the text gives (answer_type's "age" kind: "39-year-old", ", 73,", "aged 96") of now, not one
    someone would be ("he would be 82 years old at the beginning of his second term"), -1 for none."""
    text = _WOULD_BE.sub(" ", text)
    return max((int(f.replace(",", "")) for a in candidates(text, "age") for f in _FIGURE.findall(a)), default=-1)


def defining_tie(scored: list[tuple[float, Sentence]], question: str, tie: float) -> int:
    """For "Who is <name>?" or "What is <name>?", when the best sentence does not say what the name is (_DEFINES,
    after the name or its last word), the index of the first near tie (at least `tie` of its probability) that
    does: "Gabriel Attal became France's youngest ever and first openly gay prime minister" above his words to
    parliament; 0 otherwise."""
    m = _ASKS_WHAT_IS.match(question)
    words = m.group(1).split() if m else []
    if not scored or not words or not all(w[:1].isupper() for w in words[:-1]):
        return 0  # a name, and a kind's noun after it at most ("the Wagner group"), not "Delaware playing on …"
    capitals = [w for w in words if w[:1].isupper()]
    forms = {" ".join(words), " ".join(capitals), capitals[-1]}
    name = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    defines = re.compile(r"\b(?:" + name + r")(?:" + _DEFINES + ")")
    return first_near(scored, tie, lambda s: defines.search(s.text) is not None)

