"""Names in a question typed without capitals ("who founded the wagner group"), cased as the retrieved articles
write them: the refusal rule and the answer's checks know a name by its capital, so typed in lower case a question
lost every specific it names, and with them the checks that refuse what the articles do not say."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from difflib import get_close_matches
from functools import lru_cache, partial

from assistant.retrieval.gazetteer import COUNTRIES, US_STATES
from newstext.sentences import PERSONAL_TITLES, opens_sentence
from newstext.terms import FUNCTION_WORDS, STOPWORDS, readings, terms, without_possessive

_WORD = re.compile(r"[^\W\d_][\w’'.&-]*")
# Capitalised words in a row, within a sentence (a period only inside a word: "U.S").
_RUN = re.compile(r"[^\W\d_a-z](?:[\w’'&-]|\.(?=\w))*(?:[ \t]+[^\W\d_a-z](?:[\w’'&-]|\.(?=\w))*)*")
_PLACES = {name.lower(): name for name in COUNTRIES | US_STATES if not name.isupper()}  # not "UK", "USA"
_PLACE = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(_PLACES, key=len, reverse=True)) + r")\b", re.I)
_CONTEXT = re.compile(r"\s*\([^()]*\)\s*$")
# How alike (difflib's ratio) a word the collection lacks must be to one of the top chunks' words to be taken for a
# mistyping of it rather than a name: "fonded" ~ "founded" 0.92, "fifa" ~ "fifth" 0.67.
TYPO_RATIO = 0.8
# A word typed after a personal title is a name, whatever the collection writes ("mr brown", "dr strange").
_TITLED = re.compile(r"\b(?:" + "|".join(sorted(PERSONAL_TITLES)) + r")\.?\s+([^\W\d_][\w’'-]*)", re.I)
_LOWER_TAIL = re.compile(r"-[^\W\d_A-Z].*$")  # "-style" of "Darcy-style": no part of the name before it
_BEFORE_CHARS = 8  # what opens_sentence reads before a run: enough for a sentence's end or a title ("Capt. ")
MIN_NAME_LETTERS = 3  # shorter pieces are a split word's ends ("nation‘s": "s"), not names


def _bare(word: str) -> str:
    return without_possessive(word.rstrip(".-"))


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """The word's term (terms(): stemmed, lower-cased), or the word lower-cased where it is a stop word; memoised,
    since every word of the top chunks is stemmed, for the lower-case check and the words they lack alike."""
    return next(iter(terms(_bare(word))), _bare(word).lower())


def uncased(question: str) -> bool:
    """No capital after the first word: typed without case, so a word's case says nothing of whether it names."""
    return not any(w[0].isupper() for w in _WORD.findall(question)[1:])


def shouted(question: str) -> bool:
    """Typed in capitals throughout, two words or more: no word's capitals tell a name."""
    words = [w for w in _WORD.findall(question) if any(c.isalpha() for c in w)]
    return len(words) >= 2 and not any(c.islower() for c in question)


def heading(line: str) -> bool:
    """A line in title case ("Russia’s Breaking Point: A Nation in Chaos"), where every word has a capital."""
    words = [w for w in _WORD.findall(line) if w.lower() not in STOPWORDS]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def _without_headings(texts: Iterable[str]) -> list[str]:
    """The texts without their headings: a heading is no sentence, and capitalises every word."""
    return ["\n".join(line for line in text.splitlines() if not heading(line)) for text in texts]


def _runs(texts: Iterable[str]) -> Iterator[list[str]]:
    """The words of each run of capitalised words in the texts, without a first capital that may only open the
    sentence, and without a lower-case part after a hyphen ("Darcy-style", "Wagner-led": the name is the head)."""
    for text in texts:
        for m in _RUN.finditer(text):
            words = [_LOWER_TAIL.sub("", _bare(w)) for w in m.group(0).split()]
            yield words[1:] if opens_sentence(text[max(0, m.start() - _BEFORE_CHARS) : m.start()]) else words


def written_forms(texts: Iterable[str], asked: set[str]) -> dict[str, str]:
    """The question's words (`asked`, lower-cased) that the texts write as names and never without a capital, each in
    its most common form ("wagner" -> "Wagner", "nato" -> "NATO"). A capital counts only inside a sentence, and only
    where the question asks its whole run of capitalised words, the run's last word ("Prigozhin" of "Yevgeny
    Prigozhin") or a word no dictionary knows ("Ashgrove" of "The Ashgrove City Council"): "New York" does not make
    "new" a name, nor "Food Network" "food"; a word the texts also write in lower case, in any form ("the
    cathedral", "crab pickers"), is none. A heading capitalises every word, so its capitals say nothing ("Russia’s
    Breaking Point" made "point" a name)."""
    cased: Counter[tuple[str, str]] = Counter()
    lower: Counter[str] = Counter()  # by stem: "pickers" says "picker" is a word
    sentences = _without_headings(texts)
    for words in _runs(sentences):
        if words and all(w.lower() in asked for w in words):
            cased.update((w.lower(), w) for w in words)
        elif words and words[-1].lower() in asked:  # a name's last word: "Prigozhin" of "Yevgeny Prigozhin"
            cased[(words[-1].lower(), words[-1])] += 1
        # a word of the run no dictionary knows: "Ashgrove" of "The Ashgrove City Council" (not "new" of "New York")
        cased.update((w.lower(), w) for w in words if w.lower() in asked and not _known(w.lower()))
    for text in sentences:
        lower.update(_stem(w) for w in _WORD.findall(text) if w[0].islower())
    forms: dict[str, str] = {}
    for (key, form), _ in cased.most_common():
        forms.setdefault(key, form)
    return {key: form for key, form in forms.items() if not lower[_stem(key)]}


def written_phrases(texts: Iterable[str], question: str) -> dict[str, str]:
    """Runs of two or more capitalised words inside a sentence ("Smyrna School District", "Great Wolf Lodge") whose
    words the question holds in a row, by their lower-case form: a name of several words is one, though its words
    alone are also common words the texts write in lower case ("the school district"), which written_forms leaves
    uncased. Headings excepted, where every word has a capital."""
    words_asked = [_bare(w).lower() for w in _WORD.findall(question)]
    asked, vocabulary = " " + " ".join(words_asked) + " ", set(words_asked)
    texts = _without_headings(texts)
    found: dict[str, str] = {}
    for words in _runs(texts):
        if len(words) < 2 or not {w.lower() for w in words[-2:]} <= vocabulary:
            continue  # a phrase kept is the run's end: its last two words must be asked
        while len(words) >= 2 and _lowered_first(words, texts):
            words = words[1:]  # "Former President Donald Trump", where the texts also write "former President …"
        key = " ".join(w.lower() for w in words)
        shouted_run = all(w.isupper() for w in words)  # "BIRTH CONTROL PILL": capitals that name nothing
        if len(words) >= 2 and len(words[0]) > 2 and not shouted_run and f" {key} " in asked:
            found.setdefault(key, " ".join(words))
    # a phrase the texts also write in lower case is none ("the armed forces", "former President Trump")
    lower = re.compile(r"\b(?:" + "|".join(map(re.escape, found)) + r")\b") if found else None
    written_lower = {m.group(0) for t in texts for m in lower.finditer(t)} if lower else set()
    return {key: form for key, form in found.items() if key not in written_lower}


def _lowered_first(words: list[str], texts: list[str]) -> bool:
    """The texts also write the run with its first word in lower case: that word is no part of the name."""
    pattern = re.compile(r"\b" + re.escape(words[0].lower()) + r"\s+" + r"\s+".join(map(re.escape, words[1:])) + r"\b")
    return any(pattern.search(t) for t in texts)


def _cased_phrases(question: str, phrases: dict[str, str]) -> str:
    """The question with each of the phrases, typed in lower case, as the texts write it (longest first)."""
    for key in sorted(phrases, key=len, reverse=True):
        words = [re.escape(w) for w in key.split()]
        pattern = re.compile(r"(?<![\w’'-])" + r"(['’]s)?\s+".join(words) + r"(?![\w-])")
        question = pattern.sub(partial(_joined, phrases[key].split()), question)
    return question


def _joined(forms: list[str], typed: re.Match[str]) -> str:
    """The typed words (with any possessive and spacing between them kept) in the texts' forms."""
    parts = re.split(r"(\s+)", typed.group(0))
    words = iter(forms)
    return "".join(p if p.isspace() else next(words) + p[len(_bare(p)) :] for p in parts)


def _places(question: str, texts: list[str]) -> str:
    """Countries and US states written as names ("canada", "new mexico"), unless the texts write the same words in
    lower case ("turkey"): they are names the top chunks may not hold, which is when a missing name matters."""

    def cased(m: re.Match[str]) -> str:
        phrase = m.group(0)
        said_lower = re.compile(r"\b" + re.escape(phrase.lower()) + r"\b")
        if m.start() == 0 or phrase[0].isupper() or any(said_lower.search(t) for t in texts):
            return phrase
        return _PLACES[phrase.lower()]

    return _PLACE.sub(cased, question)


# Prefixes a word the dictionary lacks may be made with: "unaccounted" is "accounted", not a name.
_PREFIX = re.compile(r"^(?:un|non|re|pre|mis|over|under|out|counter|anti|post)(?=[a-z]{4,}$)")


# A contraction's ending: "it'll", "they're", "we've", "she'd" are their first word's.
_CONTRACTED = re.compile(r"['’](?:ll|re|ve|d|m|s)$")


def _known(word: str) -> bool:
    """The dictionary knows the word, or the word it is made from with a prefix ("unaccounted", "overcharged"), or
    the word a contraction is made from ("it'll" was written as a name the collection never writes, "It'll")."""
    if (bare := _CONTRACTED.sub("", word)) != word:
        return bare in FUNCTION_WORDS or bare in STOPWORDS or _known(bare)
    return bool(readings(word)) or ((rest := _PREFIX.sub("", word)) != word and bool(readings(rest)))


def _unknown(words: list[str], texts: list[str]) -> set[str]:
    """The words no text holds (in any form), no dictionary knows and none of the texts' words is a likely typing
    of ("fonded" ~ "founded"): names the collection never writes. Not a function word the dictionary lacks ("how
    much more … per year" wrote "Per" as a name)."""
    vocabulary = {w.lower() for t in texts for w in _WORD.findall(t)}
    stems = {_stem(w) for w in vocabulary}
    return {
        w for w in words
        if len(w) >= MIN_NAME_LETTERS and _stem(w) not in stems and not _known(w) and w not in FUNCTION_WORDS
        and not get_close_matches(w, vocabulary, n=1, cutoff=TYPO_RATIO)
    }  # fmt: skip


def truecase(
    question: str, texts: Iterable[str], elsewhere: Callable[[list[str]], Iterable[str]] | None = None
) -> str:
    """An uncased question with each word the texts write only as a name, and each country or US state, written as a
    name; a cased question as it is. In a question without a single capital, words the texts lack are looked up
    `elsewhere` (the collection's other chunks holding them): a name the top chunks do not hold is the one whose
    absence matters ("a turtle in cornwall"). A word no chunk holds and no dictionary knows is a name too, one the
    collection never writes ("who won the 2022 fifa world cup?"), as is a word typed after a personal title ("mr
    brown"). A capital first word may be a cased question that
    names nothing, and there a word the collection writes as a name is often another word ("falling ill", "Chicago,
    Ill."). Typed in capitals throughout, it is read as uncased."""
    typed = _CONTEXT.sub("", question)  # a follow-up's context words (rewrite) come cased from the last answer
    if shouted(typed):  # "WHO FOUNDED WAGNER?": every word a capital says nothing of which ones name
        question = typed.lower() + question[len(typed) :]
        typed = typed.lower()
    if not uncased(typed):
        return question
    texts = list(texts)
    asked = {_bare(w).lower() for w in _WORD.findall(question)}
    absent: set[str] = set()
    if elsewhere is not None and typed == typed.lower():  # "Which … falling ill?" may be cased with no names
        seen = {_stem(w) for t in texts for w in _WORD.findall(t)}
        lacking = sorted(w for w in asked if _stem(w) not in seen and w not in STOPWORDS)
        texts += list(elsewhere(lacking)) if lacking else []
        absent = _unknown(lacking, texts)
    titled = {m.group(1).lower() for m in _TITLED.finditer(typed)} - STOPWORDS
    forms = {w: w.capitalize() for w in absent | titled} | written_forms(texts, asked)  # the texts' form first

    def cased(m: re.Match[str]) -> str:
        word = m.group(0)
        bare = _bare(word)
        form = forms.get(bare.lower())
        if form is None or bare.lower() in STOPWORDS or (m.start() == 0 and word[0].isupper()):
            return word  # a capital opening the question says nothing; typed in lower case, it is cased
        return form + word[len(bare) :]

    return _places(_WORD.sub(cased, _cased_phrases(question, written_phrases(texts, question))), texts)
