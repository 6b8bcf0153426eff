"""A follow-up's story: the conversation's words and the article its last answer quoted say which story the question
asks of, so the lead and its support come from that story, not from another that shares a few of its words ("What
was the vote?" after the assault weapons ban, which a TikTok bill's vote would answer too)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property

from assistant.answer.asked import how_measures
from assistant.answer.sentences import Sentence
from assistant.answer.stating import Stating
from assistant.retrieval.gazetteer import MONTHS, WEEKDAYS
from assistant.retrieval.pipeline import Retrieval
from assistant.retrieval.rerank import coverage
from newstext.terms import readings, terms, without_possessive

_CALENDAR = WEEKDAYS | MONTHS


# A name as a story text writes it: a capitalised word inside a sentence (not opening it), no day's or month's.
_INNER_NAME = re.compile(r"(?<=[\w,;:] )[A-Z][\w’'-]{2,}")


# ... and in a headline, where any word may open
_TITLE_NAME = re.compile(r"\b[A-Z][\w’'-]{2,}")


def _names(text: str, pattern: re.Pattern[str] = _INNER_NAME) -> set[str]:
    """The names a text writes inside its sentences that no dictionary knows ("Vasko", "Ridgeline", not "Mayor" or
    "City", which two stories share), lower case, without days and months."""
    found = (m.group(0) for m in pattern.finditer(text) if m.group(0) not in _CALENDAR)
    return {w for name in found if not readings(w := without_possessive(name).lower())}


class Story:
    """One retrieval's sentences against the conversation's story (nothing for a question asked alone)."""

    def __init__(self, retrieval: Retrieval, stating: Stating, share: float) -> None:
        self._retrieval, self._stating, self._share = retrieval, stating, share
        self._terms: dict[str, set[str]] = {}  # the terms of each story text read (told and own read the same)
        self._names: dict[tuple[str, str], set[str]] = {}  # each chunk's and title's names read (shares_names)

    @cached_property
    def _carried_idf(self) -> dict[str, float]:
        """The query's idf of the terms the conversation's words add to a follow-up; {} for a question asked alone."""
        own = self._stating.own_words
        if own == self._retrieval.query:
            return {}
        mine = set(terms(own))
        return {t: w for t, w in self._retrieval.query_idf.items() if t not in mine}

    @cached_property
    def _own_idf(self) -> dict[str, float]:
        """The query's idf of the terms of the user's own words, less the measure a "how" asks ("How old …?")."""
        own = self._stating.own_words
        mine = set(terms(own)) - set(terms(" ".join(how_measures(own))))
        return {t: w for t, w in self._retrieval.query_idf.items() if t in mine}

    @property
    def follows(self) -> bool:
        """A follow-up: the conversation's words say which story it asks of."""
        return bool(self._carried_idf)

    @cached_property
    def article(self) -> str:
        """The id of the article the conversation last quoted: the top chunk holding the last answer's lead
        (Retrieval.previous_lead); "" when none does or the question is asked alone."""
        lead = " ".join(self._retrieval.previous_lead.split())
        if not lead:
            return ""
        found = (c for c in self._retrieval.chunks if lead in " ".join(c.chunk.text.split()))
        return next((c.chunk.article_id for c in found), "")

    @cached_property
    def asks_after(self) -> bool:
        """A follow-up asking after something the last answer's lead told of, whose article the retrieval holds:
        "How much is the deal worth?" after "A new deal with Azerbaijan's drone maker Baykar …" asks of that story,
        whose article covers the deal if not its worth."""
        lead = set(terms(self._retrieval.previous_lead))
        return self.follows and bool(self.article) and bool(set(terms(self._stating.own_words)) & lead)

    def in_article(self, sentence: Sentence) -> bool:
        """A follow-up, and the sentence is of the article the conversation last quoted."""
        return self.follows and bool(self.article) and sentence.candidate.chunk.article_id == self.article

    def of_story(self, sentence: Sentence) -> bool:
        """A follow-up asking nothing but a kind of answer ("For how long?", "How many?": no words of its own beyond
        the measure), and the sentence is of the article the conversation last quoted: it is about what is asked
        however far its words sit from the question's ("The ban is to last five years." after the FTC's ban on
        Rite Aid)."""
        return not self._own_idf and self.in_article(sentence)

    def told(self, sentence: Sentence) -> float:
        """The idf-weighted share of the conversation's terms the sentence's story text (its chunk and article)
        holds: how much of the conversation's story it tells ("What was the vote? (assault weapons ban House
        passed)": a TikTok bill's vote holds ban, House and passed, not assault weapons); 1.0 asked alone."""
        return coverage(self._carried_idf, self._story_terms(sentence)) if self._carried_idf else 1.0

    def own(self, sentence: Sentence) -> float:
        """The idf-weighted share of the user's own terms (_own_idf) its story text holds; 0.0 when they have none."""
        return coverage(self._own_idf, self._story_terms(sentence)) if self._own_idf else 0.0

    def _story_terms(self, sentence: Sentence) -> set[str]:
        """The terms of the sentence's story text (Stating.story_text), read once per text."""
        text = self._stating.story_text(sentence)
        if text not in self._terms:
            self._terms[text] = set(terms(text))
        return self._terms[text]

    def shares_names(self, lead: Sentence, sentence: Sentence) -> bool:
        """The sentence's story text (its chunk and title) writes a name the lead's does: the same story, told in
        another article (a day later, or by another outlet), where another story's sentence sharing the question's
        common words names none ("City Manager Oren Falkenrath said a preliminary investigation had concluded …"
        after a mayor's investigation)."""
        return bool(self._names_of(lead) & self._names_of(sentence))

    def _names_of(self, sentence: Sentence) -> set[str]:
        """The names of the sentence's chunk (_names) and of its article's title, where any word may open; read once
        per text, as the lead's is asked of every support."""
        text, title = self._stating.chunk_text(sentence), sentence.candidate.article.title or ""
        if (text, title) not in self._names:
            self._names[text, title] = _names(text) | _names(title, _TITLE_NAME)
        return self._names[text, title]

    def own_tie(self, scored: list[tuple[float, Sentence]], tie: float) -> int:
        """For a follow-up, the index of the sentence, among those of the first's article at least `tie` as likely,
        that itself holds most of the user's own words (idf-weighted), the first on a tie: the conversation's words
        say which story, the user's which of its sentences ("Which rail junctions were hit?" after the July 23 drone
        strike: "… recent hits on rail junctions in Kamensk-Shakhtinsky …", not the strike's Rostov sentence). 0
        for a question asked alone or with no words of its own."""
        if not scored or not self.follows or not self._own_idf:
            return 0
        article = scored[0][1].candidate.chunk.article_id
        near = [
            i for i, (p, s) in enumerate(scored) if p >= tie * scored[0][0] and s.candidate.chunk.article_id == article
        ]
        said = [coverage(self._own_idf, set(terms(scored[i][1].text))) for i in near]
        return near[said.index(max(said))]

    def names_own(self, sentence: Sentence) -> bool:
        """For a follow-up naming something of its own ("What about Sunday?"), whether the sentence itself states each
        such name, number and quoted phrase; True for a question asked alone or naming nothing."""
        own = self._stating.own
        return not self.follows or not own or not own.missing([sentence.text])

    def leads_instead(self, lead: Sentence) -> Callable[[Sentence], bool] | None:
        """Which sentence may lead in place of a follow-up's lead: one of the article the conversation last quoted
        (`article`), when the lead's tells much less of the conversation's story (share of its told): "What was the
        vote? (assault weapons ban House passed)" led with a TikTok bill's vote. A lead from another article telling
        about as much stays: the same story, reported twice. The story never outweighs the user's own words, when
        its article tells fewer of them than the lead's: "Which refineries were struck?" after "Who founded
        Wagner?" asks of refineries. None without such an article, or when the lead is of it."""
        story = self.article
        if not story or lead.candidate.chunk.article_id == story:
            return None
        told, own = self.told(lead), self.own(lead)
        return lambda s: (
            s.candidate.chunk.article_id == story and told < self._share * self.told(s) and self.own(s) >= own
        )

    def supports(self, scored: list[tuple[float, Sentence]]) -> list[tuple[float, Sentence]]:
        """For a follow-up, the lead and the sentences telling at least share of as much of the conversation's story
        as it does ("What was the vote?" on the assault weapons ban was supported by a TikTok bill's vote); all of
        them otherwise."""
        if not scored or not self.follows:
            return scored
        bar = self._share * self.told(scored[0][1])
        return [scored[0], *((p, s) for p, s in scored[1:] if self.told(s) >= bar)]
