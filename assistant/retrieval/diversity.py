"""Keep one article (or near-copies of one passage) from filling every slot of the ranking."""

from __future__ import annotations

from dataclasses import replace

from assistant.retrieval.candidates import Candidate


def unshared(pick: Candidate, chosen: list[Candidate]) -> Candidate | None:
    """The chunk narrowed to the text no chosen chunk holds, or None when nothing is left.

    Neighbouring chunks share a sentence; dropping a neighbour for that one sentence drops the rest of its text
    too ("the attack on the Kerch Bridge" sat in the chunk before the best one, and no passage said "Bridge")."""
    a, b = pick.chunk.start, pick.chunk.end
    for other in chosen:
        s, e = other.chunk.start, other.chunk.end
        if other.chunk.article_id != pick.chunk.article_id or not (s < b and a < e):
            continue
        if s <= a and e >= b:
            return None  # all of it is already ranked
        if s <= a:
            a = e  # the chosen chunk holds the head
        elif e >= b:
            b = s  # ...or the tail
        else:
            return None  # a chosen chunk inside this one: the chunker's neighbours never nest, so keep it simple
    if (a, b) == (pick.chunk.start, pick.chunk.end):
        return pick
    text = pick.chunk.text[a - pick.chunk.start : b - pick.chunk.start]
    lead = len(text) - len(text.lstrip())
    text = text[lead:].rstrip()
    if not text:
        return None
    a += lead
    narrowed = replace(pick.chunk, start=a, end=a + len(text), text=text)
    return replace(pick, chunk=narrowed, chunk_offset=pick.chunk_offset + a - pick.chunk.start, rest=True)


def diversify(ranked: list[Candidate], k: int, per_article_decay: float) -> list[Candidate]:
    """Greedy selection: each further chunk of an already-chosen article has its score decayed, and a chunk that
    shares text with a chosen one keeps only the rest (unshared)."""
    pool = list(ranked)
    chosen: list[Candidate] = []
    per_article: dict[str, int] = {}
    whole = 0
    while pool and whole < k:
        best_i = max(
            range(len(pool)),
            key=lambda i: pool[i].score * per_article_decay ** per_article.get(pool[i].chunk.article_id, 0),
        )
        pick = unshared(pool.pop(best_i), chosen)
        if pick is None:
            continue  # the whole text is already in the ranking
        chosen.append(pick)
        if not pick.rest:  # a rest continues a chosen chunk: no place of its own, no further decay of its article
            whole += 1
            per_article[pick.chunk.article_id] = per_article.get(pick.chunk.article_id, 0) + 1
    return chosen
