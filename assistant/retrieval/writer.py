"""Who wrote something: "Who wrote the article about Russia's collapse?" asks for a writer, which a passage gives by
naming one as such ("written by Jane Doe", "columnist Jill Filipovic", "By Jane Doe")."""

from __future__ import annotations

import re

# "Who wrote / authored / penned ...?", "Who is the author of ...?"
_ASKS_WRITER = re.compile(r"^\W*who\s+(?:wrote|writes|authored|penned|(?:is|was)\s+the\s+(?:author|writer))\b", re.I)
_NAMED = r"[A-Z][\w.’'-]+"
# A writer named as such: "written by Jane Doe", "Jane Doe wrote", "columnist Jane Doe", "By Jane Doe" opening a
# line, "Jane Doe is a journalist".
_WRITER = re.compile(
    r"\b(?:written|authored|penned)\s+by\s+" + _NAMED + r"|" + _NAMED + r"\s+(?:wrote|writes|has written|penned)\b"
    r"|\b(?:author|columnist|writer|reporter|correspondent|novelist|journalist)\s+" + _NAMED
    + r"|(?:^|\n)\s*By\s+" + _NAMED
    + r"|" + _NAMED + r"\s+(?:is|was)\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:journalist|writer|columnist|author|reporter"
    r"|contributor|correspondent)\b"  # "Editor's Note: Jill Filipovic is a journalist based in New York ..."
    # a court's opinion: "Writing for the majority, Justice Miriam Achterberg said …"
    r"|\b[Ww]riting for (?:the |a )?(?:[\w-]+ )?(?:majority|court|panel|dissenters|minority),\s+(?:[A-Z][\w.]* )*?"
    + _NAMED
)


def asks_writer(question: str) -> bool:
    """The question asks who wrote something."""
    return bool(_ASKS_WRITER.match(question))


def names_writer(text: str) -> bool:
    """The text names someone as a writer: "The letter, written by 50 senators" names none (no name), "a column by
    Jill Filipovic" does not either; "written by Jill Filipovic" and "columnist Jill Filipovic" do."""
    return bool(_WRITER.search(text))
