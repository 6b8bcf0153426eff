"""One retrieval's sentences as the refusal rule reads them (refusal.decide): how likely the lead is to answer,
and what the articles lack when none does; which sentences leads is leading.py's."""

from __future__ import annotations

import re
from functools import cached_property

from assistant.answer.doer import as_asked
from assistant.answer.events import event_words, states_event
from assistant.answer.forms import holds_all, sentence_words
from assistant.answer.gate import answering, names_only, states_question
from assistant.answer.lead import default_ranker
from assistant.answer.name_ties import names_other, opens_with_asked
from assistant.answer.near import folded_words
from assistant.answer.owned import Owned
from assistant.answer.reasons import gives_reason
from assistant.answer.sentences import Sentence
from assistant.answer.typed import typed
from assistant.retrieval.candidates import leading

# A question asking for a person: "Who was the mayor before Reed?", "Whom did Macron appoint?".
_WHO = re.compile(r"^\W*who(?:m|se)?\b", re.I)


class Reading(Owned):
    """One retrieval's sentences, led as leading.Leading says (owned.Owned: whose figure a sentence gives), and what
    the refusal rule asks of them: every text a check reads embedded at most once, whichever check asks first, and
    what one check lacks in one call."""

    event_unstated: tuple[str, ...] = ()  # the named event's words answering() found no story writing (events.py)
    other_unnamed: str = ""  # a "Who …?" question of a name, as asked, when no best sentence names anyone else

    def unheld_rare(self) -> str:
        """The rare names, as the question writes them (RareNames.shown), when none of the policy.topic_sentences best
        sentences is about the question and sits in a chunk stating each of them; "" otherwise or without any."""
        rare = self._rare_story.rare
        if rare is None:
            return ""
        best = [s for _, s in self.scored[: self._refusal.topic_sentences]]
        texts = [self._stating.story_text(s) for s in best]
        held = rare.held(texts, lambda i: self.about(best[i]))
        return "" if held else rare.shown(texts)

    def quotable(self) -> list[tuple[float, Sentence]]:
        """The ranked sentences an answer may quote: for a follow-up, those telling the conversation's story about as
        much as the lead does (Story.supports)."""
        return self._story.supports(self.scored)

    def answering(self) -> float | None:
        """gate.answering() over these sentences, with their clause and residue cosines. When it passes on a
        sentence holding the asked kind that the lead lacks, that sentence leads (policy.typed_leads)."""
        self._answering_first()
        if self.scored and id(self.scored[0][1]) == self.news_lede:
            return self.scored[0][0]  # the news asked for, which the lede of its newest telling tells (developing.py)
        likely = answering(
            self.scored, self._retrieval.query, self._refusal, self.clause_cosine, self.residue_cosine,
            self._states_asked if self._refusal.min_word_cosine is not None else None, self._typed_names,
            self._also_about, self._holds_asked,
        )  # fmt: skip
        if likely and self.asking.deed.passive(self.scored[0][1]) and not self._doing.names_doer(self.scored[0][1]):
            return 0.0  # "Who stole the painting?": "A painting stolen from the museum …" says no one did
        if likely and self._names_no_other():
            self.other_unnamed = as_asked(self._stating.own_words)
            return 0.0  # "Who was the mayor before Reed?": "Mayor Tom Reed praised the vote" names only Reed
        if likely and not self.topic.tells(self.scored[0][1]):
            return 0.0  # no article of the best sentences writes what a question naming nothing asks about
        if likely and (unheld := self.unheld_rare()):
            self.rare_refused = unheld
            return 0.0  # the best sentences come from other stories than the one the rare names tell
        if likely and self._refusal.typed_leads and not self._labelled(self.scored[0][1]):  # a list's line stays
            held = typed(self.scored, self._retrieval.query, self._refusal, self._typed_names, self._holds_asked)
            if held and held[0][1] is not self.scored[0][1]:
                self.scored[:] = [held[0], *(pair for pair in self.scored if pair[1] is not held[0][1])]
        lead = self.scored[0][1]  # another's may give way to one of the question's names (_kind_of_own)
        if likely and self._of_another(lead) and not self._first_leads(self._kind_of_own) and self._figure_kind:
            return 0.0  # "What share of the vote did Palmer get?": "Ramirez received 52 percent of the vote"
        if likely and (unstated := self._event_unstated()):
            self.event_unstated = unstated
            return 0.0  # no story of the best sentences tells of the event the question names
        if likely and self._story.in_article(lead) and self.asking.asked and self.asking.says_own(lead):
            # a follow-up's lead of the conversation's article saying the verb asked: the conversation's words pull
            # every sentence away from the question ("… asked for donations to the library" for "What should
            # people donate to?" after three questions on an obituary)
            return max(likely, self._refusal.min_answer)
        return likely

    @cached_property
    def _other_asked(self) -> set[str] | None:
        """For "Who …?" naming someone and asking more of them than who they are ("Who was the mayor before Reed?",
        not "Who is Tom Reed?"), the user's words that a sentence must name someone beyond (name_ties.names_other);
        None for another question."""
        own = self._stating.own_words
        if not _WHO.match(own) or not self._stating.own.names or names_only(own):
            return None
        return folded_words(own)

    def _names_no_other(self) -> bool:
        """A "Who …?" question asking of a name (_other_asked) is led by a sentence telling of that name and naming
        no one else (name_ties.opens_with_asked: not "An art dealer … called the bureau" for "Who called the FBI?");
        the first of the best sentences naming someone else, in a chunk stating its names, then leads ("Gabriel
        Attal became France's youngest ever prime minister" for "Who did Macron appoint as France's next prime
        minister?", over "Macron added that the appointment was reminiscent …"); True when none does."""
        asked = self._other_asked
        lead = self.scored[0][1].text
        if asked is None or names_other(lead, asked) or not opens_with_asked(lead, asked):
            return False
        return not self._first_leads(lambda s: names_other(s.text, asked) and self._stating.own_names_stated(s))

    def _event_unstated(self) -> tuple[str, ...]:
        """The words of the event the question names (events.event_words: "concert hall" of "the Moscow concert hall
        attack") when the lead's story does not write them, nor that of any best sentence about the question, which
        then leads; () otherwise."""
        if not self._event or not self.scored:
            return ()
        if self._tells_event(self.scored[0][1]) or self._first_leads(self._tells_event):
            return ()
        return (" ".join(self._event),)

    def supports(self, sentence: Sentence) -> bool:
        """Leading.supports, of the story of the event the question names when it names one: the Kyiv strikes'
        dead support no answer on the Moscow concert hall attack's."""
        return super().supports(sentence) and self._tells_event(sentence)

    def _tells_event(self, sentence: Sentence) -> bool:
        """The sentence's story writes the words of the event the question names (True when it names none)."""
        return not self._event or states_event(self._event, self._stating.story_text(sentence))

    @cached_property
    def _event(self) -> list[str]:
        """events.event_words of the user's own words."""
        return event_words(self._stating.own_words)

    def _states_asked(self, sentence: Sentence) -> bool:
        """Asking.states_asked, or a list's line under the asked label, whose heading tells the deed (_labelled), or
        for "Why …?" a reason given in so many words beside the question's names (ties.gives_reason: "Ford … can't
        finish because it doesn't have all the parts" for "Why are 45,000 Fords unable to be sold?")."""
        return (
            self._labelled(sentence) or self.asking.states_asked(sentence)
            or (gives_reason(self._retrieval.query, sentence.text) and self._stating.own_names_stated(sentence))
        )  # fmt: skip

    def gives_reason(self, sentence: Sentence) -> bool:
        """For "Why …?", the sentence gives a reason in so many words (ties.gives_reason) in the lead's article:
        "Board members cited research showing teenagers who sleep longer do better in class" after the district's
        later start, though it shares no word with "Why is the district changing the start time?"."""
        lead = self.scored[0][1] if self.scored else None
        return (
            lead is not None
            and sentence.candidate.article.id == lead.candidate.article.id
            and gives_reason(self._retrieval.query, sentence.text)
        )

    def _holds_asked(self, sentence: Sentence) -> tuple[int, int]:
        """How many of the user's own names the sentence itself states, and how many of a short rest's words it holds
        in one of their forms (Asking.in_form), or of a longer rest's verbs in their own forms (Asking.verbs_held)."""
        own = self._stating.own.names
        held = len(self.asking.in_form(sentence)) if self.asking.short_rest else self.asking.verbs_held(sentence)
        return len(own - set(self._stating.own.missing([sentence.text]))), held

    def asks_after_story(self) -> bool:
        """A follow-up asking after what the last answer told of, in an article the retrieval holds (Story.asks_after):
        its topic is covered, whatever the topic scores say."""
        return self._story.asks_after

    def story_tells(self) -> bool:
        """A follow-up the conversation's article tells of: its topic is that story's, whatever the topic scores say.
        It asks whether anyone did something (Doing.whether) and a top chunk of that article states or denies it
        ("was anyone killed" after the fire's latest telling, which says "No deaths were reported"), or one of the
        best sentences of that article holds every word it asks in one of their forms ("who's to blame" after the
        bridge's repair cost: "The review placed the blame on the department, not the contractor …")."""
        article = self._story.article
        if not article:
            return False
        if self._doing.whether:
            top = leading(self._retrieval.chunks, self._refusal.constraint_chunks)
            return any(c.chunk.article_id == article and self._doing.text_tells_whether(c.chunk.text) for c in top)
        asked = self.asking.asked
        best = (s for _, s in self.scored[: self._refusal.topic_sentences] if s.candidate.chunk.article_id == article)
        return bool(asked) and any(holds_all(asked, sentence_words(s.text)) for s in best)

    def lacks_kind(self) -> bool:
        """The question asks for a kind of thing (typed.typed: a year, a count, a statement of someone's, the
        holder of a role) and no sentence about it holds one but another's (_of_another): what the articles lack can
        be named."""
        held = typed(self.scored, self._retrieval.query, self._refusal, self._typed_names, self._holds_asked)
        return held is not None and not any(self.about(s) and not self._of_another(s) for _, s in held)

    def lacks_deed(self) -> str:
        """What a "Who <verb> …?" question asks, when its lead states no such deed (Asking.lacks_deed), or when no
        best sentence names anyone but the names it asks of (other_unnamed); else ""."""
        return self.asking.lacks_deed(self.scored[0][1] if self.scored else None) or self.other_unnamed

    def closest_clause(self, n: int) -> float:
        """The best clause cosine among the n best sentences."""
        return max((self.clause_cosine(s) for _, s in self.scored[:n]), default=0.0)

    def closest_sentence(self, n: int) -> float:
        """The best cosine of the n best sentences with the question (those not embedded sit under the ones that
        are)."""
        return max((s.features["cosine"] for _, s in self.scored[:n]), default=0.0)

    def states_question(self, n: int) -> bool:
        """One of the n best sentences states every term of a question of several (gate.states_question)."""
        return any(states_question(s, self._refusal) for _, s in self.scored[:n])

    def rescue(self, n: int) -> float:
        """closest_clause(n), for a topic the chunks miss: when that clause shows the topic (min_clause_cosine),
        its sentence is the one evidence that the articles cover the question, so it leads from now on, rated as
        close to the question as that clause."""
        best = self.closest_clause(n)
        if best >= self._refusal.min_clause_cosine:
            i = next(i for i, (_, s) in enumerate(self.scored[:n]) if self.clause_cosine(s) == best)
            sentence = self.scored[i][1]
            sentence.features["cosine"] = max(sentence.features["cosine"], best)
            prob = float(default_ranker().probabilities([sentence])[0])
            self.scored[:] = [(prob, sentence), *self.scored[:i], *self.scored[i + 1 :]]
        return best
