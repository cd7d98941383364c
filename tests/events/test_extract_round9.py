"""Extraction rules of the ninth round: a speaker giving another actor's act an evaluative
predicate ("X said that Y's decision was regrettable", "X called Y's move unacceptable", "X
said it was commendable that Y ...") criticises or praises that actor; an accusation noun's
"that"-clause names the accused, and a hostile act done over someone's *alleged* act is an
accusation a later denial answers; a visit by a state's leader to a place it holds in a
dispute is aimed at the other party; an intent toward a bilateral instrument is aimed at its
"with" partner, else its doer's partner in the pair named last; states joined by a dash
("German-French talks") are both parties, and "the next round of talks will be held" is still
to come; an act opposed ("in opposition to returning ...") is not done; supporting or joining
sanctions still to come is no threat. Sentences written for these tests."""

from __future__ import annotations

import pytest

# (text, dyads that must come out, dyads that must not)
NEIGHBOURS = [
    # a reported copula: the speaker criticises the act's owner (possessor, adjective)
    ("Beijing said that Tokyo's decision was regrettable.", {"CHN>JPN:111"}, set()),
    ("Moscow said that the Japanese move was unacceptable.", {"RUS>JPN:111"}, set()),
    ("Kenya said that Uganda's decision to close the border was unfortunate.", {"KEN>UGA:111"}, set()),
    # ... coordinated speakers each
    ("Russia and China said that the American deployment was destabilizing.",
     {"RUS>USA:111", "CHN>USA:111"}, set()),
    # an object predicate of a verb of evaluating
    ("Putin called Abe's decision unacceptable.", {"RUS>JPN:111"}, set()),
    ("Medvedev termed the Japanese statement outrageous.", {"RUS>JPN:111"}, set()),
    # an extraposed clause: its subject owns the act; praise as well as criticism
    ("Lavrov said it was commendable that Japan joined the talks.", {"RUS>JPN:051"}, {"RUS>JPN:111"}),
    ("Oslo said that it was regrettable that Stockholm had expelled the diplomats.", {"NOR>SWE:111"}, set()),
    # ... also as a quotation's reporting verb
    ('"Japan\'s decision is regrettable," Lavrov said.', {"RUS>JPN:111"}, set()),
    # a negated predicate is no evaluation
    ("Lavrov said that Japan's decision was not regrettable.", set(), {"RUS>JPN:111"}),
    # an accusation noun's that-clause names the accused; a denial of "the accusations"
    # answers the accuser
    (("Relations soured after Britain's accusations that Moscow meddled in its elections. "
     "Russia denied the accusations."), {"GBR>RUS:112", "RUS>GBR:016"}, set()),
    (("Relations soured amid accusations by Britain that Moscow had poisoned a former spy. "
     "Russia denied the accusations."), {"GBR>RUS:112", "RUS>GBR:016"}, set()),
    # sanctions over someone's alleged act accuse him of it
    (("Britain imposed sanctions on Russia over its alleged meddling in Georgia. "
     "Russia has denied the accusations."), {"GBR>RUS:163", "RUS>GBR:016"}, set()),
    (("Britain imposed sanctions on Russia because of its alleged role in the attack. "
     "Russia denied the accusations."), {"GBR>RUS:163", "RUS>GBR:016"}, set()),
    (("Canberra announced support for sanctions against Russia over Moscow's alleged role in the attack. "
     "Russia denied the accusations."), {"AUS>RUS:163", "RUS>AUS:016"}, set()),
    # ... not when the alleged act is someone else's
    ("Britain imposed sanctions on Russia over Iran's alleged nuclear work. Russia denied the accusations.",
     {"GBR>RUS:163"}, {"RUS>GBR:016"}),
    # announcing one's own support for sanctions is that support, not a threat; "its" is Moscow
    (("Tokyo said that it would back the European sanctions on Moscow over its alleged "
     "meddling in Georgia. Moscow denied the allegations."), {"JPN>RUS:163", "RUS>JPN:016"},
     {"JPN>RUS:1312"}),
    ("Canberra said it would join the sanctions on Moscow.", {"AUS>RUS:163"}, {"AUS>RUS:1312"}),
    ("Japan will support the sanctions against Russia.", {"JPN>RUS:163"}, {"JPN>RUS:1312"}),
    # ... while imposing sanctions still to come, or joining them on a condition, threatens
    ("Washington said it would impose sanctions on Moscow.", {"USA>RUS:1312"}, set()),
    ("Paris announced that it would join the embargo against Iran if Tehran did not stop enrichment.",
     {"FRA>IRN:1312"}, set()),
    # a leader's visit to a place his state holds in a dispute is aimed at the other party
    ("Medvedev visited the Kurils in 2010.", {"RUS>JPN:042"}, set()),
    ("Dmitry Medvedev travelled to Kunashir on Monday.", {"RUS>JPN:042"}, set()),
    ("The Russian president took a trip to the Kuril Islands.", {"RUS>JPN:042"}, set()),
    ("Medvedev visited Vladivostok in 2010.", set(), {"RUS>JPN:042"}),
    # ... a visit there by the other party stays aimed at the holder
    ("Japan's foreign minister visited the Northern Territories.", {"JPN>RUS:042"}, set()),
    # intent toward a bilateral instrument with a named partner: at the partner
    ("Kenya and Uganda expressed interest in a trade agreement with China.", {"KEN>CHN:030", "UGA>CHN:030"},
     {"KEN>UGA:030", "UGA>KEN:030"}),
    ("Kenya expressed interest in a trade agreement with Uganda and Tanzania.", {"KEN>UGA:030", "KEN>TZA:030"},
     set()),
    # ... with no partner named, the doer's partner in the pair named last
    ("Peru and Chile held talks in Lima on Monday. Chile stands ready to conclude such an accord.",
     {"CHL>PER:030"}, set()),
    ("Peru and Chile held talks in Lima on Monday. Chile signed a trade agreement with Bolivia.",
     {"CHL>BOL:057"}, {"CHL>PER:057"}),
    ("Chile is ready to sign a treaty.", {"CHL>-:030"}, set()),
    # states joined by a dash are the parties of what they qualify
    ("The German-French talks ended on Monday.", {"DEU>FRA:040", "FRA>DEU:040"}, set()),
    ("The next round of Indian-Pakistani talks will be held in May.", {"IND>PAK:040", "PAK>IND:040"}, set()),
    # an act opposed is not done; a concession opposed is rejected
    ("Ankara took a stand in opposition to returning the disputed islands to Greece.", {"TUR>GRC:1243"},
     {"TUR>GRC:0842"}),
    ("Hungary is opposed to lifting the sanctions on Russia.", {"HUN>RUS:120"}, {"HUN>RUS:085"}),
    ("Hungary is opposed to imposing sanctions on Russia.", set(), {"HUN>RUS:163"}),
    # "upon" is "on"
    ("France called upon Russia to withdraw its troops.", {"FRA>RUS:0256"}, set()),
    ("Washington imposed sanctions upon Caracas.", {"USA>VEN:163"}, set()),
    # a statement's participles are its authors' acts; a participle the parser coordinated
    # with an infinitive ("refusal to cooperate and calling upon ...") is not the refuser's
    (("In May, Canada joined the other NATO members in a statement condemning Iran's refusal to cooperate "
      "and calling upon Iran to respond urgently."), {"CAN>IRN:111", "CAN>IRN:020"}, {"IRN>-:020"}),
    ("Canada joined the other members in a statement supporting France's position.", {"CAN>FRA:051"}, set()),
    # what is signed with no agent at an occasion of the sentence is signed by its parties
    ("Following the talks between Peru and Chile, five agreements were signed.", {"PER>CHL:057", "CHL>PER:057"},
     set()),
    ("During the Kenyan president's visit to Uganda, three agreements were signed.",
     {"KEN>UGA:057", "UGA>KEN:057"}, set()),
]


@pytest.mark.parametrize("index", range(len(NEIGHBOURS)), ids=[c[0][:50] for c in NEIGHBOURS])
def test_round9_dyads(index, coded_neighbours, assert_neighbour):
    assert_neighbour(NEIGHBOURS[index], coded_neighbours[index])


# (text, code, source, target): an asserted or planned event with that code and dyad
PRESENT = [
    ("Beijing said that Tokyo's decision was regrettable.", "111", "CHN", "JPN"),
    ("Putin called Abe's decision unacceptable.", "111", "RUS", "JPN"),
    ("Lavrov said it was commendable that Japan joined the talks.", "051", "RUS", "JPN"),
    # the evaluated act itself is still reported
    ("Oslo said that it was regrettable that Stockholm had expelled the diplomats.", "161", "SWE", "-"),
]


@pytest.mark.parametrize("index", range(len(PRESENT)), ids=[c[0][:50] for c in PRESENT])
def test_round9_found(index, coded_present, assert_found):
    assert_found(PRESENT[index], coded_present[index])


# (text, code, source or None): no such event counts
ABSENT = [
    # no occasion with parties: nobody known signed
    ("Following the talks, five agreements were signed.", "057", None),
    # opinions of commentators and media are no events
    ("Experts said that Tokyo's decision was regrettable.", "111", None),
    ("Sergei Markov, a political analyst in Moscow, said that Japan's stance was counterproductive.", "111", None),
    ("The newspaper said that Russia's policy was irresponsible.", "111", None),
    # owners that are no actors, or the speaker itself
    ("Lavrov said that the company's decision was regrettable.", "111", None),
    ("Japan said its decision was regrettable.", "111", None),
    # not praise without a predicate of praise
    ("Lavrov said that Japan's decision was important.", "051", None),
]


@pytest.mark.parametrize("index", range(len(ABSENT)), ids=[c[0][:50] for c in ABSENT])
def test_round9_absent(index, coded_absent, assert_absent):
    assert_absent(ABSENT[index], coded_absent[index])


def test_evaluation_is_one_event_per_speech_act(code):
    # the verb's own criticism is not doubled by the evaluative predicate
    (events,) = code(["Lavrov criticised Japan's decision as unacceptable."])
    assert len([e for e in events if e.cameo_code.startswith("11")]) == 1, [
        (e.cameo_code, e.source_name, e.target_name) for e in events]


def test_evaluative_event_names_its_pattern(nlp):
    import datetime as dt

    from detente.actors import load_actor_db, resolve
    from detente.events.extract import find_candidates
    from detente.events.patterns import load_patterns

    doc = nlp("Beijing said that Tokyo's decision was regrettable.")
    when = dt.date(2018, 9, 17)
    cands = find_candidates(doc, resolve(doc, when, load_actor_db()), load_patterns(), when)
    (cand,) = [c for sent in cands for c in sent if c.code == "111"]
    assert cand.pattern.id == "evaluative-predicate"
    assert [t.text for t in cand.anchors] == ["said", "regrettable"]


@pytest.mark.parametrize("text", [
    "The next round of Indian-Pakistani talks will be held in May.",
    "A new session of negotiations between Peru and Chile will take place next week.",
])
def test_part_of_a_series_takes_its_verbs_modality(code, text):
    # the verb of "the next round of" carries the talks: still to come
    (events,) = code([text])
    talks = [e for e in events if e.cameo_code.startswith("04")]
    assert talks and all(e.modality == "planned" for e in talks), [(e.cameo_code, e.modality) for e in events]
