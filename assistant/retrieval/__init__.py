"""Hybrid retrieval: dense (Chroma) and lexical (BM25) candidates, fused, reranked and diversified."""
