"""What one question asks beyond its names, against any sentence: a short rest's words ("Where did Prigozhin die?"
-> die) or a "Who <verb> …?" question's deed, read once per question (asked.py reads the words); every text it
embeds goes through the caller's memo, so a sentence another check embedded is not embedded again."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property

import numpy as np

from assistant.answer.asked import (
    asked_verbs,
    asked_words,
    determined,
    relations,
    said_of_names,
    short_rest,
    state_word,
    states,
)
from assistant.answer.config import RefusalPolicy
from assistant.answer.constraints import Constraints
from assistant.answer.deed import Deed
from assistant.answer.doer import asked_deed
from assistant.answer.forms import WORD, deed_in_form, holds_all, in_form, lemmas, sentence_words, sourced_words
from assistant.answer.labels import labels_name, labels_question
from assistant.answer.name_ties import names_new
from assistant.answer.residue import name_phrases
from assistant.answer.sentences import Sentence, clauses
from assistant.retrieval.holder import Holder, holder
from assistant.retrieval.rewrite import carried_part
from newstext.terms import readings, without_possessive

# Words giving a place in an order, which an article or a possessive precedes without making them a thing asked.
_ORDINALS = frozenset("first second third fourth fifth last next latest previous".split())

# "What happened in …?" asks what happened in the thing it names: its nouns name that thing, none is asked.
_WHAT_HAPPENED = re.compile(r"^\W*what\s+(?:has\s+|had\s+)?happened\b", re.I)


class Asking:
    """One question's asked words (`query`, the user's `own` words of it) checked against sentences."""

    def __init__(
        self,
        query: str,
        own: str,
        query_vector: np.ndarray,
        refusal: RefusalPolicy,
        embedded: Callable[[list[str]], np.ndarray],
        headline: Callable[[Sentence], str] = lambda _: "",
    ) -> None:
        self._query, self._own, self._query_vector = query, own, query_vector
        self._refusal, self._embedded, self._headline = refusal, embedded, headline
        self.deed = Deed(own)  # a "Who <verb> …?" question's deed

    @cached_property
    def short_rest(self) -> list[str]:
        """The one or two words a rest too short for the residue test asks (asked.short_rest); [] when none."""
        return short_rest(self._query, self._refusal.min_residue_terms)

    @cached_property
    def _words(self) -> tuple[list[str], list[str]]:
        """The short rest's words (else a "Who <verb> …?" question's deed: doer.doer_verb) and the other words of
        the user's own question."""
        return self.short_rest or [w for w in [self.deed.verb] if w], sentence_words(self._own)

    def deed_stated(self, sentence: Sentence) -> bool:
        """asked.states() for a "Who <verb> …?" question's deed, whatever the rest (a synonym MiniLM puts close
        passes: "secured victory" for "won"); True when it asks none. Holding a post in someone's place is stated
        in the words news uses for it (Deed.in_place), not close ones: "… he was stepping down" is far from who
        replaced him."""
        if not self.deed.verb:
            return True
        if self.deed.in_place:
            return self.deed.stated(sentence)
        return self._states([self.deed.verb], sentence)

    def states_words(self, sentence: Sentence) -> bool:
        """asked.states() for the asked words; True when the question asks none."""
        return self._states(self._words[0], sentence)

    def _states(self, asked: list[str], sentence: Sentence) -> bool:
        """asked.states() of the sentence, or in form of it with its headline when it opens its article (a headline
        tells the lede's fact in other words: "Firefighter rescues two children from burning home" over "A
        firefighter carried two children out of a burning house …", for "Who rescued the children?")."""
        others, cosine = self._words[1], self._refusal.min_word_cosine or 1.0
        if states(asked, sentence.text, self._embedded, cosine, others, self._nouns):
            return True
        headline = self._headline(sentence)
        return bool(headline) and states(asked, f"{headline}\n{sentence.text}", None, cosine, others, self._nouns)

    @cached_property
    def _nouns(self) -> frozenset[str]:
        """The user's words used as nouns after an article (asked.determined), read once for every sentence."""
        return determined(self._own)

    @cached_property
    def _asks_relation(self) -> bool:
        """The question asks a relation of a name ("the capital of France": asked.relations)."""
        return bool(relations(self._query))

    @cached_property
    def _asks_state(self) -> bool:
        """The question asks a state of its names that only the words news states it by tell ("Is Prigozhin dead?":
        asked.state_word), not a clause close to so short a question ("as Prigozhin looks to build up his
        reputation …")."""
        return bool(self.short_rest) and all(map(state_word, self.short_rest))

    @cached_property
    def _name_words(self) -> frozenset[str]:
        """The words of the question's names and its words in capitals, lower case: what _said_of_names looks for,
        read once for every sentence."""
        named = [*self._own_names, *(w for w in WORD.findall(self._own)[1:] if w[:1].isupper())]
        return frozenset(without_possessive(w.lower()) for n in named for w in n.split())

    def _said_of_names(self, text: str) -> bool:
        """asked.said_of_names, of this question's short rest and names, within policy.state_reach words."""
        return said_of_names(self.short_rest, self._name_words, text, self._refusal.state_reach)

    @cached_property
    def _names(self) -> str:
        """The question's names with the nouns going on them (residue.name_phrases), and a follow-up's words carried
        from the conversation (rewrite), as one text to embed: a clause saying only what the conversation said ("The
        Film Awards will take place on Jan. 4" for "What is the film based on? (Awards take place)") states nothing
        the user asks."""
        carried = carried_part(self._query)
        return " ".join([*name_phrases(self._query), *([carried] if carried else [])])

    def states_asked(self, sentence: Sentence) -> bool:
        """A longer rest: the sentence states the deed of a "Who <verb> ...?" question (True when it asks none). A
        short rest: the sentence states the rest's words, or its clause closest to the question is at
        policy.min_clause_cosine from it and closer to it than to its names alone (with the nouns going on them):
        MiniLM puts a word far from its synonyms ("created" is 0.42 from "founder"), and a short question is mostly
        its names, so a clause that only names them comes close too (README, refusal). A relation or a state is
        stated by its words only: "… the northern coast of France" comes as close to "What is the capital of
        France?"; a state, of the names (_said_of_names)."""
        if self._asks_state:
            return self.states_words(sentence) and self._said_of_names(sentence.text)
        if (stated := self.states_words(sentence)) or not self.short_rest or self._asks_relation:
            return stated
        names = self._names
        parts = [sentence.text, *clauses(sentence.text)]
        vectors = self._embedded([*parts, names] if names else parts)
        to_question = vectors[: len(parts)] @ self._query_vector
        best = int(np.argmax(to_question))
        beyond = not names or float(to_question[best]) > float(vectors[best] @ vectors[-1])
        return float(to_question[best]) >= self._refusal.min_clause_cosine and beyond

    def in_form(self, sentence: Sentence) -> set[str]:
        """The short rest's words the sentence holds in one of their forms (no embedding), the deed of a "Who <verb>
        …?" question as a verb (asked.deed_in_form); a fact told "according to" a study is what it found or said
        ("what's the main finding": "Teenagers whose bedtimes shift … are more likely …, according to a study")."""
        words = sourced_words(sentence.text)
        return {w for w in self.short_rest if (deed_in_form(w, words) if w == self.deed.verb else in_form([w], words))}

    def verbs_held(self, sentence: Sentence) -> int:
        """How many of the asked words that can be verbs (asked.asked_verbs) the sentence holds in their own forms,
        not a word news uses for them: "When did the Hawks last win a state title?" is answered by "The Hawks have
        not won a state title since 1998", not the semifinal's "beat the Northside Tigers … on Friday night"."""
        forms = [lemmas(w) for w in sentence_words(sentence.text)]
        return sum(any(lemmas(v) & f for f in forms) for v in asked_verbs(self.asked, self._nouns))

    def states_as_much(self, lead: Sentence, sentence: Sentence) -> bool:
        """The sentence holds in one of their forms some of the short rest's words and every one the lead holds: a
        sentence on strikes in Crimea says "attack" (as "striking"), but not "cyber", so "Ukraine's cyber onslaught
        has paralyzed Crimea's IT systems" still leads for "What did Ukraine's cyber attack do to Crimea?". For a
        "Who <verb> …?" question it also names someone the question does not (name_ties.names_new): "Who shot the
        Wilmington officers?" is not answered by "… mug shots could still be published …"."""
        held = self.in_form(sentence)
        named = not self.deed.verb or names_new(sentence.text, self.deed.own_folded)
        return bool(held) and held >= self.in_form(lead) and named

    def says_in_form(self, lead: Sentence) -> Callable[[Sentence], bool]:
        """Which sentences of the lead's article hold in one of their forms every word of a short rest of nouns, when
        the lead holds none (a word MiniLM puts close stood for them: "profit" for "revenue"). Not for a verb, which
        news says in many words ("will receive the Director of the Year Award" for "Who was named Director of the
        Year?"), nor another word ("first")."""
        if not self._noun_rest or self.in_form(lead) or _WHAT_HAPPENED.match(self._own):
            return lambda _: False  # "what happened in the … trial": the trial is the story asked of, not a noun asked
        rest, article = set(self.short_rest), lead.candidate.chunk.article_id
        return lambda s: s.candidate.chunk.article_id == article and self.in_form(s) >= rest

    @cached_property
    def _noun_rest(self) -> bool:
        """The short rest has words and each is only a noun ("revenue"; not "first", "won", "named"), or one the
        question uses as a noun after an article or a possessive ("What's his bail?", "the stock", "the final":
        asked.determined), but an ordinal ("the first Bubbakoo's restaurant": a place in an order, not a thing)."""
        return bool(self.short_rest) and all(
            set(readings(w)) == {"NOUN"} or (w in self._nouns and w not in _ORDINALS)
            for w in self.short_rest
        )

    def says_own(self, sentence: Sentence) -> bool:
        """The sentence says what the user's own words ask: each verb of them in one of its forms (or a word news uses
        for it: "donations" for "donate"), or, where they ask nothing but a kind ("What was the vote?"), a thing of
        that kind ("The council voted 5-2 …"), or, where they ask a short rest of nouns alone, each of them in one of
        its forms."""
        if not self.asked:
            return sentence.features["answer_type"] >= 1.0
        verbs, words = asked_verbs(self.asked, self._nouns), sentence_words(sentence.text)
        if not verbs:  # nouns alone: a short rest of them, each in one of its forms ("What's his bail?": "… bail")
            return self._noun_rest and self.in_form(sentence) >= set(self.short_rest)
        return holds_all(verbs, words)

    def says_more(self, lead: Sentence, sentence: Sentence) -> bool:
        """The sentence holds more of the short rest's words in one of their forms than the lead, and states_asked
        reads it as stating them."""
        return self.in_form(sentence) > self.in_form(lead) and self.states_asked(sentence)

    @cached_property
    def _role(self) -> Holder | None:
        """The role and name a "who is the <role> of <Name>?" question asks about (holder.py); None for another."""
        return holder(self._query)

    def holds_role(self, sentence: Sentence) -> bool:
        """The sentence calls someone the role the question asks of a name ("Wagner founder Yevgeny Prigozhin" for
        "Who leads the Wagner group?")."""
        return self._role is not None and self._role.held_in(sentence.text)

    def holds_role_unnamed(self, sentence: Sentence) -> bool:
        """The sentence calls someone the asked role of a thing it does not name ("Chief executive Priya Nair said
        …": Holder.held_unnamed); the caller asks that its chunk name it."""
        return self._role is not None and self._role.held_unnamed(sentence.text)

    @cached_property
    def asked(self) -> list[str]:
        """What the user's own question asks beyond its names (asked.asked_words)."""
        return asked_words(self._own)

    def labelled(self, sentence: Sentence, chunk: str) -> bool:
        """The sentence is a list's line under the label the question asks after (labels.py: "Best actress: Emma
        Stone" for "Who won best actress?"), in a `chunk` telling the deed a "Who <verb> …?" asks ("winners", not
        a list of nominees); or under the name it asks something of, in a chunk holding what it asks in one of
        their forms ("Illinois: $12 to $13" for "How much is the minimum wage in Illinois?")."""
        if labels_question(sentence.text, self._own, self.asked):
            return self.deed.tells(chunk)
        if not self.asked or not labels_name(sentence.text, self._own_names):
            return False
        return in_form(self.asked, sentence_words(chunk))

    @cached_property
    def _own_names(self) -> frozenset[str]:
        """The names of the user's own question (Constraints.names), read once."""
        return Constraints.of(self._own).names

    def lacks_deed(self, lead: Sentence | None) -> str:
        """What a "Who <verb> …?" question asks (doer.asked_deed), when the lead states no such deed, or tells it
        only in the passive with no doer (passive); else ""."""
        # (a short rest's reads the deed)
        stated = lead is None or (self.deed_stated(lead) and not self.deed.passive(lead))
        return "" if stated else asked_deed(self._own)
