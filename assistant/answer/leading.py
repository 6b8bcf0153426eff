"""Which of one retrieval's sentences leads: the sentence that leads moved up when a rule finds a better one (near
ties, a list's line under the asked label, the story asked about, the doer of the asked deed, what the question asks
of its names). The ranking and the checks the rules read are ranking.py's."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from assistant.answer.called import called_noun, names_subject
from assistant.answer.developing import Developing, asks_news
from assistant.answer.forms import in_form, sentence_words
from assistant.answer.gate import keeps_story
from assistant.answer.reasons import asks_how_died, asks_why, gives_reason
from assistant.answer.refusal import asks_of_names
from assistant.answer.sentences import Sentence, follows
from assistant.answer.ties import break_ties
from assistant.answer.typed import to_come


class Leading(Developing):
    """The rules that say which of the ranked sentences leads, applied once before the gate reads the lead."""

    def _label_leads(self) -> None:
        """A list's line under the asked label leads, from however far down ("Best actress: Emma Stone" for "Who won
        best actress?"), rated as likely as the lead it displaces: a line of a few words is one the ranker rates
        low ("Worst actor: Jared Leto, 'Morbius'" at 0.12, under a nominee's 0.72)."""
        top = self.scored[0][0]
        if self._first_leads(self._labelled, reach=len(self.scored)):
            self._rate_lead(top)

    def _reason_leads(self) -> bool:
        """For "Why …?", a lead giving no reason gives way to the first sentence of its article, however far down,
        that gives one (reasons.gives_reason) of what the question asks, in one of its forms: "why are they raising
        it" led with the tuition increase itself, not "Kell said the increase was made necessary by a cut in state
        support" (raising ~ increase); "How did she die?" by the cause of her death, which names no "die" ("Her son
        said the cause was complications of pneumonia"); for a question asking nothing but why ("whyd they do it"),
        any reason its article gives, beyond the passages too. True when one leads so: a near tie holding more of the
        user's words (which a reason says in its own) does not take the lead back."""
        query, lead = self._retrieval.query, self.scored[0][1]
        if not asks_why(query) or gives_reason(query, lead.text):
            return False
        article, top, died = lead.candidate.chunk.article_id, self.scored[0][0], asks_how_died(query)

        def reason(s: Sentence) -> bool:
            return (
                s.candidate.chunk.article_id == article and gives_reason(query, s.text)
                and (died or not self.asking.asked or bool(self.asking.in_form(s)))  # "whyd they do it": any reason
            )  # fmt: skip

        if self._first_leads(reason, reach=len(self.scored)):
            self._rate_lead(top)  # rated as likely as the lead it displaces
            return True
        # a follow-up asking why of what the conversation told, beyond the passages: "whyd they do it" after a
        # board's vote is "… the change is aimed mainly at recruiting and keeping teachers"
        return not self.asking.asked and self._lead_beyond(reason, chunks=len(self._retrieval.chunks))

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

    def lead_first(self) -> None:
        """The lead rules (_answering_first), once: for an answer whose decision never read the gate (a personal
        question with a passage close enough: refusal.out_of_scope), as for one that did."""
        self._answering_first()

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
        if not self.scored or self.led:
            return  # read once: the gate, and an answer the gate was not asked of, both read the lead it leaves
        self.led = True
        # near ties first (ties.py), so the story rules below still keep the lead to the story asked about
        own = self._stating.own_words
        self.scored[:] = break_ties(self.scored, self._retrieval.query, own, self.asking.asked, self._refusal,
                                    new_names=not self._story.follows)  # fmt: skip
        self._label_leads()
        reasoned = self._reason_leads()
        if noun := called_noun(self._stating.own_words):  # "what's the fire called": the sentence naming it as subject
            self._first_leads(lambda s: names_subject(s.text, noun), reach=len(self.scored))
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
        if (instead is None or not self._first_leads(instead)) and not reasoned:  # ...else to a near tie saying more
            self._lead_with(self._story.own_tie(self.scored, self._refusal.lead_tie))  # of the user's words
        if self._asks_next and self._next_leads():
            return  # what comes next is what is asked: the rules below read the question's other words
        article = self.scored[0][1].candidate.chunk.article_id  # "What about Sunday?": its article's Sunday sentence
        self._first_leads(lambda s: s.candidate.chunk.article_id == article and self._story.names_own(s))
        self._unread_leads()  # "what bacteria was it" after the outbreak's counts: not the lede the user has read
        if asks_news(own) and self._lede_leads():
            return  # "any update on the bridge", "what happened with the trial": the news, which the lede tells
        if self._newer_leads():
            return  # "is the advisory still on": what the story's newest telling says of it, not an older telling
        lead = self.scored[0][1]
        doing, named = self._doing, self._doing.names_doer(lead)
        if not (self.asking.deed.stated(lead) or named) and self._first_leads(doing.names_doer, 1):
            return  # "Who developed Tetris?": the sentence naming who developed it, not one on its release
        if not named and self._first_leads(doing.doer_tie(self.scored), 1):
            return  # "Who voted against the budget?": "Dana Ortiz, who voted against it", not "The Council voted 5-2"
        if self.asking.deed.passive(lead) and self._first_leads(doing.active_tie(self.scored), 1):
            return  # "Two men stole the painting", not "A painting stolen from the museum …"
        stated = self.asking.deed_stated(lead) or self._labelled(lead)
        if not stated and self._first_leads(doing.deed_tie(self.scored), 1):
            return  # "Who won best actor at the Oscars?": not a preview of the ceremony, which the gate refuses
        if not stated and self._first_leads(self._does_deed, 1):
            return  # "Who was driving the police car?": "Officer Daniel Reyes drove recklessly …", not the verdict
        if doing.whether and not doing.tells_whether(lead) and self._whether_leads():
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
        if self._first_leads(lambda s: story(s) and self._holds_all_more(lead, s), start=1):
            return  # "who wrote for the majority": "Writing for the majority, Justice …", not "… wrote the dissent"
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
        if short:
            self._beyond_passages(lead, beyond)  # rated as likely as the lead

    def _holds_all_more(self, lead: Sentence, sentence: Sentence) -> bool:
        """The sentence holds every asked word (of the short rest, else asked_words), two at least, in one of their
        forms, in the lead's article, where the lead holds half of them at most, and states_asked reads it as
        stating them: "who wrote for the majority" is answered by "Writing for the majority, Justice …", not "…
        wrote the dissent"; "is his lawyer gonna fight it" by "Defense attorney … would file a notice of appeal".
        Not a lead holding more ("The tax increase would … raise about $310 million a year" for "How much money
        would the gas tax raise?", which a bill's sentence holding "gas" too took), nor one word alone, which news
        says in many ("will receive the Director of the Year Award" for "Who was named Director of the Year?")."""
        asking = self.asking
        asked = set(asking.short_rest or asking.asked)
        return (
            len(asked) > 1 and sentence.candidate.chunk.article_id == lead.candidate.chunk.article_id
            and 2 * len(self._held(asked, lead)) <= len(asked) and self._held(asked, sentence) == asked
            and asking.states_asked(sentence)
        )  # fmt: skip

    @staticmethod
    def _held(words: set[str], sentence: Sentence) -> set[str]:
        """The words the sentence holds in one of their forms."""
        held = sentence_words(sentence.text)
        return {w for w in words if in_form([w], held)}

    def _next_leads(self) -> bool:
        """For "What will … do next?", a lead telling no time to come gives way to the first of the best sentences
        that does in the best chunk's article (_tells_next), rated as likely: "What will Riverton do next?" is
        answered by "The city attorney said Riverton would ask the full court to rehear the case", not by the ruling
        it answers. True when one leads so."""
        lead = self.scored[0]
        if to_come(lead[1].text) or not self._first_leads(self._tells_next, start=1):
            return False
        self._rate_lead(lead[0])
        return True

    def _beyond_passages(self, lead: Sentence, story: Callable[[Sentence], bool]) -> bool:
        """Ranking._lead_beyond: a sentence of the top chunks holding, in one of their forms, each of the short rest's
        words the lead holds and one at least (Asking.states_as_much), in a chunk stating the question's names, of
        the lead's `story`, leads; True when one does. A question naming nothing has nothing to tie it to its story
        ("What sanctions are coming?" found Syria's "the hammer never came down")."""
        if not self._stating.own.names:
            return False
        return self._lead_beyond(
            lambda s: self.asking.states_as_much(lead, s) and self._stating.own_names_stated(s) and story(s),
            self.about,
        )

