"""Extraction rules of the tenth round: a "for" phrase the parser hung on the verb past an
adverbial ("announced its support on Monday for the sanctions") is still its object noun's; a
clause of time or reason under a verb ("postponed his visit after Tokyo expelled ...") is no
purpose clause repeating the verb's event, and is coded on its own (a visit cancelled for
that reason is aimed at the clause's doer); the meeting named by the
"at" phrase of a verb of speaking or of a participle adjunct ("Speaking at a news conference
with X, Y said ...") is the speaker's; the infinitive of a noun of refusing ("China's
refusal to cooperate") is done, or rather not done, by the noun's owner, never by whoever
condemns the refusal, and so is that of a noun of deciding ("Iran's decision to ..."); a reason hung on the verb's object ("cancelled his trip over the row
with X") is the verb's reason. Sentences written for these tests."""

from __future__ import annotations

import pytest

# (text, dyads that must come out, dyads that must not)
NEIGHBOURS = [
    # a "for" phrase separated from its noun by a time adverbial
    ("Canada announced its support on Tuesday for the sanctions against Iran.", {"CAN>IRN:163"}, set()),
    ("Kenya voiced its support last week for the sanctions on Sudan.", {"KEN>SDN:163"}, set()),
    ("Canada announced its support for the sanctions against Iran.", {"CAN>IRN:163"}, set()),
    # ... not a "for" phrase on a verb with no supporting object
    ("Canada voted on Tuesday for the sanctions against Iran.", set(), {"CAN>IRN:1312"}),
    # a clause of time or reason is coded on its own, even of the same root as the verb
    ("Abe cancelled his trip to Moscow after Russia expelled three Japanese diplomats.",
     {"RUS>JPN:161"}, set()),
    ("Oslo postponed the talks when Stockholm expelled two Norwegian diplomats.", {"SWE>NOR:161"}, set()),
    # ... and a visit cancelled for that reason is aimed at the reason's doer
    ("Abe cancelled his trip after Russia expelled three Japanese diplomats.", {"JPN>RUS:160", "RUS>JPN:161"},
     set()),
    ("Abe cancelled his trip after three Japanese diplomats were expelled by Russia.", {"JPN>RUS:160"}, set()),
    # ... a purpose clause repeating the verb's event still adds nothing
    ("Kenya met Uganda to discuss the border.", {"KEN>UGA:040"}, set()),
    # the "at" meeting of a participle adjunct or a verb of speaking is the speaker's
    ("Speaking at a joint press conference with Modi in Paris, Macron said the talks were fruitful.",
     {"FRA>IND:040"}, set()),
    ("Macron said at a joint press conference with Modi that the talks were fruitful.", {"FRA>IND:040"}, set()),
    ("Macron said at the summit with Modi that the talks were fruitful.", {"FRA>IND:040"}, set()),
    # ... a press conference with no partner is no meeting
    ("Macron said at a press conference that the talks were fruitful.", set(), {"FRA>-:040"}),
    # the refusal's owner refuses; the condemner proposes nothing
    ("Britain condemned Iran's refusal to cooperate.", {"GBR>IRN:111"}, {"GBR>-:060", "GBR>IRN:060"}),
    ("Britain condemned Iran's refusal to cooperate with Britain.", {"GBR>IRN:111", "IRN>GBR:121"},
     {"GBR>IRN:060", "IRN>GBR:060"}),
    ("Britain welcomed Iran's unwillingness to attack.", set(), {"GBR>-:190", "IRN>-:190"}),
    # the owner of a decision, plan or offer does what it is to do
    ("Britain condemned Iran's decision to cooperate with Syria.", {"GBR>IRN:111", "IRN>SYR:060"},
     {"GBR>SYR:060"}),
    ("Britain welcomed Iran's plan to withdraw its troops from Syria.", {"IRN>SYR:0356"}, {"GBR>SYR:0356"}),
    # ... while an invitation's infinitive is the invitee's
    ("Britain accepted Iran's invitation to visit Tehran.", {"GBR>IRN:042"}, set()),
    # ... a commitment stays its owner's promise, not a refusal
    ("Britain welcomed Iran's commitment to cooperate with Britain.", set(), {"IRN>GBR:121"}),
]


@pytest.mark.parametrize("index", range(len(NEIGHBOURS)), ids=[c[0][:50] for c in NEIGHBOURS])
def test_round10_dyads(index, coded_neighbours, assert_neighbour):
    assert_neighbour(NEIGHBOURS[index], coded_neighbours[index])


@pytest.mark.parametrize("text, gives", [
    # a reason hung on the verb's object
    ("Abe cancelled his trip over the row with Moscow.", True),
    ("Abe postponed his visit over the dispute with Moscow.", True),
    # ... or on the verb
    ("Abe cancelled his trip to Moscow after the coup.", True),
    # an "over" phrase of talks is what they are about; no reason at all
    ("Abe cancelled the talks over the islands.", False),
    ("Abe cancelled his trip to Moscow.", False),
    # a reason word hung on a noun of talks counts too (modality.reason_heads, coder 0.3.9) ...
    ("Oslo called off the talks after the coup.", True),
    ("Oslo suspended the negotiations because of the raid.", True),
    ("Oslo cancelled the talks in protest at the arrests.", True),
    # ... but not its "over" phrase
    ("Oslo called off the talks over the fisheries.", False),
    ("Oslo cancelled its minister's trip over the row with Stockholm.", True),
    ("Oslo cancelled its minister's trip to Stockholm.", False),
])
def test_reason_on_the_object(extractor, text, gives):
    doc, ex = extractor(text)
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert ex.gives_reason(root) is gives, [(t.text, t.dep_, t.head.text) for t in doc]


def test_refused_act_is_the_owners_rejection(code):
    (events,) = code(["Britain condemned Iran's refusal to cooperate with Britain."])
    refused = [e for e in events if e.cameo_code.startswith("12")]
    assert refused and all(e.source_country == "IRN" and e.modality == "asserted" for e in refused), [
        (e.cameo_code, e.source_name, e.modality) for e in events]
