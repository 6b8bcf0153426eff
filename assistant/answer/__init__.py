"""Turning retrieved passages into an answer: follow-up rewrite, extractive composition, refusal rule."""
