"""Questions that are not about the news: about the collection itself ("What are the articles about?", "How many
articles are there?"), answered from the store with how many articles there are and how the newest begin, each
opening cited like any quote; and words to the assistant itself ("Hello", "What can you do?"), answered with how
to ask.

Retrieval would match either on a word or two and refuse it as off-topic, suggesting the user add articles to a
collection that has them.
"""

from __future__ import annotations

import re
from pathlib import Path

from assistant.answer.config import AnswerSettings
from assistant.answer.extractive import answer_like, stated
from assistant.answer.prompts import load_prompt
from assistant.answer.refusal import HELP, MESSAGES, OFF_TOPIC
from assistant.retrieval.framing import unframe
from assistant.schemas import AnswerResponse, Citation
from index.stores.protocol import Store
from newstext.sentences import sentence_spans

# The collection as a question names it: "the articles", "these stories", "my collection", "your sources".
_SUBJECT = (
    r"(?:(?:all )?(?:the|these|those|my|your|our) )?(?:news )?"
    r"(?:articles?|stories|collection|documents?|sources|texts?|news)"
)
_COUNTED = r"(?:articles?|stories|documents?|texts?)"
# Whole questions (lower case, without closing punctuation) about the collection, not about what it reports; <S>
# is the collection as _SUBJECT names it.
_COLLECTION_QUESTIONS = (
    r"(?:what|which)(?: is| are| were|'s|’s)(?: in)? <S>(?: about| on| covering)?",  # what are the articles about
    r"what (?:(?:topics|subjects|stories|events|news) )?(?:do|does|did) <S> (?:cover|discuss|contain|hold)",
    r"(?:what|which) (?:topics|subjects) (?:are|were) covered",
    r"(?:summari[sz]e|sum up|recap|describe|list|(?:tell me )?about) <S>",
    r"(?:give (?:me )?)?(?:a |an )?(?:summary|overview|rundown|recap) of <S>",
    r"(?:give (?:me )?|what are )?(?:the )?(?:main |key |top )?(?:highlights|headlines|points|takeaways|stories)"
    r" (?:of|in|from) <S>",
    # what is new: the newest articles' openings answer it ("What is the latest news?", "What's new?")
    r"(?:what(?: is| are|'s|’s) )?(?:the )?(?:latest|newest|most recent|recent) (?:news|headlines|stories|articles)"
    r"(?: (?:in|from) <S>)?",
    r"what(?:'s|’s| is) (?:new|the latest)(?: in <S>)?",
    r"who (?:wrote|writes|published|authored) <S>",
    r"who are the authors(?: of <S>)?",
    r"when (?:were|was|are|is) <S> (?:published|written|from|dated)",
    r"how (?:old|recent|new) (?:are|is) <S>",
    r"(?:where|which sources?) (?:are|is|do|does) <S> (?:from|come from)",
    r"how many " + _COUNTED + r"(?: (?:are|is) there| do (?:you|i|we) have| (?:are|is) in <S>| (?:does|do) <S>"
    r" (?:have|hold|contain))?",
)
_ABOUT_COLLECTION = re.compile(
    r"(?:(?:can|could|would|will) you (?:please )?)?(?:please,? )?(?:"
    + "|".join(q.replace("<S>", _SUBJECT) for q in _COLLECTION_QUESTIONS)
    + ")"
)


# Whole messages (lower case, without closing punctuation) to the assistant rather than about the news.
_TO_ASSISTANT = re.compile(
    r"(?:(?:hi|hello|hey|good (?:morning|afternoon|evening))(?: there)?|thanks|thank you|help|\?"
    r"|who are you|what are you|what can you do|what do you do|how (?:does|do) (?:this|it|you) work"
    r"|how (?:do|can|should) i use (?:this|you|it)|what (?:should|can|could) i ask(?: you)?)"
)


def _asked(question: str) -> str:
    """Lower case, single spaces, no closing punctuation: what the patterns match whole."""
    return re.sub(r"[\s?.!]+$", "", " ".join(question.lower().split())) or question.strip()


def to_assistant(question: str) -> bool:
    """A greeting, thanks or a question about the assistant itself, not about the news."""
    return _TO_ASSISTANT.fullmatch(re.sub(r"[\s,!]+", " ", _asked(question)).strip()) is not None


def about_collection(question: str) -> bool:
    """The whole question, as typed or without a request around it (framing.unframe: "Please, what are the
    articles about?"), asks what the collection holds, not what its articles report."""
    return any(_ABOUT_COLLECTION.fullmatch(_asked(q)) is not None for q in (question, unframe(question)))


def openings(store: Store, count: int, max_words: int) -> list[Citation]:
    """The first statement (extractive.answer_like; a standfirst's statement before its question) of each of the
    newest `count` articles, cited at its exact offsets."""
    out: list[Citation] = []
    for article in store.list_articles(0, count):
        text = store.get_text(article.id) or ""
        sentences = ((a, stated(text[a:b])) for a, b in sentence_spans(text))
        first = next(((a, s) for a, s in sentences if answer_like(s, max_words)), None)
        if first is None:
            continue
        a, sentence = first
        out.append(Citation(
            n=len(out) + 1, article_id=article.id, title=article.title, url=article.url, date=article.date,
            quote=sentence, start=a, end=a + len(sentence), score=0.0,
        ))  # fmt: skip
    return out


def about_itself(question: str, store: Store, knobs: AnswerSettings, prompts_dir: Path) -> AnswerResponse | None:
    """A message to the assistant (to_assistant): how to ask. A question about the collection (about_collection):
    how many articles it holds and how the newest knobs.overview_articles begin, cited. None for any other
    question: it is about the news."""
    if not (to_assistant(question) or about_collection(question)):
        return None
    count = store.counts()[0]
    articles = f"{count} article{'s' if count != 1 else ''}"
    if to_assistant(question):
        text = load_prompt(prompts_dir, MESSAGES[HELP]).format(articles=articles)
        return AnswerResponse(answer=text, refused=True, reason=HELP, query=question)
    citations = openings(store, knobs.overview_articles, knobs.lead.max_sentence_words)
    if not count or not citations:
        empty = load_prompt(prompts_dir, "collection_empty")
        return AnswerResponse(answer=empty, refused=True, reason=OFF_TOPIC, query=question)
    which = ("It" if count == 1 else "They") if len(citations) == count else f"The newest {len(citations)}"
    head = load_prompt(prompts_dir, "collection_overview").format(articles=articles, which=which)
    quote = load_prompt(prompts_dir, "extractive_sentence")
    answer = " ".join([head, *(quote.format(sentence=c.quote, n=c.n) for c in citations)])
    return AnswerResponse(answer=answer, refused=False, citations=citations, query=question)
