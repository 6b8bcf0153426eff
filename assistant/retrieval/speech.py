"""What someone said: "What did Kadyrov say about the war?" asks for a statement of the one named before the verb,
which a passage gives by naming that speaker as the one who says, argues or warns (a bare "he said" names no one).

Read from the question's wording with the dictionary's verb forms (lemminflect), no model: "said", "arguing",
"has warned" and "according to" all say something; "What is the name of ...?" asks for no statement.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.retrieval.rewrite import asked_part, carried_part
from newstext.terms import STOPWORDS, readings, without_possessive

# The verbs that report a statement, as dictionary forms: any of them answers a question asking with any other
# ("What did Prigozhin argue?" is answered by "Prigozhin said ..."). Part of what "said" means, not a knob.
SAYING = frozenset(
    "say argue claim tell warn state write announce insist admit deny suggest urge declare vow promise predict "
    "accuse reply explain tweet threaten accord".split()
)
# Forms of those whose other reading is a common noun that says nothing: "the state", "a peace accord".
_NOT_SAYING = frozenset({"state", "states", "accord", "accords"})
_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")
# "What did / has / is <someone> <say>": the auxiliary, then at most MAX_SPEAKER_WORDS words before the verb; or
# "How did <someone> react / respond …?", which a statement of theirs answers as well as anything they did.
_ASKS = re.compile(r"^\W*(what|how)\s+(did|does|do|will|would|could|has|have|had|is|are|was|were)\s+(.+)$", re.I)
_REACTING = frozenset({"react", "respond"})
MAX_SPEAKER_WORDS = 5


def saying(word: str) -> bool:
    """The word is a form of a verb of saying ("argued", "warning", "told"), "according" of "according to"."""
    low = word.lower()
    return low not in _NOT_SAYING and bool(set(readings(low).get("VERB", ())) & SAYING)


def speaker(question: str) -> str:
    """Who the question asks a statement of, as it names them ("What has the Kremlin's spokesman claimed?" -> "the
    Kremlin's spokesman", "What did he say?" -> "he"); "" when it asks for no statement."""
    m = _ASKS.match(asked_part(question))
    if not m:
        return ""
    how = m.group(1).lower() == "how"
    progressive = m.group(2).lower() in {"is", "are", "was", "were"}
    words = _WORD.findall(m.group(3))
    for i, word in enumerate(words[: MAX_SPEAKER_WORDS + 1]):
        said = _reacting(words[:i], word) if how else saying(word)
        if i and said and (word.lower().endswith("ing") or not progressive):
            return " ".join(words[:i])
    return ""


def _reacting(who: list[str], word: str) -> bool:
    """The word is a form of "react" or "respond" after a name or a person's pronoun: "How did the stock market
    react?" is answered by what stocks did, not by anything the market said."""
    named = any(w[:1].isupper() for w in who) or " ".join(who).lower() in _POINTING
    return named and bool(set(readings(word.lower()).get("VERB", ())) & _REACTING)


def speakers(question: str) -> frozenset[str]:
    """The words naming the speaker (speaker()), lower case and without stop words ("What did Vladimir Putin say?"
    -> vladimir, putin). For "he", "she" or "they" in a follow-up, the names the conversation gave, which rewrite()
    carried in brackets ("What did he say? (leader Wagner Yevgeny Prigozhin)" -> wagner, yevgeny, prigozhin);
    empty when the question asks for no statement or names no one."""
    said = speaker(question)
    if said.lower() in _POINTING:
        return frozenset(w.lower() for w in _WORD.findall(carried_part(question)) if w[:1].isupper())
    named = (without_possessive(w).lower() for w in said.split())
    return frozenset(w for w in named if w not in STOPWORDS)


_POINTING = frozenset({"he", "she", "they"})  # a follow-up's person, named by the conversation
# Titles a question may name a speaker by ("What did the mayor say?"), which news writes before the name once and
# drops after ("Mayor Tom Reed praised the vote. “…,” Reed said").
_TITLES = frozenset(
    "mayor governor president senator minister chancellor king queen prince pope sheriff superintendent director "
    "spokesman spokeswoman spokesperson chairman chairwoman coach commissioner chief lawyer attorney".split()
)
# ... before the name or set beside it ("His attorney, Gideon Marsh, said …" for "what did his lawyer say")
_TITLED = re.compile(
    r"\b(?i:(" + "|".join(sorted(_TITLES)) + r"))(?:,\s+|\s+)((?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+)"
)
# A prosecutor is an attorney of the state, no one's lawyer: "Assistant District Attorney Raymond Okonjo".
_PROSECUTOR = re.compile(r"\b(?:district|state's|state’s|county|city|u\.s\.|prosecuting|general)\s+$", re.I)
# Titles news writes in other words: a lawyer is as often an attorney.
_SAME_TITLE = {"lawyer": "attorney", "attorney": "lawyer"}


@lru_cache(maxsize=256)
def titled(who: frozenset[str], context: str) -> frozenset[str]:
    """The speaker's words and, for a speaker named only by a title ("the mayor"), the names `context` writes after
    it ("Mayor Tom Reed" -> tom, reed): the one a passage's "Reed said" is. Read once a chunk, though every sentence
    of its passages asks."""
    if not who or not who <= _TITLES:
        return who
    asked = who | {_SAME_TITLE[w] for w in who if w in _SAME_TITLE}
    names = (
        m.group(2) for m in _TITLED.finditer(context)
        if m.group(1).lower() in asked and not _PROSECUTOR.search(context[max(0, m.start() - 20) : m.start()])
    )  # fmt: skip
    return who | {without_possessive(w).lower() for n in names for w in n.split()}


def reports_speech(text: str, who: frozenset[str]) -> bool:
    """The text has one of `who` (a word of theirs) say something: named just before a verb of saying (nothing but
    a word between, no other name, no comma) or just after it, the source after "according to", or the sentence's
    subject (its first name, with the titles going on it) with no "that" between it and the verb (what follows
    "that" is what was said). "Kadyrov has gone further, arguing that Putin should ..." and "..., said Kadyrov"
    state what Kadyrov said, not what Putin said; "Jacinda Ardern remembered the Queen ..., saying ..." is
    Ardern's; "The coronation of King Charles ..., Buckingham Palace announced" is not King Charles's. "He said"
    names no one: which "he" is not read. Words inside quotation marks are the quoted one's: "“I think we were all
    a little bit shocked when President Biden said what he said …”" is not Biden's."""
    plain = unquoted(text)
    found = list(_WORD.finditer(plain))
    tokens = [m.group(0) for m in found]
    words = [without_possessive(w).lower() for w in tokens]
    subject, subject_end = _subject(tokens, _opener_end(plain, found))
    for i, word in enumerate(words):
        if not saying(word) or (word == "according" and words[i + 1 : i + 2] != ["to"]):
            continue
        if i and words[i - 1] == "to" and word != "according":
            continue  # "is expected to claim his fifth tenure": no statement made
        if word == "according":  # "according to [the spokesman for] Kadyrov": the source follows, never precedes
            if who & set(_source(words, found, plain, i + 2)):
                return True
            continue
        # "…," said Kadyrov, "…," said Mary Turner; not "accused Putin of …", nor "say Israel's bombing …"
        if _inverts(word) and who & set(_name_after(tokens, i)):
            return True
        named = _named_before(tokens, found, plain, i)  # "Boeing CEO Dave Calhoun says": Boeing says it
        if who & set(words[named:i]):
            return True
        # the verb is another's: "Buckingham Palace announced", "... which suggests"
        other = i > 0 and (words[i - 1] in _RELATIVE or (tokens[i - 1][:1].isupper() and words[i - 1] not in who))
        near = [j for j in range(max(0, i - NEAR_WORDS), i) if words[j] in who]
        if near and not other and not _BREAK.search(plain, found[near[-1]].end(), found[i].start()):
            return True
        if who & subject and subject_end <= i and "that" not in words[subject_end:i] and not other:
            return True
    return False


_BREAK = re.compile(r"[,;:—–()]")
_NAME_WORDS = 3  # "said Mary Turner", "said Gov. John Carney": the name set after the verb


def _name_after(tokens: list[str], verb: int) -> list[str]:
    """The capitalised words just after the verb at `verb` (up to _NAME_WORDS), lower case: the speaker news sets
    after "said"; none when the first is an owner ("say Israel's bombing …")."""
    out: list[str] = []
    for token in tokens[verb + 1 : verb + 1 + _NAME_WORDS]:
        if not token[:1].isupper() or token != without_possessive(token):
            break
        out.append(token.lower())
    return out
# The verbs of saying news sets before their speaker ("…,” said Kadyrov"); the others take a person as their object
# there ("accused Putin of …", "told reporters", "urged Biden to …").
_INVERTING = frozenset("say write explain reply insist admit".split())


def _inverts(word: str) -> bool:
    """A form of a verb of saying that news sets before its speaker (_INVERTING)."""
    return bool(set(readings(word).get("VERB", ())) & _INVERTING)


# Lower-case words of a speaker's title between a name and the verb ("Wagner founder Yevgeny Prigozhin said").
_ROLES = frozenset(
    "founder chief executive spokesman spokeswoman spokesperson head leader president chairman chairwoman director "
    "minister secretary owner officials official general manager coach commissioner superintendent officer".split()
)  # "Comets general manager Renee Castellano said" (not a client's lawyer: "Trump attorney Alina Habba said")


def _source(words: list[str], found: list[re.Match[str]], text: str, start: int) -> list[str]:
    """The words naming the source after "according to", up to MAX_SPEAKER_WORDS and the first comma or dash:
    "According to Alaska Airlines, Flight 1282 − a Boeing 737 Max 9 jet − was en route …" is Alaska Airlines's."""
    stop = _BREAK.search(text, found[start - 1].end()) if 0 < start <= len(found) else None
    end = stop.start() if stop else len(text)
    return [w for w, m in zip(words[start : start + MAX_SPEAKER_WORDS], found[start:], strict=False) if m.start() < end]


def _named_before(tokens: list[str], found: list[re.Match[str]], text: str, verb: int) -> int:
    """Where the run of capitalised words and titles just before the verb at `verb` begins ("Boeing CEO Dave
    Calhoun says" -> Boeing's index), nothing but spaces between them; `verb` when the word before it is no name."""
    start = verb
    while start > 0 and (tokens[start - 1][:1].isupper() or tokens[start - 1].lower() in _ROLES):
        if _BREAK.search(text, found[start - 1].end(), found[start].start()):
            break
        start -= 1
    while start < verb and not tokens[start][:1].isupper():
        start += 1  # a title alone ("officials said") names no one
    return start


_RELATIVE = frozenset({"which", "who", "that"})
_ARTICLES = frozenset({"The", "A", "An"})  # a sentence opening with one opens with its subject
NEAR_WORDS = 2  # "Trump told", "Prigozhin has said": a name this close before the verb is its subject


def _subject(tokens: list[str], start: int = 0) -> tuple[frozenset[str], int]:
    """The sentence's first name from `start` with the words going on it ("New Zealand Prime Minister Jacinda
    Ardern", "Wagner founder Yevgeny Prigozhin", "Igor Girkin, the now popular Russian blogger ..."), lower case,
    up to its first word that can only be a verb ("remembered", "has"), and where that word stands; empty when it
    names no one."""
    first = next((j for j in range(start, len(tokens)) if tokens[j][:1].isupper() and tokens[j].lower() not in
                  STOPWORDS), None)  # fmt: skip
    if start < len(tokens) and tokens[start] in _ARTICLES and first is not None:
        first = start  # "The city of Chicago had argued …": the subject is the city's
    if first is None:
        return frozenset(), 0
    end = first
    while end < len(tokens) and not _verb_only(tokens[end]):
        end += 1
    return frozenset(without_possessive(t).lower() for t in tokens[first:end]), end


# Words opening a phrase set before the subject: "During the second debate, Haley told ...", "Shortly after this
# column was written, Wendy's ... released a statement saying ...", "Following Chris Christie, Ron DeSantis ...".
_OPENERS = frozenset(
    "after before during following in on at since while when as despite amid with without under over for from by "
    "shortly earlier later meanwhile still yet however also then now today yesterday speaking addressing asked "
    "responding".split()
)


def _opener_end(text: str, found: list[re.Match[str]]) -> int:
    """The index of the first word after the sentence's opening phrase (one that starts with an _OPENERS word and
    ends at the first comma); 0 when it opens with its subject."""
    if not found or found[0].group(0).lower() not in _OPENERS:
        return 0
    comma = text.find(",", found[0].end())
    return next((j for j, m in enumerate(found) if m.start() > comma), 0) if comma >= 0 else 0


def _verb_only(word: str) -> bool:
    """A lower-case word the dictionary reads as a verb and nothing else but an auxiliary."""
    found = set(readings(word.lower())) if word[:1].islower() else set()
    return bool(found) and found <= {"VERB", "AUX"}


# A quotation: opened and closed, left open to the end, or closed with its opening in an earlier sentence.
_QUOTED = re.compile(r"^[^“”]*”|“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)")


def unquoted(text: str) -> str:
    """The text without what it quotes (a quotation left open runs to the end): the words around the quotes."""
    return _QUOTED.sub(" ", text)
