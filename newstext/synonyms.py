"""Verbs news uses for one another, as dictionary forms: a question asks "who started Wagner?", the article says
"Wagner founder Yevgeny Prigozhin"; it asks "where has Wagner been attacking?", the article says "ordered
Wagner-led forces to assault Bakhmut". MiniLM puts such words apart ("started" ~ "founder" 0.42, "attacking" ~
"assault" 0.59), so the answer checks read them from this table. Each group holds words that state the same event
in a news sentence, with the nouns naming its doer ("founder", "leader"); a word may sit in one group only.
"""

from __future__ import annotations

from functools import lru_cache

# A word read two ways is written in the form that has one reading: "founded", not "found" (also "find");
# "formed", not "form" (a form); "fired", not "fire" (a fire).
_GROUPS = (
    "founded founding founder start create establish launch formed",
    "lead leader head command",
    "attack assault strike raid bomb",
    "kill murder slay",
    "die dead death",  # "Is Navalny dead?" is stated by "Navalny, 47, died two weeks ago …"
    "hurt injure injury wound",  # "Was anyone hurt?" is stated by "No one was injured in the incident"
    "sick ill illness sickness sicken",  # "Has anyone gotten sick?" is stated by "No illnesses have been reported"
    "hospitalize hospitalization treat",  # care for the hurt: "both were treated for smoke inhalation"
    # a win is over someone: "Who won the game?" is stated by "the Riverside Hawks beat the Lakeland Bears 98-91"
    "win clinch beat defeat",
    "buy acquire purchase acquisition",
    "ban prohibit outlaw",
    "resign quit resignation",
    "arrest detain detention",
    # a theft of what one holds in trust: "the Wexford Mills embezzlement trial" is told as "guilty of stealing about
    # $2.3 million in public money"
    "steal theft embezzle embezzlement",
    "fired sack dismiss oust",
    "cancel scrap cancellation",
    "announce unveil reveal announcement",
    "raise increase hike boost",
    "cut reduce slash eliminate",  # "How many jobs is Kessler cutting?": "… eliminating 340 jobs"
    "rise climb jump soar surge",
    "close shut shutter closure",
    "play host",  # a game: "Delaware hosts the Princeton Tigers" for "Who is Delaware playing?"
    "cost pay spend charge fund finance bankroll",
    "stock share",  # "How did the stock react?" is stated by "Its shares fell 6 percent after the announcement."
    # takings: "How much did Halcyra earn?" is stated by "Net income rose to $612 million" or "a profit of …"
    "earn earnings income profit",
    "lose loss",  # "how much did they lose": "The company reported a net loss of $187 million …"
    # a verb and the noun naming its event: "What did Queen Margrethe decide?" is stated by "a decision by Queen
    # Margrethe to strip ...", "Where did Rutte speak?" by "during a speech at the country's National Archives";
    # a court or a jury decides by ruling: "What did the Ohio Supreme Court decide?" is stated by "… struck down a
    # state law …, ruling 4-3 that it violated the state constitution"
    "decide decision rule ruling verdict",
    "speak speech",
    "respond response",
    "apologize apologise apology",
    "elect election",
    "invade invasion",
    "collide collision",
    "explode explosion",
    "evacuate evacuation",
    "approve approval",
    "propose proposal",
    "appoint appointment",
    # who holds a post in someone's place: "who replaced thiel" is stated by "Deputy Commissioner Janice Obuya will
    # serve as acting commissioner", "who's taking over" by "… named Provost Victor Annunziata as interim president"
    "replace replacement succeed successor interim acting",
    "nominate nomination",
    "agree agreement",
    "investigate investigation",
    "retire retirement",
    "abdicate abdication",
    "deport deportation",
    "donate donation",  # "What should people donate to?": "the family asked for donations to the library"
    "repair fix",  # "What was fixed on the bridge?": "a two-year, $68 million repair that replaced its deck"
    "testify testimony",
    "argue argument",  # "What's his main argument?": "Rowe argued that the law violated …"
    "lawyer attorney",  # "is his lawyer gonna fight it": "Defense attorney Glenn Pruitt said he would file …"
    "fight appeal",  # a ruling is fought by appealing it: "… would file a notice of appeal within 30 days"
    "convict conviction",
    "acquit acquittal",
    "merge merger",
    "sue lawsuit",
    "break fail failure malfunction",  # "what broke": "… after a failed software update knocked out …"
    "notice discover detect",  # "who noticed it was gone": "… was discovered missing … by a security guard"
    "missing unaccounted",  # "Is anyone still unaccounted for?": "… the boat's captain remained missing"
)


# One way only: a word a group's event states, where the other way it does not. "Who died in the crash?" is stated
# by "… crashed …, killing the pilot" (the killed die), "Who killed him?" not by "… he died".
_ENTAILED = {
    "die": "kill",
    "hurt": "kill",  # "Was anyone hurt?" is stated by "… killing two people"
    "injure": "hospitalize",  # and by "… both were treated for smoke inhalation"
}


@lru_cache(maxsize=1)
def _index() -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for line in _GROUPS:
        group = frozenset(line.split())
        for word in group:
            if word in out:
                raise ValueError(f"{word!r} is in two synonym groups")
            out[word] = group
    return out


def same_as(lemma: str) -> frozenset[str]:
    """The dictionary forms that state what this one states (itself among them); just itself when none do."""
    group = _index().get(lemma, frozenset({lemma}))
    entailing = [_ENTAILED[word] for word in group if word in _ENTAILED]
    return group.union(*(_index()[word] for word in entailing)) if entailing else group
