"""One story, one key: copies that differ only in case, spacing or punctuation are the same article."""

from __future__ import annotations

import hashlib
import re

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def text_key(text: str) -> str:
    """A key equal for copies of one story that differ only in case, spacing or punctuation."""
    return hashlib.sha1(_NON_WORD.sub(" ", text.lower()).strip().encode("utf-8", "surrogatepass")).hexdigest()
