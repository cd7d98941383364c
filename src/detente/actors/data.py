"""Actor knowledge: loading and validating the packaged actor data (plus an optional user file).

The data lives in ``detente/data/actors/`` (see each file's header for its format):

- ``countries.tsv``      states (UN members, observers, historical states) with names,
                         adjectives, demonyms, capitals, validity dates
- ``office_terms.tsv``   office holders (heads of state/government, foreign and defence
                         ministers, ...) with term dates
- ``organisations.yaml`` international organisations and named institutions
- ``metonyms.tsv``       buildings and places standing for an actor ("the Kremlin")
- ``places.tsv``         places that are not actors (for the entity ruler)
- ``roles.yaml``         title words, institution nouns and group nouns
- ``identity_groups.tsv`` ethnic and religious groups with their CAMEO codes

Actor ids:

- states: their id in ``countries.tsv`` (ISO3, e.g. ``JPN``; historical: ``SUN``, ``RUS-EMP``)
- a state's sector actor: ``<ISO3>:<SECTOR>`` (``JPN:GOV``, ``RUS:MIL``, ``JPN:BUS``)
- a state's institution: ``<ISO3>:<role>`` (``RUS:foreign_ministry``, ``JPN:parliament``)
- international organisations: short upper-case ids (``UN``, ``NATO``, ``EU``)
- persons: ``person:<slug of the name>`` (``person:shinzo_abe``)
- groups: ``group:<member id>+<member id>...`` (kind ``group``; see :func:`group_members`)
- ethnic and religious groups: ``identity:<id>`` or, with a state, ``<ISO3>:identity:<id>``,
  plus ``:<SECTOR>`` for a sector of the group (``IRQ:identity:kurds:REB``)
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import itertools
import logging
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import ConfigError
from ..records import Actor
from ..yaml_lines import line_loader

log = logging.getLogger(__name__)

#: Sector codes (PLOVER/CAMEO style) and how a state's sector actor is named. Non-state
#: sectors follow the CAMEO/Phoenix agent codes: REB armed rebels and militant groups, INS
#: insurgents, OPP political opposition and protest movements, RAD radicals and extremists,
#: LAB labour, AGR farmers, REF refugees and displaced people, CRM criminal groups.
SECTORS = {
    "GOV": "government",
    "MIL": "armed forces",
    "LEG": "legislature",
    "JUD": "judiciary",
    "SPY": "intelligence services",
    "COP": "police",
    "BUS": "business",
    "MED": "media",
    "EDU": "education",
    "NGO": "non-governmental organisations",
    "CVL": "civilians",
    "REB": "rebels",
    "INS": "insurgents",
    "OPP": "opposition",
    "RAD": "radicals",
    "LAB": "labour",
    "AGR": "agriculture",
    "REF": "refugees",
    "CRM": "criminals",
    "PTY": "political parties",
    "ELI": "elites",
    "IGO": "intergovernmental organisation",
}
#: Sectors of actors outside the state ("Hamas", "Georgian demonstrators"): a phrase such as
#: "Hamas officials" names the group itself, not a state's government.
NONSTATE_SECTORS = frozenset({"REB", "INS", "OPP", "RAD", "LAB", "AGR", "REF", "CRM", "NGO",
                              "PTY"})
ROLE_CODES = {"hos": "head_of_state", "hog": "head_of_government", "fm": "foreign_minister",
              "dm": "defence_minister"}
#: Which of a person's simultaneous offices names them (lower = more important).
ROLE_PRIORITY = ("head_of_state", "head_of_government", "supreme_leader", "foreign_minister",
                 "defence_minister", "commission_president", "council_president",
                 "secretary_general")
_ROLE_RE = re.compile(r"^[a-z][a-z_]*$")
_ISO3_RE = re.compile(r"^[A-Z]{3}$")
_KINDS = ("state", "person", "organisation", "igo", "group")


def slug(name: str) -> str:
    """Lower-case ASCII slug of a name: ``"Shinzō Abe"`` -> ``"shinzo_abe"``."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^A-Za-z0-9]+", "_", text.lower()).strip("_")
    return text


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Key used for case- and accent-insensitive name lookups (cached: the same words recur)."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"\s+", " ", text).strip().casefold()
    return re.sub(r"^the ", "", text)


def group_members(actor: Actor) -> list[str]:
    """Member actor ids of a group actor (``kind == "group"``); ``[]`` for other actors."""
    if actor.kind != "group" or not actor.actor_id.startswith("group:"):
        return []
    return actor.actor_id[len("group:"):].split("+")


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Country:
    id: str
    iso3: str
    cameo: str
    name: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    demonyms: tuple[str, ...]
    prefixes: tuple[str, ...]
    capitals: tuple[str, ...]
    valid_from: dt.date | None
    valid_to: dt.date | None
    status: str
    leader: str  # head_of_state | head_of_government


@dataclass(frozen=True)
class Term:
    person_id: str
    office: str  # country id or organisation id
    role: str
    start: dt.date
    end: dt.date | None
    source: str = ""  # file:line

    def holds(self, when: dt.date) -> bool:
        return self.start <= when and (self.end is None or when < self.end)


@dataclass
class Person:
    person_id: str
    name: str
    aliases: set[str] = field(default_factory=set)
    surnames: set[str] = field(default_factory=set)
    terms: list[Term] = field(default_factory=list)


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    role: str | None
    cameo: str | None
    aliases: tuple[str, ...]
    members: tuple[str, ...] = ()
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


@dataclass(frozen=True)
class Metonym:
    term: str
    target: str
    valid_from: dt.date | None
    valid_to: dt.date | None


@dataclass(frozen=True)
class IdentityGroup:
    """An ethnic or religious group (identity_groups.tsv)."""

    id: str
    kind: str  # ethnic | religious
    code: str  # CAMEO code written after the state's code (KUR, MUSSUN, SRB)
    code_source: str  # cameo | petrarch | detente
    state: str | None  # the state the name implies ("Bosnian Serbs" -> BIH)
    nouns: tuple[str, ...]
    adjectives: tuple[str, ...]
    name: str = ""


@dataclass(frozen=True)
class Place:
    name: str
    label: str
    country: str  # the state that administers it
    adjectives: tuple[str, ...] = ()
    claimed_by: str | None = None  # another state claiming a disputed place
    disputed_with: str | None = None  # the other party of a dispute named after the place


def _valid(valid_from: dt.date | None, valid_to: dt.date | None, when: dt.date | None) -> bool:
    if when is None:
        return valid_to is None
    return (valid_from is None or valid_from <= when) and (valid_to is None or when < valid_to)


# --------------------------------------------------------------------------- the database


class ActorDB:
    """Everything detente knows about actors, indexed for resolution.

    ``actors`` holds every named actor (states, organisations, persons) as it is today;
    :meth:`actor` gives an actor as it was at a date (a person's office and country).
    """

    def __init__(self) -> None:
        self.countries: dict[str, Country] = {}
        self.organisations: dict[str, Organisation] = {}
        self.persons: dict[str, Person] = {}
        self.metonyms: list[Metonym] = []
        self.places: dict[str, Place] = {}
        self.roles: dict[str, Any] = {}
        self.identity_groups: dict[str, IdentityGroup] = {}
        self.sources: list[str] = []
        self._index: dict[str, set[str]] | None = None

    # ------------------------------------------------------------------ summary
    @property
    def terms(self) -> list[Term]:
        """Every office term, ordered by office, role and start."""
        out = [t for p in self.persons.values() for t in p.terms]
        return sorted(out, key=lambda t: (t.office, t.role, t.start))

    @functools.cached_property
    def actors(self) -> dict[str, Actor]:
        out: dict[str, Actor] = {}
        for cid in self.countries:
            out[cid] = self.actor(cid, None)
        for oid in self.organisations:
            out[oid] = self.actor(oid, None)
        for pid in self.persons:
            out[pid] = self.actor(pid, None)
        return out

    def counts(self) -> dict[str, int]:
        return {
            "states": len(self.countries),
            "un_members": sum(1 for c in self.countries.values() if c.status == "un_member"),
            "organisations": sum(1 for o in self.organisations.values() if o.kind != "igo"),
            "igos": sum(1 for o in self.organisations.values() if o.kind == "igo"),
            "persons": len(self.persons),
            "office_terms": len(self.terms),
            "metonyms": len(self.metonyms) + sum(len(c.capitals) for c in self.countries.values()),
            "places": len(self.places),
            "identity_groups": len(self.identity_groups),
            "actors": len(self.actors),
        }

    # ------------------------------------------------------------------ actors
    def country_of(self, actor_id: str) -> str | None:
        head = actor_id.split(":", 1)[0]
        return head if head in self.countries else None

    def cameo_country(self, country: str) -> str:
        c = self.countries.get(country)
        return c.cameo if c else country

    def sector_actor(self, country: str, sector: str) -> Actor:
        """The actor for a state's sector (``JPN:GOV``), or its institution (``JPN:parliament``)."""
        org = self.organisations.get(f"{country}:{sector}")
        if org is not None:
            return self._org_actor(org)
        c = self.countries[country]
        sec = sector if sector in SECTORS else self._institution_sector(sector)
        label = SECTORS.get(sector) or sector.replace("_", " ")
        return Actor(
            actor_id=f"{country}:{sector}",
            name=f"{c.name} ({label})",
            country=c.iso3,
            sector=sec,
            role=None if sector in SECTORS else sector,
            cameo=f"{c.cameo}{sec}" if sec else c.cameo,
            kind="organisation",
        )

    def _institution_sector(self, role: str) -> str | None:
        spec = self.roles.get("institutions", {}).get(role)
        return spec.get("sector") if spec else None

    def _org_actor(self, org: Organisation) -> Actor:
        if org.cameo:
            cameo = org.cameo
        elif org.country:
            cameo = self.cameo_country(org.country) + (org.sector or "")
        else:
            cameo = None
        country = self.countries[org.country].iso3 if org.country in self.countries else None
        kind = "igo" if org.kind == "igo" else "organisation"
        role = None if org.role in SECTORS else org.role
        return Actor(org.id, org.name, country, org.sector, role, cameo, kind)

    def actor(self, actor_id: str, when: dt.date | None) -> Actor:
        """The actor with this id as it was at ``when`` (None = today)."""
        if actor_id in self.countries:
            c = self.countries[actor_id]
            return Actor(c.id, c.name, c.iso3, None, None, c.cameo, "state")
        if actor_id in self.organisations:
            return self._org_actor(self.organisations[actor_id])
        if actor_id in self.persons:
            return self._person_actor(self.persons[actor_id], when)
        if ":" in actor_id:
            country, sector = actor_id.split(":", 1)
            if country in self.countries:
                return self.sector_actor(country, sector)
        raise KeyError(actor_id)

    def current_term(self, person_id: str, when: dt.date | None) -> tuple[Term | None, bool]:
        """The term that names a person at ``when`` and whether it is held then."""
        terms = self.persons[person_id].terms
        if not terms:
            return None, False
        if when is None:
            open_terms = [t for t in terms if t.end is None]
            if open_terms:
                return min(open_terms, key=_role_rank), True
            return max(terms, key=lambda t: t.end or dt.date.max), False
        held = [t for t in terms if t.holds(when)]
        if held:
            return min(held, key=_role_rank), True
        before = [t for t in terms if t.end is not None and t.end <= when]
        if before:
            return max(before, key=lambda t: t.end), False
        return min(terms, key=lambda t: t.start), False

    def _person_actor(self, person: Person, when: dt.date | None) -> Actor:
        term, held = self.current_term(person.person_id, when)
        if term is None:
            return Actor(person.person_id, person.name, None, None, None, None, "person")
        role = term.role if held else (
            f"former_{term.role}" if when is None or term.start <= when else None)
        sector = self.role_sector(term.role)
        if term.office in self.countries:
            c = self.countries[term.office]
            return Actor(person.person_id, person.name, c.iso3, sector, role, c.cameo + sector,
                         "person")
        org = self.organisations.get(term.office)
        cameo = org.cameo if org else None
        return Actor(person.person_id, person.name, None, "IGO" if org else sector, role, cameo,
                     "person")

    def role_sector(self, role: str) -> str:
        spec = self.roles.get("offices", {}).get(role)
        return spec.get("sector", "GOV") if spec else "GOV"

    def office_holder(self, office: str, role: str, when: dt.date | None) -> Actor | None:
        """Who held ``role`` ("head_of_state", "fm", ...) of ``office`` (ISO3 or IGO id) at ``when``."""
        role = ROLE_CODES.get(role, role)
        if role == "leader":
            role = self.leader_role(office)
        holder = self._holder(office, role, when)
        if holder is None:
            fallback = self.roles.get("offices", {}).get(role, {}).get("fallback")
            if fallback and not any(t.office == office and t.role == role
                                    for t in self._terms_by_office.get(office, ())):
                holder = self._holder(office, fallback, when)
            elif fallback and when is not None and not any(
                    t.office == office and t.role == role and (t.end is None or t.end > when)
                    for t in self._terms_by_office.get(office, ())):
                # an office that existed once but not at `when` (Turkey's prime minister)
                holder = self._holder(office, fallback, when)
        return self._person_actor(self.persons[holder], when) if holder else None

    def _holder(self, office: str, role: str, when: dt.date | None) -> str | None:
        for t in self._terms_by_office.get(office, ()):
            if t.role != role:
                continue
            if (when is None and t.end is None) or (when is not None and t.holds(when)):
                return t.person_id
        return None

    @functools.cached_property
    def _terms_by_office(self) -> dict[str, list[Term]]:
        out: dict[str, list[Term]] = defaultdict(list)
        for t in self.terms:
            out[t.office].append(t)
        return out

    def leader_role(self, country: str) -> str:
        c = self.countries.get(country)
        return c.leader if c else "head_of_state"

    # ------------------------------------------------------------------ names
    @property
    def index(self) -> dict[str, set[str]]:
        """Folded surface form -> actor ids (and ``metonym:<n>`` / ``place:<name>`` entries)."""
        if self._index is None:
            self._index = self._build_index()
        return self._index

    def _build_index(self) -> dict[str, set[str]]:
        idx: dict[str, set[str]] = defaultdict(set)
        for c in self.countries.values():
            for n in (c.name, *c.names, *c.demonyms):
                idx[fold(n)].add(c.id)
            for n in c.adjectives:
                idx[fold(n)].add(c.id)
            for cap in c.capitals:
                idx[fold(cap)].add(f"{c.id}:GOV")
        for i, m in enumerate(self.metonyms):
            idx[fold(m.term)].add(f"metonym:{i}")
        for o in self.organisations.values():
            for n in (o.name, *o.aliases):
                idx[fold(n)].add(o.id)
        for p in self.persons.values():
            for n in (p.name, *p.aliases):
                idx[fold(n)].add(p.person_id)
        return dict(idx)

    @functools.cached_property
    def surnames(self) -> dict[str, set[str]]:
        """Folded surname -> person ids."""
        out: dict[str, set[str]] = defaultdict(set)
        for p in self.persons.values():
            for s in p.surnames:
                out[fold(s)].add(p.person_id)
        return dict(out)

    @functools.cached_property
    def adjectives(self) -> dict[str, str]:
        """Adjective, demonym or combining form (exact case) -> country id (current states first)."""
        out: dict[str, str] = {}
        for c in sorted(self.countries.values(), key=lambda c: c.status == "historical"):
            for n in (*c.adjectives, *c.prefixes):
                out.setdefault(n, c.id)
        return out

    @functools.cached_property
    def place_adjectives(self) -> dict[str, str]:
        """Adjective of a region (exact case) -> id of the state it lies in ("Chechen" -> RUS)."""
        out: dict[str, str] = {}
        for p in self.places.values():
            for a in p.adjectives:
                out.setdefault(a, p.country)
        return out

    @functools.cached_property
    def identity_words(self) -> dict[str, tuple[str, str]]:
        """Noun or adjective of an ethnic or religious group (exact case) -> (group id,
        "noun" | "adjective")."""
        out: dict[str, tuple[str, str]] = {}
        for g in self.identity_groups.values():
            for n in g.nouns:
                out.setdefault(n, (g.id, "noun"))
            for a in g.adjectives:
                out.setdefault(a, (g.id, "adjective"))
        return out

    def metonym_targets(self, text: str, when: dt.date | None) -> list[str]:
        ids = self.index.get(fold(text), set())
        out = []
        for i in sorted(x for x in ids if x.startswith("metonym:")):
            m = self.metonyms[int(i.split(":")[1])]
            if when is None or _valid(m.valid_from, m.valid_to, when):
                out.append(m.target)
        return out

    def is_valid(self, actor_id: str, when: dt.date | None) -> bool:
        if when is None:
            return True
        if actor_id in self.countries:
            c = self.countries[actor_id]
            return _valid(c.valid_from, c.valid_to, when)
        if actor_id in self.organisations:
            o = self.organisations[actor_id]
            return _valid(o.valid_from, o.valid_to, when)
        return True


def _role_rank(term: Term) -> tuple[int, dt.date]:
    rank = ROLE_PRIORITY.index(term.role) if term.role in ROLE_PRIORITY else len(ROLE_PRIORITY)
    return rank, term.start


# --------------------------------------------------------------------------- loading


# dates stay strings, so that a bad date is reported with its line by our own validation
_LineLoader = line_loader(dates_as_strings=True)


def _date(value: Any, file: str, line: int | None, what: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ConfigError(f"{what}: {value!r} is not an ISO date (YYYY-MM-DD)",
                          file=file, line=line) from None


def _split(cell: str | None) -> tuple[str, ...]:
    if not cell:
        return ()
    return tuple(x.strip() for x in cell.split("|") if x.strip())


def _read_tsv(text: str, file: str, required: tuple[str, ...]) -> tuple[int, list[tuple[int, dict]]]:
    """Parse a commented TSV: returns (version, [(line, row)])."""
    version = None
    header: list[str] | None = None
    rows: list[tuple[int, dict]] = []
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        if line.startswith("#"):
            m = re.match(r"#\s*version:\s*(\S+)", line)
            if m:
                version = int(m.group(1)) if m.group(1).isdigit() else m.group(1)
            continue
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if header is None:
            header = [c.strip() for c in cells]
            missing = [c for c in required if c not in header]
            if missing:
                raise ConfigError(f"header lacks column(s) {', '.join(missing)}; expected "
                                  f"tab-separated columns {', '.join(required)}",
                                  file=file, line=lineno)
            continue
        if len(cells) > len(header):
            raise ConfigError(f"{len(cells)} tab-separated cells, header has {len(header)}",
                              file=file, line=lineno)
        cells += [""] * (len(header) - len(cells))
        rows.append((lineno, {h: c.strip() for h, c in zip(header, cells)}))
    if version is None:
        raise ConfigError("missing '# version: N' header comment", file=file, line=1)
    if header is None:
        raise ConfigError("no header line", file=file, line=1)
    return version, rows


def _add_country(db: ActorDB, row: dict, file: str, line: int | None) -> None:
    cid = (row.get("id") or "").strip()
    if not cid:
        raise ConfigError("country without an id", file=file, line=line)
    old = db.countries.get(cid)
    iso3 = row.get("iso3") or (old.iso3 if old else cid)
    if not _ISO3_RE.match(iso3):
        raise ConfigError(f"iso3 {iso3!r} is not three upper-case letters", file=file, line=line)
    name = row.get("name") or (old.name if old else "")
    if not name:
        raise ConfigError(f"country {cid} has no name", file=file, line=line)
    leader = row.get("leader") or (old.leader if old else "hos")
    leader = ROLE_CODES.get(leader, leader)
    if leader not in ("head_of_state", "head_of_government"):
        raise ConfigError(f"leader {leader!r} must be hos or hog", file=file, line=line)
    status = row.get("status") or (old.status if old else "other")
    if status not in ("un_member", "observer", "historical", "other"):
        raise ConfigError(f"status {status!r} must be un_member, observer, historical or other",
                          file=file, line=line)

    def multi(key: str) -> tuple[str, ...]:
        val = row.get(key)
        if val is None:
            return getattr(old, key) if old else ()
        return tuple(val) if isinstance(val, list) else _split(val)

    vf = _date(row.get("valid_from"), file, line, "valid_from") if "valid_from" in row else (
        old.valid_from if old else None)
    vt = _date(row.get("valid_to"), file, line, "valid_to") if "valid_to" in row else (
        old.valid_to if old else None)
    if vf and vt and vt <= vf:
        raise ConfigError(f"valid_to {vt} is not after valid_from {vf}", file=file, line=line)
    db.countries[cid] = Country(
        id=cid, iso3=iso3, cameo=row.get("cameo") or (old.cameo if old else iso3), name=name,
        names=multi("names"), adjectives=multi("adjectives"), demonyms=multi("demonyms"),
        prefixes=multi("prefixes"),
        capitals=multi("capital") if "capital" in row else (old.capitals if old else ()),
        valid_from=vf, valid_to=vt, status=status, leader=leader,
    )


def _add_term(db: ActorDB, row: dict, file: str, line: int | None) -> None:
    office = (row.get("office") or "").strip()
    role = ROLE_CODES.get((row.get("role") or "").strip(), (row.get("role") or "").strip())
    name = (row.get("name") or "").strip()
    if not office or not role or not name:
        raise ConfigError("office term needs office, role and name", file=file, line=line)
    if not _ROLE_RE.match(role):
        raise ConfigError(f"role {role!r} must be hos, hog, fm, dm or a snake_case word",
                          file=file, line=line)
    start = _date(row.get("start"), file, line, "start")
    if start is None:
        raise ConfigError("office term without a start date", file=file, line=line)
    end = _date(row.get("end"), file, line, "end")
    if end is not None and end <= start:
        raise ConfigError(f"end {end} is not after start {start}", file=file, line=line)
    pid = row.get("person_id") or f"person:{slug(name)}"
    person = db.persons.get(pid)
    if person is None:
        person = db.persons[pid] = Person(pid, name)
    aliases = row.get("aliases") or ()
    person.aliases.update(aliases if isinstance(aliases, list) else _split(aliases))
    surname = (row.get("surname") or "").strip()
    if surname and surname != "-":
        person.surnames.add(surname)
    elif not surname:
        person.surnames.add(name.split()[-1])
    term = Term(pid, office, role, start, end, f"{file}:{line}")
    # a user term with the same office, role and start replaces the packaged one
    for other in db.persons.values():
        other.terms = [t for t in other.terms
                       if not (t.office == office and t.role == role and t.start == start)]
    person.terms.append(term)


def _add_org(db: ActorDB, row: dict, file: str, line: int | None) -> None:
    oid = str(row.get("id") or "").strip()
    if not oid:
        raise ConfigError("organisation without an id", file=file, line=line)
    old = db.organisations.get(oid)
    kind = row.get("kind") or (old.kind if old else "organisation")
    if kind not in ("igo", "organisation"):
        raise ConfigError(f"kind {kind!r} must be igo or organisation", file=file, line=line)
    name = row.get("name") or (old.name if old else None)
    if not name:
        raise ConfigError(f"organisation {oid} has no name", file=file, line=line)
    sector = row.get("sector", old.sector if old else None)
    if sector is not None and sector not in SECTORS:
        raise ConfigError(f"sector {sector!r} is not one of {', '.join(SECTORS)}",
                          file=file, line=line)
    aliases = row.get("aliases")
    if aliases is not None and not isinstance(aliases, list):
        raise ConfigError("aliases must be a list", file=file, line=line)
    merged = tuple(dict.fromkeys([*(old.aliases if old else ()), *(str(a) for a in aliases or ())]))
    members = tuple(row.get("members") or (old.members if old else ()))
    db.organisations[oid] = Organisation(
        id=oid, name=str(name), kind=kind, country=row.get("country", old.country if old else None),
        sector=sector, role=row.get("role", old.role if old else None),
        cameo=row.get("cameo", old.cameo if old else None), aliases=merged, members=members,
        valid_from=_date(row.get("valid_from"), file, line, "valid_from") if "valid_from" in row
        else (old.valid_from if old else None),
        valid_to=_date(row.get("valid_to"), file, line, "valid_to") if "valid_to" in row
        else (old.valid_to if old else None),
    )


def _add_metonym(db: ActorDB, row: dict, file: str, line: int | None) -> None:
    term, target = (row.get("term") or "").strip(), (row.get("target") or "").strip()
    if not term or not target:
        raise ConfigError("metonym needs term and target", file=file, line=line)
    db.metonyms.append(Metonym(term, target, _date(row.get("valid_from"), file, line, "valid_from"),
                               _date(row.get("valid_to"), file, line, "valid_to")))


_IDENTITY_KINDS = ("ethnic", "religious")
_IDENTITY_SOURCES = ("cameo", "petrarch", "detente")
_IDENTITY_CODE_RE = re.compile(r"^[A-Z]{3}(?:[A-Z]{3})?$")


def _add_identity_group(db: ActorDB, row: dict, file: str, line: int | None) -> None:
    gid = (row.get("id") or "").strip()
    if not _ROLE_RE.match(gid):
        raise ConfigError(f"identity group id {gid!r} must be a snake_case word", file=file,
                          line=line)
    if gid in db.identity_groups:
        raise ConfigError(f"identity group {gid!r} is listed twice", file=file, line=line)
    kind = (row.get("kind") or "").strip()
    if kind not in _IDENTITY_KINDS:
        raise ConfigError(f"kind {kind!r} must be one of {', '.join(_IDENTITY_KINDS)}",
                          file=file, line=line)
    code = (row.get("code") or "").strip()
    if not _IDENTITY_CODE_RE.match(code):
        raise ConfigError(f"code {code!r} must be three or six upper-case letters", file=file,
                          line=line)
    source = (row.get("code_source") or "").strip()
    if source not in _IDENTITY_SOURCES:
        raise ConfigError(f"code_source {source!r} must be one of {', '.join(_IDENTITY_SOURCES)}",
                          file=file, line=line)
    state = (row.get("state") or "").strip() or None
    if state is not None and state not in db.countries:
        raise ConfigError(f"unknown state {state!r}", file=file, line=line)
    nouns, adjectives = _split(row.get("nouns")), _split(row.get("adjectives"))
    if not nouns and not adjectives:
        raise ConfigError(f"identity group {gid!r} has neither nouns nor adjectives", file=file,
                          line=line)
    for word in (*nouns, *adjectives):
        for other in db.identity_groups.values():
            if word in other.nouns or word in other.adjectives:
                raise ConfigError(f"{word!r} already names identity group {other.id!r}",
                                  file=file, line=line)
    name = nouns[0] if nouns else adjectives[0]
    db.identity_groups[gid] = IdentityGroup(gid, kind, code, source, state, nouns, adjectives,
                                            name)


def _check(db: ActorDB) -> None:
    """Cross-file checks: references resolve, terms of one office do not overlap."""
    for o in db.organisations.values():
        if o.country and o.country not in db.countries:
            raise ConfigError(f"organisation {o.id}: unknown country {o.country!r}")
        for m in o.members:
            if m not in db.countries:
                raise ConfigError(f"organisation {o.id}: unknown member {m!r}")
    for p in db.places.values():
        if p.country not in db.countries:
            raise ConfigError(f"place {p.name!r}: unknown country {p.country!r}")
        if p.claimed_by is not None and p.claimed_by not in db.countries:
            raise ConfigError(f"place {p.name!r}: unknown claimant {p.claimed_by!r}")
        if p.disputed_with is not None and p.disputed_with not in db.countries:
            raise ConfigError(f"place {p.name!r}: unknown disputing state {p.disputed_with!r}")
    for m in db.metonyms:
        head = m.target.split(":", 1)[0]
        if head not in db.countries and m.target not in db.organisations:
            raise ConfigError(f"metonym {m.term!r}: unknown target {m.target!r}")
    by_office: dict[tuple[str, str], list[Term]] = defaultdict(list)
    for p in db.persons.values():
        for t in p.terms:
            if t.office not in db.countries and t.office not in db.organisations:
                file, _, line = t.source.rpartition(":")
                raise ConfigError(f"unknown office {t.office!r} (not a country or organisation id)",
                                  file=file, line=int(line) if line.isdigit() else None)
            by_office[(t.office, t.role)].append(t)
    for (office, role), terms in by_office.items():
        terms.sort(key=lambda t: t.start)
        for a, b in itertools.pairwise(terms):
            if a.end is None or a.end > b.start:
                file, _, line = b.source.rpartition(":")
                raise ConfigError(
                    f"{office} {role}: term starting {b.start} overlaps the term starting "
                    f"{a.start} ({a.source})", file=file, line=int(line) if line.isdigit() else None)


def _packaged_text(name: str) -> tuple[str, str]:
    ref = resources.files("detente") / "data" / "actors" / name
    return ref.read_text(encoding="utf-8"), f"detente/data/actors/{name}"


def _load_yaml(text: str, file: str) -> Any:
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        context = getattr(exc, "context_mark", None)
        if context is not None and (mark is None or "stream end" in str(exc)):
            mark = context  # an unclosed bracket: point at where it was opened
        raise ConfigError(f"not valid YAML: {getattr(exc, 'problem', exc)}", file=file,
                          line=mark.line + 1 if mark else None) from None


def _load_packaged() -> ActorDB:
    db = ActorDB()
    text, file = _packaged_text("countries.tsv")
    _, rows = _read_tsv(text, file, ("id", "iso3", "name", "status"))
    for line, row in rows:
        _add_country(db, row, file, line)
    text, file = _packaged_text("organisations.yaml")
    data = _load_yaml(text, file)
    for row in data.get("organisations", []):
        _add_org(db, row, file, row.get("__line__"))
    text, file = _packaged_text("office_terms.tsv")
    _, rows = _read_tsv(text, file, ("office", "role", "start", "end", "name"))
    for line, row in rows:
        _add_term(db, row, file, line)
    text, file = _packaged_text("metonyms.tsv")
    _, rows = _read_tsv(text, file, ("term", "target"))
    for line, row in rows:
        _add_metonym(db, row, file, line)
    text, file = _packaged_text("places.tsv")
    _, rows = _read_tsv(text, file, ("name", "label", "country"))
    for line, row in rows:
        claimant = row.get("claimed_by") or None
        if claimant is not None and claimant not in db.countries:
            raise ConfigError(f"claimed_by: unknown state {claimant!r}", file=file, line=line)
        disputant = row.get("disputed_with") or None
        if disputant is not None and disputant not in db.countries:
            raise ConfigError(f"disputed_with: unknown state {disputant!r}", file=file, line=line)
        db.places[row["name"]] = Place(row["name"], row["label"], row["country"],
                                       _split(row.get("adjectives")), claimant, disputant)
    text, file = _packaged_text("roles.yaml")
    db.roles = load_roles(text, file)
    text, file = _packaged_text("identity_groups.tsv")
    _, rows = _read_tsv(text, file, ("id", "kind", "code", "code_source", "nouns"))
    for line, row in rows:
        _add_identity_group(db, row, file, line)
    db.sources = ["countries.tsv", "organisations.yaml", "office_terms.tsv", "metonyms.tsv",
                  "places.tsv", "roles.yaml", "identity_groups.tsv"]
    _check(db)
    return db


#: Word lists of roles.yaml that the event extractor reads: each must be there, a list of
#: distinct, non-empty lower-case strings.
ROLE_WORD_LISTS = ("event_nouns", "equipment_nouns", "domestic_measures", "group_heads", "pressure_nouns",
                   "not_doing_verbs", "place_nouns", "body_nouns", "quantity_heads", "departure_nouns",
                   "departure_verbs", "mutual_objects", "commitment_nouns", "transfer_verbs", "force_nouns",
                   "dispute_nouns", "undergoing_verbs", "troop_nouns", "journey_verbs", "quote_verbs",
                   "bilateral_instruments", "allegation_modifiers",
                   "adherence_verbs", "partitive_heads",
                   "opposition_words", "refusal_nouns", "decision_nouns", "stance_nouns",
                   "stance_carriers")


def _key_line(text: str, key: str) -> int | None:
    """The line (1-based) where top-level ``key`` is written in a YAML text."""
    found = re.search(rf"^{re.escape(key)}\s*:", text, flags=re.MULTILINE)
    return text.count("\n", 0, found.start()) + 1 if found else None


def load_roles(text: str, file: str) -> dict[str, Any]:
    """The role words of a roles.yaml text, with its word lists checked (errors name the file
    and the line of the offending list)."""
    data = _load_yaml(text, file)
    if not isinstance(data, dict):
        raise ConfigError("roles data must be a YAML mapping", file=file, line=1)
    for key in ROLE_WORD_LISTS:
        line = _key_line(text, key)
        words = data.get(key)
        if words is None:
            raise ConfigError(f"missing word list {key!r}", file=file, line=line)
        if not isinstance(words, list):
            raise ConfigError(f"{key}: must be a list of words, got {type(words).__name__}",
                              file=file, line=line)
        seen: set[str] = set()
        for word in words:
            if not isinstance(word, str) or not word.strip():
                raise ConfigError(f"{key}: {word!r} is not a word", file=file, line=line)
            if word != word.lower() or word != word.strip():
                raise ConfigError(f"{key}: {word!r} must be lower-case, without surrounding spaces",
                                  file=file, line=line)
            if word in seen:
                raise ConfigError(f"{key}: {word!r} is listed twice", file=file, line=line)
            seen.add(word)
    return _strip_lines(data)


def _strip_lines(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {k: _strip_lines(v) for k, v in obj.items() if k != "__line__"}
    if isinstance(obj, list):
        return [_strip_lines(v) for v in obj]
    return obj


@functools.lru_cache(maxsize=1)
def _packaged_db() -> ActorDB:
    db = _load_packaged()
    log.info("actor data loaded: %s", db.counts())
    return db


_USER_SECTIONS = ("version", "countries", "organisations", "office_terms", "metonyms", "places")


_DATE_FIELDS = ("valid_from", "valid_to", "start", "end")
_LIST_FIELDS = ("names", "adjectives", "demonyms", "prefixes", "capital", "capitals", "aliases",
                "members")


def _user_row(row: dict, section: str, file: str, line: int | None) -> dict:
    """One user-file entry with checked field types: dates for date fields, strings (numbers and
    other dates read as text) or lists of strings elsewhere."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        if key == "__line__":
            continue
        if not isinstance(key, str):
            raise ConfigError(f"{section}: field name {key!r} is not a word", file=file, line=line)
        if isinstance(value, list):
            if key not in _LIST_FIELDS:
                raise ConfigError(f"{section}: field {key!r} must be a string, got a list",
                                  file=file, line=line)
            if not all(isinstance(v, str) and v.strip() for v in value):
                raise ConfigError(f"{section}: field {key!r} must list non-empty strings",
                                  file=file, line=line)
        elif isinstance(value, dt.date) and key in _DATE_FIELDS:
            pass
        elif isinstance(value, (int, float, dt.date)) and not isinstance(value, bool):
            value = value.isoformat() if isinstance(value, dt.date) else str(value)
        elif value is not None and not isinstance(value, str):
            raise ConfigError(f"{section}: field {key!r} must be a string, got "
                              f"{type(value).__name__} {value!r}", file=file, line=line)
        out[key] = value
    return out


def apply_user_file(db: ActorDB, path: Path) -> ActorDB:
    """A copy of ``db`` with the user's YAML file applied (adds or overrides what it names).

    The file is a mapping with ``version`` and any of the sections ``countries``,
    ``organisations``, ``office_terms``, ``metonyms``, ``places``; each is a list of
    mappings with the same fields as the packaged file of that name. An entry whose id
    (countries, organisations) or office+role+start (office terms) exists replaces the
    fields it gives; everything else is added.
    """
    file = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read actor file: {exc.strerror}", file=file) from None
    data = _load_yaml(text, file)
    if not isinstance(data, dict):
        raise ConfigError("an actor file must be a YAML mapping with a 'version' key and "
                          f"sections among {', '.join(_USER_SECTIONS[1:])}", file=file, line=1)
    unknown = [k for k in data if k not in _USER_SECTIONS and k != "__line__"]
    if unknown:
        raise ConfigError(f"unknown section {unknown[0]!r}; expected one of "
                          f"{', '.join(_USER_SECTIONS)}", file=file, line=data.get("__line__"))
    if "version" not in data:
        raise ConfigError("missing 'version' key", file=file, line=1)
    new = _copy(db)
    for section in _USER_SECTIONS[1:]:
        entries = data.get(section) or []
        if not isinstance(entries, list):
            raise ConfigError(f"section {section!r} must be a list of mappings", file=file,
                              line=data.get("__line__"))
        for row in entries:
            if not isinstance(row, dict):
                raise ConfigError(f"entries of {section!r} must be mappings, got {row!r}",
                                  file=file, line=data.get("__line__"))
            line = row.get("__line__")
            row = _user_row(row, section, file, line)
            if section == "countries":
                if "capitals" in row:
                    row["capital"] = row.pop("capitals")
                _add_country(new, row, file, line)
            elif section == "organisations":
                _add_org(new, row, file, line)
            elif section == "office_terms":
                _add_term(new, row, file, line)
            elif section == "metonyms":
                _add_metonym(new, row, file, line)
            else:
                if not row.get("name") or not row.get("country"):
                    raise ConfigError("place needs name and country", file=file, line=line)
                adjectives = row.get("adjectives") or ()
                new.places[row["name"]] = Place(
                    row["name"], row.get("label", "GPE"), row["country"],
                    tuple(adjectives) if isinstance(adjectives, list) else _split(adjectives),
                    row.get("claimed_by") or None, row.get("disputed_with") or None)
    try:
        _check(new)
    except ConfigError as exc:
        if exc.file:
            raise
        raise ConfigError(str(exc), file=file) from None
    new.sources = [*db.sources, file]
    return new


def _copy(db: ActorDB) -> ActorDB:
    new = ActorDB()
    new.countries = dict(db.countries)
    new.organisations = dict(db.organisations)
    new.persons = {pid: replace(p, aliases=set(p.aliases), surnames=set(p.surnames),
                                terms=list(p.terms)) for pid, p in db.persons.items()}
    new.metonyms = list(db.metonyms)
    new.places = dict(db.places)
    new.roles = db.roles
    new.identity_groups = dict(db.identity_groups)
    new.sources = list(db.sources)
    return new


def load_actor_db(user_file: Path | None = None) -> ActorDB:
    """The actor database: packaged data (loaded once per process) plus an optional user file."""
    db = _packaged_db()
    if user_file is None:
        return db
    return apply_user_file(db, Path(user_file))
