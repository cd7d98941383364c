"""Resolve every actor mention in a parsed ``Doc`` to an actor valid at the article's date.

Rules, in order of application (one pass over the text, then a pass for pronouns):

1. **Role phrases** — an office title ("prime minister", "premier", "top diplomat", "leader"),
   institution noun ("foreign ministry", "government", "military") or group noun
   ("businesspersons", "media", "officials") with a state modifier on the left ("the Japanese",
   "Russia's", "US") or an "of <state>" on the right. A title followed by a name ("Prime
   Minister Shinzo Abe") is one mention of that person. Without a name, an office title
   resolves to the office holder at the date, an institution or group noun to the state's
   sector actor (``JPN:MED``). Without a state, an office title refers back to the last
   person mentioned who holds that office ("the Prime Minister"), method ``coref``.
2. **Collective phrases** — "the two leaders", "both countries", "the two sides", "Russia and
   Japan's leaders" resolve to a *group* actor (``kind="group"``) whose id lists the
   members: ``group:person:shinzo_abe+person:vladimir_putin`` (see
   :func:`detente.actors.data.group_members`).
3. **Named entities** (PERSON, GPE, NORP, ORG, FAC, LOC) — full names, aliases and surnames
   of office holders (the one holding an office at the date wins), states and their
   adjectives/demonyms, organisations, and capitals or seats of government as metonyms for
   the government ("Tokyo", "the Kremlin"). A capital used as a place ("in Moscow",
   "visited Tokyo", "Washington-based") is not an actor mention. Surnames, titles and
   names seen earlier in the document are reused ("Mr. Abe", "Kawano"). A determiner,
   quantifier, conjunction or adverb the tagger took into an entity ("Both Abe and Xi", "And
   Putin", "Then Merkel") is not part of the name.
4. **New actors** — a person not in the data becomes a new actor (``method="new"``) with the
   state and sector its context gives: titles ("Admiral" -> MIL), state modifiers ("South
   Korean Prime Minister ..."), appositions ("..., head of Japan's Self-Defense Forces").
5. **Pronouns** — he/she/his/her/him (persons), it/its (states, organisations) and
   they/them/their (groups, plural sector actors, non-state groups, ethnic and religious
   groups) resolve to an antecedent when it is unambiguous: the subject of a governing
   clause (syntax), or the only candidate in the current and previous sentence. When another
   fitting actor stands between that subject and the pronoun ("X imposed sanctions on Y
   since ..."), the pronoun goes to that nearer actor only if it is the one object of the
   pronoun's clause ("X thanked Y for his ...") or the possessor of an act (roles.yaml
   ``event_nouns``: "... toward Russia since its annexation of ..."), and is otherwise left
   unresolved; actors named inside the subject itself ("Japan, which Russia accuses ...,
   defended its ...") do not count, and coordinated candidates ("told Putin and Xi about
   his visit") leave it unresolved. A subject shared by coordinated verbs ("X met Y and
   renewed his ...") keeps the pronoun.
   An object pronoun (him, her, them, it) is never the subject of its own clause, nor the
   controller of a clause without a subject ("X asked Y to call him": not Y; "X promised to
   support him": not X; "X, who invited him": not X): it is the object of the verb that
   controls its clause ("X called Y, asking him"; "X met Y and thanked him"), the last
   coordination of actors for "them", else the only other fitting actor in the sentence (or,
   if the sentence has none, in the previous one), else the subject of a governing clause
   among several, else unresolved. An object "it" of a verb that usually takes a thing
   ("ratified it") only takes the subject of a governing clause ("Israel said a shell was
   fired at it"). "We", "us" and "our" inside a quotation stand for the state of the actor
   the quotation is attributed to by a verb of saying (``roles.yaml`` quote_verbs) after it
   ('"... they will not talk to us," Lavrov said') or before it ('X said: "..."'); not "our"
   before a noun another actor qualifies ("our Japanese friends").
6. **Non-state actors** — named armed and political groups (organisations.yaml: Hamas,
   the Taliban, al-Qaeda ...) and "<state adjective> <group noun>" ("Georgian
   demonstrators" -> GEO:OPP, "Iraqi insurgents" -> IRQ:INS) are sector actors, not the
   state; "ethnic Albanians", "pro-Russian separatists" do not name the state.

7. **Sector actors** (CAMEO conventions: the state's code plus a sector code) — modifiers may
   stand between the state and the noun ("Iraq's interim government" -> IRQGOV, "South
   Korean army officers" -> KORMIL); a sector word before a generic noun names the sector
   ("police officer" -> COP, "intelligence officials" -> SPY); "<noun> in|from <state, city
   or region>" gives the state ("rebels in Chad" -> TCDREB, "a court in Nairobi" -> KENJUD,
   "troops from Nepal" -> NPLMIL; "officials from A, B and C" -> a group of the three states'
   governments), except for people usually foreign where they are (troops,
   refugees, journalists, delegations, embassies "in" a place) and for forces leaving a place
   ("the withdrawal of troops from Haiti"); a region names its state ("Darfur rebels" ->
   SDNREB); "<institution> of <person>" takes the person's state ("the military government
   of President X"); an international organisation's people take its code plus the sector
   ("UN peacekeepers" -> IGOUNOMIL; its officials are the organisation, IGOUNO); a people
   living in another state are that state's civilians ("the Albanians of southern Serbia"
   -> SRBCVL).
8. **Abbreviations and spelling** — an upper-case abbreviation in brackets after a name is that
   actor, there and wherever it is used again ("the Liberian Farmers Union (LFU) ... the
   LFU"); the abbreviation of a name we do not know is not matched to another actor with the
   same letters. A two-word person name one letter away from exactly one known full name
   with the same first word is that person ("Francois Mitterand", confidence 0.7).
9. **Titled persons without a state** — a new person with an office title ("President X",
   "Judge Y") and no state in its phrase takes the one state the rest of the sentence names
   as an actor (not as a place visited), confidence 0.4.
10. **Ethnic and religious groups** (identity_groups.tsv) — "Kurds", "Iraqi Kurds",
   "Turkey's Kurds", "Kurdish fighters" (REB), "Sunni militants in Iraq", "Bosnian Serbs",
   "ethnic Turks": actor ``[<ISO3>:]identity:<id>[:<SECTOR>]`` coded state + group code +
   sector as CAMEO does (IRQKUR, BIHSRB, IRQMUSSUNREB). An adjective names the group only
   before a group noun ("the Kurdish language" is no actor). The state comes from a state
   modifier, the group's name, "in|of <place>" after it, or "in <place>" on its own verb
   ("ethnic Albanians demonstrated in Serbia" -> SRB); without a state, a code that is also
   a state's code (ALB, MUS) is not written. "Ethnic Russians in Latvia" stay Latvia's
   civilians (LVACVL) and a region's adjective ("Tibetan protesters") its state's sector.
11. **Persons of organisations** — "X, a spokesman for the UN refugee agency / the Red Cross
   / Gazprom": the organisation's code and sector (and its state, if it has one).

:func:`place_country` gives the state a place name lies in ("in Vladivostok" -> RUS); a
disputed place gives the state that administers it (the southern Kurils -> RUS) and
:func:`place_claimant` the state that claims it (JPN).

Confidence by method (a resolution's ``confidence``): full name or title + name 0.95;
organisation or state name 0.9; surname of a person in office at the date 0.9 (0.75 if not
in office then); metonym 0.85; role description with a state 0.85; earlier name reused in
the document 0.85; role description resolved to the last holder mentioned 0.7; group 0.7;
pronoun 0.75 (syntax) or 0.65 (only candidate), object pronoun 0.6 (0.55 from a coordination,
a governing clause among several, or the previous sentence), possessor of an act 0.55;
ethnic or religious group 0.75; adjective use ("Japanese steel") 0.7; new
person 0.6 with context, 0.4 without; another office of a state ("finance minister") 0.6;
"the government" with the state taken from the context 0.5.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from dataclasses import dataclass, field, replace

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..records import Actor, ActorMention
from .data import NONSTATE_SECTORS, SECTORS, ActorDB, Place, fold, slug

log = logging.getLogger(__name__)

_ENT_LABELS = {"PERSON", "GPE", "NORP", "ORG", "FAC", "LOC"}
_POSSESSIVE = {"'s", "’s", "'", "’"}
_SKIP_LEFT = {"the", "then", "former", "current", "new", "acting", "incoming", "outgoing", "ex",
              "late", "a", "an", "its", "their", "his", "her", "sitting", "first", "ousted",
              "deposed"}
_NOT_NOW = {"then", "former", "ex", "late", "outgoing", "first", "ousted", "deposed"}
#: Words saying the office is no longer held ("former president X"): CAMEO codes such persons
#: as elites (ELI) of their state, not as its government.
_FORMER = {"former", "ex", "ousted", "deposed", "late"}
_DEPUTY = {"deputy", "vice", "vice-", "assistant", "junior", "parliamentary", "under", "state"}
_HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sir",
               "madam", "dame", "lord", "lady", "baroness", "ayatollah", "sheikh", "h.e."}
_MIL_TITLES = {"general", "gen.", "admiral", "adm.", "marshal", "colonel", "col.", "lieutenant",
               "lt.", "major", "maj.", "brigadier", "commander", "captain", "capt.", "vice-admiral",
               "rear", "sergeant", "corporal", "field"}
_OTHER_TITLES = {"president", "premier", "chancellor", "minister", "secretary", "king", "queen",
                 "emperor", "prince", "crown", "ambassador", "senator", "governor", "mayor",
                 "prime", "foreign", "defence", "defense", "chairman", "chair", "envoy",
                 "spokesman", "spokeswoman", "spokesperson", "deputy", "vice", "representative",
                 "congressman", "congresswoman", "sen.", "rep.", "gov.", "pres.", "pm", "fm",
                 "judge", "prosecutor"}
_LOC_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "into",
              "via", "within", "to", "from", "toward", "towards"}
_MOTION = {"visit", "visits", "visited", "visiting", "trip", "trips", "travel", "travelled",
           "traveled", "traveling", "travelling", "return", "returned", "returning", "fly", "flew",
           "flown", "arrive", "arrived", "arrival", "arriving", "come", "came", "go", "went",
           "way", "flight", "back", "journey", "tour", "toured", "headed", "heading", "move",
           "moved", "relocate", "relocated", "sent", "held", "hold", "holds", "hosted", "host"}
_TRAVEL = {"return", "returned", "returning", "fly", "flew", "flown", "travel", "travelled",
           "traveled", "arrive", "arrived", "flight", "back", "way", "journey", "depart",
           "departed", "leave", "left", "trip", "visitor", "visitors", "delegation"}
_ACTORISH_HEADS = {"officials", "official", "government", "regime", "leadership", "authorities",
                   "administration", "diplomats", "policy", "stance", "position", "side"}
_COLLECTIVE_STATES = ("two countries", "both countries", "two nations", "both nations",
                      "two sides", "both sides", "two states", "both states", "two governments",
                      "both governments", "the parties")
_COLLECTIVE_LEADERS = ("two leaders", "both leaders", "two heads of state")
#: Verbs whose subject "it" is an agent ("It said ...", "it warned"), not an expletive.
_AGENT_VERBS = {"say", "add", "warn", "announce", "insist", "urge", "reject", "deny", "accuse",
                "claim", "argue", "want", "plan", "agree", "refuse", "protest", "demand",
                "threaten", "respond", "condemn", "vow", "pledge", "promise", "decline",
                "welcome", "criticise", "criticize", "summon", "expel", "sign", "send"}
_PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
_THING_PRONOUNS = {"it", "its", "itself"}
_PLURAL_PRONOUNS = {"they", "them", "their", "themselves"}
_ORG_SECTOR_WORDS = (("university", "EDU"), ("institute", "EDU"), ("college", "EDU"),
                     ("bank", "BUS"), ("company", "BUS"), ("corporation", "BUS"),
                     ("group", "BUS"), ("party", "PTY"), ("ministry", "GOV"), ("agency", "GOV"),
                     ("news", "MED"), ("times", "MED"), ("journal", "MED"), ("shimbun", "MED"),
                     ("post", "MED"), ("tv", "MED"), ("magazine", "MED"), ("army", "MIL"),
                     ("forces", "MIL"), ("navy", "MIL"), ("council", "GOV"))


# --------------------------------------------------------------------------- matchers


@dataclass(frozen=True)
class _Vocab:
    """Title, institution and group words with what they mean."""

    offices: dict[str, tuple[str, ...]]  # title -> roles
    institutions: dict[str, str]  # noun -> institution key (GOV, foreign_ministry ...)
    groups: dict[str, str]  # noun -> sector


@functools.lru_cache(maxsize=8)
def _words(db: ActorDB) -> _Vocab:
    offices: dict[str, list[str]] = {}
    for role, spec in db.roles.get("offices", {}).items():
        for title in spec.get("titles", []):
            offices.setdefault(title, []).append(role)
    offices.setdefault("leader", []).append("leader")
    offices.setdefault("leaders", []).append("leader")
    offices.setdefault("minister", []).extend(["foreign_minister", "defence_minister"])
    institutions = {w: key for key, spec in db.roles.get("institutions", {}).items()
                    for w in spec.get("words", [])}
    groups = {w: sector for sector, words in db.roles.get("groups", {}).items() for w in words}
    return _Vocab({k: tuple(v) for k, v in offices.items()}, institutions, groups)


_MATCHERS: dict[tuple[int, int], PhraseMatcher] = {}


def _split_words(text: str) -> list[str]:
    """Words of a title as spaCy's English tokenizer splits them ("secretary-general")."""
    return [w for w in re.split(r"\s+|(?<=\w)(-)(?=\w)", text) if w]


def _matcher(db: ActorDB, vocab) -> PhraseMatcher:
    key = (id(db), id(vocab))
    m = _MATCHERS.get(key)
    if m is None:
        words = _words(db)
        m = PhraseMatcher(vocab, attr="LOWER")
        for kind, table in (("office", words.offices), ("inst", words.institutions),
                            ("group", words.groups)):
            docs = [Doc(vocab, words=_split_words(t)) for t in table]
            m.add(kind, docs)
        m.add("collective_states", [Doc(vocab, words=t.split()) for t in _COLLECTIVE_STATES])
        m.add("collective_leaders", [Doc(vocab, words=t.split()) for t in _COLLECTIVE_LEADERS])
        _MATCHERS[key] = m
    return m


# --------------------------------------------------------------------------- state


@dataclass
class _Ctx:
    db: ActorDB
    doc: Doc
    when: dt.date | None
    mentions: list[ActorMention] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # folded name/surname -> actor id
    new_actors: dict[str, Actor] = field(default_factory=dict)
    covered: set[int] = field(default_factory=set)  # token indices already in a mention

    def actor(self, actor_id: str) -> Actor:
        if actor_id in self.new_actors:
            return self.new_actors[actor_id]
        if actor_id.startswith("group:"):
            # A group named again ("the two leaders" after "Sarkozy and Cameron"): rebuild it.
            return _group(self, actor_id[len("group:"):].split("+"))
        return self.db.actor(actor_id, self.when)

    def sent_index(self, token_i: int) -> int | None:
        return self._sent_starts.get(self.doc[token_i].sent.start)

    @functools.cached_property
    def _sent_starts(self) -> dict[int, int]:
        try:
            return {s.start: n for n, s in enumerate(self.doc.sents)}
        except ValueError:
            return {0: 0}

    def add(self, start: int, end: int, actor: Actor, confidence: float, method: str) -> ActorMention:
        span = self.doc[start:end]
        m = ActorMention(span.start_char, span.end_char, span.text, actor, round(confidence, 3),
                         method, self.sent_index(start))
        self.mentions.append(m)
        self.covered.update(range(start, end))
        self._token_mention.update({i: m for i in range(start, end)})
        if actor.kind == "person":
            self.names[fold(actor.name)] = actor.actor_id
            last = _surname_of(actor, self.db)
            if last:
                self.names.setdefault(fold(last), actor.actor_id)
        return m

    @functools.cached_property
    def _token_mention(self) -> dict[int, ActorMention]:
        return {}

    @functools.cached_property
    def ent_by_token(self) -> dict[int, Span]:
        return {i: e for e in self.doc.ents for i in range(e.start, e.end)}

    def mention_at(self, token_i: int) -> ActorMention | None:
        return self._token_mention.get(token_i)


def _surname_of(actor: Actor, db: ActorDB) -> str | None:
    p = db.persons.get(actor.actor_id)
    if p is not None:
        return next(iter(sorted(p.surnames)), None)
    parts = actor.name.split()
    return parts[-1] if len(parts) > 1 else None


def _char_to_token(doc: Doc) -> dict[int, int]:
    return {t.idx: t.i for t in doc}


# --------------------------------------------------------------------------- public API


def resolve(doc: Doc, when: dt.date | None, db: ActorDB) -> list[ActorMention]:
    """Every actor mention in ``doc``, resolved to an actor valid at ``when`` (None = today)."""
    if len(doc) and not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        # a pipeline without parser or sentencizer: one sentence (on a copy; doc is untouched)
        doc = doc.copy()
        for tok in doc:
            tok.is_sent_start = tok.i == 0
    ctx = _Ctx(db, doc, when)
    items = _identity_items(ctx) + _role_phrases(ctx) + _entity_items(ctx)
    items.sort(key=lambda it: (it.start, -(it.end - it.start)))
    for item in items:
        if any(i in ctx.covered for i in range(item.start, item.end)):
            continue
        item.resolve(ctx)
    _state_of_titled_new_persons(ctx)
    _resolve_abbreviations(ctx)
    _resolve_pronouns(ctx)
    _resolve_quoted_we(ctx)
    ctx.mentions.sort(key=lambda m: m.start)
    return ctx.mentions


def lookup(text: str, when: dt.date | None, db: ActorDB) -> Actor | None:
    """Resolve a bare name or description without a parse ("Tokyo", "the Japanese premier")."""
    raw = re.sub(r"\s+", " ", text.replace("’", "'")).strip()
    if not raw:
        return None
    words = _words(db)
    stripped = re.sub(r"^(the|then|former|current)\s+", "", raw, flags=re.IGNORECASE)
    # "<state> <title>", "<state>'s <title>", "<title> of <state>"
    m = re.match(r"^(.*?)('s|')?\s+(.+)$", stripped)
    candidates = []
    if m:
        candidates.append((m.group(1), m.group(3)))
        parts = stripped.split()
        for k in range(1, len(parts)):
            left = " ".join(parts[:k])
            right = " ".join(parts[k:])
            candidates.append((re.sub(r"('s|')$", "", left), right))
    of = re.match(r"^(.+?)\s+of\s+(?:the\s+)?(.+)$", stripped, flags=re.IGNORECASE)
    if of:
        candidates.append((of.group(2), of.group(1)))
    for state_text, title in candidates:
        country = _country_from_text(db, state_text, when)
        if country is None:
            continue
        t = title.lower()
        if t in words.offices:
            actor = _office_actor(db, country, words.offices[t], t, when)
            if actor is not None:
                return actor
        if t in words.institutions:
            return db.sector_actor(country, words.institutions[t])
        if t in words.groups:
            return db.sector_actor(country, words.groups[t])
    clean = _strip_titles(stripped)
    actor_id = _lookup_name(db, clean, when, labels=("PERSON", "ORG", "GPE", "NORP", "FAC"))
    if actor_id is None and clean != stripped:
        actor_id = _lookup_name(db, stripped, when, labels=("ORG", "GPE"))
    return db.actor(actor_id, when) if actor_id else None


def place_country(text: str, when: dt.date | None, db: ActorDB) -> str | None:
    """ISO3 of the state a place name lies in ("Vladivostok" -> RUS, "the Kremlin" -> RUS,
    "Tokyo" -> JPN, "Brussels" -> BEL, "Japan" -> JPN), valid at ``when``; None if unknown.

    Looks at ``places.tsv`` (cities, regions, islands), capitals and seats of government
    (``countries.tsv``, ``metonyms.tsv``; a seat standing for an international organisation
    gives the state it is in) and state names. For a capital that served several states
    ("Moscow": Soviet Union, Russia) the state that exists at ``when`` wins.
    """
    raw = re.sub(r"\s+", " ", text.replace("’", "'")).strip()
    raw = re.sub(r"('s|')$", "", raw)
    raw = re.sub(r"^(?:the|The)\s+", "", raw)
    if not raw:
        return None
    place = db.places.get(raw)
    if place is None:
        key = fold(raw)
        place = next((p for n, p in sorted(db.places.items()) if fold(n) == key), None)
    if place is not None:
        return db.countries[place.country].iso3
    ids = db.index.get(fold(raw), set())

    def pick(countries: list[str]) -> str | None:
        countries = [c for c in dict.fromkeys(countries) if c in db.countries]
        if not countries:
            return None
        valid = [c for c in countries if db.is_valid(c, when)] or countries
        best = min(valid, key=lambda c: (db.countries[c].status == "historical", c))
        return db.countries[best].iso3

    found = pick([i.split(":", 1)[0] for i in ids if i.endswith(":GOV")])  # capitals
    if found:
        return found
    heads = []
    for target in db.metonym_targets(raw, when) or db.metonym_targets(raw, None):
        head = target.split(":", 1)[0]
        if head in db.countries:
            heads.append(head)
        elif target in db.organisations and db.organisations[target].country:
            heads.append(db.organisations[target].country)
    found = pick(heads)
    if found:
        return found
    country = _country_from_text(db, raw, when)
    if country is not None and fold(raw) not in {fold(a) for a in db.adjectives}:
        return db.countries[country].iso3
    return None


def _place(text: str, db: ActorDB) -> Place | None:
    """The places.tsv row named by ``text`` (a leading "the", curly apostrophes and runs of
    spaces normalised; exact name first, else the first name equal after case/accent folding);
    None if no place has that name."""
    raw = re.sub(r"^(?:the|The)\s+", "", re.sub(r"\s+", " ", text.replace("’", "'")).strip())
    place = db.places.get(raw)
    if place is None:
        key = fold(raw)
        place = next((p for n, p in sorted(db.places.items()) if fold(n) == key), None)
    return place


def place_claimant(text: str, db: ActorDB) -> str | None:
    """ISO3 of a state other than the administering one that claims a disputed place
    ("Northern Territories", "Kunashir" -> JPN; places.tsv ``claimed_by``); None if the
    place is not known to be disputed. :func:`place_country` gives the administering state."""
    place = _place(text, db)
    if place is None or place.claimed_by is None:
        return None
    return db.countries[place.claimed_by].iso3


def dispute_party(text: str, db: ActorDB) -> str | None:
    """ISO3 of the state other than the administering one in a dispute over (or named after) a
    place: its claimant (:func:`place_claimant`), else places.tsv ``disputed_with`` ("the Kuril
    Islands dispute" is with Japan, though Japan claims only the southern islands)."""
    claimant = place_claimant(text, db)
    if claimant is not None:
        return claimant
    place = _place(text, db)
    if place is None or place.disputed_with is None:
        return None
    return db.countries[place.disputed_with].iso3


# --------------------------------------------------------------------------- names


def _strip_titles(text: str) -> str:
    parts = text.replace("’", "'").split()
    while len(parts) > 1 and (parts[0].lower() in _HONORIFICS or parts[0].lower() in _MIL_TITLES
                              or parts[0].lower() in _OTHER_TITLES):
        parts = parts[1:]
    out = " ".join(parts)
    return re.sub(r"('s|')$", "", out)


def _country_from_text(db: ActorDB, text: str, when: dt.date | None) -> str | None:
    text = text.strip()
    if not text:
        return None
    if text in db.adjectives:
        return db.adjectives[text]
    for aid in sorted(db.index.get(fold(text), ())):
        if aid in db.countries and (when is None or db.is_valid(aid, when)):
            return aid
    for aid in sorted(db.index.get(fold(text), ())):
        if aid in db.countries:
            return aid
    return None


def _pick_person(db: ActorDB, ids: set[str], when: dt.date | None) -> tuple[str, bool] | None:
    """The person of ``ids`` in office at ``when`` (most important office), else the nearest."""
    best, best_key = None, None
    for pid in ids:
        term, held = db.current_term(pid, when)
        if term is None:
            key = (2, 10**9)
        elif held:
            key = (0, _rank(term.role))
        else:
            ref = when or dt.date.today()
            dist = min(abs((term.start - ref).days), abs(((term.end or ref) - ref).days))
            key = (1, dist)
        if best_key is None or key < best_key:
            best, best_key = pid, key
    if best is None:
        return None
    return best, best_key[0] == 0


def _rank(role: str) -> int:
    from .data import ROLE_PRIORITY

    return ROLE_PRIORITY.index(role) if role in ROLE_PRIORITY else len(ROLE_PRIORITY)


def _lookup_name(db: ActorDB, text: str, when: dt.date | None, labels: tuple[str, ...],
                 allow_surname: bool = True) -> str | None:
    """Actor id for a name, preferring actor types by entity label; None if unknown."""
    key = fold(text)
    ids = db.index.get(key, set())
    persons = {i for i in ids if i in db.persons}
    countries = [i for i in ids if i in db.countries]
    orgs = [i for i in ids if i in db.organisations]
    govs = [i for i in ids if i.endswith(":GOV") and i.split(":")[0] in db.countries]
    metonyms = db.metonym_targets(text, when)
    order = {"PERSON": ("person", "org", "state", "metonym"),
             "ORG": ("org", "metonym", "person", "state"),
             "GPE": ("state", "metonym", "org", "person"),
             "LOC": ("metonym", "state", "org"),
             "FAC": ("metonym", "org"),
             "NORP": ("state", "org")}
    seen: list[str] = []
    for label in labels:
        for kind in order.get(label, ()):
            if kind not in seen:
                seen.append(kind)
    for kind in seen:
        if kind == "person" and persons:
            picked = _pick_person(db, persons, when)
            if picked:
                return picked[0]
        if kind == "state" and countries:
            valid = [c for c in countries if db.is_valid(c, when)]
            return min(valid or countries, key=lambda c: db.countries[c].status == "historical")
        if kind == "org" and orgs:
            valid = [o for o in orgs if db.is_valid(o, when)]
            if when is None:  # today: an organisation that still exists
                valid = [o for o in orgs if db.organisations[o].valid_to is None] or valid
            return min(valid or orgs)
        if kind == "metonym":
            if metonyms:
                return metonyms[0]
            if govs:
                valid = [g for g in govs if db.is_valid(g.split(":")[0], when)]
                return min(valid or govs)
    if allow_surname and "person" in seen:
        common = set(db.roles.get("common_word_surnames", []))
        last = text.split()[-1] if text.split() else text
        if labels[0] != "PERSON" and last in common:
            return None
        pids = db.surnames.get(fold(last), set())
        if len(text.split()) > 1:
            # a full name whose surname is known but whose given name differs: not the same person
            first = fold(text.split()[0])
            pids = {p for p in pids if fold(db.persons[p].name).startswith(first)
                    or any(fold(a).startswith(first) for a in db.persons[p].aliases)}
        picked = _pick_person(db, pids, when) if pids else None
        if picked:
            return picked[0]
    return None


# --------------------------------------------------------------------------- items


@dataclass
class _Item:
    start: int
    end: int

    def resolve(self, ctx: _Ctx) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


#: Dashes joining the names of two parties ("Indian-Pakistani talks", "the Russia–Japan summit").
_DASHES = frozenset({"-", "\u2013", "\u2014"})


def _dash_pair(ctx: _Ctx, start: int, end: int, label: str, single: bool = False) -> bool:
    """ "Indian-Pakistani talks", "Russian-Japanese relations": a name made of states' names
    or adjectives joined by dashes (the tokens ``start`` to ``end``) is one mention per state,
    when every part is a state's name or adjective (with ``single``, one word may be the one
    part: the partner after a dash). Adds the mentions and returns True, else adds nothing and
    returns False."""
    doc, db = ctx.doc, ctx.db
    parts: list[tuple[int, int]] = []
    first = start
    for i in range(start, end + 1):
        if i == end or doc[i].text in _DASHES:
            if i == first:
                return False
            parts.append((first, i))
            first = i + 1
    if len(parts) < 2 and not single:
        return False
    found = []
    for s, e in parts:
        if not doc[s].text[:1].isupper():
            return False
        actor_id = _lookup_name(db, doc[s:e].text, ctx.when, (label, "NORP", "GPE"))
        if actor_id is None or actor_id not in db.countries:
            return False
        found.append((s, e, actor_id))
    for s, e, actor_id in found:
        ctx.add(s, e, ctx.actor(actor_id), 0.7, "ner")
    return True


def _is_locative(span: Span) -> bool:
    """A capital or seat used as a place: "in Moscow", "visited Tokyo", "Washington-based"."""
    doc = span.doc
    root = span.root
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.text in _POSSESSIVE:
        return False  # "in Tokyo's relationship with ...": Tokyo acts
    if after is not None and after.text in {"-", "–"} and span.end + 1 < len(doc) and \
            doc[span.end + 1].lower_ in {"based", "born", "led"}:
        return True
    if after is not None and after.lower_.startswith("-based"):
        return True
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_ == "the" and span.start > 1:
        prev = doc[span.start - 2]
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in _LOC_PREPS:
        if head.lower_ in {"to", "toward", "towards"}:
            gov = head.head
            return gov.lemma_.lower() in _MOTION or gov.lower_ in _MOTION
        if head.lower_ == "from":
            gov = head.head
            return gov.lemma_.lower() in _TRAVEL or gov.lower_ in _TRAVEL
        return True
    if prev is not None and prev.lower_ in {"in", "at", "near", "outside", "inside", "around"}:
        return True
    if root.dep_ in {"dobj", "obj"} and (head.lemma_.lower() in _MOTION or head.lower_ in _MOTION):
        return True
    if root.dep_ in {"compound", "nmod", "amod"} and head.i >= span.end and \
            head.lower_ not in _ACTORISH_HEADS and head.pos_ in {"NOUN", "PROPN"}:
        # "the Moscow summit", "Tokyo Stock Exchange": modifier of a thing, not an actor
        return head.lower_ in {"summit", "talks", "meeting", "conference", "forum", "office",
                               "exchange", "stock", "airport", "correspondent", "bureau",
                               "time", "station", "university", "region", "area", "olympics",
                               "games", "declaration", "treaty", "agreement", "subway"}
    return False


#: Parts of speech of words that open a clause or a noun phrase but are never part of a name.
_FUNCTION_POS = frozenset({"DET", "CCONJ", "SCONJ", "ADV", "PRON"})


def _function_word(tok) -> bool:
    """A common function word at the start of an entity span ("Both", "And", "Then",
    "Meanwhile"): a stop word (or a lower-case word) tagged as determiner, conjunction, adverb or
    pronoun. Name particles ("de", "van", "bin") are tagged otherwise and stay."""
    return tok.pos_ in _FUNCTION_POS and (tok.is_stop or tok.text.islower())


@dataclass
class _EntItem(_Item):
    ent: Span

    def resolve(self, ctx: _Ctx) -> None:
        ent = self.ent
        db = ctx.db
        doc = ctx.doc
        start, end = ent.start, ent.end
        label = ent.label_
        text = ent.text
        # leading "the", a leading determiner, quantifier, conjunction or adverb the tagger
        # took into the name ("Both Abe and Xi", "And Putin", "Then Merkel") and a trailing
        # possessive are not part of the name
        while end - start > 1 and (doc[start].lower_ == "the" or _function_word(doc[start])):
            start += 1
        if end - start > 1 and doc[end - 1].text in _POSSESSIVE:
            end -= 1
        span = doc[start:end]
        text = span.text
        if text in db.places:
            return
        if label in {"NORP", "GPE"} and _dash_pair(ctx, start, end, label):
            return  # "Indian-Pakistani talks": one mention per state
        if label in {"NORP", "GPE"} and end + 1 < len(doc) and doc[end].text in _DASHES and \
                doc[end + 1].i not in ctx.ent_by_token and doc[end + 1].i not in ctx.covered:
            # "German-French talks" with only "German" taken for a name: its partner too
            _dash_pair(ctx, end + 1, end + 2, "NORP", single=True)
        if start >= 2 and doc[start - 1].text == "(" and end < len(doc) and doc[end].text == ")":
            # "the Liberian Peace Council (LPC)": an abbreviation of the name just before it
            named = ctx.mention_at(start - 2)
            if named is not None:
                ctx.add(start, end, named.actor, named.confidence, "coref")
                ctx.names.setdefault(fold(text), named.actor.actor_id)
                return
            if doc[start - 2].text[:1].isupper() and label == "ORG":
                actor_id = _lookup_name(db, text, ctx.when, ("ORG",), allow_surname=False)
                if actor_id in db.organisations:
                    ctx.add(start, end, ctx.actor(actor_id), 0.8, "ner")
                return  # the abbreviation of a name we do not know is not another actor
        if label in {"PERSON"}:
            self._person(ctx, span)
            return
        if label == "NORP" and end < len(doc) and doc[end].lower_ in {"in", "of"}:
            # "the Albanians of southern Serbia", "ethnic Russians in Latvia": people of the
            # state they live in, not of the state their name comes from
            own = _country_from_text(db, text, ctx.when)
            if own is not None and fold(text) in {fold(d) for d in db.countries[own].demonyms}:
                other, place_end = _place_state_after(ctx, end + 1)
                if other is not None and other != own:
                    ctx.add(start, place_end, db.sector_actor(other, "CVL"), 0.7, "role")
                    return
        if label == "NORP" and start > 0 and doc[start - 1].lower_ in {"ethnic", "ethnically"}:
            return  # "ethnic Albanians in Serbia": an ethnic group, not the Albanian state
        if label in {"NORP", "GPE"} and _pro_or_anti(doc, start):
            return  # "pro-Russian", "anti-American": an attitude, not the state acting
        ids = db.index.get(fold(text), set())
        if not ids and fold(text) in ctx.names:
            # a name seen earlier in this document, mislabelled here ("Kanemura" as GPE)
            ctx.add(start, end, ctx.actor(ctx.names[fold(text)]), 0.8, "coref")
            return
        is_place_like = any(":GOV" in i or i.startswith("metonym:") for i in ids) or \
            bool(db.metonym_targets(text, ctx.when))
        if is_place_like and not (ids & set(db.countries)) and _is_locative(span):
            return
        labels = (label,) if label in {"GPE", "ORG", "NORP", "FAC", "LOC"} else ("ORG",)
        actor_id = _lookup_name(db, text, ctx.when, labels)
        if actor_id is None and label == "ORG":
            actor_id = ctx.names.get(fold(text))
        if actor_id is None:
            if label == "NORP":
                return
            self._unknown_org(ctx, span)
            return
        method = "ruler" if ent.ent_id_ else "ner"
        conf = 0.9
        org = db.organisations.get(actor_id)
        if org is not None and org.country and org.role and start > 0 and not is_place_like and (
                org.role in SECTORS or org.role in db.roles.get("institutions", {})):
            # "Japan's National Security Council": the same institution of another state
            k = start - 1
            if doc[k].text in _POSSESSIVE and k > 0:
                k -= 1
            c, _, first = _state_at(ctx, k)
            if c and c != org.country and doc[k].ent_type_ != "PERSON" and (
                    doc[start - 1].text in _POSSESSIVE
                                            or doc[k].text in db.adjectives):
                ctx.add(first, end, db.sector_actor(c, org.role), 0.8, "role")
                return
        if actor_id in db.persons:
            conf = 0.85
        elif _is_metonym_use(db, actor_id, ids, is_place_like):
            method, conf = "metonym", 0.85
        elif label == "NORP" and span.root.pos_ == "ADJ":
            conf = 0.7
        # "the Trump administration": the person's government
        nxt = doc[end] if end < len(doc) else None
        if actor_id in db.persons and nxt is not None and nxt.lower_ in {
                "administration", "government", "cabinet", "regime"}:
            person = db.actor(actor_id, ctx.when)
            if person.country:
                c = _country_id(db, person.country)
                s = start - 1 if start > 0 and doc[start - 1].lower_ == "the" else start
                ctx.add(s, end + 1, db.sector_actor(c, "GOV"), 0.85, "role")
                return
        ctx.add(start, end, ctx.actor(actor_id), conf, method)

    def _person(self, ctx: _Ctx, span: Span) -> None:
        db = ctx.db
        text = _strip_titles(span.text)
        key = fold(text)
        method = "ruler" if self.ent.ent_id_ else "ner"
        # names seen earlier in this document (new actors, "Mr. Abe" after "Shinzo Abe")
        if key in ctx.names:
            ctx.add(span.start, span.end, ctx.actor(ctx.names[key]), 0.85, "coref")
            return
        last = fold(text.split()[-1]) if text.split() else key
        if len(text.split()) == 1 and last in ctx.names:
            ctx.add(span.start, span.end, ctx.actor(ctx.names[last]), 0.85, "coref")
            return
        actor_id = _lookup_name(db, text, ctx.when, ("PERSON",))
        if actor_id is not None and actor_id in db.persons:
            _term, held = db.current_term(actor_id, ctx.when)
            conf = 0.95 if len(text.split()) > 1 else (0.9 if held else 0.75)
            ctx.add(span.start, span.end, ctx.actor(actor_id), conf, method)
            return
        if actor_id is not None:  # a PERSON-labelled state or organisation name
            ctx.add(span.start, span.end, ctx.actor(actor_id), 0.7, method)
            return
        if text.split() and text.split()[0] in db.adjectives and len(text.split()) == 1:
            return
        if not _looks_like_name(text):
            return
        near = _near_name(db, text)
        if near is not None:
            # "Francois Mitterand", "Laurent Gbago": a misspelt full name of a known person
            ctx.add(span.start, span.end, ctx.actor(near), 0.7, "ner")
            return
        actor = _new_person(ctx, span, text, None, None)
        if actor is not None:
            ctx.new_actors[actor.actor_id] = actor
            conf = 0.6 if actor.country or actor.sector else 0.4
            ctx.add(span.start, span.end, actor, conf, "new")

    def _unknown_org(self, ctx: _Ctx, span: Span) -> None:
        """An organisation not in the data: a new actor if the name says which state it is in."""
        db = ctx.db
        countries = {db.adjectives[t.text] for t in span if t.text in db.adjectives}
        countries |= {c for t in span for c in db.index.get(fold(t.text), ()) if c in db.countries}
        if len(countries) != 1 or len(span) < 2:
            return
        nxt = ctx.doc[span.end] if span.end < len(ctx.doc) else None
        if nxt is not None and (nxt.lower_ in _OTHER_TITLES | _MIL_TITLES
                                or nxt.lower_ in _words(db).offices):
            return  # "Kenyan Finance Minister ...": a title, not an organisation's name
        country = countries.pop()
        sector = next((s for w, s in _ORG_SECTOR_WORDS if w in span.text.lower()), None)
        c = db.countries[country]
        actor = Actor(f"{country}:org:{slug(span.text)}", span.text, c.iso3, sector, None,
                      c.cameo + (sector or ""), "organisation")
        ctx.new_actors[actor.actor_id] = actor
        ctx.add(span.start, span.end, actor, 0.5, "new")


def _state_of_titled_new_persons(ctx: _Ctx) -> None:
    """A new person with an office title but no state ("President Dos Santos", "Judge X")
    takes the one state the rest of the sentence names as an actor, not as a place ("...
    demands from Angolan rebels", "... Chilean government officials"); confidence 0.4."""
    doc = ctx.doc
    db = ctx.db
    for m in list(ctx.mentions):
        a = m.actor
        if m.method != "new" or a.kind != "person" or a.country is not None or a.cameo or \
                not (a.role or a.sector):
            continue
        states: set[str] = set()
        for other in ctx.mentions:
            if other.sentence_index != m.sentence_index or other is m or \
                    other.actor.kind in {"person", "group", "igo"} or not other.actor.country:
                continue
            span = doc.char_span(other.start, other.end, alignment_mode="expand")
            if span is None:
                continue
            if (other.actor.kind == "state" or other.method == "metonym") and \
                    _is_locative(span):
                continue  # "visited Portugal": a place, not whose official this is
            states.add(_country_id(db, other.actor.country))
        if len(states) != 1:
            continue
        country = states.pop()
        c = db.countries[country]
        sector = a.sector or "GOV"
        actor = Actor(a.actor_id, a.name, c.iso3, sector, a.role, c.cameo + sector, "person")
        ctx.new_actors[a.actor_id] = actor
        for k, other in enumerate(ctx.mentions):
            if other.actor.actor_id == a.actor_id:
                ctx.mentions[k] = replace(other, actor=actor, confidence=min(other.confidence, 0.4))



_ABBREVIATION = re.compile(r"^[A-Z][A-Z0-9&/-]{1,7}$")


def _resolve_abbreviations(ctx: _Ctx) -> None:
    """An upper-case abbreviation in brackets right after an actor's name ("the Liberian
    Farmers Union (LFU)") is that actor, here and wherever the abbreviation is used again in
    the document ("the LFU called a strike")."""
    doc = ctx.doc
    found: dict[str, Actor] = {}
    for tok in doc:
        i = tok.i
        if not (2 <= i < len(doc) - 1 and doc[i - 1].text == "(" and doc[i + 1].text == ")"
                and _ABBREVIATION.match(tok.text)):
            continue
        named = ctx.mention_at(i - 2)
        if named is None or named.actor.kind == "person":
            continue
        if i not in ctx.covered:
            ctx.add(i, i + 1, named.actor, min(named.confidence, 0.8), "coref")
        found.setdefault(tok.text, named.actor)
    if not found:
        return
    for tok in doc:
        actor = found.get(tok.text)
        if actor is not None and tok.i not in ctx.covered:
            ctx.add(tok.i, tok.i + 1, actor, 0.75, "coref")


_NEAR_NAMES: dict[int, dict[str, list[tuple[str, str]]]] = {}


def _near_name(db: ActorDB, text: str) -> str | None:
    """The one known person whose full name (or alias) has the same first word as ``text`` and
    differs from it by one letter in the rest ("Francois Mitterand", "Abdelaziz Bouteflicka");
    None if there is no such person or more than one."""
    words = fold(text).split()
    if len(words) < 2:
        return None
    rest = " ".join(words[1:])
    if len(rest) < 5:
        return None
    table = _NEAR_NAMES.get(id(db))
    if table is None:
        table = {}
        for p in db.persons.values():
            for n in (p.name, *p.aliases):
                parts = fold(n).split()
                if len(parts) >= 2:
                    table.setdefault(parts[0], []).append((" ".join(parts[1:]), p.person_id))
        _NEAR_NAMES[id(db)] = table
    found = {pid for other, pid in table.get(words[0], ()) if _one_edit(rest, other)}
    return found.pop() if len(found) == 1 else None


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by exactly one inserted, deleted or replaced letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:]


_NAME_PARTICLES = {"de", "da", "di", "del", "der", "van", "von", "bin", "bint", "al", "el", "la",
                   "le", "du", "dos", "zu", "ibn", "e"}


def _pro_or_anti(doc: Doc, start: int) -> bool:
    """Whether the token at ``start`` is the second half of "pro-X" / "anti-X"."""
    if start >= 2 and doc[start - 1].text in {"-", "–"}:
        return doc[start - 2].lower_ in {"pro", "anti", "non"}
    return start >= 1 and doc[start - 1].lower_ in {"pro-", "anti-"}


def _looks_like_name(text: str) -> bool:
    parts = [p for p in re.split(r"[\s]+", text) if p]
    return bool(parts) and all(p[:1].isupper() or p.lower() in _NAME_PARTICLES or
                               p.lower().startswith("al-") for p in parts)


def _is_metonym_use(db: ActorDB, actor_id: str, ids: set[str], place_like: bool) -> bool:
    """Whether a name resolved to ``actor_id`` stands for it as a place ("Tokyo", "the Kremlin")."""
    if actor_id in db.countries:
        return False
    named = {i for i in ids if not i.endswith(":GOV")}  # organisations named by this text
    if place_like and actor_id not in named:
        return True
    return ":" in actor_id and actor_id.split(":")[0] in db.countries and \
        actor_id not in db.organisations


def _country_id(db: ActorDB, iso3: str) -> str:
    if iso3 in db.countries:
        return iso3
    for c in db.countries.values():
        if c.iso3 == iso3 and c.status != "historical":
            return c.id
    return iso3


def _new_person(ctx: _Ctx, span: Span, name: str, country: str | None,
                role: str | None) -> Actor | None:
    """A person not in the data, with the state and sector its context gives."""
    db = ctx.db
    doc = ctx.doc
    sector = None
    ctx_tokens: list[Token] = []
    # titles and modifiers on the left, inside the noun phrase
    ctx_tokens.extend(t for t in span.root.subtree
                      if span.start - 6 <= t.i < span.start and t.sent == span.sent)
    if span.start > 0 and doc[span.start - 1].lower_ in _MIL_TITLES | _OTHER_TITLES:
        ctx_tokens.append(doc[span.start - 1])
    # apposition: "..., head of Japan's Self-Defense Forces," or "the head of ..., X"
    root = span.root
    if root.dep_ == "appos":
        head = root.head
        ctx_tokens.extend(t for t in head.subtree if not (span.start <= t.i < span.end)
                          and t.i not in {x.i for x in root.subtree})
    for child in root.children:
        if child.dep_ == "appos":
            ctx_tokens.extend(child.subtree)
    # titles written inside the name's span ("President Michel Suleiman")
    ctx_tokens.extend(t for t in span if t.lower_ in _MIL_TITLES | _OTHER_TITLES)
    words = {t.lower_ for t in ctx_tokens}
    if words & _MIL_TITLES:
        sector = "MIL"
    elif words & {"judge", "prosecutor"}:
        sector = "JUD"
    igo = None
    for t in ctx_tokens:
        m = ctx.mention_at(t.i)
        if m is not None and m.actor.kind != "person" and m.actor.country:
            country = country or _country_id(db, m.actor.country)
            if m.actor.sector and m.actor.sector not in {None, "IGO"} and sector is None:
                sector = m.actor.sector
        if m is not None and igo is None and (m.actor.kind == "igo" or (
                m.actor.kind == "organisation" and not m.actor.country and m.actor.cameo
                and not _is_identity(m.actor))):
            # "X, a spokesman for the UN refugee agency", "..., an official with the Red
            # Cross": a person of an organisation that belongs to no state
            igo = m.actor
        if t.text in db.adjectives and country is None:
            country = db.adjectives[t.text]
        elif t.ent_type_ in {"GPE", "ORG"} and country is None:
            for aid in db.index.get(fold(t.text), ()):
                if aid in db.countries:
                    country = aid
                    break
            ent = ctx.ent_by_token.get(t.i)
            if igo is None and ent is not None and ent.label_ == "ORG":
                aid = _lookup_name(db, ent.text, ctx.when, ("ORG",), allow_surname=False)
                org = db.organisations.get(aid) if aid else None
                if org is not None and (org.kind == "igo" or (not org.country and org.cameo)):
                    igo = db.actor(aid, ctx.when)
                elif org is not None and org.country in db.countries and country is None:
                    # "X, a spokesman for Gazprom": the organisation's state and sector
                    country = org.country
                    if org.sector and sector is None:
                        sector = org.sector
    if country is None and (words & (_MIL_TITLES | _OTHER_TITLES) or role):
        # "Foreign Minister Ali Karti of Sudan", "President X of the Philippines"
        country = _of_state_after(ctx, span.end)
    if sector is None:
        vocab = _words(db)
        text = " ".join(t.lower_ for t in ctx_tokens)
        for noun, key in sorted(vocab.institutions.items(), key=lambda kv: -len(kv[0])):
            if re.search(rf"\b{re.escape(noun)}\b", text):
                sector = db.sector_actor(country, key).sector if country else \
                    db.roles["institutions"][key]["sector"]
                break
        if sector is None and (words & _OTHER_TITLES or role):
            sector = "GOV"
        if sector is None:
            for noun, sec in sorted(vocab.groups.items(), key=lambda kv: -len(kv[0])):
                if noun in {"people", "public"}:
                    continue
                if re.search(rf"\b{re.escape(noun.rstrip('s'))}", text):
                    sector = sec
                    break
    if role is None:
        for t in ctx_tokens:
            if t.lower_ in {"head", "chief", "commander", "chairman", "chair", "director"}:
                role = t.lower_
                break
    if country is None and igo is not None:
        # "X, the United Nations relief coordinator": an official of the organisation
        return Actor(f"person:{slug(name)}", name, None,
                     "IGO" if igo.kind == "igo" else igo.sector, role, igo.cameo, "person")
    iso3 = db.countries[country].iso3 if country else None
    cameo = (db.cameo_country(country) + (sector or "")) if country else None
    return Actor(f"person:{slug(name)}", name, iso3, sector, role, cameo, "person")


def _of_state_after(ctx: _Ctx, i: int) -> str | None:
    """The state of an "of <state>" phrase starting at token ``i``, if any."""
    return _of_state_span(ctx, i)[0]


def _of_state_span(ctx: _Ctx, i: int) -> tuple[str | None, int]:
    """(state, end token) of an "of <state>" phrase starting at token ``i``; (None, i) if none."""
    doc = ctx.doc
    if i + 1 >= len(doc) or doc[i].lower_ != "of":
        return None, i
    k = i + 1
    if doc[k].lower_ == "the" and k + 1 < len(doc):
        k += 1
    ent = _ent_at(ctx, k)
    if ent is None or ent.label_ not in {"GPE", "ORG", "LOC"} or ent.start != (
            k - 1 if doc[k - 1].lower_ == "the" and ent.start == k - 1 else k):
        return None, i
    if ent.end < len(doc) and doc[ent.end].text in _POSSESSIVE:
        return None, i  # "of Japan's ...": a possessor, not the state of the title
    text = doc[k:ent.end].text
    if text in ctx.db.adjectives:
        return None, i
    country = _country_from_text(ctx.db, text, ctx.when)
    return (country, ent.end) if country else (None, i)


@dataclass
class _RoleItem(_Item):
    kind: str  # office | inst | group | collective_states | collective_leaders
    key: tuple[str, ...]  # roles / institution key / sector
    title: str
    countries: list[str]
    org: str | None = None
    person: Span | None = None
    not_now: bool = False
    deputy: bool = False

    def resolve(self, ctx: _Ctx) -> None:
        db = ctx.db
        when = ctx.when
        if self.kind == "collective_states":
            members = _recent_states(ctx, self.start, 2)
            if len(members) == 2:
                ctx.add(self.start, self.end, _group(ctx, members), 0.7, "role")
            return
        if self.kind == "collective_leaders" or (self.kind == "office" and self.title == "leaders"):
            if len(self.countries) == 1:
                actor = db.office_holder(self.countries[0], "leader", when)
                if actor is not None:
                    ctx.add(self.start, self.end, actor, 0.75, "role")
                return
            if len(self.countries) >= 2:
                leaders = [db.office_holder(c, "leader", when) for c in self.countries]
                ids = [a.actor_id for a in leaders if a is not None]
            elif ctx.doc[self.start].lower_ in {"the", "both", "two"}:
                ids = _recent_leaders(ctx, self.start, 2)
            else:
                return  # "Western leaders": not a pair we can name
            if len(ids) >= 2:
                ctx.add(self.start, self.end, _group(ctx, ids), 0.7, "role")
            return
        if self.kind == "office":
            self._office(ctx)
            return
        if len(self.countries) >= 2 and self.kind in {"inst", "group"}:
            ids = [db.sector_actor(c, self.key[0]).actor_id for c in self.countries]
            ctx.add(self.start, self.end, _group(ctx, ids), 0.75, "role")
            return
        country = self.countries[0] if self.countries else None
        if country is None and self.org is not None:
            # "UN peacekeepers", "NATO forces", "EU officials": the organisation's sector
            actor = _igo_sector_actor(ctx, self.org, _noun_sector(db, self.kind, self.key))
            ctx.add(self.start, self.end, actor, 0.8, "role")
            return
        if country is None:
            if self.kind == "inst" and self.key[0] in {"GOV", "foreign_ministry"} and \
                    ctx.doc[self.start].lower_ == "the":
                c = _recent_country(ctx, self.start)
                if c is not None:
                    ctx.add(self.start, self.end, db.sector_actor(c, self.key[0]), 0.5, "coref")
            return
        ctx.add(self.start, self.end, db.sector_actor(country, self.key[0]), 0.85, "role")

    def _former(self, ctx: _Ctx) -> bool:
        """Whether the title is qualified as no longer held ("former", "ousted", "ex-")."""
        doc = ctx.doc
        end = self.person.start if self.person is not None else self.end
        if any(doc[i].lower_.rstrip("-") in _FORMER for i in range(self.start, end)):
            return True
        i = self.start - 1
        while i >= 0 and (doc[i].lower_ in _SKIP_LEFT or doc[i].text in {"-", "–"}):
            if doc[i].lower_ in _FORMER:
                return True
            i -= 1
        return False

    def _office(self, ctx: _Ctx) -> None:
        db = ctx.db
        when = ctx.when
        country = self.countries[0] if self.countries else None
        office = self.org or country
        if self.person is not None:
            span = self.person
            text = _strip_titles(span.text)
            key = fold(text)
            actor_id = ctx.names.get(key)
            if actor_id is None:
                actor_id = _lookup_name(db, text, when, ("PERSON",))
                if actor_id is not None and actor_id not in db.persons:
                    actor_id = None
                if actor_id is None:
                    actor_id = _near_name(db, text)
            if actor_id is not None:
                actor = ctx.actor(actor_id)
                if country is not None and actor.kind == "person" and \
                        actor.country != db.countries[country].iso3 and \
                        not (actor.role or "").startswith("head_of"):
                    # "Georgian President Eduard Shevardnadze" (once a Soviet minister): the
                    # title says which state the person serves at this date
                    roles = [r for r in self.key if r != "leader"]
                    role = roles[0] if len(roles) == 1 else None
                    override = db.roles.get("country_titles", {}).get(country, {}).get(self.title)
                    c = db.countries[country]
                    sector = db.role_sector(override or role) if (override or role) else "GOV"
                    actor = Actor(actor.actor_id, actor.name, c.iso3, sector, override or role,
                                  c.cameo + sector, "person")
                if self._former(ctx) and not (actor.role and not actor.role.startswith("former_")):
                    actor = _as_former(ctx, actor)
                ctx.add(self.start, self.person.end, actor, 0.95, "role")
                return
            roles = [r for r in self.key if r != "leader"]
            end = self.person.end
            if country is None and self.org is None:
                # "Foreign Minister Ali Karti of Sudan": the title's state follows the name
                country, end = _of_state_span(ctx, end)
                end = end if country else self.person.end
            actor = _new_person(ctx, span, text, country, roles[0] if len(roles) == 1 else None)
            if actor is not None:
                if actor.sector is None:
                    actor = Actor(actor.actor_id, actor.name, actor.country, "GOV", actor.role,
                                  (actor.cameo or "") + "GOV" if actor.country else None, "person")
                if self._former(ctx):
                    actor = _as_former(ctx, actor)
                ctx.new_actors[actor.actor_id] = actor
                ctx.add(self.start, end, actor, 0.7, "new")
            return
        if self.not_now:
            return
        if office is None:
            ref = _recent_office_holder(ctx, self.start, self.key)
            if ref is not None:
                ctx.add(self.start, self.end, ctx.actor(ref), 0.7, "coref")
            return
        if self.deputy:
            if country:
                ctx.add(self.start, self.end, db.sector_actor(country, "GOV"), 0.6, "role")
            elif self.org is not None:
                # "the UN deputy secretary-general": an official of the organisation
                ctx.add(self.start, self.end, db.actor(self.org, when), 0.6, "role")
            return
        actor = _office_actor(db, office, self.key, self.title, when)
        if actor is not None:
            ctx.add(self.start, self.end, actor, 0.85, "role")
        elif country is not None:
            ctx.add(self.start, self.end, db.sector_actor(country, "GOV"), 0.6, "role")


def _as_former(ctx: _Ctx, actor: Actor) -> Actor:
    """A person the text calls a former office holder ("former president X", "ousted
    president Y"): an elite (ELI) of their state, as CAMEO codes them; the document's later
    mentions of the person reuse this actor."""
    if actor.kind != "person" or not actor.country:
        return actor
    role = actor.role
    if role and not role.startswith("former_"):
        role = f"former_{role}"
    c = _country_id(ctx.db, actor.country)
    cameo = ctx.db.cameo_country(c) + "ELI"
    former = Actor(actor.actor_id, actor.name, actor.country, "ELI", role, cameo, "person")
    ctx.new_actors[actor.actor_id] = former
    return former


def _office_actor(db: ActorDB, office: str, roles: tuple[str, ...], title: str,
                  when: dt.date | None) -> Actor | None:
    override = db.roles.get("country_titles", {}).get(office, {}).get(title)
    ordered = ([override] if override else []) + [r for r in roles if r != override]
    for role in ordered:
        actor = db.office_holder(office, role, when)
        if actor is not None:
            return actor
    return None


def _group(ctx: _Ctx, ids: list[str]) -> Actor:
    # "Obama and the leaders of France and Britain": a group inside a group is flattened.
    flat: list[str] = []
    for i in ids:
        for member in (i[len("group:"):].split("+") if i.startswith("group:") else [i]):
            if member not in flat:
                flat.append(member)
    ids = flat
    actors = [ctx.actor(i) for i in ids]

    def common(attr: str) -> str | None:
        vals = {getattr(a, attr) for a in actors}
        return vals.pop() if len(vals) == 1 else None

    return Actor("group:" + "+".join(ids), " and ".join(a.name for a in actors),
                 common("country"), common("sector"), "group", common("cameo"), "group")


#: How many sentences back "the two countries" and "the government" look for their states.
_STATE_LOOKBACK = 5


def _recent_states(ctx: _Ctx, before: int, n: int) -> list[str]:
    """The last ``n`` distinct states mentioned before token ``before`` (most recent last).

    Only states that exist at the article's date count (the Soviet Union in a history
    paragraph is not one of "the two countries" in 2016), and only mentions in the current
    and the previous ``_STATE_LOOKBACK`` sentences.
    """
    doc = ctx.doc
    limit = doc[before].idx
    here = ctx.sent_index(before)
    seen: list[str] = []
    for m in reversed(ctx.mentions):
        if m.start >= limit:
            continue
        if here is not None and m.sentence_index is not None and \
                here - m.sentence_index > _STATE_LOOKBACK:
            break
        if m.actor.kind == "group":
            for mid in m.actor.actor_id[len("group:"):].split("+"):
                c = ctx.db.country_of(mid) or mid
                if c in ctx.db.countries and c not in seen and ctx.db.is_valid(c, ctx.when):
                    seen.append(c)
        else:
            c = _country_id(ctx.db, m.actor.country) if m.actor.country else None
            if c and c not in seen and ctx.db.is_valid(c, ctx.when):
                seen.append(c)
        if len(seen) >= n:
            break
    return list(reversed(seen[:n]))


def _recent_country(ctx: _Ctx, before: int) -> str | None:
    states = _recent_states(ctx, before, 1)
    return states[0] if states else None


def _recent_leaders(ctx: _Ctx, before: int, n: int) -> list[str]:
    limit = ctx.doc[before].idx
    seen: list[str] = []
    for m in reversed(ctx.mentions):
        if m.start >= limit or m.actor.kind != "person":
            continue
        role = m.actor.role or ""
        if role in {"head_of_state", "head_of_government", "supreme_leader"} and \
                m.actor.actor_id not in seen:
            seen.append(m.actor.actor_id)
        if len(seen) >= n:
            break
    return list(reversed(seen))


def _recent_office_holder(ctx: _Ctx, before: int, roles: tuple[str, ...]) -> str | None:
    limit = ctx.doc[before].idx
    wanted = set(roles)
    if "leader" in wanted:
        wanted |= {"head_of_state", "head_of_government"}
    for m in reversed(ctx.mentions):
        if m.start >= limit or m.actor.kind != "person":
            continue
        if m.actor.role in wanted:
            return m.actor.actor_id
    return None


# --------------------------------------------------------------------------- finding items


def _entity_items(ctx: _Ctx) -> list[_Item]:
    return [_EntItem(e.start, e.end, e) for e in ctx.doc.ents if e.label_ in _ENT_LABELS]


def _ent_at(ctx: _Ctx, i: int) -> Span | None:
    return ctx.ent_by_token.get(i)


def _state_at(ctx: _Ctx, i: int, person_ok: bool = False,
              place_ok: bool = False) -> tuple[str | None, str | None, int]:
    """(country, igo) named by the token(s) ending at ``i`` and the first token index used.

    A person's name counts as their state before a possessive ("Abe's government") or, with
    ``person_ok``, directly before an institution noun ("the Merkel government"). With
    ``place_ok``, a region or city of ``places.tsv`` names the state it lies in ("Darfur
    rebels", "Donbas separatists").
    """
    db = ctx.db
    doc = ctx.doc
    tok = doc[i]
    if i > 0 and f"{doc[i - 1].text} {tok.text}" in db.adjectives:
        return db.adjectives[f"{doc[i - 1].text} {tok.text}"], None, i - 1
    ent = _ent_at(ctx, i)
    if ent is not None and ent.label_ == "PERSON" and ent.end == i + 1 and (
            person_ok or (i + 1 < len(doc) and doc[i + 1].text in _POSSESSIVE)):
        # "Abe's government", "Putin's foreign minister": the person's state
        name = _strip_titles(ent.text)
        aid = ctx.names.get(fold(name)) or _lookup_name(db, name, ctx.when, ("PERSON",))
        if aid is not None:
            actor = ctx.actor(aid) if (aid in db.persons or aid in ctx.new_actors) else None
            if actor is not None and actor.country:
                return _country_id(db, actor.country), None, ent.start
    if ent is not None and ent.label_ in {"GPE", "NORP", "ORG", "LOC"}:
        text = ent.text
        s = ent.start
        if doc[s].lower_ == "the":
            text = doc[s + 1:ent.end].text
        if doc[ent.end - 1].text in _POSSESSIVE:
            text = doc[s:ent.end - 1].text
        c = _country_from_text(db, text, ctx.when)
        if c is not None:
            return c, None, ent.start
        aid = _lookup_name(db, text, ctx.when, ("ORG",), allow_surname=False)
        if aid in db.organisations and db.organisations[aid].kind == "igo":
            return None, aid, ent.start
        if aid in db.organisations and db.organisations[aid].sector in NONSTATE_SECTORS:
            # "Hamas officials", "Houthi rebels": the group itself (its name), not a state
            return None, None, i
        if aid and ":" in aid and aid.split(":")[0] in db.countries:
            return aid.split(":")[0], None, ent.start
        if place_ok and ent.label_ in {"GPE", "LOC"} and text in db.places:
            return db.places[text].country, None, ent.start
    if place_ok:
        # "Chechen rebels", "South Ossetian separatists": the state the region lies in
        two = f"{doc[i - 1].text} {tok.text}" if i > 0 else None
        if two in db.place_adjectives:
            return db.place_adjectives[two], None, i - 1
        if tok.text in db.place_adjectives:
            return db.place_adjectives[tok.text], None, i
    if tok.text in db.adjectives:
        return db.adjectives[tok.text], None, i
    c = _country_from_text(db, tok.text, ctx.when) if tok.text[:1].isupper() else None
    if c is not None:
        return c, None, i
    return None, None, i


def _role_phrases(ctx: _Ctx) -> list[_Item]:
    db = ctx.db
    doc = ctx.doc
    words = _words(db)
    matcher = _matcher(db, doc.vocab)
    raw = sorted(matcher(doc), key=lambda m: (m[1], -(m[2] - m[1])))
    chosen: list[tuple[str, int, int]] = []
    last_end = -1
    for match_id, s, e in raw:
        if s < last_end:
            continue
        kind = doc.vocab.strings[match_id]
        # a title inside a known organisation's name ("UN Security Council") is not a role phrase
        ent = _ent_at(ctx, s)
        if ent is not None and ent.label_ in {"ORG", "FAC"} and (ent.start < s or ent.end > e) \
                and _lookup_name(db, ent.text, ctx.when, ("ORG",), allow_surname=False):
            continue
        chosen.append((kind, s, e))
        last_end = e
    items: list[_Item] = []
    skip_to = -1
    for n, (kind, s, e) in enumerate(chosen):
        if s < skip_to:
            continue
        title = doc[s:e].text.lower()
        if kind.startswith("collective"):
            start = s - 1 if s > 0 and doc[s - 1].lower_ in {"the", "both"} else s
            end = e + 1 if e < len(doc) and doc[e].text in _POSSESSIVE else e
            # "the two countries' leaders": leaders of the two states
            if e < len(doc) - 1 and doc[e].text in _POSSESSIVE and doc[e + 1].lower_ == "leaders":
                items.append(_CountriesLeaders(start, e + 2))
                continue
            # "both countries' foreign ministers": the holders of that office in each state
            nxt = chosen[n + 1] if n + 1 < len(chosen) else None
            roles = (_plural_office_roles(words, doc[e + 1:nxt[2]].text)
                     if nxt is not None and e + 1 <= nxt[1] <= e + 3 else ())
            if roles and e < len(doc) and doc[e].text in _POSSESSIVE and kind == "collective_states":
                items.append(_CountriesLeaders(start, nxt[2], roles))
                skip_to = nxt[2]
                continue
            items.append(_RoleItem(start, end, kind, (), title, []))
            continue
        if kind == "office":
            key = words.offices.get(title, ())
        elif kind == "inst":
            key = (words.institutions[title],)
        else:
            key = (words.groups[title],)
        countries: list[str] = []
        org = None
        not_now = deputy = False
        j = s - 1
        start = s
        while j >= 0 and doc[j].lower_ in _DEPUTY | {"-"}:
            deputy = True
            j -= 1
        while j >= 0 and doc[j].lower_ in _SKIP_LEFT - {"the", "a", "an"}:
            if doc[j].lower_ in _NOT_NOW:
                not_now = True
            j -= 1
        if j >= 0 and doc[j].lower_ in _DEPUTY:
            deputy = True
            j -= 1
        # "finance minister", "Information Minister": another office of the state's government
        steps = 0
        while kind == "office" and j >= 0 and steps < 3 and (
                doc[j].pos_ in {"NOUN", "ADJ"} or (doc[j].pos_ == "PROPN" and not doc[j].ent_type_)) \
                and doc[j].text not in db.adjectives and doc[j].lower_ not in _SKIP_LEFT and \
                doc[j].ent_type_ not in {"GPE", "NORP", "ORG", "PERSON"} and doc[j].is_alpha:
            deputy = True
            j -= 1
            steps += 1
        # "Iraq's interim government", "South Korean army officers", "Nicaragua's Sandinista
        # government": modifiers of the noun between it and its state
        steps = 0
        while kind in {"inst", "group"} and j >= 0 and steps < 3 and \
                _skippable_modifier(ctx, j, s, e):
            # "police officer", "intelligence officials": the modifier names the sector
            if steps == 0 and kind == "group" and _noun_sector(db, kind, key) in {"GOV", "MIL"}:
                low = doc[j].lower_
                if low in words.institutions and _noun_sector(
                        db, "inst", (words.institutions[low],)) not in {"GOV", None}:
                    kind, key = "inst", (words.institutions[low],)
                elif low in words.groups and words.groups[low] != "GOV":
                    kind, key = "group", (words.groups[low],)
            j -= 1
            steps += 1
        if j >= 0:
            k = j
            if doc[k].text in _POSSESSIVE and k > 0:
                k -= 1
            c, igo, first = _state_at(ctx, k, person_ok=kind == "inst" and key[0] == "GOV",
                                      place_ok=kind in {"inst", "group"})
            if (c or igo) and (doc[j].text in _POSSESSIVE or doc[k].text in db.adjectives
                               or doc[k].ent_type_ in {"GPE", "NORP", "ORG"} or first < k
                               or doc[k].text[:1].isupper()):
                if c:
                    countries.append(c)
                org = igo
                start = first
                # "Russia and Japan's leaders"
                if first >= 2 and doc[first - 1].lower_ in {"and", "&"}:
                    c2, _, first2 = _state_at(ctx, first - 2)
                    if c2:
                        countries.insert(0, c2)
                        start = first2
                j = start - 1
            while j >= 0 and doc[j].lower_ in _SKIP_LEFT:
                if doc[j].lower_ in _NOT_NOW:
                    not_now = True
                start = j
                j -= 1
        if countries and _pro_or_anti(doc, start):
            # "pro-Russian separatists", "anti-Japanese protesters": not that state's people
            continue
        end = e
        if kind in {"inst", "group"} and (doc[e - 1].dep_ == "compound" or (
                doc[e - 1].dep_ == "amod" and doc[e - 1].pos_ == "ADJ")) and \
                doc[e - 1].head.i >= e:
            # "the Russia-Japan business dialogue", "an official visit": a modifier
            continue
        # "<title> of <state>" ("Prime Minister of Japan", "President of Russia")
        if not countries and org is None and e + 1 < len(doc) and doc[e].lower_ == "of":
            k = e + 1
            while k < len(doc):
                if doc[k].lower_ == "the" and k + 1 < len(doc):
                    k += 1
                # "the military government of President X": the person's state
                while kind == "inst" and k + 1 < len(doc) and \
                        doc[k].lower_ in _OTHER_TITLES | _MIL_TITLES | _HONORIFICS:
                    k += 1
                ent = _ent_at(ctx, k)
                if ent is None or ent.label_ == "NORP" or (
                        ent.end < len(doc) and doc[ent.end].text in _POSSESSIVE):
                    break
                c, igo, _ = _state_at(ctx, ent.end - 1, person_ok=kind == "inst")
                if not (c or igo) or (c and ent.text in db.adjectives):
                    break
                if c:
                    countries.append(c)
                org = org or igo
                end = ent.end
                # "of Russia and Japan"
                if end + 1 < len(doc) and doc[end].lower_ in {"and", "&"}:
                    k = end + 1
                    continue
                break
        # "rebels in Chad", "a court in Kenya", "troops from Bangladesh", "protesters in Cairo",
        # "the government of Sindh province": the state the people or the institution belong to
        # (not for armed forces "in" a place: "troops in Syria" are usually foreign troops)
        if not countries and org is None and kind in {"inst", "group"} and e + 1 < len(doc) \
                and doc[e].lower_ in {"in", "from", "of"} and not (
                    doc[e].lower_ == "in" and (_noun_sector(db, kind, key) in _NOT_LOCAL_SECTORS
                                               or title in _TRAVELLERS)) and not (
                    doc[e].lower_ == "from" and _leaving(doc[e - 1])):
            c, place_end = _place_state_after(ctx, e + 1)
            if c is not None:
                countries.append(c)
                end = place_end
                # "envoys from Chile, Peru, and Bolivia": each coordinated state
                while end + 1 < len(doc) and doc[end].lower_ in {",", "and"}:
                    k = end + 1
                    if doc[end].text == "," and doc[k].lower_ == "and":
                        k += 1
                    c, place_end = _place_state_after(ctx, k)
                    if c is None:
                        break
                    countries.append(c)
                    end = place_end
        definite = s > 0 and doc[s - 1].lower_ == "the"
        if kind in {"inst", "group"} and not countries and org is None and \
                not (kind == "inst" and definite):
            continue
        # "Prime Minister Shinzo Abe", "Russia's top diplomat Lavrov"
        person = None
        if kind == "office" and end < len(doc):
            k = end
            ent = _ent_at(ctx, k)
            if ent is not None and ent.start == k and \
                    ent.label_ in {"PERSON", "ORG", "GPE", "NORP"} and (
                        ent.label_ == "PERSON" or _lookup_name(
                            db, ent.text, ctx.when, ("PERSON",)) in db.persons):
                person = ent
        items.append(_RoleItem(start, person.end if person is not None else end, kind, key, title,
                               countries, org, person, not_now, deputy))
    return items


#: People "in" a place who are usually not of that place's state ("troops in Syria",
#: "refugees in Lebanon", "journalists in Baghdad", "the delegation in Kiev", "an embassy in
#: Tehran", "investors in China").
_NOT_LOCAL_SECTORS = {"MIL", "REF", "MED"}
_TRAVELLERS = {"delegation", "delegations", "diplomats", "diplomat", "envoys", "envoy",
               "negotiators", "tourists", "tourist", "visitors", "peacekeepers", "settlers",
               "embassy", "investors", "companies", "firms", "businesses"}
_DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
               "central", "northeastern", "northwestern", "southeastern", "southwestern",
               "north-east", "north-west", "south-east", "south-west", "neighbouring",
               "neighboring"}


#: Words for leaving a place: "the withdrawal of forces from Panama" are not Panama's forces.
_DEPARTURE = {"withdraw", "withdrawal", "pull", "pullout", "pull-out", "evacuate", "evacuation",
              "expel", "expulsion", "remove", "removal", "leave", "departure", "redeploy",
              "redeployment", "retreat", "flee", "exit", "drawdown", "recall"}


def _leaving(noun: Token) -> bool:
    """Whether ``noun`` is what leaves a place ("withdrew troops from", "withdrawal of forces
    from", "troops pulled out from"), so that "from <place>" is where they come away from."""
    head = noun.head
    if head.lower_ == "of" and head.head is not head:
        head = head.head
    words = {head.lemma_.lower(), head.lower_}
    if noun.dep_ in {"nsubj", "nsubjpass"}:
        words |= {noun.head.lemma_.lower()}
    return bool(words & _DEPARTURE)


def _noun_sector(db: ActorDB, kind: str, key: tuple[str, ...]) -> str | None:
    """Sector of a matched institution or group noun ("forces" -> MIL, "officials" -> GOV)."""
    if not key:
        return None
    if kind == "group" or key[0] in SECTORS:
        return key[0]
    return db.roles.get("institutions", {}).get(key[0], {}).get("sector")


def _skippable_modifier(ctx: _Ctx, j: int, s: int, e: int) -> bool:
    """Whether token ``j`` (left of the noun ``doc[s:e]``) is a modifier of that noun that
    names no state and may stand between it and its state ("interim", "army", "Sandinista")."""
    doc = ctx.doc
    tok = doc[j]
    if not tok.is_alpha or tok.lower_ in _SKIP_LEFT or tok.text in ctx.db.adjectives:
        return False
    if tok.pos_ not in {"ADJ", "NOUN", "PROPN"} or tok.dep_ not in {"amod", "compound", "nmod"}:
        return False
    if not (s <= tok.head.i < e or (tok.head.i > j and tok.head.i < s
                                     and tok.head.dep_ in {"amod", "compound", "nmod"})):
        return False
    if tok.ent_type_ == "PERSON":
        return False
    if tok.ent_type_ in {"GPE", "NORP", "ORG", "LOC"}:
        c, igo, _ = _state_at(ctx, j, place_ok=True)
        return c is None and igo is None
    return True


def _place_state_after(ctx: _Ctx, k: int) -> tuple[str | None, int]:
    """(state, end token) of the state or place named from token ``k`` ("Chad", "the Ivory
    Coast", "southern Serbia", "Cairo"); (None, k) if none."""
    doc = ctx.doc
    db = ctx.db
    if k < len(doc) and doc[k].lower_ == "the":
        k += 1
    while k < len(doc) and doc[k].lower_ in _DIRECTIONS and _ent_at(ctx, k) is None:
        k += 1
    # modifiers of the place ("military-ruled Myanmar", "war-torn Syria")
    first = k
    while k < len(doc) and k - first < 4 and _ent_at(ctx, k) is None and \
            not doc[k].is_sent_start and (doc[k].is_alpha or doc[k].text in {"-", "–"}) and \
            doc[k].head.i > k and doc[k].pos_ in {"ADJ", "VERB", "NOUN", "ADV", "PUNCT"}:
        k += 1
    ent = _ent_at(ctx, k) if k < len(doc) else None
    if ent is not None and k > first and any(ent.root not in doc[j].ancestors
                                             for j in range(first, k)):
        return None, first
    if ent is None or ent.label_ not in {"GPE", "LOC", "FAC"}:
        return None, k
    if ent.end < len(doc) and doc[ent.end].text in _POSSESSIVE:
        return None, k  # "in Japan's northern territories": a possessor
    text = doc[max(ent.start, k):ent.end].text
    if text in db.adjectives and not any(i in db.countries for i in db.index.get(fold(text), ())):
        return None, k  # an adjective ("in Japanese"), unless also a state's name ("Myanmar")
    country = _country_from_text(db, text, ctx.when)
    if country is None:
        iso3 = place_country(text, ctx.when, db)
        country = _country_id(db, iso3) if iso3 else None
    return (country, ent.end) if country else (None, k)


def _igo_sector_actor(ctx: _Ctx, org_id: str, sector: str | None) -> Actor:
    """An organisation's people of one sector ("UN peacekeepers" -> IGOUNO + MIL); officials
    and institutions of its government sector are the organisation itself."""
    org = ctx.db.actor(org_id, ctx.when)
    if sector in {None, "GOV", "IGO"} or sector == org.sector:
        return org
    actor_id = f"{org_id}:{sector}"
    actor = ctx.new_actors.get(actor_id)
    if actor is None:
        actor = Actor(actor_id, f"{org.name} ({SECTORS.get(sector, sector)})", org.country, sector,
                      None, (org.cameo or "") + sector if org.cameo else None, "organisation")
        ctx.new_actors[actor_id] = actor
    return actor


def _plural_office_roles(words: _Vocab, text: str) -> tuple[str, ...]:
    """Roles of an office title written in the plural ("foreign ministers")."""
    low = text.lower()
    roles = words.offices.get(low) or (words.offices.get(low[:-1]) if low.endswith("s") else None)
    return tuple(roles or ())


@dataclass
class _CountriesLeaders(_Item):
    """"the two countries' leaders": the leaders of the last two states mentioned (or the
    holders of another office: "both countries' foreign ministers")."""

    roles: tuple[str, ...] = ("leader",)

    def _holder(self, ctx: _Ctx, country: str) -> Actor | None:
        for role in self.roles:
            holder = ctx.db.office_holder(country, role, ctx.when)
            if holder is not None:
                return holder
        return None

    def resolve(self, ctx: _Ctx) -> None:
        states = _recent_states(ctx, self.start, 2)
        leaders = [self._holder(ctx, c) for c in states]
        if self.roles != ("leader",) and len(states) == 2 and None in leaders:
            # an office whose holders are not on record: each state's government
            leaders = [ctx.db.sector_actor(c, "GOV") for c in states]
        ids = [a.actor_id for a in leaders if a is not None]
        if len(ids) == 2:
            ctx.add(self.start, self.end, _group(ctx, ids), 0.7, "role")


# --------------------------------------------------------------------------- ethnic and religious groups

#: Nouns after an ethnic or religious adjective that name the group itself ("Kurdish leaders",
#: "the Muslim community"), with no sector of their own.
_IDENTITY_SELF = {"community", "communities", "leaders", "leader", "groups", "group", "minority",
                  "minorities", "population", "clerics", "elders", "majority"}
#: Armed people of a group without a state of its own are rebels in CAMEO's sense.
_IDENTITY_ARMED = {"fighters", "fighter", "forces", "force", "troops", "militiamen"}


@dataclass
class _IdentityItem(_Item):
    group: str  # identity group id, or "state:<country id>" for "ethnic <demonym>"
    sector: str | None
    country: str | None

    def resolve(self, ctx: _Ctx) -> None:
        ctx.add(self.start, self.end, _identity_actor(ctx, self.group, self.country, self.sector),
                0.75, "role")


#: Generic head nouns after an identity group's noun ("extremist organisation").
_IDENTITY_HEADS = {"organisation", "organization", "organisations", "organizations", "movement",
                   "movements", "faction", "factions", "network", "cell", "cells"}


#: Nouns of what is said or shown: a place after one ("in a speech in Berlin") is where it was
#: said, not where the people it names act or are acted on.
_SAYING_NOUNS = frozenset({"speech", "statement", "interview", "address", "remark", "letter", "article",
                           "report", "message", "book", "film", "video", "broadcast", "documentary",
                           "newspaper", "paper", "conference", "meeting", "talk", "session"})
_LOCATIVE_PREPS = frozenset({"in", "inside", "across", "throughout"})


def _clause_locative_state(ctx: _Ctx, root: Token) -> str | None:
    """The state named by an "in <state or place>" attached to the verb whose subject or
    object is ``root`` ("... demonstrated on Tuesday in Serbia", "troops killed three ethnic
    Albanians in Serbia"), or to the act noun it names ("killed ... in a gunbattle in southern
    Serbia"); None if there is none or several."""
    if root.dep_ not in {"nsubj", "nsubjpass", "dobj"}:
        return None
    verb = root.head
    found: set[str] = set()
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in _LOCATIVE_PREPS:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None:
            continue
        if any(c.dep_ == "conj" for c in obj.children):
            return None  # "in Syria and Iraq": not one state
        c, _ = _place_state_after(ctx, prep.i + 1)
        if c is None and obj.pos_ == "NOUN" and obj.lemma_.lower() not in _SAYING_NOUNS:
            # "in a gunbattle in southern Serbia": the place of the act the clause names
            for inner in obj.children:
                if inner.dep_ == "prep" and inner.lower_ in _LOCATIVE_PREPS:
                    pobj = next((p for p in inner.children if p.dep_ == "pobj"), None)
                    if pobj is None or any(p.dep_ == "conj" for p in pobj.children):
                        continue
                    c, _ = _place_state_after(ctx, inner.i + 1)
                    if c is not None:
                        break
        if c is not None:
            found.add(c)
    return found.pop() if len(found) == 1 else None


def _identity_actor(ctx: _Ctx, group: str, country: str | None, sector: str | None) -> Actor:
    """The actor of an ethnic or religious group, of a state if known, and of a sector."""
    db = ctx.db
    if group.startswith("state:"):
        # "ethnic Turks": coded, as CAMEO does, with the code of the state whose people they are
        own = group.split(":", 1)[1]
        gid, code, name = f"ethnic_{own.lower()}", db.cameo_country(own), \
            f"ethnic {(db.countries[own].demonyms or (db.countries[own].name,))[0]}"
    else:
        g = db.identity_groups[group]
        gid, code, name = g.id, g.code, g.name
    actor_id = (f"{country}:" if country else "") + f"identity:{gid}" + (f":{sector}" if sector else "")
    actor = ctx.new_actors.get(actor_id)
    if actor is not None:
        return actor
    if country:
        c = db.countries[country]
        cameo: str | None = c.cameo + code + (sector or "")
        full = f"{name} ({c.name})"
        iso3: str | None = c.iso3
    else:
        # a code that is also a state's code ("ethnic Albanians" -> ALB) would read as that
        # state: without the state they live in, such a group has no CAMEO code
        clash = any(code == c.cameo or code == c.iso3 for c in db.countries.values())
        cameo = None if clash else code + (sector or "")
        full, iso3 = name, None
    if sector:
        full += f", {SECTORS.get(sector, sector)}"
    actor = Actor(actor_id, full, iso3, sector, None, cameo, "organisation")
    ctx.new_actors[actor_id] = actor
    return actor


def _is_identity(actor: Actor) -> bool:
    return actor.actor_id.startswith("identity:") or ":identity:" in actor.actor_id


@functools.lru_cache(maxsize=8)
def _identity_first_words(db: ActorDB) -> frozenset[str]:
    """First tokens of the nouns and adjectives of identity_groups.tsv (a quick pre-check)."""
    out = set()
    for w in db.identity_words:
        out.add(w.split()[0])
        out.add(re.split(r"[\s'’-]", w)[0])  # however the tokenizer splits "Shi'ite"
    return frozenset(out)


def _identity_items(ctx: _Ctx) -> list[_Item]:
    """Ethnic and religious groups: "Kurds", "Iraqi Kurds", "Kurdish fighters", "Sunni
    militants in Iraq", "ethnic Turks", "Bosnian Serbs" (identity_groups.tsv). An adjective
    names the group only before a group noun; the state comes from a state modifier on the
    left, the group's name, "in|of <place>" on the right, or the region its adjective names."""
    db = ctx.db
    doc = ctx.doc
    if not db.identity_groups:
        return []
    words = _words(db)
    table = db.identity_words
    items: list[_Item] = []
    n = len(doc)
    firsts = _identity_first_words(db)
    starts = [t.i for t in doc if t.text in firsts or t.lower_ in {"ethnic", "ethnically"}]
    for i in starts:
        if items and i < items[-1].end:
            continue  # inside the group just found
        found = None
        for k in (3, 2, 1):
            if i + k <= n:
                text = doc[i:i + k].text
                if text in table:
                    found = (table[text][0], k, False)
                    break
        if found is None and doc[i].lower_ in {"ethnic", "ethnically"} and i + 1 < n:
            nxt = doc[i + 1]
            own = db.adjectives.get(nxt.text)
            if own is None:
                own = next((c for c in sorted(db.index.get(fold(nxt.text), ()))
                            if c in db.countries and fold(nxt.text) in
                            {fold(d) for d in db.countries[c].demonyms}), None)
            if own is not None:
                found = (f"state:{own}", 2, True)
        if found is None:
            continue
        group, k, ethnic_state = found
        end = i + k
        if ethnic_state and end + 1 < n and doc[end].lower_ in {"in", "of"} and \
                _place_state_after(ctx, end + 1)[0] is not None:
            continue  # "ethnic Russians in Latvia": civilians of the state they live in
        if not ethnic_state and doc[i:end].text in db.place_adjectives:
            continue  # "Tibetan protesters": the region's state (role phrases)
        g = db.identity_groups.get(group)
        is_noun = ethnic_state and db.adjectives.get(doc[end - 1].text) is None or \
            (g is not None and doc[i:end].text in g.nouns)
        is_adj = ethnic_state or (g is not None and doc[i:end].text in g.adjectives)
        # a group noun after it: "Kurdish fighters", "Sunni militants", "ethnic Albanian leaders"
        sector: str | None = None
        noun_end = None
        for m in (3, 2, 1):
            if not is_adj or end + m > n:
                continue
            low = doc[end:end + m].text.lower()
            if low in _IDENTITY_ARMED:
                sector, noun_end = "REB", end + m
            elif low in _IDENTITY_SELF:
                sector, noun_end = None, end + m
            elif low in words.groups:
                sector, noun_end = words.groups[low], end + m
                if sector in {"MIL"}:
                    sector = "REB"
            elif low in words.institutions and _noun_sector(
                    db, "inst", (words.institutions[low],)) in {"MIL", "REB"}:
                sector, noun_end = "REB", end + m
            if noun_end is not None:
                break
        if noun_end is None:
            last = doc[end - 1]
            if not is_noun or (end < n and doc[end].text in {"-", "–"}) or \
                    last.dep_ in {"compound", "amod", "nmod"} and last.head.i >= end:
                continue  # "the Kurdish language", "a Hutu-led government"
            noun_end = end
        start = i - 1 if ethnic_state is False and i > 0 and \
            doc[i - 1].lower_ in {"ethnic", "ethnically"} else i
        # the state: "Iraqi Kurds", "Turkey's Kurds", "Bosnian Serbs", "Kurds in Syria"
        country = None
        j = start - 1
        if j >= 0:
            k2 = j - 1 if doc[j].text in _POSSESSIVE and j > 0 else j
            if doc[j].text in _POSSESSIVE or doc[k2].text in db.adjectives:
                c, igo, first = _state_at(ctx, k2)
                if c is not None and igo is None and not _pro_or_anti(doc, first):
                    country, start = c, first
        if country is None and g is not None and g.state:
            country = g.state
        if noun_end < n and noun_end > end and doc[noun_end].pos_ == "NOUN" and \
                doc[noun_end - 1].head.i == noun_end and doc[noun_end].lower_ in _IDENTITY_HEADS:
            noun_end += 1  # "a Protestant extremist organisation in Northern Ireland"
        stop = noun_end
        if country is None and noun_end + 1 < n and doc[noun_end].lower_ in {"in", "of"}:
            c, place_end = _place_state_after(ctx, noun_end + 1)
            k3 = noun_end + 2 if doc[noun_end + 1].lower_ == "the" else noun_end + 1
            if c is None and k3 + 1 < n and doc[k3].text in db.adjectives and \
                    doc[k3 + 1].pos_ == "PROPN":
                # "inhabitants of the Syrian Golan Heights": the state the adjective names
                c = db.adjectives[doc[k3].text]
                place_end = next((e.end for e in doc.ents if e.start <= k3 + 1 < e.end), k3 + 2)
            if c is not None:
                country, stop = c, place_end
        if country is None and g is not None:
            country = next((db.place_adjectives[a] for a in g.adjectives
                            if a == doc[i:end].text and a in db.place_adjectives), None)
        if country is None:
            # "ethnic Albanians demonstrated in Serbia": people of a group are coded by the
            # state they act in, named by a locative of their own verb
            country = _clause_locative_state(ctx, doc[start:stop].root)
        if start > 0 and doc[start - 1].lower_ == "the":
            start -= 1
        items.append(_IdentityItem(start, stop, group, sector, country))
    return items


# --------------------------------------------------------------------------- pronouns


def _quoted_tokens(doc: Doc) -> set[int]:
    """Indices of tokens inside quotation marks (pronouns there belong to the speaker)."""
    inside: set[int] = set()
    depth = 0
    straight = False
    for tok in doc:
        if "\n\n" in tok.text or (tok.is_space and tok.text.count("\n") >= 2):
            depth, straight = 0, False
            continue
        if tok.text in {"“", "‘"}:
            depth += 1
            continue
        if tok.text in {"”", "’"} and depth > 0:
            depth -= 1
            continue
        if tok.text == '"':
            straight = not straight
            continue
        if depth > 0 or straight:
            inside.add(tok.i)
    return inside


def _quotations(doc: Doc) -> list[tuple[int, int]]:
    """(opening mark, closing mark) token indices of each quotation (curly or straight marks;
    a paragraph break closes any open one; the closing mark is ``len(doc)`` if none)."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    straight = False
    for tok in doc:
        if "\n\n" in tok.text or (tok.is_space and tok.text.count("\n") >= 2):
            if opened is not None:
                spans.append((opened, tok.i))
            opened, straight = None, False
            continue
        if tok.text == "“" and opened is None:
            opened = tok.i
        elif tok.text == '"' and not straight and opened is None:
            opened, straight = tok.i, True
        elif opened is not None and (tok.text == "”" or (tok.text == '"' and straight)):
            spans.append((opened, tok.i))
            opened, straight = None, False
    if opened is not None:
        spans.append((opened, len(doc)))
    return spans


def _quote_speaker(ctx: _Ctx, opened: int, closed: int) -> ActorMention | None:
    """The actor a quotation is attributed to: the subject of a verb of saying (``roles.yaml``
    quote_verbs) in the rest of the sentence after the closing mark ('"...," Lavrov said',
    '"...," said the minister'), else in the sentence before the opening mark ('Lavrov said:
    "..."'); None when no such subject is a resolved actor."""
    doc = ctx.doc
    verbs = frozenset(ctx.db.roles.get("quote_verbs", ()))
    after = doc[closed + 1:doc[closed].sent.end] if closed < len(doc) else doc[0:0]
    before = doc[doc[opened].sent.start:opened]
    for part in (after, reversed(list(before))):
        for tok in part:
            if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in verbs:
                continue
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or opened <= subj.i <= closed:
                continue
            found = next((ctx.mention_at(t.i) for t in (subj, *subj.subtree) if ctx.mention_at(t.i)), None)
            if found is not None:
                return found
            break
    return None


#: First-person plural pronouns: inside a quotation, the speaker's state.
_WE_PRONOUNS = {"we", "us", "our", "ours", "ourselves"}


def _resolve_quoted_we(ctx: _Ctx) -> None:
    """ '"... they will not talk to us," Lavrov said': "we", "us" and "our" inside a quotation
    stand for the state of the actor it is attributed to (a person's state at the article
    date, a state itself). Not "our" before a noun already qualified by an actor ("our
    Japanese friends" are Japan's)."""
    doc = ctx.doc
    for opened, closed in _quotations(doc):
        pronouns = [t for t in doc[opened + 1:closed] if t.lower_ in _WE_PRONOUNS and t.pos_ == "PRON"
                    and t.i not in ctx.covered]
        if not pronouns:
            continue
        speaker = _quote_speaker(ctx, opened, closed)
        if speaker is None or not speaker.actor.country:
            continue
        if speaker.actor.kind == "state":
            state = speaker.actor
        else:
            try:
                state = ctx.actor(speaker.actor.country)
            except (KeyError, ValueError, LookupError):
                continue
        for tok in pronouns:
            if tok.dep_ == "poss" and any(c.i < tok.head.i and c.i in ctx.covered for c in tok.head.children
                                          if c.dep_ in ("amod", "compound")):
                continue
            ctx.add(tok.i, tok.i + 1, state, 0.6, "pronoun")


def _resolve_pronouns(ctx: _Ctx) -> None:
    doc = ctx.doc
    quoted = _quoted_tokens(doc)
    event_nouns = _event_nouns(ctx.db)
    for tok in doc:
        low = tok.lower_
        if tok.i in ctx.covered or tok.pos_ != "PRON" or tok.i in quoted:
            continue
        if low in _PERSON_PRONOUNS:
            want = "person"
        elif low in _THING_PRONOUNS:
            want = "thing"
        elif low in _PLURAL_PRONOUNS:
            want = "plural"
        else:
            continue
        if low == "it" and (tok.dep_ == "expl" or (
                tok.dep_ in {"nsubj", "nsubjpass"} and
                tok.head.lemma_ in {"be", "seem", "appear", "take", "remain", "become"})):
            continue
        if low in _OBJECT_PRONOUNS and tok.dep_ in _OBJECT_DEPS:
            # an object pronoun is never the subject of its own clause ("X met Y and thanked
            # him": Y; "X asked Y to call him": X; "X met him": unresolved)
            # "signed it", "on it": usually a thing; such an "it" only takes the subject of a
            # governing clause ("Israel said a bomb was fired at it"), never its own subject
            thing = low == "it" and not (tok.dep_ in {"dobj", "obj"} and
                                         tok.head.lemma_.lower() in _ACTOR_OBJECT_VERBS)
            found, conf = _object_antecedent(ctx, tok, want, governing_only=thing)
            if found is not None:
                ctx.add(tok.i, tok.i + 1, found, conf, "pronoun")
            continue
        found, via_conj, subj = _antecedent_by_syntax(ctx, tok, want)
        conf = 0.75
        if found is not None and not via_conj:
            # another fitting actor between the subject and the pronoun: "X imposed sanctions
            # on Y since its annexation ...", "X thanked Y for his ...": the nearer object
            # if it is the only one, otherwise leave the pronoun unresolved
            others = _intervening(ctx, tok, want, found)
            if subj is not None:
                # actors named inside the subject itself ("Japan, which Russia accuses ...,
                # defended its ...") do not stand between it and the pronoun
                inside = {t.i for t in subj.subtree}
                others = [o for o in others if not _mentioned_only_within(ctx, o, inside, tok)]
            if tok.dep_ == "poss" and tok.head.lemma_.lower() not in event_nouns:
                # "X deployed American missiles near its border": a nationality adjective
                # qualifying a thing names its maker, not an owner the pronoun stands for
                others = [o for o in others if not _only_as_adjective(ctx, o, tok)]
            if len(others) == 1 and (_is_object_of_clause(ctx, others[0], tok) or (
                    tok.dep_ == "poss" and tok.head.lemma_.lower() in event_nouns
                    and not _coordinated_mention(ctx, others[0], tok, want))):
                # "... toward Russia since its annexation of Crimea": the possessor of an
                # act is the nearest fitting actor before it
                found, conf = others[0], 0.55
            elif others:
                continue
        if found is None and tok.dep_ == "poss" and tok.head.lemma_.lower() in event_nouns:
            found = _nearest_possessor(ctx, tok, want)
            conf = 0.55
        if found is None and (low != "it" or (
                tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _AGENT_VERBS)):
            found = _antecedent_by_window(ctx, tok, want)
            conf = 0.65
        if found is not None:
            ctx.add(tok.i, tok.i + 1, found, conf, "pronoun")


#: Object pronouns ("her" only where it is an object, not "her visit").
_OBJECT_PRONOUNS = {"him", "her", "them", "it"}
_OBJECT_DEPS = {"dobj", "obj", "dative", "iobj", "pobj"}
#: Verbs whose object "it" is usually an actor ("warned it against ..."), not a thing.
_ACTOR_OBJECT_VERBS = {"warn", "urge", "accuse", "ask", "invite", "thank", "tell", "criticise",
                       "criticize", "threaten", "press", "pressure", "persuade", "inform",
                       "assure", "reassure", "blame", "congratulate", "lobby", "punish",
                       "sanction", "help", "encourage", "advise", "remind", "request"}
_RELATIVE = {"who", "which", "that", "whom"}


@functools.lru_cache(maxsize=8)
def _event_nouns(db: ActorDB) -> frozenset[str]:
    """Nouns of acts done by their possessor ("its annexation", "his visit"): roles.yaml."""
    return frozenset(w.lower() for w in db.roles.get("event_nouns", []))


def _clause_verb(tok: Token) -> Token | None:
    """The verb of the clause a token belongs to (through nouns and prepositions)."""
    node = tok
    for _ in range(8):
        if node.head is node:
            return node if node.pos_ in {"VERB", "AUX"} else None
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            return node
    return None


def _clause_subjects(verb: Token, depth: int = 0) -> list[Token]:
    """Subject tokens of a clause, with the controller of a clause without its own subject:
    "asked Y to call him" -> Y; "promised to support him" -> the promiser; "met Y and thanked
    him", "criticised Y, accusing her" -> the shared subject; "X, who invited him" -> X."""
    subj = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if subj:
        out = []
        for s in subj:
            if s.lower_ in _RELATIVE and verb.dep_ == "relcl":
                s = verb.head
            out.append(s)
            out.extend(c for c in s.children if c.dep_ == "conj")
        return out
    if depth > 4 or verb.head is verb:
        return []
    if verb.dep_ == "xcomp":
        objs = [c for c in verb.head.children if c.dep_ in {"dobj", "obj"} and c.i < verb.i]
        if objs:
            return objs
        return _clause_subjects(verb.head, depth + 1)
    if verb.dep_ in {"conj", "advcl"} and verb.head.pos_ in {"VERB", "AUX"}:
        return _clause_subjects(verb.head, depth + 1)
    return []


def _token_actor(ctx: _Ctx, token: Token, want: str) -> Actor | None:
    m = ctx.mention_at(token.i)
    if m is None:
        for t in token.children:
            if t.dep_ in {"compound", "appos"}:
                m = ctx.mention_at(t.i)
                if m is not None:
                    break
    return m.actor if m is not None and _fits(m.actor, want) else None


def _object_antecedent(ctx: _Ctx, tok: Token, want: str,
                       governing_only: bool = False) -> tuple[Actor | None, float]:
    """The antecedent of an object pronoun: a fitting actor that is not the subject of the
    pronoun's own clause; the only such actor earlier in the sentence (or, when the
    sentence has none, in the previous sentence), or the subject of a governing clause when
    several are named; otherwise none. With ``governing_only``, only the subject of a
    governing clause."""
    verb = _clause_verb(tok)
    excluded: list[Actor] = []
    if verb is not None:
        for s in _clause_subjects(verb):
            a = _token_actor(ctx, s, want)
            if a is not None:
                excluded.append(a)

    def allowed(a: Actor) -> bool:
        return _fits(a, want) and not any(_same_referent(ctx, a, x, want) for x in excluded)

    def distinct(ms: list[ActorMention]) -> list[Actor]:
        out: list[Actor] = []
        for m in ms:
            if allowed(m.actor) and not any(_same_referent(ctx, m.actor, o, want) for o in out):
                out.append(m.actor)
        return out

    if governing_only:
        above, _, _ = _antecedent_by_syntax(ctx, tok, want)
        return (above, 0.6) if above is not None and allowed(above) else (None, 0.0)
    # "X called Y, asking him ...", "X met Y and thanked him": the object of the verb that
    # controls the pronoun's clause
    node = verb
    for _ in range(3):
        if node is None or node.dep_ not in {"advcl", "conj", "xcomp"} or \
                any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children):
            break
        node = node.head
        for obj in (c for c in node.children if c.dep_ in {"dobj", "obj"} and c.i < tok.i):
            if want != "plural" and any(c.dep_ == "conj" for c in obj.children):
                return None, 0.0  # "met Putin and Obama and thanked him": either of them
            a = _token_actor(ctx, obj, want)
            if a is not None and allowed(a) and (want != "plural" or _plural_object_ok(a)):
                return a, 0.6
    sent = tok.sent
    lo, hi = ctx.doc[sent.start].idx, tok.idx
    if want == "plural":
        group = _coordinated_group(ctx, tok, excluded)
        if group is not None:
            return group, 0.55
    here = distinct([m for m in reversed(ctx.mentions) if lo <= m.start < hi
                     and (want != "plural" or _plural_object_ok(m.actor))])
    if len(here) == 1:
        return here[0], 0.6
    if len(here) > 1:
        above, _, _ = _antecedent_by_syntax(ctx, tok, want)
        if above is not None and allowed(above) and any(a.actor_id == above.actor_id
                                                        for a in here):
            return above, 0.55
        return None, 0.0
    if sent.start == 0:
        return None, 0.0
    prev = ctx.doc[sent.start - 1].sent
    plo = ctx.doc[prev.start].idx
    before = distinct([m for m in reversed(ctx.mentions) if plo <= m.start < lo
                       and (want != "plural" or _plural_object_ok(m.actor))])
    if len(before) == 1:
        return before[0], 0.55
    return None, 0.0


def _plural_object_ok(actor: Actor) -> bool:
    """Whether "them" may stand for this actor: a group, an ethnic or religious group, a
    state's people of a sector ("Japanese businesspersons") or an armed or opposition group,
    not a named organisation such as a think tank or company."""
    if actor.kind == "group" or _is_identity(actor):
        return True
    if actor.sector and actor.actor_id.endswith(f":{actor.sector}"):
        return True
    return actor.sector in {"REB", "INS", "RAD", "CRM", "OPP"}


def _coordinated_group(ctx: _Ctx, tok: Token, excluded: list[Actor]) -> Actor | None:
    """The last coordination of actors before ``tok`` in its sentence ("both Japan and Russia
    ... between them") as a group, unless one of them is excluded."""
    sent = tok.sent
    for t in reversed(range(sent.start, tok.i)):
        head = ctx.doc[t]
        if head.dep_ == "conj":
            continue
        conj = [c for c in head.children if c.dep_ == "conj"]
        if not conj:
            continue
        first = ctx.mention_at(head.i)
        if first is None:
            continue
        ids = [first.actor.actor_id]
        for c in conj:
            cm = ctx.mention_at(c.i)
            if cm is None:
                ids = []
                break
            ids.append(cm.actor.actor_id)
        ids = list(dict.fromkeys(ids))
        if len(ids) < 2 or any(x.actor_id in ids for x in excluded):
            return None
        return _group(ctx, ids)
    return None


@functools.lru_cache(maxsize=8)
def _equipment_nouns(db: ActorDB) -> frozenset[str]:
    """Nouns of weapons and equipment, whose nationality adjective names a maker: roles.yaml."""
    return frozenset(w.lower() for w in db.roles.get("equipment_nouns", []))


def _only_as_adjective(ctx: _Ctx, actor: Actor, tok: Token) -> bool:
    """Whether every mention of ``actor`` in the pronoun's sentence before it is a nationality
    word qualifying a piece of equipment ("American missiles", "Russian-made jets"): the
    equipment's maker or origin, not an owner a possessive pronoun can stand for."""
    lo = ctx.doc[tok.sent.start].idx
    equipment = _equipment_nouns(ctx.db)
    seen = False
    for m in ctx.mentions:
        if m.actor.actor_id != actor.actor_id or not (lo <= m.start < tok.idx):
            continue
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return False
        first = span[0]
        head = span.root if span.root.i != first.i else first.head
        if not (first.dep_ in {"amod", "compound", "nmod"} and head.i != first.i
                and head.lemma_.lower() in equipment):
            return False
        seen = True
    return seen


def _mentioned_only_within(ctx: _Ctx, actor: Actor, inside: set[int], tok: Token) -> bool:
    """Whether every mention of ``actor`` in the pronoun's sentence before it lies on tokens
    in ``inside``."""
    lo = ctx.doc[tok.sent.start].idx
    seen = False
    for m in ctx.mentions:
        if m.actor.actor_id != actor.actor_id or not (lo <= m.start < tok.idx):
            continue
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not all(t.i in inside for t in span):
            return False
        seen = True
    return seen


def _coordinated_mention(ctx: _Ctx, actor: Actor, tok: Token, want: str) -> bool:
    """Whether the actor's last mention before the pronoun is coordinated with another fitting
    actor ("told Putin and Xi about his ..."): then the pronoun is ambiguous."""
    lo = ctx.doc[tok.sent.start].idx
    for m in reversed(ctx.mentions):
        if m.actor.actor_id != actor.actor_id or not (lo <= m.start < tok.idx):
            continue
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return True
        root = span.root
        partners = [c for c in root.children if c.dep_ == "conj"]
        if root.dep_ == "conj":
            partners.append(root.head)
            partners.extend(c for c in root.head.children if c.dep_ == "conj" and c is not root)
        return any(_token_actor(ctx, p, want) is not None for p in partners)
    return False


def _nearest_possessor(ctx: _Ctx, tok: Token, want: str) -> Actor | None:
    """The last fitting actor before a possessive of an act in the sentence ("... against
    Russia over its annexation"), unless coordinated with another fitting actor."""
    lo = ctx.doc[tok.sent.start].idx
    for m in reversed(ctx.mentions):
        if lo <= m.start < tok.idx and _fits(m.actor, want):
            if _coordinated_mention(ctx, m.actor, tok, want):
                return None
            return m.actor
    return None


def _fits(actor: Actor, want: str) -> bool:
    """Number and animacy: he/she -> persons; it/its -> states and organisations; they/their
    -> groups, plural sector actors ("Japanese businesspersons") and non-state groups."""
    if want == "person":
        return actor.kind == "person"
    if _is_identity(actor):
        return want == "plural"  # "the Kurds ... they"
    if want == "thing":
        return actor.kind in {"state", "organisation", "igo"}
    if actor.kind == "group":
        return True
    return actor.kind == "organisation" and actor.sector is not None and (
        actor.sector in NONSTATE_SECTORS or (
            actor.sector not in {"GOV", "IGO"} and actor.actor_id.endswith(f":{actor.sector}")))


def _same_referent(ctx: _Ctx, a: Actor, b: Actor, want: str) -> bool:
    """Whether two fitting actors count as one antecedent (a state and its own government)."""
    if a.actor_id == b.actor_id:
        return True
    return want == "thing" and a.kind != "person" and b.kind != "person" and \
        a.country is not None and a.country == b.country and \
        {a.sector, b.sector} <= {None, "GOV"}


def _intervening(ctx: _Ctx, tok: Token, want: str, found: Actor) -> list[Actor]:
    """Fitting actors other than ``found`` mentioned after ``found``'s last mention and before
    the pronoun, in the pronoun's sentence."""
    lo = ctx.doc[tok.sent.start].idx
    out: list[Actor] = []
    # in text order (pronouns resolved earlier were added after the names that follow them)
    for m in sorted(ctx.mentions, key=lambda m: m.start, reverse=True):
        if m.start >= tok.idx or m.start < lo:
            continue
        if _same_referent(ctx, m.actor, found, want):
            break
        if _fits(m.actor, want) and m.method != "pronoun" and \
                not any(_same_referent(ctx, m.actor, o, want) for o in out):
            out.append(m.actor)
    return out


def _is_object_of_clause(ctx: _Ctx, actor: Actor, tok: Token) -> bool:
    """Whether ``actor`` is mentioned as an object (direct, prepositional or dative) of a verb
    on the pronoun's path to its clause ("thanked Y for his ...", "sanctions on Y since its")."""
    path = []
    node = tok
    for _ in range(8):
        if node.head is node:
            break
        node = node.head
        path.append(node)
    ids = {p.i for p in path}
    for m in ctx.mentions:
        if m.actor.actor_id != actor.actor_id or m.start >= tok.idx:
            continue
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if root.dep_ in {"dobj", "obj", "dative", "iobj"} and root.head.i in ids:
            return True
        if root.dep_ == "pobj" and (root.head.head.i in ids or root.head.i in ids):
            return True
    return False


def _antecedent_by_syntax(ctx: _Ctx, tok: Token,
                          want: str) -> tuple[Actor | None, bool, Token | None]:
    """The subject of a clause governing the pronoun, if it is a fitting mention, and whether
    the pronoun reaches that clause through a coordinated verb ("X met Y and reaffirmed his
    ...": the shared subject), and the subject token."""
    node = tok
    via_conj = False
    for _ in range(6):
        head = node.head
        if head is node:
            break
        if node.dep_ == "conj" and node.pos_ in {"VERB", "AUX"}:
            via_conj = True
        for child in head.children:
            if child.dep_ not in {"nsubj", "nsubjpass"} or child is tok or child is node:
                continue
            if tok.i in {t.i for t in child.subtree}:
                continue
            actor = _mention_actor_of(ctx, child, want)
            if actor is not None and (child.i < tok.i or tok.sent.start <= child.i):
                return actor, via_conj and child.i < tok.i, child
        node = head
    return None, False, None


def _mention_actor_of(ctx: _Ctx, token: Token, want: str) -> Actor | None:
    m = ctx.mention_at(token.i)
    if want == "plural":
        if m is not None and _fits(m.actor, "plural"):
            return m.actor
        conj = [t for t in token.subtree if t.dep_ == "conj" and t.head == token]
        if m is not None and conj:
            ids = [m.actor.actor_id]
            for c in conj:
                cm = ctx.mention_at(c.i)
                if cm is not None and cm.actor.actor_id not in ids:
                    ids.append(cm.actor.actor_id)
            if len(ids) >= 2:
                return _group(ctx, ids)
        return None
    if m is not None and _fits(m.actor, want):
        return m.actor
    # the subject may be a phrase whose mention is on another token ("The head of ..., X")
    for t in token.subtree:
        m = ctx.mention_at(t.i)
        if m is not None and _fits(m.actor, want) and t.dep_ in {"appos", "compound", "poss"}:
            return m.actor
    return None


def _antecedent_by_window(ctx: _Ctx, tok: Token, want: str) -> Actor | None:
    """The only fitting actor mentioned in the previous and current sentence before ``tok``."""
    sent = tok.sent
    prev_start = sent.start
    if sent.start > 0:
        prev_start = ctx.doc[sent.start - 1].sent.start
    lo = ctx.doc[prev_start].idx
    hi = tok.idx
    window = [m for m in ctx.mentions if lo <= m.start < hi]
    if want == "plural":
        if window and window[-1].actor.kind == "group":
            return window[-1].actor
        persons = list(dict.fromkeys(
            m.actor.actor_id for m in window if m.actor.kind == "person" and m.actor.role
            and not m.actor.role.startswith("former_")))
        others = {m.actor.actor_id for m in window if m.actor.kind == "person"} - set(persons)
        if len(persons) == 2 and not others:
            return _group(ctx, persons)
        plural = list(dict.fromkeys(m.actor.actor_id for m in window
                                    if m.actor.kind != "group" and _fits(m.actor, "plural")))
        if len(plural) == 1 and not persons and not others:
            return ctx.actor(plural[0])
        return None
    ids = list(dict.fromkeys(m.actor.actor_id for m in window if _fits(m.actor, want)))
    if want == "thing":
        # a state and its own government are one antecedent
        states = {_country_id(ctx.db, ctx.actor(i).country) for i in ids if ctx.actor(i).country}
        if len(ids) > 1 and len(states) == 1 and all(ctx.actor(i).country for i in ids):
            return ctx.actor(ids[-1])
    if len(ids) == 1:
        return ctx.actor(ids[0])
    return None
