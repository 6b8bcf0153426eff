"""The extractive answer to one retrieval, built apart from the service that retrieves: the answer the service gives,
quoting exact spans, and a refusal that says why with the related passages."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from answer_testkit import after, files_service
from index_testkit import open_handles

from assistant.answer.respond import Responder
from assistant.factory import build_service
from assistant.schemas import Turn
from assistant.service import AnswerService
from assistant.settings import Settings
from index.embedding import Embedder


@pytest.fixture(scope="module")
def service(indexed_settings: Settings, embedder: Embedder) -> AnswerService:
    """The session's index of the default articles and its real model (neither built nor loaded again)."""
    return build_service(indexed_settings, open_handles(indexed_settings, embedder))


@pytest.fixture(scope="module")
def responder(service: AnswerService) -> Responder:
    return Responder(service.settings.answer, service.settings.prompts_dir, service.handles.embedder)


def test_the_responder_answers_a_retrieval_as_the_service_does(service: AnswerService, responder: Responder) -> None:
    retrieval = service.retrieve("Who founded Wagner?")
    response = responder.answer(retrieval)
    assert response == service.extractive(retrieval) and response.query == retrieval.query
    assert not response.refused and "Prigozhin" in response.answer
    for citation in response.citations:
        article = service.handles.store.get_text(citation.article_id) or ""
        assert article[citation.start : citation.end] == citation.quote


def test_a_refusal_gives_its_reason_and_the_related_passages(service: AnswerService, responder: Responder) -> None:
    response = responder.answer(service.retrieve("What did the July 24, 2025 drone strike destroy?"))
    assert response.refused and response.reason == "not_stated" and "“24”" in response.answer
    assert response.citations == [] and response.passages


# A user's local news, each story once (a collection typed by hand, not from the eval corpora).
LOCAL = {
    "council.txt": "Council approves new budget\n\nThe Springfield City Council voted 5-2 on Tuesday night to approve "
    "a $48 million budget. The budget raises property taxes by 3 percent, the first increase since 2019. Council "
    "member Dana Ortiz, who voted against it, said residents could not afford higher "
    "taxes. Mayor Tom Reed praised the vote. “This budget fixes our roads,” Reed said after the meeting.\n",
    "factory.txt": "Battery maker to build plant\n\nVoltline Energy will build a $2.1 billion battery factory outside "
    "Dayton, bringing 1,200 jobs to the region. Chief executive Priya Nair said the company chose Ohio for its "
    "skilled workforce.\n",
    "school.txt": "School district delays start time\n\nThe Lakeview School District will push back the start of the "
    "high school day to 8:30 a.m. next fall. Classes now begin at 7:25 a.m. Board members cited research showing "
    "teenagers who sleep longer do better in class.\n",
    "museum.txt": "Stolen painting returned to museum after 30 years\n\nA painting stolen from the Harbor Art Museum "
    "in 1994 has been returned, the museum said Friday.\n\nThe small oil painting, \"Boats at Dawn\" by Clara Hale, "
    "was found in the attic of a house in Maine during an estate sale. An art dealer recognized it from an FBI list "
    "of stolen works and called the bureau.\n\nThe museum's director, James Pike, said the painting is worth about "
    "$400,000 today. It will go back on display in March.\n\nNo one has ever been charged with the theft.\n",
    "marathon.txt": "Kenyan runner wins city marathon\n\nKenya's Joseph Kiprono won the City Marathon on Sunday in "
    "2 hours, 6 minutes and 12 seconds, breaking the course record by 40 seconds. Ethiopia's Lemi Tadesse "
    "finished second, and American Sam Brooks was third. "
    "In the women's race, Grace Mutua of Kenya won in 2:21:45. About 28,000 runners took part, organizers said.\n",
}  # fmt: skip


local = files_service(LOCAL)  # a real index (the session's real model) of the five local stories


def test_a_role_the_article_gives_its_subject_s_chief_answers_who_holds_it(local: AnswerService) -> None:
    """"Who is the CEO of Voltline?" was refused as off-topic: "CEO" was a name no passage wrote, and "Chief executive
    Priya Nair said the company chose Ohio" ties the role to no name."""
    for question in ["Who is the CEO of Voltline?", "Who runs Voltline?"]:
        response = local.ask(question)
        assert not response.refused and response.answer.startswith("Chief executive Priya Nair"), question


def test_who_did_a_deed_is_led_by_the_sentence_of_its_article_naming_the_doer(local: AnswerService) -> None:
    """"Who voted against the budget?" led with "The Springfield City Council voted 5-2", above "Council member Dana
    Ortiz, who voted against it" in its article."""
    assert local.ask("Who voted against the budget?").answer.startswith("Council member Dana Ortiz, who voted against")


def test_a_why_answer_goes_on_with_the_reason_its_article_gives(local: AnswerService) -> None:
    """The reason shares no word with "Why is the district changing the start time?" (and "7:25 a.m. Board members"
    ran the hour into it as one sentence)."""
    response = local.ask("Why is the district changing the start time?")
    assert response.answer.startswith("The Lakeview School District will push back the start")
    assert any(c.quote.startswith("Board members cited research") for c in response.citations)


def test_a_follow_up_finds_a_sentence_its_run_hid(local: AnswerService) -> None:
    """After two questions on the marathon, "Who finished third?" led with its winner: "… American Sam Brooks was
    third." was in no passage (passages.py)."""
    history: list[Turn] = []
    for question in ["Who won the marathon?", "How many runners took part?"]:
        history += [Turn(role="user", content=question), Turn(role="assistant", content=local.ask(question).answer)]
    third = local.ask("Who finished third?", history)
    assert not third.refused and third.answer.startswith("Ethiopia's Lemi Tadesse finished second")


def test_how_much_of_a_change_or_a_difference_is_no_sum(local: AnswerService) -> None:
    """"How much will taxes go up?" was refused as off-topic and "By how much did Kiprono break the record?" as giving
    no sum: both asked for money, which the retrieval then ranked first."""
    taxes = local.ask("How much will taxes go up?")
    assert not taxes.refused and taxes.answer.startswith("The budget raises property taxes by 3 percent")
    record = local.ask("By how much did Kiprono break the record?")
    assert not record.refused and "breaking the course record by 40 seconds" in record.citations[0].quote


def test_a_speaker_asked_by_title_is_answered_by_the_name_it_goes_with(local: AnswerService) -> None:
    """"What did the mayor say?" was refused: "Reed said" names no mayor; the chunk's "Mayor Tom Reed" does."""
    response = local.ask("What did the mayor say?")
    assert not response.refused and response.answer.startswith("“This budget fixes our roads,” Reed said")


def test_a_deed_told_only_in_the_passive_says_no_one_did_it(local: AnswerService) -> None:
    """"Who stole the painting?" was answered with "A painting stolen from the Harbor Art Museum in 1994 has been
    returned", which says who did not; "Who found the painting?" with "… was found in the attic …"."""
    stole = local.ask("Who stole the painting?")
    assert not stole.refused and stole.answer.startswith("No one has ever been charged with the theft.")
    found = local.ask("Who found the painting?")
    assert found.refused and "none of their sentences says who found the painting" in found.answer


def test_a_weight_or_a_race_s_time_no_sentence_gives_is_said_plainly(local: AnswerService) -> None:
    """"How much does the painting weigh?" was answered with its worth, "What was Tadesse's time?" with his place."""
    weight = local.ask("How much does the painting weigh?")
    assert weight.refused and "none of their sentences gives a weight" in weight.answer and weight.passages
    tadesse = local.ask("What was Tadesse's time?")
    assert tadesse.refused and tadesse.reason == "no_answer"
    mutua = local.ask("What was Mutua's time?")
    assert not mutua.refused and mutua.answer.startswith("In the women's race, Grace Mutua of Kenya won in 2:21:45.")


def test_who_of_a_name_is_not_answered_by_a_sentence_naming_only_it(local: AnswerService) -> None:
    """"Who was the mayor before Reed?" was answered with "Mayor Tom Reed praised the vote."; a sentence describing
    the one asked for still answers ("An art dealer … called the bureau")."""
    before = local.ask("Who was the mayor before Reed?")
    assert before.refused and "none of their sentences says who was the mayor before Reed" in before.answer
    assert local.ask("Who is Tom Reed?").answer.startswith("Mayor Tom Reed praised the vote.")
    fbi = local.ask("Who called the FBI?")
    assert not fbi.refused and fbi.answer.startswith("An art dealer recognized it")


# More of a user's local news, each story once: a game, a trial, a city election, a wildfire.
LOCAL_MORE = {
    "game.txt": "Hawks rally past Bears 98-91\n\nCenter Marcus Dell scored 31 points and grabbed 14 rebounds as the "
    "Riverside Hawks beat the Lakeland Bears 98-91 on Saturday night. Guard Eli Romero added 22 points. The Bears "
    "were led by forward Tyrell Hayes, who scored 27. Lakeland coach Dana Fox said her team \"ran out of gas.\"\n",
    "trial.txt": "Jury finds former county treasurer guilty\n\nA federal jury on Thursday found former Marion County "
    "treasurer Linda Shaw guilty of stealing $1.2 million from county accounts over six years. Prosecutors said Shaw "
    "moved the money into a shell company. The jury deliberated for about five hours before returning the verdict. "
    "Sentencing is set for March 3 before U.S. District Judge Helen Park.\n",
    "election.txt": "Ramirez wins mayor's race in Eastport\n\nTeacher Ana Ramirez was elected mayor of Eastport on "
    "Tuesday, defeating two-term incumbent George Palmer by about 600 votes. Ramirez received 52 percent of the "
    "vote. She will take office on Jan. 2. Palmer conceded in a statement Wednesday morning.\n",
    "fire.txt": "Wildfire near Cedar Ridge forces 3,000 to evacuate\n\nA fast-moving wildfire burned more than 8,000 "
    "acres near Cedar Ridge on Monday and forced about 3,000 residents to leave their homes, fire officials said. "
    "Strong winds pushed the flames toward the town, and at least 12 homes were destroyed.\n",
}  # fmt: skip


local_more = files_service(LOCAL_MORE)  # and of four more


def test_a_game_is_won_by_the_side_that_beat_the_other(local_more: AnswerService) -> None:
    """"Who won the game?" was refused: the article says "beat", never "won" nor "game"; "Who led the Bears?" too:
    "The Bears were led by forward Tyrell Hayes" calls no one their leader."""
    won = local_more.ask("Who won the game?")
    assert not won.refused and "the Riverside Hawks beat the Lakeland Bears 98-91" in won.citations[0].quote
    led = local_more.ask("Who led the Bears?")
    assert not led.refused and led.answer.startswith("The Bears were led by forward Tyrell Hayes")


def test_a_role_is_answered_only_by_a_name_holding_it(local_more: AnswerService) -> None:
    """"Who coaches the Hawks?" was answered with the Bears' coach, "Who is the prosecutor?" with "Prosecutors said
    …", which names no one."""
    judge = local_more.ask("Who is the judge?")
    assert not judge.refused and judge.answer.startswith("Sentencing is set for March 3 before U.S. District Judge")
    prosecutor = local_more.ask("Who is the prosecutor?")
    assert prosecutor.refused and "gives the name of the prosecutor" in prosecutor.answer
    coach = local_more.ask("Who coaches the Hawks?")
    assert coach.refused and "gives the name of the coach of Hawks" in coach.answer


def test_another_s_figure_answers_no_question_of_a_name(local_more: AnswerService) -> None:
    """"How many rebounds did Romero get?" was answered with Dell's 14 rebounds, "What share of the vote did Palmer
    get?" with Ramirez's 52 percent, "How old is Ramirez?" with a sentence giving no age."""
    for question, kind in [
        ("How many rebounds did Romero get?", "a count"),
        ("What share of the vote did Palmer get?", "a share"),
        ("How old is Ramirez?", "an age"),
    ]:
        response = local_more.ask(question)
        assert response.refused and f"none of their sentences gives {kind}" in response.answer, question
    assert local_more.ask("How many points did Romero score?").answer.startswith("Guard Eli Romero added 22 points.")
    # Hayes's points led with Dell's; one asked of someone's opponent is not the one named
    hayes = local_more.ask("How many points did Hayes score?")
    assert hayes.answer.startswith("The Bears were led by forward Tyrell Hayes, who scored 27.")
    assert local_more.ask("When did Ramirez's opponent concede?").answer.startswith("Palmer conceded in a statement")
    jury = local_more.ask("How long did the jury deliberate?")
    assert jury.answer.startswith("The jury deliberated for about five hours")


def test_people_are_counted_by_the_kind_of_people_a_story_counts(local_more: AnswerService) -> None:
    """"How many people were forced from their homes?" was refused: "about 3,000 residents" counts residents."""
    response = local_more.ask("How many people were forced from their homes?")
    assert not response.refused and "forced about 3,000 residents to leave their homes" in response.citations[0].quote


# A third collection typed by hand, each story once: an obituary, a ruling, a contract, a takeover, a bridge, a storm.
LOCAL_THIRD = {
    "obit.txt": "Dorothy Vance, longtime Millbrook librarian, dies at 94\n\nDorothy Vance, who ran the Millbrook "
    "Public Library for 38 years and started its first children's reading program, died Sunday at her home. She was "
    "94.\n\nHer son, Peter Vance, said she died peacefully after a short illness. Vance became head librarian in "
    "1962 and retired in 2000.\n\nA memorial service will be held at First Methodist Church on Dec. 14 at 11 a.m. In "
    "lieu of flowers, the family asked for donations to the library.\n",
    "ruling.txt": "State Supreme Court strikes down school voucher law\n\nThe Ohio Supreme Court on Friday struck down "
    "a state law that gave families public money for private school tuition, ruling 4-3 that it violated the state "
    "constitution.\n\nJustice Mark Ellis wrote for the majority that the program diverted money the constitution "
    "reserves for public schools. About 24,000 students used the vouchers this year, at a cost of $160 million. The "
    "ruling takes effect at the end of the school year.\n",
    "signing.txt": "Rivers sign quarterback Jalen Brooks to four-year deal\n\nThe Portland Rivers signed quarterback "
    "Jalen Brooks to a four-year, $112 million contract extension on Tuesday, making him the highest-paid player in "
    "team history.\n\nBrooks, 26, threw for 4,100 yards and 31 touchdowns last season. The deal includes $70 million "
    "guaranteed.\n",
    "deal.txt": "Harbor Foods to buy snack maker Crunchwell for $3.4 billion\n\nHarbor Foods agreed on Monday to buy "
    "snack maker Crunchwell for $3.4 billion in cash, the biggest deal in the packaged food industry this year.\n\n"
    "Crunchwell, based in Des Moines, Iowa, makes pretzels and popcorn and employs about 2,400 people.\n",
    "bridge.txt": "Burnside Bridge reopens after two-year repair\n\nThe Burnside Bridge reopened to traffic on Sunday "
    "after a two-year, $68 million repair.\n\nThe bridge, which opened in 1926, carries about 40,000 vehicles a day "
    "across the Willamette River.\n",
    "storm.txt": "Ice storm leaves 90,000 without power in Tulsa area\n\nAn ice storm coated the Tulsa area with up to "
    "half an inch of ice on Wednesday, leaving about 90,000 homes and businesses without power.\n\nThe National "
    "Weather Service said temperatures would stay below freezing until Friday afternoon.\n",
    "verdict.txt": "Jury awards $2.1 million to family of man killed in police chase\n\nA Cook County jury on "
    "Wednesday awarded $2.1 million to the family of Marcus Hill, who was killed in 2019 when a police car chasing "
    "another vehicle struck his car.\n\nJurors found that Officer Daniel Reyes drove recklessly during the chase. The "
    "city of Chicago had argued that Reyes followed department policy.\n\n“No amount of money brings Marcus back,” "
    "said the family's attorney, Linda Cho.\n",
    # a developing story, told twice (the second article updating the first's count)
    "quake-1.json": json.dumps({
        "title": "Earthquake strikes western Turkey, killing at least 12", "published": "2026-11-20",
        "text": "A magnitude 6.4 earthquake struck western Turkey early Friday, killing at least 12 people and "
        "injuring more than 200, officials said.",
    }),
    "quake-2.json": json.dumps({
        "title": "Turkey quake death toll rises to 31", "published": "2026-11-22",
        "text": "The death toll from Friday's earthquake in western Turkey rose to 31 on Sunday, AFAD said, as "
        "rescuers pulled more bodies from collapsed homes.\n\nInterior Minister Ali Yerlikaya said 140 buildings had "
        "collapsed or were badly damaged.",
    }),
}  # fmt: skip


local_third = files_service(LOCAL_THIRD)  # and of six more, and a story told twice


def test_an_age_is_an_obituary_s_short_sentence_or_a_thing_s_first_year(local_third: AnswerService) -> None:
    """"How old was Dorothy Vance?" was refused: "She was 94." was too short to quote; "How old is the bridge?" too:
    "which opened in 1926" gave no age."""
    vance = local_third.ask("How old was Dorothy Vance?")
    assert not vance.refused and vance.citations[0].quote.endswith("died Sunday at her home. She was 94.")
    bridge = local_third.ask("How old is the bridge?")
    assert not bridge.refused and bridge.answer.startswith("The bridge, which opened in 1926")


def test_a_court_decides_by_ruling_and_a_ruling_takes_effect_at_a_period_s_end(local_third: AnswerService) -> None:
    """"What did the Ohio Supreme Court decide?" was refused (no sentence says "decide"); "When does the ruling take
    effect?" led with the ruling's Friday, "at the end of the school year" being no time."""
    decided = local_third.ask("What did the Ohio Supreme Court decide?")
    assert not decided.refused and decided.answer.startswith("The Ohio Supreme Court on Friday struck down")
    effect = local_third.ask("When does the ruling take effect?")
    assert effect.answer.startswith("The ruling takes effect at the end of the school year.")


def test_a_sum_s_worth_and_counts_of_a_kind_or_its_general_noun_are_answered(local_third: AnswerService) -> None:
    """"How much is it worth?" after the contract was refused (no sentence says "worth"); "How many employees …?" led
    with the takeover's "$3.4 billion"; "How many cars …?" was refused over "40,000 vehicles"."""
    signed = "Who signed a contract extension?"
    history = after(local_third, signed)
    worth = local_third.ask("How much is it worth?", history)
    assert not worth.refused and "$112 million contract extension" in worth.citations[0].quote
    employees = local_third.ask("How many employees does Crunchwell have?")
    assert employees.answer.startswith("Crunchwell, based in Des Moines, Iowa, makes pretzels")
    cars = local_third.ask("How many cars use the bridge each day?")
    assert not cars.refused and "carries about 40,000 vehicles a day" in cars.citations[0].quote


def test_a_word_that_places_is_no_topic_an_article_must_write(local_third: AnswerService) -> None:
    """"When will it get above freezing?" was refused: "above" (read as a noun) is in no article."""
    response = local_third.ask("When will it get above freezing?")
    assert response.answer.startswith("The National Weather Service said temperatures would stay below freezing")


def test_a_follow_up_s_verb_said_in_the_conversation_s_article_answers_it(local_third: AnswerService) -> None:
    """"What should people donate to?" after three questions on Dorothy Vance was refused: the conversation's words
    drew the question away from "… asked for donations to the library", and "people" was asked as a verb."""
    history: list[Turn] = []
    for question in ["Who was Dorothy Vance?", "When did Vance retire?", "Where will the memorial be held?"]:
        answer = local_third.ask(question).answer
        history += [Turn(role="user", content=question), Turn(role="assistant", content=answer)]
    donate = local_third.ask("What should people donate to?", history)
    assert not donate.refused and donate.answer.startswith("In lieu of flowers, the family asked for donations")


def test_a_follow_up_asking_a_kind_is_answered_by_the_conversation_s_article(local: AnswerService) -> None:
    """"What was the vote?" after "How did Ortiz vote?" was refused as giving no tally: the carried "Ortiz" drew the
    question away from "The Springfield City Council voted 5-2 …", of the article the conversation last quoted."""
    asked = "How did Ortiz vote?"
    history = after(local, asked)
    vote = local.ask("What was the vote?", history)
    assert not vote.refused and vote.answer.startswith("The Springfield City Council voted 5-2")


def test_a_count_told_as_revised_leads_the_latest_first(local_third: AnswerService) -> None:
    """"How many people died in the Turkey earthquake?" led with the first day's "killing at least 12 people" over the
    later article's "The death toll … rose to 31"; a toll answers no other count."""
    day = dt.date(2026, 11, 25)
    died = local_third.ask("How many people died in the Turkey earthquake?", as_of=day)
    assert died.answer.startswith("The death toll from Friday's earthquake in western Turkey rose to 31")
    injured = local_third.ask("How many people were injured in the Turkey earthquake?", as_of=day)
    assert injured.answer.startswith("A magnitude 6.4 earthquake struck western Turkey early Friday")


def test_who_did_a_deed_in_the_progressive_and_what_a_described_subject_argued(local_third: AnswerService) -> None:
    """"Who was driving the police car?" was refused (no deed was read in "was driving"; the verdict led, far from the
    question); "What did the city argue?" too ("The city of Chicago had argued …" was read as Chicago's); "Who is the
    family's lawyer?" led with the verdict."""
    driving = local_third.ask("Who was driving the police car?")
    assert not driving.refused and driving.answer.startswith("Jurors found that Officer Daniel Reyes drove recklessly")
    argued = local_third.ask("What did the city argue?")
    assert not argued.refused and argued.answer.startswith("The city of Chicago had argued that Reyes followed")
    lawyer = local_third.ask("Who is the family's lawyer?")
    assert lawyer.answer.startswith("“No amount of money brings Marcus back,” said the family's attorney, Linda Cho.")


# A fourth collection typed by hand, each story once: a storm with a crash in it, an outbreak, a diner closed, layoffs,
# a heat wave, a house fire, a takeover, a vote, a recall, a new director, a plane crash, a launch.
LOCAL_FOURTH = {
    "storm.txt": "Ice storm leaves 90,000 without power in Tulsa area\n\nAn ice storm coated the Tulsa area with up to "
    "half an inch of ice on Wednesday, snapping tree limbs and leaving about 90,000 homes and businesses without "
    "power, Public Service Company of Oklahoma said.\n\nCrews from four states were brought in to help restore "
    "service, and the utility said most customers should have power back by Saturday evening. Two people died in a "
    "crash on Interstate 44 that police blamed on the icy roads.\n\nThe National Weather Service said temperatures "
    "would stay below freezing until Friday afternoon. Tulsa Public Schools canceled classes for the rest of the "
    "week.\n",
    "measles.txt": "Measles outbreak grows to 41 cases in Clark County\n\nHealth officials in Clark County said "
    "Thursday that a measles outbreak has grown to 41 confirmed cases, up from 29 a week ago. Most of the cases are "
    "in children under 10 who had not been vaccinated.\n\nSix people have been hospitalized, and no deaths have been "
    "reported. The county's health officer, Dr. Alan Meyers, urged parents to check their children's vaccination "
    "records.\n",
    "deal.txt": "Harbor Foods to buy snack maker Crunchwell for $3.4 billion\n\nHarbor Foods agreed on Monday to buy "
    "snack maker Crunchwell for $3.4 billion in cash.\n\nThe deal is expected to close in the second quarter of next "
    "year, pending approval by regulators and Crunchwell shareholders.\n",
    "inspection.txt": "Popular Riverside diner closed after failing health inspection\n\nRosie's Diner on Main "
    "Street in Riverside was ordered closed Wednesday after health inspectors found mice droppings in the kitchen "
    "and food stored at unsafe temperatures, the county health department said.\n\nIt was the diner's "
    "second failed inspection this year. Owner Frank Russo said he had hired a pest control company and "
    "expected to reopen by next week.\n\nThe diner, which opened in 1971, is known for its pancakes and "
    "was featured on a national food television show in 2019.\n\nThe restaurant must pass a follow-up "
    "inspection before it can reopen, health department spokesperson Linda Park said.\n",
    "layoffs.txt": "Brightpath Software to cut 600 jobs\n\nBrightpath Software said Thursday it will lay off about 600 "
    "employees, or 8 percent of its workforce, as it shifts spending toward artificial intelligence "
    "products.\n\nChief executive Omar Haddad told staff in a memo that the cuts would fall mostly on its "
    "sales and customer support teams. \"These are difficult decisions, and they affect people who have "
    "done excellent work,\" Haddad wrote.\n\nThe Austin-based company reported a loss of $45 million in "
    "its most recent quarter, despite revenue rising 11 percent to $410 million. Its shares fell 6 "
    "percent after the announcement.\n\nLaid-off workers will receive 16 weeks of severance pay and "
    "health coverage through the end of March.\n",
    "heat.txt": "Heat wave blamed for three deaths in Phoenix area\n\nA heat wave that pushed temperatures to 117 "
    "degrees has been blamed for three deaths in the Phoenix area, the Maricopa County medical examiner's "
    "office said Friday.\n\nThe National Weather Service extended an excessive heat warning through "
    "Sunday night. Temperatures are expected to fall below 110 degrees early next week.\n\nCooling "
    "centers at 40 libraries and community centers will stay open until 10 p.m. The county urged "
    "residents to check on elderly neighbors and never leave children or pets in parked cars.\n\nArizona "
    "Public Service said demand for electricity set a record on Thursday, but no outages were reported.\n",
    "fire.txt": "Firefighter rescues two children from burning home in Oakdale\n\nA firefighter carried two children "
    "out of a burning house on Maple Drive in Oakdale early Saturday, and both were treated for smoke "
    "inhalation, the Oakdale Fire Department said.\n\nFirefighter Luis Ortega climbed a ladder to a "
    "second-floor window after neighbors said the children, ages 4 and 7, were trapped inside. Their "
    "mother escaped on her own.\n\nThe fire started in the kitchen shortly after 2 a.m. and was put out "
    "in about 40 minutes. Fire Chief Karen Walsh said the home did not have working smoke "
    "detectors.\n\nThe cause is under investigation. A fundraiser for the family has raised more than "
    "$18,000.\n",
    "senate.txt": "Senate passes $1.2 billion transportation bill\n\nThe state Senate voted 27-12 on Thursday to "
    "approve a $1.2 billion transportation bill that would repair bridges and raise the gas tax by 4 cents a gallon."
    "\n\nSen. Marcus Webb, a Republican who voted against the measure, said the gas tax increase would hurt rural "
    "drivers.\n",
    "museum.txt": "City museum names Alicia Grant as new director\n\nThe Harborview Art Museum has named Alicia "
    "Grant as its new director, the museum's board announced Tuesday.\n\n\"Alicia brings a rare combination of "
    "scholarship and vision,\" board chair Susan Lee said.\n",
    "crash.txt": "Small plane crashes near Millville airport, killing pilot\n\nA single-engine plane crashed in a "
    "field near Millville Municipal Airport on Sunday afternoon, killing the pilot, state police said.\n\nThe pilot, "
    "identified as 62-year-old Robert Chen of Vineland, was the only person on board. The plane, a Cessna 172, had "
    "taken off from Millville about 10 minutes earlier.\n\nThe Federal Aviation "
    "Administration and the National Transportation Safety Board are investigating the cause of the crash.\n",
    "recall.txt": "Northfield Foods recalls 45,000 pounds of ground beef\n\nNorthfield Foods is recalling about 45,000 "
    "pounds of ground beef that may be contaminated with E. coli, the U.S. Department of Agriculture said Friday.\n\n"
    "The beef was sold at grocery stores in Ohio, Indiana and Michigan. No illnesses have been reported.\n",
    "launch.txt": "SpaceX launches 40 satellites for OneWeb\n\nCAPE CANAVERAL, Fla. — SpaceX launched 40 internet "
    "satellites for rival OneWeb on Thursday night, the first time the two companies have worked together.\n\nA "
    "Falcon 9 rocket lifted off from Kennedy Space Center at 5:27 p.m. local time.\n\nOneWeb, based in London, "
    "turned to SpaceX after Russia stopped launching its satellites following the invasion of Ukraine. The company "
    "now has 542 satellites in orbit and plans to begin global service next year.\n",
}  # fmt: skip


local_fourth = files_service(LOCAL_FOURTH)


def test_a_count_saying_what_the_question_asks_of_it_leads(local_fourth: AnswerService) -> None:
    """"How many people lost power in Tulsa?" led with "Two people died in a crash …" (people, but no power), and
    "How many satellites did SpaceX launch?" with OneWeb's "542 satellites in orbit" ("40 internet satellites"
    counted no satellites)."""
    power = local_fourth.ask("How many people lost power in Tulsa?")
    assert "leaving about 90,000 homes and businesses without power" in power.citations[0].quote
    launched = local_fourth.ask("How many satellites did SpaceX launch?")
    assert launched.answer.startswith("SpaceX launched 40 internet satellites for rival OneWeb")


def test_whether_anyone_did_it_is_answered_by_the_sentence_stating_or_denying_it(local_fourth: AnswerService) -> None:
    """"Has anyone died of measles?" led with the outbreak's case count; "… no deaths have been reported" says."""
    died = local_fourth.ask("Has anyone died of measles?")
    assert died.answer.startswith("Six people have been hospitalized, and no deaths have been reported.")
    killed = local_fourth.ask("Was anyone killed in the ice storm?")
    assert killed.answer.startswith("Two people died in a crash on Interstate 44")
    sick = local_fourth.ask("Has anyone gotten sick from the beef?")  # a state a linking verb asks of
    assert sick.answer.startswith("No illnesses have been reported.")
    detectors = local_fourth.ask("Did the house have smoke detectors?")  # whether the one thing told of had it
    assert detectors.answer.startswith("Fire Chief Karen Walsh said the home did not have working smoke detectors.")
    asked = "Why was Rosie's Diner closed?"
    history = after(local_fourth, asked)
    failed = local_fourth.ask("Has it failed inspections before?", history)
    assert failed.answer.startswith("It was the diner's second failed inspection this year.")


def test_a_time_to_come_answers_when_will_in_a_follow_up(local_fourth: AnswerService) -> None:
    """"When will it get above freezing?" after "How thick was the ice?" led with the storm's Wednesday: the carried
    "ice" drew it to the first sentence, which tells what happened, not what is to come."""
    asked = "How thick was the ice?"
    history = after(local_fourth, asked)
    thaw = local_fourth.ask("When will it get above freezing?", history)
    assert thaw.answer.startswith("The National Weather Service said temperatures would stay below freezing")


def test_who_needs_to_do_it_asks_the_deed_after_to(local_fourth: AnswerService) -> None:
    """"Who needs to approve the deal?" was refused as stating no "needs": the deed is "approve", which "pending
    approval by regulators and Crunchwell shareholders" states."""
    response = local_fourth.ask("Who needs to approve the deal?")
    assert not response.refused and "pending approval by regulators" in response.citations[0].quote


def test_a_sentence_stating_every_word_of_a_question_shows_its_topic(local_fourth: AnswerService) -> None:
    """"What did the inspectors find?" was refused as off the collection's topic: the diner's article sits far from
    it in meaning, and its "inspectors found" held no "find" (a stem does not join an irregular verb's forms)."""
    found = local_fourth.ask("What did the inspectors find?")
    assert not found.refused and "health inspectors found mice droppings" in found.citations[0].quote


def test_a_role_a_verb_asks_of_the_story_and_jobs_counted_by_the_people_holding_them(
    local_fourth: AnswerService,
) -> None:
    """"Who owns the diner?" led with the closing, not "Owner Frank Russo said …"; "How many jobs is Brightpath
    cutting?" was refused as giving no count ("will lay off about 600 employees")."""
    owner = local_fourth.ask("Who owns the diner?")
    assert owner.answer.startswith("Owner Frank Russo said")
    jobs = local_fourth.ask("How many jobs is Brightpath cutting?")
    assert not jobs.refused and "lay off about 600 employees" in jobs.citations[0].quote


def test_whether_there_was_any_and_ages_given_together_are_answered(local_fourth: AnswerService) -> None:
    """"Were there any power outages?" after the heat wave was refused ("… but no outages were reported" says);
    "How old are the children?" after the rescue was refused: "the children, ages 4 and 7" gave no age."""
    asked = "How hot did it get in Phoenix?"
    history = after(local_fourth, asked)
    outages = local_fourth.ask("Were there any power outages?", history)
    assert outages.answer.startswith("Arizona Public Service said demand for electricity set a record")
    asked = "Who is Luis Ortega?"
    history = after(local_fourth, asked)
    ages = local_fourth.ask("How old are the children?", history)
    assert not ages.refused and "the children, ages 4 and 7, were trapped" in ages.citations[0].quote


def test_who_did_it_after_an_appositive_who_chairs_and_who_is_doing_it(local_fourth: AnswerService) -> None:
    """"Who voted against the transportation bill?" led with the tally, not "Sen. Marcus Webb, a Republican who voted
    against the measure"; "Who chairs the museum board?" was refused ("board chair Susan Lee"); after the plane
    crash "Was anyone else on board?" was refused ("anyone" read as the topic) and "Who is investigating?" too (the
    progressive "are investigating" read as a passive)."""
    against = local_fourth.ask("Who voted against the transportation bill?")
    assert against.answer.startswith("Sen. Marcus Webb, a Republican who voted against the measure")
    chair = local_fourth.ask("Who chairs the museum board?")
    assert not chair.refused and "board chair Susan Lee said" in chair.citations[0].quote
    asked = "What happened near Millville airport?"
    history = after(local_fourth, asked)
    for question, opening in [
        ("Was anyone else on board?", "The pilot, identified as 62-year-old Robert Chen of Vineland, was the only"),
        ("Who is investigating?", "The Federal Aviation Administration and the National Transportation Safety"),
    ]:
        assert local_fourth.ask(question, history).answer.startswith(opening), question
    aboard = local_fourth.ask("How many people were on the plane?", history)  # not the take-off's "10 minutes"
    assert aboard.answer.startswith("The pilot, identified as 62-year-old Robert Chen of Vineland, was the only")


def test_who_died_is_told_by_a_killing(local_fourth: AnswerService) -> None:
    """"Who died in the plane crash?" was refused: "… crashed …, killing the pilot" said no "died"."""
    died = local_fourth.ask("Who died in the plane crash?")
    assert not died.refused and "killing the pilot" in died.citations[0].quote


def test_a_headline_s_words_are_its_lede_s_and_a_period_ends_on_the_day_it_runs_through(
    local_fourth: AnswerService,
) -> None:
    """"Who rescued the children?" was refused: only the headline says "rescues", its lede says "carried two children
    out"; "When will the heat end?" was refused ("extended an excessive heat warning through Sunday night" says no
    "end"), then led by the cooling centers' "open until 10 p.m.", which hold no heat."""
    rescued = local_fourth.ask("Who rescued the children?")
    assert not rescued.refused and rescued.answer.startswith("A firefighter carried two children out of a burning")
    assert "Firefighter Luis Ortega" in rescued.answer
    ends = local_fourth.ask("When will the heat end?")
    assert ends.answer.startswith("The National Weather Service extended an excessive heat warning through Sunday")
    history = [Turn(role="user", content="Who rescued the children?"), Turn(role="assistant", content=rescued.answer)]
    hurt = local_fourth.ask("Were they hurt?", history)  # the hurt are told by their care
    assert not hurt.refused and "both were treated for smoke inhalation" in hurt.citations[0].quote
    inside = local_fourth.ask("Who climbed the ladder?")  # a sentence further down reads no headline
    assert inside.answer.startswith("Firefighter Luis Ortega climbed a ladder")


LOCAL_FIFTH = {
    "game.txt": "Hawks rally past Tigers 31-28 to reach state final\n\nQuarterback Eli Morgan threw a 22-yard "
    "touchdown pass to Jalen Price with 40 seconds left, and the Central High Hawks rallied to beat the Northside "
    "Tigers 31-28 in the state semifinal on Friday night.\n\nThe Hawks trailed 28-14 at halftime. Morgan finished "
    "with 287 passing yards and three touchdowns.\n\nCentral will play defending champion St. Mark's in the Class "
    "5A final on Dec. 12 "
    "at Memorial Stadium. The Hawks have not won a state title since 1998.\n",
    "bridge.txt": "Oak Street bridge to close for six months for repairs\n\nThe Oak Street bridge over the Pine River "
    "will close to traffic on March 1 for about six months while crews replace its deck and repair rusted steel "
    "beams, city officials said Thursday.\n\nThe $14 million project is paid for mostly with federal money. Drivers "
    "will be detoured to the Elm Avenue bridge, about a mile north, which could add 10 to 15 minutes to commutes.\n\n"
    "Pedestrians will still be able to cross on a temporary walkway. The bridge, built in 1962, carries about 18,000 "
    "vehicles a day.\n",
    "phone.txt": "Nimbus unveils foldable phone priced at $1,299\n\nNimbus Technologies on Wednesday unveiled the "
    "Nimbus Fold 2, a foldable smartphone that will go on sale Oct. 18 for $1,299, about $500 less than its first "
    "folding model.\n\nThe phone has a 7.6-inch inner screen and a battery the company says lasts up to 30 hours.\n\n"
    "Analysts said the lower price could help Nimbus compete with Samsung, which dominates the foldable market. "
    "Nimbus shares rose 3 percent on Wednesday.\n",
    "earnings.txt": "Harlow Motors profit falls as EV sales slow\n\nHarlow Motors said Tuesday that its third-quarter "
    "profit fell 18 percent to $1.1 billion, as slower sales of electric vehicles and higher labor costs weighed on "
    "results.\n\nRevenue rose 2 percent to $39.4 billion. The Detroit automaker delivered 412,000 vehicles in the "
    "quarter, including 31,000 electric models, down from 44,000 a year earlier.\n",
    "study.txt": "Study links daily walks to lower dementia risk\n\nAdults who walked about 9,800 steps a day were 51 "
    "percent less likely to develop dementia over seven years than those who walked little, according to a study "
    "published Monday in JAMA Neurology.\n\nResearchers at the University of Southern Denmark followed more than "
    "78,000 adults aged 40 to 79 who wore wrist trackers.\n",
    "court.txt": "Appeals court blocks Riverton's ban on short-term rentals\n\nA federal appeals court on Thursday "
    "blocked the city of Riverton from enforcing its ban on short-term rentals, ruling that the city had not shown "
    "the ban was needed to protect housing supply.\n\nThe three-judge panel of the 9th U.S. Circuit Court of Appeals "
    "voted 2-1. Judge Miriam Osei wrote the majority opinion.\n\nThe ban, passed in March, would have barred rentals "
    "of fewer than 30 days in most neighborhoods. The city attorney said Riverton would ask the full court to rehear "
    "the case.\n",
}  # fmt: skip


local_fifth = files_service(LOCAL_FIFTH)


def test_a_score_is_a_game_s_and_a_when_is_led_by_the_sentence_holding_the_asked_verb(
    local_fifth: AnswerService,
) -> None:
    """"What was the score of the Hawks game?" was refused ("… beat the Northside Tigers 31-28 in the state semifinal"
    says no "game"); "When did the Hawks last win a state title?" led with the semifinal's "… on Friday night", not
    "The Hawks have not won a state title since 1998"."""
    score = local_fifth.ask("What was the score of the Hawks game?")
    assert not score.refused and "beat the Northside Tigers 31-28" in score.citations[0].quote
    title = local_fifth.ask("When did the Hawks last win a state title?")
    assert title.answer.startswith("The Hawks have not won a state title since 1998.")


def test_a_range_counts_nothing_but_its_noun_and_shares_are_the_stock(local_fifth: AnswerService) -> None:
    """"How many cars use the bridge each day?" led with a detour adding "10 to 15 minutes" (10 counted cars);
    "How did the stock react?" after the phone's price was refused ("Nimbus shares rose 3 percent" said no "stock",
    and the ranker rates it 0.08)."""
    cars = local_fifth.ask("How many cars use the bridge each day?")
    assert cars.answer.startswith("The bridge, built in 1962, carries about 18,000 vehicles a day.")
    stock = local_fifth.ask("How did the stock react?", after(local_fifth, "How much does the Nimbus Fold 2 cost?"))
    assert stock.answer.startswith("Nimbus shares rose 3 percent on Wednesday.")


def test_an_acronym_news_writes_out_and_what_a_common_subject_did(local_fifth: AnswerService) -> None:
    """"How many EVs did Harlow deliver?" was refused as not stating "EVs" ("31,000 electric models"); "What did the
    appeals court decide?" led with the panel's "voted 2-1", a near tie above "… ruling that …"."""
    evs = local_fifth.ask("How many EVs did Harlow deliver?")
    assert not evs.refused and "including 31,000 electric models" in evs.citations[0].quote
    decided = local_fifth.ask("What did the appeals court decide?")
    assert decided.answer.startswith("A federal appeals court on Thursday blocked the city of Riverton")


def test_a_fact_told_according_to_a_study_is_what_the_study_found(local_fifth: AnswerService) -> None:
    """"What did the study find?" was refused as off-topic: the study's finding, told "according to a study", says no
    "find", and the question's meaning is far from it."""
    found = local_fifth.ask("What did the study find?")
    assert found.answer.startswith("Adults who walked about 9,800 steps a day were 51 percent less likely")


def test_what_a_subject_will_do_next_is_led_by_what_is_to_come(local_fifth: AnswerService) -> None:
    """"What will Riverton do next?" led with the ruling, not "The city attorney said Riverton would ask the full court
    to rehear the case"; after "What did the appeals court decide?", "What will the city do next?" quoted no plan."""
    riverton = local_fifth.ask("What will Riverton do next?")
    assert riverton.answer.startswith("The city attorney said Riverton would ask the full court to rehear the case.")
    history = after(local_fifth, "What did the appeals court decide?")
    city = local_fifth.ask("What will the city do next?", history)
    assert city.answer.startswith("The city attorney said Riverton would ask the full court to rehear the case.")
