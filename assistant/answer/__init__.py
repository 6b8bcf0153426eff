"""Turning retrieved passages into an answer: the lead sentence and its support, the refusal rule, their config."""
