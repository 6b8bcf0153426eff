"""One retrieval's sentences ranked once, each sentence and its clauses embedded at most once however many checks ask;
what makes a sentence about the question or fit to support the lead; and the moves a rule makes on the ranking
(leading.py holds the rules)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property

import numpy as np

from assistant.answer.asking import Asking
from assistant.answer.config import AnswerPolicy, RefusalPolicy
from assistant.answer.cosines import Cosines
from assistant.answer.doing import Doing
from assistant.answer.gate import about, about_first, asks_kind_of_names, states_names_and_kind
from assistant.answer.lead import best_elsewhere, ranked_sentences
from assistant.answer.rare_story import RareStory
from assistant.answer.sentences import Sentence
from assistant.answer.stating import Stating
from assistant.answer.story import Story
from assistant.answer.topic import Topic
from assistant.answer.typed import asks_next, to_come
from assistant.retrieval.pipeline import Retrieval
from index.embedding import Embedder


class Ranking:
    """One retrieval's sentences, ranked when a check first asks (ranking embeds the best of them); every text a
    check reads embedded at most once, whichever check asks first; what makes a sentence about the question; and the
    moves a rule makes (a sentence leads, rated as the lead it displaced)."""

    news_lede = 0  # the id of the lede developing.Developing._lede_leads moved up (about the question), if any

    def __init__(
        self,
        retrieval: Retrieval,
        embedder: Embedder,
        policy: AnswerPolicy = AnswerPolicy(),
        refusal: RefusalPolicy = RefusalPolicy(),
        article_text: Callable[[str], str | None] | None = None,
    ) -> None:
        self._retrieval, self._embedder, self._policy, self._refusal = retrieval, embedder, policy, refusal
        self.cosines = Cosines(retrieval.query, retrieval.query_vector, embedder, refusal)
        self.clause_cosine, self.residue_cosine = self.cosines.clause, self.cosines.residue
        self._stating = Stating(retrieval, article_text)  # what the top chunks state of the question's names
        self._story = Story(retrieval, self._stating, policy.story_share)  # a follow-up's: the conversation's
        # what it asks beyond them
        self.asking = Asking(
            retrieval.query, self._stating.own_words, retrieval.query_vector, refusal, self.cosines.embedded,
            self._stating.headline,
        )
        self._doing = Doing(self.asking, self._stating, refusal.lead_tie)  # a "Who <verb> …?" question's doer
        self.rare_refused = ""  # the rare names answering() read no answer for (unheld_rare), as the question has them
        self.led = False  # whether the lead rules (leading.Leading._answering_first) have run: once per reading

    @cached_property
    def scored(self) -> list[tuple[float, Sentence]]:
        """The sentences with their probabilities, best first (a near tie about the question before one that is not)."""
        also = [self.cosines.asked] if self.cosines.asked else []
        by_id: dict[int | str, np.ndarray] = {}
        ranked = ranked_sentences(self._retrieval, self._embedder, self._policy, vectors=by_id, also=also)
        self.cosines.remember({s.text: by_id[id(s)] for _, s in ranked if id(s) in by_id})
        self.cosines.remember({t: by_id[t] for t in also if t in by_id})
        return about_first(ranked, self._refusal, self.clause_cosine)

    def supports(self, sentence: Sentence) -> bool:
        """A sentence from another article than the lead's may support it: about the question, and of the story the
        question's rare names tell when it has any (_support_story: "How many people died in Isaias?" went on with
        another disaster's "Authorities say 33 people have died …"); for a question naming nothing, nor carrying a
        name from the conversation, holding every word of its short rest the lead holds (Asking.states_as_much: "When
        did the bridge close?" is not supported by "The Main Street library will close on Sept. 3")."""
        named = bool(self._stating.wanted.names) or not self.asking.short_rest or not self.scored
        held = named or self.asking.states_as_much(self.scored[0][1], sentence)
        return (
            self.about(sentence) and self._support_story.tells(sentence) and held and self.topic.tells(sentence)
            and self._of_lead_story(sentence)
        )  # fmt: skip

    def _of_lead_story(self, sentence: Sentence) -> bool:
        """Asked of no name in a conversation, which has a story, the question's words are common to many stories:
        a support tells the lead's, naming one of its names (Story.shares_names: "… a preliminary investigation had
        concluded that Ridgeline Boring Co. caused the break" followed a mayor's investigation); any other question
        passes."""
        if self._stating.wanted.names or not self.scored or not self._retrieval.in_conversation:
            return True
        return self._story.shares_names(self.scored[0][1], sentence)

    def about(self, sentence: Sentence) -> bool:
        """gate.about, with this question's clause cosines and what else makes a sentence about it (_also_about)."""
        return about(sentence, self._refusal, self.clause_cosine, self._also_about)

    def _also_about(self, sentence: Sentence) -> bool:
        """The sentence names the doer the question asks for (Doing) or the holder of the role it asks of a name
        (Asking.holds_role; in a chunk naming it, of a thing the sentence does not name: "Chief executive Priya Nair
        said …"), or, for a follow-up asking only a kind ("For how long?"), is of the article the conversation last
        quoted (Story.of_story), or, for a question asking a kind of its names alone, states them
        with a thing of that kind (gate.names_and_kind: "Callery, 62, spoke …" for "How old is Callery?"), or is a
        list's line under the label the question asks after (_labelled), or counts the asked noun in the chunk of
        the rare names (RareStory.counts_in), or, for a follow-up, is of the article the conversation last quoted
        and says what the user's own words ask (Asking.says_own: the conversation's words pull the question away from
        "… asked for donations to the library" for "What should people donate to?"), or, for "What will … do
        next?", tells a time to come in the best chunk's article and states every name the user asks of
        (_tells_next: "The city attorney said Riverton would ask the full court to rehear the case")."""
        return (
            self._doing.names_doer(sentence) or self.asking.holds_role(sentence) or self._story.of_story(sentence)
            or self._tells_next(sentence)
            or (self._story.in_article(sentence) and self.asking.says_own(sentence)) or self._does_deed(sentence)
            or (self.asking.holds_role_unnamed(sentence) and self._stating.own_names_stated(sentence))
            or (states_names_and_kind(sentence) and self._kind_of_names) or self._labelled(sentence)
            or self._rare_story.counts_in(sentence) or id(sentence) == self.news_lede
        )  # fmt: skip

    def _tells_next(self, sentence: Sentence) -> bool:
        """For "What will … do next?" (typed.asks_next), the sentence tells a time to come (typed.to_come) in the best
        chunk's article, stating every name the user asks of."""
        return (
            self._asks_next and sentence.candidate.chunk.article_id == self._best_article and to_come(sentence.text)
            and not self._stating.own.missing([self._stating.chunk_text(sentence)])
        )  # fmt: skip

    @cached_property
    def _best_article(self) -> str:
        """The article of the best chunk ("" when none), read once for every sentence the rules ask of it."""
        return self._retrieval.chunks[0].chunk.article_id if self._retrieval.chunks else ""

    @cached_property
    def _asks_next(self) -> bool:
        """The question asks what someone will do next (typed.asks_next), read once."""
        return asks_next(self._retrieval.query)

    def _does_deed(self, sentence: Sentence) -> bool:
        """Of the best chunk's article and stating every name the user asks of, the sentence says who did the
        deed a "Who <verb> …?" question asks (Deed.done_by_new: "Jurors found that Officer Daniel Reyes drove
        recklessly …" for "Who was driving the police car?", far from it in meaning; not "a Turkish policeman killed
        the Russian ambassador" for "Who killed Prigozhin?"; who holds a post in the place of the one named need not
        name them: Deed.in_place), or whether anyone did what a "Has anyone <verb> …?"
        question asks (Doing.tells_whether: "… no deaths have been reported" for "Has anyone died of measles?")."""
        return (
            sentence.candidate.chunk.article_id == self._best_article
            and (self.asking.deed.done_by_new(sentence) or self._doing.tells_whether(sentence))
            and (self.asking.deed.in_place or not self._stating.own.missing([sentence.text]))
        )  # fmt: skip

    @cached_property
    def _kind_of_names(self) -> bool:
        """The question asks a kind of answer of its names alone (gate.asks_kind_of_names), read once."""
        return asks_kind_of_names(self._retrieval.query)

    def _labelled(self, sentence: Sentence) -> bool:
        """A list's line under the asked label, in a chunk telling the asked deed (Asking.labelled)."""
        return self.asking.labelled(sentence, self._stating.chunk_text(sentence))

    def _rate_lead(self, top: float) -> None:
        """The lead is rated at least `top`, the probability of the lead it displaced: a rule that knows it answers
        keeps the gate from refusing it for the ranker's low rating."""
        self.scored[0] = (max(top, self.scored[0][0]), self.scored[0][1])

    @cached_property
    def _rare_story(self) -> RareStory:
        """The question's rare names (rare_names.py; none when the test is off) and the sentences of their story."""
        return RareStory.of(self._stating, self._retrieval, self._refusal.rare_name_share)

    @cached_property
    def topic(self) -> Topic:
        """The nouns a question naming nothing asks about, against the sentences' articles (topic.py; none when the
        test is off)."""
        return Topic(self._stating if self._refusal.topic_nouns else None)

    @cached_property
    def _support_story(self) -> RareStory:
        """The story support from another article must tell: the rare names', and in a collection too small for their
        share, the names one chunk holds ("Elm" of "the Elm Street bridge" among three articles)."""
        one_chunk = self._retrieval.one_chunk_idf
        return RareStory.of(self._stating, self._retrieval, self._refusal.rare_name_share, one_chunk)

    def _first_leads(self, ok: Callable[[Sentence], bool], start: int = 0, reach: int | None = None) -> bool:
        """The first of the best (policy.topic_sentences, or `reach`) from `start` that is `ok`, and about the
        question unless it leads already, leads; True when one does (nothing moves when none is)."""
        for i, (_, s) in enumerate(self.scored[start : reach or self._refusal.topic_sentences], start=start):
            if ok(s) and (i == 0 or self.about(s)):
                self._lead_with(i)
                return True
        return False

    def _story_first(self, tells: Callable[[str], bool], reach: int | None = None) -> None:
        """The lead stays when its story's text `tells` the story asked about; else the first sentence that does."""
        self._first_leads(lambda s: tells(self._stating.story_text(s)), reach=reach)

    def _lead_beyond(
        self, keep: Callable[[Sentence], bool], about: Callable[[Sentence], bool] | None = None, chunks: int = 0
    ) -> bool:
        """The best sentence of the top `chunks` chunks (policy.constraint_chunks by default) beyond the returned
        passages that `keep` takes, and `about` when given (lead.best_elsewhere), leads, rated at least as likely as
        the lead it displaces; True when one does."""
        found = best_elsewhere(
            self._retrieval, chunks or self._refusal.constraint_chunks, self._policy.max_sentence_words,
            {s.text for _, s in self.scored}, self.cosines.embedded, about or (lambda _: True), keep,
        )  # fmt: skip
        if found is not None:
            self.scored.insert(0, (max(found[0], self.scored[0][0]), found[1]))
        return found is not None

    def _lead_with(self, i: int) -> None:
        """The i-th ranked sentence leads; the order of the others stays."""
        if i:
            self.scored[:] = [self.scored[i], *self.scored[:i], *self.scored[i + 1 :]]

    @property
    def _typed_names(self) -> Callable[[Sentence], bool] | None:
        """names_stated, where a sentence holding the asked kind must sit in a chunk naming the question's names, or
        be of the story a follow-up asking only a kind asks of (Story.of_story: its carried names may be incidental,
        "Tuesday" of the last answer's "… said Tuesday"); for a question naming nothing, in an article writing a noun
        it asks about (topic.py)."""
        if not self._refusal.typed_names:
            return None
        return lambda s: (self._stating.names_stated(s) or self._story.of_story(s)) and self.topic.tells(s)

