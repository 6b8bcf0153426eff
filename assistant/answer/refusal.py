"""The one refusal rule, shared by every interface and answer mode."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from assistant.answer.config import RefusalPolicy
from assistant.answer.constraints import Constraints
from assistant.answer.residue import residue
from assistant.retrieval.answer_kinds import is_year
from assistant.retrieval.candidates import Candidate, leading
from assistant.retrieval.rewrite import asked_part
from newstext.terms import terms

# Questions about the asker's own life ("where did I park my car?") are never in a news collection; "me" as the one
# asked to be told or shown something ("Tell me about the Kinburn Spit") is not about the asker. "i" as typed in
# lower case is still the asker.
_PERSONAL = re.compile(r"\b(?:[Ii]|[Mm]y|mine|myself)\b|(?<![Tt]ell )(?<![Ss]how )(?<![Gg]ive )\bme\b")
# Nor is the asker the subject where they say how they came to ask ("I heard Prigozhin founded Wagner. Is that
# true?", "I was reading about Russia. Who founded Wagner?") or ask leave to ("Can I ask who ...?"): only the rest
# is read for a personal question.
_ASKER_READ = re.compile(
    r"\b(?:i|we)(?:'ve|’ve|\s+(?:have|had))?\s+(?:just\s+)?(?:heard|read|saw|seen|noticed|learned|learnt|was told"
    r"|were told|(?:was|were|been) (?:reading|hearing|following))\b"
    r"|\b(?:can|could|may) i ask\b|\b(?:do|should) i (?:need to )?know\b|\bi need to know\b",
    re.I,
)
# Nor is the asker one a story's news is for, asking what it means for them ("do i get a refund if mine got
# cancelled", "can i get a refund", "am i eligible", "i have one on my counter, what do i do"): a recall, a
# policy or an order tells them.
_AFFECTED = re.compile(
    r"(?<!how )\b(?:do|can|will|would|should|could) i (?:still )?(?:get|qualify|need|have to|be able to|keep|return"
    r"|use)\b|\bam i (?:eligible|covered|affected|owed|entitled)\b|\bwhat (?:do|should|can) i do\b"
    # and what to do to stay safe: "how do i keep my kids from catching the stomach bug"
    r"|\bhow (?:do|can|should) (?:i|we) (?:keep|protect|avoid|prevent|stay)\b"
    # and how or where to get what the story offers them: "how do i get the fix" (a recall's repair kit), "where can
    # i still pick up bottled water" (a city's distribution sites), "how do i apply for the grant"
    r"|\bhow (?:do|can|should) (?:i|we) (?:get|order|request|claim|apply|sign up|register) (?:for )?"
    r"(?:the|my|our|a|an|one)\b"
    r"|\bwhere (?:do|can|should|could) (?:i|we) (?:still )?(?:get|pick up|find|go|apply|sign up|drop off|take)\b",
    re.I,
)
# Nor are requests for a task rather than for facts: writing, translating, solving, how-to instructions.
_TASK = re.compile(
    r"^\s*(?:please\s+)?(?:write|compose|draft|translate|recommend|suggest|solve|calculate|compute|convert|create"
    r"|make me\b)|\b(?:tell|give) me (?:a|an|some)\b(?! (?:summary|overview|recap|rundown)\b)"
    r"|\bhow (?:do|can|should|would) (?:i|you|we|one)\b|\bhow to\b|\bwhat(?:'s|’s| is) the best way to\b"
    r"|\brecipes?\b|\bstep[- ]by[- ]step\b",
    re.I,
)

# Why an answer was refused (AnswerResponse.reason); each has its message in prompts/.
OFF_TOPIC = "off_topic"  # nothing in the collection is about this
NOT_STATED = "not_stated"  # the topic is covered, but no passage states the question's specifics
NO_ANSWER = "no_answer"  # related passages, but no sentence of them is likely to answer the question
OUT_OF_SCOPE = "out_of_scope"  # a personal question or a task request
LANGUAGE = "language"  # not asked in English
HELP = "help"  # a greeting or a question to the assistant itself (meta.to_assistant): how to ask
# The message of each reason: a template in prompts/ ({missing} lists what no passage states).
NO_KIND = "refusal_no_kind"  # no_answer's message when it can name the kind of answer no sentence gives
NO_RARE = "refusal_no_rare"  # no_answer's message when the best sentences are other stories' than the rare names'
NO_DEED = "refusal_no_deed"  # no_answer's message when the lead of a "Who <verb> …?" question states no such deed
MESSAGES = {
    OFF_TOPIC: "refusal", NOT_STATED: "refusal_not_stated", NO_ANSWER: "refusal_no_answer", OUT_OF_SCOPE: "refusal",
    LANGUAGE: "refusal_language", HELP: "help",
}


def message(reason: str, named: str = "", kind: str = "", deed: str = "") -> str:
    """The prompt that says why: a no_answer naming the rare names, the kind of answer or the deed none of the
    sentences gives, or the reason's own message."""
    return NO_RARE if named else NO_KIND if kind else NO_DEED if deed else MESSAGES.get(reason, "refusal")


@dataclass(frozen=True)
class Decision:
    """Whether to refuse, why, and which of the question's specifics no passage states."""

    refused: bool
    reason: str | None = None
    missing: list[str] = field(default_factory=list)


def article_support(chunks: list[Candidate]) -> list[float]:
    """The best cosine per article, highest first: how close the collection comes to the question."""
    best: dict[str, float] = {}
    for c in chunks:
        best[c.chunk.article_id] = max(best.get(c.chunk.article_id, -1.0), c.dense)
    return sorted(best.values(), reverse=True)


def out_of_scope(question: str) -> bool:
    """A personal question or a request for a task, which a news collection does not answer; of the user's own
    words (rewrite.asked_part): a follow-up carrying "mine" from "do i get a refund if mine got cancelled" asks
    nothing personal."""
    question = asked_part(question)
    if _AFFECTED.search(question):
        return False
    return bool(_PERSONAL.search(_ASKER_READ.sub(" ", question)) or _TASK.search(question))


def topic_score(chunks: list[Candidate], policy: RefusalPolicy = RefusalPolicy()) -> float:
    """How well the best top chunk covers the question: close in meaning, sharing its (rarer) terms, or both."""
    top = leading(chunks, policy.topic_chunks)
    return max((c.dense + policy.coverage_weight * c.features.get("coverage", 0.0) for c in top), default=0.0)


def decide(
    chunks: list[Candidate],
    question: str = "",
    policy: RefusalPolicy = RefusalPolicy(),
    answer: Callable[[], float | None] | None = None,
    closest_clause: Callable[[], float] | None = None,
    closest_sentence: Callable[[], float] | None = None,
    stated: Callable[[], bool] | None = None,
    told: Callable[[], bool] | None = None,
) -> Decision:
    """Answer when the topic is covered, the top chunks state every number, name, date and quoted phrase the
    question holds, and a sentence is likely to answer it (`answer` gives that probability, or None when no
    sentence is even about the question; asked only when the rest passes since it embeds sentences; None skips
    the test); otherwise say why not. A topic the top chunks miss is still covered when they state every name and
    quote of the question (if it has any) and either `closest_clause` (the best clause cosine of the top
    sentences, asked only then) reaches policy.min_clause_cosine, or `closest_sentence` (their best cosine as a
    whole) policy.min_sentence_topic, or `stated` (a top sentence states every term of a question of several:
    gate.states_question), or the question asks of nothing but those names (asks_of_names), or `told` (a follow-up
    the conversation's story tells of: Reading.story_tells)."""
    if not chunks:
        return Decision(True, OFF_TOPIC)
    if out_of_scope(question):
        best = max(c.dense for c in chunks)
        return Decision(best < policy.min_dense_out_of_scope, OUT_OF_SCOPE if best < policy.min_dense_out_of_scope
                        else None)  # fmt: skip
    wanted = Constraints.of(question)
    top = leading(chunks, policy.constraint_chunks)
    texts = [f"{c.article.title}\n{c.chunk.text}" for c in top]
    missing = _missing(question, wanted, texts) if policy.check_constraints else []
    if topic_score(chunks, policy) < (policy.min_topic if wanted else policy.min_topic_generic) and not _shown(
        question, wanted, missing, policy, closest_clause, closest_sentence, stated, told
    ):
        return Decision(True, OFF_TOPIC)
    if missing:
        return Decision(True, NOT_STATED, [wanted.label(m) for m in missing])
    if answer is not None:
        likely = answer()
        if likely is None:  # the passages matched on words, but no sentence of them is about the question...
            # ...though where they state every name it asks of, they are related reading, not another topic
            return Decision(True, NO_ANSWER if wanted.names else OFF_TOPIC)
        if likely < policy.min_answer:
            return Decision(True, NO_ANSWER)
    return Decision(False)


def _missing(question: str, wanted: Constraints, texts: list[str]) -> list[str]:
    """The question's specifics no text states; of the names a follow-up carries from the conversation, none when
    one is stated (they say which story, and the last answer's may be incidental: "Customs" of "U.S. Customs and
    Border Protection"), all of them when none is."""
    missing = wanted.missing(texts)
    carried = wanted.names - Constraints.of(asked_part(question)).names
    return [m for m in missing if m not in carried] if carried - set(missing) else missing


def _shown(
    question: str,
    wanted: Constraints,
    missing: list[str],
    policy: RefusalPolicy,
    closest_clause: Callable[[], float] | None,
    closest_sentence: Callable[[], float] | None = None,
    stated: Callable[[], bool] | None = None,
    told: Callable[[], bool] | None = None,
) -> bool:
    """A topic the top chunks' scores miss is shown after all where they state every name and quote of the question
    (a number may still be wrong) and a top sentence or its clause is close to it, or the question asks of nothing
    but its names; or where they state every specific and the question quotes a phrase or asks of nothing but its
    names and years ("What happened in 1979?"). A clause alone matches on a shared word ("last held in 2022" for a
    2022 FIFA World Cup question), hence the names; a question naming nothing has nothing to miss ("Which
    refineries were struck?")."""
    if set(missing) - wanted.numbers:
        return False
    if closest_clause is not None and closest_clause() >= policy.min_clause_cosine:
        return True  # and that clause's sentence now leads (reading.Reading.rescue)
    bar = policy.min_sentence_topic
    if closest_sentence is not None and bar is not None and closest_sentence() >= bar:
        return True
    if stated is not None and stated():
        return True  # "… health inspectors found mice droppings …" for "What did the inspectors find?" (0.12 apart)
    if told is not None and told():
        return True  # "was anyone killed" after the fire's latest telling: "No deaths were reported"
    if not policy.names_show_topic:
        return False
    return asks_of_names(question, wanted, policy) or (
        not missing and (bool(wanted.phrases) or asks_of_names(question, wanted, policy, years=True))
    )


def asks_of_names(
    question: str, wanted: Constraints, policy: RefusalPolicy = RefusalPolicy(), years: bool = False
) -> bool:
    """The question names something (or, with `years`, a year) and asks of it little more than what it is or what
    happened ("What happened in Kharkiv?", "What is the Wagner group?": fewer than policy.min_residue_terms content
    words beside the names and numbers), so they are its whole topic."""
    if not (wanted.names or (years and any(is_year(n) for n in wanted.numbers))):
        return False
    return len(terms(residue(question))) < policy.min_residue_terms


def should_refuse(chunks: list[Candidate], question: str = "", policy: RefusalPolicy = RefusalPolicy()) -> bool:
    """decide(), reduced to yes or no."""
    return decide(chunks, question, policy).refused
