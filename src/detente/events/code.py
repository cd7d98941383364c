"""Coding event candidates into :class:`~detente.records.EventMention` records.

Adds what the parse alone does not give: the date (``date_basis`` says which):

- ``clause``: the time expression attached to the event's clause; else a relative clause on a
  nominal event saying when it takes place ("his visit, which could be held next month"); else
  a historical anchor on the clause of a past-tense event ("which the USSR took after the
  Second World War": 1945; see :mod:`detente.time.history`); else a time expression inside the
  clause's dependency subtree that belongs to no other event (for a past event, not one of a
  future verb: "agreed that a delegation would visit this year"). A participle on what the
  act is about dates that, not the act ("announced support for sanctions imposed in 2014");
  one on the act's medium does ("in a statement published on Monday");
- ``sentence``: else the sentence's (a date inside a quotation dates only what is quoted), else
  that of an absolute phrase of speech whose subject is one of the event's doers ("both X and
  Y have expressed an interest, with Y saying on May 3 ...");
- ``context``: else the date of the event it shares: a coordinated act of the same tense
  ("discussed X and agreed Y"); a re-mention of an event the article dated earlier ("On April
  15, Lavrov arrived in Tokyo ... Lavrov's visit was meant to ...": a definite event noun of
  the same root and actors, an undated past act of the very same two persons, or a planned
  act of the same doer towards the same country); an earlier dated event the clause places
  itself at ("In addition to talks with Putin, Abe met ...": its week); else, for a past-tense
  asserted/negated event, the date of the paragraph's last dated past episode when the event
  continues it (its doer took part in it, it is the same kind of act among the same
  countries, or it involves the same pair of countries) and no new time expression came in
  between. An episode is a dated past event of ours, or a dated past act of a known actor
  that is no event ("On September 3, Abe spoke at the forum"). A clause whose subject is
  carried over from the previous sentence of the paragraph ("He ...", "They ...", "The two
  ...": ``modality.carried_subjects``) takes the date of that sentence's event its doers took
  part in, of the same tense; an undated past re-mention of the very same two persons may
  take the date of an event dated only by context. A date told only inside a clause describing
  a noun ("the plan he had proposed in December 2016") neither starts an episode nor dates a
  carried-over subject. A definite event noun still to come whose relative date ("next month")
  was read against an inferred publication date and falls after the date the article itself
  gives that event takes the article's date (an item reprinted later). The confidence is
  lowered by 0.1;
- ``publication``: else the publication date (``none`` without one); an inferred one (known
  within ``publication_window_days``) gives the month holding two thirds of its window, else
  the period covering it, a quarter or half written as its year (:func:`publication_period`).

A date that contradicts the event's tense is not used: a past-tense event is never dated after
publication, a future one never more than a month before it. When the publication date is
only inferred (``publication_window_days``), a date read relative to it ("last Friday",
"next month", a year-less "September 3") is widened to the finest period that holds its
reading for every publication date in the window ("last Friday" ±5 days: the month), so that
a merge comparing dates at shared precision is not misled by a precise-looking guess; when
that period is coarser than a month, the month two thirds of the readings fall in is taken
("next month" within ±3 days of 3 May: June), as for the publication date itself. Then the
PLOVER type and mode, quad class and Goldstein weight of the CAMEO code, the dyad expansion
(one record per source × target, or per ordered pair of coordinated participants; a
self-reference is dropped, domestic dyads of different actors are kept: see
:func:`_same_party`), titles without a name re-resolved to their holder at the event's own date
when a clause or sentence dates it apart from the article ("in 1993, the prime minister ..."), a stable
content-hash id, and the evidence sentence with offsets into the article text.

:func:`code_records` codes arbitrary JSON records (sentences or articles) without a store.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from ..actors import ActorDB, load_actor_db, place_country
from ..records import ActorMention, EventMention, TimeExpression
from ..time.history import find_historical_anchors
from ..time.lexicon import load_lexicon
from ..time.values import precision_of, value_to_interval
from .extract import Candidate, find_candidates
from .modality import (
    OCCASION_PREPS,
    background_cue,
    contact_clause,
    counted_occasions,
    figurative_use,
    in_describing_clause,
    inference_cue,
    lemma_forms,
    negated_span,
    protest_reason,
    standing_position,
)
from .ontology import load_ontology
from .patterns import PatternSet, load_patterns

log = logging.getLogger(__name__)

def timex_date(tx: TimeExpression) -> tuple[str, str, dt.date] | None:
    """(date string by precision, precision, first day) of a dated time expression, else None.

    The string is ``YYYY-MM-DD`` for a day or week (its Monday), ``YYYY-MM`` for a month or a
    season, quarter or half (its first month), ``YYYY`` for a year and ``YYY0`` for a decade.
    """
    if tx.type not in ("DATE", "TIME"):
        return None
    value = tx.values[0] if tx.relation and tx.values else tx.value
    interval = value_to_interval(value)
    if interval is None:
        return None
    first = interval[0]
    precision = precision_of(value)
    if precision in ("day", "week"):
        return first.isoformat(), precision, first
    if precision in ("month", "season", "quarter", "half"):
        return f"{first.year:04d}-{first.month:02d}", precision, first
    if precision in ("year", "decade"):
        return f"{first.year:04d}", precision, first
    return None


class _TimexAttacher:
    """Which clause each time expression of a sentence belongs to."""

    def __init__(self, doc, timexes: list[TimeExpression], heads: set[int],
                 gatherings: Iterable[str] = ()):
        gatherings = set(gatherings) | {"event", "ceremony", "celebration", "parade"}
        #: sentence start -> [(timex, attached head index | None | -1, timex root token)]
        self.by_sentence: dict[int, list[tuple[TimeExpression, int | None, Any]]] = {}
        for tx in timexes:
            if timex_date(tx) is None:
                continue
            span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            root = span.root
            node, attached = root, None
            # "the 1956 pledge", "a September 1992 visit": a date modifying a noun that is no
            # event of ours dates that noun, not the sentence
            if root.head.pos_ in ("NOUN", "PROPN") and root.head.i not in heads and root.dep_ in (
                    "compound", "nummod", "amod", "npadvmod", "poss", "nmod"):
                noun = root.head
                if (noun.lemma_.lower() in gatherings and noun.dep_ in ("dobj", "obj")
                        and noun.head.i in heads):
                    # "attend last Friday's ceremony": the gathering's date is the attending's
                    self.by_sentence.setdefault(root.sent.start, []).append((tx, noun.head.i, root))
                    continue
                self.by_sentence.setdefault(root.sent.start, []).append((tx, -1, root))
                continue
            for _ in range(10):
                if node.head.i == node.i:
                    attached = node.i if node.i in heads else None
                    break
                node = node.head
                if node.i in heads:
                    attached = node.i
                    break
            self.by_sentence.setdefault(root.sent.start, []).append((tx, attached, root))

    def clause(self, sent, anchors: list) -> TimeExpression | None:
        """The time expression attached to the event's clause. One inside a quotation dates
        only what is quoted: not an event whose trigger stands outside it ("... since 2012,"
        X said during a press conference)."""
        ids = {t.i for t in anchors}
        for tx, attached, _root in self.by_sentence.get(sent.start, []):
            if attached in ids and not _quoted_apart(sent, tx, anchors[0]):
                return tx
        return None

    def occurrence(self, sent, cand: Candidate) -> TimeExpression | None:
        """The date of a relative clause on a nominal event ("the summit he will host this
        month"), or of one saying when it takes place right after the event noun's phrase ("her
        trip to Chile, which might take place next month"): the parser often hangs such a clause
        on another noun."""
        if not cand.nominal:
            return None
        doc, trigger = sent.doc, cand.trigger
        verbs = load_lexicon().occurrence_verbs
        for tx, attached, _root in self.by_sentence.get(sent.start, []):
            if attached is None or attached < 0:
                continue
            verb = doc[attached]
            if verb.i == getattr(contact_clause(trigger), "i", None):
                return tx  # "the summit he will host this month", parsed as another clause
            if verb.dep_ != "relcl":
                continue
            if verb.head.i == trigger.i and verb.i > trigger.i:
                return tx  # "the summit he will host this month"
            if verb.lemma_.lower() not in verbs:
                continue
            # only the event noun's own phrase ("to Russia") and punctuation in between
            phrase = {t.i for t in trigger.subtree} - {t.i for t in verb.subtree}
            gap = doc[trigger.i + 1:verb.left_edge.i]
            if verb.left_edge.i > trigger.i and all(t.is_punct or t.i in phrase for t in gap):
                return tx
        return None

    def subtree(self, sent, anchors: list, taken: set[int], past: bool = False
                ) -> TimeExpression | None:
        """A time expression inside the event clause's dependency subtree that belongs to no
        other event's clause ("met X, saying on Monday ..."); for a past event, not one of a
        future verb ("agreed that a delegation would visit this year")."""
        inside = {t.i for a in anchors for t in a.subtree}
        for tx, attached, root in self.by_sentence.get(sent.start, []):
            if (attached not in taken and attached != -1 and root.i in inside
                    and not (past and _future_verb(sent.doc, attached))
                    and not _absolute_clause(sent.doc, attached)
                    and not _in_modifier(root, anchors[0])
                    and not _quoted_apart(sent, tx, anchors[0])):
                return tx
        return None

    def sentence(self, sent, taken: set[int], trigger=None, past: bool = False
                 ) -> TimeExpression | None:
        items = self.by_sentence.get(sent.start, [])
        if trigger is not None:
            # a date inside a quotation dates what is quoted, not the act of quoting
            quoted = _quoted_spans(sent)
            inside = next((q for q in quoted if q[0] <= trigger.idx < q[1]), None)
            items = [it for it in items
                     if inside is not None and inside[0] <= it[0].start < inside[1]
                     or inside is None and not any(q[0] <= it[0].start < q[1] for q in quoted)]
        for tx, attached, _root in items:
            if attached == sent.root.i:
                return tx
        for tx, attached, root in items:
            if (attached not in taken and attached != -1 and not _in_modifier(root, trigger)
                    and not (past and _future_verb(sent.doc, attached))
                    and not _absolute_clause(sent.doc, attached)):
                return tx
        return None

    def elaboration(self, sent, cand: Candidate, doer_at, lex: PatternSet
                    ) -> TimeExpression | None:
        """The date of an absolute phrase of speech inside the event's clause whose subject is
        one of the event's doers ("X and Y both want a fisheries accord, with Y telling
        reporters on June 3 ..."): that doer's telling of the act dates it. (Such a phrase
        with another subject tells another act: :func:`_absolute_clause`.)"""
        doers = {m.actor.actor_id for m in cand.sources}
        if cand.nominal or not doers:
            return None
        inside = {t.i for t in cand.trigger.subtree}
        doc = sent.doc
        for tx, attached, _root in self.by_sentence.get(sent.start, []):
            if attached is None or attached < 0 or attached not in inside:
                continue
            verb = doc[attached]
            if not _absolute_clause(doc, attached) or not (
                    set(lemma_forms(verb)) & lex.speech_verbs):
                continue
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            actor = doer_at(subject) if subject is not None else None
            if actor is not None and actor.actor_id in doers and not _quoted_apart(
                    sent, tx, cand.trigger):
                return tx
        return None

    def uncoded_episode(self, sent, taken: set[int], doer_at):
        """(time expression, actor) of a sentence whose date is attached to a past-tense verb
        that is no event of ours but has a known actor as its subject, else None."""
        doc = sent.doc
        for tx, attached, _root in self.by_sentence.get(sent.start, []):
            if attached is None or attached < 0 or attached in taken:
                continue
            verb = doc[attached]
            # "Abe spoke at the forum held in Vladivostok on September 3": the date of a
            # participle describing the place or occasion of a past act is that act's
            for _ in range(4):
                if verb.tag_ == "VBD" or verb.dep_ != "acl":
                    break
                node = verb.head
                while node.dep_ in ("pobj", "prep", "dobj", "compound") and node.head.i != node.i:
                    node = node.head
                    if node.pos_ in ("VERB", "AUX"):
                        break
                if node.pos_ not in ("VERB", "AUX") or node.i in taken:
                    break
                verb = node
            if verb.tag_ != "VBD" or tx.mod not in (None, "APPROX", "END", "MID"):
                continue
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            actor = doer_at(subject) if subject is not None else None
            if actor is not None:
                return tx, actor
        return None

    def rescheduled(self, sent, cand: Candidate, lex: PatternSet) -> TimeExpression | None:
        """ "postponed the September visit to October 11": the time expression of the "to"
        ("until", "till") phrase of the postponing verb whose object is the event noun: the
        date the event was moved to, not the one it was first set for."""
        trigger = cand.trigger
        if not cand.nominal or trigger.dep_ not in ("dobj", "obj", "nsubjpass"):
            return None
        verb = trigger.head
        if not set(lemma_forms(verb)) & lex.modality.get("postponing_governors", frozenset()):
            return None
        inside = {t.i for c in verb.children if c.dep_ == "prep" and c.lower_ in _RESCHEDULED_TO
                  for t in c.subtree}
        for tx, _attached, root in self.by_sentence.get(sent.start, []):
            if root.i in inside:
                return tx
        return None

    def breaks(self, sent) -> bool:
        """Whether the sentence has a time expression of its own (noun modifiers aside, and a
        date told only inside a clause describing a noun: "..., which the leaders confirmed
        during X's visit in December 2016", which neither starts an episode nor ends one)."""
        doc = sent.doc
        return any(attached != -1 and not (attached is not None and attached >= 0
                                            and _describing_clause(doc[attached]))
                   for _tx, attached, _root in self.by_sentence.get(sent.start, []))


#: Prepositions of the date a postponed event was moved to ("postponed it to / until May").
_RESCHEDULED_TO = frozenset({"to", "until", "till", "til"})

#: Relative pronouns: the subject of "the talks, which began on Monday" is the event itself.
_RELATIVE_SUBJECTS = frozenset({"which", "that"})


def _absolute_clause(doc, index: int | None) -> bool:
    """Whether the verb at ``index`` is a participle with a subject of its own ("expressed an
    interest, with Putin saying on September 10 ..."): an absolute phrase telling another act,
    whose date is neither the event's nor the sentence's ("met X, saying on Monday ..." has no
    subject of its own: the meeting and the saying share the date)."""
    if index is None or index < 0:
        return False
    verb = doc[index]
    return (verb.tag_ in ("VBG", "VBN") and verb.dep_ in ("pcomp", "advcl", "acl")
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in _RELATIVE_SUBJECTS
                    for c in verb.children))


#: Participle tags of a clause describing a noun, for dating: a gerund too ("the forum
#: gathering leaders in May").
_DESCRIBING_PARTICIPLES = frozenset({"VBN", "VBG"})


def _describing_clause(tok) -> bool:
    """Whether ``tok`` lies inside a clause describing a noun: a relative clause ("the plan
    that he had proposed ...", "..., which the leaders confirmed during ...") or a participle
    ("the sanctions imposed in 2014"); not an infinitive naming an act ("the decision to
    deploy ..."). See :func:`detente.events.modality.in_describing_clause`."""
    return in_describing_clause(tok, _DESCRIBING_PARTICIPLES)


def _embedded_date(doc, tx: TimeExpression, cand: Candidate) -> bool:
    """Whether an event and the time expression dating it both lie inside a clause describing
    a noun (:func:`_describing_clause`): what the sentence itself tells is not so dated."""
    verb = cand.anchors[-1] if cand.nominal and len(cand.anchors) > 1 else cand.trigger
    if not (_describing_clause(cand.trigger) and _describing_clause(verb)):
        return False
    span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and _describing_clause(span.root)


def _future_verb(doc, index: int | None) -> bool:
    """Whether the verb at ``index`` is a future or future-in-the-past ("will visit", "would
    visit"): its date is not that of a past event around it."""
    if index is None or index < 0:
        return False
    return any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall")
               for c in doc[index].children)


#: Prepositions of the medium or occasion of an act ("in a statement published on Monday",
#: "at a press conference held in Tokyo"): a participle on it dates the act itself.
_MEDIUM_PREPS = frozenset({"in", "at", "through", "via", "during", "on"})


def _in_modifier(tok, trigger) -> bool:
    """Whether ``tok`` lies in a clause modifying a noun ("something planned for 2014", "the
    envoy, appointed in May,") that does not contain ``trigger``: such a date describes that
    noun, not the sentence."""
    if trigger is None:
        return False
    node = tok
    for _ in range(12):
        # "condemned X in a statement published on Monday": the medium of the event itself
        # (not what it is about: "announced support for sanctions imposed in 2014")
        # ... or a clause about the event noun itself ("a visit, which could be held in May")
        medium = (node.dep_ == "acl" and node.head.dep_ == "pobj"
                  and node.head.head.lower_ in _MEDIUM_PREPS
                  and node.head.head.head.i == trigger.i) or node.head.i == trigger.i or (
            # a relative clause inside an event noun's phrase: the parser often attaches it
            # to the last noun ("Abe's visit to Russia, which will take place in May")
            node.dep_ == "relcl" and trigger.pos_ in ("NOUN", "PROPN")
            and trigger.left_edge.i <= node.head.i <= trigger.right_edge.i)
        if node.dep_ in ("acl", "relcl", "appos") and not medium and not (
                node.left_edge.i <= trigger.i <= node.right_edge.i):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


_QUOTE_PAIRS = (("\u201c", "\u201d"), ('"', '"'))


def _quoted_apart(sent, tx: TimeExpression, trigger) -> bool:
    """Whether ``tx`` lies inside a quotation that does not hold ``trigger``: a date inside a
    quotation dates only what is quoted ("... the statement of 2012," X said during a press
    conference: not the conference)."""
    quoted = _quoted_spans(sent)
    return any(a <= tx.start < b and not a <= trigger.idx < b for a, b in quoted)


def _quoted_spans(sent) -> list[tuple[int, int]]:
    """Character ranges (doc offsets) of the quotations in a sentence."""
    text, base, out = sent.text, sent.start_char, []
    for open_q, close_q in _QUOTE_PAIRS:
        pos = 0
        while True:
            a = text.find(open_q, pos)
            if a < 0:
                break
            b = text.find(close_q, a + 1)
            if b < 0:
                out.append((base + a, base + len(text)))
                break
            out.append((base + a, base + b + 1))
            pos = b + 1
    return out


def _tense(cand: Candidate, *, sentence: bool = True) -> str:
    """past | future | other, from the event clause's verb: a nominal event's carrier verb,
    else (with ``sentence``) the sentence root ("Their latest meeting was ...")."""
    verb = cand.trigger if not cand.nominal else (cand.anchors[-1] if len(cand.anchors) > 1 else None)
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        if not sentence:
            return "other"
        verb = cand.trigger.sent.root
        if cand.nominal and verb.pos_ not in ("VERB", "AUX"):
            return "other"
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if cand.modality == "planned" or aux & {"will", "'ll", "shall"}:
        return "future"
    if (cand.modality == "asserted" and verb.tag_ == "VB" and "to" in aux and verb.dep_ == "xcomp"
            and verb.head.pos_ in ("VERB", "AUX")):
        # "were forced to join the sanctions", "managed to sign": an asserted infinitive
        # complement happened when its governor did
        verb = verb.head
        aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if aux & {"will", "'ll", "shall"}:
            return "future"
    if verb.tag_ == "VBD" or aux & {"was", "were", "did", "had"}:
        return "past"
    return "other"


_PERIOD_DAYS = {"day": 1, "week": 7, "month": 31, "quarter": 92, "half": 183, "season": 92,
                "year": 366, "decade": 3660}


def _paragraphs(doc_text: str, sents: list) -> list[int]:
    """Paragraph number of each sentence (a line break between sentences starts a new one)."""
    out, n, prev_end = [], 0, None
    for sent in sents:
        text = sent.text
        start = sent.start_char + len(text) - len(text.lstrip())
        if prev_end is not None and "\n" in doc_text[prev_end:start]:
            n += 1
        out.append(n)
        prev_end = sent.start_char + len(text.rstrip())
    return out


@dataclass
class _Context:
    """The last explicitly dated episode of a paragraph, for dating its continuation."""

    paragraph: int
    tx: TimeExpression
    actors: set[str]
    codes: set[str]
    countries: set[str]


def _covers(dated: tuple[str, str, dt.date], day: dt.date) -> bool:
    """Whether the dated period contains ``day``."""
    _, precision, first = dated
    if precision == "decade":
        return first.year // 10 == day.year // 10
    if precision == "year":
        return first.year == day.year
    if precision in ("month", "season", "quarter", "half"):
        last = first + dt.timedelta(days=_PERIOD_DAYS.get(precision, 31) - 1)
        return first <= day <= last
    return first <= day < first + dt.timedelta(days=_PERIOD_DAYS.get(precision, 1))


def _tense_fits(tense: str, dated: tuple[str, str, dt.date], published: dt.date) -> bool:
    """A past event cannot be dated after publication, nor a future one well before it."""
    _, precision, first_day = dated
    if tense == "past" and first_day > published:
        return False
    if tense == "future":
        last_day = first_day + dt.timedelta(days=_PERIOD_DAYS.get(precision, 1) - 1)
        return last_day >= published - dt.timedelta(days=31)
    return True


def _participants(cand: Candidate) -> set[str]:
    return {m.actor.actor_id for m in (*cand.sources, *cand.targets)}


def _countries(cand: Candidate) -> set[str]:
    return {m.actor.country for m in (*cand.sources, *cand.targets) if m.actor.country}


def _continues(cand: Candidate, context: _Context) -> bool:
    """Whether an undated event continues the paragraph's dated episode: its doer took part
    in it ("X met Y on May 3. He also visited ..."), or it is the same kind of act among the
    same countries ("X attended the forum on May 3. Leaders from Y also attended")."""
    if {m.actor.actor_id for m in cand.sources} & context.actors:
        return True
    if cand.code[:3] in context.codes and bool(_countries(cand) & context.countries):
        return True
    # the same pair of countries, both sides named ("In March, Lavrov and Kono held talks. The
    # parties agreed to ...", "In December, Patrushev and Yachi met. Gerasimov visited Tokyo")
    if len(context.countries) != 2:
        return False
    if cand.pairwise:
        return {m.actor.country for m in cand.sources if m.actor.country} == context.countries
    sides = [{m.actor.country for m in ms if m.actor.country} for ms in (cand.sources, cand.targets)]
    return all(sides) and sides[0] | sides[1] == context.countries


_ANAPHORIC_DETS = frozenset({"the", "this", "that", "these", "those", "such"})


def _reacts(cand: Candidate, lex: PatternSet) -> bool:
    """Whether the event's sentence reacts to an act named only by a definite anaphor ("was
    outraged by the action and demanded ...", "protested against this move"): it follows the
    episode just told, whoever its doer (``modality.anaphoric_acts``)."""
    nouns = lex.modality.get("anaphoric_acts", frozenset())
    for tok in cand.trigger.sent:
        if (tok.lemma_.lower() in nouns and tok.pos_ == "NOUN"
                and any(c.dep_ == "det" and c.lower_ in _ANAPHORIC_DETS for c in tok.children)
                and not any(c.dep_ in ("prep", "acl", "relcl", "amod", "compound", "poss")
                            for c in tok.children)):
            return True
    return False


def _historical(doc, doc_text: str) -> dict[int, list[tuple[TimeExpression, Any]]]:
    """Historical anchors ("after the Second World War") by sentence start, with the token of
    their preposition."""
    out: dict[int, list[tuple[TimeExpression, Any]]] = {}
    for tx in find_historical_anchors(doc_text):
        span = doc.char_span(tx.start, tx.start + len(tx.text.split()[0]), alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        out.setdefault(span[0].sent.start, []).append((tx, span[0]))
    return out


def _historical_date(items: list[tuple[TimeExpression, Any]], cand: Candidate
                     ) -> TimeExpression | None:
    """A historical anchor whose preposition modifies the event's own clause, for a past-tense
    event ("which the USSR took from Japan after the Second World War"). "since ..." does not
    date a negated event: "never fought a war since ..." holds up to publication."""
    if not items or _tense(cand, sentence=False) != "past":
        return None
    ids = {t.i for t in cand.anchors}
    for tx, prep in items:
        if prep.head.i not in ids or tx.mod == "START" and cand.modality == "negated":
            continue
        # the phrase must follow the clause itself or one of its direct arguments ("took the
        # islands from Japan after ..."), not a noun deep inside one, where it may just as well
        # describe that noun ("apologised for the mistreatment of prisoners after ...")
        before = prep.doc[prep.i - 1] if prep.i > 0 else prep
        steps, node = 0, before
        while node.i not in ids and node.head.i != node.i and steps < 3:
            node, steps = node.head, steps + 1
        if node.i in ids and steps <= 2:
            return tx
    return None


#: Precisions tried, finest first, when a date must cover an interval.
_COVERING = ("day", "week", "month", "quarter", "half", "year", "decade")


def covering_date(first: dt.date, last: dt.date) -> tuple[str, str, dt.date] | None:
    """(date string, precision, first day) of the finest period that contains ``first`` to
    ``last``: a day, ISO week, month, quarter, half, year or decade; None beyond a decade."""
    for precision in _COVERING:
        if precision == "day":
            ok, start = first == last, first
        elif precision == "week":
            ok = first.isocalendar()[:2] == last.isocalendar()[:2]
            start = first - dt.timedelta(days=first.isoweekday() - 1)
        elif precision in ("month", "quarter", "half"):
            months = {"month": 1, "quarter": 3, "half": 6}[precision]
            ok = (first.year == last.year
                  and (first.month - 1) // months == (last.month - 1) // months)
            start = dt.date(first.year, (first.month - 1) // months * months + 1, 1)
        elif precision == "year":
            ok, start = first.year == last.year, dt.date(first.year, 1, 1)
        else:
            ok = first.year // 10 == last.year // 10
            start = dt.date(max(1, first.year // 10 * 10), 1, 1)
        if not ok:
            continue
        if precision in ("day", "week"):
            return start.isoformat(), precision, start
        if precision in ("month", "quarter", "half"):
            return f"{start.year:04d}-{start.month:02d}", precision, start
        return f"{start.year:04d}", precision, start
    return None


#: Widest publication-date window (days) over which a relative expression is re-read day by
#: day; beyond it the expression's own period is simply widened by the window.
_PROBE_DAYS = 31


def publication_period(published: dt.date, window: int | None) -> tuple[str, str, dt.date]:
    """(date string, precision, first day) of an event dated only by a publication date known
    within ``window`` days either side.

    The month holding most days of the window (at least two thirds of them) when the window
    spans no more than about a month (31 days): 3 May 2016 +-3 days is May (6 of 7 days), not
    the quarter April-June. Else (a window split evenly or nearly so between two months, 4 of 7
    days; a longer window) the finest period covering the whole window; a quarter or half
    becomes its year, since the ``date`` field can only write it as its first month
    ("2016-04"), which reads as that month. Without a window, the day.
    """
    if not window or window <= 0:
        return published.isoformat(), "day", published
    span = dt.timedelta(days=window)
    first, last = published - span, published + span
    days = 2 * window + 1
    counts: dict[tuple[int, int], int] = {}
    for n in range(days if days <= _PROBE_DAYS else 0):
        day = first + dt.timedelta(days=n)
        counts[(day.year, day.month)] = counts.get((day.year, day.month), 0) + 1
    month = _month_of_most(counts, days)
    if month is not None:
        return month
    wide = covering_date(first, last)
    if wide is None:
        return published.isoformat(), "day", published
    return _quarter_as_year(wide)


def _month_of_most(counts: dict[tuple[int, int], int], days: int) -> tuple[str, str, dt.date] | None:
    """The month (date string, precision, first day) that at least two thirds of ``days``
    possible days (or readings) fall in, given their count per (year, month); None when no
    month holds that many, or the window spans more than about a month (``_PROBE_DAYS``)."""
    if not counts or days > _PROBE_DAYS:
        return None
    (year, month), most = max(counts.items(), key=lambda kv: kv[1])
    if 3 * most < 2 * days:
        return None
    return f"{year:04d}-{month:02d}", "month", dt.date(year, month, 1)


def _quarter_as_year(period: tuple[str, str, dt.date]) -> tuple[str, str, dt.date]:
    """A covering quarter or half written as its year: the ``date`` field could only write it
    as its first month ("2016-04"), which reads as that month. Other periods unchanged."""
    if period[1] not in ("quarter", "half"):
        return period
    year = period[2].year
    return f"{year:04d}", "year", dt.date(year, 1, 1)


def anchored_date(tx: TimeExpression, dated: tuple[str, str, dt.date], published: dt.date,
                  window: int | None, tense: str | None, *, majority: bool = False
                  ) -> tuple[str, str, dt.date] | None:
    """The date of a time expression read against a publication date known only within
    ``window`` days: every reading for an anchor in that window, covered by the finest period
    ("last Friday" against an inferred date becomes its month). Expressions that do not depend
    on the anchor (absolute dates, historical anchors) keep their date; None when no period up
    to a decade covers the readings.

    With ``majority`` (the rule of :func:`publication_period`, used for stored events), when
    the covering period is coarser than a month and the window spans no more than about a
    month, the month most anchors read the expression in (at least two thirds of them) is
    taken instead ("next month" read within +-3 days of
    3 May: June for 6 of 7 anchors), and a covering quarter or half becomes its year."""
    if not window or window <= 0 or tx.basis not in ("relative", "tense"):
        return dated
    from ..time import normalise

    interval = value_to_interval(tx.values[0] if tx.relation and tx.values else tx.value)
    if interval is None:
        return dated
    lo, hi = interval
    months: dict[tuple[int, int], int] = {}  # month of a reading -> anchors reading it there
    probe = normalise(tx.text, published, tense) if window <= _PROBE_DAYS else None
    if probe is not None and probe.value == tx.value:
        for shift in range(-window, window + 1):
            again = normalise(tx.text, published + dt.timedelta(days=shift), tense)
            span = value_to_interval(again.value) if again is not None else None
            if span is not None:
                lo, hi = min(lo, span[0]), max(hi, span[1])
                if (span[0].year, span[0].month) == (span[1].year, span[1].month):
                    key = (span[0].year, span[0].month)
                    months[key] = months.get(key, 0) + 1
    else:
        lo, hi = lo - dt.timedelta(days=window), hi + dt.timedelta(days=window)
    if (lo, hi) == interval:
        return dated
    widened = covering_date(lo, hi)
    if widened is None:
        return None
    # never finer than the expression itself ("last year" stays a year or coarser)
    if dated[1] in _COVERING and _COVERING.index(widened[1]) < _COVERING.index(dated[1]):
        return dated
    if majority and _COVERING.index(widened[1]) > _COVERING.index("month"):
        return _month_of_most(months, 2 * window + 1) or _quarter_as_year(widened)
    return widened


@dataclass(frozen=True)
class _Dated:
    """One directed pair of an event the article dates by its own text, for dating later
    re-mentions of that event."""

    root: str
    source: str
    target: str
    source_country: str
    target_country: str
    tx: TimeExpression
    dated: tuple[str, str, dt.date]
    code: str = ""


_ALSO = {"also", "too", "likewise", "similarly"}

#: Adverbs of a repeated act ("criticised Russia again"): another occasion, no re-mention.
_AGAIN = {"again", "anew", "repeatedly", "once more", "once again"}
_DEFINITE = {"the", "this", "that", "these", "those", "his", "her", "their", "its", "our"}


def _definite(trigger) -> bool:
    """Whether an event noun is a definite reference ("the talks", "Lavrov's visit", "their
    latest encounter") rather than a new or hypothetical one ("a possible visit")."""
    for child in trigger.children:
        if child.dep_ == "poss":
            return True
        if child.dep_ == "det":
            return child.lower_ in _DEFINITE
    return False


def _summary(cand: Candidate) -> bool:
    """Whether the event's verb is in the present or present perfect ("has met him five
    times", "meets him every year"): a summary, no single event."""
    verb = cand.trigger if not cand.nominal else (cand.anchors[-1] if len(cand.anchors) > 1
                                                  else cand.trigger.sent.root)
    return verb.tag_ in ("VBZ", "VBP") or any(
        c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve", "'s") for c in verb.children)


#: CAMEO roots of verbal acts that state a standing position when told in the simple present
#: with no date: demands ("Japan demands all four islands", "China says Japan must ...").
#: Criticism or rejection in the present is news of the day ("Japan criticises Russia").
_POSITION_ROOTS = frozenset({"10"})
#: CAMEO roots of relations told as a trend in the present perfect ("have promoted
#: cooperation", "has moved to enhance ties"): intent, diplomatic and material cooperation. A
#: show of force or an attack in the present perfect is news of a recent act ("has
#: strengthened its forces in X").
_TREND_ROOTS = frozenset({"03", "05", "06"})
#: CAMEO roots of material conflict (protest ... mass violence): a habit of force ("soldiers
#: routinely beat detainees") reports real acts, kept as an event with no date of its own.
_MATERIAL_CONFLICT = frozenset({"14", "15", "16", "17", "18", "19", "20"})
#: CAMEO roots of intent, consultation, diplomatic and material cooperation, aid and yielding:
#: a count of such occasions ("has met him five times") sums up several events, none of them.
#: A count of conflict ("have twice vetoed", "shelled the town three times") keeps real acts,
#: undated.
_COOPERATION = frozenset({"03", "04", "05", "06", "07", "08"})
#: Determiners of a generic noun phrase: "any prime minister's attempt" is no one's act.
_GENERIC = frozenset({"any", "every", "each", "whichever"})


def _generic(tok) -> bool:
    """Whether ``tok`` (a doer's head word) names anyone of a kind rather than an actor."""
    return tok is not None and any(c.dep_ == "det" and c.lower_ in _GENERIC for c in tok.children)


def _conjunct(cand: Candidate):
    """The coordinated clause head of the event: its trigger ("discussed X and agreed Y"), or
    the verb carrying its event noun ("attended the ceremony and won a meeting with X"), when
    that is a conjunct; else None."""
    if cand.trigger.dep_ == "conj":
        return cand.trigger
    if cand.nominal and len(cand.anchors) > 1 and cand.anchors[-1].dep_ == "conj":
        return cand.anchors[-1]
    return None


#: Precisions of a time expression that name one occasion rather than a period of policy.
_POINT_PRECISIONS = frozenset({"day", "week", "month"})


def _point_date(tx: TimeExpression | None) -> bool:
    """Whether ``tx`` dates one occasion ("on Monday", "last week", "in May"): a present perfect
    of trend so dated ("has promoted cooperation at a summit on Monday") reports that act, not
    years of policy. A period's start ("since May") or bound ("before 2010") dates no act."""
    return (tx is not None and tx.type == "DATE" and tx.precision in _POINT_PRECISIONS
            and tx.mod not in ("START", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"))


def _no_occurrence(cand: Candidate, lex: PatternSet, clause_tx: TimeExpression | None) -> str | None:
    """Why a candidate reports no event at all, else None (negated mentions are kept, they say
    an event did not happen, unless they tell a state over a span: below):

    * the writer's inference or appraisal ("has an incentive to boost ties", "it appears X
      seeks ...": :func:`~detente.events.modality.inference_cue`);
    * a generic doer ("any prime minister's attempt to normalise ties");
    * an asserted background statement of relations (not of material conflict): a habit or a
      span of years, a present-perfect trend of cooperation
      (:func:`~detente.events.modality.background_cue`), unless its own clause dates one
      occasion ("has promoted cooperation at a summit on Monday": :func:`_point_date`);
    * a standing position: a demand in the simple present by states or institutions, with no
      time expression of its own ("Japan insists on X", "China says Japan must Y"). (A
      readiness, "X is ready to sign", stays an event: news leads state intents so.)
    * a figurative verb ("may hope to seize upon Y's frustration": ``modality.figurative_uses``);
    * a negated state over a span ("they never fought a war since 1945", "have never met"):
      no act that did not happen, but decades of its absence;
    * a count of occasions of diplomacy or cooperation ("has met him five times"): a summary of
      several events, no single one (a count of conflict, "have twice vetoed", is kept,
      undated: :func:`_undated`).
    """
    if not cand.nominal:
        why = figurative_use(cand.trigger, lex)
        if why is not None:
            return f"figurative: {why}"
    if cand.modality == "negated":
        why = negated_span(cand.anchors, lex) if not cand.nominal else None
        return f"negated span: {why}" if why is not None else None
    why = inference_cue(cand.anchors, lex, nominal=cand.nominal)
    if why is not None:
        return f"inference: {why}"
    if _generic(cand.source_token):
        return "generic doer"
    if cand.modality not in ("asserted", "planned"):
        return None
    if not cand.nominal and cand.root in _COOPERATION:
        why = counted_occasions(cand.trigger)
        if why is not None:
            return f"count of occasions: {why}"
    if cand.root not in _MATERIAL_CONFLICT:
        why = background_cue(cand.anchors, lex)
        # a planned mention is background only as an ongoing effort ("is trying to improve
        # relations"), not as a plan over a span ("will give a grant over three years")
        if why is not None and (cand.modality == "asserted" or why.endswith("(progressive)")) and (
                not why.startswith("perfect trend") or cand.root in _TREND_ROOTS) and not (
                why.startswith("perfect") and _point_date(clause_tx)):
            return f"background: {why}"
    if cand.modality != "asserted":
        return None
    if (clause_tx is None and not cand.nominal and cand.root in _POSITION_ROOTS and cand.sources
            and all(m.actor.kind != "person" for m in cand.sources)
            and standing_position(cand.trigger, lex)):
        return "standing position"
    return None


def _since_phrase(tok, anchors: list) -> bool:
    """Whether ``tok`` lies in a "since ..." phrase or clause on the event's own clause."""
    ids = {t.i for t in anchors}
    node = tok
    for _ in range(12):
        if node.lower_ == "since" and node.dep_ in ("prep", "mark") and node.head.i in ids:
            return True
        if node.head.i == node.i or node.i in ids:
            return False
        node = node.head
    return False


def _undated(cand: Candidate, tx: TimeExpression | None, lex: PatternSet) -> str | None:
    """Why an event has no date of its own (``date_basis`` none, not the publication date),
    else None:

    * a present-perfect summary whose only date starts a period ("since taking office in
      December 2012, X has met Y five times"): the meetings lie anywhere in the period;
    * an event noun that a "since" phrase names as the start of a lasting state ("has kept a
      firm stance since its annexation of Crimea"): it happened before, when is not said;
    * an event noun naming a lasting state ("the Russian occupation of the islands":
      ``modality.state_nouns``) that its own clause does not date: it holds over years;
    * a habit of material conflict ("soldiers routinely beat detainees", "shelled the town for
      years"), or a count of conflict ("shelled the town three times", "have twice vetoed"):
      real acts, spread over a period the text does not date;
    * a participle telling how a present-perfect period was spent ("has kept a firm stance
      since the annexation, imposing sanctions ..."): no one date of its own.
    """
    if cand.modality not in ("asserted", "negated"):
        return None
    trigger = cand.trigger
    if cand.modality == "asserted" and cand.root in _MATERIAL_CONFLICT:
        why = background_cue(cand.anchors, lex)
        if why is not None and not why.startswith("perfect trend"):
            return f"habit: {why}"
    if cand.modality == "asserted" and cand.root not in _COOPERATION and not cand.nominal:
        why = counted_occasions(trigger)
        if why is not None and tx is None:
            return f"count of occasions: {why}"
    if (not cand.nominal and trigger.tag_ == "VBG" and trigger.dep_ == "advcl"
            and trigger.head.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have", "'ve")
                for c in trigger.head.children)
            and any(c.lower_ == "since" and c.dep_ in ("prep", "mark") for c in trigger.head.children)):
        # "has kept a firm stance since X, imposing sanctions ...": the participle tells how
        # the period was spent, not one dated act
        return "since-period (participle)"
    if (cand.nominal and len(cand.anchors) == 1 and tx is None
            and trigger.lemma_.lower() in lex.modality.get("state_nouns", frozenset())):
        return "lasting state"
    if cand.nominal and trigger.dep_ == "pobj" and trigger.head.lower_ == "since":
        return "since-phrase event"
    if tx is None or not _summary(cand):
        return None
    if tx.mod == "START":
        return "since-period"
    span = trigger.doc.char_span(tx.start, tx.end, alignment_mode="expand")
    if span is not None and len(span) and _since_phrase(span.root, cand.anchors):
        return "since-period"
    return None


def _invitation(cand: Candidate, lex: PatternSet) -> bool:
    """Whether the candidate is an invitation ("invited X to Japan", "the invitation")."""
    trigger = cand.trigger
    if cand.nominal:
        return trigger.lemma_.lower() == "invitation"
    return "invite" in lemma_forms(trigger)


def _accepted_clause(cand: Candidate, lex: PatternSet):
    """The infinitive an accepting verb takes on through its object ("accepted X's invitation
    to attend the ceremony": attend), else None."""
    m = lex.modality
    trigger = cand.trigger
    if cand.nominal or not set(lemma_forms(trigger)) & m.get("acceptance_verbs", frozenset()):
        return None
    for obj in trigger.children:
        if obj.dep_ not in ("dobj", "obj") or obj.lemma_.lower() not in m.get("accepted_nouns", frozenset()):
            continue
        for c in obj.children:
            if c.dep_ in ("acl", "relcl") and any(g.tag_ == "TO" for g in c.children):
                return c
    return None


#: Dependency relations of a modifier naming where a thing comes from ("the US missile
#: system", "Russian-made jets", "America's missiles").
_MAKER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


def _drop_supplier_targets(cand: Candidate, lex: PatternSet) -> None:
    """A show of force (CAMEO 15) is not directed at the state that made the weapon it
    deploys: "decided to deploy the US missile defence system" does not target the US. A
    target named only as a modifier of the act's direct object is dropped; so is the object
    of a clause describing that object whose verb is no event verb of the patterns ("deploy
    a system built by the US", "deploy a missile shield that covers Japan"): it tells what
    the deployed thing is or does, not whom the act is aimed at."""
    # (a planned deployment is coded as a threat, "will deploy": 13; its pattern is still 15)
    if "15" not in (cand.root, cand.pattern.code[:2]) or not cand.targets or cand.nominal:
        return
    doc = cand.trigger.doc
    objects = {c.i for c in cand.trigger.children if c.dep_ in ("dobj", "obj")}
    if not objects:
        return
    kept = []
    for m in cand.targets:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        node = span.root if span is not None and len(span) else None
        maker = False
        while node is not None and node.dep_ in _MAKER_DEPS and node.head.i != node.i:
            if node.head.i in objects:
                maker = True
                break
            node = node.head
        if maker:
            log.debug("%s: %r makes what is deployed; not the target", cand.pattern.id, m.text)
            continue
        if node is not None and _describing_object(node, objects, lex):
            log.debug("%s: %r is the object of a clause describing what is deployed; not the "
                      "target", cand.pattern.id, m.text)
            continue
        kept.append(m)
    cand.targets = kept


def _describing_object(node, objects: set[int], lex: PatternSet) -> bool:
    """Whether ``node`` is the object of a clause (participle or relative) on one of the
    event's objects whose verb is no event verb of the patterns ("a system involving X", "...
    involving X and Y"), or the doer of such a passive participle ("a system built by X")."""
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ == "pobj" and node.head.dep_ == "agent":
        clause = node.head.head  # "a system built by X": its maker
    elif node.dep_ in ("dobj", "obj"):
        clause = node.head
    else:
        return False
    return (clause.dep_ in ("acl", "relcl")
            and clause.head.i in objects and clause.i != node.i
            and not set(lemma_forms(clause)) & set(lex.verbs))


def _participle_object_target(cand: Candidate, mentions: list[ActorMention]) -> None:
    """ "supported the sanctions imposed on Moscow": when neither the verb nor its object has a
    preposition of the pattern's target slots, the participle modifying the object gives it
    (the sanctions' target is the one they are imposed on)."""
    trigger = cand.trigger
    if cand.nominal or cand.pattern.kind != "verb":
        return
    slots = {s for s in cand.pattern.target if s.isalpha() and s not in _ARGUMENT_SLOTS}
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
    if not slots or not objects or {"dobj", "dative"} & set(cand.pattern.target):
        return  # (an object that may name the target itself keeps what it names)
    heads = [trigger, *objects]
    if any(c.dep_ == "prep" and c.lower_ in slots for h in heads for c in h.children):
        return  # the pattern's own slot is there: its target stands
    found: list[ActorMention] = []
    for obj in objects:
        for part in obj.children:
            if part.dep_ != "acl" or part.tag_ != "VBN":
                continue
            for prep in part.children:
                if prep.dep_ != "prep" or prep.lower_ not in slots:
                    continue
                for pobj in prep.children:
                    if pobj.dep_ != "pobj":
                        continue
                    for tok in (pobj, *pobj.conjuncts):
                        found += [m for m in mentions if m.start <= tok.idx < m.end]
    own = {m.actor.actor_id for m in cand.sources}
    found = [m for m in dict.fromkeys(found) if m.actor.actor_id not in own]
    if found:
        log.debug("%s: target %s from the object's participle", cand.pattern.id,
                  [m.text for m in found])
        cand.targets = found


#: Target slots of the pattern file that are no preposition.
_ARGUMENT_SLOTS = frozenset({"dobj", "dative", "complement", "complement_subject",
                             "complement_doer"})


def _directed(cand: Candidate, doc, tx: TimeExpression, dated: tuple[str, str, dt.date]
              ) -> list[_Dated]:
    return [_Dated(cand.code[:2], s.actor.actor_id, t.actor.actor_id, s.actor.country,
                   t.actor.country, tx, dated, cand.code)
            for s, t in _pairs(cand, doc)
            if s is not None and t is not None and s.actor.country and t.actor.country]


def _carried_subject(cand: Candidate, lex: PatternSet) -> bool:
    """Whether the event's clause has a subject carried over from an earlier sentence: a
    pronoun of ``modality.carried_subjects`` ("He met ...", "They agreed ..."), or a common noun
    phrase counted by one of its words ("The two discussed ...", "the two leaders", "both
    sides"); never a name ("both Abe and Xi")."""
    words = lex.modality.get("carried_subjects", frozenset())
    if not words:
        return False
    verb = cand.trigger if not cand.nominal else (cand.anchors[-1] if len(cand.anchors) > 1 else None)
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    while not subjects and verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
        # "They met and discussed ...", "The two agreed to ..."
        verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) != 1:
        return False
    subj = subjects[0]
    if subj.pos_ == "PROPN" or any(c.dep_ in ("conj", "poss", "compound", "appos")
                                   for c in subj.children):
        return False
    if subj.lower_ in words and subj.pos_ in ("PRON", "NUM", "DET"):
        return True
    return subj.pos_ == "NOUN" and any(
        c.dep_ in ("nummod", "det", "predet") and c.lower_ in words for c in subj.children)


def _remention(cand: Candidate, doc, dated: list[_Dated], published: dt.date | None = None,
               derived: list[_Dated] | tuple = ()) -> _Dated | None:
    """The latest earlier dated event of the article that a definite event noun re-mentions:
    the same root code, the same doer (or a doer from the same country) and a target from the
    same country ("On April 15, Lavrov arrived in Tokyo ... Lavrov's Tokyo visit was meant
    to ..."); both directions of a pairwise event ("the talks between X and Y") count. An
    undated asserted past-tense verb re-mentions only an event of the very same two persons
    ("On May 26 the two leaders held talks ... The leaders discussed ..."), or, when only
    states or other bodies take part, the very same act (full code) between the same two countries
    ("In 2014 Tokyo joined the sanctions on Moscow ... Japan joined the sanctions under US
    pressure"); an undated planned
    one only a planned event (dated after ``published``) of the same doer towards the same
    country ("Putin will visit Japan in December. He will visit Abe's hometown").

    ``derived`` holds past events the article dates only by context (the occasion they took
    place at, the paragraph's episode: "On May 3, Abe met Putin. In addition to the talks with
    Putin, Abe met Xi. ... The two discussed ..."): an unplanned re-mention of the very same
    two actors (and root) takes their date too, when no event the text dates matches."""
    if not dated and not derived:
        return None
    verbal = not (cand.nominal and _definite(cand.trigger))
    planned = (verbal and not cand.nominal and cand.modality == "planned"
               and _tense(cand) == "future" and published is not None)
    also = (not cand.nominal and cand.modality == "asserted" and _tense(cand) == "past"
            and any(c.dep_ == "advmod" and c.lower_ in _ALSO for c in cand.trigger.children))
    if also:
        # "Xi also attended the ceremony": the same act towards the same country as an
        # earlier dated one, whoever the doer
        prior = _same_act_before(cand, doc, dated, same_source=False)
        if prior is not None:
            return prior
    if planned:
        dated = [d for d in dated if d.dated[2] > published]
    elif verbal and (cand.modality != "asserted" or _tense(cand) != "past"):
        return None
    elif verbal and {m.actor.kind for m in (*cand.sources, *cand.targets)} - {"person"}:
        if any(m.actor.kind == "person" for m in (*cand.sources, *cand.targets)):
            return None  # "General X visited Tokyo": a person's act is his own occasion
        # "Two years ago Tokyo announced it would support the sanctions on Moscow ... the
        # Japanese joined in on the sanctions": an undated past act between states or their
        # governments told again, the very same act (full code) between the same two countries
        if any(c.dep_ in ("advmod", "npadvmod") and (c.lower_ in _AGAIN or " ".join(
                t.lower_ for t in c.subtree) in _AGAIN) for c in cand.trigger.children):
            return None
        return _same_act_before(cand, doc, dated, same_source=True)
    elif verbal and cand.nominal:
        return None
    pairs = [(s, t) for s, t in _pairs(cand, doc)
             if s is not None and t is not None and s.actor.country and t.actor.country]
    tests = (
        # the same two actors
        lambda s, t, d: s.actor.actor_id == d.source and t.actor.actor_id == d.target,
        # the same doer, a target of the same country ("Lavrov's visit to Japan")
        lambda s, t, d: s.actor.actor_id == d.source and t.actor.country == d.target_country,
        # a state itself as the doer: its country's acts ("Japan's talks with Russia")
        lambda s, t, d: (s.actor.kind == "state" and s.actor.country == d.source_country
                         and t.actor.country == d.target_country),
    )
    for test in tests[1:2] if planned else tests[:1] if verbal else tests:
        for d in reversed(dated):
            if d.root == cand.code[:2] and any(test(s, t, d) for s, t in pairs):
                return d
    if not planned:
        for d in reversed(derived):
            if d.root == cand.code[:2] and any(tests[0](s, t, d) for s, t in pairs):
                return d
    return None


def _same_act_before(cand: Candidate, doc, dated: list[_Dated], *, same_source: bool
                     ) -> _Dated | None:
    """The latest earlier dated event of the very same code (full CAMEO code) towards the
    country of one of ``cand``'s targets, and with ``same_source`` from its doer's country."""
    for d in reversed(dated):
        if d.code == cand.code and any(
                t is not None and t.actor.country == d.target_country
                and (not same_source or s is not None and s.actor.country == d.source_country)
                for s, t in _pairs(cand, doc)):
            return d
    return None


def _reprinted_remention(cand: Candidate, doc, tx: TimeExpression | None, window: int | None,
                         dated: list[_Dated], published: dt.date | None) -> _Dated | None:
    """The earlier event of the article, dated by a time expression not read relative to the
    publication date ("May 1", "on April 15, 2016"), that a definite event noun still to come
    re-mentions when the noun's own date is read relative to an inferred publication date
    (``window``) and falls after that event: the relative date was written before the event
    took place (an item reprinted in a later article: "her trip to Chile, which might take
    place next month" after "the minister flew out on May 1 for a visit to Chile"), so the article's
    own date of the event stands. None otherwise."""
    if (tx is None or not window or published is None or tx.basis != "relative"
            or not cand.nominal or not _definite(cand.trigger)):
        return None
    reading = timex_date(tx)
    if reading is None or reading[2] <= published:
        return None
    absolute = [d for d in dated if d.tx.basis != "relative"
                and d.dated[2] <= published]
    prior = _remention(cand, doc, absolute, published)
    if prior is None or prior.dated[2] < published - dt.timedelta(days=_PERIOD_DAYS["month"]):
        return None  # an event long past is no earlier telling of this one
    return prior


#: Prepositions by which a clause places itself at an earlier event ("in addition to the talks
#: with X", "during his visit to Y", "on the sidelines of the summit"): same occasion.
_AT_EVENT = {"to", "during", "at", "of"}


def _adjunct_event(cand: Candidate, lex: PatternSet, dated: list[_Dated], actor_at
                   ) -> _Dated | None:
    """An earlier dated event that an undated past act places itself at through a phrase on
    its own clause ("On May 3, Abe met Putin. ... In addition to the talks with Putin, Abe met
    Xi"): an event noun of the same root among the same two actors (the doer and the noun's
    "with"/"between" partner)."""
    if not dated or cand.nominal or _tense(cand) != "past" or not cand.sources:
        return None
    doers = {m.actor.actor_id for m in cand.sources}
    anchors = {t.i for t in cand.anchors}
    for tok in cand.trigger.subtree:
        patterns = lex.nouns.get(tok.lemma_.lower()) if tok.pos_ == "NOUN" else None
        if not patterns or tok.dep_ != "pobj" or tok.head.lower_ not in _AT_EVENT:
            continue
        # the phrase must hang on the clause itself: noun -> prep (-> noun -> prep) -> trigger
        node, steps = tok.head, 0
        while node.i not in anchors and node.head.i != node.i and steps < 3:
            node, steps = node.head, steps + 1
        if node.i not in anchors:
            continue
        partners = {a.actor_id for c in tok.children if c.lower_ in ("with", "between")
                    for p in c.children if p.dep_ == "pobj"
                    for t in (p, *p.conjuncts) if (a := actor_at(t)) is not None}
        root = patterns[0].code[:2]
        for d in reversed(dated):
            if d.root == root and any({x, y} == {d.source, d.target}
                                      for x in doers for y in partners):
                return d
    return None


#: Of the prepositions placing an act at an occasion (``modality.OCCASION_PREPS``), those placing
#: it after the occasion: only a meeting, talks or a visit (CAMEO 04) is an occasion whose
#: follow-up acts share its date.
_AFTER_OCCASION = frozenset({"after", "following"})


def _occasion_noun(cand: Candidate, lex: PatternSet):
    """The event noun a verbal act places itself at or right after through a phrase on its own
    clause ("eleven accords were signed after the talks", "following the summit, documents
    were signed", "during the visit"), else None. After ("after", "following") only a
    meeting, talks or a visit (a noun pattern of CAMEO 04): "imposed sanctions after the
    annexation" is a later reaction, not the same occasion."""
    if cand.nominal:
        return None
    for anchor in cand.anchors:
        for c in anchor.children:
            if c.lower_ not in OCCASION_PREPS:
                continue
            if c.dep_ == "prep":
                objects = [p for p in c.children if p.dep_ == "pobj"]
            elif c.dep_ in ("advcl", "acl") and c.lemma_.lower() == "follow":
                objects = [p for p in c.children if p.dep_ in ("dobj", "obj")]  # "following X"
            else:
                continue
            for p in objects:
                patterns = lex.nouns.get(p.lemma_.lower(), ()) if p.pos_ == "NOUN" else ()
                if not patterns:
                    continue
                if c.lower_ in _AFTER_OCCASION and not any(q.code.startswith("04") for q in patterns):
                    # "imposed sanctions after the annexation": a reaction, maybe months
                    # later; only a meeting, talks or a visit is an occasion acts follow on
                    continue
                return p
    return None


def _occasion_before(cand: Candidate, noun, lex: PatternSet, dated: list[_Dated],
                     derived: list[_Dated], published: dt.date | None) -> _Dated | None:
    """The earlier dated event a bare definite occasion noun re-mentions ("On March 3 the
    leaders of X and Y met. ... Accords were signed by X and Y after the talks"): an event of
    the noun's root between the very countries the act is between, the latest one the text
    dates (else one dated by context). None when the noun names actors of its own (it is then
    an event of its own) or the act has no two countries."""
    if not _definite(noun) or any(c.dep_ in ("poss", "compound", "amod", "prep") and c.lower_ not in _DEFINITE
                                  for c in noun.children):
        return None
    countries = _countries(cand)
    if len(countries) != 2:
        return None
    roots = {p.code[:2] for p in lex.nouns.get(noun.lemma_.lower(), ())}
    for pool in (dated, derived):
        for d in reversed(pool):
            if (d.root in roots and {d.source_country, d.target_country} == countries
                    and (published is None or d.dated[2] <= published)):
                return d
    return None


def _visit_occasion(cand: Candidate, dated: list[_Dated], when: dt.date | None, db: ActorDB
                    ) -> _Dated | None:
    """The earlier dated visit during which an undated past meeting took place: the same
    person visiting the country of the meeting's place ("On April 15, Lavrov arrived in Tokyo
    for a two-day visit ... Lavrov said during a joint press conference with Kishida in
    Tokyo": the press conference is dated by the visit). ``db`` is the actor database the
    places are looked up in."""
    if not dated or cand.root != "04" or _tense(cand) != "past":
        return None
    people = {m.actor.actor_id for m in cand.sources if m.actor.kind == "person"}
    if not people:
        return None
    # the place: the event's location, or an "in"/"at" phrase inside its own phrase ("a
    # press conference with X in Tokyo": the parser hangs the place on X)
    names = [cand.location] if cand.location else []
    for tok in cand.trigger.subtree:
        if tok.dep_ == "prep" and tok.lower_ in ("in", "at"):
            for p in tok.children:
                if p.dep_ == "pobj" and p.pos_ == "PROPN":
                    names.append(" ".join(t.text for t in p.subtree))
    places = set()
    for name in names:
        try:
            country = place_country(name, when, db)
        except (KeyError, ValueError, LookupError, TypeError):
            country = None
        if country:
            places.add(country)
    if len(places) != 1:
        return None
    for d in reversed(dated):
        if d.code.startswith("042") and d.source in people and d.target_country in places:
            return d
    return None


#: Mention methods of a title resolved to its holder ("the Russian president", "Japan's prime
#: minister"): the holder depends on the date.
_ROLE_METHODS = ("role", "coref")


def _is_role_phrase(m: ActorMention) -> bool:
    """Whether a person mention names its holder only by office: a title without the
    person's name ("the prime minister", "the Russian president")."""
    if m.actor.kind != "person" or m.method not in _ROLE_METHODS or not m.actor.role:
        return False
    words = {w.casefold() for w in m.actor.name.replace("-", " ").split() if len(w) > 1}
    text = {w.casefold().removesuffix("'s").removesuffix("’s") for w in m.text.replace("-", " ").split()}
    return not (words & text)


def _period_middle(dated: tuple[str, str, dt.date]) -> dt.date:
    """The middle day of a dated period ("in 1993": 1 July 1993)."""
    _, precision, first = dated
    return first + dt.timedelta(days=_PERIOD_DAYS.get(precision, 1) // 2)


class _HolderAtDate:
    """Re-resolves role phrases at an event's own date: "in 1993, the prime minister visited
    Moscow" names the prime minister of 1993, not of the article's date. The holders are
    looked up in ``db``, the actor database the mentions were resolved with."""

    def __init__(self, db: ActorDB) -> None:
        self._db = db
        self._ids: dict[str, str] | None = None

    def _office(self, iso3: str) -> str | None:
        if self._ids is None:
            self._ids = {}
            for cid, c in self._db.countries.items():
                self._ids.setdefault(c.iso3, cid)
        return self._ids.get(iso3)

    def __call__(self, m: ActorMention | None, when: dt.date) -> ActorMention | None:
        if m is None or not _is_role_phrase(m) or not m.actor.country \
                or m.actor.role.startswith("former_"):
            return m
        office = self._office(m.actor.country)
        if office is None:
            return m
        try:
            holder = self._db.office_holder(office, m.actor.role, when)
        except (KeyError, ValueError, LookupError):
            return m
        if holder is None:
            # nobody known in office then: if the article's holder did not hold it either, the
            # title stands for the office's institution ("Japan's foreign minister" in 1998)
            try:
                term, held = self._db.current_term(m.actor.actor_id, when)
            except (KeyError, ValueError, LookupError):
                return m
            if held and term is not None and term.role == m.actor.role:
                return m
            try:
                holder = self._db.sector_actor(office, m.actor.sector or "GOV")
            except (KeyError, ValueError, LookupError):
                return m
        if holder.actor_id == m.actor.actor_id:
            return m
        log.debug("%r at %s: %s, not %s", m.text, when, holder.name, m.actor.name)
        return replace(m, actor=holder)


def _event_id(doc_id: str, start: int, end: int, trigger_start: int, code: str,
              source: str | None, target: str | None) -> str:
    key = f"{doc_id}|{start}|{end}|{trigger_start}|{code}|{source or '-'}|{target or '-'}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


#: CAMEO roots of acts whose place can be their recipient even at home (aid, concessions,
#: threats, protest, force posture, reduced relations, coercion, assault, fight): "imposed a
#: curfew in <own city>" is directed at its people; a meeting or statement at home is not.
_HOME_PLACE_ROOTS = frozenset({"07", "08", "13", "14", "15", "16", "17", "18", "19", "20"})


def _pairs(cand: Candidate, doc) -> list[tuple[ActorMention | None, ActorMention | None]]:
    home = cand.root in _HOME_PLACE_ROOTS
    if cand.pairwise:
        return [(a, b) for a in cand.sources for b in cand.sources
                if not _same_party(a, b, doc, home)]
    sources: list[ActorMention | None] = list(cand.sources) or [None]
    if cand.targets:
        pairs = [(s, t) for s in sources for t in cand.targets
                 if s is None or not _same_party(s, t, doc, home)]
        return pairs or [(s, None) for s in sources]
    return [(s, None) for s in sources]


#: Prepositions whose object is the place an act happens in ("a curfew in X").
_PLACE_PREPS = frozenset({"in", "at", "across", "throughout", "inside"})


def _same_party(a: ActorMention, b: ActorMention, doc, home_place: bool = True) -> bool:
    """A true self-reference: the same actor, or two names of one actor with the same CAMEO
    code where one is the institution the other belongs to ("Abe" and "the Japanese
    government"): an actor does not act on itself.

    A state named as such and its own government or leaders ("France" and "Paris") are one
    party too: the text names one actor twice. Domestic dyads of different actors are kept, as
    CAMEO and PLOVER code them (KENGOV > KENOPP, KENCOP > KENCVL, SDNGOV > SDN for a curfew
    imposed in Sudan, "Georgian demonstrators" against their government); so are two office
    holders of one state ("the president dismissed the prime minister"). The state as the
    place of the act is a party of its own only with ``home_place`` (acts done to a place's
    people: a curfew, a crackdown), not for a meeting or statement at home."""
    if a.actor.actor_id == b.actor.actor_id:
        return True
    if not a.actor.country or a.actor.country != b.actor.country:
        return False
    if {a.actor.sector, b.actor.sector} == {None, "GOV"}:
        state = a if a.actor.sector is None else b
        # a state named as such ("France") and its government or leaders ("Paris", "Macron")
        # are one party; the state as the place an act happens ("imposed a curfew in X"), or a
        # nationality adjective ("Japanese protesters"), is its people
        span = doc.char_span(state.start, state.end, alignment_mode="expand")
        adjectival = span is not None and any(t.pos_ == "ADJ" or t.ent_type_ == "NORP" for t in span)
        locative = span is not None and len(span) > 0 and span.root.dep_ == "pobj" and (
            span.root.head.lower_ in _PLACE_PREPS)
        place = locative or state.method in ("location", "default", "venue")
        return state.actor.kind == "state" and not adjectival and not (place and home_place)
    if not a.actor.cameo or a.actor.cameo != b.actor.cameo or a.actor.sector is None:
        return False
    # the same sector code: a person and the institution they hold office in (or one
    # institution named twice) are one party; two office holders are two
    return {a.actor.kind, b.actor.kind} != {"person"}


def extract_events(doc, *, doc_id: str, file: str, publication_date: dt.date | None,
                   actor_mentions: list[ActorMention], timexes: list[TimeExpression],
                   text_offset: int = 0, patterns: PatternSet | None = None,
                   publication_window_days: int | None = None,
                   actor_db: ActorDB | None = None) -> list[EventMention]:
    """Every coded event mention of a parsed article.

    Char offsets (``char_start``/``char_end`` of the evidence sentence and the trigger offsets
    in ``extra``) index into the article text; ``text_offset`` is added when ``doc`` holds
    only part of it. ``publication_window_days`` is the uncertainty of an inferred
    publication date (``Article.publication_date_window_days``): dates read relative to it
    ("last Friday") are widened to the period that holds every possible reading.
    ``actor_db`` is the actor database ``actor_mentions`` were resolved with (the packaged one
    by default): places and office holders at an event's own date are looked up in it.
    """
    from ..time.tense import governing_tense
    from . import CODER_VERSION

    lex = patterns or load_patterns()
    ont = load_ontology()
    per_sentence = find_candidates(doc, actor_mentions, lex, publication_date)
    heads = {t.i for t in doc if t.pos_ in ("VERB", "AUX")}
    for cands in per_sentence:
        for c in cands:
            heads.update(t.i for t in c.anchors)
    attacher = _TimexAttacher(doc, timexes, heads, lex.venue_nouns)
    sents = list(doc.sents)
    out: list[EventMention] = []
    seen: set[tuple] = set()
    recent: list[tuple[int, Candidate]] = []  # (sentence index, candidate) for elided targets
    doc_text = doc.text  # spaCy joins the tokens on every read of ``Doc.text``
    paragraphs = _paragraphs(doc_text, sents)
    context: _Context | None = None  # the paragraph's last dated episode
    # (sentence index, [(participants, tense, planned, timex, date)]) of the events the text
    # dates in the previous sentence, for a clause whose subject is carried over from it
    previous: tuple[int, list] | None = None
    historical = _historical(doc, doc_text)
    dated_events: list[_Dated] = []  # events dated by the text, for their re-mentions
    derived_events: list[_Dated] = []  # past events dated by context, for strict re-mentions
    window = publication_window_days if publication_date is not None else None
    date_cache: dict[tuple[int, int, str], tuple[str, str, dt.date] | None] = {}
    db = actor_db if actor_db is not None else load_actor_db()
    holder_at = _HolderAtDate(db)

    def date_of(tx: TimeExpression) -> tuple[str, str, dt.date] | None:
        """The date of a time expression, widened when it was read against an inferred
        publication date."""
        key = (tx.start, tx.end, tx.value)
        if key not in date_cache:
            dated = timex_date(tx)
            if dated is not None and window and tx.basis in ("relative", "tense"):
                dated = anchored_date(tx, dated, publication_date, window,
                                      governing_tense(doc, tx.start, tx.end, text=doc_text),
                                      majority=True)
            date_cache[key] = dated
        return date_cache[key]

    by_start = {m.start: m.actor for m in actor_mentions}
    spans = sorted((m.start, m.end, m.actor) for m in actor_mentions)

    def doer_at(tok):
        """The actor a token names: a mention starts at its phrase's first token or holds it."""
        if tok.left_edge.idx in by_start:
            return by_start[tok.left_edge.idx]
        return next((a for s, e, a in spans if s <= tok.idx < e), None)

    for s_index, (sent, cands) in enumerate(zip(sents, per_sentence)):
        taken = {t.i for c in cands for t in c.anchors}
        if paragraphs[s_index] != (paragraphs[s_index - 1] if s_index else -1):
            context = None
        explicit: list[tuple[TimeExpression, Candidate]] = []
        # past events re-mentioning an event the text dates ("Their talks showcased ..."):
        # without a new time expression they carry that event's episode on
        retold: list[tuple[TimeExpression, Candidate]] = []
        dated_here: list[tuple[set[str], str, bool, TimeExpression, tuple]] = []
        sibling: dict[int, tuple] = {}  # trigger index -> (timex, date, basis, candidate)
        # a coordinated act is dated after its first conjunct ("discussed X and agreed Y"),
        # its events still listed in text order
        position = {id(c): k for k, c in enumerate(cands)}
        first_out, owner = len(out), []
        # ... and an acceptance after what it accepts ("accepted the invitation to attend the
        # ceremony on Friday": the attending dates the accepting)
        # ... and an act at or after an occasion after the occasion ("accords were signed
        # after the talks between X and Y": the talks date the signing)
        for cand in sorted(cands, key=lambda c: (_conjunct(c) is not None,
                                                 _accepted_clause(c, lex) is not None,
                                                 _occasion_noun(c, lex) is not None)):
            if cand.pattern.elided_target and not cand.targets and not cand.pairwise:
                for s_prev, prev in reversed(recent):
                    if s_index - s_prev > 2:
                        break
                    if prev.root == cand.root and prev.targets:
                        cand.targets = [t for t in prev.targets
                                        if t.actor.actor_id not in {s.actor.actor_id for s in cand.sources}]
                        cand.confidence -= 0.15
                        break
            why = _no_occurrence(cand, lex, attacher.clause(sent, cand.anchors))
            contact = contact_clause(cand.trigger) if cand.nominal else None
            if contact is not None and any(c.trigger.i == contact.i for c in cands):
                # "the summit he will host": the noun is the object of the verb's event
                why = f"object of {contact.text!r}"
            if (why is None and cand.pattern.needs_reason and not cand.nominal
                    and protest_reason(cand.trigger, lex, doer_at) is None):
                # "cancelled the visit because of the weather": a reason, but no protest
                why = "reason is no protest"
            if why is not None:
                log.debug("%s %r: no event (%s)", cand.pattern.id, cand.trigger.text, why)
                continue
            _drop_supplier_targets(cand, lex)
            _participle_object_target(cand, actor_mentions)
            others = taken - {t.i for t in cand.anchors}
            tx, basis = attacher.rescheduled(sent, cand, lex), "clause"
            if tx is not None:
                # moved to a date: it takes place then (planned only if that date is ahead)
                cand.modality, cand.modality_cue = "asserted", "rescheduled"
            if tx is None:
                tx = attacher.clause(sent, cand.anchors)
            if tx is None:
                tx = attacher.occurrence(sent, cand)
            attached = tx is not None
            if tx is None:
                tx = _historical_date(historical.get(sent.start, []), cand)
            if tx is None:
                tx = attacher.subtree(sent, cand.anchors, others, past=_tense(cand) == "past")
            if tx is None:
                tx, basis = attacher.sentence(sent, others, cand.trigger,
                                              past=_tense(cand) == "past"), "sentence"
            if tx is None:
                tx, basis = attacher.elaboration(sent, cand, doer_at, lex), "sentence"
            tense = _tense(cand)
            dated = date_of(tx) if tx is not None else None
            prior = _reprinted_remention(cand, doc, tx, window, dated_events, publication_date)
            if prior is not None:
                # "her trip, which might take place next month" after "X flew out on May 1
                # for a visit to Y": the relative date was written before the article (a reprinted
                # item) and read against its inferred date; the article's own date stands
                log.debug("%s: %r read as %s; the article dates the event %s", cand.pattern.id,
                          tx.text, dated and dated[0], prior.dated[0])
                tx, dated, basis, attached = prior.tx, prior.dated, "context", True
            if dated is not None and publication_date is not None and not _tense_fits(
                    _tense(cand, sentence=False), dated, publication_date):
                log.debug("%s: %s does not fit a %s-tense event", cand.pattern.id, tx.text, tense)
                tx, dated = None, None
            if (dated is not None and publication_date is not None and dated[2] > publication_date
                    and _invitation(cand, lex) and tense != "future"):
                # "by inviting X to Japan in December": the date is the invited visit's; the
                # invitation itself was made before the article: dated like any act whose
                # text gives no date of its own (context, else the publication date)
                log.debug("%s: %s dates the invited event, not the invitation", cand.pattern.id, tx.text)
                tx, dated, attached = None, None, False
            undated = _undated(cand, tx, lex)
            if undated is not None:
                log.debug("%s %r: no date of its own (%s)", cand.pattern.id, cand.trigger.text, undated)
                tx, dated = None, None
            context_used = False
            conjunct = _conjunct(cand)
            head = sibling.get(conjunct.head.i) if conjunct is not None else None
            if undated is not None:
                head = None
            accepted = _accepted_clause(cand, lex) if tx is None and undated is None else None
            if accepted is not None and accepted.i in sibling:
                # the acceptance of an invitation to a dated occasion: that occasion's date
                tx, dated = sibling[accepted.i][0], sibling[accepted.i][1]
                basis, context_used = "context", True
            if tx is None and head is not None and _tense(cand) == _tense(head[3]):
                # "the leaders discussed X and agreed Y": a coordinated act of the same tense
                # shares its first conjunct's date
                tx, dated, basis, context_used = head[0], head[1], head[2], head[2] == "context"
            if tx is None and publication_date is not None and undated is None:
                prior = _remention(cand, doc, dated_events, publication_date, derived_events)
                # the verb carrying a re-mentioned event noun says nothing of its date
                # ("Moscow announced Putin's visit": the visit is still to come)
                if prior is not None and (cand.nominal or _tense_fits(
                        _tense(cand, sentence=False), prior.dated, publication_date)):
                    tx, dated, basis, context_used = prior.tx, prior.dated, "context", True
                    attached = cand.nominal  # the re-mentioned event's own date
                    if any(prior is d for d in dated_events):
                        retold.append((prior.tx, cand))
            if tx is None and cand.modality == "asserted" and undated is None:
                prior = (_adjunct_event(cand, lex, dated_events, doer_at)
                         or _visit_occasion(cand, dated_events, publication_date, db))
                if prior is not None:
                    # the same occasion, not necessarily the same day: its week at finest
                    dated = prior.dated
                    if dated[1] == "day":
                        monday = dated[2] - dt.timedelta(days=dated[2].isoweekday() - 1)
                        dated = (monday.isoformat(), "week", monday)
                    tx, basis, context_used = prior.tx, "context", True
            occasion = (_occasion_noun(cand, lex) if tx is None and undated is None
                        and cand.modality == "asserted" and tense == "past" else None)
            if occasion is not None:
                # "eleven accords were signed after the talks": an act placed at or right after
                # an occasion the text dates (an event of this sentence, else a bare definite
                # re-mention of an earlier one between the same countries) takes its date
                if occasion.i in sibling:
                    tx, dated = sibling[occasion.i][0], sibling[occasion.i][1]
                    basis, context_used = "context", True
                else:
                    prior = _occasion_before(cand, occasion, lex, dated_events, derived_events,
                                             publication_date)
                    if prior is not None:
                        tx, dated, basis, context_used = prior.tx, prior.dated, "context", True
            if (tx is None and undated is None and previous is not None
                    and previous[0] == s_index - 1 and paragraphs[s_index - 1] == paragraphs[s_index]
                    and cand.modality in ("asserted", "negated", "planned")
                    and _carried_subject(cand, lex)):
                # "On September 10, Abe met Putin. The two discussed ...": the previous
                # sentence's event its doers took part in (of the same tense) dates it
                doers = {m.actor.actor_id for m in cand.sources}
                found = {(d[0], d[1]): (t, d) for who, t_tense, planned, t, d in previous[1]
                         if doers and doers <= who and t_tense == tense
                         and planned == (cand.modality == "planned")}
                if len(found) == 1:
                    tx, dated = next(iter(found.values()))
                    basis, context_used = "context", True
            if (tx is None and undated is None and context is not None
                    and context.paragraph == paragraphs[s_index]
                    and tense == "past" and cand.modality in ("asserted", "negated")
                    and (_continues(cand, context) or _reacts(cand, lex))):
                tx, dated, basis, context_used = context.tx, date_of(context.tx), "context", True
                if dated is None or publication_date is not None and dated[2] > publication_date:
                    tx, dated, context_used = None, None, False
            if tx is not None and dated is not None:
                date_str, precision, first_day = dated
                date_text = tx.text
                sibling[cand.trigger.i] = (tx, dated, basis, cand)
                # a date told only inside a clause describing a noun ("the plan he had
                # proposed in December 2016") dates that clause, not what the sentence tells:
                # it neither dates the next sentence's carried-over subject nor starts an episode
                embedded = not context_used and _embedded_date(doc, tx, cand)
                if tense in ("past", "future") and not embedded:
                    dated_here.append((_participants(cand), tense, cand.modality == "planned",
                                       tx, dated))
                if not context_used and tx.basis != "historical":
                    if not embedded:
                        explicit.append((tx, cand))
                    if tx.mod in (None, "APPROX", "MID", "END") and not _summary(cand):
                        # a present-perfect summary ("has met him five times since ...") is
                        # no single event to re-mention
                        dated_events.extend(_directed(cand, doc, tx, dated))
                elif (context_used and cand.modality == "asserted" and tense == "past"
                      and not _summary(cand)):
                    derived_events.extend(_directed(cand, doc, tx, dated))
            elif publication_date is not None and undated is None:
                # an inferred publication date: the month most of its window lies in, else the
                # period holding every day it may be, not one day it merely estimates
                date_str, precision, first_day = publication_period(publication_date, window)
                date_text, basis = None, "publication"
            else:
                date_str = precision = date_text = None
                first_day, basis = None, "none"
            modality = cand.modality
            # the reading at the stated publication date decides whether the date lies ahead
            # (a widened date starts earlier: "next month" read within +-3 days of 3 May)
            reading = timex_date(tx) if tx is not None and basis != "publication" else None
            ahead = reading[2] if reading is not None else first_day
            # an event noun dated after the article ("how Putin's visit in December would ...")
            # has not happened yet either, whichever clause carries the date
            if (modality == "asserted" and (attached or basis in ("clause", "context") and tense != "past"
                                            or cand.nominal and basis == "sentence")
                    and publication_date is not None
                    and ahead is not None and ahead > publication_date):
                modality = "planned"
            if context_used:
                cand.confidence -= 0.1
            code = cand.code
            ptype, pmode = ont.plover(code)
            sent_start, sent_end = sent.start_char + text_offset, sent.end_char + text_offset
            pairs = _pairs(cand, doc)
            if (basis in ("clause", "sentence") and dated is not None and publication_date is not None
                    and not _covers(dated, publication_date)):
                # an event dated apart from the article: titles name their holder at its date
                when = _period_middle(dated)
                pairs = [(holder_at(s, when), holder_at(t, when)) for s, t in pairs]
                pairs = [(s, t) for s, t in pairs if s is None or t is None
                         or not _same_party(s, t, doc, cand.root in _HOME_PLACE_ROOTS)]
            for src, tgt in pairs:
                key = (sent.start, code, src.actor.actor_id if src else None,
                       tgt.actor.actor_id if tgt else None)
                if key in seen:
                    continue
                seen.add(key)
                conf = cand.confidence
                if tgt is None:
                    conf -= 0.15
                if src is None:
                    conf -= 0.2
                conf *= min([m.confidence for m in (src, tgt) if m is not None] or [0.5])
                conf = round(min(0.99, max(0.05, conf)), 3)
                sa, ta = (src.actor if src else None), (tgt.actor if tgt else None)
                out.append(EventMention(
                    event_id=_event_id(doc_id, sent_start, sent_end, cand.trigger.idx + text_offset,
                                       code, sa.actor_id if sa else None, ta.actor_id if ta else None),
                    doc_id=doc_id, file=file, sentence=sent.text, sentence_index=s_index,
                    char_start=sent_start, char_end=sent_end,
                    date=date_str, date_precision=precision, date_text=date_text, date_basis=basis,
                    source_actor_id=sa.actor_id if sa else None, source_name=sa.name if sa else None,
                    source_country=sa.country if sa else None, source_sector=sa.sector if sa else None,
                    source_cameo=sa.cameo if sa else None,
                    target_actor_id=ta.actor_id if ta else None, target_name=ta.name if ta else None,
                    target_country=ta.country if ta else None, target_sector=ta.sector if ta else None,
                    target_cameo=ta.cameo if ta else None,
                    cameo_code=code, cameo_root=code[:2], plover_type=ptype, plover_mode=pmode,
                    quad_class=ont.quad_class(code), goldstein=ont.goldstein(code),
                    modality=modality, location=cand.location, confidence=conf,
                    coder_version=CODER_VERSION, trigger=cand.trigger.text,
                    extra={
                        "pattern": cand.pattern.id,
                        "trigger_start": cand.trigger.idx + text_offset,
                        "trigger_end": cand.trigger.idx + len(cand.trigger.text) + text_offset,
                        "nominal": cand.nominal, "passive": cand.passive,
                        "modality_cue": cand.modality_cue, "complement": cand.complement_of,
                        "source_text": src.text if src else None,
                        "target_text": tgt.text if tgt else None,
                        "cameo_name": ont.name(code),
                        "depth": sum(1 for _ in cand.trigger.ancestors),
                    },
                ))
            owner.extend([position[id(cand)]] * (len(out) - first_out - len(owner)))
            recent.append((s_index, cand))
        previous = (s_index, dated_here)
        if owner != sorted(owner):
            out[first_out:] = [e for _, e in sorted(zip(owner, out[first_out:]), key=lambda p: p[0])]
        # A new time expression starts a new episode: the dated events of this sentence carry
        # it on; a time expression dating none of them ends the old one.
        # Only a past episode dated by a point in time can be continued ("since 2012, X has
        # met Y five times" dates no later sentence).
        episode_tx = explicit[-1][0] if explicit else None
        episode = [c for t, c in explicit if t is episode_tx and _tense(c) == "past"
                   and (not c.nominal or _tense(c, sentence=False) == "past")]
        if not explicit and retold and not attacher.breaks(sent):
            # "On May 26 the leaders held talks. ... (new paragraph) Their talks showcased ...
            # He even suggested to Y ...": a past re-mention of a dated event resumes its episode
            episode_tx = retold[-1][0]
            episode = [c for t, c in retold if t is episode_tx and _tense(c) == "past"
                       and c.modality == "asserted"]
        if episode and episode_tx.mod in (None, "APPROX", "START", "END", "MID"):
            context = _Context(paragraphs[s_index], episode_tx,
                               set().union(*(_participants(c) for c in episode)),
                               {c.code[:3] for c in episode},
                               set().union(*(_countries(c) for c in episode)))
        elif (uncoded := attacher.uncoded_episode(sent, taken, doer_at)) is not None:
            # "On September 3, Abe spoke at the forum. He suggested ...": a dated past act of a
            # known actor that is no event of ours still starts the paragraph's episode
            tx, actor = uncoded
            context = _Context(paragraphs[s_index], tx, {actor.actor_id}, set(),
                               {actor.country} if actor.country else set())
        elif attacher.breaks(sent):
            context = None
    return out


def _parse_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        log.warning("record date %r is not an ISO date; using none", value)
        return None


def code_records(records: Iterable[dict], nlp, *, text_field: str = "text", date_field: str = "date",
                 id_field: str = "id", batch_size: int = 32, with_extra: bool = False) -> Iterator[dict]:
    """Code arbitrary records without a store: one dict per event (JSONL fields + ``record_id``).

    Records without text are skipped with a warning; a record without an id gets its
    position (1-based) as id. ``with_extra`` adds the event's ``trigger`` and ``extra``
    (pattern, trigger offsets, depth ...) for diagnostics.
    """
    from ..actors import load_actor_db, resolve
    from ..time import find_timexes

    db = load_actor_db()

    def prepared() -> Iterator[tuple[str, dt.date | None, str]]:
        for n, rec in enumerate(records, start=1):
            text = rec.get(text_field)
            rid = rec.get(id_field, n)
            if not isinstance(text, str) or not text.strip():
                log.warning("record %s has no %r text; skipped", rid, text_field)
                continue
            yield str(rid), _parse_date(rec.get(date_field)), text

    # streamed: records are parsed in batches as they are read, never all held in memory
    pairs = nlp.pipe(((text, (rid, when)) for rid, when, text in prepared()), as_tuples=True,
                     batch_size=batch_size)
    for doc, (rid, when) in pairs:
        mentions = resolve(doc, when, db)
        timexes = find_timexes(doc, when)
        events = extract_events(doc, doc_id=rid, file="", publication_date=when,
                                actor_mentions=mentions, timexes=timexes, actor_db=db)
        for ev in events:
            row = ev.to_json_dict()
            row["record_id"] = rid
            if with_extra:
                row["trigger"] = ev.trigger
                row["extra"] = dict(ev.extra)
            yield row
