"""Actors' stated positions on issues ("stances"), and queries over them.

A stance is a sentence in which a party states where it stands: "X insists on ...", "X's stance
is based on ...", "X repeated its position that ...", "X said ... is the compromise", "X
considers ... to be ...", "X wants ...". :func:`extract_stances` finds them on the spaCy parse.

Fields. ``actor_*`` is *whose position* it is (the party holding it); ``speaker_kind`` is *who
states it*: ``party`` when the actor states it (directly or through its officials), else
``commentator`` — an analyst, the media, a scholar ... giving their own opinion (then the actor
is the commentator) or reporting a party's position ("Doi said Japan wants ...": actor Japan,
speaker_kind commentator). ``speaker_name`` names who states it: the party, or the commentator
("Doi", "analysts", "the newspaper"). ``position`` is a verbatim substring of the sentence, and
``char_start``/``char_end`` cover the speaker, cue and position in the document text.

1. **Cue** — a verb from ``data/issues/cues.yaml`` (``insist``, ``claim``, ``want`` ... strong;
   ``say``, ``note`` ... weak) whose subject is the actor, or a position noun (``stance``,
   ``claim``, ``stand`` ...) held by its possessor, "of"-object, nationality adjective ("the
   Russian position"), or the subject of a light verb ("Japan lays claim to ...", "Moscow took
   a stand against ..."). Not a cue: a passive ("was considered"), a modal possibility or
   advice ("could claim", "being able to say", "should insist"), a negated report ("did not
   say"), "consider"/"maintain"/"hold" without a clause or predicate ("consider the
   situation", "maintain troops"), fixed phrases ("as opposed to").
2. **Speaker** — the verb's own subject; for a relative clause or a participle, the noun it
   modifies ("Moscow, which insists ...", "the coalition seeking ..."); for a subjectless
   verb in a governed clause, the governing subject ("Tokyo responded by repeating its
   position"). Each subordinate clause keeps its own subject: in "Although Japan insisted X,
   Lavrov noted Y" X is Japan's and Y Lavrov's. Possessive pronouns: the object of a verb
   judging someone "for" their stance ("savages Russia for its stance"), else the governing
   subject. Speakers map onto the actor mentions (a surname alone refers back to a person named
   in full earlier).
3. **Position** — the words after the cue up to the next coordinated or contrasting clause
   ("..., while China says ..."), with a negation kept ("does not want to ..."), a position
   noun kept with its preposition ("claims to X", "stance on X"); for "say"-like verbs, the
   reported clause — to the right, or opening the sentence and set off by a comma or quote
   ("X is Y, the minister said"). A reported clause telling what the speaker did or is doing
   ("he said he had met ...", "the Union moved ..., its diplomats said") is an event, not a
   position.
4. **Issue** — the position's words (not the speaker's, not the cue itself) are matched against
   ``data/issues/issues.yaml``; no issue, no stance.
5. **Speaker kind** — ``commentator`` when the speaker is an analyst, expert, newspaper ... (cue
   list), an actor of the media/education sector, a person without a state role, or when the
   cue is governed by a commentator's verb ("Doi said Japan wants ...", "the paper savages
   Russia for its stance ...") or sits in a quotation attributed to a commentator (also one
   continued from the previous sentence); else ``party``.
6. **Overlaps** — a report gives way to the other actor's stance it reports; a position noun
   that is the object of a verb cue of the same actor is read with the verb ("reiterated its
   stance on X, saying Y").

The stance date is a date attached to the cue or to the clause governing it ("expressed concern
in June 2017, saying ..."), else the article's publication date (a stance is dated by when it
was stated, not by dates inside the position).
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
    #: Light verbs whose subject holds the position noun they take ("lay claim", "take a stand").
    support_verbs: frozenset[str] = frozenset()
    #: Modals and adjectives that make a cue a mere possibility ("could claim", "able to say").
    hypothetical: frozenset[str] = frozenset()
    #: Cue verbs that need a clause or predicate after them ("considers X to be Y", not
    #: "consider the situation").
    complement_verbs: frozenset[str] = frozenset()


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
    for key in ("nouns", "commentators", "support_verbs", "hypothetical", "complement_verbs"):
        if not isinstance(data.get(key), list) or not all(isinstance(x, str) for x in data[key]):
            sub = _child(node, key)
            raise ConfigError(f"expected a list of strings under `{key}:`", file=str(path),
                              line=sub.start_mark.line + 1 if sub is not None else 1)
    return Cues(
        verbs={str(k).lower(): v for k, v in verbs.items()},
        nouns=frozenset(n.lower() for n in data["nouns"]),
        commentators=tuple(tuple(c.lower().split()) for c in data["commentators"]),
        support_verbs=frozenset(v.lower() for v in data["support_verbs"]),
        hypothetical=frozenset(v.lower() for v in data["hypothetical"]),
        complement_verbs=frozenset(v.lower() for v in data["complement_verbs"]),
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


def _possessor(pronoun):
    """What a possessive pronoun refers to: the object of a verb judging someone "for" their
    stance ("the paper condemns Moscow for its stance"), else the governing subject."""
    noun = pronoun.head
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "for" and prep.head.pos_ == "VERB":
        obj = next((c for c in prep.head.children if c.dep_ == "dobj"), None)
        if obj is not None:
            return obj
    return _governing_subject(pronoun)


def _surname_mention(token, mentions: Sequence[ActorMention]) -> ActorMention | None:
    """A person named earlier in full and now by surname only ("Ayako Doi ... Doi said")."""
    if token.pos_ != "PROPN":
        return None
    for m in mentions:
        name = m.actor.name.split()
        if m.actor.kind == "person" and m.start < token.idx and len(name) > 1 and name[-1] == token.text:
            return m
    return None


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
                return _speaker(_possessor(token), mentions, cues, have_actors)
            return None
    mention = _mention_for(token, mentions) or _surname_mention(token, mentions)
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


def _embedded_under_commentator(token, mentions, cues: Cues, have_actors: bool) -> str | None:
    """The commentator whose clause ``token`` sits in ("analysts say ...", "the newspaper
    savages Russia for its stance ...", a sentence "according to" one): their name, else None."""
    current = token
    for _ in range(8):
        if current.head is current:
            break
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            subj = _subject(current)
            spk = _speaker(subj, mentions, cues, have_actors) if subj is not None else None
            if spk is not None and spk.commentator:
                return spk.name
        if current.lower_ == "according":
            break
    sent = token.sent
    for t in sent:
        # "according to analysts", "analysts say"
        if t.lower_ == "according":
            for pobj in (c for prep in t.children for c in prep.children if c.dep_ == "pobj"):
                if _is_commentator_phrase(list(pobj.subtree), cues):
                    return doc_span_text(pobj)
    return None


def doc_span_text(token) -> str:
    """The words of ``token``'s phrase, without a leading article ("the analysts" → "analysts")."""
    words = list(token.subtree)
    while words and words[0].dep_ == "det":
        words.pop(0)
    return " ".join(t.text for t in words) if words else token.text


#: Subordinators of a clause that states something else ("X insists ..., while Y says ...").
_CONTRAST_MARKS = frozenset({"while", "whereas", "although", "though", "but"})
_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’", "«", "»", "—", "–", "-", ","})
_SELF = frozenset({"he", "she", "we", "they", "i", "it"})


def _next_clause_start(head) -> int | None:
    """Index where a clause coordinated with ``head``'s clause begins ("Russia wants X
    and, on Friday, its minister said Y": the position ends before "and"), or a contrasting
    clause ("..., while China says Y"), else None."""
    starts = []
    for child in head.children:
        if child.i <= head.i:
            continue
        clausal = child.dep_ == "parataxis" or (
            child.dep_ == "conj" and (child.pos_ in ("VERB", "AUX")
                                      or any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children))
        ) or (child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKS
                                            for c in child.children))
        if clausal:
            start = child.left_edge.i
            # the conjunction and comma before the clause go with it
            while start - 1 > head.i and head.doc[start - 1].dep_ in ("cc", "punct"):
                start -= 1
            starts.append(start)
    return min(starts) if starts else None


def _hypothetical(cue, cues: Cues) -> bool:
    """A cue under a modal or "able to" ("he could claim", "being able to say"): a possibility
    someone is credited with, not a statement."""
    current = cue
    for _ in range(4):
        if current is not cue and current.lemma_.lower() in cues.hypothetical:
            return True
        if any(c.dep_ == "aux" and c.lemma_.lower() in cues.hypothetical for c in current.children):
            return True
        if current.dep_ not in ("xcomp", "acomp") or current.head is current:
            return False
        current = current.head
    return False


def _has_complement(verb, cues: Cues) -> bool:
    """A clause, predicate or "as"-phrase after ``verb``, or a position noun as its object."""
    for child in verb.children:
        if child.i < verb.i:
            continue
        if child.dep_ in ("ccomp", "xcomp", "oprd"):
            return True
        if child.dep_ == "dobj" and (child.lemma_.lower() in cues.nouns or any(
                g.dep_ in ("prep", "acl") and g.lower_ in ("as", "to", "be") for g in child.children)):
            return True
        if child.dep_ == "prep" and child.lower_ == "as":
            return True
    return False


def _fixed_phrase(cue) -> bool:
    """A cue word inside a fixed phrase that states nothing ("as opposed to")."""
    return cue.tag_ == "VBN" and cue.i > 0 and cue.doc[cue.i - 1].lower_ == "as" and not any(
        c.dep_ in ("aux", "auxpass") for c in cue.children)


def _misparsed_subject(verb):
    """The nationality read as a modifier of a subjectless cue verb ("The Japanese demand ...")."""
    for child in verb.lefts:
        if child.dep_ in ("amod", "compound", "nmod") and child.ent_type_ in ("NORP", "GPE"):
            return child
    return None


def _reported_clause(cue):
    """The clause a reporting verb reports: its complement to the right ("X said that ..."), or
    one opening the sentence and set off by a comma or quote ("..., the minister said")."""
    comps = [c for c in cue.children if c.dep_ in ("ccomp", "xcomp")]
    right = [c for c in comps if c.i > cue.i]
    if right:
        return right[0]
    doc, sent = cue.doc, cue.sent
    subj = _subject(cue)
    stop = subj.left_edge.i if subj is not None and subj.i < cue.i else cue.i
    for comp in comps:
        before = doc[sent.start: comp.left_edge.i]
        between = doc[comp.right_edge.i + 1: stop]
        if all(t.is_punct or t.is_space for t in before) and all(
            t.text in _QUOTES or t.is_space for t in between
        ):
            return comp
    return None


def _own_past_action(clause, speaker: _Speaker, cues: Cues, mentions: Sequence[ActorMention]) -> bool:
    """Whether a reported clause tells what the speaker did or is doing ("Abe said he had met
    Putin", "... said he was able to discuss ...", "the Union moved closer to ..., its
    diplomats said"): an account of an event, not a position. A denial ("he is not
    abandoning ...") is a position."""
    subj = _subject(clause)
    if subj is None or any(c.dep_ == "neg" for c in clause.children):
        return False
    same = subj.lower_ in _SELF or subj.lower_ == speaker.token.lower_
    if not same and speaker.mention is not None:
        other = _mention_for(subj, mentions)
        same = other is not None and other.actor.actor_id == speaker.mention.actor.actor_id
    if not same:
        return False
    aux = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    tags = {clause.tag_} | {c.tag_ for c in aux}
    progressive = clause.tag_ == "VBG" and any(c.lemma_ == "be" for c in aux)  # "he is still reviewing"
    if "VBD" not in tags and not progressive:
        return False
    if clause.lemma_.lower() == "be":
        return any(c.dep_ == "acomp" and c.lemma_.lower() in cues.hypothetical for c in clause.children)
    return clause.lemma_.lower() not in cues.verbs


def _verb_position(cue, strength: str, cues: Cues, speaker: _Speaker, mentions: Sequence[ActorMention]):
    """Tokens of a verb cue's position, or None."""
    if strength == "weak":
        head = _reported_clause(cue)
        if head is None or _own_past_action(head, speaker, cues, mentions):
            return None
        return head, list(head.subtree)
    tokens = [t for t in cue.subtree if t.i > cue.i]
    if len(tokens) < 3:
        clause = _stray_complement(cue)
        if clause is not None:
            return cue, list(cue.doc[cue.i + 1: clause.right_edge.i + 1])
    return cue, tokens


def _stray_complement(cue):
    """The reported clause the parser hung elsewhere right after a cue ("Although X insisted
    the drills posed no danger, Y said ...": "posed" made the complement of "said"; "insisted
    Aegis posed ...": the clause's subject taken as the cue's object), else None."""
    doc = cue.doc
    j = cue.right_edge.i + 1
    if j >= len(doc) or doc[j].is_punct:
        return None
    objects = [c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i]
    candidate = doc[j]
    for _ in range(4):
        if candidate.tag_ in ("VBD", "VBZ", "VBP"):
            below = {t.i for t in candidate.subtree}
            if candidate.i in {t.i for t in cue.subtree} or not all(
                k in below for k in range(j, candidate.i)
            ) or candidate.i < cue.i or candidate.sent.start != cue.sent.start:
                return None
            has_subject = _subject(candidate) is not None
            if (objects and not has_subject) or (not objects and has_subject and j == cue.i + 1):
                return candidate
            return None
        if candidate.head is candidate:
            return None
        candidate = candidate.head
    return None


def _noun_position(cue, support, owner=None):
    """Tokens of a noun cue's position, or None: what follows the noun in its phrase, with the
    noun itself when a preposition or participle follows ("claims to X", "stance on X"), or the
    rest of the light verb's clause ("took a stand in opposition to X")."""
    if support is not None:
        return support, [cue] + [t for t in support.subtree if t.i > cue.i]
    # the holder ("the stance of the government") is not part of the position
    held = {t.i for t in owner.head.subtree} if owner is not None and owner.dep_ == "pobj" else set()
    tokens = [t for t in cue.subtree if t.i > cue.i and t.i not in held]
    if (len(tokens) < 3 and cue.dep_ in ("nsubj", "nsubjpass") and cue.head.i > cue.i
            and not any(c.dep_ in ("agent", "acomp") for c in cue.head.children)):
        # ("her views are so radical ..." describes the views; it does not state them)
        # "Russia's stance is based on ...", "its position is that ..."; not "... was criticized by"
        return cue.head, [t for t in cue.head.subtree if t.i > cue.i and t.i >= cue.head.i]
    if tokens and tokens[0].dep_ in ("prep", "acl") and tokens[0].head == cue:
        # "claims to X", "stance on X", "stance standing in the way of X" (not "position that X")
        tokens = [cue, *tokens]
    return cue, tokens


def _trim(doc, head, cue, tokens):
    """The contiguous span of ``tokens`` up to the next coordinated clause, without edge punctuation."""
    cuts = [i for i in (_next_clause_start(head), _next_clause_start(cue)) if i is not None and i > cue.i]
    if tokens and any(t.lower_ == "both" and t.dep_ in ("det", "preconj") for t in doc[cue.sent.start: tokens[0].i]):
        # "savages both Russia for its stance ... and the policy": the "and" answers the "both"
        # before the position, so what follows it is not part of the position
        inner_both = any(t.lower_ == "both" for t in tokens)
        ands = [t.i for t in tokens if t.lower_ == "and" and t.dep_ == "cc"]
        if ands and not inner_both:
            cuts.append(ands[0])
    if cuts:
        tokens = [t for t in tokens if t.i < min(cuts)]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ == "cc"):
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    if len(tokens) < 2:
        return None
    span = doc[tokens[0].i: tokens[-1].i + 1]
    # keep a quote or bracket opened inside the position closed: “returning the islands”
    for opening, closing in ((_OPEN_QUOTES, _CLOSE_QUOTES), ({"(", "["}, {")", "]"})):
        opened = sum(t.text in opening for t in span) - sum(t.text in closing for t in span)
        if opened > 0 and span.end < len(doc) and doc[span.end].text in closing:
            span = doc[span.start: span.end + 1]
    return span


def _negation_start(cue) -> int | None:
    """Index of "does not" / "never" before a negated verb cue, else None."""
    neg = [c for c in cue.children if c.dep_ == "neg" and c.i < cue.i]
    if not neg:
        return None
    aux = [c for c in cue.children if c.dep_ == "aux" and c.i < neg[0].i]
    return (aux[-1] if aux else neg[0]).i


def _stance_date(cue, timexes: Sequence[TimeExpression], publication_date,
                 position_start: int | None = None) -> str | None:
    """A date attached to the cue or to the clause governing it ("expressed concern in June
    2017, saying ..."), else the publication date."""
    from ..merge import date_interval

    sent = cue.sent
    heads = [cue]
    current = cue
    while current.dep_ in ("xcomp", "advcl", "acl", "dobj", "pcomp", "pobj", "prep") and _subject(current) is None:
        current = current.head
        heads.append(current)
        if current.head is current or len(heads) > 5:
            break
    for t in timexes:
        if t.type != "DATE" or not (sent.start_char <= t.start and t.end <= sent.end_char):
            continue
        span = cue.doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or date_interval(t.value) is None:
            continue
        root = span.root
        if any(root.head == h or (root.head.dep_ == "prep" and root.head.head == h) for h in heads):
            return t.value
    # A date in the governing clause between its verb and the position ("expressed concern over
    # the transfers in June 2017, saying ..."), in a prepositional phrase.
    top = heads[-1]
    subj = _subject(top)
    skip = {t.i for t in subj.subtree} if subj is not None else set()
    clause = {t.i for t in top.subtree} - skip
    for t in timexes:
        if t.type != "DATE" or t.start < top.idx or t.end > (position_start if position_start is not None else cue.idx):
            continue
        span = cue.doc.char_span(t.start, t.end, alignment_mode="expand")
        if (span is not None and span.start >= sent.start and all(x.i in clause for x in span)
                and (span.root.head.dep_ == "prep" or span.root.dep_ == "npadvmod")
                and date_interval(t.value) is not None):
            return t.value
    if isinstance(publication_date, dt.date):
        return publication_date.isoformat()
    return publication_date or None


def _stance_id(doc_id: str, start: int, end: int, issue: str) -> str:
    return "st_" + hashlib.sha1(f"{doc_id}|{start}|{end}|{issue}".encode()).hexdigest()[:16]


_OPEN_QUOTES = frozenset({"“", "‘", "«"})
_CLOSE_QUOTES = frozenset({"”", "»"})


def _quotations(doc) -> list[tuple[int, int]]:
    """Quoted stretches of ``doc`` as (first, last) token indices. A quote left open ends at the
    paragraph's end (the convention for quotes running over several sentences)."""
    regions, start = [], None
    for t in doc:
        text = t.text
        opening = text in _OPEN_QUOTES or (text == '"' and t.tag_ == "``")
        closing = text in _CLOSE_QUOTES or (text in ("’", '"') and t.tag_ == "''")
        if start is None and opening:
            start = t.i
        elif start is not None and (closing or "\n\n" in t.text_with_ws):
            regions.append((start, t.i))
            start = None
    if start is not None:
        regions.append((start, len(doc) - 1))
    return regions


def _quote_speaker(doc, region, regions, mentions, cues: Cues, have_actors: bool):
    """Who a quotation is attributed to: a reporting verb outside quotes in the sentence that
    opens or closes it ("'...,' Schoff said"), else in the sentence before it (a quote
    continued in the next sentence). None when no attribution is found."""
    quoted = {i for a, b in regions for i in range(a, b + 1)}
    first, last = doc[region[0]], doc[region[1]]
    sents = [first.sent, last.sent]
    if first.sent.start > 0:
        sents.append(doc[first.sent.start - 1].sent)
    for sent in sents:
        for t in sent:
            if t.i in quoted or t.lemma_.lower() not in REPORTING_VERBS or t.pos_ not in ("VERB", "AUX"):
                continue
            subj = _subject(t)
            if subj is not None and subj.dep_ != "nsubjpass":
                spk = _speaker(subj, mentions, cues, have_actors)
                if spk is not None:
                    return spk
    return None


@dataclass
class _Found:
    stance: Stance
    key: tuple
    cue_idx: int
    kind: str
    reporting: bool
    span: tuple[int, int]


def _noun_owner(tok, cues: Cues):
    """The holder of a position noun and the light verb it is the object of (if any)."""
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"), None)
    if owner is None:
        # "the Russian position": a nationality modifier names the holder
        owner = next((c for c in tok.lefts if c.dep_ in ("amod", "compound")
                      and c.ent_type_ in ("NORP", "GPE")), None)
    support = None
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in cues.support_verbs:
        support = tok.head
        if owner is None:
            owner = _subject(support) or _governing_subject(support)
            if owner is not None and owner.dep_ == "nsubjpass":
                owner = None
    return owner, support


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
    found_all: list[_Found] = []
    regions = _quotations(doc)
    quote_speakers: dict[tuple[int, int], _Speaker | None] = {}
    for sent_index, sent in enumerate(doc.sents):
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.pos_ in ("VERB", "AUX") and lemma in cues.verbs:
                kind, strength = "verb", cues.verbs[lemma]
                subj = _subject(tok)
                if subj is not None and subj.dep_ == "nsubjpass":
                    continue
                if _hypothetical(tok, cues) or _fixed_phrase(tok):
                    continue
                if lemma in cues.complement_verbs and not _has_complement(tok, cues):
                    continue
                negation = _negation_start(tok)
                if negation is not None and strength == "weak":
                    continue  # "Moscow did not say ..." states nothing
                speaker = None
                if (subj is None and tok.dep_ == "acl" and tok.tag_ == "VBG") or (
                        subj is not None and subj.tag_ in ("WDT", "WP") and tok.dep_ == "relcl"):
                    # "the coalition seeking to ...", "Abe, who insists ...": the noun modified
                    # (when it can speak: not "concern over X saying ...")
                    name = _name_span(tok.head)
                    if tok.head.ent_type_ in _ENTITY_LABELS or any(
                            m.start < name.end_char and name.start_char < m.end for m in mentions) or (
                            _is_commentator_phrase(list(name), cues)):
                        speaker = _speaker(tok.head, mentions, cues, have_actors)
                    subj = tok.head if speaker is not None else None
                    if speaker is None and tok.dep_ == "acl" and tok.head.dep_ != "dobj":
                        # a participle on a noun that cannot speak: only "expressed concern ...,
                        # saying" (the object of the speaker's verb) goes back to that subject
                        continue
                if subj is None:
                    subj = _misparsed_subject(tok) or _governing_subject(tok)
                if speaker is None:
                    speaker = _speaker(subj, mentions, cues, have_actors)
                if speaker is None:
                    continue
                placed = _verb_position(tok, strength, cues, speaker, mentions)
            elif tok.pos_ in ("NOUN", "PROPN") and lemma in cues.nouns:
                kind, strength, negation = "noun", "strong", None
                owner, support = _noun_owner(tok, cues)
                if support is not None and _hypothetical(support, cues):
                    continue
                speaker = _speaker(owner, mentions, cues, have_actors)
                if speaker is None:
                    continue
                placed = _noun_position(tok, support, owner)
            else:
                continue
            if placed is None:
                continue
            head, tokens = placed
            position = _trim(doc, head, tok, tokens)
            if position is None:
                continue
            # The issue is read from the position, leaving out the cue and the speaker themselves
            # ("claim" is both a cue and a sovereignty word).
            speaker_ids = ({t.i for t in speaker.token.subtree} - {t.i for t in tok.subtree}
                           if speaker.token.i != tok.i else set())
            clause = [t for t in position if t.i != tok.i and t.i not in speaker_ids]
            if any(t.pos_ == "PRON" for t in clause) and not any(t.pos_ in ("NOUN", "PROPN") for t in clause):
                # "lays claim to them": the issue is named where the pronoun points, in the sentence
                clause = [t for t in sent if t.i != tok.i and t.i not in speaker_ids]
            if negation is not None:
                position = doc[negation: position.end]  # the position keeps its "not"
            # A weak cue ("say") states a position when a state speaks; anyone else saying
            # something needs more than one word of the issue.
            lenient = strength == "strong" or _state_like(speaker)
            found = classify_issue(clause, issues, min_score=1.0 if lenient else 2.0)
            if found is None:
                continue
            issue, _ = found
            actor = speaker.mention.actor if speaker.mention else None
            stated_by = speaker.name if speaker.commentator else None
            stated_by = stated_by or _embedded_under_commentator(tok, mentions, cues, have_actors)
            region = next((r for r in regions if r[0] < tok.i <= r[1]), None)
            if region is not None and not stated_by:
                # a party's position quoted in a commentator's words is reported by that commentator
                if region not in quote_speakers:
                    quote_speakers[region] = _quote_speaker(doc, region, regions, mentions, cues, have_actors)
                quoter = quote_speakers[region]
                if quoter is not None and quoter.commentator:
                    stated_by = quoter.name
            commentator = stated_by is not None
            start = min(speaker.token.left_edge.idx if kind == "verb" else speaker.token.idx, position.start_char)
            end = max(position.end_char, tok.idx + len(tok.text))
            confidence = (0.8 if strength == "strong" else 0.6) + (0.1 if speaker.mention else 0.0)
            key = (actor.actor_id if actor else speaker.name.lower(), issue.id, sent_index)
            stance = Stance(
                stance_id=_stance_id(doc_id, start, end, issue.id),
                doc_id=doc_id,
                actor_id=actor.actor_id if actor else None,
                actor_name=actor.name if actor else speaker.name,
                actor_country=actor.country if actor else None,
                issue=issue.id,
                position=position.text,
                date=_stance_date(tok, timexes, publication_date, position.start_char),
                sentence=sent.text,
                sentence_index=sent_index,
                char_start=start,
                char_end=end,
                speaker_kind="commentator" if commentator else "party",
                confidence=round(min(confidence, 0.95), 2),
                speaker_name=stated_by if commentator else (actor.name if actor else speaker.name),
            )
            reporting = kind == "verb" and (strength == "weak" or lemma in REPORTING_VERBS)
            found_all.append(_Found(stance, key, tok.idx, kind, reporting,
                                    (position.start_char, position.end_char)))
    return _resolve(found_all)


def _resolve(found_all: Sequence[_Found]) -> list[Stance]:
    """Of overlapping stances, keep the ones that say most about whose position is what.

    * A statement giving way: a report ("analysts say Japan wants ...", "Doi said ...") gives
      way to the stance of another actor it reports; any cue gives way to another actor's
      *verb* cue inside its position (the reported party stated it).
    * A position noun inside the position of a verb cue of the same actor is that verb's
      object ("repeated its position that ...", "reiterated its stance on X, saying Y"): the
      verb's stance, which holds the whole statement, is kept.
    * Of two cues for one actor and issue in a sentence, the surer, then the shorter position.
    """
    def inside(inner: _Found, outer: _Found) -> bool:
        return inner is not outer and outer.span[0] <= inner.cue_idx < outer.span[1]

    kept: list[_Found] = []
    for f in found_all:
        if any(inside(o, f) and o.key[0] != f.key[0] and (o.kind == "verb" or f.reporting) for o in found_all):
            continue
        if f.kind == "noun" and any(inside(f, o) and o.kind == "verb" and o.key == f.key for o in found_all):
            continue
        kept.append(f)
    out: dict[tuple, Stance] = {}
    for f in kept:
        stance, prev = f.stance, out.get(f.key)
        if prev is None or (stance.confidence, -len(stance.position)) > (prev.confidence, -len(prev.position)):
            out[f.key] = stance
    return sorted(out.values(), key=lambda s: (s.sentence_index, s.char_start, s.issue))


# -- queries ----------------------------------------------------------------------------------------

STANCE_COLUMNS: tuple[tuple[str, str, int | None], ...] = (
    ("date", "date", None),
    ("actor_name", "actor", 24),
    ("speaker_kind", "speaker", None),
    ("speaker_name", "stated by", 20),
    ("issue", "issue", 24),
    ("position", "position (text's words)", 80),
    ("outlet", "source", 30),
)


def stance_filters(actor: str | None = None, issue: str | None = None,
                   speaker_kind: str | None = None) -> tuple[list[str], list[Any]]:
    """SQL conditions over stances ``s`` shared by ``detente stances`` and the dashboard: the
    actor by id, country or name (any case), the issue, the speaker kind (party/commentator)."""
    where: list[str] = []
    params: list[Any] = []
    if actor:
        where.append("(lower(s.actor_id) = lower(?) OR upper(s.actor_country) = upper(?) "
                     "OR lower(s.actor_name) = lower(?))")
        params += [actor, actor, actor]
    if issue:
        where.append("s.issue = ?")
        params.append(issue)
    if speaker_kind:
        where.append("s.speaker_kind = ?")
        params.append(speaker_kind)
    return where, params


def stances(
    store, actor: str | None = None, issue: str | None = None, *, speaker_kind: str | None = None
) -> list[dict[str, Any]]:
    """Stored stances, filtered by :func:`stance_filters`, in date order."""
    where, params = stance_filters(actor, issue, speaker_kind)
    from .timeline import outlet_name

    rows = store.query(
        "SELECT s.stance_id, s.date, s.actor_id, s.actor_name, s.actor_country, s.issue, s.position, "
        "s.speaker_kind, s.speaker_name, s.confidence, s.sentence, s.sentence_index, s.char_start, s.char_end, s.doc_id, "
        "d.title, d.site, d.file "
        "FROM stances s LEFT JOIN documents d ON d.doc_id = s.doc_id "
        f"WHERE {' AND '.join(where or ['TRUE'])} "
        "ORDER BY s.date NULLS LAST, s.doc_id, s.sentence_index, s.char_start",
        params,
    )
    for r in rows:
        r["outlet"] = outlet_name(r.pop("site"), r.pop("file"))
    return rows


def format_stances(rows: Sequence[dict[str, Any]], fmt: str = "table") -> str:
    """Render :func:`stances` rows as ``table``, ``jsonl`` (every field) or ``md``."""
    return render(rows, STANCE_COLUMNS, fmt)
