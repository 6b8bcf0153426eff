"""A broad synthetic news collection (200 distinct short articles on many beats), so tests see a collection
the size of a real user's, where every story is reported once and many passages compete with the right one."""

from __future__ import annotations

import json
import random
from pathlib import Path

# A local story told once, naming its subject in the first sentence and only "the festival" after: what a user
# uploads in the browser test, and what the service test asks about.
KESTREL_ARTICLE = (
    "Kestrel Valley cider festival returns\n\n"
    "The Kestrel Valley cider festival returned to the village of Brackenford on Saturday. "
    "The festival was founded in 1998 by the orchard keeper Ilse Marrow, who still judges the pressing contest. "
    "Organisers said eleven thousand visitors tasted cider from forty local orchards.\n"
)
CITIES = [
    "Leeds", "Porto", "Lyon", "Denver", "Osaka", "Perth", "Gdansk", "Tampere", "Cork", "Bilbao", "Graz", "Utrecht",
    "Malmo", "Brno", "Turin", "Quebec", "Tucson", "Adelaide", "Nagoya", "Seville",
]  # fmt: skip
PEOPLE = [
    "Maria Lindqvist", "Tomas Herrera", "Aiko Tanaka", "Samuel Okafor", "Elena Petrova", "David Brennan",
    "Priya Raman", "Lucas Moreau", "Hannah Weiss", "Omar Haddad", "Grace Liu", "Pieter de Vries",
    "Sofia Marino", "Jonas Berg", "Amara Nwosu", "Felix Kuhn", "Rosa Delgado", "Ivan Sokolov",
]  # fmt: skip
COMPANIES = [
    "Northwind Foods", "Bluepeak Energy", "Corvid Robotics", "Harbor Line Shipping", "Alder Pharma",
    "Quartz Telecom", "Meridian Motors", "Stonebridge Bank", "Lumen Solar", "Kestrel Airlines",
]  # fmt: skip
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

TEMPLATES: list[tuple[str, list[str]]] = [
    ("{city} council approves {n} new homes", [
        "The {city} city council voted on {day} to approve {n} new homes on the site of a former bus depot.",
        "Councillor {person} said the plan would ease a housing shortage that has pushed rents up {pct} percent.",
        "Construction is expected to begin next spring and to last about {years} years.",
        "Residents raised concerns about traffic and the loss of green space at a public meeting.",
    ]),
    ("{company} profits rise {pct} percent", [
        "{company} reported on {day} that quarterly profit rose {pct} percent to {money} million dollars.",
        "Chief executive {person} credited strong demand and lower costs for raw materials.",
        "Shares in the company climbed in early trading after the results were published.",
        "Analysts had expected a smaller increase and said the outlook for the rest of the year was cautious.",
    ]),
    ("Heavy rain floods streets in {city}", [
        "Heavy rain flooded streets and basements in {city} on {day}, forcing {n} people from their homes.",
        "Emergency services rescued drivers trapped in cars as a river rose {meters} metres in a few hours.",
        "Mayor {person} said the city would review its drainage system once the water receded.",
        "Forecasters warned that more rain was expected later in the week.",
    ]),
    ("{person} wins {city} marathon", [
        "{person} won the {city} marathon on {day} in two hours and {minutes} minutes.",
        "The runner pulled away from a small leading group after the thirty-kilometre mark.",
        "About {n} runners took part in the race, which was held in cool and dry weather.",
        "Organisers said the event raised money for a local children's hospital.",
    ]),
    ("{company} to cut {n} jobs", [
        "{company} said on {day} it would cut {n} jobs as part of a restructuring plan.",
        "The company said most of the cuts would fall on its offices in {city}.",
        "Unions criticised the decision and called for talks with management led by {person}.",
        "The company expects the plan to save about {money} million dollars a year.",
    ]),
    ("Court convicts former {city} official of fraud", [
        "A court in {city} on {day} convicted a former city official of fraud involving public contracts.",
        "Prosecutors said the official steered contracts worth {money} million dollars to friends.",
        "Judge {person} will announce the sentence next month.",
        "Defence lawyers said they would appeal the verdict.",
    ]),
    ("Scientists in {city} find new species of frog", [
        "Researchers at a university in {city} described a new species of tree frog found in cloud forests.",
        "The frog is about {small} centimetres long and has bright orange markings on its legs.",
        "Lead author {person} said the species may already be threatened by habitat loss.",
        "The findings were published on {day} in a scientific journal.",
    ]),
    ("{city} opens new tram line", [
        "A new tram line opened in {city} on {day}, linking the central station with the airport.",
        "The line is {km} kilometres long and has {stops} stops.",
        "Transport official {person} said trams would run every six minutes at peak times.",
        "The project cost {money} million dollars and took four years to build.",
    ]),
    ("{person} elected mayor of {city}", [
        "{person} was elected mayor of {city} on {day}, winning {pct} percent of the vote.",
        "Turnout was lower than at the previous election, officials said.",
        "The new mayor promised to expand public transport and build more affordable housing.",
        "The outgoing mayor congratulated the winner and wished the city well.",
    ]),
    ("Wildfire forces evacuations near {city}", [
        "A wildfire forced the evacuation of {n} residents near {city} on {day}.",
        "Firefighters said dry winds had spread the blaze across {km} square kilometres of forest.",
        "Fire chief {person} said crews expected to contain the fire within days.",
        "No deaths were reported, but several houses were destroyed.",
    ]),
]  # fmt: skip

WAR_BACKGROUND = [
    ("Kremlin reshuffles generals", "President Vladimir Putin replaced the commander of the southern military "
     "district on Friday. Defence Minister Sergei Shoigu praised the outgoing general's service. Analysts in "
     "Moscow said the move reflected frustration with slow progress on the front."),
    ("Chechen leader visits troops", "Chechen leader Ramzan Kadyrov visited his units near the front line this "
     "week and posted videos of the trip. He called for a tougher campaign and criticised unnamed generals."),
    ("Azerbaijan and Russia trade accusations", "Azerbaijan's president Ilham Aliyev accused Moscow of "
     "interfering in his country's affairs after a series of arrests. Russia summoned Azerbaijan's ambassador "
     "in response and warned of consequences."),
    ("Grain exports resume from Black Sea ports", "Ships loaded with grain left Black Sea ports on Tuesday after "
     "a pause of several weeks. Insurers said premiums for the route remained high because of the war."),
]  # fmt: skip


def articles(count: int = 200, seed: int = 13) -> list[dict[str, str]]:
    """count distinct articles from the templates (each story once), plus a few war-background pieces."""
    rng = random.Random(seed)
    out: list[dict[str, str]] = []
    seen: set[str] = set()
    while len(out) < count - len(WAR_BACKGROUND):
        title_t, body_t = TEMPLATES[len(out) % len(TEMPLATES)]
        values = {
            "city": rng.choice(CITIES), "person": rng.choice(PEOPLE), "company": rng.choice(COMPANIES),
            "day": rng.choice(DAYS), "n": str(rng.randrange(40, 4000)), "pct": str(rng.randrange(3, 60)),
            "money": str(rng.randrange(5, 900)), "years": str(rng.randrange(2, 6)), "meters": str(rng.randrange(1, 5)),
            "minutes": str(rng.randrange(5, 59)), "small": str(rng.randrange(2, 6)), "km": str(rng.randrange(4, 40)),
            "stops": str(rng.randrange(8, 30)),
        }  # fmt: skip
        title = title_t.format(**values)
        if title in seen:
            continue
        seen.add(title)
        day = 1 + len(out) % 28
        out.append({
            "id": f"synthetic-{len(out):03d}", "title": title, "text": " ".join(s.format(**values) for s in body_t),
            "url": f"https://news.example/2023/05/{day:02d}/story-{len(out):03d}",
        })  # fmt: skip
    for i, (title, text) in enumerate(WAR_BACKGROUND):
        out.append({"id": f"background-{i}", "title": title, "text": text,
                    "url": f"https://news.example/2023/05/{10 + i:02d}/background-{i}"})  # fmt: skip
    return out


def write_feed(folder: Path, count: int = 200) -> Path:
    """The collection as one JSONL feed in folder."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "synthetic-news.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in articles(count)), encoding="utf-8")
    return path
