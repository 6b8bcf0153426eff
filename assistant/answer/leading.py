"""Which of one retrieval's sentences leads: ranked once, each sentence and its clauses embedded at most once,
however many checks ask, and the sentence that leads moved up when a rule finds a better one (near ties, the story
asked about, what the question asks of its names)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property, partial

import numpy as np

from assistant.answer.asking import Asking
from assistant.answer.config import AnswerPolicy, RefusalPolicy
from assistant.answer.cosines import Cosines
from assistant.answer.doing import Doing
from assistant.answer.gate import about, about_first, asks_kind_of_names, keeps_story, states_names_and_kind
from assistant.answer.lead import best_elsewhere, ranked_sentences
from assistant.answer.rare_story import RareStory
from assistant.answer.refusal import asks_of_names
from assistant.answer.sentences import Sentence, follows
from assistant.answer.stating import Stating
from assistant.answer.story import Story
from assistant.answer.ties import break_ties, gives_reason
from assistant.answer.topic import Topic
from assistant.retrieval.pipeline import Retrieval
from index.embedding import Embedder


class Leading:
    """One retrieval's sentences, ranked when a check first asks (ranking embeds the best of them); every text a
    check reads embedded at most once, whichever check asks first; and the rules that say which leads."""

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
        return self.about(sentence) and self._support_story.tells(sentence) and held and self.topic.tells(sentence)

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
        "… asked for donations to the library" for "What should people donate to?")."""
        return (
            self._doing.names_doer(sentence) or self.asking.holds_role(sentence) or self._story.of_story(sentence)
            or (self._story.in_article(sentence) and self.asking.says_own(sentence)) or self._does_deed(sentence)
            or (self.asking.holds_role_unnamed(sentence) and self._stating.own_names_stated(sentence))
            or (states_names_and_kind(sentence) and self._kind_of_names) or self._labelled(sentence)
            or self._rare_story.counts_in(sentence)
        )  # fmt: skip

    def _does_deed(self, sentence: Sentence) -> bool:
        """Of the best chunk's article and stating every name the user asks of, the sentence says who did the
        deed a "Who <verb> …?" question asks (Asking.does_deed: "Jurors found that Officer Daniel Reyes drove
        recklessly …" for "Who was driving the police car?", far from it in meaning; not "a Turkish policeman killed
        the Russian ambassador" for "Who killed Prigozhin?"), or whether anyone did what a "Has anyone <verb> …?"
        question asks (Doing.tells_whether: "… no deaths have been reported" for "Has anyone died of measles?")."""
        best = self._retrieval.chunks[0].chunk.article_id if self._retrieval.chunks else ""
        return (
            sentence.candidate.chunk.article_id == best
            and (self.asking.does_deed(sentence) or self._doing.tells_whether(sentence))
            and not self._stating.own.missing([sentence.text])
        )  # fmt: skip

    @cached_property
    def _kind_of_names(self) -> bool:
        """The question asks a kind of answer of its names alone (gate.asks_kind_of_names), read once."""
        return asks_kind_of_names(self._retrieval.query)

    def _labelled(self, sentence: Sentence) -> bool:
        """A list's line under the asked label, in a chunk telling the asked deed (Asking.labelled)."""
        return self.asking.labelled(sentence, self._stating.chunk_text(sentence))

    def _label_leads(self) -> None:
        """A list's line under the asked label leads, from however far down ("Best actress: Emma Stone" for "Who won
        best actress?"), rated as likely as the lead it displaces: a line of a few words is one the ranker rates
        low ("Worst actor: Jared Leto, 'Morbius'" at 0.12, under a nominee's 0.72)."""
        top = self.scored[0][0]
        if self._first_leads(self._labelled, reach=len(self.scored)):
            self._rate_lead(top)

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

    def _states_question(self, sentence: Sentence) -> bool:
        """In a chunk stating the question's names (it has some), the sentence states what it asks of them: a short
        rest's words (Asking.states_words), else passes the residue test. "Who did Cincinnati beat?" led with a
        Tetris player "beating" the game, rated above the Bearcats "beating Tulane 88-77" by more than a near tie."""
        if not self._stating.own.names or not self._stating.own_names_stated(sentence):
            return False
        return self.asking.states_words(sentence) if self.asking.short_rest else self._residue_passes(sentence)

    def _residue_passes(self, sentence: Sentence) -> bool:
        """The residue test (residue_cosine against policy.min_residue_cosine)."""
        return self.residue_cosine(sentence) >= self._refusal.min_residue_cosine

    def _goes_on_to_answer(self, sentence: Sentence) -> bool:
        """The lead's next sentence, which goes on about what the lead named, passes the residue test."""
        return follows(sentence, self.scored[0][1]) and self._residue_passes(sentence)

    def _answering_first(self) -> None:
        """First a near tie may lead (ties.py), and a lead not about the question gives way to one a precise rule
        makes about it (_also_about). Then the lead is kept to the story asked about (the rare names', a
        title's or a place's the user writes, the conversation's: _story_first).
        Then, when it is not about what the question asks of its names (a short rest's words, the names alone, or
        the residue test), a sentence of the policy.topic_sentences best that is, in a chunk stating the question's
        names, and about the question leads instead: for a short rest, the best holding in one of their forms each
        of its words the lead holds and one at least (Asking.states_as_much; else one of the top chunks' other
        sentences: _beyond_passages); for the residue test, only the lead's next sentence (README). A lead not
        about the question at all is left to the gate."""
        if not self.scored:
            return
        # near ties first (ties.py), so the story rules below still keep the lead to the story asked about
        own = self._stating.own_words
        self.scored[:] = break_ties(self.scored, self._retrieval.query, own, self.asking.asked, self._refusal,
                                    new_names=not self._story.follows)  # fmt: skip
        self._label_leads()
        if not self.about(self.scored[0][1]):  # "How old is King Charles?" led with a basketball record's sentence
            top = self.scored[0][0]
            if not self._first_leads(self._also_about):
                self._first_leads(self._states_question)
            elif self._does_deed(self.scored[0][1]):  # rated as likely as the lead it displaces
                self._rate_lead(top)
        if self._rare_story.rare is not None and self._stating.reads_articles:
            # a lead whose article never writes the question's rare names tells another story ("Where did the
            # FlyDubai plane crash?" led with another crash), whichever candidate tells it: a newer story may fill
            # the best ("What is Coke's Pixel flavor?" had nine sentences on Coca-Cola Spiced above the Pixel's)
            self._first_leads(self._rare_story.tells, reach=len(self.scored))
        # a title is the story: "What are the He Gets Us ads?" led with Super Tuesday's campaign ads
        self._first_leads(self._stating.titles_stated, reach=len(self.scored))
        # a place the user names is where the story is: "Where is Bubbakoo's opening its flagship Florida restaurant?"
        # led with its New Jersey opening
        self._first_leads(self._stating.places_stated)
        if self._stating.carries:
            # a follow-up's lead must tell the conversation's story: name one of the names it established ("Was
            # anyone killed? (Shockwave jet truck Battle Creek)" led with a tourist a storm killed in Ghent)
            self._story_first(self._stating.carried_stated)
        instead = self._story.leads_instead(self.scored[0][1])  # ...to the article the conversation last quoted
        if instead is None or not self._first_leads(instead):  # ...else to a near tie saying more of the user's words
            self._lead_with(self._story.own_tie(self.scored, self._refusal.lead_tie))
        article = self.scored[0][1].candidate.chunk.article_id  # "What about Sunday?": its article's Sunday sentence
        self._first_leads(lambda s: s.candidate.chunk.article_id == article and self._story.names_own(s))
        lead = self.scored[0][1]
        doing, named = self._doing, self._doing.names_doer(lead)
        if not (self.asking.states_deed(lead) or named) and self._first_leads(doing.names_doer, 1):
            return  # "Who developed Tetris?": the sentence naming who developed it, not one on its release
        if not named and self._first_leads(doing.doer_tie(self.scored), 1):
            return  # "Who voted against the budget?": "Dana Ortiz, who voted against it", not "The Council voted 5-2"
        if self.asking.passive(lead) and self._first_leads(doing.active_tie(self.scored), 1):
            return  # "Two men stole the painting", not "A painting stolen from the museum …"
        stated = self.asking.deed_stated(lead) or self._labelled(lead)
        if not stated and self._first_leads(doing.deed_tie(self.scored), 1):
            return  # "Who won best actor at the Oscars?": not a preview of the ceremony, which the gate refuses
        if not stated and self._first_leads(self._does_deed, 1):
            return  # "Who was driving the police car?": "Officer Daniel Reyes drove recklessly …", not the verdict
        if doing.whether and not doing.tells_whether(lead) and self._first_leads(self._does_deed, 1):
            self._rate_lead(self.scored[1][0])  # the displaced lead's rating
            return  # "Has anyone died of measles?": "… no deaths have been reported", not the outbreak's case count
        lead_ok: Callable[[Sentence], bool]
        answers: Callable[[Sentence], bool]
        short = bool(self.asking.short_rest) and self._refusal.min_word_cosine is not None
        if short:
            lead_ok, answers = self.asking.states_words, partial(self.asking.states_as_much, lead)
        elif asks_of_names(self._retrieval.query, self._stating.own, self._refusal):
            lead_ok, answers = self._stating.own_names_stated, lambda _: True  # the names are the whole topic
        elif self.cosines.asked and self._refusal.residue_leads:
            lead_ok, answers = self._residue_passes, self._goes_on_to_answer
        else:
            return
        if self._labelled(lead) or gives_reason(self._retrieval.query, lead.text):
            return  # a list's line under the asked label or name answers, and a reason given in so many words
        story = keeps_story(lead, self._stating.own_words)  # "When is Phish playing in Dover?": not Chicago's tour
        says = self.asking.says_in_form(lead)
        if short and self._first_leads(lambda s: story(s) and says(s), start=1):
            return  # "What was Northwind's revenue?": "Revenue rose 4 percent …", not "its quarterly profit fell …"
        if lead_ok(lead) or not self.about(lead):
            return  # the lead answers what is asked; or it is not about the question at all: the gate decides
        # a lead the gate reads as stating the short rest gives way only to one it reads so too, and to one beyond
        # the passages only if that holds more of its words: "Did Ukraine agree to meet with Russia?" is led neither
        # by a Security Council "meeting" nor by "those talks … the meetings" in place of a delegation "set to meet"
        kept = short and self.asking.states_asked(lead)
        if self._first_leads(lambda s: answers(s) and self._stating.own_names_stated(s) and story(s)
                             and (not kept or self.asking.states_asked(s)), start=1):  # fmt: skip
            if short:  # rated as likely as the lead it displaces: "Nimbus shares rose 3 percent …" (0.08) for "How
                self._rate_lead(self.scored[1][0])  # did the stock react?", over the phone's launch (0.39)
            return
        beyond = (lambda s: story(s) and self.asking.says_more(lead, s)) if kept else story
        if short and (found := self._beyond_passages(lead, beyond)):
            self.scored.insert(0, (max(found[0], self.scored[0][0]), found[1]))  # rated as likely as the lead

    def _beyond_passages(self, lead: Sentence, story: Callable[[Sentence], bool]) -> tuple[float, Sentence] | None:
        """lead.best_elsewhere: a sentence of the top chunks holding, in one of their forms, each of the short rest's
        words the lead holds and one at least (Asking.states_as_much), in a chunk stating the question's names, of
        the lead's `story`. A
        question naming nothing has nothing to tie it to its story ("What sanctions are coming?" found Syria's "the
        hammer never came down")."""
        if not self._stating.own.names:
            return None
        return best_elsewhere(
            self._retrieval, self._refusal.constraint_chunks, self._policy.max_sentence_words,
            {s.text for _, s in self.scored}, self.cosines.embedded, self.about,
            lambda s: self.asking.states_as_much(lead, s) and self._stating.own_names_stated(s) and story(s),
        )  # fmt: skip
