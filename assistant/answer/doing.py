"""Which ranked sentences say who did what a "Who <verb> …?" question asks: the one naming the doer, or stating the
deed, may lead in place of one that only tells of it (leading.Leading reads these)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property

from assistant.answer.asking import Asking
from assistant.answer.doer import whether_verbs
from assistant.answer.forms import in_form, sentence_words
from assistant.answer.sentences import Sentence
from assistant.answer.stating import Stating


def near_tie(scored: list[tuple[float, Sentence]], tie: float) -> Callable[[Sentence], bool]:
    """Which sentences are a near tie of the best (at least `tie` of its probability)."""
    bar = tie * scored[0][0] if scored else 0.0
    near = {id(s) for p, s in scored if p >= bar}
    return lambda s: id(s) in near


class Doing:
    """One question's deed (Asking) and names (Stating) against the ranked sentences, `tie` the near tie's share."""

    def __init__(self, asking: Asking, stating: Stating, tie: float) -> None:
        self._asking, self._stating, self._tie = asking, stating, tie

    def names_doer(self, sentence: Sentence) -> bool:
        """The sentence names who did the deed (Deed.names_doer), in a chunk stating the question's names: "…,
        developed by Alexey Pajitnov" in a chunk on Tetris."""
        return self._asking.deed.names_doer(sentence) and self._stating.own_names_stated(sentence)

    def deed_tie(self, scored: list[tuple[float, Sentence]]) -> Callable[[Sentence], bool]:
        """Which sentences state the deed and the question's names, as a near tie of the lead: "… including Cillian
        Murphy winning best actor" for "Who won best actor at the Oscars?", under a preview of the ceremony that
        says no "won", which the gate would refuse. Further down, a "won" is another's ("DeSantis … won re-election
        as governor" for "Who won the Republican debate?")."""
        near = near_tie(scored, self._tie)
        return lambda s: near(s) and self._asking.deed_stated(s) and self._stating.own_names_stated(s)

    def doer_tie(self, scored: list[tuple[float, Sentence]]) -> Callable[[Sentence], bool]:
        """Which sentences name who did the deed (names_doer), as a near tie of the lead or in its article: "Council
        member Dana Ortiz, who voted against it" for "Who voted against the budget?", under "The Springfield City
        Council voted 5-2 …", which says the deed but names no one's vote. The lead's article tells the story the
        lead does, so there a follow-up's carried names need not be in the sentence's chunk: "who voted against it"
        after Route 22's change is answered by "The lone vote against the plan came from board member Darnell Higgs",
        in a chunk that names no Route 22, and "who voted against it" after a rent cap by "Council members … voted
        against the measure" (Deed.done_on_side)."""
        near, article = near_tie(scored, self._tie), scored[0][1].candidate.chunk.article_id
        deed = self._asking.deed

        def ties(s: Sentence) -> bool:
            if s.candidate.chunk.article_id == article:
                return (deed.names_doer(s) or deed.done_on_side(s)) and self._stating.own_stated(s)
            return near(s) and self.names_doer(s)

        return ties

    def active_tie(self, scored: list[tuple[float, Sentence]]) -> Callable[[Sentence], bool]:
        """Which sentences tell the deed other than only in the passive (Deed.passive), in a chunk stating the
        question's names, as a near tie of a lead that tells it only so or in its article: "Two men stole the
        painting …" over "A painting stolen from the museum …"."""
        close = self._near_or_own(scored)
        return lambda s: (
            close(s) and self._asking.deed_stated(s) and not self._asking.deed.passive(s)
            and self._stating.own_names_stated(s)
        )  # fmt: skip

    def _near_or_own(self, scored: list[tuple[float, Sentence]]) -> Callable[[Sentence], bool]:
        """Which sentences are a near tie of the lead or of its article: where a sentence telling the deed better
        may displace it."""
        near, article = near_tie(scored, self._tie), scored[0][1].candidate.chunk.article_id
        return lambda s: near(s) or s.candidate.chunk.article_id == article

    @cached_property
    def whether(self) -> list[str]:
        """What a question asking whether anyone, or the one thing the story tells of, did something asks stated
        (doer.whether_verbs), read in the user's own words."""
        return whether_verbs(self._stating.own_words)

    def tells_whether(self, sentence: Sentence) -> bool:
        """The sentence states or denies what a "Has anyone <verb> …?" or "Has it <verb> …?" question asks, in one
        of its forms: "… and no deaths have been reported" for "Has anyone died of measles?"."""
        return self.text_tells_whether(sentence.text)

    def text_tells_whether(self, text: str) -> bool:
        """tells_whether, of any text (a chunk's)."""
        return bool(self.whether) and in_form(self.whether, sentence_words(text))
