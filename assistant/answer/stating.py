"""What the top chunks state of the question's numbers, names and quoted phrases: a sentence answers only from a
chunk (and title) that states them, since a passage's names may sit in the sentence before it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cache, cached_property

from assistant.answer.constraints import Constraints
from assistant.answer.sentences import Sentence
from assistant.retrieval.gazetteer import COUNTRIES, US_STATES
from assistant.retrieval.pipeline import Retrieval
from assistant.retrieval.rewrite import asked_part
from index.records import StoredChunk
from newstext.sentences import dateline_end
from newstext.titles import titles


class Stating:
    """One retrieval's question specifics (its own and those a follow-up carries) against its top chunks."""

    def __init__(self, retrieval: Retrieval, article_text: Callable[[str], str | None] | None = None) -> None:
        self._retrieval = retrieval
        self._article_text = cache(article_text) if article_text is not None else None  # by article id

    @property
    def reads_articles(self) -> bool:
        """Whole articles can be read (story_text holds them)."""
        return self._article_text is not None

    def story_text(self, sentence: Sentence) -> str:
        """The sentence's chunk (with its title) and, when the articles' texts can be read, its whole article."""
        chunk = self.chunk_text(sentence)
        if self._article_text is None:
            return chunk
        return f"{chunk}\n{self._article_text(sentence.candidate.article.id) or ''}"

    @cached_property
    def wanted(self) -> Constraints:
        """The question's numbers, names and quoted phrases (a follow-up's, with those it carries)."""
        return Constraints.of(self._retrieval.query)

    @cached_property
    def own_words(self) -> str:
        """The user's own words: a follow-up without the conversation's (rewrite.asked_part)."""
        return asked_part(self._retrieval.query)

    @cached_property
    def own(self) -> Constraints:
        """The numbers, names and quoted phrases of the user's own words."""
        return self.wanted if self.own_words == self._retrieval.query else Constraints.of(self.own_words)

    @cached_property
    def _carried(self) -> list[Constraints]:
        """Each name a follow-up carries from the conversation (rewrite.rewrite) that its own words lack, alone."""
        return [self.wanted.only_names({n}) for n in sorted(self.wanted.names - self.own.names)]

    @cached_property
    def _chunk_texts(self) -> dict[str, str]:
        """Each top chunk's title and whole text, by id."""
        return {c.chunk.id: f"{c.article.title}\n{c.chunk.text}" for c in self._retrieval.chunks}

    def chunk_text(self, sentence: Sentence) -> str:
        """The title and whole text of the sentence's chunk (the passage's own text if it is no top chunk)."""
        chunk = sentence.candidate.chunk
        return self._chunk_texts.get(chunk.id, chunk.text)

    @cached_property
    def _first_chunks(self) -> dict[str, StoredChunk]:
        """Each top chunk opening its article, by id."""
        return {c.chunk.id: c.chunk for c in self._retrieval.chunks if c.chunk.index == 0}

    def headline(self, sentence: Sentence) -> str:
        """The title of the sentence's article when the sentence opens it (after a dateline), else "": a headline
        tells the lede's fact, often in other words."""
        chunk = self._first_chunks.get(sentence.candidate.chunk.id)
        if chunk is None:
            return ""
        before = chunk.text[dateline_end(chunk.text, 0, len(chunk.text)) : max(0, sentence.start - chunk.start)]
        return "" if before.strip() else sentence.candidate.article.title

    def names_stated(self, sentence: Sentence) -> bool:
        """The sentence's chunk (and its title) states every number, name and quoted phrase of the question."""
        return not self.wanted.missing([self.chunk_text(sentence)])

    @cached_property
    def _titles(self) -> Constraints | None:
        """The titles the user's own words write in capitals (newstext.titles), alone; None when they have none. A
        quoted phrase is left out: a quiz quotes one article, and another may answer ("turbocharge")."""
        own, written = self.own, set(titles(self.own_words))
        named = frozenset(p for p in own.phrases if own.label(p) in written)
        return replace(own, numbers=frozenset(), names=frozenset(), phrases=named) if named else None

    def titles_stated(self, sentence: Sentence) -> bool:
        """The sentence's chunk (and its title) states every title the user's own words write in capitals ("the He
        Gets Us ads"); True when they write none."""
        return self._chunk_states(self._titles, sentence)

    @cached_property
    def _places(self) -> Constraints | None:
        """The countries and US states the user's own words name, alone; None when they name none."""
        own = self.own
        named = frozenset(n for n in own.names if own.label(n) in COUNTRIES | US_STATES)
        return own.only_names(named) if named else None

    def places_stated(self, sentence: Sentence) -> bool:
        """The sentence's chunk (and its title) states every country and US state the user's own words name ("its
        flagship Florida restaurant"); True when they name none."""
        return self._chunk_states(self._places, sentence)

    def _chunk_states(self, wanted: Constraints | None, sentence: Sentence) -> bool:
        """The sentence's chunk (and its title) states all of `wanted`; True when nothing is."""
        return wanted is None or not wanted.missing([self.chunk_text(sentence)])

    @property
    def carries(self) -> bool:
        """A follow-up carrying names from the conversation that its own words lack."""
        return bool(self._carried)

    def carried_stated(self, text: str) -> bool:
        """The text states one of the names a follow-up carries from the conversation (any text, when it carries
        none): it tells the conversation's story."""
        return not self._carried or any(not name.missing([text]) for name in self._carried)

    def own_names_stated(self, sentence: Sentence) -> bool:
        """The sentence's chunk states every number, name and quoted phrase of the user's own words and, for a
        follow-up, one of the names it carries from the conversation: "Who promoted him? (Kadyrov argue Wagner)" is
        answered by a chunk naming Kadyrov, whether or not it names Wagner, the last answer's. Enough for a sentence
        that states what is asked in its own words; one that only holds a thing of the asked kind (a time, a
        figure) needs names_stated."""
        return self.own_stated(sentence) and self.carried_stated(self.chunk_text(sentence))

    def own_stated(self, sentence: Sentence) -> bool:
        """The sentence's chunk states every number, name and quoted phrase of the user's own words, whatever the
        conversation carries (its own article may tell the conversation's story: Doing.doer_tie)."""
        return not self.own.missing([self.chunk_text(sentence)])
