"""Prompt and answer templates are data: files in prompts/, loaded by name."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


class PromptNotFound(LookupError):
    """A template name with no file behind it."""


@lru_cache(maxsize=64)
def load_prompt(prompts_dir: Path, name: str) -> str:
    """The text of prompts/<name>.txt (or .md), without its trailing newline."""
    for suffix in (".txt", ".md"):
        path = prompts_dir / f"{name}{suffix}"
        if path.is_file():
            return path.read_text(encoding="utf-8").rstrip("\n")
    raise PromptNotFound(f"no prompt template {name!r} in {prompts_dir}")
