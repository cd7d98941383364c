"""Extraction rules of the eleventh round: a stance noun carried by a light verb, a verb of saying
or a stance carrier ("voiced its backing for the embargo on X", "declared its opposition to X's
move", "reaffirmed its support for X": ``roles.yaml`` stance_nouns, stance_carriers) is the act
of the verb it is made from, done by its owner (else the carrier's subject), its "for"/"to"/"of"
object read as that verb's object; a place is no partner of an act that needs one named
("Speaking at a news conference in X, Y said ...": no meeting); a name the parser took for an
object predicate with no object beside it is the object ("reports that X called Prime Minister
Y"), while an object with an object predicate is named, not called ("called X a liar"); and
the object phrase of an act names another state before the doer's own ("agreed to reopen its
border with X"), and so does the phrase of what a counted object is of ("cancelled a number of
meetings with X"); a past-tense verb the parser hung on its object's name, in a sentence left without
a main verb ("X on Saturday hosted Prime Minister Y in ..."), is the main verb; a quoted
"let's" proposal is dated by its verb of saying. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

# (text, dyads that must come out, dyads that must not)
NEIGHBOURS = [
    # a stance noun made from a verb with patterns: the verb's act
    ("Ghana voiced its backing for the embargo on Mali.", {"GHA>MLI:163"}, set()),
    ("Peru stated its backing for sanctions against Venezuela.", {"PER>VEN:163"}, set()),
    ("Chile expressed its support for Bolivia's plan.", {"CHL>BOL:051"}, set()),
    ("Norway reaffirmed its support for Ukraine.", {"NOR>UKR:051"}, set()),
    ("Poland declared its opposition to the Belarusian move.", {"POL>BLR:120"}, set()),
    ("Poland declared its opposition to Belarus's move.", {"POL>BLR:120"}, set()),
    ("Senegal expressed its approval of the Gambian proposal.", {"SEN>GMB:030"}, set()),
    ("Austria announced its endorsement of Hungary's bid.", {"AUT>HUN:051"}, set()),
    ("Kenya threw its support behind Uganda's bid.", {"KEN>UGA:051"}, set()),
    ("Kenya voiced strong support for Uganda's bid.", {"KEN>UGA:051"}, set()),
    # ... with the "for" phrase hung on the carrier past an adverbial
    ("Chile expressed its support on Monday for Peru.", {"CHL>PER:051"}, set()),
    # ... support needs someone supported
    ("Chile expressed its support for the plan.", set(), {"CHL>-:051"}),
    ("Kenya expressed approval of the Ugandan plan.", {"KEN>UGA:030"}, set()),
    # ... "the support of X" is X's, and having it gives nothing
    ("Kenya has the support of Uganda.", set(), {"KEN>UGA:051", "UGA>KEN:051"}),
    ("Kenya won the backing of Uganda.", set(), {"KEN>UGA:051"}),
    # ... a verb that carries no stance: the stance is only talked about
    ("Chile criticised Peru's support for the plan.", {"CHL>PER:111"}, {"PER>-:051", "CHL>PER:051"}),
    ("Chile criticised Peru's support for Bolivia.", {"CHL>PER:111"}, {"PER>BOL:051", "CHL>BOL:051"}),
    # a speaking-at phrase with no partner: the reported act, no meeting
    ("Speaking at a news conference in Ankara, Erdogan said Turkey would send aid to Syria.",
     {"TUR>SYR:033"}, {"TUR>-:040", "TUR>TUR:040"}),
    ("Speaking to reporters in Berlin, Merkel urged Iran to free the prisoners.", {"DEU>IRN:0253"},
     {"DEU>-:040", "DEU>DEU:040"}),
    ("Speaking at a press briefing, Merkel urged Iran to free the prisoners.", {"DEU>IRN:0253"},
     {"DEU>-:040"}),
    # ... with a partner, the meeting is still coded; so is talking with someone somewhere
    ("Speaking at a joint news conference with Erdogan in Berlin, Merkel said the talks went well.",
     {"DEU>TUR:040"}, set()),
    ("Merkel spoke with Erdogan in Berlin.", {"DEU>TUR:040"}, set()),
    # a name taken for an object predicate is the object of the call
    ("The paper reported that President Macron called Chancellor Merkel, urging her to act.",
     {"FRA>DEU:041", "FRA>DEU:020"}, set()),
    # ... but naming something is no call
    ("The Kenyan government called the proposal a trap.", set(), {"KEN>-:041"}),
    ("Kenya called Uganda a bad neighbour.", set(), {"KEN>UGA:041"}),
    ("Kenya called President Museveni a liar.", set(), {"KEN>UGA:041"}),
    ("Kenya called President Museveni on Monday.", {"KEN>UGA:041"}, set()),
    # the object phrase of a coded complement names another state before the doer's own,
    # wherever the parser hung its "with" phrase
    ("Chad agreed to reopen its border with Sudan.", {"TCD>SDN:0351"}, {"TCD>TCD:0351", "TCD>-:0351"}),
    ("Chad refused to discuss its border with Sudan.", {"TCD>SDN:125"}, set()),
    # the "with" phrase of what a counted object is of ("a number of meetings with X")
    ("Chile cancelled a number of meetings with Peruvian officials after the arrests.", {"CHL>PER:160"}, set()),
    ("Chile suspended dozens of meetings with Peruvian officials in protest at the arrests.",
     {"CHL>PER:160"}, set()),
    # a sentence the parser left without a main verb ("X on Saturday hosted Y ..."): the verb
    # modifying the object's name is the main verb, the root name its subject
    (("French President Emmanuel Macron on Friday hosted German Chancellor Angela Merkel in this "
     "Atlantic resort for an informal dinner aimed at easing tensions between the two governments."),
     {"FRA>DEU:043"}, set()),
    (("Indian Prime Minister Narendra Modi on Saturday hosted Japanese Prime Minister Shinzo Abe in this "
     "western city for an informal summit aimed at building close ties between the two leaders."),
     {"IND>JPN:043"}, set()),
]


@pytest.mark.parametrize("index", range(len(NEIGHBOURS)), ids=[c[0][:50] for c in NEIGHBOURS])
def test_round11_dyads(index, coded_neighbours, assert_neighbour):
    assert_neighbour(NEIGHBOURS[index], coded_neighbours[index])


def test_no_phone_call_from_naming(code):
    (events,) = code(["The Kenyan government called the proposal a trap."])
    assert not [e for e in events if e.cameo_code == "041"], [(e.cameo_code, e.source_name) for e in events]


@pytest.mark.parametrize("text, noun, verb", [
    ("Chile voiced its backing for Peru.", "backing", "back"),
    ("Chile voiced its support for Peru.", "support", "support"),
    ("Chile voiced its opposition to Peru.", "opposition", "oppose"),
    ("Chile voiced its approval of Peru.", "approval", "approve"),
    ("Chile voiced its endorsement of Peru.", "endorsement", "endorse"),
    # not a stance noun of roles.yaml
    ("Chile voiced its concern about Peru.", "concern", None),
])
def test_stance_verb(extractor, text, noun, verb):
    doc, ex = extractor(text)
    tok = next(t for t in doc if t.lower_ == noun)
    assert ex._stance_verb(tok) == verb


def test_stance_event_is_dated_by_its_clause(code):
    (events,) = code(["Chile expressed its support for Peru on Monday."])
    support = [e for e in events if e.cameo_code == "051"]
    assert support and support[0].source_country == "CHL" and support[0].target_country == "PER"
    assert support[0].date_basis == "clause", [(e.cameo_code, e.date, e.date_basis) for e in events]


def test_stance_source_is_the_owner(code):
    said, voiced = code(["Chile said Peru's backing for Bolivia was firm.",
                         "The Peruvian foreign minister voiced his country's support for Bolivia."])
    # the subject of another verb: talked about, not done here
    assert not [e for e in said if e.cameo_code == "051"], [(e.cameo_code, e.source_name) for e in said]
    # the owner named by the possessive, not only the carrier's subject
    assert {(e.source_country, e.target_country) for e in voiced if e.cameo_code == "051"} == {("PER", "BOL")}


@pytest.mark.parametrize("text, verb, slipped", [
    (("Indian Prime Minister Narendra Modi on Saturday hosted Japanese Prime Minister Shinzo Abe in this "
     "western city for an informal summit aimed at building close ties between the two leaders."), "hosted", True),
    # a participle before its noun in a sentence with a main verb is a modifier
    ("Kenya on Monday welcomed the newly elected president.", "elected", False),
    ("Kenya hosted the talks.", "hosted", False),
])
def test_slipped_main_verb(extractor, text, verb, slipped):
    doc, ex = extractor(text)
    tok = next(t for t in doc if t.lower_ == verb)
    assert ex.slipped_verb(tok) is slipped


@pytest.mark.parametrize("text, date", [
    # the proposal is dated when it is made, not by when the act is to be done
    ('On Friday, Macron went further, saying: "Let\'s sign a trade deal with Mexico by next summer."',
     "2018-09-14"),
    ('Macron said on Friday: "Let\'s sign a trade deal with Mexico before the end of the year."', "2018-09-14"),
])
def test_let_us_proposal_is_dated_by_its_saying(code, text, date):
    (events,) = code([text])
    proposed = [e for e in events if e.modality == "proposed" and e.cameo_code == "057"]
    assert proposed, [(e.cameo_code, e.modality, e.date) for e in events]
    assert {(e.source_country, e.target_country, e.date) for e in proposed} == {("FRA", "MEX", date)}


USER_PATTERNS = """\
version: test
verbs:
  - {id: take-part, lemma: [take], object: [part], code: "042", target: [in], elided_target: true,
     example: "Kenya took part in the summit hosted by Ethiopia.", expect: ["KEN>ETH:042"]}
"""


@pytest.mark.parametrize("text, target", [
    # the gathering of a verb of taking part aimed at its "in" phrase: its host state
    ("Chile took part in the summit in Lima.", "PER"),
    ("Chile took part in the opening round of the forum hosted by Peru.", "PER"),
])
def test_taking_part_in_a_gathering(nlp, tmp_path, text, target):
    from detente.actors import load_actor_db, resolve
    from detente.events.extract import Extractor
    from detente.events.patterns import load_patterns

    path = tmp_path / "patterns.yaml"
    path.write_text(USER_PATTERNS, encoding="utf-8")
    when = dt.date(2018, 9, 17)
    doc = nlp(text)
    ex = Extractor(doc, resolve(doc, when, load_actor_db()), load_patterns(str(path)), when)
    cands = [c for s in doc.sents for c in ex.sentence(s) if c.pattern.id == "take-part"]
    assert cands, text
    assert {m.actor.country for m in cands[0].targets} == {target}
