"""Questions about the collection itself ("What are the articles about?", "How many articles are there?"): no
passage answers them, so the store does, with how many articles there are and how the newest begin, each opening
cited like any quote.

Retrieval would match such a question on the word "articles" and refuse it as off-topic, suggesting the user add
articles to a collection that has them.
"""

from __future__ import annotations

import re

from assistant.answer.extractive import answer_like, statement_head
from assistant.retrieval.rewrite import unframe
from assistant.schemas import Citation
from index.stores.protocol import Store
from newstext.sentences import sentence_spans

# The collection as a question names it: "the articles", "these stories", "my collection", "your sources".
_SUBJECT = (
    r"(?:(?:all )?(?:the|these|those|my|your|our) )?(?:news )?"
    r"(?:articles?|stories|collection|documents?|sources|texts?|news)"
)
_COUNTED = r"(?:articles?|stories|documents?|texts?)"
# Whole questions (lower case, without closing punctuation) about the collection, not about what it reports.
_ABOUT_COLLECTION = re.compile(
    r"(?:(?:can|could|would|will) you (?:please )?)?(?:please,? )?(?:"
    r"(?:what|which)(?: is| are| were|'s|’s)(?: in)? " + _SUBJECT + r"(?: about| on| covering)?"
    r"|what (?:(?:topics|subjects|stories|events|news) )?(?:do|does|did) " + _SUBJECT
    + r" (?:cover|discuss|contain|hold)"
    r"|(?:what|which) (?:topics|subjects) (?:are|were) covered"
    r"|(?:summari[sz]e|sum up|recap|describe|list|give (?:me )?(?:a |an )?(?:summary|overview|rundown|recap) of"
    r"|(?:a |an )?(?:summary|overview|rundown|recap) of|(?:tell me )?about) " + _SUBJECT +
    r"|who (?:wrote|writes|published|authored) " + _SUBJECT + r"|who are the authors(?: of " + _SUBJECT + r")?"
    r"|when (?:were|was|are|is) " + _SUBJECT + r" (?:published|written|from|dated)"
    r"|how (?:old|recent|new) (?:are|is) " + _SUBJECT +
    r"|(?:where|which sources?) (?:are|is|do|does) " + _SUBJECT + r" (?:from|come from)"
    r"|how many " + _COUNTED + r"(?: (?:are|is) there| do (?:you|i|we) have| (?:are|is) in " + _SUBJECT +
    r"| (?:does|do) " + _SUBJECT + r" (?:have|hold|contain))?"
    r")"
)


def about_collection(question: str) -> bool:
    """The whole question, as typed or without a request around it (rewrite.unframe: "Please, what are the
    articles about?"), asks what the collection holds, not what its articles report."""
    return any(
        _ABOUT_COLLECTION.fullmatch(re.sub(r"[\s?.!]+$", "", " ".join(q.lower().split()))) is not None
        for q in (question, unframe(question))
    )


def openings(store: Store, count: int, max_words: int) -> list[Citation]:
    """The first statement (extractive.answer_like; a standfirst's statement before its question) of each of the
    newest `count` articles, cited at its exact offsets."""
    out: list[Citation] = []
    for article in store.list_articles(0, count):
        text = store.get_text(article.id) or ""
        sentences = ((a, statement_head(text[a:b]) or text[a:b]) for a, b in sentence_spans(text))
        first = next(((a, s) for a, s in sentences if answer_like(s, max_words)), None)
        if first is None:
            continue
        a, sentence = first
        out.append(Citation(
            n=len(out) + 1, article_id=article.id, title=article.title, url=article.url, date=article.date,
            quote=sentence, start=a, end=a + len(sentence), score=0.0,
        ))  # fmt: skip
    return out
