"""Keep one article (or near-copies of one passage) from filling every slot of the ranking."""

from __future__ import annotations

from assistant.retrieval.candidates import Candidate


def diversify(ranked: list[Candidate], k: int, per_article_decay: float) -> list[Candidate]:
    """Greedy selection: each further chunk of an already-chosen article has its score decayed."""
    pool = list(ranked)
    chosen: list[Candidate] = []
    per_article: dict[str, int] = {}
    while pool and len(chosen) < k:
        best_i = max(
            range(len(pool)),
            key=lambda i: pool[i].score * per_article_decay ** per_article.get(pool[i].chunk.article_id, 0),
        )
        pick = pool.pop(best_i)
        if any(pick.overlaps(c) for c in chosen):
            continue  # the overlapping text is already in the ranking
        chosen.append(pick)
        per_article[pick.chunk.article_id] = per_article.get(pick.chunk.article_id, 0) + 1
    return chosen
