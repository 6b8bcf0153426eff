"""A "Who <verb> …?" question's deed (doer.doer_verb) against sentences: whether one states it, in which voice, and
whether it names who did it; read once per question."""

from __future__ import annotations

from functools import cached_property

from assistant.answer.doer import doer_verb, names_doer, passive_only
from assistant.answer.forms import WORD, in_form, sentence_words
from assistant.answer.name_ties import names_new
from assistant.answer.near import folded_words
from assistant.answer.sentences import Sentence

# The sides of a vote or a stand a "Who <verb> …?" question may ask ("Who voted against the budget?").
_SIDES = frozenset({"against", "for"})
# The word for holding a post in someone's place; in_form reaches the words news uses for it (interim, acting).
_IN_PLACE = "replace"


class Deed:
    """The deed the user's `own` question asks the doer of; "" (verb) for another question, which every check
    passes or fails as it says."""

    def __init__(self, own: str) -> None:
        self._own = own

    @cached_property
    def verb(self) -> str:
        """The deed a "Who <verb> …?" question asks the doer of (doer.doer_verb); "" for another question."""
        return doer_verb(self._own)

    @cached_property
    def own_folded(self) -> set[str]:
        """The user's own words, folded (near.folded_words), read once for every sentence names_new reads."""
        return folded_words(self._own)

    @cached_property
    def in_place(self) -> bool:
        """The deed is holding a post in someone's place ("Who replaced Thiel?", "who's replacing her"): news names
        the one who does it by the post ("Deputy Commissioner Janice Obuya will serve as acting commissioner"),
        without the one replaced."""
        return bool(self.verb) and in_form([self.verb], [_IN_PLACE])

    def names_doer(self, sentence: Sentence) -> bool:
        """The sentence names, after "by", who did the asked deed (doer.names_doer)."""
        return bool(self.verb) and names_doer(self.verb, sentence.text, self._own)

    @cached_property
    def side(self) -> str:
        """The side a "Who voted against …?" question asks the deed done on, as the user writes it after the verb
        (_SIDES); "" for another question."""
        words = [w.lower() for w in WORD.findall(self._own)]
        at = words.index(self.verb.lower()) if self.verb and self.verb.lower() in words else -1
        return words[at + 1] if 0 <= at < len(words) - 1 and words[at + 1] in _SIDES else ""

    def done_on_side(self, sentence: Sentence) -> bool:
        """The deed on the asked side, right after the verb, after someone the question does not name
        (done_by_new): "Council members Gerald Pike, Nora Villanueva and Sam Hollis voted against the measure" for
        "who voted against it", where "The City Council voted 6-3 …" tells the vote and no one's side in it."""
        if not self.side or not self.done_by_new(sentence):
            return False
        words = [w.lower() for w in WORD.findall(sentence.text)]
        pairs = zip(words, words[1:], strict=False)
        return any(after == self.side and in_form([self.verb], [w]) for w, after in pairs)

    def tells(self, text: str) -> bool:
        """The text holds the asked deed in one of its forms (True when the question asks none)."""
        return not self.verb or in_form([self.verb], sentence_words(text))

    def stated(self, sentence: Sentence) -> bool:
        """The sentence holds the asked deed in one of its forms (True when the question asks none)."""
        return self.tells(sentence.text)

    def done_by_new(self, sentence: Sentence) -> bool:
        """The deed in the sentence, after someone the question does not name (names_new: "Jurors found that Officer
        Daniel Reyes drove recklessly …" for "Who was driving the police car?"; not "Littler won the England Youth
        Grand Prix …" for "Who beat Luke Littler …?")."""
        if not self.verb:
            return False
        at = next((m.start() for m in WORD.finditer(sentence.text) if in_form([self.verb], [m.group(0).lower()])), -1)
        return at > 0 and names_new(sentence.text[:at], self.own_folded)

    def passive(self, sentence: Sentence) -> bool:
        """The sentence tells the deed only in the passive, naming no doer (doer.passive_only: "A painting stolen
        from the Harbor Art Museum in 1994 has been returned")."""
        return bool(self.verb) and passive_only(self.verb, sentence.text)
