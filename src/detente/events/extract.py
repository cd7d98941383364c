"""Finding events on the spaCy dependency parse: triggers, arguments, voice, coordination.

For every sentence the extractor

1. matches verb and noun triggers against the pattern file (most specific pattern first);
2. finds the source and target of each trigger: the subject (or the "by" agent in the passive
   voice), inherited subjects for to-infinitives, conjoined verbs, participles and relative
   clauses; the target from the pattern's slots (object, dative, prepositions, the owner of
   the object, the complement); nominal events take the possessor/compound/"by"/"of" as
   source and a light verb's subject when carried by one ("held talks", "paid a visit");
3. codes complements ("urged X to release", "refused to meet", "called for talks") through
   the pattern file's complement maps, consuming the complement;
4. expands coordination (one event per source × target; one per ordered pair of coordinated
   participants of symmetric events: "A and B met");
5. drops events inside the reported speech or stated views of commentators (analysts,
   experts ...: "X, an analyst at Y, says", "experts view ... as"), and marks allegations
   ("X alleged that Y ...") as hypothetical;
6. keeps speculated material conflict ("may hope to seize") as hypothetical with confidence at
   most 0.3; marks present-tense stops of an announced journey as planned; codes a gathering
   as target by its host state ("attended the forum hosted by Russia" -> Russia);
7. fills a missing target: a verbal act (or show of force, or reduction of relations) is
   directed at the state its object phrase names ("rejected the Azerbaijani proposal"); an act
   done at a place with no named recipient (curfew, state of emergency, martial law, ban,
   crackdown, aid, assault ...) at the place's state ("imposed a curfew in Mosul" -> IRQ). A
   possessor is an event noun's doer and its "of" phrase the object, a "by" agent outranks the
   possessor, and an unresolved possessive pronoun stands for the nearest fitting actor
   before it ("... towards Russia since its annexation of Crimea" -> Russia);
8. finds further targets and doers by general rules: the "by" phrase of an object noun or of
   its participle ("investigating crimes committed by X"); the place left, not the owner, in
   "the withdrawal of forces from X"; an ownerless event noun as the object of a verb of no
   event of its own is that verb's subject's act ("X speeded up the withdrawal"); parser slips
   ("kidnapped up to 16 X", "reject proposed X changes", "allowed X planes to land", "..., a
   weekly reports" taken for an object); the recipient named inside an uncoded complement of a
   threat, demand, appeal or refusal ("threatened to cut off gas to X"); the condition of a
   threat anywhere in the threatened clause; the purpose of a protest ("a hunger strike to
   protest against X's decision"); a protest during another act is that act's doer's; an act
   in a purpose clause is done at the journey's destination ("sent experts to X to
   investigate"), a participle act where its governing clause is directed ("a stance toward
   X, imposing sanctions"); a passive attack "in <nationality> shelling" is done by that
   state, at the place where it happened; a place taken by force is taken from the state it
   lies in or off; something given back goes to the one it was "seized from"; a slot naming
   only the doer itself gives way to its noun's other party ("reneged on his commitment to
   X"); "gave the Ivory Coast 5 million dollars" (the indirect object hung on the amount); an
   act done "in a gesture to X" or "as a concession to X" is directed at X; an event noun as
   the "by" agent of a passive acts on its "on" object ("isolation imposed on X by Y's
   sanctions");
9. keeps makers out of targets: deploying, buying or moving equipment qualified by a state
   ("an American missile-defence system") is not directed at its maker, and a decided act
   ("decided to deploy") stays planned rather than becoming a threat; the object of a coded
   complement names the state ("agreed to lift restrictions on Iranian sales"); an owner's
   "partners"/"allies" are the others named with them; a school or hospital named after its
   city stands for that city's state; a concession "after talks with X" is directed at X; a
   domestic act is placed by a place of the doer's own state anywhere in its object phrase, or
   by the place of a clause of the same act ("when they blew themselves up in X", "to disperse
   demonstrators in X"); police using force with nobody named act at home; a past-tense verb
   parsed inside the object phrase of a sentence left without a main verb is that main verb,
   and its object is no target;
10. directs acts with no named recipient at home: a measure taken only at home (curfew, martial
   law, state of emergency: ``roles.yaml`` domestic_measures) with no known place is aimed at
   the doer's own state, and a group with no state named for it ("the rebels", "the X group")
   acted on by a state's civil authorities is that state's; an unnamed doer and unnamed
   victims coded by one place are the place's state and its people; protesters named by their
   nationality ("thousands of Nigerians") are its people; a complaint made to an audience
   over another's act ("complained to the UN over Israeli raids") is aimed at the act's doer;
   a refusal "despite pressure from X" at X; a preposition stranded before "and" ("ties with
   and opened an embassy in X") shares the conjunct's last object; an agreement to set up
   something at a place abroad is aimed at its state; the object of "agreed to <noun>" and
   what a coded complement is done to ("to lift the ban on sales to X") are object phrases;
   sympathy is aimed at the people of the place its subject happened in; passive coercion
   with no agent ("was arrested in X") is done by the place's state; a ", by X" agent closing
   the sentence after an inserted clause belongs to the passive verb before it; an owner's
   "ally" is never the owner; force named by a noun is placed at home by a place of the doer's
   own state in the noun's phrases ("attacks during its campaign ... in northern X");
11. takes both parties as doers of a meeting held "with" someone ("held talks with X",
   "exchanged views with X": ``roles.yaml`` mutual_objects), like "A and B met", and makes a
   "that"-clause with a subject of its own agreed by several parties their mutual agreement
   ("the two leaders agreed that a delegation would visit ..."); continues the last main
   clause's person subject in a sentence opened by "He"/"She", and the pair last named
   together in "The two ..."/"Both ..."; gives a gerund ending a range begun by an owned act
   ("from his visit to X to inviting Y") that act's owner, the to-infinitive of an appeal verb
   parsed as a purpose clause ("inviting X ... to visit") its object, and the infinitive of a
   commitment noun ("his commitment to visit X": ``roles.yaml`` commitment_nouns), decision
   noun ("Y's decision to join ...": decision_nouns) or refusal noun ("Y's refusal to
   cooperate": refusal_nouns, a rejection of what is refused) its owner;
   directs an apology or criticism "for" a wrong done "of" others at their state ("for the
   mistreatment of Japanese prisoners"), an agreement or concession handing something "to X"
   in what is agreed at X (``roles.yaml`` transfer_verbs), an act about the dispute over a
   place at its other side (its claimant, or ``places.tsv`` disputed_with, when the doer's
   state holds it; else its holder), a seizure of "them" at the state of the place named
   before the pronoun ("reclaim the islands off X from Y, whose forces captured them"); and
   drops the doer's own state as the target of a show of force aimed at its own forces or
   defences (``roles.yaml`` force_nouns);
12. codes a commitment not to cooperate ("vowed not to return the island to X") through the
   ``reject`` complement map (a refusal), and a commitment not to do anything else ("pledged
   not to attack X") as the plain commitment, never a threat; an attempted assassination
   ("tried to assassinate X", "made an attempt to", "the attempted assassination of X") as
   CAMEO 185, while an attempt at any other act is the act; an act noun undergone by the
   subject of a verb of undergoing or of "under" ("X faces pressure from Y to help Z", "came
   under criticism from Y": ``roles.yaml`` undergoing_verbs) as the act of its "from"/"by"
   phrase on that subject, its infinitive through the noun's complement map; takes the subject
   the parser gives an infinitive complement ("ordered a newspaper to close") as the verb's
   object when matching object words; keeps the acts of news media other than the expression
   of views (``_OPINION_CODES``: "a newspaper violated a ban" is 128); and codes armed forces
   travelling to or arriving in a place (``roles.yaml`` troop_nouns) as deployed there (the
   pattern file's "deployment" noun: 154, peacekeeping 074), never as a visit;
13. gives an event noun in the "for" phrase of a verb of journey ("X left on May 1 for a visit
   to Y", "flew to Z for talks with W": ``roles.yaml`` journey_verbs) the traveller as doer and
   the journey's clause as carrier (its date); makes a meeting, visit or signing that the
   subject cancels or postpones ("X postponed a scheduled visit to Y") the subject's own when
   it has no owner, the verb's prepositions its own (the coder dates it by the new date);
   takes the target of a noun from its participle ("the sanctions imposed on X by Y", also for
   a verb pattern's participle whose passive subject is the pattern's object); codes "support
   for sanctions against X" (a noun whose verb has a pattern built around the "for" object) as
   that verb's act, and the prepositional object of a phrasal verb ("join in on the sanctions")
   as its object; aims a thing qualified by an "anti-" adjective ("anti-Russian sanctions") at
   that state, never done by it; gives a verb the slot preposition the parser hung on the last
   noun of its object's "for"/"of" phrase ("presented a plan for cooperation to X"); codes a
   clause put "to" someone by a verb needing a complement ("suggested to X that ...") as that
   verb's act towards him even when the clause has no code; takes for "they"/"it" the named
   subject of a nearer governing clause before any speaker ("X said the Georgians decided they
   will not ..."); aims a denial of accusations naming no accuser at the doers of the latest
   accusation or criticism against the denier earlier in the document; makes what someone is
   accused "of" his alleged act (hypothetical); and codes an act named as the cause of what the
   subject does ("because of US pressure", "due to pressure from Y", "owing to Y's pressure")
   as that act done to the subject, like "X faces pressure from Y";
14. aims troops or equipment moved in the passive voice ("warplanes were deployed by X to Y":
   ``roles.yaml`` troop_nouns, equipment_nouns) at the destination of their "to"/"into"
   phrase, not at themselves; takes a name the parser coordinated with the appositive of the
   first ("A, secretary of X's council, and B, ... signed") as a second doer; makes an intent
   of two or more doers toward what only they make together ("A and B expressed an interest
   in a treaty": ``roles.yaml`` bilateral_instruments) mutual when the object names no other
   party; codes a quoted "let's"/"let us" + verb as the speaker's proposal, aimed at the one
   the speaker addresses, else (for a bilateral instrument) at the speaker's partner in the
   last pair named together; and makes doers of two or more states attending a gathering
   whose only named parties are their own states meet each other ("the two countries'
   leaders attended the A-B business forum");
15. codes a speech act that gives another actor's act an evaluative predicate ("X said that Y's
   decision was regrettable", "X called Y's move unacceptable", "X said it was commendable that
   Y ...": :func:`~detente.events.modality.evaluation`) as the speaker's criticism or praise of
   the act's owners (pattern id ``evaluative-predicate``), unless the verb has a disapproval or
   praise of its own; takes the subject of an accusation noun's "that"-clause as the accused,
   and makes a hostile act done over someone's *alleged* act (``roles.yaml``
   allegation_modifiers: "sanctions over its alleged meddling") an accusation a later
   denial answers; aims a visit by the holder's officials to a disputed place at the other
   party of the dispute (:func:`~detente.actors.dispute_party`), a verbal act about a bilateral
   instrument at the instrument's "with" partner, else (intent, signing) at the doer's partner
   in the last pair named; lets the verb of "the next round of talks will be held"
   (``roles.yaml`` partitive_heads) carry the talks; makes an act someone opposes ("in
   opposition to returning X": ``roles.yaml`` opposition_words) no act, a cooperative one the
   opposer's rejection; and never makes supporting or joining sanctions still to come
   (``roles.yaml`` adherence_verbs) a threat: announced by its own doer it is the support;
   reads "upon" as "on" ("called upon X to ..."); gives the participles of a statement ("joined
   the others in a statement condemning X") its authors, and a participle the parser
   coordinated with a noun's infinitive ("X's refusal to cooperate and calling upon X to ...")
   the subject of the participle above it; and makes a joint act in the passive voice with no
   agent, placed at an occasion coded in the sentence ("following the talks between X and Y,
   five agreements were signed"), the occasion's parties' act with each other;
16. codes a stance noun (``roles.yaml`` stance_nouns: "support", "backing", "opposition",
   "approval", "endorsement") carried by a light verb, a verb of saying or a stance carrier
   (``roles.yaml`` stance_carriers: "voiced its backing for the embargo on X", "declared its
   opposition to X's move", "threw its support behind X") as the act of the verb it is made
   from, done by its owner, else by the carrier's subject, its "for"/"to"/"of"/"behind" object
   read as that verb's direct object; never takes a place as the partner of an act that needs
   one named ("Speaking at a news conference in X, Y said ...": no meeting with X); takes a
   name the parser made an object predicate, with no object beside it, as the object
   ("reports that X called Prime Minister Y"), while a verb with both an object and an object
   predicate names or judges and is no meeting or call ("called X a liar"); reads a past-tense
   verb the parser hung on its object's name, modified by a date, in a sentence left without a
   main verb ("X on Saturday hosted Prime Minister Y in ...") as the main verb; looks for the
   target in what a counted object is of ("cancelled a number of meetings with X":
   ``roles.yaml`` quantity_heads); prefers any state named in an object phrase to the doer's
   own possessive pronoun ("agreed to reopen its border with X"); and dates a quoted "let's"
   proposal by its verb of saying (and the clause that verb is an adjunct of), not by the time
   the proposed act is to be done by ("Last Wednesday X went further, saying, 'Let's sign a
   treaty by year's end'");
17. gives a passive act of force with no "by" agent the state (or group) its "from" phrase names
   as where it came from as doer ("a rocket was fired at X from Y", "shells were fired into X
   from Z's territory", also hung on the passive subject or on a place aimed at: "fired at X's
   villages from Y"), unless the pattern takes "from" for its target ("seized from X"), and a
   target "it" in reported speech the speaker ("X said shells were launched at it from Y"); makes a
   state reporting an act of force done to it by another (an uncoded verb of saying) accuse
   that other of aggression (CAMEO 1123, pattern id ``victim-accusation``); gives a passive act
   of force whose "by" agent names a thing the agent (else the "from" place) of a verb inside
   that phrase ("shot down by a missile believed to have been fired by X", "attacked by drones
   launched from Y"), with a lower confidence when hedged, the untargeted act of that verb
   then being no event of its own; and matches a noun used only in the
   plural by its written form when its lemma has no pattern ("expressed its thanks for X's
   help");
18. reads the object of a pattern's preposition as its object when matching its object words
   ("participated in the forum", "took part in the summit": a gathering so named stands for its
   host state), and keeps the infinitive of a passive verb as the act its subject was made to
   do, never the complement of a noun of pressure on that verb ("under pressure from Y, X was
   forced to join the sanctions": X joins them).

The result is a list of :class:`Candidate` per sentence; :mod:`detente.events.code` turns them
into :class:`~detente.records.EventMention` records (dates, Goldstein, PLOVER, ids).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from typing import ClassVar

from ..actors import (
    dispute_party,
    group_members,
    load_actor_db,
    lookup,
    place_claimant,
    place_country,
)
from ..records import ActorMention
from .modality import (
    OCCASION_PREPS,
    clause_modality,
    evaluation,
    governors,
    lemma_forms,
    reason_heads,
)
from .patterns import Pattern, PatternSet

log = logging.getLogger(__name__)

_SUBJ = ("nsubj", "csubj")
_PASS_SUBJ = ("nsubjpass", "csubjpass")
_RELATIVE = {"who", "which", "that", "whom"}
_PLURAL_PRONOUNS = {"they", "them", "both", "their"}
_LOCATION_PREPS = {"in", "at", "on"}
_LOCATION_ENTS = {"GPE", "LOC", "FAC"}
#: Formal variants a preposition is also written as ("called upon X", "imposed upon Y").
_PREP_FORMS = {"on": ("on", "upon")}
#: Prepositions by which a nominal event joins the clause of its doer ("during a visit to X").
_ACCOMPANYING = {"during", "on"}
#: Words opening a clause of time or reason, never of purpose ("after Y expelled ...").
_TIME_REASON_MARKS = frozenset({"after", "before", "when", "because", "since", "as", "while", "once",
                                "until", "although", "though", "if", "unless", "whereas"})
#: CAMEO roots of cooperation (verbal and material): what a refusal or opposition rejects.
_COOPERATIVE_ROOTS = ("03", "04", "05", "06", "07", "08")
#: Further word lists (verbs that never carry an event noun, place nouns, body nouns, heads of
#: counted groups, nouns and verbs of departure, domestic measures, group heads, pressure nouns)
#: are data: ``data/actors/roles.yaml`` (see :meth:`Extractor._roles_words`).
#: Nouns naming the other side of a relation: an owner's "partners" are not the owner ("its
#: European Union partners" -> the European Union).
_RELATIONAL_NOUNS = frozenset({"partner", "ally", "neighbour", "neighbor", "counterpart", "rival",
                               "creditor", "donor", "adversary", "enemy", "foe"})
#: Institutions commonly named after their city ("Kabul University", "Lagos General Hospital").
_PLACE_NAMED_BODIES = frozenset({"university", "college", "school", "hospital", "clinic", "institute",
                                 "academy", "polytechnic"})
#: Nouns of an act done for someone's sake ("in a gesture to X", "as a concession to Y").
_GESTURES = frozenset({"gesture", "concession", "signal", "sign", "overture", "favour", "favor", "goodwill",
                       "message", "tribute", "reward"})


@dataclass
class Candidate:
    """An event found in one sentence, before dating and coding into a record."""

    trigger: object  # spaCy Token
    pattern: Pattern
    code: str
    sources: list[ActorMention]
    targets: list[ActorMention]
    pairwise: bool = False
    anchors: list = field(default_factory=list)
    modality: str = "asserted"
    modality_cue: str | None = None
    location: str | None = None
    confidence: float = 0.8
    nominal: bool = False
    passive: bool = False
    complement_of: str | None = None
    speaker: object = None
    explicit_subject: bool = False
    source_token: object = None  # the token naming the doer (subject, agent, possessor)

    @property
    def root(self) -> str:
        return self.code[:2]


def expand_groups(mentions: list[ActorMention], when=None) -> list[ActorMention]:
    """Group actors ("the two leaders", "both countries") become one mention per member."""
    known = {m.actor.actor_id: m.actor for m in mentions}
    out: list[ActorMention] = []
    for m in mentions:
        members = group_members(m.actor) if m.actor.kind == "group" else []
        if not members:
            out.append(m)
            continue
        for member in members:
            actor = known.get(member)
            if actor is None:
                try:
                    actor = load_actor_db().actor(member, when)
                except (KeyError, ValueError, LookupError):
                    log.debug("group member %s unknown", member)
                    continue
            out.append(replace(m, actor=actor))
    return out


class MentionIndex:
    """Actor mentions by token, for one Doc."""

    def __init__(self, doc, mentions: list[ActorMention]):
        self.by_token: dict[int, list[ActorMention]] = {}
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for tok in span:
                self.by_token.setdefault(tok.i, []).append(m)

    def at(self, tok) -> list[ActorMention]:
        return self.by_token.get(tok.i, [])


def verb_lemmas(tok) -> tuple[str, ...]:
    """The lemma and plausible base forms of a verb token (the statistical lemmatizer
    occasionally errs: "staged" -> "stag")."""
    return lemma_forms(tok)


def phrasal_forms(verb) -> set[str]:
    """The base forms of ``verb`` and, with each of its particles, of the phrasal verb it
    heads ("called off" -> {"call", "call off"})."""
    forms = set(verb_lemmas(verb))
    return forms | {f"{f} {c.lower_}" for f in forms for c in verb.children if c.dep_ == "prt"}


def first_conjunct(tok):
    """The first of the conjuncts ``tok`` is coordinated with ("tried to kidnap and
    assassinate X": "kidnap" for "assassinate"), which holds their shared relation."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _dedupe(mentions: list[ActorMention]) -> list[ActorMention]:
    seen, out = set(), []
    for m in mentions:
        if m.actor.actor_id not in seen:
            seen.add(m.actor.actor_id)
            out.append(m)
    return out


class Extractor:
    """Runs the pattern set over the sentences of one Doc."""

    def __init__(self, doc, mentions: list[ActorMention], patterns: PatternSet, when=None):
        self.doc = doc
        self.when = when
        self._db = None
        self._entities: dict | None = None
        self.lex = patterns
        self.index = MentionIndex(doc, mentions)
        self.last_pair: list[ActorMention] = []  # participants of the last symmetric event
        self.last_person: ActorMention | None = None
        self.last_two: list[ActorMention] = []  # the last two coordinated subjects ("A and B ...")
        self.prev_subject: ActorMention | None = None  # the person subject of the last main clause
        self._noun_complements: set[int] = set()
        self._commentator_names: set[str] = set()
        self._sent_starts: list[int] | None = None
        self._attack_nouns_used: set[int] = set()  # attack nouns whose doer a passive verb took
        # verbs inside a weapon agent ("a missile fired by X") whose doer a passive verb took
        self._weapon_verbs_used: set[int] = set()
        self._roles_cache: dict[str, frozenset[str]] = {}
        #: accusations and criticism seen so far in the document: (doers, their targets' actor
        #: ids and countries), latest last, for a later denial that names no accuser
        self._accusations: list[tuple[list[ActorMention], set[str]]] = []

    @property
    def db(self):
        """The actor data (loaded on first use)."""
        if self._db is None:
            self._db = load_actor_db()
        return self._db

    def _roles_words(self, key: str) -> frozenset[str]:
        """A word list of ``roles.yaml`` (checked at load: lower-case words), cached per extractor."""
        words = self._roles_cache.get(key)
        if words is None:
            words = self._roles_cache[key] = frozenset(self.db.roles.get(key, ()))
        return words

    def entity_at(self, tok):
        """The named entity containing ``tok``, else None (entities never overlap)."""
        if self._entities is None:
            self._entities = {i: e for e in self.doc.ents for i in range(e.start, e.end)}
        return self._entities.get(tok.i)

    # -- actors of a noun phrase ------------------------------------------------------------
    def np_actors(self, tok, depth: int = 0) -> list[ActorMention]:
        """Actors named by the noun phrase headed by ``tok`` (conjuncts not included)."""
        if depth > 3:
            return []
        here = self.index.at(tok)
        if here and tok.pos_ == "PRON" and tok.lower_ in ("him", "her") and tok.dep_ in ("dobj", "dative"):
            # "A called B, asking him to come": an object pronoun never names the doer of its
            # own clause (it would be "himself"); the resolver's guess is dropped then
            doer = self.subject_token(tok.head) if tok.head.pos_ in ("VERB", "AUX") else None
            if doer is not None and doer.pos_ != "PRON" and doer.i != tok.i and depth < 3:
                doers = {m.actor.actor_id for m in self.conj_actors(doer, depth + 1)}
                if {m.actor.actor_id for m in here} & doers:
                    return self._pronoun(tok)
        if here:
            longest = max(here, key=lambda m: m.end - m.start)
            return [m for m in here if (m.start, m.end) == (longest.start, longest.end)]
        if tok.lower_ in ("two", "both") and tok.dep_ in _SUBJ and self.last_two and not any(
                c.dep_ in ("prep", "compound", "amod", "conj") for c in tok.children):
            # "The two discussed ...", "Both agreed ...": the pair last named together
            return list(self.last_two)
        if tok.pos_ == "PRON":
            if tok.dep_ in _SUBJ or tok.dep_ == "poss" or tok.lower_ in ("us", "'s") or (
                    tok.lower_ in ("him", "her") and tok.dep_ in ("dobj", "dative")):
                return self._pronoun(tok)
            return []
        if tok.ent_type_ in ("GPE", "LOC") and tok.dep_ in ("dobj", "pobj"):
            # A place named as an argument ("visited Tokyo", "flew to Moscow"): the actor
            # resolver leaves locative uses unresolved; the state is the event's party.
            ent = self.entity_at(tok)
            if ent is not None:
                actor = self._lookup(ent.text)
                if actor is not None:
                    return [ActorMention(ent.start_char, ent.end_char, ent.text, actor, 0.6, "location", None)]
        elif tok.pos_ == "PROPN" and tok.dep_ in ("dobj", "pobj") and (
                tok.lower_ in _PLACE_NAMED_BODIES) and (first := self._name_start(tok)).i < tok.i and (
                (actor := self._place_state(first.text)) is not None):
            # "delivered medicine to Kabul University": a school or hospital named after its
            # city stands for a place of that city's state
            end = tok.idx + len(tok.text)
            return [ActorMention(first.idx, end, self.doc.text[first.idx:end], actor, 0.5, "location", None)]
        elif tok.pos_ == "PROPN" and tok.dep_ in ("dobj", "pobj") and not any(
                c.dep_ in ("compound", "flat") for c in tok.children):
            # a known city mistagged by the NER ("visited Vladivostok" as a PERSON)
            actor = self._place_state(tok.text)
            if actor is not None:
                return [ActorMention(tok.idx, tok.idx + len(tok.text), tok.text, actor, 0.5, "location", None)]
        left: list[ActorMention] = []
        for child in tok.children:
            if child.i < tok.i and child.dep_ in ("compound", "amod", "poss", "nmod", "npadvmod", "det"):
                for t in child.subtree:
                    left.extend(self.index.at(t))
        if left:
            coordinated = any(t.dep_ == "conj" for c in tok.children if c.i < tok.i for t in c.subtree)
            if coordinated:
                return _dedupe(left)
            # "Mr. Abe's Russia policy": the owner, not the topic
            owners = [m for c in tok.children if c.dep_ == "poss" for t in c.subtree for m in self.index.at(t)]
            if owners and tok.lemma_.lower() in _RELATIONAL_NOUNS:
                # "its European Union partners": the owner's partners are the others named
                others = [m for m in left if m not in owners]
                # with no other named, they are someone unnamed ("Israel's militia ally"),
                # never the owner itself
                return _dedupe(others[-1:])
            return _dedupe(owners[-1:] or left[-1:])
        for child in tok.children:
            if child.dep_ == "appos":
                found = self.np_actors(child, depth + 1)
                if found:
                    return found
        lemma = tok.lemma_.lower()
        low = tok.lower_
        if lemma not in self.lex.located_institutions and low.removesuffix("s") in self.lex.located_institutions:
            lemma = low.removesuffix("s")  # "Farmers" at the start of a sentence, tagged PROPN
        preps = ["of", "from"]
        if lemma in self.lex.located_institutions:
            holders = [tok]
            if tok.dep_ == "pobj" and tok.head.lower_ == "of" and (
                    tok.head.head.ent_type_ in ("CARDINAL", "QUANTITY")
                    or tok.head.head.lemma_.lower() in self._roles_words("quantity_heads")):
                # "thousands of students throughout X": the place hangs on the quantity
                holders.append(tok.head.head)
            for word in ("in", "throughout", "across", "of"):
                for pobj in (p for h in holders for p in self.prep_objects(h, word)):
                    found = self.conj_actors(pobj, depth + 1)
                    if word == "of" and not all(m.method in ("metonym", "location") for m in found):
                        continue  # "workers of the X company of Tehran": only a place
                    sector = self.lex.located_sectors.get(lemma)
                    if found and sector:
                        found = [self._sector_of(m, sector) for m in found]
                    if found:
                        return found
        if lemma in self.lex.located_institutions:
            # "workers affiliated with the X union", "rebels loyal to Y", "militants based in Z",
            # "refugees fleeing the war in X"
            for mod in (c for c in tok.children if c.dep_ in ("acl", "amod") and c.i > tok.i):
                fled = [o for o in mod.children if o.dep_ in ("dobj", "obj")] if mod.lemma_.lower() in (
                    "flee", "escape") else []
                for word in ("with", "to", "in"):
                    for pobj in (p for h in (mod, *fled) for p in self.prep_objects(h, word)):
                        found = self.conj_actors(pobj, depth + 1)
                        if found:
                            return found
        if lemma in self.lex.landmark_nouns:
            preps += ["with", "in", "for"]  # "the border with X", "a camp for X refugees"
        elif lemma in self._roles_words("departure_nouns") or self._departing(tok):
            preps.remove("from")  # "the withdrawal of troops from X": the place left
        for word in preps:
            for pobj in self.prep_objects(tok, word):
                found = self.conj_actors(pobj, depth + 1)
                if found and word == "of" and lemma not in self.lex.located_institutions:
                    # "the bus company of Tehran": a capital qualifying a thing is a place, its
                    # state, not a metonym for the government
                    found = [replace(m, actor=self._state(m.actor.country) or m.actor)
                             if m.method == "metonym" and m.actor.country else m for m in found]
                if found:
                    return found
        if tok.pos_ == "NOUN" and not self.index.at(tok):
            # "crimes committed by X", "violations by X": the doer of an act or thing
            agents = self.prep_objects(tok, "by") + [
                p for acl in tok.children if acl.dep_ == "acl" and acl.tag_ == "VBN"
                for p in self.prep_objects(acl, "by")]
            for pobj in agents:
                found = self.conj_actors(pobj, depth + 1)
                if found:
                    return found
        if lemma in self.lex.document_nouns:
            # "a report released in the Rwandan capital", "a statement issued by the ministry"
            for acl in (c for c in tok.children if c.dep_ == "acl"):
                for word in ("by", "in"):
                    for pobj in self.prep_objects(acl, word):
                        found = self.conj_actors(pobj, depth + 1)
                        if found:
                            return found
        return []

    @staticmethod
    def _name_start(tok):
        """The first word of a proper name made of compounds ("Kabul Medical School")."""
        first = tok
        for _ in range(4):  # nested compounds: "Kabul State Medical University"
            nxt = next((c for c in first.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
            if nxt is None:
                break
            first = nxt
        return first

    def _departing(self, tok) -> bool:
        """Whether ``tok`` is what leaves a place: the object of a verb of leaving ("withdrew
        troops from X") or the "of" object of such a noun ("the withdrawal of forces from X")."""
        head = tok.head
        if head.lower_ == "of" and head.head.i != head.i:
            head = head.head
        forms = {head.lemma_.lower(), head.lower_}
        return bool(forms & self._roles_words("departure_nouns")) or (
            tok.dep_ in ("dobj", "obj") and bool(forms & self._roles_words("departure_verbs")))

    def conj_actors(self, tok, depth: int = 0) -> list[ActorMention]:
        """Actors of ``tok`` and of its coordinated conjuncts ("A, B and C"), including a name
        the parser coordinated with an appositive ("A, secretary of X's council, and B, ...":
        B hangs on "secretary")."""
        out: list[ActorMention] = []
        heads = [tok, *tok.conjuncts]
        for head in list(heads):
            for ap in (c for c in head.children if c.dep_ == "appos" and c.i > head.i):
                heads += [c for c in ap.conjuncts if c.i > ap.i and c not in heads and self._named_conjunct(c)]
        for head in heads:
            out.extend(self.np_actors(head, depth))
        return _dedupe(out)

    @staticmethod
    def _named_conjunct(tok) -> bool:
        """Whether a conjunct of an appositive is a party's name (a person, body or state, or a
        name with an appositive of its own) rather than a second title of the same person
        ("A, secretary of X and head of Y")."""
        return tok.pos_ == "PROPN" and (tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or any(
            c.dep_ == "appos" for c in tok.children))

    def _possessive_antecedent(self, pron, noun) -> list[ActorMention]:
        """The doer a possessive pronoun on an event noun stands for when the actor stage left
        it unresolved ("... towards Russia since its annexation of Crimea"): the nearest actor
        named before it in the sentence that fits the pronoun (a person for "his"/"her", a
        state or organisation for "its", anyone for "their"), never one inside the event
        noun's own phrase (its object or place)."""
        low = pron.lower_
        if low in ("his", "her"):
            kinds = {"person"}
        elif low == "its":
            kinds = {"state", "organisation", "igo"}
        elif low == "their":
            kinds = {"state", "organisation", "igo", "group", "person"}
        else:
            return []
        own = {t.i for t in noun.subtree}
        for t in reversed(self.doc[pron.sent.start:pron.i]):
            if t.i in own:
                continue
            found = [m for m in self.index.at(t) if m.actor.kind in kinds]
            if found:
                return found[:1]
        if low in ("his", "her") and self.last_person is not None:
            return [self.last_person]
        return []

    def _pronoun(self, tok) -> list[ActorMention]:
        low = tok.lower_
        subject_owner = (low in ("its", "their", "his", "her", "our") and tok.dep_ == "poss"
                         and tok.head.dep_ in ("nsubj", "nsubjpass") and tok.head.head.pos_ in ("VERB", "AUX"))
        if subject_owner or (low in ("it", "they", "he", "she", "we", "us", "'s", "i") and (
                tok.dep_ in _SUBJ or (low in ("us", "'s") and tok.head.lemma_.lower() == "let"))):
            # "Syria says it is willing to ...", "X said its troops had left": the speaker of
            # the reported clause
            for g in governors(tok.head.head if subject_owner else tok.head):
                if g.lemma_.lower() in self.lex.speech_verbs:
                    speaker = self.subject_token(g)
                    if speaker is not None and speaker.pos_ != "PRON":
                        found = self.conj_actors(speaker)
                        if found:
                            return found
                    break
                if low in ("it", "they") and tok.dep_ in _SUBJ:
                    # "(X said) the Georgians have decided they will not talk to us": the
                    # named subject of a nearer governing clause, before any speaker
                    own = next((c for c in g.children if c.dep_ in _SUBJ and c.pos_ != "PRON"
                                and c.lower_ not in _RELATIVE), None)
                    found = self.conj_actors(own) if own is not None else []
                    if found and all(m.actor.kind != "person" for m in found):
                        return found
        if (low in ("its", "their") and tok.dep_ == "poss" and tok.head.dep_ in ("dobj", "obj")
                and tok.head.head.pos_ in ("VERB", "AUX")):
            # "the ILO reiterated its demand", "Iran withdrew its troops": the owner of the
            # object is the clause's own doer
            doer = self.subject_token(tok.head.head)
            if doer is not None and doer.pos_ != "PRON" and doer.i != tok.i:
                found = self.conj_actors(doer)
                if found:
                    return found
        if low in ("his", "her") and tok.dep_ == "poss" and tok.head.lemma_.lower() in self._roles_words(
                "commitment_nouns"):
            # "had lunch with B and his commitment to visit": the nearest person before it
            found = self._possessive_antecedent(tok, tok.head)
            if found:
                return found
        if low in _PLURAL_PRONOUNS and self.last_pair:
            return list(self.last_pair)
        if low in ("him", "her") and tok.dep_ in ("dobj", "dative") and tok.head.pos_ in ("VERB", "AUX"):
            # "A called B, asking him to come": an object pronoun names the nearest person
            # before it in the sentence who is not the doer of its own clause
            doer = self.subject_token(tok.head)
            doers = ({m.actor.actor_id for m in self.conj_actors(doer)}
                     if doer is not None and doer.pos_ != "PRON" else set())
            for t in reversed(self.doc[tok.sent.start:tok.i]):
                people = [m for m in self.index.at(t) if m.actor.kind == "person"]
                if people and people[0].actor.actor_id not in doers:
                    return people[:1]
        if (low in ("he", "she") and tok.dep_ in _SUBJ and tok.head.dep_ == "ROOT" and self.prev_subject is not None
                and not any(m.actor.kind == "person" for t in self.doc[tok.sent.start:tok.i] for m in self.index.at(t))):
            # "A referred to ... B's visit. He suggested to B ...": the subject of a sentence's
            # main clause continues the last main clause's person subject
            return [self.prev_subject]
        if low in ("he", "she", "him", "her") and self.last_person is not None:
            return [self.last_person]
        return []

    # -- syntactic roles ----------------------------------------------------------------------
    @staticmethod
    def is_passive(verb) -> bool:
        if any(c.dep_ in _PASS_SUBJ or c.dep_ == "auxpass" for c in verb.children):
            return True
        return verb.dep_ == "acl" and verb.tag_ == "VBN"

    @staticmethod
    def slipped_verb(tok) -> bool:
        """ "Russian President X on Saturday hosted Japanese Prime Minister Y in ...", parsed
        with the name "X" as the root of a sentence left without a main verb and the verb as a
        modifier of its object's name: a past-tense verb (or participle) modifying a noun after it, itself
        modified by a date ("on Saturday"), in a sentence whose root is a name or noun before
        it, is the main verb; the root is its subject and the noun its object."""
        root = tok.sent.root
        return (tok.tag_ in ("VBD", "VBN") and tok.dep_ == "amod" and root.pos_ in ("NOUN", "PROPN")
                and root.i < tok.i < tok.head.i and tok.head.pos_ in ("NOUN", "PROPN")
                and any(c.dep_ == "npadvmod" and c.ent_type_ == "DATE" and c.i < tok.i for c in tok.children))

    def subject_token(self, verb, depth: int = 0):
        """The token naming the doer of ``verb`` (inherited through control and coordination)."""
        if depth > 6:
            return None
        if self.slipped_verb(verb):
            return verb.sent.root
        for c in verb.children:
            if c.dep_ in _SUBJ:
                if c.lower_ in _RELATIVE and verb.dep_ == "relcl":
                    return verb.head
                return c
        if self.is_passive(verb):
            for c in verb.children:
                if c.dep_ == "agent":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            return p
            return None
        head = verb.head
        if head.i == verb.i:
            return None
        nearer = self._reported_clause_subject(verb)
        if nearer is not None:
            return nearer
        if verb.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
            # Object control: "urged Japan to visit" -> Japan visits (not in purpose clauses:
            # "sent inspectors to investigate" is still the sender's act).
            if (verb.dep_ == "xcomp" and head.lemma_.lower() not in ("promise", "pledge", "vow", "threaten", "offer")) or (
                    head.lemma_.lower() in self._OBJECT_CONTROL):
                # (an appeal verb's to-infinitive parsed as a purpose clause: "inviting X to
                # Hiroshima as the first ... to visit": X visits)
                for c in head.children:
                    if c.dep_ in ("dobj", "dative") and c.i < verb.i:
                        return c
            # "X is scheduled/expected to attend": the passive subject of the control verb.
            if self.is_passive(head):
                for c in head.children:
                    if c.dep_ in _PASS_SUBJ:
                        return c
            return self.subject_token(head, depth + 1)
        if verb.dep_ == "xcomp":
            return self.subject_token(head, depth + 1)
        active = not self.is_passive(verb) and not any(c.dep_ == "agent" for c in verb.children) and not (
            verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children))
        if verb.dep_ == "conj" and active and self.is_passive(head):
            # "X was indicted by the court and will resign": X resigns, not the court
            subj = self.passive_target_token(head)
            if subj is not None:
                return subj
        if verb.dep_ == "conj" and verb.tag_ == "VBG" and head.tag_ == "VB" and any(
                c.tag_ == "TO" for c in head.children):
            # "condemning X's refusal to cooperate and calling upon X to ...": a participle
            # the parser coordinated with an infinitive belongs with the participle above it
            above = next((a for a in head.ancestors if a.tag_ == "VBG" and a.dep_ in ("acl", "advcl")), None)
            if above is not None:
                return self.subject_token(above, depth + 1)
        if verb.dep_ in ("conj", "acomp"):
            return self.subject_token(head, depth + 1)
        if verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN", "VB"):
            return self.subject_token(head, depth + 1)
        if verb.dep_ == "acl" and (any(c.tag_ == "TO" for c in verb.children)
                                   or (verb.tag_ == "VBG" and not self.index.at(head))):
            # "accepted Putin's invitation to attend": the doer of the governing clause,
            # else the noun's owner ("Tokyo's plan to relax ..."); the owner of a commitment
            # binds himself ("won his commitment to visit X": he visits)
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            if owner is not None and head.lemma_.lower() in (
                    self._roles_words("commitment_nouns") | self._roles_words("refusal_nouns")
                    | self._roles_words("decision_nouns")):
                # ("condemned X's refusal to cooperate": X is the one not cooperating)
                return owner
            if head.dep_ in ("dobj", "obj", "pobj") and head.head.pos_ in ("VERB", "AUX"):
                found = self.subject_token(head.head, depth + 1)
                if found is not None:
                    return found
            if (head.dep_ == "pobj" and head.lemma_.lower() in self.lex.document_nouns
                    and head.head.head.pos_ in ("VERB", "AUX") and head.head.head.i != head.head.i):
                # "joined the others in a statement condemning X": the statement's authors
                found = self.subject_token(head.head.head, depth + 1)
                if found is not None:
                    return found
            return next((c for c in head.children if c.dep_ == "poss"), None)
        if verb.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN"):
            return head
        if verb.dep_ == "pcomp" and head.head.i != head.i:
            # "jailed X for helping ...", "accused X of shelling ...": the object of the
            # governing verb did it.
            if head.lower_ == "for" or (head.lower_ == "of" and self._accusing(head.head)):
                for c in head.head.children:
                    if c.dep_ in ("dobj", "obj") and c.i < verb.i:
                        return c
            if head.head.pos_ in ("NOUN", "PROPN") and verb.tag_ == "VBG" and head.lower_ in ("to", "from"):
                # "from his visit to X to inviting Y": a gerund ending a range begun by an
                # owned act is done by that act's owner (not "interest in visiting X", "the
                # task of striking a balance": wishes and tasks are no acts done)
                owner = next((c for c in head.head.children if c.dep_ == "poss"), None)
                if owner is not None and self.is_event_noun(head.head):
                    return owner
                return None
            return self.subject_token(head.head, depth + 1)
        return None

    def _accusing(self, verb) -> bool:
        """Whether ``verb`` accuses someone of something (a verb pattern of CAMEO 112:
        "accused X of shelling", "charged Y with ...")."""
        return verb.pos_ in ("VERB", "AUX") and any(
            p.code.startswith("112") for f in verb_lemmas(verb) for p in self.lex.verbs.get(f, ()))

    def _accused_of(self, tok):
        """The verb of accusing whose "of" phrase holds ``tok`` ("accused X of shelling Y",
        "... of making threats by alleging ..."), else None."""
        for node in (tok, *tok.ancestors):
            if node.dep_ == "pcomp" and node.head.lower_ == "of" and self._accusing(node.head.head):
                return node.head.head
            if node.pos_ in ("VERB", "AUX") and node.i != tok.i and any(c.dep_ in _SUBJ for c in node.children):
                return None  # a clause of its own in between
        return None

    #: Appeal verbs whose object does what their to-infinitive says, however it is parsed.
    _OBJECT_CONTROL = frozenset({"invite", "urge", "ask", "encourage", "persuade", "press", "request",
                                 "allow", "permit", "tell", "pressure", "implore", "exhort"})

    def _reported_clause_subject(self, verb):
        """ "S said ... reports that A called B, asking him not to come": a participle after a
        comma that the parser hung on the reporting clause belongs to the reported clause just
        before it, whose subject is its doer (not the reporter). Speech participles ("...,
        adding that ...") stay with the reporter."""
        if verb.tag_ != "VBG" or verb.dep_ not in ("conj", "advcl") or verb.i < 2:
            return None
        if set(verb_lemmas(verb)) & self.lex.speech_verbs or self.doc[verb.i - 1].text != ",":
            return None
        head = verb.head
        own = self.match_verb(verb)
        if (own is not None and own.code[:2] in ("02", "03", "10", "11", "12", "13")
                and head.dep_ == "ccomp" and set(verb_lemmas(head.head)) & self.lex.speech_verbs):
            # the mirror case: "S said A shelled X, urging the UN to act": an appeal hung on a
            # reported material act is the reporter's own
            act = self.match_verb(head)
            if act is None or act.code[:2] not in ("01", "02", "03", "04"):
                return next((c for c in head.head.children if c.dep_ in _SUBJ), None)
        node = self.doc[verb.i - 2]
        while node.head.i != node.i and not (
                node.pos_ in ("VERB", "AUX") and any(c.dep_ in _SUBJ for c in node.children)):
            node = node.head
        if node.i == verb.head.i or node.i == verb.i or node.dep_ not in ("ccomp", "acl"):
            return None
        if not any(a.i == verb.head.i for a in node.ancestors):
            return None  # the nearer clause is not embedded under the participle's parse head
        reported = any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children) or (
            set(verb_lemmas(node.head)) & self.lex.speech_verbs)
        if not reported:
            return None
        # only when the reported act is itself one of communication ("called B, asking him",
        # "met B, urging him"); "S said A shelled X, urging the UN to act" is S's urging
        forms = set(verb_lemmas(node))
        communicative = {p.code[:2] for f in forms for p in self.lex.verbs.get(f, ())} & {"01", "02", "03", "04"}
        if not (forms & self.lex.speech_verbs) and not communicative:
            return None
        return next((c for c in node.children if c.dep_ in _SUBJ and c.lower_ not in _RELATIVE), None)

    def passive_target_token(self, verb):
        for c in verb.children:
            if c.dep_ in _PASS_SUBJ:
                if c.lower_ in _RELATIVE and verb.dep_ == "relcl":
                    return verb.head
                return c
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            return verb.head
        if verb.dep_ == "conj":
            return self.passive_target_token(verb.head)
        return None

    @staticmethod
    def objects(verb) -> list:
        objs = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        if not objs and Extractor.slipped_verb(verb):
            # "X on Saturday hosted Prime Minister Y": the name the verb modifies (see
            # slipped_verb)
            head = verb.head
            while head.dep_ in ("compound", "flat") and head.head.i > head.i:
                head = head.head
            objs = [head]
        if not objs:
            # "seized up to 16 advisers": the parser hangs the counted object on "up to"
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ == "to" and c.i > 0 and verb.doc[c.i - 1].lower_ == "up":
                    objs += [p for p in c.children if p.dep_ == "pobj"
                             and any(n.dep_ in ("nummod", "quantmod") for n in p.children)]
            # "reports that X called Prime Minister Y": a name the parser took for an object
            # predicate, with no object beside it, is the object
            objs += [c for c in verb.children if c.dep_ == "oprd" and c.pos_ == "PROPN" and c.i > verb.i]
        out = []
        for o in objs:
            # "the islands which the Soviet Union seized": the relative's antecedent
            if o.lower_ in _RELATIVE and verb.dep_ == "relcl":
                o = verb.head
            out.extend([o, *o.conjuncts])
        return out

    def slot_objects(self, verb) -> list:
        """The direct objects of ``verb`` as argument slots: its objects (not a reporting
        clause after a comma that the parser took for one), else ("up to 16 advisers") the
        counted object, else the object of a participle the parser took for a complement clause
        right after the verb ("reject proposed Israeli changes"), or the subject it gave a
        to-infinitive ("allowed UN planes to land")."""
        objs = [c for c in verb.children if c.dep_ in ("dobj", "obj") and not (
            # "X threatened to Y, a weekly reports": a reporting clause taken for an object
            c.left_edge.i > 0 and self.doc[c.left_edge.i - 1].text == ","
            and any(x.dep_ in ("xcomp", "ccomp") and x.i < c.i for x in verb.children))]
        if objs or verb.pos_ not in ("VERB", "AUX"):
            return objs
        objs = [o for o in self.objects(verb) if o.dep_ in ("pobj", "oprd") or self.slipped_verb(verb)]
        if objs:
            return objs
        for c in verb.children:
            if (c.dep_ == "xcomp" and c.i == verb.i + 1 and c.tag_ in ("VBN", "VBD")
                    and not any(a.dep_ in ("aux", "auxpass", "mark", *_SUBJ) for a in c.children)):
                objs += [o for o in c.children if o.dep_ in ("dobj", "obj")]
            elif c.dep_ == "ccomp" and any(a.tag_ == "TO" for a in c.children):
                # "allowed UN planes to land": the parser makes the object the subject of
                # the infinitive
                objs += [o for o in c.children if o.dep_ in _SUBJ and o.i < c.i]
        return objs or self._particle_objects(verb)

    @staticmethod
    def _clause_subjects(verb) -> list:
        """ "ordered a newspaper to close", "allowed UN planes to land": the subject the parser
        gave an infinitive complement of ``verb`` (with its conjuncts), which is the verb's
        object in meaning."""
        out = []
        for c in verb.children:
            if c.dep_ in ("ccomp", "xcomp") and c.i > verb.i and any(a.tag_ == "TO" for a in c.children):
                for sub in c.children:
                    if sub.dep_ in _SUBJ and verb.i < sub.i < c.i:
                        out.extend([sub, *sub.conjuncts])
        return out

    @staticmethod
    def _particle_objects(verb) -> list:
        """ "join in on the sanctions", "signed up to the treaty", "went along with the plan":
        the object of the preposition right after the verb's particle (with its conjuncts) is
        the object of the phrasal verb."""
        out = []
        for prt in (c for c in verb.children if c.dep_ == "prt"):
            for c in verb.children:
                if c.dep_ == "prep" and c.i == prt.i + 1:
                    for p in c.children:
                        if p.dep_ == "pobj":
                            out.extend([p, *p.conjuncts])
        return out

    @staticmethod
    def prep_objects(tok, word: str) -> list:
        forms = _PREP_FORMS.get(word, (word,))
        out = []
        for c in tok.children:
            if c.dep_ in ("prep", "prt", "agent", "dative") and c.lower_ in forms:
                for p in c.children:
                    if p.dep_ in ("pobj", "pcomp"):
                        out.append(p)
        return out

    # -- pattern matching ----------------------------------------------------------------------
    def match_verb(self, tok) -> Pattern | None:
        adjective = tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "amod") and any(
            c.dep_ == "xcomp" for c in tok.children)
        if (tok.pos_ not in ("VERB", "AUX") or tok.dep_ == "amod") and not adjective and not self.slipped_verb(tok):
            return None
        candidates = next((self.lex.verbs[f] for f in verb_lemmas(tok) if f in self.lex.verbs), ())
        # "called X a liar", "named Y its envoy": an object with an object predicate names or
        # judges; it is no meeting or call
        naming = any(c.dep_ == "oprd" for c in tok.children) and any(
            c.dep_ in ("dobj", "obj") for c in tok.children)
        for p in candidates:
            if naming and p.code.startswith("04"):
                continue
            if p.objects:
                objs = self.objects(tok) or self._clause_subjects(tok) or self._particle_objects(tok)
                if self.is_passive(tok):
                    t = self.passive_target_token(tok)
                    if t is not None:
                        objs.append(t)
                ok = False
                # "a state of emergency", "a number of troops": the noun after "of" counts too
                objs += [q for o in list(objs) for q in self.prep_objects(o, "of")]
                # "mediation efforts", "aid program": the compound names the thing
                modifiers = [c for o in objs for c in o.children if c.dep_ == "compound"]
                # "participated in the forum", "took part in the summit": with a preposition
                # of its own, the pattern's object nouns may be that preposition's object
                named = self.prep_objects(tok, p.prep) if p.prep else []
                for o in objs + modifiers + named:
                    low = o.lower_
                    if {o.lemma_.lower(), low, low.removesuffix("s")} & p.objects:
                        ok = True
                for o in objs:
                    # "@actor": the object names an actor ("a Japanese citizen", "Putin");
                    # "@owned": it names or belongs to one ("China's actions")
                    if "@actor" in p.objects and self.match_noun(o) is None and (
                            self.index.at(o) or any(self.index.at(c) for c in o.children
                                                    if c.dep_ in ("compound", "amod"))
                            or any(self.np_actors(q) for w in ("of", "from") for q in self.prep_objects(o, w))):
                        ok = True
                    if "@owned" in p.objects and self.match_noun(o) is None and self.np_actors(o):
                        ok = True
                if not ok:
                    continue
            if p.complement_aux and not any(
                    c.dep_ == "ccomp" and {a.lower_ for a in c.children if a.dep_ == "aux"} & p.complement_aux
                    for c in tok.children):
                continue
            if p.prep and not any(
                    c.dep_ in ("prep", "prt") and c.lower_ in _PREP_FORMS.get(p.prep, (p.prep,))
                    and not any(g.ent_type_ in ("DATE", "TIME") for g in c.children)
                    for c in tok.children) and not any(
                    # "pushed for Sweden to join": the preposition marks an infinitive clause
                    c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == p.prep for m in c.children)
                    for c in tok.children):
                continue
            if not p.particle and any(c.dep_ == "prt" and c.lower_ in ("away", "off", "down", "out")
                                      for c in tok.children):
                continue  # "back away", "call off": another verb than the pattern's
            if p.particle and not any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ == p.particle
                                      for c in tok.children):
                continue
            if p.needs_reason and not self.gives_reason(tok):
                continue
            if p.prep and "@actor" in p.objects and self.is_passive(tok) and not any(
                    c.dep_ == "agent" for c in tok.children) and not self.objects(tok):
                # "forces were engaged in ethnic cleansing": without a doer named by "by", the
                # passive subject is the doer of the event noun, not the object of the verb
                continue
            return p
        return None

    def gives_reason(self, verb) -> bool:
        """ "cancelled the trip after the coup", "... in protest at X", "... over the
        dispute", "because Y did Z": the clause of ``verb`` states why it was done."""
        marks = self.lex.reason_marks

        def reason_prep(c) -> bool:
            if c.dep_ == "prep" and c.lower_ == "in":
                return any(p.dep_ == "pobj" and p.lemma_.lower() in marks for p in c.children)
            return c.dep_ == "prep" and c.lower_ in marks

        # "cancelled his trip over the row with X": the parser hangs the reason on the object
        # (on a noun of talks an "over" phrase is what they are about: modality.reason_heads)
        for c in reason_heads(verb, marks, topic_objects=self._roles_words("mutual_objects")):
            if c.dep_ in ("prep", "mark", "advmod", "agent") and c.lower_ in marks:
                return True
            if reason_prep(c):
                return True  # "in protest", "in response", "in retaliation"
            if c.dep_ in ("advcl", "xcomp") and (
                    any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
                    or (c.lemma_.lower() == "protest" and any(a.tag_ == "TO" for a in c.children))):
                return True  # "after X was declared", "to protest against Y"
        return False

    def match_noun(self, tok) -> Pattern | None:
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
        # "the deployment of peacekeeping troops": the modifiers of what the noun is of
        mods |= {c.lemma_.lower() for q in self.prep_objects(tok, "of") for c in q.children
                 if c.dep_ in ("compound", "amod")}
        # "its thanks": a noun used only in the plural, lemmatised to a verb's form
        lemma = tok.lemma_.lower()
        key = lemma if lemma in self.lex.nouns or tok.lower_ not in self.lex.nouns else tok.lower_
        for p in self.lex.nouns.get(key, ()):
            if p.modifiers and not (mods & p.modifiers):
                continue
            return p
        return None

    # -- arguments -------------------------------------------------------------------------------
    def target_from_slots(self, tok, slots: tuple[str, ...], complement: Candidate | None,
                          extra_heads: tuple = ()) -> list[ActorMention]:
        for slot in slots:
            found: list[ActorMention] = []
            if slot == "dobj":
                for o in self.slot_objects(tok):
                    found = self.conj_actors(o)
                    if not found and o.pos_ == "NOUN":
                        found = self._hosted_by(o)
            elif slot == "dative":
                for o in [c for c in tok.children if c.dep_ == "dative" and c.pos_ != "ADP"]:
                    found = self.conj_actors(o)
            elif slot == "object_owner":
                owners = self.slot_objects(tok)
                if self.is_passive(tok):
                    owners.append(self.passive_target_token(tok))
                for o in owners:
                    if o is None:
                        continue
                    for c in o.children:
                        if c.dep_ == "poss" or (c.dep_ in ("compound", "amod") and c.i < o.i):
                            found.extend(self.np_actors(c))
                    for p in self.prep_objects(o, "of"):
                        found.extend(self.conj_actors(p))
            elif slot == "complement_subject":
                for c in tok.children:
                    if c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "advcl" and any(
                            m.dep_ == "mark" and m.lower_ == "for" for m in c.children)):
                        for sub in c.children:
                            if sub.dep_ in _SUBJ or sub.dep_ in _PASS_SUBJ:
                                found.extend(self.conj_actors(sub))
            elif slot == "complement_doer":
                # "its demand that X ease Y": the one asked to act
                if complement is not None and not complement.passive:
                    found = list(complement.sources)
            elif slot == "complement":
                if complement is not None:
                    found = list(complement.targets) or [
                        m for m in complement.sources]
            elif slot == "that":
                # "accusations (by X) that Moscow meddled in ...": the subject of the
                # that-clause completing the noun
                for c in tok.children:
                    if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX") and any(
                            m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                        for sub in c.children:
                            if sub.dep_ in _SUBJ or sub.dep_ in _PASS_SUBJ:
                                found.extend(self.conj_actors(sub))
            else:
                heads = [tok, *extra_heads]
                if tok.pos_ in ("NOUN", "PROPN"):
                    # "the withdrawal of forces from X": the preposition hung on the "of" object
                    heads += self.prep_objects(tok, "of")
                # "joined in on the sanctions against X": the phrasal verb's object, an event
                # noun, is no target (but "cracked down on X": X is)
                phrasal = [o for o in self._particle_objects(tok) if self.match_noun(o) is not None
                           ] if tok.pos_ in ("VERB", "AUX") else []
                for head in heads:
                    for p in self.prep_objects(head, slot):
                        if p.i not in {o.i for o in phrasal}:
                            found.extend(self.conj_actors(p))
                    # Prepositions often attach to the object ("supplied arms to X"), or to
                    # the passive subject ("evidence against X was presented").
                    objs = [c for c in head.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
                    # "cancelled a number of meetings with X": what the counted object is of
                    quantities = self._roles_words("quantity_heads")
                    objs += [q for o in objs if o.lemma_.lower() in quantities for q in self.prep_objects(o, "of")]
                    for o in objs + (phrasal if head.i == tok.i else []):
                        for p in self.prep_objects(o, slot):
                            found.extend(self.conj_actors(p))
                if not found and tok.pos_ in ("VERB", "AUX"):
                    found = self._stranded_slot(tok, slot)
            found = _dedupe(found)
            if found:
                return found
        return []

    def _stranded_slot(self, verb, slot: str) -> list[ActorMention]:
        """ "presented a plan for economic cooperation to X": a preposition of the verb's slot
        that the parser hung on the last noun of the object's "for"/"of" phrase belongs to the
        verb, unless that noun is an event taking such a phrase itself ("a plan for the return
        of the islands to Y": returned to Y)."""
        found: list[ActorMention] = []
        for o in [c for c in verb.children if c.dep_ in ("dobj", "obj")]:
            for q in self.prep_objects(o, "for") + self.prep_objects(o, "of"):
                own = self.match_noun(q)
                if own is not None and slot in own.target:
                    continue
                for p in self.prep_objects(q, slot):
                    found.extend(self.conj_actors(p))
        return found

    #: Prepositions by which a noun names the other party of what it stands for ("his
    #: commitment to X", "its dispute with Y", "restrictions on its market for Z").
    _RECIPIENT_PREPS = ("to", "with", "against", "for", "from")

    def _beyond_own(self, tok, slots: tuple[str, ...], own: set[str]) -> list[ActorMention]:
        """ "reneged on his commitment to the Zambian people", "imposed restrictions on its
        market for new members": when a target slot names only the doer itself (by its own
        possessive), the other party named by that noun's own prepositions."""
        nouns = []
        for slot in slots:
            if slot == "dobj":
                nouns += self.slot_objects(tok)
            elif slot not in ("dative", "object_owner", "complement", "complement_subject", "complement_doer"):
                nouns += self.prep_objects(tok, slot)
                nouns += [p for o in self.slot_objects(tok) for p in self.prep_objects(o, slot)]
        nouns = [n for n in nouns if n.pos_ in ("NOUN", "PROPN")]
        pobjs = [p for n in nouns for w in self._RECIPIENT_PREPS for p in self.prep_objects(n, w)]
        if nouns:
            # "... on its labour market for new members": the "for" phrase on the verb
            pobjs += self.prep_objects(tok, "for")
        for p in pobjs:
            found = [m for m in self.conj_actors(p) if m.actor.actor_id not in own]
            if found:
                return found
        return []

    def _hosted_by(self, noun) -> list[ActorMention]:
        """The host of an event object ("the summit hosted by Indonesia")."""
        for c in noun.children:
            if c.dep_ in ("acl", "relcl"):
                for a in c.children:
                    if a.dep_ == "agent":
                        for p in a.children:
                            if p.dep_ == "pobj":
                                return self.conj_actors(p)
        return []

    def location(self, anchors: list) -> str | None:
        for tok in anchors:
            for c in tok.children:
                if c.dep_ != "prep" or c.lower_ not in _LOCATION_PREPS:
                    continue
                for p in c.children:
                    if p.dep_ != "pobj" or p.ent_type_ in ("DATE", "TIME"):
                        continue
                    if p.ent_type_ in _LOCATION_ENTS or (p.ent_type_ == "ORG" and p.pos_ == "PROPN"):
                        ent = self.entity_at(p)
                        return ent.text if ent is not None else p.text
                    if p.pos_ == "PROPN" and self.index.at(p):
                        return " ".join(t.text for t in p.subtree if t.dep_ != "det")
        return None

    # -- speakers ---------------------------------------------------------------------------------
    def speaker_of(self, tok):
        """(speech verb, speaker token) governing ``tok`` as reported speech, if any."""
        speech = self.lex.speech_verbs | self.lex.modality["hypothetical_governors"]
        for g in tok.ancestors:
            if g.pos_ in ("VERB", "AUX") and g.lemma_.lower() in speech:
                return g, self.subject_token(g)
        root = tok.sent.root
        for c in root.children:
            if c.dep_ in ("parataxis", "ccomp") and c.lemma_.lower() in self.lex.speech_verbs and c.i > tok.i:
                return c, self.subject_token(c)
        if root.lemma_.lower() in self.lex.speech_verbs and root.i != tok.i:
            return root, self.subject_token(root)
        return None, None

    def is_commentator(self, speaker) -> bool:
        """An analyst, expert, professor ... — also by surname once introduced as one in the
        document ("Asia Society analyst Ayako Doi ...", later "Doi said ...")."""
        if speaker is None:
            return False
        if speaker.pos_ == "PROPN" and speaker.text in self._commentator_names:
            return True
        words = {speaker.lemma_.lower()}
        for c in speaker.children:
            if speaker.lemma_.lower() in self._roles_words("body_nouns") and c.dep_ in ("compound", "amod"):
                continue  # "the UN Observer Mission said": a body, not an observer
            if c.dep_ in ("appos", "compound", "amod", "acl", "relcl"):
                words |= {t.lemma_.lower() for t in c.subtree}
        if words & self.lex.commentators:
            if speaker.pos_ == "PROPN":
                self._commentator_names.add(speaker.text)
            return True
        return False

    def commentary_context(self, tok) -> bool:
        """"according to analysts" attached to the clause of ``tok``."""
        for anc in [tok, *tok.ancestors]:
            for c in anc.children:
                if c.dep_ == "prep" and c.lower_ == "according":
                    for t in c.subtree:
                        if t.lemma_.lower() in self.lex.commentators:
                            return True
        return False

    # -- events -----------------------------------------------------------------------------------
    def is_event_noun(self, tok) -> bool:
        return tok is not None and tok.pos_ in ("NOUN", "PROPN") and self.match_noun(tok) is not None

    def verb_candidate(self, tok, pattern: Pattern, consumed: set[int]) -> Candidate | None:
        passive = self.is_passive(tok)
        if pattern.complement == "intent" and tok.dep_ == "acl" and tok.tag_ == "VBG" \
                and set(verb_lemmas(tok)) & {"wish", "want", "seek", "hope", "intend"}:
            return None  # "citizens wishing to visit ...": who the people are, not an act of theirs
        subj = self.subject_token(tok)
        if pattern.inverse and not passive:
            return self._inverse_candidate(tok, pattern, subj)
        # "Japan's aid arrived", "the sanctions were extended": a predicate about an event
        # noun, which carries the event itself.
        # (Verb patterns built around their object noun, "sanctions were imposed on X by Y",
        # are the event themselves.)
        if not pattern.objects:
            if subj is not None and subj.head.i == tok.i and self.is_event_noun(subj):
                return None
            if passive and not pattern.code.startswith("043") and self.is_event_noun(self.passive_target_token(tok)):
                return None
        sources = self.conj_actors(subj) if subj is not None else []
        inherited = subj is not None and subj.head.i != tok.i
        complement = None
        code = pattern.code
        controller = None
        if pattern.complement:
            complement = self.complement_of(tok, pattern, consumed)
            if complement is not None:
                kind = pattern.complement
                if kind == "intent":
                    # "X wants Y to attack Z": wanting someone else to act is an appeal to them.
                    controller = next((c for c in tok.children if c.dep_ in ("dobj", "dative")
                                       and c.i < complement.trigger.i), None)
                    if controller is None:
                        # "suggested (that) Russia should withdraw": someone else is to act
                        own = {m.actor.actor_id for m in sources}
                        clause = complement.anchors[1] if complement.nominal and len(complement.anchors) > 1 \
                            else complement.trigger
                        other = next((c for c in clause.children
                                      if c.dep_ in _SUBJ and c.lower_ not in _RELATIVE), None)
                        named = self.conj_actors(other) if other is not None else []
                        own_countries = {m.actor.country for m in sources if m.actor.country}
                        if named and not ({m.actor.actor_id for m in named} & own) and not (
                                {m.actor.country for m in named} & own_countries):
                            # (not when the proposer's own state is among them: "Abe suggested
                            # that Japan and Russia hold a summit" is an intent to meet)
                            controller = other
                    if controller is not None:
                        kind = "appeal"
                code = self._complement_code(kind, pattern, complement)
            elif pattern.needs_complement and not self._addressed_clause(tok):
                return None
        targets: list[ActorMention] = []
        if controller is not None:
            targets = self.conj_actors(controller)
        if passive:
            t = self.passive_target_token(tok)
            if t is not None and not (pattern.objects and {t.lemma_.lower(), t.lower_} & pattern.objects):
                # (not the thing the pattern is built around: "the sanctions imposed on X by
                # Y" are imposed on X, the target slot of the participle)
                targets = self._moved_force_destination(tok, t, pattern) or self.conj_actors(t)
        if not targets and pattern.objects:
            # "joined the anti-Russian sanctions": what the object is aimed at, named by its
            # "anti-" adjective
            targets = [m for o in self.slot_objects(tok) for m in self._opposed_states(o)]
        if not targets:
            targets = self.target_from_slots(tok, pattern.target, complement)
            own = {m.actor.actor_id for m in sources}
            if targets and own and all(t.actor.actor_id in own for t in targets):
                targets = self._beyond_own(tok, pattern.target, own) or targets
        if (not targets and pattern.complement and complement is None and not controller
                and not pattern.needs_target and code[:2] in self._DIRECTED_ROOTS):
            targets = self._uncoded_complement_targets(tok)
        if code[:2] == "13" and not [t for t in targets if t.actor.actor_id not in {m.actor.actor_id for m in sources}]:
            targets = self._condition_subject(tok, complement) or targets
        if not targets and not (pattern.symmetric and len(sources) > 1):
            # "Speaking at a news conference in Tokyo, X said ...": a place is no partner of
            # an act that needs one named
            targets = [] if pattern.needs_target else self.location_actors(tok, code)
        if pattern.allege and pattern.needs_complement and not any(c.dep_ == "ccomp" for c in tok.children):
            return None  # "as X has claimed": no allegation reported here
        if pattern.allege and complement is None:
            # "X alleged that Y did Z": Y is the accused even when Z has no pattern.
            for c in tok.children:
                if c.dep_ == "ccomp":
                    s = self.subject_token(c)
                    if s is not None:
                        targets = targets or self.conj_actors(s)
        anchors = [tok]
        ids = {m.actor.actor_id for m in sources}
        targets = [t for t in targets if t.actor.actor_id not in ids] if len(sources) == 1 else targets
        pairwise = pattern.symmetric and not targets and len(sources) > 1
        if not pairwise and pattern.symmetric and len(sources) == 1 and self._mutual_with(tok, targets):
            # "X held talks with Y", "X exchanged views with Y": both take part, as in "X and
            # Y met"
            sources, targets, pairwise = _dedupe(sources + targets), [], True
        elif (not pairwise and len(sources) > 1 and code[:2] == "03" and complement is not None
              and self._own_subject_clause(tok, complement)):
            # "the two leaders agreed that a delegation would visit the islands": the
            # agreement is between the agreeing parties, not with the clause's subject
            targets, pairwise = [], True
        elif not pairwise and not targets and code[:2] == "03" and self._joint_instrument(tok, sources):
            # "both A and B have expressed an interest in a treaty": each toward the other
            pairwise = True
        if pattern.needs_target and not targets and not pairwise and code[:2] == "04":
            # "took part in a summit in X": the gathering's host state (see _venue_targets)
            targets = [t for t in self._venue_hosts(tok, pattern) if t.actor.actor_id not in ids]
        if pattern.needs_target and not targets and not pairwise:
            return None
        modality, cue = clause_modality(anchors, self.lex, speech_stop=self.lex.speech_verbs)
        cand = Candidate(trigger=tok, pattern=pattern, code=code, sources=sources, targets=targets,
                         pairwise=pairwise, anchors=anchors, modality=modality, modality_cue=cue,
                         location=self.location(anchors), passive=passive,
                         complement_of=complement.pattern.id if complement else None)
        cand.confidence = 0.85 - 0.1 * inherited - 0.05 * passive
        cand.source_token = subj
        if code in self._ATTEMPT_CODES and self._attempted(tok):
            # "tried to assassinate X": CAMEO codes this attempt apart (185); an attempt at
            # any other act is that act ("tried to seize the post" is the seizure)
            cand.code = self._ATTEMPT_CODES[code]
            self._made_attempt(cand)
        # An unnamed doer ("insurgents shelled X") still reports an event against a named target.
        cand.explicit_subject = (subj is not None and subj.head.i == tok.i and subj.pos_ == "NOUN"
                                 and not passive)
        return cand

    def _moved_force_destination(self, verb, moved, pattern: Pattern) -> list[ActorMention]:
        """ "Russian warplanes were deployed by Moscow to Syria": troops or equipment (head
        noun in ``roles.yaml`` troop_nouns or equipment_nouns) that are the passive subject of
        a verb moving them are its object, not its target, when the verb names a destination
        ("to", "into"): the target is the destination. Empty when there is none."""
        if moved.lemma_.lower() not in self._roles_words("troop_nouns") | self._equipment:
            return []
        if "to" not in pattern.target:
            return []  # no verb of moving something somewhere
        moved_ids = {m.actor.actor_id for m in self.conj_actors(moved)}
        found = self.target_from_slots(verb, ("to", "into"), None)
        return [m for m in found if m.actor.actor_id not in moved_ids]

    def _addressed_clause(self, verb) -> bool:
        """ "He suggested to X that an end to the issue be reached": a clause (that-clause or
        infinitive) put to an actor named by the verb's "to" phrase or indirect object is a
        proposal to that actor even when the clause reports no coded act."""
        if not any(c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX") for c in verb.children):
            return False
        addressees = self.prep_objects(verb, "to") + [c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"]
        return any(self.conj_actors(a) for a in addressees)

    #: Acts whose attempt CAMEO codes on its own: assassination (186) -> attempt to assassinate
    #: (185). Attempts at any other act keep the act's code (the attempt is the act).
    _ATTEMPT_CODES: ClassVar[dict[str, str]] = {"186": "185"}
    #: Nouns of an attempt ("an attempt to assassinate X", "a bid to kill Y").
    _ATTEMPT_NOUNS = frozenset({"attempt", "bid"})
    #: Modifiers that make an act noun an attempt ("an attempted assassination", "a failed
    #: assassination", "a foiled assassination").
    _ATTEMPT_MODIFIERS = frozenset({"attempted", "failed", "foiled", "botched", "thwarted", "abortive"})

    def _attempted(self, tok) -> bool:
        """Whether ``tok`` is only attempted: the infinitive of a verb of trying ("tried to",
        "attempted to": the pattern file's modality.attempt_governors, whatever its tense) or
        of an attempt noun ("an attempt to", "a bid to"), or a noun so qualified ("an attempted
        assassination")."""
        if tok.pos_ in ("NOUN", "PROPN"):
            return any(c.dep_ == "amod" and c.lower_ in self._ATTEMPT_MODIFIERS for c in tok.children)
        node = first_conjunct(tok)  # "tried to kidnap and assassinate X"
        if node.dep_ not in ("xcomp", "ccomp", "acl", "advcl") or not any(
                a.tag_ == "TO" for a in node.children):
            return False
        head = node.head
        if head.pos_ in ("NOUN", "PROPN"):
            return head.lemma_.lower() in self._ATTEMPT_NOUNS
        return bool(set(verb_lemmas(head)) & set(self.lex.modality.get("attempt_governors", ())))

    def _made_attempt(self, cand: Candidate) -> None:
        """ "made an attempt to assassinate X", "launched a bid to kill Y": an attempt noun
        carried by a past-tense verb is the attempt made (asserted), not a plan."""
        noun = first_conjunct(cand.trigger).head
        if (cand.modality == "planned" and noun.pos_ in ("NOUN", "PROPN")
                and noun.lemma_.lower() in self._ATTEMPT_NOUNS and noun.head.i != noun.i
                and noun.head.tag_ in ("VBD", "VBN") and not any(
                    a.dep_ in ("aux", "auxpass") and a.tag_ == "MD" for a in noun.head.children)):
            cand.modality, cand.modality_cue = "asserted", None

    def _mutual_with(self, tok, targets: list[ActorMention]) -> bool:
        """Whether ``tok`` is a light verb of a meeting done together ("held talks with Y",
        "exchanged views with Y": ``roles.yaml`` mutual_objects) whose targets are all named in
        its "with" phrase."""
        if not targets:
            return False
        objects = [o for o in self.objects(tok) if o.lemma_.lower() in self._roles_words("mutual_objects")]
        if not objects:
            return False
        withs = {t.i for h in (tok, *objects) for p in self.prep_objects(h, "with") for c in [p, *p.conjuncts]
                 for t in c.subtree}
        spans = [self.doc.char_span(m.start, m.end, alignment_mode="expand") for m in targets]
        return all(span is not None and any(t.i in withs for t in span) for span in spans)

    def _joint_instrument(self, verb, sources: list[ActorMention]) -> bool:
        """Whether two or more coordinated doers of ``verb`` express intent toward something
        only they can make together (``roles.yaml`` bilateral_instruments: "A and B expressed
        interest in a treaty", "... in holding talks"), with no party but themselves named in
        the object."""
        if len({m.actor.actor_id for m in sources}) < 2:
            return False
        own = {m.actor.actor_id for m in sources}
        instruments = self._roles_words("bilateral_instruments")
        for obj in self.slot_objects(verb):
            # (not inside a clause of its own: "... in a treaty, with Y saying both sides ...")
            clauses = {t.i for v in obj.subtree if v.i != obj.i and v.pos_ in ("VERB", "AUX")
                       and any(c.dep_ in _SUBJ for c in v.children) for t in v.subtree}
            phrase = [t for t in obj.subtree if t.i not in clauses]
            if not any(t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in instruments for t in phrase):
                continue
            named = [m for t in phrase for m in self.index.at(t)]
            return all(m.actor.actor_id in own for m in named)
        return False

    def _own_subject_clause(self, tok, complement: Candidate) -> bool:
        """Whether the coded complement of ``tok`` is a "that"-clause with a subject of its own
        ("agreed that a delegation would visit"), not a clause done by the agreeing parties."""
        clause = complement.trigger
        if clause.head.i != tok.i or clause.dep_ != "ccomp" or complement.nominal:
            return False
        subj = next((c for c in clause.children if c.dep_ in _SUBJ or c.dep_ in _PASS_SUBJ), None)
        # not "agreed that they would meet": the parties themselves
        return subj is not None and subj.pos_ != "PRON"

    def _complement_code(self, kind: str, pattern: Pattern, complement: Candidate) -> str:
        """The code of an act of ``kind`` (a complement map of the pattern file) over its coded
        ``complement``. A negated complement: "asked him not to come" is no appeal to meet (the
        pattern's own code); "vowed not to return the island to X" (a commitment, not an
        agreement of several parties, not to cooperate) is a refusal (the ``reject`` map);
        "pledged not to attack X", "agreed not to deploy missiles" are commitments to restraint
        (the pattern's own code), never threats."""
        if complement.modality != "negated":
            return self.lex.map_complement(kind, complement.code)
        if kind == "intent" and not pattern.symmetric and complement.root in self._COOPERATIVE_ROOTS:
            return self.lex.map_complement("reject", complement.code)
        if kind in ("appeal", "demand", "intent"):
            return pattern.code
        return self.lex.map_complement(kind, complement.code)

    #: Roots of cooperation (intent, consultation, diplomatic and material cooperation, aid,
    #: yielding): a commitment not to do one of them is a refusal ("vowed not to return X").
    _COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})

    #: Roots of acts aimed at someone whose uncoded complement may name him: appeals,
    #: demands, rejections ("refused to respond to a demand from X"), threats.
    _DIRECTED_ROOTS = frozenset({"02", "10", "12", "13"})
    #: Prepositions of an uncoded complement clause that name who it is directed at.
    _COMPLEMENT_PREPS = ("to", "against", "on", "at", "with", "for")

    def _uncoded_complement_targets(self, tok) -> list[ActorMention]:
        """ "threatened to cut off electricity to the Azerbaijani republic", "refused to respond
        to a demand from X": a threat, appeal, demand or refusal whose to-infinitive has no
        pattern of its own is directed at the actor its clause names as object or by a
        preposition of direction (on the verb or on its object), else at the state where it is
        to happen."""
        for c in tok.children:
            if c.dep_ != "xcomp" or c.pos_ not in ("VERB", "AUX") or not any(
                    a.tag_ == "TO" for a in c.children):
                continue
            objs = [o for o in c.children if o.dep_ in ("dobj", "obj")]
            for o in objs:
                found = [m for m in self.conj_actors(o) if m.actor.kind != "person" or o.ent_type_ == "PERSON"]
                if found and self.match_noun(o) is None:
                    return found
            for word in self._COMPLEMENT_PREPS:
                for head in (c, *objs):
                    for p in self.prep_objects(head, word):
                        if p.ent_type_ in ("DATE", "TIME"):
                            continue
                        found = self.conj_actors(p)
                        if found:
                            return found
            found = self.location_actors(c, "", any_root=True)
            if found:
                return [m for m in found if m.actor.kind == "state"]
        return []

    def _condition_subject(self, tok, complement: Candidate | None) -> list[ActorMention]:
        """ "X threatened to halt the talks if Y goes ahead", "... unless Y withdraws": a threat
        is addressed to the one whose conduct is its condition (the condition may hang on any
        clause inside the threatened act: "to halt talks to cut arms if Y deploys ...")."""
        marks = self.lex.modality["hypothetical_marks"]
        heads = [tok] + (list(complement.anchors) if complement is not None else [])
        heads += [t for c in tok.children if c.dep_ in ("xcomp", "ccomp") for t in c.subtree
                  if t.pos_ in ("VERB", "AUX") and t.dep_ in ("acl", "relcl", "xcomp", "conj")]
        for head in heads:
            for c in head.children:
                if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children):
                    subj = next((s for s in c.children if s.dep_ in _SUBJ), None)
                    if subj is not None:
                        found = self.conj_actors(subj)
                        if found:
                            return found
        return []

    def _inverse_candidate(self, tok, pattern: Pattern, subj) -> Candidate | None:
        """ "X received weapons from Y": Y is the source, X the target."""
        sources = self.target_from_slots(tok, pattern.target, None)
        targets = self.conj_actors(subj) if subj is not None else []
        if not sources:
            return None
        anchors = [tok]
        modality, cue = clause_modality(anchors, self.lex, speech_stop=self.lex.speech_verbs)
        cand = Candidate(trigger=tok, pattern=pattern, code=pattern.code, sources=sources,
                         targets=[t for t in targets if t.actor.actor_id not in {m.actor.actor_id for m in sources}],
                         anchors=anchors, modality=modality, modality_cue=cue,
                         location=self.location(anchors))
        cand.confidence = 0.75
        return cand

    def location_actors(self, tok, code: str, extra: tuple = (), any_root: bool = False
                        ) -> list[ActorMention]:
        """The state where a meeting, visit, protest, show of force or attack took place, as its
        target ("will meet in Zurich", "protested in Beijing", "exercises in Alaska", "killed in
        shelling in the Gaza Strip"); ``any_root`` looks for the place whatever the code."""
        if not any_root and (code[:2] not in ("04", "14", "15", "18", "19") or code.startswith("041")):
            return []
        heads = [tok, *extra, *[c for h in (tok, *extra) for c in h.children if c.dep_ in ("dobj", "obj")]]
        for head in heads:
            for c in head.children:
                if c.dep_ != "prep" or c.lower_ not in ("in", "at", "to"):
                    continue
                places = [p for p in c.children if p.dep_ == "pobj"]
                # "at a jail in the capital", "in a village in the north of X": the place of the place
                places += [q for p in places if p.pos_ == "NOUN" and not self.index.at(p)
                           for q in self.prep_objects(p, "in")]
                # "in the capital Kabul", "in the city of Basra": the place named by the noun
                places += [q for p in places if p.pos_ == "NOUN" and not self.index.at(p)
                           for q in [*(c for c in p.children if c.dep_ == "appos"), *self.prep_objects(p, "of")]
                           if q.ent_type_ in _LOCATION_ENTS]
                for p in places:
                    if p.ent_type_ in ("DATE", "TIME") or p.pos_ == "PRON":
                        continue  # a date, or "fired at it": a recipient, not a place
                    nxt = self.doc[p.i + 1] if p.i + 1 < len(self.doc) else None
                    if (p.pos_ in ("NOUN", "VERB") and p.ent_type_ not in _LOCATION_ENTS and not self.index.at(p)
                            and (self._attack_noun(p) or (nxt is not None and nxt.head.i in (p.i, c.head.i)
                                                          and self._attack_noun(nxt)))):
                        continue  # "killed in Israeli (tank) shelling": the attack, not a place
                    # a place, not a person or a thing owned by one ("at Putin's stance")
                    found = [m for m in self.conj_actors(p) if m.actor.kind == "state"
                             or p.ent_type_ in _LOCATION_ENTS]
                    if found:
                        return found
                    ent = self.entity_at(p)
                    if ent is not None and ent.label_ in _LOCATION_ENTS:
                        actor = self._lookup(ent.text)
                        if actor is not None:
                            return [ActorMention(ent.start_char, ent.end_char, ent.text, actor, 0.6,
                                                 "location", None)]
            # "the Beijing Olympics", "Lavrov's Tokyo visit": a place named in the event noun
            if head.i != tok.i or tok.pos_ in ("NOUN", "PROPN"):
                for c in head.children:
                    if c.dep_ == "compound" and c.ent_type_ in _LOCATION_ENTS:
                        actor = self._lookup(c.text)
                        if actor is not None:
                            return [ActorMention(c.idx, c.idx + len(c.text), c.text, actor, 0.6,
                                                 "location", None)]
        return []

    def _sector_of(self, mention: ActorMention, sector: str) -> ActorMention:
        """ "students in Chile": the state's people of that sector, not the state."""
        if mention.actor.kind != "state" or not mention.actor.country:
            return mention
        try:
            actor = self.db.sector_actor(mention.actor.country, sector)
        except (KeyError, ValueError, LookupError):
            return mention
        return replace(mention, actor=actor)

    def _place_state(self, text: str):
        """The state a place known to the actor data lies in (cities, regions, islands), else
        None — never a person or organisation."""
        try:
            iso3 = place_country(text, self.when, self.db)
        except (KeyError, ValueError, LookupError, TypeError):
            return None
        return self._state(iso3) if isinstance(iso3, str) and iso3 else None

    def _opposed_states(self, noun) -> list[ActorMention]:
        """ "anti-Russian sanctions", "the West's anti-Japanese measures": the state named by an
        "anti-" adjective before ``noun`` (a demonym or adjective of the actor data, written
        as one word or as "anti", "-", adjective) is what the thing is aimed at, never its
        owner or doer."""
        out: list[ActorMention] = []
        for c in noun.children:
            if c.i >= noun.i or c.dep_ not in ("amod", "compound", "nmod"):
                continue
            low = c.lower_
            if low.startswith("anti-") and len(low) > 5:
                word, start = c.text[5:], c.idx + 5
            elif (low == "anti" and c.i + 2 < noun.i and self.doc[c.i + 1].text == "-"
                  and self.doc[c.i + 2].head.i == noun.i):
                word, start = self.doc[c.i + 2].text, self.doc[c.i + 2].idx
            else:
                continue
            iso3 = self.db.adjectives.get(word) or self.db.adjectives.get(word.capitalize())
            actor = self._state(iso3) if iso3 else None
            if actor is not None:
                out.append(ActorMention(start, start + len(word), word, actor, 0.6, "adjective", None))
        return _dedupe(out)

    def _lookup(self, text: str):
        """The state a place name belongs to ("Zurich" -> Switzerland, "Beijing" -> China)."""
        try:
            actor = lookup(text, self.when, self.db)
        except (KeyError, ValueError, LookupError):
            actor = None
        if actor is not None and actor.country and actor.kind != "state":
            # a capital used as a place, not as a metonym for its government
            return self._state(actor.country) or actor
        if actor is None:
            # a city, region or island ("Vladivostok", "Sochi"): the state it lies in
            return self._place_state(text)
        return actor

    def complement_of(self, tok, pattern: Pattern, consumed: set[int]) -> Candidate | None:
        """The codable complement of a wrapper verb (clause or event noun); marks it consumed."""
        for c in tok.children:
            if c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "advcl" and any(a.tag_ == "TO" for a in c.children)):
                p = self.match_verb(c)
                if p is not None and c.i not in consumed:
                    consumed.add(c.i)
                    cand = self.verb_candidate(c, p, consumed)
                    if cand is not None:
                        for o in self.objects(c):
                            consumed.add(o.i)
                        return cand
                # "reluctant to realize X or return Y": a codable conjoined infinitive
                for conj in c.conjuncts:
                    p = self.match_verb(conj)
                    if p is not None and conj.i not in consumed:
                        consumed.add(conj.i)
                        cand = self.verb_candidate(conj, p, consumed)
                        if cand is not None:
                            return cand
                # "pledged to provide aid": a light verb carrying an event noun
                if set(verb_lemmas(c)) & self.lex.light_verbs:
                    for o in self.objects(c):
                        p = self.match_noun(o)
                        if p is not None and o.i not in consumed:
                            consumed.add(o.i)
                            consumed.add(c.i)
                            return self.noun_candidate(o, p, governed=True)
        # "suggested another option: that X cedes Y", "proposed a compromise under which ...":
        # the clause completing a noun of proposal is what is proposed
        proposal_nouns = self.lex.modality.get("proposal_nouns", frozenset())
        for o in self.objects(tok):
            if o.lemma_.lower() not in proposal_nouns:
                continue
            for c in o.children:
                if c.dep_ not in ("acl", "appos", "ccomp", "relcl") or c.pos_ not in ("VERB", "AUX") \
                        or c.i in consumed:
                    continue
                if not any(a.dep_ == "mark" and a.lower_ == "that" for a in c.children) and any(
                        a.lower_ in _RELATIVE for a in c.children if a.dep_ in (*_SUBJ, "dobj")):
                    continue  # "the option that Russia rejected": a relative clause
                p = self.match_verb(c)
                if p is not None:
                    consumed.add(c.i)
                    cand = self.verb_candidate(c, p, consumed)
                    if cand is not None:
                        for ob in self.objects(c):
                            consumed.add(ob.i)
                        return cand
        nouns = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
        if pattern.prep:
            nouns += self.prep_objects(tok, pattern.prep)
        for word in ("for", "to", "with", "on"):
            nouns += self.prep_objects(tok, word)
        for n in nouns:
            for cand_tok in [n, *[p for p in self.prep_objects(n, "of")], *[p for p in self.prep_objects(n, "for")]]:
                p = self.match_noun(cand_tok)
                if p is not None:
                    consumed.add(cand_tok.i)
                    return self.noun_candidate(cand_tok, p, governed=True)
        return None

    def _speaking_at(self, verb) -> bool:
        """ "Speaking at a news conference with X, Y said ...", "Y said at a joint news
        conference with X ...": a verb of speaking, or a participle adjunct with no subject of
        its own (its doer is the main clause's), whose "at" phrase is the occasion it was done
        at."""
        if verb.pos_ not in ("VERB", "AUX"):
            return False
        if set(verb_lemmas(verb)) & self.lex.speech_verbs:
            return True
        return (verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN")
                and not any(c.dep_ in _SUBJ or c.dep_ == "mark" for c in verb.children))

    def _journey(self, verb) -> bool:
        """Whether ``verb`` is a verb of setting out or travelling (``roles.yaml``
        journey_verbs: "left", "flew", "set off")."""
        if verb.pos_ not in ("VERB", "AUX"):
            return False
        return bool(phrasal_forms(verb) & self._roles_words("journey_verbs"))

    def _no_carriers(self) -> frozenset[str]:
        """Verbs whose subject is not the doer of the event noun they govern by the general rule:
        verbs of saying, of seeking, weighing or perceiving (``roles.yaml`` not_doing_verbs), and
        of cancelling and postponing (:meth:`_rescheduling` has a rule of its own)."""
        m = self.lex.modality
        return (frozenset(self.lex.speech_verbs) | m.get("cancelling_governors", frozenset())
                | m.get("postponing_governors", frozenset()) | self._roles_words("not_doing_verbs"))

    #: Roots of appointments that their party schedules, cancels or postpones: intents,
    #: meetings and visits, diplomatic cooperation (signings).
    _SCHEDULED_ROOTS = frozenset({"03", "04", "05"})

    def _rescheduling(self, verb) -> bool:
        """Whether ``verb`` cancels or postpones the event noun it governs (the pattern file's
        modality.cancelling_governors and postponing_governors: "postponed", "called off")."""
        m = self.lex.modality
        words = m.get("cancelling_governors", frozenset()) | m.get("postponing_governors", frozenset())
        return bool(phrasal_forms(verb) & words)

    def noun_candidate(self, tok, pattern: Pattern, governed: bool = False) -> Candidate | None:
        if (tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.lemma_.lower() == "protest"
                and not any(c.dep_ in ("det", "poss", "amod") for c in tok.children)):
            return None  # "... in protest of X's refusal": why another act is done, not an act
        sources: list[ActorMention] = []
        source_token = None
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        agents = [p for p in self.prep_objects(tok, "by") if self.conj_actors(p)]
        source_slots = list(pattern.source)
        patient: list[ActorMention] = []
        if poss is not None and agents and "by" in source_slots:
            # "its annexation by Russia", "Japan's occupation by the US": with a "by" agent the
            # possessor is the one the act is done to
            source_slots.remove("by")
            source_slots.insert(0, "by")
            patient = self.conj_actors(poss)
        if poss is not None:
            # "Russia's annexation of Crimea": with a possessor, the "of" phrase is the object
            source_slots = [s for s in source_slots if s != "of"]
        elif ("of" in source_slots and tok.dep_ in ("dobj", "obj") and not governed
              and set(verb_lemmas(tok.head)) & self.lex.light_verbs
              and any(c.dep_ in _SUBJ for c in tok.head.children)):
            # "NATO tightened the blockade of Serbia", "X launched an investigation of Y": the
            # light verb's own subject is the doer and the "of" phrase what it is done to
            source_slots = [s for s in source_slots if s != "of"]
            patient = [m for p in self.prep_objects(tok, "of") for m in self.conj_actors(p)]
        for slot in source_slots:
            found: list[ActorMention] = []
            if slot == "poss":
                for c in tok.children:
                    if c.dep_ == "poss" and not patient:
                        found = self.conj_actors(c)
                        if not found and c.pos_ == "PRON":
                            found = self._possessive_antecedent(c, tok)
                        source_token = c
            elif slot in ("compound", "amod"):
                deps = ("compound", "nmod") if slot == "compound" else ("amod",)
                for c in tok.children:
                    if c.dep_ in deps and c.i < tok.i:
                        for t in c.subtree:
                            found.extend(self.index.at(t))
                        source_token = c
            else:
                for p in self.prep_objects(tok, slot):
                    found.extend(self.conj_actors(p))
                    source_token = p
            found = _dedupe(found)
            if found:
                sources = found
                break
            source_token = None
        complement = None
        code = pattern.code
        if pattern.complement:
            clauses = list(tok.children)
            if tok.dep_ in ("dobj", "obj"):
                # "reiterated its demand that X ease ...": the that-clause hung on the verb
                clauses += [c for c in tok.head.children if c.dep_ == "ccomp" and c.i > tok.i
                            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
            complement, code = self._coded_complement(clauses, pattern, ("acl", "ccomp", "relcl"), None)
        anchors = [tok]
        carrier = None
        light = tok.dep_ in ("dobj", "obj") and bool(set(verb_lemmas(tok.head)) & self.lex.light_verbs)
        subject_of_verb = (tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX")
                           and bool(set(verb_lemmas(tok.head)) & self.lex.occurrence_verbs))
        carried_object = light
        if light or subject_of_verb:
            carrier = tok.head
        inherited = False
        if (tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ in ("dobj", "obj")
                and set(verb_lemmas(tok.head.head.head)) & self.lex.light_verbs):
            # "provided 25,000 tons of food aid", "gave 5 million dollars of aid"
            carrier = tok.head.head.head
            carried_object = True
        part = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
        if (carrier is None and part is not None and part.dep_ in ("nsubj", "nsubjpass")
                and part.lemma_.lower() in self._roles_words("partitive_heads")
                and part.head.pos_ in ("VERB", "AUX")
                and set(verb_lemmas(part.head)) & self.lex.occurrence_verbs):
            # "the next round of talks will be held in May": the verb of the part carries the
            # event (its tense, modality and date)
            carrier = part.head
        if (tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.pos_ in ("VERB", "AUX")
                and tok.head.head.lemma_.lower() in ("engage", "participate", "involve")):
            carrier = tok.head.head  # "engaged in ethnic cleansing"
            if self.match_verb(carrier) is not None:
                return None  # "engaged X in a clash": the verb's own event
            if not sources and self.is_passive(carrier):  # "forces were engaged in ..."
                subj = self.passive_target_token(carrier)
                sources = self.conj_actors(subj) if subj is not None else []
        if carrier is None and tok.dep_ == "pobj" and (
                (tok.head.lower_ in _ACCOMPANYING and (
                    code.startswith("04") or (code.startswith("14") and tok.head.lower_ == "during")))
                or (tok.head.lower_ == "at" and code.startswith("04") and self._speaking_at(tok.head.head)
                    and any(self.conj_actors(p) for w in ("with", "between") for p in self.prep_objects(tok, w)))) \
                and tok.head.head.pos_ in ("VERB", "AUX"):
            # "held talks with X during a visit to Y": the visit is the talks' doer's;
            # "threw stones during demonstrations against X": so is the protest;
            # "Speaking at a news conference with X, Y said ...": the participle's meeting with
            # a named partner is the main clause subject's (not "said at a news conference")
            carrier = tok.head.head
        if carrier is None and tok.dep_ == "pobj" and tok.head.lower_ == "for" and self._journey(tok.head.head):
            # "X left on May 1 for a visit to Y", "flew to Z for talks with W": the act the
            # journey is made for is the traveller's, dated by the journey's clause
            carrier = tok.head.head
        if (carrier is None and not sources and not governed and tok.dep_ in ("dobj", "obj")
                and tok.head.pos_ == "VERB" and tok.head.dep_ not in ("advcl", "acl", "relcl", "pcomp")
                and not any(c.dep_ == "neg" for v in (tok.head, tok.head.head) for c in v.children)
                and not set(verb_lemmas(tok.head)) & self._no_carriers()
                and self.match_verb(tok.head) is None
                and not self.is_event_noun(self.subject_token(tok.head))):
            # "X speeded up the withdrawal of its forces", "X completed the evacuation": an
            # ownerless event noun as the object of a verb of no event of its own is the
            # subject's act (not of a verb of saying, nor of seeking or weighing it; nor when
            # the subject is itself an event: "X's expulsion of Y drew protests")
            carrier = tok.head
        rescheduler = None
        if (carrier is None and not governed and tok.dep_ in ("dobj", "obj") and tok.head.pos_ == "VERB"
                and tok.head.dep_ not in ("advcl", "acl", "relcl", "pcomp")
                and not any(c.dep_ == "neg" for c in tok.head.children)
                and code[:2] in self._SCHEDULED_ROOTS
                and self._rescheduling(tok.head) and self.match_verb(tok.head) is None
                and not self.is_event_noun(self.subject_token(tok.head))):
            # "X postponed a scheduled visit to Y to May 5", "X cancelled his trip to Y": a
            # meeting, visit or signing cancelled or postponed is the subject's own when it has
            # no owner of its own (not an operation: "X postponed the withdrawal of the
            # peacekeepers" may be someone else's), and the verb's prepositions are the noun's;
            # the verb is no carrier (its tense and date are not the event's: the coder dates
            # it by the "to"/"until" phrase, and its modality says it is called off or still
            # to come)
            rescheduler = tok.head
        if carrier is not None:
            anchors.append(carrier)
        doing = carrier if carrier is not None else rescheduler
        if doing is not None and not sources and tok.dep_ in ("dobj", "obj", "pobj"):
            subj = self.subject_token(doing)
            if subj is not None:
                sources = self.conj_actors(subj)
                source_token = subj
                inherited = True
        heads = (doing,) if doing is not None else ()
        between: list[ActorMention] = []
        for head in (tok, *heads):
            for p in self.prep_objects(head, "between") + self.prep_objects(head, "among"):
                between.extend(self.conj_actors(p))
        slots = tuple(s for s in pattern.target if s not in ("between", "among"))
        targets = self.target_from_slots(tok, slots, complement, extra_heads=heads) or patient
        if not targets:
            # "the sanctions imposed on X by Y", "the visit paid to X": the participle modifying
            # the noun carries its target slots
            participles = tuple(c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN")
            if participles:
                targets = self.target_from_slots(tok, slots, complement, extra_heads=participles)
        opposed = self._opposed_states(tok)
        if opposed:
            # "the EU's anti-Russian sanctions": aimed at the state of the "anti-" adjective,
            # which is never their doer
            opposed_ids = {m.actor.actor_id for m in opposed}
            sources = [m for m in sources if m.actor.actor_id not in opposed_ids]
            targets = targets or opposed
        if not targets and between and not pattern.symmetric:
            targets = _dedupe(between)
        if not targets and carrier is not None and carried_object:
            # "gave Tanzania a grant": the light verb's indirect object
            for c in carrier.children:
                if c.dep_ in ("dative", "iobj") and c.pos_ != "ADP":
                    targets = self.conj_actors(c)
            if not targets:
                # "gave the Ivory Coast 5 million dollars of aid": the parser hangs the
                # indirect object on the amount as a modifier
                amount = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok
                targets = [m for c in amount.children if c.dep_ == "nmod" and c.i < amount.i
                           for m in self.conj_actors(c) if m.actor.kind == "state"]
        ids = {m.actor.actor_id for m in sources}
        targets = [t for t in targets if t.actor.actor_id not in ids]
        pairwise = False
        if pattern.symmetric and not targets:
            sources = _dedupe(sources + between)
            pairwise = len(sources) > 1
        if not targets and not pairwise:
            targets = [t for t in self.location_actors(tok, pattern.code, heads)
                       if t.actor.actor_id not in ids]
        modality, cue = clause_modality(anchors, self.lex, nominal=True, speech_stop=self.lex.speech_verbs)
        loc = self.location(anchors)
        cand = Candidate(trigger=tok, pattern=pattern, code=code, sources=sources,
                         targets=targets, pairwise=pairwise, anchors=anchors, modality=modality,
                         modality_cue=cue, location=loc, nominal=True,
                         complement_of=complement.pattern.id if complement else None)
        cand.confidence = 0.7 - 0.1 * inherited + 0.05 * bool(carrier)
        cand.source_token = source_token
        if code in self._ATTEMPT_CODES and self._attempted(tok):
            cand.code = self._ATTEMPT_CODES[code]  # "the attempted assassination of X"
        return cand

    def sentence(self, sent) -> list[Candidate]:
        """All events of one sentence."""
        for tok in sent:  # remember commentators introduced here, for later "X said"
            if tok.lemma_.lower() in self.lex.speech_verbs and tok.pos_ == "VERB":
                self.is_commentator(self.subject_token(tok))
        consumed: set[int] = set()
        found: list[Candidate] = []
        # "X faces pressure from Y to help Z": Y's demand on X (first: it consumes the infinitive)
        for tok in sent:
            cand = self._undergone_candidate(tok, consumed)
            if cand is not None:
                found.append(cand)
        verb_tokens = [(t, self.match_verb(t)) for t in sent]
        # Wrappers first (they consume their complements), outermost clause first.
        order = sorted([(t, p) for t, p in verb_tokens if p is not None],
                       key=lambda tp: (tp[1].complement is None, len(list(tp[0].ancestors))))
        for tok, pattern in order:
            if tok.i in consumed:
                continue
            consumed.add(tok.i)
            cand = self.verb_candidate(tok, pattern, consumed)
            if cand is not None:
                found.append(cand)
                # A verb's event-noun object is part of the verb's event ("hosted the summit",
                # "held a round of negotiations").
                for o in self.objects(tok):
                    consumed.add(o.i)
                    consumed.update(p.i for p in self.prep_objects(o, "of"))
        for tok in sent:
            if tok.i in consumed:
                continue
            pattern = self.match_noun(tok)
            if pattern is None:
                continue
            if tok.dep_ in ("dobj", "obj") and self.match_verb(tok.head) is not None:
                continue
            backed = self._backed_candidate(tok)
            if backed is not None:
                found.append(backed)
                continue
            cand = self.noun_candidate(tok, pattern)
            if cand is not None and (not cand.sources or not cand.targets) and cand.root in ("18", "19", "20"):
                self._victims(cand)
            if cand is not None and not cand.sources:
                self._located_protesters(cand)
                self._located_attackers(cand)
            if cand is not None and (cand.sources or cand.explicit_subject):
                found.append(cand)
        # "X voiced its backing for Y", "X declared its opposition to Y's move"
        for tok in sent:
            if tok.i in consumed:
                continue
            cand = self._stance_candidate(tok)
            if cand is not None:
                found.append(cand)
        # "X said that Y's decision was regrettable": the speaker's criticism (praise) of Y
        for tok in sent:
            cand = self._evaluative_candidate(tok, found)
            if cand is not None:
                found.append(cand)
        # "its demand that Israel ease restrictions": the clause is the noun's complement
        found = [c for c in found if c.nominal or c.trigger.i not in self._noun_complements]
        kept = []
        for cand in found:
            verb, speaker = self.speaker_of(cand.trigger)
            cand.speaker = speaker
            if verb is not None and (self.is_commentator(speaker) or
                                     (speaker is not None and speaker.lemma_.lower() in self.lex.commentators)):
                log.debug("dropping %s: reported by commentator %s", cand.pattern.id, speaker)
                continue
            if self.commentary_context(cand.trigger):
                continue
            if self.commentator_source(cand):
                log.debug("dropping %s: done by media or a commentator", cand.pattern.id)
                continue
            if cand.nominal and self._mentioned_only(cand):
                continue
            if verb is not None and verb.lemma_.lower() in ("allege", "claim") and cand.modality == "asserted":
                cand.modality, cand.modality_cue = "hypothetical", verb.lemma_.lower()
            accusing = self._accused_of(cand.trigger)
            if cand.modality == "asserted" and accusing is not None:
                # "accused X of shelling Y", "... of making accusations by alleging ...": what
                # X is accused of is alleged, not reported
                cand.modality, cand.modality_cue = "hypothetical", accusing.lemma_.lower()
            self._opposed_act(cand)
            self._refused_act(cand)
            self._negated_refusal(cand)
            self._announced_intent(cand, verb, speaker)
            self._planned_cooperation(cand)
            self._joint_exercise(cand)
            self._troop_movement(cand)
            self._threat(cand)
            if self._speculated_conflict(cand):
                # kept, never asserted: hypothetical with a low confidence
                cand.confidence = min(cand.confidence, 0.3)
            if speaker is None:
                self._itinerary(cand)
            self._venue_targets(cand)
            self._doers_own_gathering(cand)
            self._owned_place_targets(cand)
            if not cand.sources:
                self._occasion_parties(cand, found)
                self._distant_agent(cand)
                self._origin_doer(cand)
                self._weapon_agent_doer(cand)
                self._located_authorities(cand)
                self._attack_noun_doer(cand)
                self._located_protesters(cand)
                self._located_attackers(cand)
            self._purpose_target(cand)
            self._reason_clause_target(cand)
            self._accused_target(cand)
            self._stranded_preposition_target(cand)
            self._despite_target(cand)
            self._founded_at_target(cand)
            self._sympathy_target(cand)
            self._gesture_target(cand)
            self._agent_noun_target(cand)
            self._destination_target(cand)
            self._protest_target(cand)
            self._instrument_partner_target(cand)
            self._object_phrase_target(cand)
            self._after_talks_target(cand)
            self._located_target(cand)
            self._taken_from_target(cand)
            self._seized_place_target(cand)
            self._own_forces_target(cand)
            self._disputed_place_target(cand)
            self._dispute_topic_target(cand)
            self._wronged_party_target(cand)
            self._transfer_recipient_target(cand)
            self._home_target(cand)
            self._let_us_proposal(cand, verb, speaker)
            if not cand.nominal and (cand.root == "03" or cand.code.startswith("057")):
                self._instrument_pair_partner(cand)
            self._denied_accuser(cand)
            if not cand.sources and not (cand.explicit_subject and cand.targets):
                continue
            kept.append(cand)
        # "X said shells were launched at it from Y": X's accusation of Y
        kept += [a for a in (self._victim_accusation(c, kept) for c in list(kept)) if a is not None]
        # "killed in Turkish shelling": the attack noun is the verb's own event, coded there
        kept = [c for c in kept if c.trigger.i not in self._attack_nouns_used]
        # "killed by a bomb planted by X": the untargeted act of the weapon is the killing's
        kept = [c for c in kept if c.targets or c.trigger.i not in self._weapon_verbs_used]
        kept = self._drop_redundant(kept)
        self._itinerary_steps(kept)
        for cand in kept:
            if cand.pairwise or (cand.pattern.symmetric and len(cand.sources) > 1):
                self.last_pair = list(cand.sources)
            elif cand.pattern.symmetric and cand.sources and cand.targets:
                self.last_pair = _dedupe(cand.sources + cand.targets)
            for m in cand.sources:
                if m.actor.kind == "person":
                    self.last_person = m
        self._remember_subjects(sent, kept)
        for cand in kept:
            if cand.root == "11" and cand.sources and cand.targets and not cand.pairwise:
                accused = {m.actor.actor_id for m in cand.targets} | {
                    m.actor.country for m in cand.targets if m.actor.country}
                self._accusations.append((list(cand.sources), accused))
            alleged = self._alleged_wrongdoers(cand)
            if alleged:
                self._accusations.append((list(cand.sources), alleged))
        return kept

    #: Prepositions giving the wrong an act answers ("sanctions over X's alleged meddling",
    #: "expelled diplomats for the alleged poisoning by X"); "because of", "due to" are
    #: :meth:`_causes`.
    _REASON_PREPS = frozenset({"over", "for", "after", "following"})

    def _alleged_wrongdoers(self, cand: Candidate) -> set[str]:
        """ "X imposed sanctions on Y over its alleged meddling", "X supports sanctions
        imposed over Y's alleged meddling", "X expelled diplomats for the alleged poisoning by
        Y": a hostile act (CAMEO roots 10-20) done over an act that is only alleged
        (``roles.yaml`` allegation_modifiers) holds the act's owner responsible for it: the
        doers accuse the owner. The owner's actor ids and countries (never the doers'), else
        an empty set. Only the reason phrases of the trigger, its objects and their participles
        count (not a clause of its own)."""
        if not cand.sources or not "10" <= cand.root <= "20":
            return set()
        modifiers = self._roles_words("allegation_modifiers")
        # the trigger and its objects ("support for sanctions"), and the participles on them
        # ("sanctions imposed over ...")
        heads = [*cand.anchors[:1], *self.objects(cand.trigger)] if not cand.nominal else [cand.trigger]
        heads += [p for h in list(heads) for p in self.prep_objects(h, "for") if self.match_noun(p)]
        heads += [c for h in list(heads) for c in h.children if c.dep_ == "acl" and c.tag_ == "VBN"]
        nouns = [p for h in heads for w in self._REASON_PREPS for p in self.prep_objects(h, w)]
        nouns += [p for h in heads for p in self._causes(h)]
        own = {m.actor.actor_id for m in cand.sources} | {m.actor.country for m in cand.sources if m.actor.country}
        accused: set[str] = set()
        for noun in nouns:
            if not any(c.dep_ == "amod" and c.lower_ in modifiers for c in noun.children):
                continue
            owners = []
            for c in noun.children:
                if c.dep_ == "poss":
                    owners += self.conj_actors(c) or (
                        self._possessive_antecedent(c, noun) if c.pos_ == "PRON" else [])
                elif (c.dep_ == "compound" and c.pos_ == "PROPN") or (c.dep_ == "amod" and c.ent_type_ == "NORP"):
                    owners += self.np_actors(c)
            owners += [m for p in self.prep_objects(noun, "by") for m in self.conj_actors(p)]
            for m in owners:
                ids = {m.actor.actor_id} | ({m.actor.country} if m.actor.country else set())
                if not ids & own:
                    accused |= ids
        return accused

    def _let_us_proposal(self, cand: Candidate, verb, speaker) -> None:
        """ 'X said, "Let's conclude a peace agreement"': a first-person-plural imperative
        ("let's", "let us" + verb) in reported speech is the speaker's proposal of the act
        (modality proposed), done by the speaker; aimed at the one the speaker addresses
        ("X told Y, ..."), else, when the act is one only two parties make together
        (``roles.yaml`` bilateral_instruments) and names no other party, at the speaker's
        partner in the last pair named together ("Both X and Y want a treaty ...")."""
        tok = cand.trigger
        if cand.nominal or verb is None or tok.head.lemma_.lower() != "let" or not any(
                c.dep_ in _SUBJ and c.lower_ in ("us", "'s") for c in tok.children):
            return
        said = self.conj_actors(speaker) if speaker is not None and speaker.pos_ != "PRON" else []
        if said:
            cand.sources = said
        if cand.modality == "asserted":
            cand.modality, cand.modality_cue = "proposed", "let"
        # the proposal is made when it is spoken: the verb of saying (and the clause it is an
        # adjunct of: "Last Wednesday X went further, saying ...") dates it, not the time
        # the proposed act is to be done by ("by year's end")
        speaking = [verb] + ([verb.head] if verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.i != verb.i else [])
        cand.anchors = [*cand.anchors, *(v for v in speaking if v not in cand.anchors)]
        if cand.targets or cand.pairwise or not cand.sources:
            return
        own = {m.actor.actor_id for m in cand.sources}
        addressed = [m for c in verb.children if c.dep_ in ("dative", "dobj") and c.i < tok.i
                     for m in self.conj_actors(c)]
        addressed += [m for p in self.prep_objects(verb, "to") for m in self.conj_actors(p)]
        addressed = [m for m in _dedupe(addressed) if m.actor.actor_id not in own]
        if addressed:
            cand.targets = addressed
            return
        self._instrument_pair_partner(cand)

    def _instrument_pair_partner(self, cand: Candidate) -> None:
        """ "Let's conclude a peace agreement", "Lima stands ready to conclude such an accord": an
        act on something only two parties make together (``roles.yaml`` bilateral_instruments,
        the direct object) that names no other party is aimed at the doer's partner in the last
        pair named together (of a symmetric event, or coordinated subjects), when the doer is
        one of that pair."""
        if cand.targets or cand.pairwise or not cand.sources:
            return
        own = {m.actor.actor_id for m in cand.sources}
        instruments = self._roles_words("bilateral_instruments")
        # the object of the act, or of the clause it governs ("is ready to sign a treaty")
        heads = [cand.trigger, *(c for c in cand.trigger.children if c.dep_ in ("xcomp", "ccomp")
                                 and c.pos_ in ("VERB", "AUX"))]
        objs = [o for h in heads for o in self.slot_objects(h) if o.lemma_.lower() in instruments]
        if not objs or any(m.actor.actor_id not in own for o in objs for t in o.subtree for m in self.index.at(t)):
            return
        # (the doer's government counts as its state: "the Kremlin" after "Russia and Japan")
        states = {m.actor.country for m in cand.sources if m.actor.country}
        for pair in (self.last_pair, self.last_two):
            ids = [m.actor.actor_id for m in pair]
            if len(pair) != 2 or len(set(ids)) != 2:
                continue
            mine = [m for m in pair if m.actor.actor_id in own or (
                m.actor.country in states and m.actor.kind == "state")]
            others = [m for m in pair if m not in mine and m.actor.country not in states]
            if len(mine) == 1 and len(others) == 1:
                cand.targets = [replace(others[0], confidence=others[0].confidence * 0.7)]
                cand.confidence -= 0.15
                return

    def _evaluative_candidate(self, tok, found: list[Candidate]) -> Candidate | None:
        """ "X said that Y's decision was regrettable", "X called Y's move unacceptable", "X
        said it was commendable that Y ...": a speech act giving another actor's act an
        evaluative predicate (:func:`~detente.events.modality.evaluation`) is the speaker's
        criticism or praise of that actor, done by the verb's subject and aimed at the act's
        owners. None when the verb already carries a disapproval or praise of its own, when the
        owners name no actor, or only the speaker."""
        if tok.pos_ not in ("VERB", "AUX"):
            return None
        ev = evaluation(tok, self.lex)
        if ev is None or any(c.trigger.i == tok.i and c.root in ("11", "05") for c in found):
            return None
        subj = self.subject_token(tok)
        sources = self.conj_actors(subj) if subj is not None else []
        if not sources:
            return None
        own = {m.actor.actor_id for m in sources}
        targets = [m for m in _dedupe([m for o in ev.owners for m in self.np_actors(o)])
                   if m.actor.actor_id not in own]
        if not targets:
            return None
        anchors = [tok, ev.predicate]
        modality, cue = clause_modality([tok], self.lex, speech_stop=self.lex.speech_verbs)
        pattern = Pattern(id="evaluative-predicate", kind="verb", lemmas=frozenset({tok.lemma_.lower()}),
                          code=ev.code, line=0, speech=True)
        cand = Candidate(trigger=tok, pattern=pattern, code=ev.code, sources=sources, targets=targets,
                         anchors=anchors, modality=modality, modality_cue=cue, location=self.location([tok]))
        cand.confidence = 0.75 - 0.1 * (subj.head.i != tok.i)
        cand.source_token = subj
        return cand

    #: Nouns of what a denial rejects that someone else has said: an accusation.
    _ACCUSATION_NOUNS = frozenset({"accusation", "allegation", "charge", "claim", "criticism"})

    def _denied_accuser(self, cand: Candidate) -> None:
        """ "Russia has resolutely denied the accusations": a denial (CAMEO 016) of accusations
        that name no accuser (no owner, "by" or "of" phrase) answers the latest accusation or
        criticism made earlier in the document against the denier (its person, government
        or state): it is aimed at that accusation's doers."""
        if not cand.code.startswith("016") or cand.targets or not cand.sources or cand.nominal:
            return
        objs = [o for o in self.objects(cand.trigger) if o.lemma_.lower() in self._ACCUSATION_NOUNS]
        if not objs or any(c.dep_ == "poss" or (c.dep_ in ("prep", "agent") and c.lower_ in ("by", "of", "from"))
                           or (c.dep_ == "acl" and any(a.dep_ == "agent" for a in c.children))
                           for o in objs for c in o.children):
            return
        deniers = {m.actor.actor_id for m in cand.sources} | {m.actor.country for m in cand.sources if m.actor.country}
        for accusers, accused in reversed(self._accusations):
            if accused & deniers:
                cand.targets = [m for m in accusers if m.actor.actor_id not in deniers
                                and m.actor.country not in deniers]
                cand.confidence -= 0.15
                return

    def _backed_candidate(self, tok) -> Candidate | None:
        """ "X announced support for sanctions against Y", "X's backing for the embargo on Y":
        an event noun in the "for" phrase of a noun (with no pattern of its own) whose verb has
        a pattern built around that object ("support" + "sanctions": support-sanctions) is
        that verb's act, done by the noun's owner, else by the subject of the verb carrying the
        noun (a light verb or one of saying: "announced support for ..."), aimed where the event
        noun is (its slots, its participle, its "anti-" adjective)."""
        if tok.dep_ != "pobj" or tok.head.lower_ != "for" or tok.head.head.i == tok.head.i:
            return None
        noun = tok.head.head
        if noun.pos_ in ("VERB", "AUX"):
            # "announced its support on Monday for the sanctions": the parser hangs the "for"
            # phrase on the verb past an adverbial; it is still its object noun's
            noun = next((o for o in noun.children if o.dep_ in ("dobj", "obj") and o.pos_ == "NOUN"
                         and o.i < tok.head.i), noun)
        if noun.pos_ != "NOUN" or self.match_noun(noun) is not None:
            return None
        forms = {tok.lemma_.lower(), tok.lower_, tok.lower_.removesuffix("s")}
        pattern = next((p for p in self.lex.verbs.get(self._stance_verb(noun) or noun.lemma_.lower(), ())
                        if p.objects & forms and not (p.inverse or p.prep or p.particle or p.complement)), None)
        if pattern is None:
            return None
        carrier = noun.head if noun.dep_ in ("dobj", "obj") and noun.head.pos_ in ("VERB", "AUX") and (
            # "announced / voiced / gave support for ...", not "criticised support for ..."
            set(verb_lemmas(noun.head)) & (self.lex.light_verbs | self.lex.speech_verbs)) else None
        sources, source_token = self._stance_doers(noun, carrier)
        if not sources:
            return None
        participles = tuple(c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN")
        slots = tuple(s for s in pattern.target if s not in ("dobj", "dative", "object_owner"))
        targets = self._opposed_states(tok) or self.target_from_slots(tok, slots, None, extra_heads=participles)
        ids = {m.actor.actor_id for m in sources}
        targets = [t for t in targets if t.actor.actor_id not in ids]
        anchors = [noun] + ([carrier] if carrier is not None else [])
        return self._stance_event(noun, pattern, sources, targets, anchors, source_token)

    def _stance_doers(self, noun, carrier) -> tuple[list[ActorMention], object]:
        """Who takes the stance a noun names ("Chile's support for ...", "Chile voiced its
        backing for ..."): the noun's owner, else the subject of the verb carrying it (when
        there is one); and the token they were read from."""
        sources: list[ActorMention] = []
        source_token = None
        poss = next((c for c in noun.children if c.dep_ == "poss"), None)
        if poss is not None:
            sources = self.conj_actors(poss) or (
                self._possessive_antecedent(poss, noun) if poss.pos_ == "PRON" else [])
            source_token = poss
        if not sources and carrier is not None:
            source_token = self.subject_token(carrier)
            sources = self.conj_actors(source_token) if source_token is not None else []
        return sources, source_token

    def _stance_event(self, noun, pattern: Pattern, sources: list[ActorMention],
                      targets: list[ActorMention], anchors: list, source_token) -> Candidate:
        """The nominal candidate of a stance noun, its modality read from ``anchors``."""
        modality, cue = clause_modality(anchors, self.lex, nominal=True, speech_stop=self.lex.speech_verbs)
        cand = Candidate(trigger=noun, pattern=pattern, code=pattern.code, sources=sources, targets=targets,
                         anchors=anchors, modality=modality, modality_cue=cue,
                         location=self.location(anchors), nominal=True)
        cand.confidence = 0.7
        cand.source_token = source_token
        return cand

    #: Endings by which a noun of stance is made from its verb, with what the verb ends in
    #: instead ("backing" -> back, "endorsement" -> endorse, "approval" -> approve,
    #: "opposition" -> oppose).
    _STANCE_ENDINGS = (("", ""), ("ing", ""), ("ment", ""), ("al", "e"), ("ition", "e"), ("ation", "e"))

    def _stance_verb(self, noun) -> str | None:
        """The verb with patterns that a stance noun (``roles.yaml`` stance_nouns) is made from,
        else None."""
        lemma = noun.lemma_.lower()
        if lemma not in self._roles_words("stance_nouns"):
            return None
        for ending, verb_ending in self._STANCE_ENDINGS:
            if lemma.endswith(ending) and len(lemma) > len(ending) + 2:
                verb = lemma[:len(lemma) - len(ending)] + verb_ending
                if verb in self.lex.verbs:
                    return verb
        return None

    def _stance_object(self, noun, carrier):
        """The object of a stance noun: its "for"/"to"/"behind" phrase, its "of" phrase unless
        that names an actor and the noun has no owner ("the support of X" is X's),
        or such a phrase the parser hung on the carrier after the noun ("voiced its support on
        Monday for X", "threw its support behind X")."""
        owned = any(c.dep_ == "poss" for c in noun.children)
        for word in ("for", "to", "of", "behind"):
            found = self.prep_objects(noun, word)
            if word == "of" and not owned and found and self.index.at(found[0]):
                continue  # "the support of X": X supports
            if found:
                return found[0]
        if carrier is not None:
            for word in ("for", "behind"):
                found = [p for p in self.prep_objects(carrier, word) if p.i > noun.i]
                if found:
                    return found[0]
        return None

    def _stance_pattern(self, verb: str, obj) -> Pattern | None:
        """The first pattern of ``verb`` (most specific first) that its object ``obj`` fits as
        the verb's direct object would."""
        low = obj.lower_
        forms = {obj.lemma_.lower(), low, low.removesuffix("s")}
        forms |= {c.lemma_.lower() for c in obj.children if c.dep_ == "compound"}
        for p in self.lex.verbs.get(verb, ()):
            if (p.inverse or p.prep or p.particle or p.needs_reason or p.complement_aux
                    or p.needs_complement):
                continue
            if p.objects:
                ok = bool(forms & p.objects)
                if "@actor" in p.objects and self.match_noun(obj) is None and (
                        self.index.at(obj) or any(self.index.at(c) for c in obj.children
                                                  if c.dep_ in ("compound", "amod"))):
                    ok = True
                if "@owned" in p.objects and self.match_noun(obj) is None and self.np_actors(obj):
                    ok = True
                if not ok:
                    continue
            return p
        return None

    def _stance_candidate(self, tok) -> Candidate | None:
        """ "Kenya voiced its backing for the embargo on Sudan", "X declared its opposition to
        Y's move", "X expressed approval of Y's plan": a stance noun (``roles.yaml``
        stance_nouns, with no pattern of its own) carried by a light verb, a verb of saying or
        a stance carrier (``roles.yaml`` stance_carriers) is the act of the verb it is made
        from, done by the noun's owner (else the carrier's subject), its "for"/"to"/"of"
        object standing for the verb's direct object (the target slots of the verb's pattern
        are read on it)."""
        if tok.pos_ != "NOUN" or tok.dep_ not in ("dobj", "obj") or self.match_noun(tok) is not None:
            return None
        verb = self._stance_verb(tok)
        carrier = tok.head
        carriers = (self.lex.light_verbs | self.lex.speech_verbs | self._roles_words("stance_carriers")) - {"have"}
        if verb is None or carrier.pos_ not in ("VERB", "AUX") or not (set(verb_lemmas(carrier)) & carriers):
            return None  # (not "has the support of X": held, not given)
        obj = self._stance_object(tok, carrier)
        if obj is None or obj.pos_ not in ("NOUN", "PROPN", "PRON") or obj.dep_ != "pobj":
            return None  # "opposition to returning the islands": see _opposed_act
        if self.match_noun(obj) is not None and self._backed_candidate(obj) is not None:
            return None  # "support for sanctions against X": the event noun's own verb's act
        pattern = self._stance_pattern(verb, obj)
        if pattern is None:
            return None
        sources, source_token = self._stance_doers(tok, carrier)
        if not sources:
            return None
        own = {m.actor.actor_id for m in sources}
        targets: list[ActorMention] = []
        for slot in pattern.target:
            if slot == "dobj":
                found = self.conj_actors(obj)
            elif slot == "object_owner":
                found = [m for c in obj.children
                         if c.dep_ == "poss" or (c.dep_ in ("compound", "amod") and c.i < obj.i)
                         for m in self.np_actors(c)]
                found += [m for q in self.prep_objects(obj, "of") for m in self.conj_actors(q)]
            elif slot in ("dative", "complement", "complement_subject", "complement_doer", "that"):
                continue
            else:
                found = [m for q in self.prep_objects(obj, slot) for m in self.conj_actors(q)]
                found = found or self._opposed_states(obj)
            found = [m for m in _dedupe(found) if m.actor.actor_id not in own]
            if found:
                targets = found
                break
        if pattern.needs_target and not targets:
            return None
        return self._stance_event(tok, pattern, sources, targets, [tok, carrier], source_token)

    #: Roots of verbal acts that someone can be said to undergo ("faces pressure from Y",
    #: "came under criticism from Y", "received calls from Y"): appeals, demands, disapproval,
    #: threats.
    _UNDERGONE_ROOTS = frozenset({"02", "10", "11", "13"})

    def _undergone_noun(self, verb):
        """The act noun that the subject of ``verb`` undergoes: the object of a verb of
        undergoing (``roles.yaml`` undergoing_verbs: "faces pressure") or the object of "under"
        on any verb ("came under pressure", "is under pressure")."""
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        if set(verb_lemmas(verb)) & self._roles_words("undergoing_verbs"):
            obj = next((o for o in verb.children if o.dep_ in ("dobj", "obj")), None)
            if obj is not None:
                return obj
        return next(iter(self.prep_objects(verb, "under")), None) or next(iter(self._causes(verb)), None)

    #: Words opening a phrase of cause ("because of", "due to", "owing to", "thanks to").
    _CAUSAL_WORDS = frozenset({"because", "due", "owing", "thanks"})

    def _causes(self, verb) -> list:
        """The nouns of the phrases of cause on ``verb``: "because of X", "due to X", "owing to X"
        (the noun hung on the first word or on its "of"/"to")."""
        out = []
        for c in verb.children:
            if c.dep_ not in ("prep", "advmod", "amod", "acomp", "advcl") or c.lower_ not in self._CAUSAL_WORDS:
                continue
            out += [p for p in c.children if p.dep_ == "pobj"]
            out += [p for w in ("of", "to") for p in self.prep_objects(c, w)]
            out += [p for m in c.children if m.dep_ == "pcomp" and m.lower_ in ("of", "to")
                    for p in m.children if p.dep_ == "pobj"]
        return out

    def _undergone_candidate(self, verb, consumed: set[int]) -> Candidate | None:
        """ "X faces pressure from Y to help Z", "X came under pressure from Y to ...", "X
        received calls from Y to ...", "X came under criticism from Y": the act named by the
        noun is done by its "from"/"by" phrase (or its owner: "under American pressure") to the
        subject of the verb. The noun is coded by its own pattern, else by the verb pattern of
        the same word ("pressure"), and an infinitive completing it (on the noun or on the
        verb) through that pattern's complement map ("pressure ... to help Z" is a demand for
        aid). An act named as the cause of what the subject does ("X cancelled the talks
        because of US pressure", "due to pressure from Y") is done to that subject as well
        (the verb's own infinitive and "by" agent stay the verb's)."""
        noun = self._undergone_noun(verb)
        if noun is None or noun.i in consumed or noun.pos_ not in ("NOUN", "PROPN"):
            return None
        pattern = self.match_noun(noun)
        if pattern is None:
            pattern = next((p for p in self.lex.verbs.get(noun.lemma_.lower(), ())
                            if not p.objects and not p.prep and not p.inverse), None)
        if pattern is None or pattern.code[:2] not in self._UNDERGONE_ROOTS:
            return None
        causal = any(n.i == noun.i for n in self._causes(verb))
        doers = [m for w in ("from", "by") for h in ((noun,) if causal else (noun, verb))
                 for p in self.prep_objects(h, w) for m in self.conj_actors(p)]
        if not doers and noun.lemma_.lower() in self._roles_words("pressure_nouns"):
            # "under pressure of the United States", "under the pressure and insistent
            # recommendations of X": an actor named by itself in the "of" phrase of a noun of
            # pressure (not "criticism of its raids": what is criticised)
            doers = [m for p in self.prep_objects(noun, "of") if self.index.at(p) for m in self.conj_actors(p)]
        if not doers:
            doers = [m for c in noun.children if c.dep_ in ("poss", "amod", "compound") and c.i < noun.i
                     for m in self.np_actors(c)]
        # the one who undergoes it: the grammatical subject ("X was forced to ... because of
        # Y's pressure": X)
        subj = self.passive_target_token(verb) if self.is_passive(verb) else self.subject_token(verb)
        targets = self.conj_actors(subj) if subj is not None else []
        doers = _dedupe(doers)
        ids = {m.actor.actor_id for m in doers}
        targets = [t for t in targets if t.actor.actor_id not in ids]
        if not doers or not targets:
            return None
        code = pattern.code
        complement = None
        if pattern.complement:
            # (a cause's infinitive is the verb's own: "forced to join ... because of Y's
            # pressure" is no demand to join; so is the infinitive of a passive verb, the act
            # its subject was made to do: "under pressure from Y, X was forced to join the
            # sanctions" reports the joining)
            own = causal or self.is_passive(verb)
            clauses = [*noun.children, *(() if own else verb.children)]
            complement, code = self._coded_complement(clauses, pattern, ("acl", "advcl", "xcomp", "relcl"),
                                                      consumed)
        consumed.add(noun.i)
        anchors = [verb]
        modality, cue = clause_modality(anchors, self.lex, speech_stop=self.lex.speech_verbs)
        cand = Candidate(trigger=noun, pattern=pattern, code=code, sources=doers, targets=targets,
                         anchors=anchors, modality=modality, modality_cue=cue,
                         location=self.location(anchors),
                         complement_of=complement.pattern.id if complement else None)
        cand.confidence = 0.7
        return cand

    def _coded_complement(self, clauses: list, pattern: Pattern, deps: tuple[str, ...],
                          consumed: set[int] | None) -> tuple[Candidate | None, str]:
        """The first of ``clauses`` (by a relation in ``deps``) whose verb has a pattern and
        gives an event, and ``pattern``'s code mapped through its complement map by it
        ("pressure ... to help Z", "its demand that X ease ..."); else (None, the pattern's
        own code).

        Without ``consumed`` (a noun's complement: any verb clause) each clause is read on its
        own and a coded one is remembered as the noun's complement, not an event of its own.
        With the sentence's ``consumed`` tokens only a to-infinitive not consumed yet counts;
        every one tried is consumed, and so are the objects of the one coded."""
        for c in clauses:
            if c.dep_ not in deps:
                continue
            if consumed is None:
                if c.pos_ not in ("VERB", "AUX"):
                    continue
            elif c.i in consumed or not any(a.tag_ == "TO" for a in c.children):
                continue
            p = self.match_verb(c)
            if p is None:
                continue
            if consumed is not None:
                consumed.add(c.i)
            complement = self.verb_candidate(c, p, set() if consumed is None else consumed)
            if complement is None:
                continue
            if consumed is None:
                self._noun_complements.add(c.i)
            else:
                consumed.update(o.i for o in self.objects(c))
            return complement, self._complement_code(pattern.complement, pattern, complement)
        return None, pattern.code

    def _remember_subjects(self, sent, kept: list[Candidate]) -> None:
        """What a later "He ..." or "The two ..." may stand for: the person subject of this
        sentence's main clause, and the last pair of participants named together (coordinated
        subjects, "Both A and B said ...", or the two sides of a symmetric event)."""
        root = sent.root
        subj = self.subject_token(root) if root.pos_ in ("VERB", "AUX") else None
        named = self.conj_actors(subj) if subj is not None and subj.pos_ != "PRON" else []
        people = [m for m in named if m.actor.kind == "person"]
        if subj is not None and subj.pos_ != "PRON":
            self.prev_subject = people[0] if len(named) == 1 and people else None
        for tok in sent:
            if tok.dep_ in _SUBJ and any(c.dep_ == "conj" for c in tok.children):
                pair = self.conj_actors(tok)
                if len(pair) == 2:
                    self.last_two = pair
        for cand in kept:
            both = _dedupe(cand.sources + cand.targets) if cand.pattern.symmetric else []
            if len(both) == 2:
                self.last_two = both

    #: CAMEO roots of verbal acts (statements, appeals, intents, consultation, diplomatic
    #: cooperation ... demands, disapproval, rejection, threats).
    _VERBAL_ROOTS = frozenset(f"{n:02d}" for n in range(1, 14))

    #: CAMEO codes of acts that are only the expression of a view (statements, appeals,
    #: intents, praise, verbal support, demands, disapproval, rejections, threats): done by news
    #: media they are commentary. Media doing something else ("a newspaper violated the ban":
    #: 128, "the broadcaster apologised to X": 055) are actors like any other.
    _OPINION_CODES = ("01", "02", "03", "051", "052", "053", "10", "11", "120", "121", "122", "123",
                      "124", "125", "126", "127", "13")

    def commentator_source(self, cand: Candidate) -> bool:
        """ "criticized by Japan's right-wing media", "the newspaper condemned ...", "critics
        rejected ...": verbal acts of commentators, and the opinions of news media
        (``_OPINION_CODES``), are not events between the states they belong to."""
        if cand.root not in self._VERBAL_ROOTS:
            return False
        opinion = cand.code.startswith(self._OPINION_CODES)
        tok = cand.source_token
        media = self.lex.media_nouns
        if tok is not None:
            if tok.lemma_.lower() in self.lex.commentators or tok.lower_ in self.lex.commentators \
                    or self.is_commentator(tok):
                return True
            if tok.lemma_.lower() in media or tok.lower_ in media:
                return opinion
            # "the Japanese daily Sankei", "Japan's right-wing media" as the head's compounds
            heads = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "appos")} \
                if tok.pos_ == "PROPN" else set()
            if heads & self.lex.commentators:
                return True
            if heads & media:
                return opinion
        return opinion and bool(cand.sources) and all(m.actor.sector == "MED" for m in cand.sources)

    def _mentioned_only(self, cand: Candidate) -> bool:
        """An event noun that is only talked about: the object of an abstract noun ("the
        narrowing of dialogue", "the lack of talks"), or an owner's act with nobody it is
        directed at and no verb reporting it ("Japan's demands" as a heading, "his visit was
        a success" after the visit was reported)."""
        tok = cand.trigger
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN" and (
                tok.head.head.lemma_.lower() in self.lex.abstract_heads):
            return True
        owner = cand.source_token
        return (cand.root in self._VERBAL_ROOTS and len(cand.anchors) == 1 and not cand.targets
                and not cand.pairwise and not cand.complement_of and cand.modality == "asserted"
                and owner is not None and owner.dep_ == "poss")

    def _owned_place_targets(self, cand: Candidate) -> None:
        """ "will visit the prime minister's hometown", "met at the president's residence": a
        place named by its owner stands for the owner's state, not the owner."""
        if cand.root != "04" or not cand.targets:
            return
        out = []
        for m in cand.targets:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            head = span.root if span is not None else None
            place = head.head if head is not None and head.dep_ == "poss" else None
            if (place is not None and m.actor.kind in ("person", "organisation") and m.actor.country
                    and (place.lemma_.lower() in self.lex.owned_places
                         or place.lower_ in self.lex.owned_places)):
                state = self._state(m.actor.country)
                if state is not None:
                    out.append(replace(m, actor=state, confidence=m.confidence * 0.9))
                    continue
            out.append(m)
        ids = {s.actor.actor_id for s in cand.sources}
        cand.targets = _dedupe([t for t in out if t.actor.actor_id not in ids])

    @staticmethod
    def _drop_redundant(cands: list[Candidate]) -> list[Candidate]:
        """ "met X to discuss ...", "attended to discuss ...": a purpose clause repeating its
        governing event's kind adds nothing."""
        # a light verb carrying an event noun as its object stands for it ("started a hunger
        # strike to protest ...")
        by_token = {c.trigger.head.i: c for c in cands
                    if c.nominal and c.trigger.dep_ in ("dobj", "obj") and c.trigger.head in c.anchors}
        by_token.update({c.trigger.i: c for c in cands})
        out = []
        for c in cands:
            if c.trigger.dep_ == "advcl" and any(
                    a.dep_ in _SUBJ or (a.dep_ == "mark" and a.lower_ in _TIME_REASON_MARKS)
                    for a in c.trigger.children):
                out.append(c)  # "postponed his visit after Tokyo expelled ...": no purpose clause
                continue
            if c.trigger.dep_ in ("xcomp", "advcl") and not c.nominal:
                gov = next((by_token[a.i] for a in c.trigger.ancestors if a.i in by_token), None)
                # "began a hunger strike to protest X's decision": the purpose of a protest act
                # is its target, not a second (verbal) complaint
                # ("... to demand reforms", "... to denounce X": what the protest is for)
                protest_purpose = (gov is not None and gov.root == "14" and (
                    c.root in ("10", "11") or (c.code.startswith("114") and c.trigger.lemma_.lower() == "protest")))
                if gov is not None and (gov.root == c.root or protest_purpose):
                    defaulted = all(t.method == "default" for t in gov.targets)
                    if c.targets and (not gov.targets or defaulted) and not gov.pairwise:
                        gov.targets = list(c.targets)  # "began a hunger strike to protest against X"
                    continue
            out.append(c)
        return out

    def _victims(self, cand: Candidate) -> None:
        """ "A roadside bombing killed two soldiers", "three civilians were killed in a car
        bombing": an attack (by an unnamed doer, or by the one it is named after: "US drone
        strikes killed X") against the named victims."""
        tok = cand.trigger
        victims: list[ActorMention] = []
        head = tok.head
        if tok.dep_ == "nsubj" and head.pos_ == "VERB":
            for o in self.objects(head):
                victims.extend(self.conj_actors(o))
        elif (tok.dep_ == "pobj" and tok.head.lower_ in ("in", "by") and self.is_passive(tok.head.head)
              and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.head.head.children)
              and tok.head.head.lemma_.lower() not in ("engage", "participate", "involve")):
            # (not "allegations that X had played a role in the massacre": an active perfect)
            # (not "forces were engaged in ethnic cleansing": they are its doers)
            t = self.passive_target_token(tok.head.head)
            if t is not None:
                victims = self.conj_actors(t)
        ids = {m.actor.actor_id for m in cand.sources}
        victims = [m for m in victims if m.actor.actor_id not in ids]
        if victims:
            cand.targets = _dedupe(cand.targets + victims)
            cand.explicit_subject = True
            cand.confidence -= 0.1 if cand.sources else 0.2

    def _located_protesters(self, cand: Candidate) -> None:
        """ "Thousands rallied in Gaza": unnamed protesters are people of the place where they
        protest (CAMEO practice codes them by location)."""
        if cand.root != "14":
            return
        tok = cand.trigger
        if tok.dep_ == "pobj" and tok.head.lower_ in ("on", "about", "over", "regarding", "concerning"):
            # "a summit on the unrest in X", "attend talks on ...", "said about ...": the topic of
            # a meeting or a statement, nobody's act here
            gov = tok.head.head
            forms = set(verb_lemmas(gov)) if gov.pos_ in ("VERB", "AUX") else set()
            talk = forms & self.lex.speech_verbs or any(
                p.code[:2] in ("01", "04") for f in forms for p in self.lex.verbs.get(f, ()))
            if gov.pos_ in ("NOUN", "PROPN") or talk:
                return
        places = self.location_actors(cand.trigger, cand.code, tuple(cand.anchors[1:]))
        countries = {m.actor.country for m in places if m.actor.country}
        if len(countries) == 1:
            state = self._state(countries.pop())
            if state is not None:
                tok = cand.trigger
                # the people of the place (civilians), not its state
                place = ActorMention(tok.idx, tok.idx + len(tok.text), tok.text, state, 0.4, "location", None)
                cand.sources = [self._sector_of(place, "CVL")]
                cand.targets = [t for t in cand.targets if t.actor.actor_id != state.actor_id]
                cand.confidence -= 0.15

    def _attack_noun(self, tok):
        """ "tank shelling", "air strikes", "a car bombing": whether ``tok`` names an attack (an
        event noun or verb of CAMEO roots 18-20)."""
        if tok is None or tok.pos_ not in ("NOUN", "VERB", "PROPN"):
            return False
        forms = {tok.lemma_.lower(), tok.lower_}
        pats = [p for f in forms for p in (*self.lex.nouns.get(f, ()), *self.lex.verbs.get(f, ()))]
        return any(p.code[:2] in ("18", "19", "20") for p in pats)

    def _attack_noun_doer(self, cand: Candidate) -> None:
        """ "Four civilians were killed in Israeli tank shelling in the east of X", "died in a
        Russian air strike": a passive attack without a "by" agent is done by the state its
        attack noun is owned by or named after (the noun's possessor, nationality adjective or
        compound); with no named victims its target is the state where it happened."""
        tok = cand.trigger
        if cand.nominal or cand.root not in ("18", "19", "20") or not self.is_passive(tok):
            return
        for p in self.prep_objects(tok, "in"):
            nxt = self.doc[p.i + 1] if p.i + 1 < len(self.doc) else None
            if self._attack_noun(p):
                attack = p
            elif nxt is not None and nxt.head.i in (tok.i, p.i) and self._attack_noun(nxt):
                attack = nxt  # "in Israeli tank shelling", the parser splitting the compound
            else:
                continue
            doers = [m for c in p.children if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < p.i
                     for t in c.subtree for m in self.index.at(t)
                     if m.actor.kind in ("state", "organisation")]
            doers = _dedupe(doers)
            if not doers:
                return
            ids = {m.actor.actor_id for m in doers}
            self._attack_nouns_used.update((attack.i, p.i))
            cand.sources = doers
            cand.source_token = p
            cand.targets = [t for t in cand.targets if t.actor.actor_id not in ids]
            if not cand.targets:
                extra = tuple({attack.i: attack, p.i: p}.values())
                places = [m for m in self.location_actors(tok, cand.code, extra)
                          if m.actor.actor_id not in ids]
                countries = {m.actor.country for m in places if m.actor.country}
                state = self._state(countries.pop()) if len(countries) == 1 else None
                if state is not None and state.actor_id not in ids:
                    place = places[0]
                    cand.targets = [ActorMention(place.start, place.end, place.text, state,
                                                 min(place.confidence, 0.5), "location", None)]
            cand.confidence -= 0.15
            return

    def _located_attackers(self, cand: Candidate) -> None:
        """ "Ten soldiers were killed in X", "a reporter was killed in a bomb blast in Y": an
        attack on named victims by an unnamed doer is coded from the state where it happened
        (CAMEO practice, as for protesters), with a low confidence."""
        if cand.root not in ("18", "19", "20") or cand.sources or not cand.targets:
            return
        # "an explosion near X killed ...": the place may hang on the unnamed doer
        doer = cand.source_token if cand.source_token is not None and cand.source_token.pos_ == "NOUN" else None
        holders = (cand.trigger, *([doer] if doer is not None else []))
        places = self.location_actors(cand.trigger, cand.code, tuple(cand.anchors[1:]) + holders[1:])
        if not places:
            # "outside (of) the city of X", "near the border town of Y"
            for word in ("outside", "near"):
                for prep in (c for h in holders for c in h.children
                             if c.dep_ in ("prep", "advmod") and c.lower_ == word):
                    objs = [p for p in prep.children if p.dep_ == "pobj"]
                    objs += [q for o in prep.children if o.dep_ == "prep" and o.lower_ == "of"
                             for q in o.children if q.dep_ == "pobj"]
                    for o in objs:
                        places = [m for m in self.conj_actors(o) if m.actor.kind == "state"]
                        if places:
                            break
        countries = {m.actor.country for m in places if m.actor.country}
        if len(countries) == 1:
            state = self._state(countries.pop())
            if state is not None:
                tok = cand.trigger
                cand.sources = [ActorMention(tok.idx, tok.idx + len(tok.text), tok.text, state, 0.3,
                                             "location", None)]
                # the place taken for the target too ("a journalist was killed in X"): the
                # victims are the place's people
                if not cand.nominal:
                    cand.targets = [self._sector_of(t, "CVL") if t.actor.actor_id == state.actor_id else t
                                    for t in cand.targets]
                cand.confidence -= 0.2

    #: Prepositions by which a protest or its purpose clause names what it is against.
    _AGAINST_PREPS = ("against", "at", "over", "for", "of", "to", "with")

    def _purpose_target(self, cand: Candidate) -> None:
        """A protest with no named target (or only the default one) is directed at the actor
        its purpose names: "began a hunger strike to protest against X's decision", "blocked
        a road to show their disapproval for X's policies", "a strike in protest of X's
        refusal", "rallied to demand reforms by X": the purpose clause's (or "in protest
        of" phrase's) prepositional objects and objects, by their owner or doer."""
        if cand.root != "14" or cand.pairwise or not cand.sources:
            return
        if cand.targets and not all(t.method == "default" for t in cand.targets):
            return
        heads = [a for a in cand.anchors]
        clauses = [c for h in heads for c in h.children
                   if c.dep_ in ("relcl", "acl", "advcl", "xcomp") and c.pos_ in ("VERB", "AUX")
                   and any(a.tag_ == "TO" for a in c.children)]
        # "in protest of/at/against X's refusal": the noun phrase of protest
        protests = [p for h in heads for p in self.prep_objects(h, "in")
                    if p.lemma_.lower() in ("protest", "response", "retaliation", "opposition")]
        found: list[ActorMention] = []
        for clause in clauses + protests:
            objs = [o for o in clause.children if o.dep_ in ("dobj", "obj")]
            for word in self._AGAINST_PREPS:
                for head in (clause, *objs):
                    for p in self.prep_objects(head, word):
                        if p.ent_type_ not in ("DATE", "TIME"):
                            found = found or self.conj_actors(p)
            for o in objs:
                found = found or self.conj_actors(o)
            if found:
                break
        own = {m.actor.actor_id for m in cand.sources}
        found = [m for m in found if m.actor.actor_id not in own]
        if found:
            cand.targets = _dedupe(found)
            cand.confidence -= 0.05

    def _agent_noun_target(self, cand: Candidate) -> None:
        """ "the isolation imposed on Russia by US sanctions", "pressure put on X by Y's
        blockade": an event noun that is the "by" agent of a passive verb acts on that verb's
        "on/upon/against" object."""
        tok = cand.trigger
        if (cand.targets or cand.pairwise or not cand.sources or not cand.nominal
                or tok.dep_ != "pobj" or tok.head.dep_ != "agent"):
            return
        own = {m.actor.actor_id for m in cand.sources}
        found = [m for w in ("on", "upon", "against") for p in self.prep_objects(tok.head.head, w)
                 for m in self.conj_actors(p) if m.actor.actor_id not in own]
        if found:
            cand.targets = _dedupe(found)
            cand.confidence -= 0.05

    def _gesture_target(self, cand: Candidate) -> None:
        """ "In a gesture to Japan, Russia held talks ...", "as a concession to X, Y released
        ...": an act done as a gesture, concession or signal to someone is directed at them."""
        if cand.targets or cand.pairwise or not cand.sources:
            return
        own = {m.actor.actor_id for m in cand.sources}
        for head in cand.anchors:
            for p in (p for w in ("in", "as") for p in self.prep_objects(head, w)):
                if p.lemma_.lower() not in _GESTURES:
                    continue
                found = [m for w in ("to", "toward", "towards", "for") for q in self.prep_objects(p, w)
                         for m in self.conj_actors(q) if m.actor.actor_id not in own]
                if found:
                    cand.targets = _dedupe(found)
                    cand.confidence -= 0.05
                    return

    def _destination_target(self, cand: Candidate) -> None:
        """ "sent 20 experts to X to investigate ...", "flew to Y to hold talks": an act in a
        purpose clause with no target of its own is done at the destination of the journey
        it is the purpose of (the state named by the governing verb's "to" phrase); an act in a
        participle clause, at the state the governing clause is directed at ("kept a firm
        stance toward X, imposing sanctions")."""
        tok = cand.trigger
        if (cand.targets or cand.pairwise or not cand.sources or cand.nominal
                or tok.dep_ not in ("advcl", "xcomp") or tok.head.pos_ not in ("VERB", "AUX")):
            return
        if any(a.tag_ == "TO" for a in tok.children):
            words = ("to",)
        elif tok.tag_ == "VBG" and tok.dep_ == "advcl" and not any(c.dep_ == "mark" for c in tok.children):
            # "kept a firm stance toward X, imposing sanctions": the stance's direction
            words = ("toward", "towards", "against")
        else:
            return
        gov = tok.head
        heads = [gov, *[o for o in gov.children if o.dep_ in ("dobj", "obj")]]
        own = {m.actor.country for m in cand.sources}
        for p in (p for h in heads for w in words for p in self.prep_objects(h, w)):
            found = [m for m in self.conj_actors(p) if (m.actor.kind == "state" or m.method == "location"
                                                        or p.ent_type_ in _LOCATION_ENTS)
                     and m.actor.country not in own]
            if found:
                cand.targets = [replace(m, confidence=m.confidence * 0.8) for m in found]
                cand.confidence -= 0.1
                return

    def _protest_target(self, cand: Candidate) -> None:
        """A protest with no named target is against the government where it happens (CAMEO
        practice): the state of its location, else the protesters' own state."""
        if cand.root != "14" or cand.targets or not cand.sources:
            return
        countries = {m.actor.country for m in cand.sources if m.actor.country}
        if len(countries) != 1:
            return
        state = self._state(countries.pop())
        if state is not None:
            tok = cand.trigger
            # "thousands of Nigerians rallied": protesters named by their nationality are the
            # state's people (civilians), protesting against their state
            cand.sources = [self._sector_of(m, "CVL") if self._demonym_people(m) else m for m in cand.sources]
            cand.targets = [ActorMention(tok.idx, tok.idx + len(tok.text), tok.text, state, 0.5, "default", None)]
            cand.confidence -= 0.1

    def _demonym_people(self, mention: ActorMention) -> bool:
        """Whether ``mention`` is a state named by its people's plural noun ("Nigerians")."""
        if mention.actor.kind != "state":
            return False
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span is not None and len(span) == 1 and span[0].ent_type_ == "NORP" and span[0].tag_ in (
            "NNPS", "NNS")

    #: Roots of acts directed at the state their object phrase names: the verbal acts, shows
    #: of force ("mobilised reservists for a war against X") and reduced relations
    #: ("suspended the aid programme for X").
    _OBJECT_TARGET_ROOTS = _VERBAL_ROOTS | {"15", "16"}

    def _instrument_partner_target(self, cand: Candidate) -> None:
        """ "A and B expressed interest in a trade agreement with C", "X proposed talks with Y":
        a verbal act about something made only by two parties (``roles.yaml``
        bilateral_instruments) with no target of its own is aimed at the instrument's "with"
        partner, when that partner is none of the doers."""
        if (cand.targets or cand.pairwise or not cand.sources or cand.nominal
                or cand.root not in self._VERBAL_ROOTS):
            return
        instruments = self._roles_words("bilateral_instruments")
        own = {m.actor.actor_id for m in cand.sources} | {m.actor.country for m in cand.sources}
        objects = self.slot_objects(cand.trigger) + self.prep_objects(cand.trigger, cand.pattern.prep or "in")
        nouns = [n for o in objects for n in (o, *(p for w in ("in", "for", "on", "of")
                                                  for p in self.prep_objects(o, w)))]
        for noun in nouns:
            if noun.lemma_.lower() not in instruments:
                continue
            found = [m for p in self.prep_objects(noun, "with") for m in self.conj_actors(p)
                     if m.actor.actor_id not in own and m.actor.country not in own]
            if found:
                cand.targets = [replace(m, confidence=m.confidence * 0.8) for m in _dedupe(found)]
                cand.confidence -= 0.05
                return

    def _object_phrase_target(self, cand: Candidate) -> None:
        """A verbal act (or show of force, or reduction of relations) with no target found in
        its slots is directed at the state its object phrase names, by name or adjective
        ("rejected plans for a Turkish pipeline", "condemned the building of new Israeli
        settlements", "suspended the aid programme for Chad"): the one nearest the object's
        head (coordinated names count alike, another state before the doer's own), which may be
        the doer's own state ("rejected talks among Kenyan parties": a domestic act), but its
        own possessive pronoun only when no other state is named ("agreed to open its border
        with X")."""
        if (cand.targets or cand.pairwise or not cand.sources or cand.nominal
                or cand.root not in self._OBJECT_TARGET_ROOTS):
            return
        own = {m.actor.country for m in cand.sources}
        if len(own) != 1:
            return  # doers of several states: the object may name any of them
        best: tuple | None = None
        # "mobilised reservists for a possible war against X": the purpose phrase too
        purposes = [p for p in self.prep_objects(cand.trigger, "for") if p.pos_ == "NOUN"
                    and any(c.dep_ == "prep" and c.lower_ in ("against", "on", "with") for c in p.children)]
        # the act as done, before an announced one became a threat ("plans to deploy")
        material = cand.root not in self._VERBAL_ROOTS or cand.modality_cue == "threat"
        objects = self.slot_objects(cand.trigger)
        if not objects:
            # "agreed to an extension of the mandate of the force in X": the object of a
            # prepositional verb
            objects = self.prep_objects(cand.trigger, cand.pattern.prep or "to")
        if cand.complement_of:
            # "agreed to lift restrictions on sales to X": the object of the coded complement,
            # and what its verb is done to or for ("agreed to lift the embargo on sales to X")
            clauses = [a for a in cand.trigger.children if a.dep_ in ("xcomp", "ccomp") and a.pos_ == "VERB"]
            objects += [o for a in clauses for o in self.slot_objects(a)]
            objects += [p for a in clauses for w in ("to", "on", "against", "for", "with") for p in self.prep_objects(a, w)
                        if p.ent_type_ not in ("DATE", "TIME")]
        for obj in objects + purposes:
            for t in obj.subtree:
                states = [m for m in self.index.at(t) if m.actor.kind == "state" and m.actor.country]
                if not states:
                    continue
                if material and self._maker_of_equipment(t):
                    continue  # "deployed an American missile system": the maker, not a target
                if self._slipped_main_verb_object(t, obj):
                    continue
                depth, node = 0, t
                while node.i != obj.i and node.head.i != node.i:
                    depth += node.dep_ != "conj"
                    node = node.head
                # (the doer's own possessive pronoun only when no other state is named: "agreed
                # to open its border with X")
                mine = states[0].actor.country in own
                key = (mine and t.pos_ == "PRON", depth, mine, t.i)
                if best is None or key < best[0]:
                    best = (key, states[0])
        if best is not None:
            m = best[1]
            cand.targets = [replace(m, confidence=m.confidence * 0.8)]
            cand.confidence -= 0.05

    @staticmethod
    def _slipped_main_verb_object(tok, obj) -> bool:
        """ "X's decision to deploy missiles angered Y" parsed with "angered" as a modifier of
        "missiles" and the noun "decision" as root: a past-tense verb hung inside the object
        phrase of a sentence without a main verb, with an object of its own, is that main verb,
        and its object is not the object phrase's state."""
        node = first_conjunct(tok)
        verb = node.head
        if node.dep_ not in ("dobj", "obj") or verb.i == obj.i:
            return False
        # only where the sentence was left without a main verb (its root a noun)
        return (verb.dep_ in ("acl", "amod") and verb.tag_ == "VBD" and tok.sent.root.pos_ in ("NOUN", "PROPN")
                and any(a.i == obj.i for a in verb.ancestors))

    def _maker_of_equipment(self, tok) -> bool:
        """Whether ``tok`` is a nationality word (or a state's name) qualifying a piece of
        equipment ("an American missile-defence system", "Russian-made jets", "US fighters"):
        the equipment's maker or origin, which deploying, buying or moving it is not directed
        at."""
        if tok.dep_ not in ("amod", "compound", "nmod", "npadvmod"):
            return False
        head = tok.head
        while head.dep_ in ("amod", "compound") and head.head.i != head.i and head.pos_ != "NOUN":
            head = head.head  # "Russian-made" -> "jets"
        return head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() in self._equipment

    @property
    def _equipment(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.db.roles.get("equipment_nouns", []))

    #: CAMEO roots of acts done to a place's people or state even when nobody is named as
    #: their recipient: aid, concessions, protest, force posture, reduced relations, coercion
    #: (curfews, states of emergency, martial law, bans, blockades, crackdowns), assault, fight.
    _LOCATED_ROOTS = frozenset({"07", "08", "14", "15", "16", "17", "18", "19", "20"})

    def _located_target(self, cand: Candidate) -> None:
        """An act with no named recipient but a place ("imposed a curfew in X", "lifted the
        state of emergency in Y", "threatened to declare martial law in Z") is directed at the
        state where it happens (CAMEO/PLOVER practice): the place's country is the target, with
        a lowered confidence. A threat looks in its complement clause for the place."""
        if cand.targets or cand.pairwise or not cand.sources:
            return
        root = cand.root
        threat = root == "13" and cand.complement_of is not None
        if root not in self._LOCATED_ROOTS and not threat:
            return
        heads = list(cand.anchors[1:])
        if threat:
            heads += [c for c in cand.trigger.children if c.dep_ in ("xcomp", "ccomp", "advcl")]
            heads += [c for h in list(heads) for c in h.children if c.dep_ in ("xcomp", "ccomp")]
        places = self.location_actors(cand.trigger, cand.code, tuple(heads), any_root=True)
        if not places:
            places = self._own_place_in_object(cand)
        if not places and not cand.nominal:
            # "killed 23 people when they blew themselves up in X", "opened fire to disperse
            # demonstrators in X, killing ...": the place of a clause of the same act
            # (when/while/as, purpose, participle; not "after" or "before")
            places = self.location_actors(cand.trigger, cand.code, tuple(self._same_act_clauses(cand.trigger)),
                                          any_root=True)
        if not places and root in ("17", "18", "19", "20") and cand.sources and all(
                m.actor.sector == "COP" for m in cand.sources):
            # police act at home: "police opened fire on demonstrators" -> the police's state
            police = cand.sources[0]
            state = self._state(police.actor.country) if police.actor.country else None
            if state is not None:
                cand.targets = [replace(police, actor=state, confidence=min(police.confidence, 0.4))]
                cand.confidence -= 0.15
            return
        countries = {m.actor.country for m in places if m.actor.country}
        if len(countries) != 1:
            return
        state = self._state(countries.pop())
        if state is None:
            return
        place = places[0]
        target = ActorMention(place.start, place.end, place.text, state, min(place.confidence, 0.5),
                              "location", None)
        if any(m.actor.actor_id == state.actor_id and m.method == "location" for m in cand.sources):
            # "a journalist was killed in a bomb blast in X": the doer is coded by the place
            # too; the victims are the place's people
            target = self._sector_of(target, "CVL")
        cand.targets = [target]
        cand.confidence -= 0.1

    # -- targets by general rules (round 4) -------------------------------------------------
    def _distant_agent(self, cand: Candidate) -> None:
        """ "X has been accused of misusing funds, much of it believed to have been embezzled, by
        Y's officials": a passive verb without a "by" agent of its own takes the ", by <actor>"
        phrase that closes its sentence after a clause inserted between commas (the parser
        hangs it on the inserted clause's verb)."""
        tok = cand.trigger
        if (cand.sources or cand.nominal or not self.is_passive(tok)
                or any(c.dep_ == "agent" for c in tok.children)):
            return
        sent = tok.sent
        for agent in (a for a in sent if a.i > tok.i and a.dep_ == "agent"):
            head = agent.head
            before = self.doc[agent.i - 1]
            end = agent.right_edge.i + 1
            closing = end >= sent.end or self.doc[end].is_punct and self.doc[end].text not in (",", "(")
            inserted = any(t.text == "," for t in self.doc[tok.i + 1:head.i])
            if (before.text != "," or not closing or not inserted or head.i <= tok.i
                    or head.pos_ not in ("VERB", "AUX") or tok in head.ancestors):
                continue
            pobjs = [p for p in agent.children if p.dep_ == "pobj"]
            found = [m for p in pobjs for m in self.conj_actors(p)]
            if found:
                cand.sources = _dedupe(found)
                cand.source_token = pobjs[0]
                cand.confidence -= 0.15
                return

    #: Objects of a target slot that refer back to the reporting speaker ("X said shells were
    #: launched at it").
    _SPEAKER_OBJECTS = frozenset({"it", "us"})

    def _origin_doer(self, cand: Candidate) -> None:
        """ "A rocket was fired at X from Y", "shells were fired into X from Z's territory": a
        passive act of force with no "by" agent is done by the state (or group) its "from"
        phrase names as the place it came from (on the verb or on its passive subject: "a
        rocket from Y was fired at X"), unless the pattern takes "from" for its target ("seized
        from X"). A target slot holding "it" inside reported speech ("X said a shell was fired
        at it from Y") is the speaker."""
        tok = cand.trigger
        if (cand.sources or cand.nominal or cand.root not in ("19", "20") or not self.is_passive(tok)
                or "from" in cand.pattern.target or any(c.dep_ == "agent" for c in tok.children)):
            return
        subj = self.passive_target_token(tok)
        heads = [tok, *([subj] if subj is not None and subj.i != tok.i else [])]
        # "fired at Chadian villages from Y": the parser hangs the origin on a place aimed at
        places = self._roles_words("place_nouns")
        heads += [p for slot in cand.pattern.target for p in self.prep_objects(tok, slot)
                  if p.lemma_.lower() in places]
        doers, origin, _ = self._origin_actors(heads, places=True)
        if not doers:
            return
        doers = _dedupe(doers)
        ids = {m.actor.actor_id for m in doers}
        targets = [t for t in cand.targets if t.actor.actor_id not in ids]
        if not targets:
            speech, speaker = self.speaker_of(tok)
            pronoun = any(p.lower_ in self._SPEAKER_OBJECTS and p.pos_ == "PRON"
                          for slot in cand.pattern.target for h in heads for p in self.prep_objects(h, slot))
            if speech is not None and speaker is not None and speaker.pos_ != "PRON" and pronoun:
                targets = [m for m in self.conj_actors(speaker) if m.actor.actor_id not in ids]
        cand.sources = doers
        cand.source_token = origin
        cand.targets = targets
        cand.confidence -= 0.15

    def _origin_actors(self, heads: list, *, places: bool) -> tuple[list[ActorMention], object, object]:
        """The states or groups named by the first "from" phrase of ``heads`` that names any
        ("fired from Sudan", "launched from rebel-held Idlib"), with that phrase's object and
        its head; with ``places``, a place with no actor stands for its state. People, dates
        and pronouns are no origin."""
        for head in heads:
            for p in self.prep_objects(head, "from"):
                if p.ent_type_ in ("DATE", "TIME") or p.pos_ == "PRON":
                    continue
                found = [m for m in self.conj_actors(p) if m.actor.kind != "person"]
                if not found and places and p.ent_type_ in _LOCATION_ENTS:
                    state = self._place_state(p.text)
                    if state is not None:
                        found = [ActorMention(p.idx, p.idx + len(p.text), p.text, state, 0.5, "location", None)]
                if found:
                    return found, p, head
        return [], None, None

    #: Verbs hedging who did an act ("a missile believed to have been fired by X").
    _HEDGING_VERBS = frozenset({"believe", "think", "suspect", "say", "report", "allege", "presume", "assume",
                                "understand", "claim"})

    def _weapon_agent_doer(self, cand: Candidate) -> None:
        """ "The airliner was shot down by a missile believed to have been fired by X", "soldiers
        were killed by a bomb thought to have been planted by Y", "a jet was hit by a missile
        fired from Z": a passive act of force whose "by" agent names a thing, not an actor, is
        done by the agent of a verb inside that phrase (a participle, or the infinitive of a
        hedging verb), else by the place its "from" phrase names; hedged ("believed", "thought")
        with a lower confidence."""
        tok = cand.trigger
        if cand.sources or cand.nominal or cand.root not in ("18", "19", "20") or not self.is_passive(tok):
            return
        agents = [p for a in tok.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        if not agents or any(self.conj_actors(p) for p in agents):
            return
        for phrase in agents:
            verbs = [t for t in phrase.subtree if t.pos_ in ("VERB", "AUX") and t.i != tok.i]
            hedged = any(v.lemma_.lower() in self._HEDGING_VERBS for v in verbs)
            found: list[ActorMention] = []
            origin = None
            used = None
            for v in verbs:
                for p in self.prep_objects(v, "by"):
                    found = self.conj_actors(p)
                    if found:
                        origin, used = p, v
                        break
                if found:
                    break
            if not found:
                found, origin, used = self._origin_actors([v for v in verbs if self.is_passive(v)],
                                                          places=False)
            if not found:
                continue
            found = _dedupe(found)
            ids = {m.actor.actor_id for m in found}
            cand.sources = found
            cand.source_token = origin
            cand.targets = [t for t in cand.targets if t.actor.actor_id not in ids]
            cand.confidence -= 0.25 if hedged else 0.1
            if used is not None:
                self._weapon_verbs_used.add(used.i)
            return

    def _victim_accusation(self, cand: Candidate, kept: list[Candidate]) -> Candidate | None:
        """ "X said shells were launched at it from Y", "X said its soldiers were killed by
        shells fired from Y's territory": a state reporting an act of force done to it by
        another is accusing that other of aggression (CAMEO 1123, pattern id
        ``victim-accusation``): the speaker's act, at the verb of saying, aimed at the act's
        doers. None when the verb of saying is already coded (an accusation, a denial ...), or
        when the speaker is not among the act's targets."""
        if cand.nominal or cand.root not in ("18", "19", "20") or cand.modality != "asserted" or not cand.sources:
            return None
        verb, speaker = self.speaker_of(cand.trigger)
        if (verb is None or speaker is None or speaker.pos_ == "PRON" or verb.i == cand.trigger.i
                or verb.lemma_.lower() not in self.lex.speech_verbs
                or any(c.trigger.i == verb.i for c in kept)):
            return None
        speakers = [m for m in self.conj_actors(speaker) if m.actor.kind != "person" or m.actor.country]
        victims = {m.actor.country for m in cand.targets if m.actor.country}
        doers = {m.actor.country for m in cand.sources if m.actor.country}
        if not speakers or not victims or not all(m.actor.country in victims - doers for m in speakers):
            return None
        pattern = Pattern(id="victim-accusation", kind="verb", lemmas=frozenset({verb.lemma_.lower()}),
                          code="1123", line=0, speech=True)
        acc = Candidate(trigger=verb, pattern=pattern, code="1123", sources=speakers, targets=list(cand.sources),
                        anchors=[verb], location=self.location([verb]))
        acc.confidence = min(cand.confidence, 0.6)
        acc.source_token = speaker
        acc.speaker = speaker
        return acc

    def _located_authorities(self, cand: Candidate) -> None:
        """ "A missionary was arrested in X", "two journalists were expelled from Y": coercion
        reported in the passive with no "by" agent is done by the authorities of the state where
        it happens (or that the people are expelled from)."""
        tok = cand.trigger
        if (cand.sources or cand.nominal or cand.root != "17" or not self.is_passive(tok)
                or any(c.dep_ == "agent" for c in tok.children)):
            return
        # people arrested ("a missionary was arrested"), not a gathering "held in X"
        subj = next((c for c in tok.children if c.dep_ in _PASS_SUBJ), None)
        if subj is None or self.is_event_noun(subj) or subj.lemma_.lower() in self.lex.venue_nouns:
            return
        places = self.location_actors(tok, cand.code, any_root=True)
        if not places and cand.code.startswith("174"):  # expelled from X
            places = [m for p in self.prep_objects(tok, "from") for m in self.conj_actors(p)
                      if m.actor.kind == "state" or m.method == "location"]
        countries = {m.actor.country for m in places if m.actor.country}
        state = self._state(countries.pop()) if len(countries) == 1 else None
        if state is None:
            return
        place = places[0]
        cand.sources = [ActorMention(place.start, place.end, place.text, state, min(place.confidence, 0.4),
                                     "location", None)]
        # the state is the doer here, not the place of a target
        cand.targets = [t for t in cand.targets if t.actor.actor_id != state.actor_id]
        cand.confidence -= 0.15

    def _stranded_preposition_target(self, cand: Candidate) -> None:
        """ "established ties with and opened an embassy in X": a slot preposition left without
        its object right before a coordinating conjunction shares the last object of the
        conjoined phrase (right-node raising)."""
        if cand.targets or cand.pairwise or not cand.sources or cand.nominal:
            return
        tok = cand.trigger
        own = {m.actor.actor_id for m in cand.sources}
        for head in (tok, *self.slot_objects(tok)):
            for prep in head.children:
                if (prep.dep_ != "prep" or prep.lower_ not in cand.pattern.target
                        or any(p.dep_ in ("pobj", "pcomp") for p in prep.children)
                        or prep.i + 1 >= len(self.doc) or self.doc[prep.i + 1].dep_ != "cc"):
                    continue
                conj = next((c for c in tok.children if c.dep_ == "conj" and c.i > prep.i), None)
                if conj is None:
                    continue
                # the last noun phrase of the conjoined phrase is the shared object
                last = max((p for t in conj.subtree for p in t.children if p.dep_ == "pobj"),
                           key=lambda p: p.i, default=None)
                if last is None:
                    continue
                found = [m for m in self.conj_actors(last) if m.actor.actor_id not in own]
                if found and last.ent_type_ in _LOCATION_ENTS:
                    found = [replace(m, actor=self._state(m.actor.country)) if m.actor.kind != "state"
                             and m.actor.country and self._state(m.actor.country) is not None else m
                             for m in found]
                if found:
                    cand.targets = _dedupe(found)
                    cand.confidence -= 0.05
                    return

    #: Prepositions naming what a complaint or accusation is about ("complained to X over Y's raids").
    _GRIEVANCE_PREPS = ("over", "about", "of")

    def _accused_target(self, cand: Candidate) -> None:
        """ "complained to the UN over Israeli air raids", "protested to X about Y's shelling": a
        complaint made to someone about another's act is directed at the one who did the act
        (named by the act noun's nationality adjective, possessor or "by" phrase); the one
        complained to is only its audience."""
        if cand.root != "11" or cand.pairwise or not cand.sources or cand.nominal:
            return
        tok = cand.trigger
        if cand.targets and not all(self._in_prep_phrase(t, tok, "to") for t in cand.targets):
            return  # a target of its own ("accused X over ..."), not only an audience
        own = {m.actor.country for m in cand.sources if m.actor.country}
        audience = {m.actor.actor_id for m in cand.targets}
        for word in self._GRIEVANCE_PREPS:
            for act in self.prep_objects(tok, word):
                if self.match_noun(act) is None and not self._attack_noun(act):
                    continue
                doers = [m for c in act.children
                         if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < act.i
                         for t in c.subtree for m in self.index.at(t)]
                doers += [m for p in self.prep_objects(act, "by") for m in self.conj_actors(p)]
                doers = [m for m in _dedupe(doers) if m.actor.actor_id not in audience
                         and (not m.actor.country or m.actor.country not in own)]
                if doers:
                    cand.targets = doers
                    cand.confidence -= 0.05
                    return

    def _in_prep_phrase(self, mention: ActorMention, head, word: str) -> bool:
        """Whether ``mention`` lies inside a "<word> ..." phrase of ``head``."""
        for p in self.prep_objects(head, word):
            if p.left_edge.idx <= mention.start < p.right_edge.idx + len(p.right_edge.text):
                return True
        return False

    def _despite_target(self, cand: Candidate) -> None:
        """ "declined to resign despite growing pressure by X", "refused in spite of calls from
        Y": a refusal made despite pressure, demands or appeals is directed at whoever made them
        (``roles.yaml`` pressure_nouns)."""
        if cand.root != "12" or cand.targets or cand.pairwise or not cand.sources:
            return
        tok = cand.trigger
        own = {m.actor.actor_id for m in cand.sources}
        heads = [tok, *[c for c in tok.children if c.dep_ in ("xcomp", "ccomp")]]
        nouns = self._roles_words("pressure_nouns")
        for head in heads:
            for prep in head.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("despite", "notwithstanding", "in"):
                    continue
                objs = [p for p in prep.children if p.dep_ == "pobj"]
                if prep.lower_ == "in":  # "in spite of X"
                    objs = [q for p in objs if p.lower_ == "spite" for q in self.prep_objects(p, "of")]
                for noun in objs:
                    if noun.lemma_.lower() not in nouns:
                        continue
                    found = [m for w in ("by", "from", "of") for p in self.prep_objects(noun, w)
                             for m in self.conj_actors(p) if m.actor.actor_id not in own]
                    found += [m for c in noun.children if c.dep_ == "poss" for m in self.np_actors(c)
                              if m.actor.actor_id not in own]
                    if found:
                        cand.targets = _dedupe(found)
                        cand.confidence -= 0.05
                        return

    def _sympathy_target(self, cand: Candidate) -> None:
        """ "expressed sorrow for the shootings in X", "mourned the victims of the floods in Y":
        sympathy with no one named is directed at the people of the place where what it is about
        happened (the place's civilians)."""
        if not cand.code.startswith("018") or cand.targets or cand.pairwise or not cand.sources:
            return
        own = {m.actor.actor_id for m in cand.sources}
        heads = list(cand.anchors) + [o for a in cand.anchors for o in self.objects(a)]
        for head in heads:
            for word in ("for", "over", "about", "at", "after", "with"):
                for p in (q for o in self.prep_objects(head, word) for q in (o, *self.prep_objects(o, "of"))):
                    # "for the victims of the floods in X": the place of the "of" phrase too
                    places = [m for m in self.location_actors(p, "", any_root=True) if m.actor.country]
                    countries = {m.actor.country for m in places}
                    state = self._state(countries.pop()) if len(countries) == 1 else None
                    if state is None or state.actor_id in own:
                        continue
                    place = places[0]
                    target = ActorMention(place.start, place.end, place.text, state,
                                          min(place.confidence, 0.5), "location", None)
                    cand.targets = [self._sector_of(target, "CVL")]
                    cand.confidence -= 0.1
                    return

    def _founded_at_target(self, cand: Candidate) -> None:
        """ "agreed to set up a research centre in Tokyo", "decided to open an office in Y": an
        agreement or intent whose complement has no pattern of its own but is done at a place
        abroad is directed at the state of that place."""
        if cand.root != "03" or cand.targets or cand.pairwise or not cand.sources or cand.nominal:
            return
        own = {m.actor.country for m in cand.sources if m.actor.country}
        for c in cand.trigger.children:
            if (c.dep_ != "xcomp" or c.pos_ not in ("VERB", "AUX") or self.match_verb(c) is not None
                    or not any(a.tag_ == "TO" for a in c.children)):
                continue
            found = self.location_actors(c, "", any_root=True)
            countries = {m.actor.country for m in found if m.actor.country}
            if len(countries) != 1 or countries & own:
                continue
            state = self._state(countries.pop())
            if state is not None:
                place = found[0]
                cand.targets = [ActorMention(place.start, place.end, place.text, state,
                                             min(place.confidence, 0.5), "location", None)]
                cand.confidence -= 0.1
                return

    #: CAMEO roots of acts of a state's authorities on groups at home: concessions, demands,
    #: rejections, threats and coercion ("accepted demands from the rebels", "banned the party").
    _HOME_GROUP_ROOTS = frozenset({"08", "10", "12", "13", "17"})
    #: Sectors of a state's civil authorities (not its armed forces, which also act abroad).
    _AUTHORITY_SECTORS = frozenset({"GOV", "COP", "JUD", "LEG"})
    #: Sectors of the `groups` nouns that name people of no state of their own when bare.
    _HOME_GROUP_SECTORS = frozenset({"REB", "INS", "OPP", "RAD", "LAB", "EDU", "AGR", "CRM"})

    def _home_target(self, cand: Candidate) -> None:
        """Acts with no named recipient and no known place that are directed at the doer's own
        state: imposing, lifting or threatening a measure taken only at home ("imposed martial
        law", "lifted the state of emergency in <a place unknown to the actor data>":
        ``roles.yaml`` domestic_measures), and an act of a state's civil authorities on a group
        with no state named for it ("accepted demands from the rebels", "warned that police
        would not tolerate rallies by the X group"): that state's group (its sector), or the
        state."""
        if cand.targets or cand.pairwise or not cand.sources:
            return
        own = {m.actor.country for m in cand.sources}
        if len(own) != 1 or None in own:
            return
        country = next(iter(own))
        state = self._state(country)
        if state is None:
            return
        tok = cand.trigger
        heads = [*self.slot_objects(tok), *[p for c in tok.children if c.dep_ == "prep"
                                           for p in c.children if p.dep_ == "pobj"]]
        clauses = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp")]
        clauses += [c for cl in list(clauses) for c in cl.children if c.dep_ in ("xcomp", "ccomp")]
        heads += [o for cl in clauses for o in cl.children if o.dep_ in ("dobj", "obj", "nsubjpass", "prep")]
        words = sorted({t.i: t for h in heads for t in h.subtree}.values(), key=lambda t: t.i)
        if cand.root in ("08", "13", "17"):
            text = " " + " ".join(t.lower_ for t in words) + " "
            for measure in self._roles_words("domestic_measures"):
                if f" {measure} " in text or f" {measure}s " in text:
                    cand.targets = [ActorMention(tok.idx, tok.idx + len(tok.text), tok.text, state, 0.4,
                                                 "default", None)]
                    cand.confidence -= 0.15
                    return
        if cand.root not in self._HOME_GROUP_ROOTS or not all(
                m.actor.sector in self._AUTHORITY_SECTORS for m in cand.sources):
            return
        groups = self.db.roles.get("groups", {})
        sector_of = {str(w).lower(): s for s, ws in groups.items() if s in self._HOME_GROUP_SECTORS for w in ws}
        heads_named = self._roles_words("group_heads")
        for t in words:
            if t.pos_ not in ("NOUN", "PROPN") or self.index.at(t):
                continue
            mods = [c for c in t.children if c.dep_ in ("amod", "compound", "nmod", "poss", "appos")]
            if any(self.index.at(x) for c in mods for x in c.subtree):
                continue  # a group of another named state or body
            sector = sector_of.get(t.lower_) or sector_of.get(t.lemma_.lower())
            # "the Umma party", "the Kifaya (Enough) group": a capitalised name on a group noun
            named = t.lemma_.lower() in heads_named and any(
                c.pos_ == "PROPN" or c.text[:1].isupper() for c in mods)
            if sector is None and not named:
                continue
            actor = state
            if sector is not None:
                try:
                    actor = self.db.sector_actor(country, sector)
                except (KeyError, ValueError, LookupError):
                    actor = state
            cand.targets = [ActorMention(t.idx, t.idx + len(t.text), t.text, actor, 0.4, "default", None)]
            cand.confidence -= 0.15
            return

    #: Nouns of talks whose other party a concession made "after" them is directed at.
    _TALKS = frozenset({"talk", "negotiation", "deliberation", "consultation", "meeting", "discussion",
                        "dialogue", "mediation"})

    def _after_talks_target(self, cand: Candidate) -> None:
        """ "called off the strike after talks with the government", "freed the hostages
        following negotiations with X": a cooperative act or concession made after talks with
        someone is directed at them."""
        if cand.targets or cand.pairwise or not cand.sources or cand.root not in (
                "03", "05", "06", "07", "08"):
            return
        own = {m.actor.actor_id for m in cand.sources}
        for prep in cand.trigger.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("after", "following"):
                continue
            for talk in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in self._TALKS):
                found = [m for p in self.prep_objects(talk, "with") for m in self.conj_actors(p)
                         if m.actor.actor_id not in own]
                if found:
                    cand.targets = [replace(m, confidence=m.confidence * 0.8) for m in found]
                    return

    @staticmethod
    def _same_act_clauses(verb) -> list:
        """Adverbial clauses describing the same act as ``verb``: "when/while/as" clauses,
        purpose to-infinitives and participles ("..., killing two")."""
        out = []
        for c in verb.children:
            if c.dep_ != "advcl" or c.pos_ != "VERB":
                continue
            marks = {m.lower_ for m in c.children if m.dep_ in ("mark", "advmod") and m.i < c.i}
            purpose = any(m.dep_ == "aux" and m.lower_ == "to" for m in c.children)
            if marks & {"when", "while", "as"} or purpose or (not marks and c.tag_ == "VBG"):
                out.append(c)
        return out

    def _own_place_in_object(self, cand: Candidate) -> list[ActorMention]:
        """ "blew up power lines leading into X", "broke up the rally staged by students at a
        university in Y": a place of the doer's own state named anywhere in the object phrase
        places a domestic act there (only the doer's own state: a foreign place in the object
        may be a mere origin or topic)."""
        own = {m.actor.country for m in cand.sources if m.actor.country}
        if len(own) != 1:
            return []
        objs = [] if cand.nominal else self.slot_objects(cand.trigger)
        if cand.nominal and cand.root in ("17", "18", "19", "20"):
            # "launched attacks during its campaign for a state in northern X": force used at
            # home is placed by the phrases of its event noun and of the verb carrying it (not
            # its doer's "by" phrase)
            objs = [p for a in cand.anchors for c in a.children
                    if c.dep_ == "prep" and c.lower_ not in ("by", "of") for p in c.children if p.dep_ == "pobj"]
        for obj in objs:
            for t in obj.subtree:
                if t.ent_type_ not in _LOCATION_ENTS or t.ent_iob_ != "B":
                    continue
                ent = self.entity_at(t)
                if ent is None:
                    continue
                actor = self._lookup(ent.text)
                if actor is not None and actor.country in own:
                    return [ActorMention(ent.start_char, ent.end_char, ent.text, actor, 0.5, "location", None)]
        return []

    #: Participles of taking something from its owner ("weapons seized from X").
    _TAKEN = frozenset({"seize", "take", "capture", "confiscate", "steal", "loot", "grab", "impound"})

    def _taken_from_target(self, cand: Candidate) -> None:
        """ "will return the weapons seized last year from UN peacekeepers", "handed back the
        property taken from X": what is given back or handed over goes to the one it was taken
        from (the object's participle "seized/taken from X")."""
        if cand.targets or cand.pairwise or not cand.sources or cand.nominal:
            return
        own = {m.actor.actor_id for m in cand.sources}
        for obj in self.objects(cand.trigger):
            for acl in (c for c in obj.children if c.dep_ == "acl" and c.tag_ == "VBN"
                        and set(verb_lemmas(c)) & self._TAKEN):
                found = [m for p in self.prep_objects(acl, "from") for m in self.conj_actors(p)
                         if m.actor.actor_id not in own]
                if found:
                    cand.targets = _dedupe(found)
                    cand.confidence -= 0.05
                    return

    #: Codes of taking or holding a place by force: seize, occupy, capture, annex.
    _TAKING = ("1711", "192", "193", "1712")

    def _seized_place_target(self, cand: Candidate) -> None:
        """ "the islands off the coast of Hokkaido, which the Soviet Union seized", "captured a
        village near the Syrian border": a place taken by force, named by what it lies off or
        near, was taken from the state of that place (when it is not the doer's own)."""
        if cand.targets or cand.pairwise or not cand.sources or cand.nominal \
                or not cand.code.startswith(self._TAKING):
            return
        own = {m.actor.country for m in cand.sources}
        for obj in self.objects(cand.trigger):
            if obj.lower_ in ("them", "it") and obj.pos_ == "PRON":
                # "reclaim the islands off X from Y, whose forces captured them": the place
                # named last before the pronoun's clause
                obj = self._place_antecedent(obj, cand.trigger)
                if obj is None:
                    continue
            if obj.ent_type_ in _LOCATION_ENTS and not self.index.at(obj):
                places = [obj]  # "Hokkaido, which X seized", "X seized Crimea": the place itself
            elif obj.lemma_.lower() in self.lex.landmark_nouns or obj.lemma_.lower() in self._roles_words("place_nouns"):
                clause = {t.i for c in obj.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
                # a place the object lies off, in or on ("islands off the coast of X"), not one
                # it is only near ("a village near the X border")
                places = [t for t in obj.subtree if t.i not in clause and t.i != obj.i
                          and t.ent_type_ in _LOCATION_ENTS
                          and all(a.lower_ in ("off", "of", "in", "on") for a in t.ancestors
                                  if a.dep_ == "prep" and obj in a.ancestors)]
                # "reclaim islands off the coast of X": an "off" phrase right after the object
                # that the parser hung on the verb
                places += [t for p in obj.head.children if p.dep_ == "prep" and p.lower_ == "off"
                           and p.i == obj.right_edge.i + 1 for t in p.subtree
                           if t.ent_type_ in _LOCATION_ENTS and all(
                               a.lower_ in ("off", "of") for a in t.ancestors if a.dep_ == "prep" and p in a.ancestors)]
            else:
                continue
            for t in places:
                country = self._place_country(t)
                state = self._state(country) if country and country not in own else None
                if state is not None:
                    ent = self.entity_at(t)
                    start, end = (ent.start_char, ent.end_char) if ent is not None else (t.idx, t.idx + len(t.text))
                    cand.targets = [ActorMention(start, end, self.doc.text[start:end], state, 0.5, "location", None)]
                    cand.confidence -= 0.1
                    return

    def _place_antecedent(self, pron, verb):
        """The place an object pronoun of ``verb`` stands for: the nearest place noun (or named
        place) in the same sentence before the clause of ``verb``, of the number of the pronoun."""
        start = min(t.i for t in verb.subtree)
        places = self._roles_words("place_nouns") | set(self.lex.landmark_nouns)
        plural = pron.lower_ == "them"
        for t in reversed(self.doc[pron.sent.start:start]):
            if t.pos_ not in ("NOUN", "PROPN") or t.dep_ in ("compound", "amod"):
                continue
            if (t.tag_ in ("NNS", "NNPS")) != plural:
                continue
            if t.lemma_.lower() in places or (t.ent_type_ in _LOCATION_ENTS and not self.index.at(t)):
                return t
        return None

    def _disputed_place_target(self, cand: Candidate) -> None:
        """A material act of the state administering a disputed place, done on or to that place
        ("the Russian occupation of the Northern Territories", "Russia deployed missiles on
        Kunashir", "reinforcements to the defences on Kunashir"), is directed at the state that
        claims it (``claimed_by`` in the places data); a visit there by the holder's officials
        ("Medvedev visited the Kurils", "took a trip to Kunashir") at the other party of the
        dispute over it or named after it (its claimant, else ``disputed_with``: the Kurils as
        a chain). The place's own state is the doer and would otherwise leave the act without
        a target."""
        visit = cand.code.startswith("042")
        if cand.pairwise or not cand.sources or (cand.root not in self._LOCATED_ROOTS and not visit):
            return
        doers = {m.actor.country for m in cand.sources}
        if len(doers) != 1 or None in doers:
            return
        if cand.targets and any(t.actor.country not in doers for t in cand.targets):
            return
        places = []
        for head in cand.anchors:
            places += [p for prep in head.children if prep.dep_ == "prep"
                       and prep.lower_ in ("of", "on", "in", "to", "over", "onto") for p in prep.children
                       if p.dep_ == "pobj"]
            if visit and not cand.nominal:
                places += self.objects(head)  # "visited the Kurils"
        # "to the defences on the Kurils": the place of what the act is done to
        places += [q for p in list(places) for w in ("on", "in") for q in self.prep_objects(p, w)]
        for p in places:
            ent = self.entity_at(p)
            text = ent.text if ent is not None else " ".join(
                t.text for t in p.subtree if t.dep_ != "det")
            if self._place_country(p) not in doers:
                continue
            # a material act on the place answers only a claim to it (the Kurils as a chain
            # are not all claimed); a visit there by the holder's officials is a statement on
            # the dispute named after it
            other = dispute_party(text, self.db) if visit else place_claimant(text, self.db)
            state = self._state(other) if other and other not in doers else None
            if state is None:
                continue
            start = ent.start_char if ent is not None else p.idx
            end = ent.end_char if ent is not None else p.idx + len(p.text)
            cand.targets = [ActorMention(start, end, text, state, 0.5, "location", None)]
            return

    def _own_forces_target(self, cand: Candidate) -> None:
        """ "ordered reinforcements to the Russian defenses": a show of force whose only target
        is the doer's own state, named as the owner of armed forces or defences (``roles.yaml``
        force_nouns), has no target there (a disputed place may still give one)."""
        if cand.root != "15" or not cand.targets or not cand.sources:
            return
        own = {m.actor.country for m in cand.sources if m.actor.country}
        force = self._roles_words("force_nouns")
        for m in cand.targets:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if (m.actor.country not in own or span is None or span.root.dep_ not in ("amod", "compound", "poss")
                    or span.root.head.lemma_.lower() not in force):
                return
        cand.targets = []

    def _dispute_anchors(self, cand: Candidate) -> list:
        """The heads whose prepositions may name what ``cand`` is about: its anchors and, for a
        noun object ("ordered reinforcements ... on the islands"), the verb governing it."""
        heads = list(cand.anchors)
        if cand.nominal and cand.trigger.dep_ in ("dobj", "obj") and cand.trigger.head.pos_ in ("VERB", "AUX"):
            heads.append(cand.trigger.head)
        return heads

    def _dispute_topic_target(self, cand: Candidate) -> None:
        """ "made concessions on the Kuril Islands dispute": an act about a dispute over a place
        (``roles.yaml`` dispute_nouns, the place named in its compounds or its "over"/"about"
        phrase) with no other party named is directed at the other side of that place: the state
        claiming it when the doer's state administers it, else the administering state."""
        if cand.targets or cand.pairwise or not cand.sources:
            return
        doers = {m.actor.country for m in cand.sources}
        if len(doers) != 1 or None in doers:
            return
        disputes = self._roles_words("dispute_nouns")
        for head in self._dispute_anchors(cand):
            for prep in head.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("on", "over", "about", "regarding", "in", "to"):
                    continue
                for noun in (p for p in prep.children if p.dep_ == "pobj" and p.lemma_.lower() in disputes):
                    places = [c for c in noun.children if c.dep_ == "compound"]
                    places += [p for w in ("over", "about", "on", "of") for p in self.prep_objects(noun, w)]
                    for place in places:
                        state = self._other_side(place, doers)
                        if state is not None:
                            cand.targets = [state]
                            cand.confidence -= 0.1
                            return

    def _other_side(self, tok, doers: set) -> ActorMention | None:
        """The state on the other side of the disputed place named at ``tok`` from ``doers``."""
        ent = self.entity_at(tok)
        text = ent.text if ent is not None else " ".join(t.text for t in tok.subtree if t.dep_ not in ("det", "nummod"))
        claimant = dispute_party(text, self.db)
        if claimant is None:
            return None
        holder = self._place_country(tok)
        other = claimant if holder in doers else holder if claimant in doers else None
        state = self._state(other) if other else None
        if state is None:
            return None
        start = ent.start_char if ent is not None else tok.idx
        end = ent.end_char if ent is not None else tok.idx + len(tok.text)
        return ActorMention(start, end, self.doc.text[start:end], state, 0.5, "location", None)

    #: Roots of acts done for someone's sake or toward him that may name him only inside what
    #: they are about: apologies, regret, praise, criticism.
    _WRONG_ROOTS = frozenset({"05", "11"})

    def _wronged_party_target(self, cand: Candidate) -> None:
        """ "apologized for Soviet mistreatment of Japanese prisoners": an apology (or praise,
        criticism) with no recipient named, over an act whose "of" object names others than
        the doer's state, is directed at the state of those others."""
        if cand.targets or cand.pairwise or not cand.sources or cand.root not in self._WRONG_ROOTS:
            return
        own = {m.actor.country for m in cand.sources}
        for act in self.prep_objects(cand.trigger, "for") + self.prep_objects(cand.trigger, "over"):
            if act.pos_ != "NOUN":
                continue
            for p in self.prep_objects(act, "of"):
                found = [m for m in self.conj_actors(p) if m.actor.country and m.actor.country not in own]
                if found:
                    state = self._state(found[0].actor.country) or found[0].actor
                    cand.targets = [replace(found[0], actor=state, confidence=found[0].confidence * 0.8)]
                    cand.confidence -= 0.05
                    return

    def _transfer_recipient_target(self, cand: Candidate) -> None:
        """ "agreed to abide by the pledge to return two islands to X": an agreement, pledge or
        concession with no other party named is directed at the one something is handed to in
        what is agreed (a verb of ``roles.yaml`` transfer_verbs in its complement)."""
        if cand.targets or cand.pairwise or not cand.sources or cand.root not in ("03", "08"):
            return
        own = {m.actor.country for m in cand.sources}
        transfer = self._roles_words("transfer_verbs")
        for t in cand.trigger.subtree:
            if t.i == cand.trigger.i or t.pos_ != "VERB" or not set(verb_lemmas(t)) & transfer:
                continue
            subj = next((c for c in t.children if c.dep_ in _SUBJ), None)
            if subj is not None and not ({m.actor.actor_id for m in self.conj_actors(subj)}
                                         & {m.actor.actor_id for m in cand.sources}):
                continue  # "agreed that X would return ...": a clause of someone else's doing
            found = [m for p in self.prep_objects(t, "to") for m in self.conj_actors(p)
                     if m.actor.country and m.actor.country not in own]
            if found:
                cand.targets = [replace(found[0], confidence=found[0].confidence * 0.8)]
                cand.confidence -= 0.05
                return

    def _speculated_conflict(self, cand: Candidate) -> bool:
        """ "Putin may hope to take ...", "X could invade ...": material conflict (CAMEO 15-20)
        that is only speculated about. Such events are always kept as ``hypothetical`` with a
        low confidence (never asserted, never dropped): speculation inside a conflict clause
        (a "hope"/"think" governor, not only a modal) makes it hypothetical here too. A
        conditional consequent ("if ..., X will attack") was made a threat by :meth:`_threat`."""
        if cand.root not in ("15", "16", "17", "18", "19", "20") or cand.modality == "negated":
            return False
        cues = self.lex.modality.get("speculation_cues", frozenset())
        if cand.modality == "hypothetical":
            return (cand.modality_cue or "") in cues
        tok = cand.anchors[-1]
        for g in governors(tok, stop=self.lex.speech_verbs):
            if g.lemma_.lower() in cues and any(c.dep_ == "aux" and c.lower_ in cues for c in g.children):
                cand.modality, cand.modality_cue = "hypothetical", g.lemma_.lower()
                return True
        return False

    def _itinerary(self, cand: Candidate) -> None:
        """ "He left on Monday for a weeklong tour. He visits A, B and C before ...": a
        present-tense visit/meeting verb after a journey is announced is a stop still to come."""
        tok = cand.trigger
        if (cand.nominal or cand.root != "04" or cand.modality != "asserted"
                or tok.tag_ not in ("VBZ", "VBP")
                or any(c.dep_ in ("aux", "auxpass") for c in tok.children)):
            return
        cues = self.lex.modality.get("itinerary_cues", frozenset())
        if self._sent_starts is None:
            self._sent_starts = [s.start for s in self.doc.sents]
        here = self._sent_starts.index(tok.sent.start) if tok.sent.start in self._sent_starts else 0
        first = self._sent_starts[max(0, here - 3)]
        for t in self.doc[first:tok.sent.end]:
            if t.i != tok.i and (t.lemma_.lower() in cues or t.lower_ in cues):
                cand.modality, cand.modality_cue = "planned", "itinerary"
                return

    @staticmethod
    def _itinerary_steps(cands: list[Candidate]) -> None:
        """ "He visits A before travelling to B": a participle step of an itinerary stop is
        still to come as well."""
        stops = {c.trigger.i for c in cands if c.modality_cue == "itinerary"}
        for c in cands:
            if (stops and c.modality == "asserted" and not c.nominal
                    and c.trigger.tag_ in ("VBG", "VB") and c.root == "04"
                    and any(a.i in stops for a in c.trigger.ancestors)):
                c.modality, c.modality_cue = "planned", "itinerary"

    def _venue_targets(self, cand: Candidate) -> None:
        """ "attended the Eastern Economic Forum hosted by Russia", "attend the Beijing
        Olympics": a gathering as target stands for its host state."""
        if cand.root != "04":
            return
        venues = self.lex.venue_nouns
        out: list[ActorMention] = []
        changed = False
        targets = list(cand.targets)
        if not targets and not cand.pairwise and not cand.nominal:
            hosts = self._venue_hosts(cand.trigger, cand.pattern)
            out += hosts
            changed = bool(hosts)
        for m in targets:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            head = span.root if span is not None else None
            if head is None or not (head.lower_ in venues or head.lemma_.lower() in venues) \
                    or m.actor.kind in ("state", "person"):
                out.append(m)
                continue
            host = self._host_state(head, m)
            if host is None:
                out.append(m)
                continue
            out.append(replace(m, actor=host, confidence=m.confidence * 0.9))
            changed = True
        if changed:
            ids = {s.actor.actor_id for s in cand.sources}
            cand.targets = _dedupe([t for t in out if t.actor.actor_id not in ids])
            cand.confidence -= 0.05

    def _venue_hosts(self, verb, pattern: Pattern) -> list[ActorMention]:
        """The host states of the gatherings that ``verb`` has as its object or as the object
        of its pattern's preposition ("attended the forum", "took part in a summit in X")."""
        venues = self.lex.venue_nouns
        heads = self.objects(verb) + (self.prep_objects(verb, pattern.prep) if pattern.prep else [])
        out: list[ActorMention] = []
        for o in heads:
            if o.lower_ in venues or o.lemma_.lower() in venues:
                host = self._host_state(o, None)
                if host is not None:
                    out.append(ActorMention(o.idx, o.idx + len(o.text), o.text, host, 0.5, "venue", None))
        return out

    def _doers_own_gathering(self, cand: Candidate) -> None:
        """ "The two countries' leaders attended the A-B business forum": doers of two or more
        states meeting at a gathering whose only named parties are their own states meet one
        another (each toward the other, like "A and B met"), never their own state."""
        if cand.root != "04" or cand.pairwise or not cand.targets or cand.nominal:
            return
        venues = self.lex.venue_nouns
        if not cand.code.startswith("042") and not any(
                o.lower_ in venues or o.lemma_.lower() in venues for o in self.objects(cand.trigger)):
            return  # not a gathering attended ("A and B welcomed the A proposal")
        countries = {m.actor.country for m in cand.sources if m.actor.country}
        if len(countries) < 2 or len(cand.sources) < 2:
            return
        if all(t.actor.country in countries for t in cand.targets):
            cand.targets, cand.pairwise = [], True

    def _host_state(self, noun, mention: ActorMention | None):
        """The state hosting the gathering named by ``noun``: "hosted by X", "in <place>", a
        place in its name ("the Beijing Olympics"), else its organiser's country."""
        for found in self._hosted_by(noun):
            if found.actor.country:
                return self._state(found.actor.country)
        holders = [noun, *[c for c in noun.children if c.dep_ in ("acl", "relcl")]]
        for h in holders:
            for word in ("in", "at"):
                for p in self.prep_objects(h, word):
                    country = self._place_country(p)
                    if country:
                        return self._state(country)
        for t in noun.subtree:
            # the NER often tags the whole name as an EVENT ("the Beijing Olympics")
            if t.i < noun.i and t.dep_ in ("compound", "nmod", "amod") and (
                    t.ent_type_ in ("GPE", "LOC") or t.pos_ == "PROPN"):
                country = self._place_country(t)
                if country:
                    return self._state(country)
        if mention is not None and mention.actor.country and mention.actor.kind != "igo":
            return self._state(mention.actor.country)
        return None

    def _place_country(self, tok) -> str | None:
        """Country (ISO3) of the place named at ``tok``: ``detente.actors.place_country``, else the
        actor mentioned there, else a look-up of the place name."""
        ent = self.entity_at(tok)
        text = ent.text if ent is not None and ent.label_ in _LOCATION_ENTS else tok.text
        try:
            found = place_country(text, self.when, self.db)
        except (KeyError, ValueError, LookupError, TypeError):
            found = None
        if found:
            return found
        for m in self.index.at(tok):
            if m.actor.country:
                return m.actor.country
        actor = self._lookup(text)
        return actor.country if actor is not None else None

    def _state(self, iso3: str):
        try:
            return self.db.actor(iso3, self.when)
        except (KeyError, ValueError, LookupError):
            return None

    #: Governors by which a doer takes a decision to act: what it decided stays planned.
    _DECISIONS = frozenset({"decide", "decision", "approve", "resolve", "vote", "choose", "opt", "agree"})

    def _threat(self, cand: Candidate) -> None:
        """ "X plans to impose sanctions", "X will withdraw its force unless ...": announced or
        conditional coercion is a threat (CAMEO 13), reported as asserted."""
        if cand.complement_of or cand.root not in ("15", "16", "17", "18", "19", "20"):
            return
        if cand.modality == "planned" and self._adherence(cand):
            return  # "will support the sanctions on X": adhering to measures, not threatening
        if cand.modality_cue in self._DECISIONS:
            return  # "decided to deploy": the decision is taken, the act planned, not threatened
        marks = self.lex.modality["hypothetical_marks"]
        conditional = cand.modality == "hypothetical" and (cand.modality_cue == "consequent" or (
            # "X may halt mediation if cooperation founders": a conditioned possibility
            not cand.nominal and any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks
                                                               for m in c.children)
                                     for c in cand.trigger.children)))
        if cand.modality == "planned" or conditional:
            cand.code = self.lex.map_complement("threaten", cand.code)
            cand.modality, cand.modality_cue = "asserted", "threat"

    def _planned_cooperation(self, cand: Candidate) -> None:
        """ "Finland will give Tanzania a grant", "X plans to release the prisoners": material
        cooperation, aid or a concession still to come is reported as the intent to do it
        (CAMEO 03x), asserted. (Visits and meetings keep their own code as planned.)"""
        if (cand.modality != "planned" or (cand.nominal and len(cand.anchors) < 2) or cand.complement_of
                or cand.root not in ("06", "07", "08") or cand.code.startswith("083") or not cand.sources):
            return
        if cand.modality_cue not in self.lex.modality["planned_aux"] and cand.modality_cue not in (
                "plan", "intend", "prepare", "set", "schedule", "due", "aim", "arrange", "go", "be"):
            return  # not "decided to allow" (the decision is the act), nor an itinerary stop
        cand.code = self.lex.map_complement("intent", cand.code)
        cand.modality, cand.modality_cue = "asserted", "intent"

    def _troop_movement(self, cand: Candidate) -> None:
        """ "Indian troops arrived in X", "peacekeeping troops went to Y": armed forces (their
        head noun in ``roles.yaml`` troop_nouns) travelling to a place are not making a
        diplomatic visit (042) but deployed there: coded as the pattern file's deployment noun
        ("deployment": 154), or its peacekeeping deployment (074) when the troops are
        peacekeeping ones."""
        tok = cand.source_token
        if not cand.code.startswith("042") or tok is None or tok.pos_ not in ("NOUN", "PROPN"):
            return
        troops = self._roles_words("troop_nouns")
        if tok.lemma_.lower() not in troops:
            # "a first batch of peacekeeping troops": the troops the counted part is "of"
            tok = next((p for p in self.prep_objects(tok, "of") if p.lemma_.lower() in troops), None)
            if tok is None:
                return
        mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
        chosen = None
        for p in self.lex.nouns.get("deployment", ()):
            if p.modifiers and mods & p.modifiers:
                chosen = p
                break
            if not p.modifiers and chosen is None:
                chosen = p
        if chosen is None:
            log.debug("no deployment pattern for troop movement %s", tok)
            return
        cand.code = chosen.code

    def _joint_exercise(self, cand: Candidate) -> None:
        """ "French and Egyptian warships began war games": a military exercise held by two or
        more states together is military cooperation between them (CAMEO 062)."""
        if not cand.code.startswith("15") or not cand.nominal or cand.targets:
            return
        lemma = cand.trigger.lemma_.lower()
        if lemma not in ("exercise", "drill", "maneuver", "manoeuvre", "game"):
            return
        countries = {m.actor.country for m in cand.sources if m.actor.country}
        if len(countries) >= 2:
            cand.code, cand.pairwise = "062", True

    def _announced_intent(self, cand: Candidate, verb, speaker) -> None:
        """ "Israel announced it would free prisoners": a planned cooperative act announced by
        its own doer is an expression of intent (CAMEO 03); so is a conditional one ("X said it
        would meet Y if Y dropped its demands")."""
        conditional = cand.modality == "hypothetical" and cand.modality_cue == "consequent"
        if not (cand.modality == "planned" or conditional) or verb is None or speaker is None \
                or cand.complement_of:
            return
        if self._adherence(cand):
            # "Tokyo announced that it would support the sanctions on Y": announcing its own
            # adherence to measures is adhering (as "announced support for the sanctions")
            if cand.modality == "planned" and self._own_announcement(cand, verb, speaker):
                cand.modality, cand.modality_cue = "asserted", verb.lemma_.lower()
            return
        if cand.root not in ("04", "05", "06", "07", "08") or not cand.sources:
            return
        if self._own_announcement(cand, verb, speaker):
            cand.code = self.lex.map_complement("intent", cand.code)
            cand.modality, cand.modality_cue = "asserted", verb.lemma_.lower()

    def _own_announcement(self, cand: Candidate, verb, speaker) -> bool:
        """Whether ``cand`` is reported by a verb of saying whose speaker is (of the state of)
        its own doer ("Israel announced it would ...")."""
        if verb.lemma_.lower() not in self.lex.speech_verbs or not cand.sources:
            return False
        speakers = {m.actor.country or m.actor.actor_id for m in self.conj_actors(speaker)}
        doers = {m.actor.country or m.actor.actor_id for m in cand.sources}
        return bool(speakers & doers)

    def _adherence(self, cand: Candidate) -> bool:
        """ "would support (join, observe) the sanctions": a verb of adhering to measures
        (``roles.yaml`` adherence_verbs) with a verbal code of its own. Supporting sanctions
        still to come is no threat of them."""
        return (not cand.nominal and cand.root in ("16", "17")
                and bool(set(verb_lemmas(cand.trigger)) & self._roles_words("adherence_verbs")))

    def _occasion_parties(self, cand: Candidate, found: list[Candidate]) -> None:
        """ "Following the talks between X and Y, five agreements were signed", "during X's visit
        to Y, three deals were signed": an act done together (a symmetric pattern) in the passive
        voice with no agent, placed at an occasion coded in the same sentence, is done by the
        occasion's parties, each with the other."""
        verb = cand.trigger
        if (cand.nominal or cand.sources or cand.targets or not cand.pattern.symmetric
                or not self.is_passive(verb) or any(c.dep_ == "agent" for c in verb.children)):
            return
        nouns = {p.i for w in OCCASION_PREPS for p in self.prep_objects(verb, w)}
        for other in found:
            if other.trigger.i not in nouns or not other.sources:
                continue
            parties = _dedupe(other.sources + other.targets)
            if len(parties) < 2:
                continue
            cand.sources, cand.targets, cand.pairwise = parties, [], True
            cand.confidence -= 0.15
            return

    def _opposed_act(self, cand: Candidate) -> None:
        """ "X took a stand in opposition to returning the islands to Y", "X is opposed to
        lifting the sanctions", "X's objection to the return of the islands": an act that
        someone opposes (``roles.yaml`` opposition_words, with "to") is not done. A cooperative
        act (CAMEO roots 03-08) opposed by a named party is that party's rejection of it (the
        ``reject`` complement map), aimed where the act is; any other opposed act is negated."""
        tok = cand.trigger
        prep = tok.head
        if tok.dep_ not in ("pcomp", "pobj") or prep.lower_ != "to" or prep.head.i == prep.i:
            return
        words = self._roles_words("opposition_words")

        def opposing(t) -> bool:
            return t.lemma_.lower() in words or t.lower_ in words

        head = prep.head
        if not opposing(head) and prep.i > 0 and opposing(self.doc[prep.i - 1]):
            head = self.doc[prep.i - 1]  # "in opposition to": the parser hangs "to" on the verb
        if not opposing(head):
            return
        if self.match_verb(head) is not None:
            # "is opposed to lifting ...": the opposing is an event of its own; what it
            # opposes is not done
            cand.modality, cand.modality_cue = "negated", "opposed"
            return
        poss = next((c for c in head.children if c.dep_ == "poss"), None)
        opposer: list[ActorMention] = []
        if poss is not None:
            opposer = self.conj_actors(poss)
        else:
            # the clause the noun or adjective belongs to: "took a stand in opposition to",
            # "is opposed to"
            node = head
            for _ in range(4):
                if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
                    break
                node = node.head
            subj = self.subject_token(node) if node.pos_ in ("VERB", "AUX") else None
            opposer = self.conj_actors(subj) if subj is not None else []
        if opposer and cand.root in _COOPERATIVE_ROOTS:
            self._as_rejection(cand, opposer)
            cand.modality_cue = "opposed"
            return
        cand.modality, cand.modality_cue = "negated", "opposed"

    def _as_rejection(self, cand: Candidate, owners: list) -> None:
        """Make ``cand`` the rejection of its cooperative act by ``owners`` (the ``reject``
        complement map), aimed at its other parties."""
        own = {m.actor.actor_id for m in owners}
        cand.code = self.lex.map_complement("reject", cand.code)
        cand.sources = owners
        cand.targets = [t for t in cand.targets if t.actor.actor_id not in own]
        cand.pairwise = False

    def _reason_clause_target(self, cand: Candidate) -> None:
        """ "X cancelled his trip after Tokyo expelled two diplomats": an act done for a reason
        (a pattern with needs_reason) with no target of its own is aimed at the doer of the
        clause giving that reason (its own subject, or the "by" agent of a passive one)."""
        if cand.nominal or cand.targets or not cand.pattern.needs_reason:
            return
        own = {m.actor.actor_id for m in cand.sources}
        for clause in cand.trigger.children:
            if clause.dep_ != "advcl" or not any(
                    m.dep_ == "mark" and m.lower_ in self.lex.reason_marks for m in clause.children):
                continue
            doer = self.subject_token(clause)
            if doer is None or not (doer.head.i == clause.i or doer.head.head.i == clause.i):
                continue  # (an inherited subject is the act's own doer)
            found = [m for m in self.conj_actors(doer) if m.actor.actor_id not in own]
            if found:
                cand.targets = found
                return

    def _refused_act(self, cand: Candidate) -> None:
        """ "condemned China's refusal to cooperate", "X's unwillingness to meet Y": the
        infinitive of a noun of refusing (``roles.yaml`` refusal_nouns) is not done. A
        cooperative act (CAMEO roots 03-08) refused by a named owner is that owner's rejection
        of it (the ``reject`` complement map), as "China refused to cooperate" is; any other
        refused act is negated."""
        tok = cand.trigger
        noun = tok.head
        if (cand.nominal or tok.dep_ != "acl" or noun.i == tok.i
                or not any(c.tag_ == "TO" for c in tok.children)
                or noun.lemma_.lower() not in self._roles_words("refusal_nouns")):
            return
        poss = next((c for c in noun.children if c.dep_ == "poss"), None)
        owner = (self.conj_actors(poss) or (self._possessive_antecedent(poss, noun) if poss.pos_ == "PRON" else [])
                 ) if poss is not None else []
        if owner and cand.root in _COOPERATIVE_ROOTS:
            self._as_rejection(cand, owner)
            cand.modality, cand.modality_cue = "asserted", "refusal"
            return
        cand.modality, cand.modality_cue = "negated", "refusal"

    def _negated_refusal(self, cand: Candidate) -> None:
        """ "would not provide support", "will not meet": a stated refusal is a REJECT event."""
        if cand.modality != "negated" or cand.root not in _COOPERATIVE_ROOTS:
            return
        aux = {c.lower_ for t in cand.anchors for c in t.children if c.dep_ == "aux"}
        if aux & {"will", "would", "wo", "'ll", "shall"}:
            cand.code = self.lex.map_complement("reject", cand.code)
            cand.modality, cand.modality_cue = "asserted", "refusal"


def find_candidates(doc, mentions: list[ActorMention], patterns: PatternSet,
                    when=None) -> list[list[Candidate]]:
    """Candidates for every sentence of ``doc`` (one list per sentence, in order)."""
    ex = Extractor(doc, expand_groups(mentions, when), patterns, when)
    return [ex.sentence(sent) for sent in doc.sents]
