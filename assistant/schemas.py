"""The response object every interface returns (CLI --json, HTTP API, chat UI)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field


class Filters(BaseModel):
    """Optional metadata filters on retrieval."""

    date_from: date | None = Field(None, description="Only articles dated on or after this day.")
    date_to: date | None = Field(None, description="Only articles dated on or before this day.")
    sources: list[str] = Field(default_factory=list, description="Only these url domains (e.g. cnn.com).")

    def is_empty(self) -> bool:
        """True when nothing is filtered."""
        return self.date_from is None and self.date_to is None and not self.sources


class Turn(BaseModel):
    """One earlier message of a conversation."""

    role: str = Field(description="'user' or 'assistant'")
    content: str


class Citation(BaseModel):
    """A numbered citation: `quote == article.text[start:end]` of the stored article."""

    n: int
    article_id: str
    title: str
    label: str = Field(default="", description="The article's name: its title, or its opening words when untitled.")
    url: str
    date: str = ""
    quote: str
    start: int
    end: int
    score: float
    verified: bool = True

    @property
    def name(self) -> str:
        """How to show the cited article: its label, else its title (a server from before labels), else its id."""
        return self.label or self.title or self.article_id


class Passage(BaseModel):
    """A ranked retrieved passage: a run of whole sentences of one stored chunk."""

    article_id: str
    passage_id: str = Field(description="The passage's own id: its chunk's id, '@', its offset in the chunk.")
    chunk_id: str = Field(description="The stored chunk the passage comes from.")
    title: str
    label: str = Field(default="", description="The article's name: its title, or its opening words when untitled.")
    url: str
    date: str = ""
    text: str
    start: int
    end: int
    score: float

    @property
    def name(self) -> str:
        """How to show the passage's article, as Citation.name."""
        return self.label or self.title or self.article_id


class AnswerResponse(BaseModel):
    """What `ask` returns."""

    answer: str
    refused: bool
    reason: str | None = Field(
        default=None,
        description="Why it was refused: off_topic, not_stated (the topic is covered, the asked fact is not), "
        "no_answer (related passages, none of whose sentences answers it), out_of_scope (personal questions, "
        "task requests), language (not asked in English) or help (a greeting or a question to the assistant "
        "itself, answered with how to ask).",
    )
    citations: list[Citation] = Field(default_factory=list)
    passages: list[Passage] = Field(default_factory=list)
    query: str = Field("", description="The question as retrieved, after the follow-up rewrite.")
    applied_filters: Filters | None = Field(
        default=None, description="The date range read from the question ('this week', 'in March'), when applied."
    )
    respelled: dict[str, str] = Field(
        default_factory=dict,
        description="Words of the question no article writes, read as the articles spell them ('Wagnr': 'Wagner').",
    )
    mode: str = "extractive"
    dropped_sentences: int = Field(
        default=0, description="Generated sentences removed because no passage supported them."
    )
    error: str | None = Field(
        default=None, description="Why the LLM backend could not answer (the extractive answer stands)."
    )
    timings_ms: dict[str, float] = Field(default_factory=dict)

    def spelling_note(self) -> str:
        """Which typed words were read as the articles spell them, said before the answer so the user sees what was
        searched ("Read “Wagnr” as “Wagner”, as your articles spell it."); "" when none was."""
        if not self.respelled:
            return ""
        pairs = ", ".join(f"“{typed}” as “{read}”" for typed, read in self.respelled.items())
        return f"Read {pairs}, as your articles spell it."
