"""How one retrieval's sentences are read for a follow-up: the lead comes from the conversation's story (the
pipeline's own types and the deterministic fake embedder; the real model's ranking is tested over the default
articles in tests/assistant/test_service.py)."""

from __future__ import annotations

from fakes import FakeEmbedder

from assistant.answer.config import AnswerPolicy, RefusalPolicy
from assistant.answer.reading import Reading
from assistant.retrieval.candidates import Candidate
from assistant.retrieval.pipeline import Retrieval
from index.records import StoredArticle, StoredChunk
from newstext.terms import terms


def candidate(article: str, title: str, text: str) -> Candidate:
    """A retrieved chunk (and its passage) of one article."""
    chunk = StoredChunk(id=f"{article}:0", article_id=article, start=0, end=len(text), text=text)
    row = StoredArticle(article, title, "", "", "", text, [], 1, 0.0)
    return Candidate(chunk, row, dense=0.5, features={"recency": 0.5})


STORM = candidate("storm", "Storm Ciarán", "Anyone outside was killed, a tourist in Ghent among them, the police said.")
# the chunk after the one naming the Shockwave
TRUCK = candidate("truck", "Air show", "Its driver was killed on the runway, the organisers said.")
ARTICLES = {"truck": "The Shockwave jet truck raced planes at air shows.", "storm": STORM.chunk.text}


def reading(embedder: FakeEmbedder, query: str, article_text: dict[str, str] | None) -> Reading:
    vector = embedder.embed([query])[0]
    retrieval = Retrieval(query, [STORM, TRUCK], [STORM, TRUCK], vector, terms(query), dict.fromkeys(terms(query), 1.0))
    return Reading(retrieval, embedder, AnswerPolicy(), RefusalPolicy(), article_text.get if article_text else None)


def test_a_follow_up_is_led_from_an_article_naming_what_the_conversation_established(
    fake_embedder: FakeEmbedder,
) -> None:
    """"Was anyone killed?" after an answer on the Shockwave jet truck's crash (news-smoke) led with a tourist a storm
    killed in Ghent: that article names nothing the conversation established."""
    follow_up = "Was anyone killed? (Shockwave jet truck crash)"
    first = reading(fake_embedder, follow_up, None)
    assert first.scored[0][1].candidate is STORM  # the ranker's best
    first.answering()
    assert first.scored[0][1].candidate is STORM  # no chunk names the Shockwave, and no article can be read
    read = reading(fake_embedder, follow_up, ARTICLES)
    read.answering()
    assert read.scored[0][1].candidate is TRUCK  # its article names the Shockwave
    alone = reading(fake_embedder, "Was anyone killed?", ARTICLES)
    alone.answering()
    assert alone.scored[0][1].candidate is STORM  # asked on its own: no conversation to keep to


SPICED = [
    candidate(f"spiced{i}", "Coca-Cola Spiced", " ".join(
        f"Coke says its new Spiced flavor, number {i}{j} of the lineup, tastes of raspberry." for j in range(3)
    ))
    for i in range(4)
]  # fmt: skip
PIXEL = candidate("pixel", "Coke Pixel", "Coke is the flavor, a limited edition that tastes like a game.")


def test_the_rare_names_story_leads_from_however_far_down_the_candidates(fake_embedder: FakeEmbedder) -> None:
    """"What is Coke's Pixel flavor?" over news-dev had nine sentences on Coca-Cola Spiced above the Pixel story's,
    and was refused for its rare name; the Pixel story's sentence now leads."""
    query = "What is Coke's Pixel flavor?"
    chunks = [*SPICED, PIXEL]
    retrieval = Retrieval(query, chunks, chunks, fake_embedder.embed([query])[0], terms(query),
                          {"coke": 1.0, "pixel": 9.0, "flavor": 1.0})  # fmt: skip
    texts = {c.chunk.article_id: c.chunk.text for c in chunks}
    read = Reading(retrieval, fake_embedder, AnswerPolicy(), RefusalPolicy(), texts.get)
    assert [s.candidate for _, s in read.scored].index(PIXEL) >= RefusalPolicy().topic_sentences
    read.answering()
    assert read.scored[0][1].candidate is PIXEL


ELECTION_ADS = candidate("ads", "Super Tuesday ads", "The ads he gets are the ads the campaign gets us to see: ads.")
JESUS_ADS = candidate("jesus", "Super Bowl", "Spots run by 'He Gets Us' placed eighth in the Ad Meter.")
HAZLET = candidate(
    "hazlet", "Bubbakoo's in Hazlet", "Bubbakoo's is opening its flagship restaurant where Bubbakoo's opens."
)
MELBOURNE = candidate("melbourne", "Burritos", "Bubbakoo's plans a Florida restaurant in Melbourne.")


def led_from(embedder: FakeEmbedder, query: str, first: Candidate, then: Candidate) -> Candidate:
    """The chunk a question asked alone leads from, once the ranker's best is checked to be `first`."""
    retrieval = Retrieval(query, [first, then], [first, then], embedder.embed([query])[0], terms(query),
                          dict.fromkeys(terms(query), 1.0))  # fmt: skip
    read = Reading(retrieval, embedder, AnswerPolicy(), RefusalPolicy())
    assert read.scored[0][1].candidate is first  # the ranker's best
    read.answering()
    return read.scored[0][1].candidate


def test_a_title_in_capitals_leads_from_a_chunk_that_states_it(fake_embedder: FakeEmbedder) -> None:
    """"What are the He Gets Us ads?" over news-dev led with Super Tuesday's campaign ads, a chunk never naming it."""
    assert led_from(fake_embedder, "What are the He Gets Us ads?", ELECTION_ADS, JESUS_ADS) is JESUS_ADS


def test_a_place_the_user_names_leads_from_a_chunk_that_states_it(fake_embedder: FakeEmbedder) -> None:
    """"Where is Bubbakoo's opening its flagship Florida restaurant?" over news-smoke led with its New Jersey
    opening, from a chunk that never names Florida."""
    query = "Where is Bubbakoo's opening its flagship Florida restaurant?"
    assert led_from(fake_embedder, query, HAZLET, MELBOURNE) is MELBOURNE



RAZZIES = candidate(
    "razzies", "'Blonde' wins the Razzies",
    "Stallone, a frequent Razzie nominee, is up for worst supporting actor at the Razzies, which he has won before. "
    "The full list of Razzie winners:\n\nWorst actor: Jared Leto, \"Morbius\"",
)  # fmt: skip


def test_a_list_s_line_under_the_asked_label_leads_as_likely_as_the_lead_it_displaces(
    fake_embedder: FakeEmbedder,
) -> None:
    """"Who won worst actor at the Razzies?" (news-dev) was refused: the line giving the winner, "Worst actor: Jared
    Leto", states no "won", and the ranker rates a line of a few words low (0.12, a nominee's sentence 0.72)."""
    query = "Who won worst actor at the Razzies?"
    retrieval = Retrieval(query, [RAZZIES], [RAZZIES], fake_embedder.embed([query])[0], terms(query),
                          dict.fromkeys(terms(query), 1.0))  # fmt: skip
    read = Reading(retrieval, fake_embedder, AnswerPolicy(), RefusalPolicy(min_lead_cosine=0.0))
    (best, first), (low, line) = read.scored
    assert first.text.startswith("Stallone") and line.text.startswith("Worst actor") and low < best
    assert read.answering() == best
    assert read.scored[0] == (best, line)


def dated(article: str, title: str, text: str, day: str) -> Candidate:
    """A retrieved chunk of an article published on `day`."""
    chunk = StoredChunk(id=f"{article}:0", article_id=article, start=0, end=len(text), text=text)
    row = StoredArticle(article, title, "", day, "", text, [], 1, 0.0)
    return Candidate(chunk, row, dense=0.5, features={"recency": 0.5})


FESTIVAL = dated(
    "festival", "Phish facts",
    "Phish fans head for the new festival in Dover from Thursday, Aug. 15, to Sunday, Aug. 18. The band played Slade "
    "Hall on Sept. 27, 1985, when fans were handed boxes of macaroni.", "2024-03-01",
)  # fmt: skip
TOUR = dated(
    "tour", "Phish tour", "They'll play eight shows, ending at the United Center on Sunday, Oct. 15.", "2023-08-01"
)


def test_a_lead_stating_the_names_and_the_asked_kind_stays_over_another_story_or_a_past_year_s(
    fake_embedder: FakeEmbedder,
) -> None:
    """"When is Phish playing in Dover?" (news-dev) led with the festival's dates in Dover, which say no "play", then
    moved to another article's tour ("They'll play eight shows …") or its own article's 1985 show ("played")."""
    query = "When is Phish playing in Dover?"
    retrieval = Retrieval(query, [FESTIVAL, TOUR], [FESTIVAL, TOUR], fake_embedder.embed([query])[0], terms(query),
                          dict.fromkeys(terms(query), 1.0))  # fmt: skip
    read = Reading(retrieval, fake_embedder, AnswerPolicy(), RefusalPolicy(min_lead_cosine=0.0))
    assert read.scored[0][1].text.startswith("Phish fans head for the new festival in Dover")  # the ranker's best
    read.answering()
    assert read.scored[0][1].text.startswith("Phish fans head for the new festival in Dover")
