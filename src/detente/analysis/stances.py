"""Actors' stated positions on issues ("stances"), and queries over them.

A stance is a sentence in which a party states where it stands: "X insists on ...", "X's stance
is based on ...", "X repeated its position that ...", "X said ... is the compromise", "X
considers ...", "X wants ...". :func:`extract_stances` finds them on the spaCy parse:

1. **Cue** — a verb from ``data/issues/cues.yaml`` (``insist``, ``claim``, ``want`` ... strong;
   ``say``, ``note`` ... weak) or a position noun (``stance``, ``position`` ...).
2. **Speaker** — the verb's subject (climbing to the governing clause when the cue has none:
   "Tokyo responded by repeating its position"), or the noun's possessor / "of" object; a
   possessive pronoun is resolved the same way. The speaker is mapped to the actor mention
   covering it; pronouns without an actor mention and passive subjects are not speakers.
3. **Issue** — the cue's clause is matched against the issue cues of
   ``data/issues/issues.yaml``; a sentence without an issue yields no stance.
4. **Position** — the words of the clause after the cue (for "say"-like verbs, the reported
   clause): the position *in the text's words*.
5. **Speaker kind** — ``commentator`` when the speaker is an analyst, expert, columnist, the
   media ... (cue list), an actor of the media/education sector, a person without a state role,
   or when the statement is embedded under such a speaker ("Doi said Japan wants ..."); else
   ``party``. Commentators' opinions are thus kept apart from the parties' positions.

The stance date is a date expression attached to the cue verb when there is one, else the
article's publication date (a stance is dated by when it was stated).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import ConfigError
from ..records import ActorMention, Stance, TimeExpression
from .formatting import render

log = logging.getLogger(__name__)

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
#: Sectors of actors whose statements are opinions, not positions of a party.
COMMENTATOR_SECTORS = frozenset({"MED", "EDU"})
#: Verbs that report an opinion when their subject is a commentator ("Doi said Japan wants ...").
REPORTING_VERBS = frozenset({"say", "tell", "note", "write", "argue", "believe", "claim", "think", "add"})
_PRONOUNS = frozenset({"it", "its", "they", "their", "them", "he", "his", "she", "her", "we", "our"})
_ENTITY_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON", "FAC"})


# -- data -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Issue:
    """An issue on which positions are stated, with its cue lemmas and phrases."""

    id: str
    label: str
    description: str
    cues: tuple[tuple[str, ...], ...]
    #: Groups of cues; each group must have at least one match for the issue to be considered.
    requires: tuple[tuple[tuple[str, ...], ...], ...] = ()
    #: Phrases whose words never count as cues ("security council" is not about security).
    exclude: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Cues:
    """Lemmas that signal a stated position, and nouns naming commentators."""

    verbs: Mapping[str, str]
    nouns: frozenset[str]
    commentators: tuple[tuple[str, ...], ...]


def _data_file(name: str) -> Path:
    return Path(str(resources.files("detente") / "data" / "issues" / name))


def _compose(path: Path):
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError(f"not valid YAML: {exc}", file=str(path), line=mark.line + 1 if mark else None) from exc
    if not isinstance(data, dict) or node is None:
        raise ConfigError("expected a mapping at the top level", file=str(path), line=1)
    return data, node


def _child(node, key: str):
    for k, v in node.value:
        if k.value == key:
            return v
    return None


def _phrase(value: Any, path: Path, line: int) -> tuple[str, ...]:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"a cue must be a non-empty string, got {value!r}", file=str(path), line=line)
    return tuple(value.lower().split())


def _parse_issues(path: Path) -> list[Issue]:
    data, node = _compose(path)
    items = data.get("issues")
    seq = _child(node, "issues")
    if not isinstance(items, list) or seq is None:
        raise ConfigError("expected a list under `issues:`", file=str(path), line=1)
    out = []
    for item, item_node in zip(items, seq.value):
        line = item_node.start_mark.line + 1
        if not isinstance(item, dict):
            raise ConfigError("each issue must be a mapping with id, label, cues", file=str(path), line=line)
        missing = [k for k in ("id", "label", "cues") if not item.get(k)]
        if missing:
            raise ConfigError(f"issue lacks {', '.join(missing)}", file=str(path), line=line)
        unknown = set(item) - {"id", "label", "description", "cues", "requires_any", "requires_all", "exclude"}
        if unknown:
            raise ConfigError(f"unknown field(s) {', '.join(sorted(unknown))}", file=str(path), line=line)
        groups = item.get("requires_all", [])
        if "requires_any" in item:
            groups = [item["requires_any"], *groups]
        if not isinstance(item["cues"], list) or not isinstance(item.get("exclude", []), list) or not (
            isinstance(groups, list) and all(isinstance(g, list) and g for g in groups)
        ):
            raise ConfigError(
                "`cues`, `exclude` and `requires_any` must be lists; `requires_all` a list of lists",
                file=str(path), line=line,
            )
        cues = tuple(_phrase(c, path, line) for c in item["cues"])
        requires = tuple(tuple(_phrase(c, path, line) for c in g) for g in groups)
        exclude = tuple(_phrase(c, path, line) for c in item.get("exclude", []))
        out.append(Issue(str(item["id"]), str(item["label"]), str(item.get("description", "")).strip(),
                         cues, requires, exclude))
    ids = [i.id for i in out]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise ConfigError(f"duplicate issue id(s): {', '.join(sorted(dupes))}", file=str(path), line=1)
    return out


@functools.lru_cache(maxsize=8)
def _load_issues_cached(user_file: str | None) -> tuple[Issue, ...]:
    issues = {i.id: i for i in _parse_issues(_data_file("issues.yaml"))}
    if user_file:
        for issue in _parse_issues(Path(user_file)):
            issues[issue.id] = issue
    return tuple(issues.values())


def load_issues(user_file: str | Path | None = None) -> tuple[Issue, ...]:
    """The packaged issues, with those of ``user_file`` added or replacing by id."""
    return _load_issues_cached(str(user_file) if user_file else None)


@functools.lru_cache(maxsize=1)
def load_cues() -> Cues:
    """Position verbs and nouns and commentator nouns from ``data/issues/cues.yaml``."""
    path = _data_file("cues.yaml")
    data, node = _compose(path)
    verbs = data.get("verbs")
    if not isinstance(verbs, dict):
        raise ConfigError("expected a mapping lemma: strong|weak under `verbs:`", file=str(path), line=1)
    verbs_node = _child(node, "verbs")
    for (k, v), (knode, _) in zip(verbs.items(), verbs_node.value):
        if v not in ("strong", "weak"):
            raise ConfigError(f"verb {k!r}: strength must be strong or weak, got {v!r}",
                              file=str(path), line=knode.start_mark.line + 1)
    for key in ("nouns", "commentators"):
        if not isinstance(data.get(key), list) or not all(isinstance(x, str) for x in data[key]):
            sub = _child(node, key)
            raise ConfigError(f"expected a list of strings under `{key}:`", file=str(path),
                              line=sub.start_mark.line + 1 if sub is not None else 1)
    return Cues(
        verbs={str(k).lower(): v for k, v in verbs.items()},
        nouns=frozenset(n.lower() for n in data["nouns"]),
        commentators=tuple(tuple(c.lower().split()) for c in data["commentators"]),
    )


# -- matching ---------------------------------------------------------------------------------------

def _forms(token) -> tuple[str, str]:
    return token.lemma_.lower(), token.lower_


def _word_forms(tokens: Sequence) -> list[tuple[str, str] | None]:
    """Each token's (lemma, lower-case form), read once; None for a gap."""
    return [None if t is None else (t.lemma_.lower(), t.lower_) for t in tokens]


def _index(forms: Sequence[tuple[str, str] | None]) -> dict[str, list[int]]:
    """Positions of each word form (lemma or lower-case text) in ``forms``, in order."""
    index: dict[str, list[int]] = {}
    for i, f in enumerate(forms):
        if f is None:
            continue
        lemma, lower = f
        index.setdefault(lemma, []).append(i)
        if lower != lemma:
            index.setdefault(lower, []).append(i)
    return index


def _count(forms: Sequence, index: Mapping[str, list[int]], phrase: tuple[str, ...],
           drop: frozenset[int] | set[int] = frozenset()) -> int:
    """How many times ``phrase`` occurs in ``forms`` (overlaps counted) outside ``drop``."""
    n, last = len(phrase), len(forms) - len(phrase)
    count = 0
    for i in index.get(phrase[0], ()):
        if i > last:
            break
        if i in drop:
            continue
        for k in range(1, n):
            f = forms[i + k]
            if f is None or (i + k) in drop or phrase[k] not in f:
                break
        else:
            count += 1
    return count


def _matches(tokens: Sequence, phrase: tuple[str, ...]) -> int:
    forms = _word_forms(tokens)
    return _count(forms, _index(forms), phrase)


def _dropped(forms: Sequence, index: Mapping[str, list[int]], phrases: Sequence[tuple[str, ...]]) -> set[int]:
    """Positions inside any of ``phrases`` (in ``forms`` without gaps)."""
    drop: set[int] = set()
    for phrase in phrases:
        n, last = len(phrase), len(forms) - len(phrase)
        for i in index.get(phrase[0], ()):
            if i > last:
                break
            if all(phrase[k] in forms[i + k] for k in range(1, n)):
                drop.update(range(i, i + n))
    return drop


def _without(tokens: Sequence, phrases: Sequence[tuple[str, ...]]) -> list:
    """``tokens`` minus those inside any of ``phrases`` (a gap keeps phrases from spanning it)."""
    if not phrases:
        return list(tokens)
    forms = _word_forms(tokens)
    drop = _dropped(forms, _index(forms), phrases)
    return [None if i in drop else t for i, t in enumerate(tokens)]


def classify_issue(tokens: Sequence, issues: Iterable[Issue], *, min_score: float = 1.0) -> tuple[Issue, float] | None:
    """The issue whose cues the tokens match best (phrases count double; each cue at most
    twice), or None when no issue reaches ``min_score``."""
    # Word forms are read once per call and indexed by word, so each cue phrase is only
    # tried where its first word occurs.
    forms = _word_forms(tokens)
    index = _index(forms)
    best: tuple[Issue, float] | None = None
    for issue in issues:
        drop = _dropped(forms, index, issue.exclude) if issue.exclude else frozenset()
        if any(not any(_count(forms, index, p, drop) for p in group) for group in issue.requires):
            continue
        score = sum(min(_count(forms, index, p, drop), 2) * (2 if len(p) > 1 else 1) for p in issue.cues)
        if score < min_score:
            continue
        if score and (best is None or score > best[1]):
            best = (issue, float(score))
    return best


def _subject(verb):
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            return child
    return None


def _governing_subject(token, limit: int = 6):
    """The nearest active subject of ``token`` or of a clause governing it."""
    current = token
    for _ in range(limit):
        if current.pos_ in ("VERB", "AUX") and current is not token:
            subj = _subject(current)
            if subj is not None:
                return subj if subj.dep_ != "nsubjpass" else None
        if current.head is current:
            return None
        current = current.head
    return None


def _is_commentator_phrase(tokens: Sequence, cues: Cues) -> bool:
    forms = _word_forms(tokens)
    index = _index(forms)
    return any(_count(forms, index, phrase) for phrase in cues.commentators)


def _mention_for(token, mentions: Sequence[ActorMention]) -> ActorMention | None:
    """The actor mention covering ``token`` (else one inside its subtree), if any."""
    start, end = token.idx, token.idx + len(token.text)
    for m in mentions:
        if m.start <= start and end <= m.end:
            return m
    left, right = token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text)
    inside = [m for m in mentions if left <= m.start and m.end <= right]
    return min(inside, key=lambda m: abs(m.start - start)) if inside else None


def _name_span(token):
    """The compact noun phrase of ``token`` (determiners, compounds, modifiers, possessives)."""
    left = token
    for child in token.lefts:
        if child.dep_ in ("compound", "amod", "det", "poss", "nmod", "case", "nummod"):
            left = child.left_edge if child.left_edge.i < left.i else left
            break
    return token.doc[left.i: token.i + 1]


@dataclass
class _Speaker:
    token: Any
    mention: ActorMention | None
    name: str
    commentator: bool


def _state_like(speaker: _Speaker) -> bool:
    """A state or government speaking (an actor of kind state, a metonym, a country name)."""
    if speaker.mention is not None:
        return speaker.mention.actor.kind == "state" or speaker.mention.method == "metonym"
    return speaker.token.ent_type_ in ("GPE", "NORP")


def _speaker(token, mentions, cues: Cues, have_actors: bool) -> _Speaker | None:
    if token is None:
        return None
    if token.lower_ in _PRONOUNS or token.pos_ == "PRON":
        mention = _mention_for(token, mentions)
        if mention is None:
            if token.dep_ == "poss" or token.lower_ in ("its", "their"):
                return _speaker(_governing_subject(token), mentions, cues, have_actors)
            return None
    mention = _mention_for(token, mentions)
    subtree = list(token.subtree)
    commentator = token.lemma_.lower() in {c[0] for c in cues.commentators if len(c) == 1} or (
        _is_commentator_phrase(subtree, cues)
    )
    if mention is not None:
        actor = mention.actor
        if actor.sector in COMMENTATOR_SECTORS or (actor.kind == "person" and not actor.role):
            commentator = True
        return _Speaker(token, mention, actor.name, commentator)
    if not commentator:
        if token.ent_type_ not in _ENTITY_LABELS and not any(t.ent_type_ in _ENTITY_LABELS for t in _name_span(token)):
            return None
        if have_actors and token.ent_type_ == "PERSON":
            # A person the actor data does not know as an office holder.
            commentator = True
    return _Speaker(token, None, _name_span(token).text, commentator)


def _embedded_under_commentator(token, mentions, cues: Cues, have_actors: bool) -> bool:
    current = token
    for _ in range(6):
        if current.head is current:
            break
        current = current.head
        if current.lemma_.lower() in REPORTING_VERBS:
            subj = _subject(current)
            spk = _speaker(subj, mentions, cues, have_actors) if subj is not None else None
            if spk is not None and spk.commentator:
                return True
        if current.lower_ == "according":
            break
    sent = token.sent
    for t in sent:
        # "according to analysts", "analysts say"
        if t.lower_ == "according":
            for pobj in (c for prep in t.children for c in prep.children if c.dep_ == "pobj"):
                if _is_commentator_phrase(list(pobj.subtree), cues):
                    return True
    return False


def _next_clause_start(head) -> int | None:
    """Index where a clause coordinated with ``head``'s clause begins ("Russia wants X
    and, on Friday, its minister said Y": the position ends before "and"), else None."""
    starts = []
    for child in head.children:
        if child.i <= head.i:
            continue
        clausal = child.dep_ == "parataxis" or (
            child.dep_ == "conj" and (child.pos_ in ("VERB", "AUX")
                                      or any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)))
        if clausal:
            start = child.left_edge.i
            # the conjunction and comma before the clause go with it
            while start - 1 > head.i and head.doc[start - 1].dep_ in ("cc", "punct"):
                start -= 1
            starts.append(start)
    return min(starts) if starts else None


def _position_tokens(cue, kind: str, strength: str):
    doc = cue.doc
    head = cue
    if kind == "verb":
        if strength == "weak":
            comp = [c for c in cue.children if c.dep_ in ("ccomp", "xcomp")]
            if not comp:
                return None
            head = comp[0]
            tokens = list(head.subtree)
        else:
            tokens = [t for t in cue.subtree if t.i > cue.i]
    else:
        tokens = [t for t in cue.subtree if t.i > cue.i]
        if len(tokens) < 3 and cue.dep_ in ("nsubj", "nsubjpass") and cue.head.i > cue.i:
            head = cue.head
            tokens = [t for t in cue.head.subtree if t.i > cue.i and t.i >= cue.head.i]
    cuts = [i for i in (_next_clause_start(head), _next_clause_start(cue)) if i is not None]
    if cuts:
        tokens = [t for t in tokens if t.i < min(cuts)]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ == "cc"):
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    if len(tokens) < 2:
        return None
    return doc[tokens[0].i: tokens[-1].i + 1]


def _stance_date(cue, timexes: Sequence[TimeExpression], publication_date) -> str | None:
    from ..merge import date_interval

    sent = cue.sent
    for t in timexes:
        if t.type != "DATE" or not (sent.start_char <= t.start and t.end <= sent.end_char):
            continue
        span = cue.doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or date_interval(t.value) is None:
            continue
        root = span.root
        if root.head == cue or (root.head.dep_ == "prep" and root.head.head == cue):
            return t.value
    if isinstance(publication_date, dt.date):
        return publication_date.isoformat()
    return publication_date or None


def _stance_id(doc_id: str, start: int, end: int, issue: str) -> str:
    return "st_" + hashlib.sha1(f"{doc_id}|{start}|{end}|{issue}".encode()).hexdigest()[:16]


def extract_stances(
    doc,
    *,
    doc_id: str,
    publication_date: dt.date | str | None,
    actor_mentions: Sequence[ActorMention],
    timexes: Sequence[TimeExpression],
    issues: Sequence[Issue] | None = None,
) -> list[Stance]:
    """Stances stated in a parsed article (see the module docstring for the rules)."""
    issues = tuple(issues) if issues is not None else load_issues()
    cues = load_cues()
    mentions = list(actor_mentions)
    have_actors = bool(mentions)
    found_all: list[tuple[Stance, tuple, int]] = []
    for sent_index, sent in enumerate(doc.sents):
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.pos_ in ("VERB", "AUX") and lemma in cues.verbs:
                kind, strength = "verb", cues.verbs[lemma]
                subj = _subject(tok)
                if subj is not None and subj.dep_ == "nsubjpass":
                    continue
                speaker = _speaker(subj if subj is not None else _governing_subject(tok), mentions, cues, have_actors)
                scope = tok
            elif tok.pos_ in ("NOUN", "PROPN") and lemma in cues.nouns:
                kind, strength = "noun", "strong"
                owner = next((c for c in tok.children if c.dep_ == "poss"), None)
                if owner is None:
                    owner = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                                  for p in c.children if p.dep_ == "pobj"), None)
                speaker = _speaker(owner, mentions, cues, have_actors)
                scope = tok.head if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") else tok
            else:
                continue
            if speaker is None:
                continue
            position = _position_tokens(tok, kind, strength)
            if position is None:
                continue
            # The issue is read from the clause, leaving out the cue and the speaker themselves
            # ("claim" is both a cue and a sovereignty word).
            speaker_ids = {t.i for t in speaker.token.subtree} if speaker.token.i != tok.i else set()
            clause = [t for t in scope.subtree if t.i != tok.i and t.i not in speaker_ids]
            # A weak cue ("say") states a position when a state speaks; anyone else saying
            # something needs more than one word of the issue.
            lenient = strength == "strong" or _state_like(speaker)
            found = classify_issue(clause, issues, min_score=1.0 if lenient else 2.0)
            if found is None:
                continue
            issue, _ = found
            commentator = speaker.commentator or _embedded_under_commentator(tok, mentions, cues, have_actors)
            start = min(speaker.token.left_edge.idx if kind == "verb" else speaker.token.idx, position.start_char)
            end = max(position.end_char, tok.idx + len(tok.text))
            confidence = (0.8 if strength == "strong" else 0.6) + (0.1 if speaker.mention else 0.0)
            actor = speaker.mention.actor if speaker.mention else None
            key = (actor.actor_id if actor else speaker.name.lower(), issue.id, sent_index)
            stance = Stance(
                stance_id=_stance_id(doc_id, start, end, issue.id),
                doc_id=doc_id,
                actor_id=actor.actor_id if actor else None,
                actor_name=actor.name if actor else speaker.name,
                actor_country=actor.country if actor else None,
                issue=issue.id,
                position=position.text,
                date=_stance_date(tok, timexes, publication_date),
                sentence=sent.text,
                sentence_index=sent_index,
                char_start=start,
                char_end=end,
                speaker_kind="commentator" if commentator else "party",
                confidence=round(min(confidence, 0.95), 2),
            )
            found_all.append((stance, key, tok.idx))
    # A statement that reports another stance ("analysts say Japan wants ...") gives way to the
    # stance it reports; of two cues for one speaker and issue in a sentence, keep the surer,
    # then the more specific (shorter) position.
    cue_at = [idx for _, _, idx in found_all]
    out: dict[tuple, Stance] = {}
    for stance, key, idx in found_all:
        span_start = stance.char_end - len(stance.position)
        if any(idx != other and span_start <= other < stance.char_end for other in cue_at):
            continue
        kept = out.get(key)
        if kept is None or (stance.confidence, -len(stance.position)) > (kept.confidence, -len(kept.position)):
            out[key] = stance
    return sorted(out.values(), key=lambda s: (s.sentence_index, s.char_start, s.issue))


# -- queries ----------------------------------------------------------------------------------------

STANCE_COLUMNS: tuple[tuple[str, str, int | None], ...] = (
    ("date", "date", None),
    ("actor_name", "actor", 24),
    ("speaker_kind", "speaker", None),
    ("issue", "issue", 24),
    ("position", "position (text's words)", 80),
    ("outlet", "source", 30),
)


def stances(
    store, actor: str | None = None, issue: str | None = None, *, speaker_kind: str | None = None
) -> list[dict[str, Any]]:
    """Stored stances, filtered by actor (id, country or name) and issue, in date order."""
    where, params = ["TRUE"], []
    if actor:
        where.append("(s.actor_id = ? OR s.actor_country = ? OR lower(s.actor_name) = lower(?))")
        params += [actor, actor.upper(), actor]
    if issue:
        where.append("s.issue = ?")
        params.append(issue)
    if speaker_kind:
        where.append("s.speaker_kind = ?")
        params.append(speaker_kind)
    from .timeline import outlet_name

    rows = store.query(
        "SELECT s.stance_id, s.date, s.actor_id, s.actor_name, s.actor_country, s.issue, s.position, "
        "s.speaker_kind, s.confidence, s.sentence, s.sentence_index, s.char_start, s.char_end, s.doc_id, "
        "d.title, d.site, d.file "
        "FROM stances s LEFT JOIN documents d ON d.doc_id = s.doc_id "
        f"WHERE {' AND '.join(where)} "
        "ORDER BY s.date NULLS LAST, s.doc_id, s.sentence_index, s.char_start",
        params,
    )
    for r in rows:
        r["outlet"] = outlet_name(r.pop("site"), r.pop("file"))
    return rows


def format_stances(rows: Sequence[dict[str, Any]], fmt: str = "table") -> str:
    """Render :func:`stances` rows as ``table``, ``jsonl`` (every field) or ``md``."""
    return render(rows, STANCE_COLUMNS, fmt)
