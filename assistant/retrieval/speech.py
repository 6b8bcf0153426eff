"""What someone said: "What did Kadyrov say about the war?" asks for a statement of the one named before the verb,
which a passage gives by naming that speaker (or writing "he", "she", "they") beside a verb of saying. And who wrote
something: "Who wrote the article about Russia's collapse?" asks for a writer, which a passage gives by naming one
as such ("written by Jane Doe", "columnist Jill Filipovic", "By Jane Doe").

Read from the question's wording with the dictionary's verb forms (lemminflect), no model: "said", "arguing",
"has warned" and "according to" all say something; "What is the name of ...?" asks for no statement.
"""

from __future__ import annotations

import re

from newstext.terms import STOPWORDS, readings, without_possessive

# The verbs that report a statement, as dictionary forms: any of them answers a question asking with any other
# ("What did Prigozhin argue?" is answered by "Prigozhin said ..."). Part of what "said" means, not a knob.
SAYING = frozenset(
    "say argue claim tell warn state write announce insist admit deny suggest urge declare vow promise predict "
    "accuse reply explain tweet threaten accord".split()
)
# Forms of those whose other reading is a common noun that says nothing: "the state", "a peace accord".
_NOT_SAYING = frozenset({"state", "states", "accord", "accords"})
_PRONOUNS = frozenset({"he", "she", "they"})
_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")
# "What did / has / is <someone> <say>": the auxiliary, then at most MAX_SPEAKER_WORDS words before the verb.
_ASKS = re.compile(r"^\W*what\s+(did|does|do|will|would|could|has|have|had|is|are|was|were)\s+(.+)$", re.I)
MAX_SPEAKER_WORDS = 5


def saying(word: str) -> bool:
    """The word is a form of a verb of saying ("argued", "warning", "told"), "according" of "according to"."""
    low = word.lower()
    return low not in _NOT_SAYING and bool(set(readings(low).get("VERB", ())) & SAYING)


def speaker(question: str) -> str:
    """Who the question asks a statement of, as it names them ("What has the Kremlin's spokesman claimed?" -> "the
    Kremlin's spokesman"); "" when it asks for no statement."""
    m = _ASKS.match(question)
    if not m:
        return ""
    progressive = m.group(1).lower() in {"is", "are", "was", "were"}
    words = _WORD.findall(m.group(2))
    for i, word in enumerate(words[: MAX_SPEAKER_WORDS + 1]):
        if i and saying(word) and (word.lower().endswith("ing") or not progressive):
            return " ".join(words[:i])
    return ""


def speakers(question: str) -> frozenset[str]:
    """The words naming the speaker (speaker()), lower case and without stop words ("What did Vladimir Putin say?"
    -> vladimir, putin); empty when the question asks for no statement, or only of "he" or "they" (a follow-up's
    rewrite names them)."""
    named = (without_possessive(w).lower() for w in speaker(question).split())
    return frozenset(w for w in named if w not in STOPWORDS)


def reports_speech(text: str, who: frozenset[str]) -> bool:
    """The text has one of `who` (a word of theirs) say something: named before a verb of saying with no "that"
    between (what follows "that" is what was said) and no other name just before the verb, or named just after
    it, or "he", "she" or "they" just before it. "Kadyrov has gone further, arguing that Putin should ..." and
    "..., said Kadyrov" state what Kadyrov said, not what Putin said; "The coronation of King Charles ...,
    Buckingham Palace announced" states nothing King Charles said. Words inside quotation marks are the quoted
    one's: "“I think we were all a little bit shocked when President Biden said what he said …”" is not Biden's."""
    tokens = _WORD.findall(unquoted(text))
    words = [w.lower() for w in tokens]
    for i, word in enumerate(words):
        if not saying(word) or (word == "according" and words[i + 1 : i + 2] != ["to"]):
            continue
        if word == "according":  # "according to [the spokesman for] Kadyrov": the source follows, never precedes
            if who & set(words[i + 2 : i + 2 + MAX_SPEAKER_WORDS]):
                return True
            continue
        if who & set(words[i + 1 : i + 2]) or (i and words[i - 1] in _PRONOUNS):
            return True
        before = words[:i]
        cut = len(before) - before[::-1].index("that") if "that" in before else 0
        other = i > 1 and tokens[i - 1][:1].isupper() and words[i - 1] not in who  # "Buckingham Palace announced"
        if who & set(before[cut:]) and not other:
            return True
    return False


_QUOTED = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)")


def unquoted(text: str) -> str:
    """The text without what it quotes (a quotation left open runs to the end): the words around the quotes."""
    return _QUOTED.sub(" ", text)


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
)


def asks_writer(question: str) -> bool:
    """The question asks who wrote something."""
    return bool(_ASKS_WRITER.match(question))


def names_writer(text: str) -> bool:
    """The text names someone as a writer: "The letter, written by 50 senators" names none (no name), "a column by
    Jill Filipovic" does not either; "written by Jill Filipovic" and "columnist Jill Filipovic" do."""
    return bool(_WRITER.search(text))
