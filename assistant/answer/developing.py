"""Rules for what a user asks after a story, often one told as it develops: its news is the opening of its telling
(of the newest, for an update), whether anyone did something is the sentence stating or denying it, and a follow-up
is not led by a sentence the user has read, however the ranker rates them or wherever they sit (leading.Leading
applies them)."""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from assistant.answer.forms import holds_all, sentence_words
from assistant.answer.name_ties import names_new
from assistant.answer.near import folded_words
from assistant.answer.ranking import Ranking
from assistant.answer.reasons import asks_why, gives_reason
from assistant.answer.sentences import Sentence
from assistant.answer.time_ties import asks_of_now, asks_update
from assistant.retrieval.answer_type import AnswerType, expected_type
from assistant.retrieval.candidates import Candidate, leading
from assistant.retrieval.counts import asks_count, counted_noun, counts_head
from assistant.retrieval.gazetteer import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from newstext.dates import parse_day

# A question asking for a story's news, which its lede tells: "what happened with the pruitt trial", "how did
# corvane do this quarter" (and "howd …", as shorthand.py writes it out), "how did the launch go".
_NEWS = re.compile(
    r"^\W*(?:what\s+(?:happened|is\s+happening|(?:'s|’s)\s+happening)\s+(?:to|with|at|in|on)\b"
    r"|how\s+did\s+.+\s+(?:do|go|fare)\b)",
    re.I,
)
_WHO = re.compile(r"^\W*who\b", re.I)
# A day's name is no one's: "Her resignation is effective Nov. 30." names no one filling in for her.
_DAYS = re.compile(r"\b(?:" + "|".join(sorted(MONTHS | WEEKDAYS | set(MONTH_ABBREVIATIONS))) + r")\b\.?")


def asks_news(question: str) -> bool:
    """The question asks for a story's news: an update (time_ties.asks_update), what happened to something, or how
    it did; not a kind of answer ("how did the stock do" asks how the shares moved, "how did the vote go" its
    tally: answer_type.expected_type)."""
    return (asks_update(question) or _NEWS.match(question) is not None) and expected_type(question) is None


class Developing(Ranking):
    """The moves for questions asked after a story, on one retrieval's ranking."""

    def _lede_leads(self) -> bool:
        """For a question asking for a story's news (asks_news), the sentence opening the lead's article, or for an
        update the newest telling's (_newest_telling), leads in the lead's place, from the passages or the top chunks
        beyond them, rated as likely, when it states the question's names (True when it moves): news opens with what
        is new ("Transportation Commissioner Raymond Thiel resigned Wednesday, …" for "any update on the bridge", not
        a repair plan further down; "A jury on Friday convicted …" for "what happened with the pruitt trial", not
        "Pruitt did not testify …")."""
        lead = self.scored[0][1]
        own = lead.candidate.chunk.article_id
        article = self._newest_telling(lead) if asks_update(self._stating.own_words) else own
        if (self._stating.headline(lead) and article == own) or not self.about(lead):
            return False  # it opens the newest telling already; or it is not about the question (the gate decides)

        def opens(s: Sentence) -> bool:
            return (
                s.candidate.chunk.article_id == article and bool(self._stating.headline(s))
                and self._stating.own_names_stated(s)
            )  # fmt: skip

        if not self._ranked_or_beyond(opens):
            return False
        self.news_lede = id(self.scored[0][1])  # about the question as the lead it displaced was (_also_about)
        return True

    def _newer_leads(self) -> bool:
        """For a question asking how a thing stands now (time_ties.asks_of_now) whose lead is from an older telling
        of the story than the newest among the policy.topic_chunks closest chunks, that telling's sentence stating
        what is asked (_tells_asked) leads, from the passages or the top chunks beyond them, rated as likely: "is the
        boil water advisory still on" after a break told on three days is "The boil-water advisory remains in
        effect, however." of the third, not the second day's widening; "how many ppl are under it rn" the third
        day's revised count. True when one leads."""
        lead = self.scored[0][1]
        if not asks_of_now(self._stating.own_words) or not self.about(lead):
            return False
        newest = self._newest_among(leading(self._retrieval.chunks, self._refusal.topic_chunks), lead)
        if newest == lead.candidate.chunk.article_id:
            return False

        def states(s: Sentence) -> bool:
            return s.candidate.chunk.article_id == newest and self._tells_asked(s)

        return self._ranked_or_beyond(states)

    def _ranked_or_beyond(self, ok: Callable[[Sentence], bool]) -> bool:
        """The first ranked sentence `ok` takes leads, rated as the lead it displaces, about the question or not (the
        rule chose it as the story's: its words are the story's); else the best one of any chunk retrieved beyond
        the passages, as other texts may fill the top chunks (_lead_beyond). True when one leads."""
        i = next((i for i, (_, s) in enumerate(self.scored) if ok(s)), None)
        if i is None:
            return self._lead_beyond(ok, chunks=len(self._retrieval.chunks))
        top = self.scored[0][0]
        self._lead_with(i)
        self._rate_lead(top)
        return True

    def _tells_asked(self, sentence: Sentence) -> bool:
        """The sentence holds a count of what is asked (counts_head) or a thing of the kind the question asks, or,
        for a question of no kind, every word the user asks beyond the names and the now, in one of its forms."""
        query = self._retrieval.query
        if asks_count(query):  # a count of what is asked: "24,100 residents" for "how many ppl", not a time's "2:15"
            return counts_head(sentence.text, counted_noun(query))
        kind = AnswerType.of(query)
        if kind.kind is not None:
            return kind.match(sentence.text) >= 1.0
        asked = [w for w in self.asking.asked if not asks_of_now(w)]  # "still", "now": when it is asked, not what
        return bool(asked) and holds_all(asked, sentence_words(sentence.text))

    def _newest_telling(self, lead: Sentence) -> str:
        """The id of the newest article among the top chunks whose best chunk is within policy.update_tie of the
        best's closeness to the question (the same story told later: "whats the latest on the fire" found the second
        day's passages and the third day's chunk as close), else the lead's."""
        top = leading(self._retrieval.chunks, self._refusal.constraint_chunks)
        bar = self._refusal.update_tie * max(c.dense for c in top)
        return self._newest_among([c for c in top if c.dense >= bar], lead)

    @staticmethod
    def _newest_among(chunks: list[Candidate], lead: Sentence) -> str:
        """The id of the newest article of the chunks, when it is newer than the lead's; else the lead's."""
        told = [(d, c.chunk.article_id) for c in chunks if (d := parse_day(c.article.date))]
        first = parse_day(lead.candidate.article.date)
        newest = max(told, default=None)
        return newest[1] if newest and first and newest[0] > first else lead.candidate.chunk.article_id

    def _unread_leads(self) -> bool:
        """For a follow-up whose lead repeats an answer's lead in the conversation (Retrieval.read_leads), which the
        user has read, the sentence of its article among the policy.topic_sentences best closest in meaning to the
        user's own words leads, rated as likely, when that is not the lead itself and is about the question: "what
        bacteria was it" after an outbreak's counts is answered by "… caused by E. coli O157:H7 …", not the counts'
        lede again, while "and how many were hospitalized" keeps the lede, which says so. True when one leads."""
        lead = self.scored[0][1]
        if " ".join(lead.text.split()) not in self._retrieval.read_leads or asks_why(self._retrieval.query):
            return False  # a "Why …?" is the reason rules' (leading._reason_leads)
        if self._answers_again(lead):
            return False
        article = lead.candidate.chunk.article_id
        best = self.scored[: self._refusal.topic_sentences]
        same = [i for i, (_, s) in enumerate(best) if s.candidate.chunk.article_id == article]
        vectors = self.cosines.embedded([self._stating.own_words, *(best[i][1].text for i in same)])
        closest = same[int(np.argmax(vectors[1:] @ vectors[0]))]
        sentence, own = self.scored[closest][1], self._stating.own_words
        unnamed = _WHO.match(own) is not None and not names_new(_DAYS.sub(" ", sentence.text), folded_words(own))
        if closest == 0 or not self.about(sentence) or unnamed:
            return False  # a "Who …?" is answered by a sentence naming someone
        top = self.scored[0][0]
        self.scored[:] = [self.scored[closest], *self.scored[:closest], *self.scored[closest + 1 :]]
        self._rate_lead(top)
        return True

    def _answers_again(self, lead: Sentence) -> bool:
        """The repeated lead may answer the follow-up too: it holds a thing of the kind asked ("when did they close
        it": "… on Monday afternoon") or every word the user asks beyond the names, in one of its forms ("whats the
        cap": "… voted 6-3 … to cap annual rent increases at 5 percent")."""
        if gives_reason(self._retrieval.query, lead.text):
            return True  # "whats the problem with them": "… the folding hinge can collapse unexpectedly …" again
        kind = AnswerType.of(self._retrieval.query)  # as the gate reads the kind (typed.py)
        if kind.kind is not None and kind.match(lead.text) >= 1.0:
            return True
        asked = self.asking.asked
        return bool(asked) and holds_all(asked, sentence_words(lead.text))

    def _whether_leads(self) -> bool:
        """For a question asking whether anyone did something (Doing.whether), the first sentence stating or denying
        it in the best chunk's article (_does_deed), however far down, leads; else the best such sentence of the top
        chunks beyond the passages, of that article or of the one the conversation last quoted (a story told over
        days: "was anyone killed" after the fire's latest telling, "No deaths were reported" in its third-day
        article), rated as likely as the lead it displaces. A short denial ("No deaths have been reported.") is one
        the ranker rates low, and often sits outside the passages. True when one leads."""
        top = self.scored[0][0]
        if self._first_leads(self._does_deed, 1, len(self.scored)):
            self._rate_lead(top)
            return True
        articles = {self._best_article, self._story.article}
        return self._lead_beyond(
            lambda s: s.candidate.chunk.article_id in articles and self._doing.tells_whether(s)
            and not self._stating.own.missing([s.text])
        )  # fmt: skip

