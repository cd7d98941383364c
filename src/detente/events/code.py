"""Coding event candidates into :class:`~detente.records.EventMention` records.

Adds what the parse alone does not give: the date (``date_basis`` says which):

- ``clause``: the time expression attached to the event's clause, else one inside the clause's
  dependency subtree that belongs to no other event;
- ``sentence``: else the sentence's (a date inside a quotation dates only what is quoted);
- ``context``: else, for a past-tense asserted/negated event, the date of the paragraph's last
  dated past episode when the event continues it (its doer took part in it, or it is the same
  kind of act among the same countries) and no new time expression came in between; the
  confidence is lowered by 0.1;
- ``publication``: else the publication date (``none`` without one).

A date that contradicts the event's tense is not used: a past-tense event is never dated after
publication, a future one never more than a month before it. Then the
PLOVER type and mode, quad class and Goldstein weight of the CAMEO code, the dyad expansion
(one record per source × target, or per ordered pair of coordinated participants), a stable
content-hash id, and the evidence sentence with offsets into the article text.

:func:`code_records` codes arbitrary JSON records (sentences or articles) without a store.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..records import ActorMention, EventMention, TimeExpression
from ..time.values import precision_of, value_to_interval
from .extract import Candidate, find_candidates
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
        ids = {t.i for t in anchors}
        for tx, attached, _root in self.by_sentence.get(sent.start, []):
            if attached in ids:
                return tx
        return None

    def subtree(self, sent, anchors: list, taken: set[int]) -> TimeExpression | None:
        """A time expression inside the event clause's dependency subtree that belongs to no
        other event's clause ("met X, saying on Monday ...")."""
        inside = {t.i for a in anchors for t in a.subtree}
        for tx, attached, root in self.by_sentence.get(sent.start, []):
            if (attached not in taken and attached != -1 and root.i in inside
                    and not _in_modifier(root, anchors[0])):
                return tx
        return None

    def sentence(self, sent, taken: set[int], trigger=None) -> TimeExpression | None:
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
            if attached not in taken and attached != -1 and not _in_modifier(root, trigger):
                return tx
        return None

    def breaks(self, sent) -> bool:
        """Whether the sentence has a time expression of its own (noun modifiers aside)."""
        return any(attached != -1 for _tx, attached, _root in self.by_sentence.get(sent.start, []))


def _in_modifier(tok, trigger) -> bool:
    """Whether ``tok`` lies in a clause modifying a noun ("something planned for 2014", "the
    envoy, appointed in May,") that does not contain ``trigger``: such a date describes that
    noun, not the sentence."""
    if trigger is None:
        return False
    node = tok
    for _ in range(12):
        # "condemned X in a statement published on Monday": the medium of the event itself
        # ... or a clause about the event noun itself ("a visit, which could be held in May")
        medium = (node.dep_ == "acl" and node.head.dep_ == "pobj"
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
    if verb.tag_ == "VBD" or aux & {"was", "were", "did", "had"}:
        return "past"
    return "other"


_PERIOD_DAYS = {"day": 1, "week": 7, "month": 31, "quarter": 92, "half": 183, "season": 92,
                "year": 366, "decade": 3660}


def _paragraphs(doc, sents: list) -> list[int]:
    """Paragraph number of each sentence (a line break between sentences starts a new one)."""
    out, n, prev_end = [], 0, None
    doc_text = doc.text  # spaCy joins the tokens on every read of ``Doc.text``
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
    return cand.code[:3] in context.codes and bool(_countries(cand) & context.countries)


def _event_id(doc_id: str, start: int, end: int, trigger_start: int, code: str,
              source: str | None, target: str | None) -> str:
    key = f"{doc_id}|{start}|{end}|{trigger_start}|{code}|{source or '-'}|{target or '-'}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _pairs(cand: Candidate, doc) -> list[tuple[ActorMention | None, ActorMention | None]]:
    if cand.pairwise:
        return [(a, b) for a in cand.sources for b in cand.sources if not _same_party(a, b, doc)]
    sources: list[ActorMention | None] = list(cand.sources) or [None]
    if cand.targets:
        pairs = [(s, t) for s in sources for t in cand.targets if s is None or not _same_party(s, t, doc)]
        return pairs or [(s, None) for s in sources]
    return [(s, None) for s in sources]


def _same_party(a: ActorMention, b: ActorMention, doc) -> bool:
    """The same actor, or a state named as such and its own government or leaders ("Japan"
    and "Abe"): a government does not act on itself. Domestic dyads with other sectors (a
    government and its opposition, "Georgian demonstrators") are kept."""
    if a.actor.actor_id == b.actor.actor_id:
        return True
    if not a.actor.country or a.actor.country != b.actor.country:
        return False
    sectors = {a.actor.sector, b.actor.sector}
    if sectors == {"GOV"}:
        return True
    if sectors == {None, "GOV"}:
        state = a if a.actor.sector is None else b
        # the state itself ("Japan", "Tokyo"), not a nationality adjective ("Japanese protesters")
        span = doc.char_span(state.start, state.end, alignment_mode="expand")
        adjectival = span is not None and any(t.pos_ == "ADJ" or t.ent_type_ == "NORP" for t in span)
        return state.actor.kind == "state" and not adjectival
    return False


def extract_events(doc, *, doc_id: str, file: str, publication_date: dt.date | None,
                   actor_mentions: list[ActorMention], timexes: list[TimeExpression],
                   text_offset: int = 0, patterns: PatternSet | None = None) -> list[EventMention]:
    """Every coded event mention of a parsed article.

    Char offsets (``char_start``/``char_end`` of the evidence sentence and the trigger offsets
    in ``extra``) index into the article text; ``text_offset`` is added when ``doc`` holds
    only part of it.
    """
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
    paragraphs = _paragraphs(doc, sents)
    context: _Context | None = None  # the paragraph's last dated episode
    for s_index, (sent, cands) in enumerate(zip(sents, per_sentence)):
        taken = {t.i for c in cands for t in c.anchors}
        if paragraphs[s_index] != (paragraphs[s_index - 1] if s_index else -1):
            context = None
        explicit: list[tuple[TimeExpression, Candidate]] = []
        for cand in cands:
            if cand.pattern.elided_target and not cand.targets and not cand.pairwise:
                for s_prev, prev in reversed(recent):
                    if s_index - s_prev > 2:
                        break
                    if prev.root == cand.root and prev.targets:
                        cand.targets = [t for t in prev.targets
                                        if t.actor.actor_id not in {s.actor.actor_id for s in cand.sources}]
                        cand.confidence -= 0.15
                        break
            others = taken - {t.i for t in cand.anchors}
            tx, basis = attacher.clause(sent, cand.anchors), "clause"
            attached = tx is not None
            if tx is None:
                tx = attacher.subtree(sent, cand.anchors, others)
            if tx is None:
                tx, basis = attacher.sentence(sent, others, cand.trigger), "sentence"
            tense = _tense(cand)
            dated = timex_date(tx) if tx is not None else None
            if dated is not None and publication_date is not None and not _tense_fits(
                    _tense(cand, sentence=False), dated, publication_date):
                log.debug("%s: %s does not fit a %s-tense event", cand.pattern.id, tx.text, tense)
                tx, dated = None, None
            context_used = False
            if (tx is None and context is not None and context.paragraph == paragraphs[s_index]
                    and tense == "past" and cand.modality in ("asserted", "negated")
                    and _continues(cand, context)):
                tx, dated, basis, context_used = context.tx, timex_date(context.tx), "context", True
                if publication_date is not None and dated[2] > publication_date:
                    tx, dated, context_used = None, None, False
            if tx is not None and dated is not None:
                date_str, precision, first_day = dated
                date_text = tx.text
                if not context_used:
                    explicit.append((tx, cand))
            elif publication_date is not None:
                date_str, precision, first_day = publication_date.isoformat(), "day", publication_date
                date_text, basis = None, "publication"
            else:
                date_str = precision = date_text = None
                first_day, basis = None, "none"
            modality = cand.modality
            if (modality == "asserted" and (attached or basis == "clause" and tense != "past")
                    and publication_date is not None
                    and first_day is not None and first_day > publication_date):
                modality = "planned"
            if context_used:
                cand.confidence -= 0.1
            code = cand.code
            ptype, pmode = ont.plover(code)
            sent_start, sent_end = sent.start_char + text_offset, sent.end_char + text_offset
            for src, tgt in _pairs(cand, doc):
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
            recent.append((s_index, cand))
        # A new time expression starts a new episode: the dated events of this sentence carry
        # it on; a time expression dating none of them ends the old one.
        # Only a past episode dated by a point in time can be continued ("since 2012, X has
        # met Y five times" dates no later sentence).
        episode_tx = explicit[-1][0] if explicit else None
        episode = [c for t, c in explicit if t is episode_tx and _tense(c) == "past"]
        if episode and episode_tx.mod in (None, "APPROX", "START", "END", "MID"):
            context = _Context(paragraphs[s_index], episode_tx,
                               set().union(*(_participants(c) for c in episode)),
                               {c.code[:3] for c in episode},
                               set().union(*(_countries(c) for c in episode)))
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
                                actor_mentions=mentions, timexes=timexes)
        for ev in events:
            row = ev.to_json_dict()
            row["record_id"] = rid
            if with_extra:
                row["trigger"] = ev.trigger
                row["extra"] = dict(ev.extra)
            yield row
