"""Coding rules of round 7: no target from a clause describing what is deployed; dates told
only inside a clause describing a noun neither date the next sentence nor the event whose
object that noun is; a cancelled visit is a protest only for a protest reason; role phrases
re-resolved with the actor file the extraction was given."""

from __future__ import annotations

import datetime as dt

import pytest


def _target(ev) -> str:
    return ev.target_country or (ev.target_cameo[:3] if ev.target_cameo else "-")


# -- 1. a clause describing the deployed object names no target --------------------------------
# (text, code root, target that must not be coded, target that must stay or None)
DEPLOYED = [
    ("Chile decided to deploy a missile system involving Peru.", "15", "PER", None),
    ("Chile deployed a radar system built by Peru.", "15", "PER", None),
    # coordinated objects of the describing clause
    ("Chile deployed a missile shield that covers Peru and Bolivia.", "15", "PER", None),
    ("Chile deployed a missile shield that covers Peru and Bolivia.", "15", "BOL", None),
    # a planned deployment (coded as a threat) likewise
    ("Chile will deploy a radar system built by Peru.", "13", "PER", None),
    ("Chile will deploy the US missile defence system.", "13", "USA", None),
    ("Chile will deploy troops to Peru.", "13", None, "PER"),
    # a describing clause whose verb is an event verb keeps its object as the target
    ("Chile deployed troops that threatened Peru.", "15", None, "PER"),
    # the target named by the deployment itself stays
    ("Chile deployed warships to Peru.", "15", None, "PER"),
    ("Chile deployed troops near the border with Peru.", "15", None, "PER"),
]


@pytest.fixture(scope="module")
def coded_deployed(code):
    return code([case[0] for case in DEPLOYED])


@pytest.mark.parametrize("n", range(len(DEPLOYED)), ids=[c[0][:40] for c in DEPLOYED])
def test_describing_clause_names_no_target(coded_deployed, n):
    text, root, wrong, kept = DEPLOYED[n]
    events = [e for e in coded_deployed[n] if e.cameo_root == root]
    assert events, f"{text}: no {root} event"
    got = {_target(e) for e in events}
    assert wrong not in got, f"{text}: {got}"
    assert kept is None or kept in got, f"{text}: {got}"


# -- 2./3. dates inside a clause describing a noun ------------------------------------------
# (text, trigger of the event checked, expected date, expected basis)
DATED = [
    # the previous sentence's date lies only in a relative clause: not the carried subject's
    (("Speaking after the summit, Abe recalled the pledge, which both leaders had made during "
     "Putin's visit to Tokyo in March 2015. He also suggested to Putin that their ministers "
     "meet every month."), "suggested", "2018-09-17", "publication"),
    # ... the main clause's own date does
    (("At the talks with Putin in May, Abe raised the plan that he had proposed to Putin in "
     "March 2015. He then suggested to Putin that the two countries hold joint exercises."),
     "suggested", "2018-05", "context"),
    (("In May, Abe met Putin in Sochi and discussed the plan that he had proposed in December "
     "2016. He also urged Putin to release the fishermen."), "urged", "2018-05", "context"),
    # the re-mentioned visit itself keeps its date, and is no plan: a relative clause on a
    # noun of planning ("the pledge, which ... had made during ...") states a fact
    (("Speaking after the summit, Abe recalled the pledge, which both leaders had made during "
     "Putin's visit to Tokyo in March 2015."), "visit", "2015-03", "clause"),
    # a participle on what the act is about dates that, not the act
    ("Japan announced support for sanctions imposed on Russia in 2014.", "support",
     "2018-09-17", "publication"),
    ("On Monday, Japan announced support for the sanctions imposed on Russia in 2014.",
     "support", "2018-09-17", "clause"),
    ("Japan backed the sanctions imposed on Russia in 2014.", "backed", "2018-09-17",
     "publication"),
    # a participle on the medium of the act still dates it
    ("Japan condemned Russia in a statement published on Friday.", "condemned", "2018-09-14",
     "clause"),
    ("Japan criticised Russia at a press conference held on Friday.", "criticised",
     "2018-09-14", "clause"),
]


@pytest.fixture(scope="module")
def coded_dated(code):
    return code([case[0] for case in DATED])


@pytest.mark.parametrize("n", range(len(DATED)), ids=[f"{c[1]}-{c[2]}" for c in DATED])
def test_date_inside_describing_clause(coded_dated, n):
    text, trigger, date, basis = DATED[n]
    got = [(e.date, e.date_basis) for e in coded_dated[n] if e.trigger == trigger]
    assert got, f"{text}: no event of {trigger!r}"
    assert set(got) == {(date, basis)}, f"{text}: {got}"


# -- 4. a cancelled visit is a protest only for a protest reason ----------------------------
PRESENT = [
    ("Putin cancelled his visit to Japan in protest at the sanctions.", "160", "RUS", "JPN"),
    ("Putin cancelled his visit to Japan because of Japan's decision to join the sanctions.",
     "160", "RUS", "JPN"),
    ("Putin cancelled his visit to Japan because of Abe's remarks.", "160", "RUS", "JPN"),
    ("Putin cancelled his visit to Japan over the island dispute.", "160", "RUS", "JPN"),
    ("Putin cancelled his trip to Japan amid tensions over the islands.", "160", "RUS", "JPN"),
    ("Putin postponed his visit to Japan after Tokyo expelled two Russian diplomats.", "160",
     "RUS", "JPN"),
    ("The Dutch king cancelled his trip to Ghana after the coup there.", "160", "NLD", "GHA"),
]

ABSENT = [
    ("Putin cancelled his visit to Japan because of the weather.", "160", None),
    ("Putin cancelled his visit to Japan because of bad weather.", "160", None),
    ("Putin postponed his trip to Japan due to illness.", "160", None),
    ("Putin postponed his visit to Japan after the typhoon.", "160", None),
    ("Putin postponed his visit to Japan because the weather was bad.", "160", None),
    # a reason clause about the doer himself is no protest
    ("Putin cancelled his visit to Japan after he fell ill.", "160", None),
    ("Putin postponed his trip to Japan because he was busy with the election.", "160", None),
    # "calling" talks something is no halt of them
    ("Lavrov called the talks with Kishida useful.", "164", None),
]


@pytest.mark.parametrize("n", range(len(PRESENT)), ids=[c[0][:40] for c in PRESENT])
def test_protest_cancellation(coded_present, assert_found, n):
    assert_found(PRESENT[n], coded_present[n])


@pytest.mark.parametrize("n", range(len(ABSENT)), ids=[c[0][:40] for c in ABSENT])
def test_cancellation_without_protest(coded_absent, assert_absent, n):
    assert_absent(ABSENT[n], coded_absent[n])


def test_protest_reason_cue(nlp):
    """The cue names what made the reason a protest."""
    from detente.events import load_patterns
    from detente.events.modality import protest_reason

    lex = load_patterns()
    cues = []
    for text in ("Putin cancelled the trip in protest.", "Putin cancelled the trip amid the row.",
                 "Putin cancelled the trip because of the rain."):
        doc = nlp(text)
        verb = next(t for t in doc if t.lemma_ == "cancel")
        cues.append(protest_reason(verb, lex, lambda tok: None))
    assert cues == ["in protest", "amid", None]


# -- 6. the actor database the extraction was given ------------------------------------------
def _events_with_db(nlp, texts, db):
    from detente.actors import resolve
    from detente.events import extract_events
    from detente.time import find_timexes

    when = dt.date(2018, 9, 17)
    out = []
    for n, doc in enumerate(nlp.pipe(texts)):
        kwargs = {} if db is None else {"actor_db": db}
        out.append(extract_events(doc, doc_id=f"u{n}", file="t.txt", publication_date=when,
                                  actor_mentions=resolve(doc, when, db or _packaged()),
                                  timexes=find_timexes(doc, when), **kwargs))
    return out


def _packaged():
    from detente.actors import load_actor_db

    return load_actor_db()


def test_user_actor_db_names_holder_at_event_date(nlp, tmp_path):
    """A title re-resolved at the event's own date is looked up in the actor database the
    extraction was run with, not only the packaged one."""
    from detente.actors import load_actor_db

    user = tmp_path / "actors.yaml"
    user.write_text("version: 1\noffice_terms:\n"
                    "  - {office: JPN, role: hog, start: 1991-11-05, end: 1993-08-09, "
                    "name: Test Premier}\n", encoding="utf-8")
    texts = ["In 1992, the Japanese prime minister visited Moscow."]
    packaged = _events_with_db(nlp, texts, None)[0]
    custom = _events_with_db(nlp, texts, load_actor_db(user))[0]
    visits = [e.source_name for e in packaged if e.cameo_root == "04"]
    assert visits == ["Kiichi Miyazawa"], [(e.cameo_code, e.source_name) for e in packaged]
    visits = [e.source_name for e in custom if e.cameo_root == "04"]
    assert visits == ["Test Premier"], [(e.cameo_code, e.source_name) for e in custom]


# -- 5. dating slips ----------------------------------------------------------------------------
_LEFT = "Prime Minister Abe flew out on May 1 for a visit to Italy and Russia. "
_ITEM = ("Aides said Abe would raise fishing quotas during his visit to Russia, which might "
         "take place next month.")
# (text, publication window days, expected dates of the second sentence's visit)
REPRINTED = [
    # the article tells the visit as begun on May 1: an item saying it "could be held next
    # month" was written before (read against the inferred date it would be June)
    (_LEFT + _ITEM, 3, {"2016-05-01"}),
    # a publication date known exactly: "next month" is read against it
    (_LEFT + _ITEM, None, {"2016-06"}),
    # no earlier telling of the visit: the relative date stands
    (_ITEM, 3, {"2016-06"}),
]


def _visit_dates(nlp, text, window):
    from detente.actors import load_actor_db, resolve
    from detente.events import extract_events
    from detente.time import find_timexes

    when = dt.date(2016, 5, 3)
    doc = nlp(text)
    db = load_actor_db()
    events = extract_events(doc, doc_id="r", file="t.txt", publication_date=when,
                            actor_mentions=resolve(doc, when, db),
                            timexes=find_timexes(doc, when), publication_window_days=window)
    last = max(e.sentence_index for e in events)
    return {e.date for e in events if e.sentence_index == last and e.trigger == "visit"}


@pytest.mark.parametrize(("text", "window", "dates"), REPRINTED,
                         ids=["reprinted", "exact-publication", "no-earlier-telling"])
def test_reprinted_relative_date(nlp, text, window, dates):
    assert _visit_dates(nlp, text, window) == dates


# (text, expected date of the "expressed" events, basis)
ELABORATED = [
    # an absolute phrase of speech by one of the doers dates the act
    (("Abe and Putin both expressed interest in a fisheries deal, with Putin telling reporters "
     "on September 10 that talks could start soon."), "2018-09-10", "sentence"),
    # ... one by someone else tells another act
    (("Abe and Putin both expressed interest in a fisheries deal, with Xi telling reporters "
     "on September 10 that he welcomed it."), "2018-09-17", "publication"),
    (("Abe expressed interest in a fisheries deal, with Putin telling reporters on September 10 "
     "that talks could start soon."), "2018-09-17", "publication"),
]


@pytest.fixture(scope="module")
def coded_elaborated(code):
    return code([case[0] for case in ELABORATED])


@pytest.mark.parametrize("n", range(len(ELABORATED)), ids=["doer", "other", "other-single"])
def test_absolute_speech_phrase_of_a_doer(coded_elaborated, n):
    text, date, basis = ELABORATED[n]
    got = {(e.date, e.date_basis) for e in coded_elaborated[n] if e.trigger == "expressed"}
    assert got == {(date, basis)}, f"{text}: {got}"


def test_user_actor_db_places_a_meeting_during_a_visit(nlp, tmp_path):
    """The place of an undated meeting is looked up in the extraction's actor database: a
    place only the user's file knows puts the meeting in the visit to its country."""
    from detente.actors import load_actor_db, resolve
    from detente.events import extract_events
    from detente.time import find_timexes

    user = tmp_path / "actors.yaml"
    user.write_text("version: 1\nplaces:\n  - {name: Kanazuwa, label: GPE, country: JPN}\n",
                    encoding="utf-8")
    when = dt.date(2016, 4, 20)
    text = ("On April 15, Lavrov arrived in Japan for a two-day visit.\n\n"
            "Lavrov said during a joint news conference with Kishida in Kanazuwa that the "
            "talks were useful.")
    got = {}
    for name, db in (("packaged", load_actor_db()), ("user", load_actor_db(user))):
        doc = nlp(text)
        events = extract_events(doc, doc_id="p", file="t.txt", publication_date=when,
                                actor_mentions=resolve(doc, when, db),
                                timexes=find_timexes(doc, when), actor_db=db)
        got[name] = {(e.date, e.date_basis) for e in events if e.sentence_index == 1
                     and e.cameo_root == "04"}
    assert got["user"] == {("2016-04-11", "context")}, got  # the visit's week
    assert got["packaged"] == {("2016-04-20", "publication")}, got


# -- an undated past act between states told again takes the date it was first told --------
# (text, expected (date, basis) of the last sentence's events of the code)
RETOLD = [
    # the very same act between the same two countries, told again in a later paragraph
    (("In 2014, Tokyo announced support for the sanctions on Moscow.\n\n"
      "Relations soured after Tokyo announced support for Western sanctions against Russia."),
     "163", {("2014", "context")}),
    (("In 2015, Canberra imposed sanctions on Pyongyang.\n\n"
      "Australia imposed sanctions on North Korea and its trade fell."), "163",
     {("2015", "context")}),
    # ... not an act told as done again
    (("In 2014, Japan imposed sanctions on Russia.\n\nJapan again imposed sanctions on Russia."),
     "163", {("2018-09-17", "publication")}),
    # ... nor another act between them
    (("In 2014, Japan imposed sanctions on Russia.\n\nJapan expelled two Russian diplomats."),
     "161", {("2018-09-17", "publication")}),
    # ... nor a person's act, his own occasion
    (("In December 2016, Putin visited Japan.\n\nGeneral Gerasimov visited Tokyo and held talks."),
     "042", {("2018-09-17", "publication")}),
]


@pytest.fixture(scope="module")
def coded_retold(code):
    return code([case[0] for case in RETOLD])


@pytest.mark.parametrize("n", range(len(RETOLD)), ids=["announced", "imposed", "again",
                                                      "other-act", "person"])
def test_retold_state_act_keeps_its_date(coded_retold, n):
    text, code_, dates = RETOLD[n]
    last = max(e.sentence_index for e in coded_retold[n])
    got = {(e.date, e.date_basis) for e in coded_retold[n]
           if e.sentence_index == last and e.cameo_code == code_}
    assert got == dates, f"{text!r}: {got}"
