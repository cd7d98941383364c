"""Merge event mentions that report the same real-world event into one event record.

A summit is reported by several articles, and one article may mention it three times. Each
report is an :class:`~detente.records.EventMention`; this stage groups them into
:class:`MergedEvent` records that keep every member (document, sentence, offsets) with the
number of mentions, documents and distinct sources (outlets).

Two mentions may be merged only when every *hard* constraint holds:

* **dyad** — the same source and target (by actor id, else by country), or the dyad reversed
  when the event root is symmetric (consult, diplomatic cooperation, fight: "Abe met Putin" and
  "Putin met Abe" are one meeting; "Abe visited Russia" and "Putin hosted Abe" share root 04)
  or when one sentence was coded in both directions with the same code ("the two sides agreed").
  Two *different* actor ids of the same country are compatible (Abe vs Japan) but score less;
  a missing target is compatible with any target, scored lower still;
* **code** — the same CAMEO root;
* **date** — the two date intervals, at their own precision, overlap (2016-09-02 fits 2016-09
  and 2016; 2016-09-02 never fits 2016-12-15). An undated mention only merges inside its own
  document. A date that is only the article's publication date (``date_basis`` = publication)
  stands for "some time before publication": inside its own article it may match any earlier
  dated report of that article, across articles only the week before publication; it scores low;
* **modality** — negated and hypothetical mentions only merge with their own kind; asserted,
  planned and proposed mentions of the same visit may merge (the visit that was planned and the
  visit that happened);
* **place** — two named places must match (one may contain the other).

Pairs passing the constraints get a score (weights in :data:`WEIGHTS`) from date agreement,
actor agreement, code agreement, place and the word overlap (Dice, leaving out the actors' own
names) of the two evidence sentences; pairs at or above :data:`THRESHOLD` are linked, best
first. When the dates agree only vaguely (same year, a publication date, no date) the evidence
must overlap by :data:`VAGUE_EVIDENCE_SAME_DOC` inside one article and :data:`VAGUE_EVIDENCE`
across articles. A *planned* report dated only by its article's publication cannot be an event
that was over before the article was written. A link between two groups is made only if
the constraints hold between the groups as wholes (their date intervals still intersect, their
places agree), so a vague "in 2016" mention never chains two different meetings of 2016 together.
Each merged event stores why: the links with their scores and the rule that passed.

**Same-document re-mentions.** An article often dates an event once ("Lavrov arrived in Tokyo
on 15 April") and then mentions it again without a date of its own ("His visit was meant to
..."), so the re-mention carries only the publication date, a date from its context, or none.
Such a mention is linked, whatever its evidence, to the *nearest* report at or before it in
the same article that its text dates to a month or finer, with the same root, the same
modality (planned and proposed count as one; a plan is never the visit that happened), the
same source actor, the same target (or a target of the same country, or none in the
re-mention), agreeing places and a date that does not contradict it; for a symmetric root the
dyad may be reversed if both actors are the same. The event then takes the text date, and the
link says ``same document re-mention`` (see :func:`_remention_match`).

**Streaming.** :func:`merge_store` never holds the whole store: mentions are only compared
inside a block (root and unordered country pair; a mention with an unknown target also joins
the blocks of its source country), so blocks that share no mention are independent
(:func:`partitions`). It reads and merges whole partitions a batch at a time
(:data:`STREAM_BATCH` mentions, or one larger partition), keeping only the fields merging
needs, and commits each batch's events to fresh tables that replace the merged events in one
last transaction (a merge that is killed leaves the previous events whole).

**Time slices.** A partition holding more than :data:`SLICE_LIMIT` mentions (a busy root and
dyad over years of news) is merged in slices of at most that many mentions: its documents are
ordered by the latest date their mentions in the partition carry (then by id) and cut into
consecutive runs, each merged alone (:func:`slice_documents`). A document is never cut, so
its re-mentions and same-article links are kept; reports of one event in two documents on
either side of a cut stay two events. That loss is the price of memory that does not grow with
the store: merging needs a bounded number of mentions in memory at once, whatever the size of
the corpus. ``detente bench merge`` measures both (peak memory by store size, and the events a
sliced merge keeps apart that one unbounded merge would join). :func:`merge_mentions` slices
the same way, so the stored events are always those of :func:`merge_mentions` on every mention
at once with the same limit.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
import logging
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pyarrow as pa

from .records import EventMention
from .time.values import add_months, value_to_interval

log = logging.getLogger(__name__)

#: CAMEO roots whose events have no inherent direction (A meets B == B meets A).
SYMMETRIC_ROOTS = frozenset({"04", "05", "19", "20"})
#: Score weights of the soft evidence for a pair of compatible mentions (sum to 1).
WEIGHTS = {"date": 0.35, "actors": 0.25, "code": 0.15, "evidence": 0.25}
#: Bonus when both mentions name the same place.
PLACE_BONUS = 0.1
#: Bonus when both mentions come from the same article.
SAME_DOCUMENT_BONUS = 0.05
#: A pair whose dates agree only vaguely (a year, a publication date, no date) must share at
#: least this much evidence (Dice overlap of content words other than the actors' names) —
#: within one article, and across articles.
VAGUE_DATE_SCORE = 0.3
VAGUE_EVIDENCE_SAME_DOC = 0.1
VAGUE_EVIDENCE = 0.3
#: Minimum pair score to link two mentions.
THRESHOLD = 0.55
#: How far before publication an event dated only by its article's publication date may lie.
PUBLICATION_WINDOW_DAYS = 7

MODALITY_GROUPS = {
    "asserted": "real",
    "planned": "real",
    "proposed": "real",
    "negated": "negated",
    "hypothetical": "hypothetical",
}
_MODALITY_RANK = {"asserted": 0, "planned": 1, "proposed": 2, "hypothetical": 3, "negated": 4}
_BASIS_RANK = {"clause": 0, "sentence": 1, "context": 2, "publication": 3, "none": 4}
_PRECISION_RANK = {
    "day": 0, "week": 1, "month": 2, "season": 3, "quarter": 3, "half": 4, "year": 5,
    "decade": 6, "century": 7, "none": 8,
}

_STOPWORDS = frozenset({
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "into", "over", "after", "before", "as", "is", "are", "was", "were", "be", "been",
    "being", "has", "have", "had", "do", "does", "did", "will", "would", "shall", "should",
    "can", "could", "may", "might", "must", "that", "this", "these", "those", "it", "its",
    "it's", "their", "them", "they", "he", "she", "his", "her", "him", "we", "our", "us", "you",
    "your", "i", "not", "no", "than", "then", "there", "here", "which", "who", "whom", "whose",
    "what", "when", "where", "why", "how", "also", "said", "says", "say", "about", "between",
    "during", "while", "since", "until", "up", "down", "out", "off", "again", "further", "once",
    "all", "any", "both", "each", "few", "more", "most", "other", "some", "such", "only", "own",
    "same", "so", "too", "very", "just", "now", "new", "one", "two",
})
_WORD = re.compile(r"[A-Za-z][A-Za-z\-']+|\d{4}")


# -- dates -------------------------------------------------------------------------------------

#: Months covered by a period stored as its first month (``2016-07`` with precision quarter).
_PERIOD_MONTHS = {"quarter": 3, "half": 6, "season": 3}


def date_interval(value: str | None, precision: str | None = None) -> tuple[dt.date, dt.date] | None:
    """First and last day covered by a date value (``2016-09-02``, ``2016-09``, ``2016`` ...).

    Event dates are written at day, month or year resolution with their ``precision`` beside
    them; a week is stored as its Monday, a quarter, half or season as its first month and a
    decade as its first year, so ``precision`` widens the span to the whole period.
    """
    if not value:
        return None
    span = value_to_interval(str(value))
    if span is None:
        return None
    first, last = span
    if precision == "week" and first == last:
        return first, first + dt.timedelta(days=6)
    if precision in _PERIOD_MONTHS:
        end_year, end_month = add_months(first.year, first.month, _PERIOD_MONTHS[precision] - 1)
        return first, dt.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
    if precision == "decade" and first.month == 1 and first.day == 1:
        return first, dt.date(first.year + 9, 12, 31)
    return first, last


def precision_of_value(value: str | None) -> str:
    """Precision of a date value: day, month, year ... (``none`` when there is no date)."""
    if not value:
        return "none"
    span = date_interval(value)
    if span is None:
        return "none"
    days = (span[1] - span[0]).days
    if days == 0:
        return "day"
    if days <= 6:
        return "week"
    if days <= 31:
        return "month"
    if days <= 92:
        return "quarter"
    if days <= 184:
        return "half"
    if days <= 366:
        return "year"
    return "decade" if days <= 3660 else "century"


# -- the merged record ---------------------------------------------------------------------------

@dataclass(frozen=True)
class MergedEvent:
    """One real-world event with every mention that reports it (columns of the ``events`` table)."""

    event_key: str
    date: str | None
    date_precision: str | None
    source_actor_id: str | None
    source_name: str | None
    source_country: str | None
    target_actor_id: str | None
    target_name: str | None
    target_country: str | None
    cameo_code: str
    cameo_root: str
    plover_type: str | None
    quad_class: int
    goldstein: float
    modality: str
    location: str | None
    best_event_id: str
    n_mentions: int
    n_documents: int
    n_sources: int
    explanation: dict[str, Any] = field(compare=False, hash=False, default_factory=dict)
    members: tuple[str, ...] = ()

    #: Columns of the ``events`` table, in order.
    COLUMNS = (
        "event_key", "date", "date_precision", "source_actor_id", "source_name", "source_country",
        "target_actor_id", "target_name", "target_country", "cameo_code", "cameo_root",
        "plover_type", "quad_class", "goldstein", "modality", "location", "best_event_id",
        "n_mentions", "n_documents", "n_sources", "explanation",
    )

    def row(self) -> list[Any]:
        values = [getattr(self, c) for c in self.COLUMNS[:-1]]
        return values + [json.dumps(self.explanation, default=str)]


# -- pair comparison ------------------------------------------------------------------------------

#: The fields of a mention that merging reads (everything but its text and provenance).
_MERGE_FIELDS = (
    "event_id", "doc_id", "sentence_index", "char_start", "date", "date_precision", "date_basis",
    "source_actor_id", "source_name", "source_country", "target_actor_id", "target_name",
    "target_country", "cameo_code", "cameo_root", "plover_type", "quad_class", "goldstein",
    "modality", "location", "confidence",
)


class _Mention:
    """The part of an :class:`~detente.records.EventMention` merging needs, in slots (a
    fraction of the record's memory: a store is merged a partition at a time, and the
    largest partition must fit)."""

    __slots__ = _MERGE_FIELDS

    def __init__(self, values: Sequence[Any]):
        for name, value in zip(_MERGE_FIELDS, values):
            setattr(self, name, value)

    @classmethod
    def of(cls, m: EventMention) -> _Mention:
        return cls([getattr(m, name) for name in _MERGE_FIELDS])


@dataclass(slots=True)
class _Item:
    """A mention with the derived values merging needs."""

    mention: _Mention
    interval: tuple[dt.date, dt.date] | None  # text date, or the publication window
    words: frozenset[str]
    outlet: str

    @property
    def pub(self) -> dt.date | None:
        """The publication date, when that is all the mention's date is."""
        if self.mention.date_basis == "publication" and self.interval is not None:
            return self.interval[1]
        return None


def _words(text: str) -> frozenset[str]:
    found = (w.lower() for w in _WORD.findall(text or ""))
    return frozenset(sys.intern(w) for w in found if w not in _STOPWORDS)


def _evidence_words(sentence: str, trigger: str | None, source_name: str | None,
                    target_name: str | None) -> frozenset[str]:
    """Content words of the evidence, without the actors' own names (the dyad already counts)."""
    names = _words(source_name or "") | _words(target_name or "")
    return (_words(sentence) | _words(trigger or "")) - names


def _interval_of(m: _Mention) -> tuple[dt.date, dt.date] | None:
    span = date_interval(m.date, m.date_precision)
    if span is None:
        return None
    if m.date_basis == "publication" and span[0] == span[1]:
        return span[0] - dt.timedelta(days=PUBLICATION_WINDOW_DAYS), span[1]
    return span


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", re.sub(r"^(the|a|an)\s+", "", (text or "").lower().strip()))


def _actor_match(a_id, a_name, a_country, b_id, b_name, b_country) -> tuple[float, str] | None:
    """Score and reason for two actors, or None when they are clearly different."""
    if a_id is None and b_id is None and a_country is None and b_country is None:
        if not a_name and not b_name:
            return 1.0, "both absent"
        if not a_name or not b_name:
            return 0.5, "one absent"
        return (1.0, "same name") if _norm(a_name) == _norm(b_name) else None
    if a_id and b_id and a_id == b_id:
        return 1.0, "same actor"
    if (a_id is None and a_country is None) or (b_id is None and b_country is None):
        return 0.5, "one absent"
    if a_country and b_country and a_country == b_country:
        return 0.6, "same country"
    if not a_country and not b_country and _norm(a_name) == _norm(b_name):
        return 0.8, "same name"
    return None


def _dyad_match(a: EventMention, b: EventMention) -> tuple[float, str] | None:
    def side(x: EventMention, which: str):
        return (
            getattr(x, f"{which}_actor_id"), getattr(x, f"{which}_name"), getattr(x, f"{which}_country")
        )

    straight = (_actor_match(*side(a, "source"), *side(b, "source")),
                _actor_match(*side(a, "target"), *side(b, "target")))
    best: tuple[float, str] | None = None
    if all(straight):
        best = ((straight[0][0] + straight[1][0]) / 2, f"source {straight[0][1]}, target {straight[1][1]}")
    # Reversed dyads: symmetric roots, visit/host, and one clause coded in both directions
    # ("the two sides agreed": A→B and B→A from the same sentence with the same code).
    same_clause = (a.doc_id, a.sentence_index, a.cameo_code) == (b.doc_id, b.sentence_index, b.cameo_code)
    if a.cameo_root in SYMMETRIC_ROOTS or {a.cameo_code[:3], b.cameo_code[:3]} == {"042", "043"} or same_clause:
        crossed = (_actor_match(*side(a, "source"), *side(b, "target")),
                   _actor_match(*side(a, "target"), *side(b, "source")))
        if all(crossed):
            score = (crossed[0][0] + crossed[1][0]) / 2
            if best is None or score > best[0]:
                best = (score, f"reversed dyad: {crossed[0][1]}, {crossed[1][1]}")
    return best


def _code_match(a: EventMention, b: EventMention) -> tuple[float, str] | None:
    if a.cameo_code == b.cameo_code:
        return 1.0, f"same code {a.cameo_code}"
    if a.cameo_root == b.cameo_root:
        return 0.7, f"same root {a.cameo_root}"
    return None


def _overlap(x: tuple[dt.date, dt.date] | None, y: tuple[dt.date, dt.date] | None):
    if x is None or y is None:
        return None
    start, end = max(x[0], y[0]), min(x[1], y[1])
    return (start, end) if start <= end else None


def _date_match(a: _Item, b: _Item) -> tuple[float, str] | None:
    same_doc = a.mention.doc_id == b.mention.doc_id
    if a.interval is None or b.interval is None:
        return (0.3, "undated, same document") if same_doc else None
    if a.pub is not None or b.pub is not None:
        if a.pub is not None and b.pub is not None:
            ok = same_doc or _overlap(a.interval, b.interval) is not None
        else:
            text, pub = (a, b) if b.pub is not None else (b, a)
            # In its own article, an undated report may refer to anything before publication
            # (a plan, to anything after the week before); across articles, only to the week
            # before the other article's publication.
            if same_doc:
                ok = text.interval[0] <= pub.pub if not _is_plan(pub) else text.interval[1] >= pub.interval[0]
            else:
                ok = _overlap(a.interval, b.interval) is not None
        if not ok:
            return None
        return 0.3, "compatible with a publication date (no event date in the text)"
    if _overlap(a.interval, b.interval) is None:
        return None
    widest = max((a.interval[1] - a.interval[0]).days, (b.interval[1] - b.interval[0]).days)
    if widest == 0:
        return 1.0, f"same day {a.interval[0]}"
    if widest <= 7:
        return 0.8, "compatible within a week"
    if widest <= 31:
        return 0.6, "compatible at month precision"
    if widest <= 92:
        return 0.45, "compatible at quarter precision"
    return 0.3, "compatible at year precision or coarser"


def _is_plan(item: _Item) -> bool:
    return item.mention.modality in ("planned", "proposed")


def _place_match(a: EventMention, b: EventMention) -> tuple[float, str] | None:
    pa, pb = _norm(a.location), _norm(b.location)
    if not pa or not pb:
        return 0.0, "place absent"
    if pa == pb or pa in pb or pb in pa:
        return PLACE_BONUS, f"same place {a.location}"
    return None


def _modality_match(a: EventMention, b: EventMention) -> bool:
    return MODALITY_GROUPS.get(a.modality, a.modality) == MODALITY_GROUPS.get(b.modality, b.modality)


def compare(a: _Item, b: _Item, *, remention: str | None = None) -> dict[str, Any] | None:
    """Why two mentions are (not) the same event: a scored explanation, or None if they cannot be.

    ``remention`` (the reason, from :func:`_remention_antecedents`) marks a report without its
    own date and the text-dated report of its article it re-mentions: the pair needs no shared
    evidence and scores at least :data:`THRESHOLD`; its explanation carries the rule.
    """
    ma, mb = a.mention, b.mention
    if not _modality_match(ma, mb):
        return None
    code = _code_match(ma, mb)
    if code is None:
        return None
    dyad = _dyad_match(ma, mb)
    if dyad is None:
        return None
    date = _date_match(a, b)
    if date is None:
        return None
    place = _place_match(ma, mb)
    if place is None:
        return None
    same_doc = ma.doc_id == mb.doc_id
    same_sentence = same_doc and ma.sentence_index == mb.sentence_index
    total = len(a.words) + len(b.words)
    evidence = 1.0 if same_sentence else (2 * len(a.words & b.words) / total if total else 0.0)
    if (date[0] <= VAGUE_DATE_SCORE and evidence < (VAGUE_EVIDENCE_SAME_DOC if same_doc else VAGUE_EVIDENCE)
            and remention is None):
        return None
    score = (
        WEIGHTS["date"] * date[0]
        + WEIGHTS["actors"] * dyad[0]
        + WEIGHTS["code"] * code[0]
        + WEIGHTS["evidence"] * evidence
        + place[0]
        + (SAME_DOCUMENT_BONUS if ma.doc_id == mb.doc_id else 0.0)
    )
    why = {
        "a": ma.event_id,
        "b": mb.event_id,
        "score": round(max(score, THRESHOLD) if remention else score, 3),
        "date": date[1],
        "dyad": dyad[1],
        "code": code[1],
        "place": place[1],
        "evidence": "same sentence" if same_sentence else f"word overlap (Dice) {evidence:.2f}",
    }
    if remention:
        why["rule"] = f"{REMENTION_RULE}: {remention}"
    return why


# -- same-document re-mentions -------------------------------------------------------------------

#: Name of the rule that joins an article's undated re-mention to the event it dates.
REMENTION_RULE = "same document re-mention"
#: How a re-mention's date was found: not read from its own clause or sentence.
REMENTION_BASES = frozenset({"publication", "context", "none"})
#: How the date of the report it re-mentions was found: read from that report's own text.
TEXT_DATE_BASES = frozenset({"clause", "sentence"})
_PLANS = frozenset({"planned", "proposed"})
#: The dated report must be dated to a month or finer: "in 2012" is too vague to anchor a
#: re-mention ("the visit") to one event.
REMENTION_MAX_DAYS = 31


def _same_party(a_id: str | None, a_country: str | None, b_id: str | None, b_country: str | None) -> str | None:
    """Whether a re-mention's target is the dated report's: the same actor id, or the same
    country when one side is the state itself, its government or unresolved ("visited Tokyo"
    ... "met Abe"); two different persons or bodies of one country are not."""
    if a_id and a_id == b_id:
        return "same actor"
    if not a_country or a_country != b_country:
        return None
    state = (a_country, f"{a_country}:GOV")
    if a_id is None or b_id is None or a_id in state or b_id in state:
        return "same country"
    return None


def _remention_match(re_item: _Item, dated: _Item) -> str | None:
    """Why ``re_item`` (its date not read from its own text) may re-mention ``dated`` (a report
    of the same article and root dated in its text), or None. Both must have the same
    modality (a planned visit and one that happened are two reports here), the same source
    actor ("Lavrov ... Lavrov's visit"), the same target actor, a target of the same country
    ("visited Tokyo ... met Abe") or none in the re-mention ("his visit"), places that agree and
    dates that do not contradict each other. For a symmetric root the dyad may be reversed,
    then both actors must be the same. Two sides that match only by country ("both countries
    discussed ...") do not make a re-mention of a minister's visit."""
    r, d = re_item.mention, dated.mention
    if r.modality != d.modality and not {r.modality, d.modality} <= _PLANS:
        return None
    key = _block_key(d)
    if _block_key(r) != key and not (r.target_country is None and (r.source_country or "?") in key[1]):
        return None  # never outside the blocks merging compares (nor across stream partitions)
    if r.source_actor_id and r.source_actor_id == d.source_actor_id:
        if r.target_actor_id is None and r.target_country is None:
            dyad = "same source actor, target unknown in the re-mention"
        else:
            target = _same_party(r.target_actor_id, r.target_country, d.target_actor_id, d.target_country)
            if target is None:
                return None
            dyad = f"same source actor, target {target}"
    elif (r.cameo_root in SYMMETRIC_ROOTS and r.source_actor_id and r.target_actor_id
          and (r.source_actor_id, r.target_actor_id) == (d.target_actor_id, d.source_actor_id)):
        dyad = "same actors, reversed"
    else:
        return None
    if _place_match(r, d) is None or _date_match(re_item, dated) is None:
        return None
    basis = {"publication": "only the publication date", "context": "a date from its context",
             "none": "no date"}[r.date_basis]
    return (f"{r.event_id} ({basis}) re-mentions {d.event_id}, dated {d.date} in sentence "
            f"{d.sentence_index} of the same article; {dyad}")


def _remention_antecedents(items: list[_Item]) -> dict[int, tuple[int, str]]:
    """For each mention whose date was not read from its own text, the report it re-mentions
    (with why): the nearest text-dated report at or before it in the same article, of the same
    root, that :func:`_remention_match` accepts. "Lavrov visited Tokyo on 15 April ... His
    visit was meant to ..." — the second report is the first event, not one at publication."""
    by_doc_root: dict[tuple, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        by_doc_root[(it.mention.doc_id, it.mention.cameo_root)].append(i)

    def position(i: int) -> tuple:
        m = items[i].mention
        return (m.sentence_index, m.char_start)

    found: dict[int, tuple[int, str]] = {}
    for members in by_doc_root.values():
        dated = [
            i for i in members
            if items[i].mention.date_basis in TEXT_DATE_BASES and items[i].interval
            and (items[i].interval[1] - items[i].interval[0]).days <= REMENTION_MAX_DAYS
        ]
        if not dated:
            continue
        dated.sort(key=lambda i: (position(i), items[i].mention.event_id), reverse=True)
        for i in members:
            if items[i].mention.date_basis not in REMENTION_BASES:
                continue
            for j in dated:  # nearest first
                if position(j) > position(i):
                    continue
                why = _remention_match(items[i], items[j])
                if why is not None:
                    found[i] = (j, why)
                    break
    return found


# -- clustering ------------------------------------------------------------------------------------

_EMPTY: frozenset = frozenset()


class _Groups:
    """Union-find whose groups keep what constrains them as wholes: the intersection of their
    text dates, the publication dates of their undated-in-text members, places, documents."""

    def __init__(self, items: list[_Item]):
        self.parent = list(range(len(items)))
        self.text = [it.interval if it.interval and it.pub is None else None for it in items]
        # Frozen sets, one object per distinct value (the members of an article share theirs):
        # a join makes a new set, so sharing is safe and saves memory on large partitions.
        shared: dict[Any, frozenset] = {}

        def one(value: Any) -> frozenset:
            if value is None:
                return _EMPTY
            return shared.setdefault(value, frozenset((value,)))

        self.text_docs = [one(it.mention.doc_id if self.text[i] else None) for i, it in enumerate(items)]
        self.pubs = [one((it.mention.doc_id, it.pub, _is_plan(it)) if it.pub else None) for it in items]
        self.places = [one(_norm(it.mention.location) or None) for it in items]
        self.docs = [one(it.mention.doc_id) for it in items]
        self.undated = [it.interval is None for it in items]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def can_join(self, i: int, j: int) -> bool:
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return False
        docs = self.docs[ri] | self.docs[rj]
        if (self.undated[ri] or self.undated[rj]) and len(docs) > 1:
            # An undated mention joins only mentions of its own article.
            return False
        text = self.text[ri] or self.text[rj]
        if self.text[ri] and self.text[rj]:
            text = _overlap(self.text[ri], self.text[rj])
            if text is None:
                return False
        pubs = self.pubs[ri] | self.pubs[rj]
        text_docs = self.text_docs[ri] | self.text_docs[rj]
        for doc, pub, plan in pubs:
            window = (pub - dt.timedelta(days=PUBLICATION_WINDOW_DAYS), pub)
            if text is not None:
                if text[0] > pub and not plan:
                    return False  # reported as done before it happened
                if plan and text[1] < window[0]:
                    return False  # planned, yet over before the article was written
                if doc not in text_docs and _overlap(text, window) is None:
                    return False
        if text is None and pubs:
            days = [pub for _, pub, _ in pubs]
            if len({doc for doc, _, _ in pubs}) > 1 and (max(days) - min(days)).days > PUBLICATION_WINDOW_DAYS:
                return False
        for p in self.places[ri]:
            for q in self.places[rj]:
                if not (p == q or p in q or q in p):
                    return False
        return True

    def join(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        self.parent[rj] = ri
        if self.text[ri] and self.text[rj]:
            self.text[ri] = _overlap(self.text[ri], self.text[rj])
        else:
            self.text[ri] = self.text[ri] or self.text[rj]
        self.text_docs[ri] |= self.text_docs[rj]
        self.pubs[ri] |= self.pubs[rj]
        self.places[ri] |= self.places[rj]
        self.docs[ri] |= self.docs[rj]
        self.undated[ri] = self.undated[ri] and self.undated[rj]


def _block_key(m: EventMention) -> tuple:
    """Mentions in different blocks are never compared: root plus the unordered country pair."""
    countries = tuple(sorted((m.source_country or "?", m.target_country or "?")))
    return (m.cameo_root, countries)


def _blocks(items: list[_Item]) -> list[list[int]]:
    by_key: dict[tuple, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        by_key[_block_key(it.mention)].append(i)
    # A mention with an unknown target may report an event of any dyad of its source country
    # and root: add it to those blocks too (it is still tested pair by pair).
    open_ended: dict[tuple, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        if it.mention.target_country is None:
            open_ended[(it.mention.cameo_root, it.mention.source_country or "?")].append(i)
    blocks = []
    for key, members in by_key.items():
        inside = set(members)
        extra = sorted({i for c in set(key[1]) for i in open_ended.get((key[0], c), ()) if i not in inside})
        blocks.append(members + extra)
    return blocks


def _candidate_pairs(items: list[_Item]):
    """Pairs worth comparing: same block, and overlapping dates (or undated in one document).

    Within a block, dated mentions are swept in order of their first day, so a mention is only
    compared with those whose interval can overlap it: linear in practice for day-precise dates.
    """
    seen: set[int] = set()  # pairs as one int each: a fraction of the memory of tuples
    width = len(items)

    def new(i: int, j: int) -> tuple[int, int] | None:
        pair = (min(i, j), max(i, j))
        code = pair[0] * width + pair[1]
        if i == j or code in seen:
            return None
        seen.add(code)
        return pair

    for block in _blocks(items):
        block = sorted(set(block))
        # Dates precise to a month and read from the text can merge on date and dyad alone.
        exact = sorted((i for i in block if _is_exact(items[i])), key=lambda i: (items[i].interval[0], i))
        for x, i in enumerate(exact):
            end = items[i].interval[1]
            for j in exact[x + 1:]:
                if items[j].interval[0] > end:
                    break
                if pair := new(i, j):
                    yield pair
        # Everything else merges across articles only on similar evidence: compare it with
        # mentions of its own article, and with those sharing informative words.
        by_doc: dict[str, list[int]] = defaultdict(list)
        for i in block:
            by_doc[items[i].mention.doc_id].append(i)
        loose = [i for i in block if not _is_exact(items[i])]
        if not loose:
            continue
        postings: dict[str, list[int]] = defaultdict(list)
        for i in block:
            for w in items[i].words:
                postings[w].append(i)
        limit = max(50, len(block) // 10)
        for i in loose:
            for j in by_doc[items[i].mention.doc_id]:
                if pair := new(i, j):
                    yield pair
            if items[i].interval is None:
                continue
            shared: Counter = Counter()
            for w in items[i].words:
                if len(postings[w]) <= limit:
                    shared.update(postings[w])
            for j, n in shared.items():
                overlaps = items[j].interval is not None and _overlap(items[i].interval, items[j].interval)
                if n >= 2 and overlaps and (pair := new(i, j)):
                    yield pair


def _is_exact(item: _Item) -> bool:
    span = item.interval
    return (
        span is not None
        and item.mention.date_basis != "publication"
        and (span[1] - span[0]).days <= 31
    )


def _best(members: list[_Item]) -> _Item:
    def rank(it: _Item):
        m = it.mention
        return (
            _MODALITY_RANK.get(m.modality, 9),
            _BASIS_RANK.get(m.date_basis, 9),
            _PRECISION_RANK.get(m.date_precision or "none", 9),
            -m.confidence,
            m.doc_id,
            m.sentence_index,
            m.event_id,
        )

    return min(members, key=rank)


def _finest_date(members: list[_Item], best: _Item) -> tuple[str | None, str | None]:
    dated = [it for it in members if it.mention.date]
    if not dated:
        return None, None

    def rank(it: _Item):
        m = it.mention
        return (
            m.date_basis == "publication",
            _PRECISION_RANK.get(m.date_precision or precision_of_value(m.date), 9),
            _BASIS_RANK.get(m.date_basis, 9),
            it is not best,
            m.event_id,
        )

    top = min(dated, key=rank)
    return top.mention.date, top.mention.date_precision or precision_of_value(top.mention.date)


def event_key(member_ids: Sequence[str]) -> str:
    """Stable content key of a merged event: a hash of its sorted member mention ids."""
    digest = hashlib.sha1("\n".join(sorted(member_ids)).encode("utf-8")).hexdigest()
    return "ev_" + digest[:16]


def _build(members: list[_Item], links: list[dict[str, Any]]) -> MergedEvent:
    best = _best(members)
    m = best.mention
    codes = Counter(it.mention.cameo_code for it in members)
    top_count = max(codes.values())
    code = m.cameo_code
    if codes[code] != top_count:
        code = min(c for c, n in codes.items() if n == top_count)
    coded = next(it.mention for it in ([best] + members) if it.mention.cameo_code == code)
    date, precision = _finest_date(members, best)
    location = next((it.mention.location for it in [best] + members if it.mention.location), None)
    ids = [it.mention.event_id for it in members]
    modality = min((it.mention.modality for it in members), key=lambda x: _MODALITY_RANK.get(x, 9))
    if len(members) == 1:
        explanation: dict[str, Any] = {"rule": "single mention: no other compatible report", "links": []}
    else:
        explanation = {
            "rule": f"linked pairs scoring >= {THRESHOLD:.2f} with compatible dyad, root, date, "
            "place and modality",
            "links": links,
        }
        if any("rule" in link for link in links):
            explanation["rule"] += (
                f"; {REMENTION_RULE}: a report without its own date joins the report its "
                "article dates in the text, and takes that date"
            )
    return MergedEvent(
        event_key=event_key(ids),
        date=date,
        date_precision=precision,
        source_actor_id=m.source_actor_id,
        source_name=m.source_name,
        source_country=m.source_country,
        target_actor_id=m.target_actor_id,
        target_name=m.target_name,
        target_country=m.target_country,
        cameo_code=code,
        cameo_root=coded.cameo_root,
        plover_type=coded.plover_type,
        quad_class=coded.quad_class,
        goldstein=coded.goldstein,
        modality=modality,
        location=location,
        best_event_id=m.event_id,
        n_mentions=len(members),
        n_documents=len({it.mention.doc_id for it in members}),
        n_sources=len({it.outlet for it in members}),
        explanation=explanation,
        members=tuple(sorted(ids)),
    )


def _merge_items(items: list[_Item]) -> list[MergedEvent]:
    """The merged events of ``items``, in no particular order."""
    rementions: dict[tuple[int, int], str] = {
        (min(i, j), max(i, j)): why for i, (j, why) in _remention_antecedents(items).items()
    }
    todo = set(rementions)
    # Only the scores are kept; the explanation of a link is made again once it is accepted.
    pairs: list[tuple[float, int, int]] = []

    def consider(i: int, j: int) -> None:
        why = compare(items[i], items[j], remention=rementions.get((i, j)))
        if why is not None and why["score"] >= THRESHOLD:
            pairs.append((why["score"], i, j))

    for i, j in _candidate_pairs(items):
        todo.discard((i, j))
        consider(i, j)
    for i, j in sorted(todo):
        consider(i, j)
    pairs.sort(key=lambda p: (-p[0], items[p[1]].mention.event_id, items[p[2]].mention.event_id))
    groups = _Groups(items)
    accepted: list[tuple[int, int]] = []
    for _, i, j in pairs:
        if groups.can_join(i, j):
            groups.join(i, j)
            accepted.append((i, j))
    pairs.clear()
    members: dict[int, list[_Item]] = defaultdict(list)
    for i, it in enumerate(items):
        members[groups.find(i)].append(it)
    links: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for i, j in accepted:
        links[groups.find(i)].append(compare(items[i], items[j], remention=rementions.get((i, j))))
    return [_build(group, links[root]) for root, group in members.items()]


def _event_order(e: MergedEvent):
    span = date_interval(e.date)
    return (span is None, span[0] if span else dt.date.min, -(span[1] - span[0]).days if span else 0, e.event_key)


def _items(mentions: Sequence[EventMention], sources: Mapping[str, str]) -> list[_Item]:
    out = []
    for m in mentions:
        slim = _Mention.of(m)
        words = _evidence_words(m.sentence, m.trigger, m.source_name, m.target_name)
        out.append(_Item(slim, _interval_of(slim), words, sources.get(m.doc_id) or m.doc_id))
    return out


def _pieces(items: list[_Item], limit: int) -> list[list[_Item]]:
    """``items`` split as :func:`merge_store` reads them: partitions of at most ``limit``
    mentions together, each larger one cut into the time slices of :func:`slice_documents`."""
    counts = Counter((it.mention.cameo_root, it.mention.source_country, it.mention.target_country)
                     for it in items)
    parts = partitions([(*key, n) for key, n in counts.items()])
    if all(sum(g[3] for g in part) <= limit for part in parts):
        return [items] if items else []
    part_of = {g[:3]: n for n, part in enumerate(parts) for g in part}
    members: dict[int, list[_Item]] = defaultdict(list)
    for it in items:
        m = it.mention
        members[part_of[(m.cameo_root, m.source_country, m.target_country)]].append(it)
    small: list[_Item] = []
    pieces = []
    for n in sorted(members):
        part = members[n]
        if len(part) <= limit:
            small.extend(part)
            continue
        latest: dict[str, str] = {}
        sizes: Counter = Counter()
        for it in part:
            doc = it.mention.doc_id
            sizes[doc] += 1
            latest[doc] = max(latest.get(doc, ""), it.mention.date or "")
        order = sorted(sizes, key=lambda doc: (latest[doc], doc))
        slice_of = dict(slice_documents(((doc, sizes[doc]) for doc in order), limit))
        cut: dict[int, list[_Item]] = defaultdict(list)
        for it in part:
            cut[slice_of[it.mention.doc_id]].append(it)
        pieces.extend(cut[k] for k in sorted(cut))
    return ([small] if small else []) + pieces


def slice_documents(docs: Iterable[tuple[str, int]], limit: int) -> Iterator[tuple[str, int]]:
    """Cut a partition's documents, given in time order as ``(doc_id, mentions)``, into
    consecutive slices of at most ``limit`` mentions (a larger document alone): yields
    ``(doc_id, slice number)``. The order is the latest date the document's mentions in the
    partition carry (as text: ``YYYY`` < ``YYYY-MM`` < ``YYYY-MM-DD``; undated first), then its id."""
    number = held = 0
    for doc, size in docs:
        if held and held + size > limit:
            number += 1
            held = 0
        held += size
        yield doc, number


def merge_mentions(
    mentions: Sequence[EventMention],
    *,
    sources: Mapping[str, str] | None = None,
    slice_limit: int | None = None,
) -> list[MergedEvent]:
    """Group mentions reporting the same real-world event; one :class:`MergedEvent` per group.

    ``sources`` maps a ``doc_id`` to its outlet (site); without it each document counts as its
    own source. A partition of more than ``slice_limit`` mentions (default
    :data:`SLICE_LIMIT`) is merged in time slices, as :func:`merge_store` does. The result is
    ordered by date (undated last), then by key.
    """
    slice_limit = SLICE_LIMIT if slice_limit is None else slice_limit
    items = _items(mentions, sources or {})
    events = [e for piece in _pieces(items, slice_limit) for e in _merge_items(piece)]
    events.sort(key=_event_order)
    log.info("merged %d mentions into %d events", len(items), len(events))
    return events


# -- store ------------------------------------------------------------------------------------------

def _mention_from_row(row: Mapping[str, Any]) -> EventMention:
    extra = row.get("extra")
    if isinstance(extra, str):
        try:
            extra = json.loads(extra)
        except json.JSONDecodeError:
            extra = {}
    values = {name: row[name] for name in EventMention.JSONL_FIELDS}
    return EventMention(**values, trigger=row.get("trigger"), extra=extra or {})


def load_mentions(store) -> list[EventMention]:
    """Every event mention in the store, as records, in a stable order."""
    cols = ", ".join(EventMention.JSONL_FIELDS) + ", trigger, extra"
    rows = store.query(f"SELECT {cols} FROM event_mentions ORDER BY doc_id, sentence_index, char_start, event_id")
    return [_mention_from_row(r) for r in rows]


def document_outlets(store) -> dict[str, str]:
    """doc_id → outlet: the document's site, else the folder or file it came from."""
    rows = store.query("SELECT doc_id, site, file FROM documents")
    out = {}
    for r in rows:
        out[r["doc_id"]] = r["site"] or r["file"] or r["doc_id"]
    return out


#: :func:`merge_store` reads whole partitions until a batch holds at least this many mentions
#: (a larger partition is read alone, or in slices: :data:`SLICE_LIMIT`).
STREAM_BATCH = 20_000
#: A partition of more mentions than this is merged in time slices of at most this many
#: (:func:`slice_documents`), so merging never holds more, whatever the store's size.
SLICE_LIMIT = 100_000


def _blocking_keys(root: str | None, source: str | None, target: str | None) -> tuple[tuple, list[str]]:
    """The block key of mentions with these root and countries (as :func:`_block_key`), and
    the country whose blocks they also join when their target is unknown (as :func:`_blocks`)."""
    key = (root, tuple(sorted((source or "?", target or "?"))))
    return key, ([source or "?"] if target is None else [])


def partitions(groups: Sequence[tuple[str | None, str | None, str | None, int]]) -> list[list[tuple]]:
    """Split ``(cameo_root, source_country, target_country, count)`` groups of mentions into
    parts that no merge can cross, smallest parts first.

    Mentions are only compared inside a block (root and unordered country pair), and a mention
    with an unknown target also joins every block of its root that holds its source country; so
    two blocks sharing such a mention are one part, and everything else is apart. Each part
    is a list of the ``(cameo_root, source_country, target_country, count)`` groups it holds.
    """
    parent: dict[tuple, tuple] = {}

    def find(k: tuple) -> tuple:
        parent.setdefault(k, k)
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    keys_with: dict[tuple[str | None, str], list[tuple]] = defaultdict(list)
    group_key = []
    for root, source, target, count in groups:
        key, _ = _blocking_keys(root, source, target)
        group_key.append(key)
        find(key)
        for country in set(key[1]):
            keys_with[(root, country)].append(key)
    for root, source, target, _ in groups:
        key, joins = _blocking_keys(root, source, target)
        for country in joins:
            for other in keys_with[(root, country)]:
                a, b = find(key), find(other)
                if a != b:
                    parent[b] = a
    parts: dict[tuple, list[tuple]] = defaultdict(list)
    for group, key in zip(groups, group_key):
        parts[find(key)].append(tuple(group))

    def size(part: list[tuple]):
        return (sum(g[3] for g in part), str(sorted(map(str, part))))

    return sorted(parts.values(), key=size)


def store_partitions(store) -> list[list[tuple]]:
    """The :func:`partitions` of the store's event mentions, counted by SQL."""
    return partitions([
        (r["cameo_root"], r["source_country"], r["target_country"], r["n"])
        for r in store.query(
            "SELECT cameo_root, source_country, target_country, count(*) AS n FROM event_mentions "
            "GROUP BY ALL ORDER BY ALL"
        )
    ])


def _batches(parts: list[list[tuple]], limit: int) -> list[list[tuple]]:
    """Whole parts gathered into batches of at most ``limit`` mentions (a larger part alone)."""
    batches, current, n = [], [], 0
    for part in parts:
        size = sum(g[3] for g in part)
        if current and n + size > limit:
            batches.append(current)
            current, n = [], 0
        current.extend(part)
        n += size
    if current:
        batches.append(current)
    return batches


_PART_JOIN = (
    "m.cameo_root IS NOT DISTINCT FROM p.cameo_root "
    "AND m.source_country IS NOT DISTINCT FROM p.source_country "
    "AND m.target_country IS NOT DISTINCT FROM p.target_country"
)


#: Rows fetched at a time when reading a large partition's documents.
_FETCH_ROWS = 8192

_PART_DOCS = (
    "SELECT m.doc_id, coalesce(max(m.date), '') AS k, count(*) AS n FROM event_mentions m "
    f"JOIN _detente_merge_parts p ON {_PART_JOIN} WHERE p.part = ? GROUP BY m.doc_id"
)


def _slice_part(store, part: int, first_batch: int, limit: int) -> int:
    """Cut a large partition into time slices (:func:`slice_documents`): its documents' batch
    numbers, from ``first_batch`` on, go to the ``_detente_merge_slices`` table. Only the first
    document of each slice is held in memory (the documents are read with a cursor: their
    number may be large). Returns the number of slices."""
    cur = store.con.execute(f"{_PART_DOCS} ORDER BY k, m.doc_id", [part])
    key = [""]  # the key of the document slice_documents has just placed

    def docs() -> Iterator[tuple[str, int]]:
        while chunk := cur.fetchmany(_FETCH_ROWS):
            for doc, key[0], size in chunk:
                yield doc, size

    starts: list[tuple[str, str, int]] = []  # (key, doc_id, slice) of each slice's first document
    for doc, number in slice_documents(docs(), limit):
        if not starts or starts[-1][2] != number:
            starts.append((key[0], doc, number))
    if not starts:
        return 0
    store.con.register("_detente_merge_starts", pa.table({
        "k": pa.array([s[0] for s in starts], pa.string()),
        "doc_id": pa.array([s[1] for s in starts], pa.string()),
        "number": pa.array([s[2] for s in starts], pa.int32()),
    }))
    try:
        # A document belongs to the last slice starting at or before it in (key, doc_id) order.
        store.con.execute(
            "CREATE TEMP TABLE IF NOT EXISTS _detente_merge_slices "
            "(part INTEGER, doc_id VARCHAR, batch INTEGER)"
        )
        store.con.execute(
            "INSERT INTO _detente_merge_slices SELECT ?, d.doc_id, ? + ("
            "SELECT max(s.number) FROM _detente_merge_starts s "
            f"WHERE s.k < d.k OR (s.k = d.k AND s.doc_id <= d.doc_id)) FROM ({_PART_DOCS}) d",
            [part, first_batch, part],
        )
    finally:
        store.con.unregister("_detente_merge_starts")
    return starts[-1][2] + 1


def _batch_cursors(store, batch: int, columns: Sequence[str], slice_limit: int = SLICE_LIMIT) -> Iterator[Any]:
    """For each batch (whole partitions, or one slice of a large one: see :func:`_pieces`),
    the open cursor of a query giving ``columns`` of its mentions (``m.`` prefixed) and the
    outlet of each one's document, in :func:`load_mentions` order. Consume each cursor
    before asking for the next."""
    parts = store_partitions(store)
    if not parts:
        return
    large = [n for n, part in enumerate(parts) if sum(g[3] for g in part) > slice_limit]
    batches = _batches([part for n, part in enumerate(parts) if n not in large], batch)
    batch_of = {g[:3]: k for k, groups_of in enumerate(batches) for g in groups_of}
    rows = [(*g[:3], n, batch_of.get(g[:3])) for n, part in enumerate(parts) for g in part]
    store.con.register("_detente_merge_rows", pa.table({
        "cameo_root": pa.array([r[0] for r in rows], pa.string()),
        "source_country": pa.array([r[1] for r in rows], pa.string()),
        "target_country": pa.array([r[2] for r in rows], pa.string()),
        "part": pa.array([r[3] for r in rows], pa.int32()),
        "batch": pa.array([r[4] for r in rows], pa.int32()),
    }))
    try:
        store.con.execute("CREATE OR REPLACE TEMP TABLE _detente_merge_parts AS SELECT * FROM _detente_merge_rows")
    finally:
        store.con.unregister("_detente_merge_rows")
    try:
        total = len(batches)
        for part in large:
            total += _slice_part(store, part, total, slice_limit)
        if large:
            slices = "LEFT JOIN _detente_merge_slices s ON s.part = p.part AND s.doc_id = m.doc_id "
            which = ("coalesce(p.batch, s.batch)", slices)
        else:
            which = ("p.batch", "")
        sql = (
            f"SELECT {', '.join(columns)}, coalesce(nullif(d.site, ''), nullif(d.file, ''), m.doc_id) "
            f"FROM event_mentions m JOIN _detente_merge_parts p ON {_PART_JOIN} {which[1]}"
            f"LEFT JOIN documents d ON d.doc_id = m.doc_id "
            f"WHERE {which[0]} = ? ORDER BY m.doc_id, m.sentence_index, m.char_start, m.event_id"
        )
        for n in range(total):
            yield store.con.execute(sql, [n])
    finally:
        store.con.execute("DROP TABLE IF EXISTS _detente_merge_parts")
        store.con.execute("DROP TABLE IF EXISTS _detente_merge_slices")


def stream_mentions(
    store, *, batch: int = STREAM_BATCH, slice_limit: int = SLICE_LIMIT
) -> Iterator[tuple[list[EventMention], dict[str, str]]]:
    """The store's event mentions, a batch at a time: whole partitions (see :func:`partitions`)
    of at most ``batch`` mentions together, a partition of up to ``slice_limit`` alone, a larger
    one in time slices of at most ``slice_limit`` (see :func:`slice_documents`); each batch with
    the outlets of its documents (as :func:`document_outlets`), in :func:`load_mentions` order."""
    names = (*EventMention.JSONL_FIELDS, "trigger", "extra")
    for cur in _batch_cursors(store, batch, [f"m.{c}" for c in names], slice_limit):
        mentions, outlets = [], {}
        for row in cur.fetchall():
            mentions.append(_mention_from_row(dict(zip(names, row))))
            outlets[mentions[-1].doc_id] = row[-1]
        yield mentions, outlets


#: Columns :func:`_stream_items` reads: what merging keeps, then what only gives the words.
_READ_COLUMNS = (*_MERGE_FIELDS, "sentence", "trigger")


def _stream_items(store, batch: int, slice_limit: int) -> Iterator[list[_Item]]:
    """Like :func:`stream_mentions`, but straight to the compact items merging works on (no
    record or row dict per mention; repeated strings shared)."""
    n = len(_MERGE_FIELDS)
    where = {name: i for i, name in enumerate(_READ_COLUMNS)}
    source_name, target_name = where["source_name"], where["target_name"]
    for cur in _batch_cursors(store, batch, [f"m.{c}" for c in _READ_COLUMNS], slice_limit):
        shared: dict[Any, Any] = {}
        items = []
        while chunk := cur.fetchmany(4096):
            for row in chunk:
                values = [shared.setdefault(v, v) if isinstance(v, str) else v for v in row[1:n]]
                slim = _Mention([row[0], *values])  # event ids are unique: not shared
                words = _evidence_words(row[n], row[n + 1], row[source_name], row[target_name])
                outlet = row[n + 2]
                items.append(_Item(slim, _interval_of(slim), words, shared.setdefault(outlet, outlet)))
        yield items


#: The tables a merge writes its events into, swapped in for ``events`` and ``event_links``
#: once every batch is written (left over only by a merge that was killed: dropped by the next).
STAGING = ("events_merging", "event_links_merging")


def merge_store(store, *, batch: int = STREAM_BATCH, slice_limit: int = SLICE_LIMIT) -> int:
    """Recompute ``events`` and ``event_links`` from ``event_mentions``.

    The mentions are read and merged a batch at a time (see :func:`stream_mentions`: no merge
    ever crosses a partition, and a partition of more than ``slice_limit`` mentions is merged in
    time slices), and each batch's events are committed to fresh tables (:data:`STAGING`) that
    replace ``events`` and ``event_links`` in one last transaction. So memory is bounded by
    ``batch`` and ``slice_limit``, not by the store, and until that swap readers (and a merge
    that is killed) keep the previous events whole. The result is the same as
    :func:`merge_mentions` on every mention at once with the same ``slice_limit``.
    Idempotent: the same mentions always give the same events and keys.
    Returns the number of merged events.
    """
    from .store.schema import MERGED_TABLES_DDL

    events_table, links_table = STAGING
    total = n_mentions = 0
    with store.transaction() as con:
        con.execute(f"DROP TABLE IF EXISTS {events_table}")
        con.execute(f"DROP TABLE IF EXISTS {links_table}")
        con.execute(MERGED_TABLES_DDL.format(events=events_table, links=links_table))
    try:
        for items in _stream_items(store, batch, slice_limit):
            events = _merge_items(items)
            events.sort(key=_event_order)
            if events:
                # One insert per batch through Arrow (the store's own writer), committed.
                with store.transaction():
                    store.insert_rows(events_table, MergedEvent.COLUMNS, [e.row() for e in events])
                    store.insert_rows(links_table, ("event_key", "event_id"),
                                      [[e.event_key, m] for e in events for m in e.members])
            total += len(events)
            n_mentions += len(items)
            del items, events
        with store.transaction() as con:
            con.execute("DROP TABLE events")
            con.execute("DROP TABLE event_links")
            con.execute(f"ALTER TABLE {events_table} RENAME TO events")
            con.execute(f"ALTER TABLE {links_table} RENAME TO event_links")
    except BaseException:
        # Leave the previous events in place, and no half-written tables.
        for table in STAGING:
            try:
                store.con.execute(f"DROP TABLE IF EXISTS {table}")
            except duckdb.Error as exc:  # a broken connection: the next merge drops them
                log.warning("could not drop %s after a failed merge: %s", table, exc)
        raise
    log.info("merged %d mentions into %d events", n_mentions, total)
    return total


def merged_events(store, *, with_explanation: bool = False) -> list[dict[str, Any]]:
    """Every merged event (``detente events --merged``) in date order, undated last, with its
    member mention ids; with ``with_explanation``, the parsed explanation too."""
    rows = store.query(
        "SELECT e.*, list(l.event_id ORDER BY l.event_id) AS members FROM events e "
        "JOIN event_links l USING (event_key) GROUP BY ALL"
    )
    for r in rows:
        explanation = r.pop("explanation")
        if with_explanation:
            r["explanation"] = json.loads(explanation) if isinstance(explanation, str) else explanation

    def order(r: dict[str, Any]):
        span = date_interval(r["date"])
        return (span is None, span[0] if span else dt.date.min, -(span[1] - span[0]).days if span else 0,
                r["event_key"])

    return sorted(rows, key=order)


#: Column order of ``detente events --merged``.
LIST_COLUMNS = (
    "event_key", "date", "date_precision", "source_name", "source_country", "target_name",
    "target_country", "cameo_code", "plover_type", "quad_class", "goldstein", "modality", "location",
    "n_mentions", "n_documents", "n_sources", "best_event_id", "source_actor_id", "target_actor_id",
    "cameo_root", "members",
)


def list_merged(
    store,
    *,
    dyad: str | None = None,
    actor: str | None = None,
    since: str | None = None,
    until: str | None = None,
    code: str | None = None,
    explain: bool = False,
) -> list[dict[str, Any]]:
    """Merged events filtered like ``detente events``: ``dyad`` "JPN-RUS" (either direction),
    ``actor`` (id or country, either side), ``since``/``until`` (the event's date interval
    overlaps), ``code`` (CAMEO root, code prefix or PLOVER type). With ``explain``, each row
    carries its explanation (why its mentions were merged). Raises ValueError on a bad filter."""
    from .analysis.timeline import date_window, in_window
    from .queries import event_filters

    where, params = event_filters(dyad=dyad, actor=actor, code=code, prefix="e.")
    window = date_window(since, until)
    rows = store.query(
        "SELECT e.*, list(l.event_id ORDER BY l.event_id) AS members FROM events e "
        f"JOIN event_links l USING (event_key) WHERE {' AND '.join(where or ['TRUE'])} GROUP BY ALL",
        params,
    )
    out = []
    for r in rows:
        span = date_interval(r["date"])
        if not in_window(span, window):
            continue
        row = {c: r[c] for c in LIST_COLUMNS}
        if explain:
            raw = r["explanation"]
            row["explanation"] = json.loads(raw) if isinstance(raw, str) else raw
        row["_order"] = (span is None, span[0] if span else dt.date.min,
                         -(span[1] - span[0]).days if span else 0, r["event_key"])
        out.append(row)
    out.sort(key=lambda x: x["_order"])
    for row in out:
        del row["_order"]
    return out


def explain(store, event_key: str) -> dict[str, Any]:
    """A merged event, every mention it holds (document, sentence, offsets) and why they merged."""
    from .errors import StoreError

    rows = store.query("SELECT * FROM events WHERE event_key = ?", [event_key])
    if not rows:
        raise StoreError(f"no merged event {event_key!r}; list them with `detente events --merged`")
    event = dict(rows[0])
    explanation = event.pop("explanation")
    if isinstance(explanation, str):
        explanation = json.loads(explanation)
    members = store.query(
        "SELECT m.event_id, m.doc_id, d.file, d.site, d.title, m.sentence, m.sentence_index, "
        "m.char_start, m.char_end, m.date, m.date_precision, m.date_basis, m.cameo_code, "
        "m.modality, m.location, m.source_name, m.target_name, m.confidence "
        "FROM event_links l JOIN event_mentions m USING (event_id) "
        "LEFT JOIN documents d ON d.doc_id = m.doc_id "
        "WHERE l.event_key = ? ORDER BY m.doc_id, m.sentence_index, m.char_start",
        [event_key],
    )
    return {"event": event, "mentions": members, "explanation": explanation}
