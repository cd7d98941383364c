"""Modality of an event mention from its clause: asserted | planned | proposed | hypothetical | negated.

Decided on the dependency parse with the word lists of the pattern file's ``modality`` section:
negation on the event's clause, conditional markers and epistemic modals, proposal verbs and
"should", future auxiliaries, plan verbs and "planned"/"upcoming" modifiers. The precedence is
negated > hypothetical > proposed > planned > asserted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .patterns import PatternSet

#: Dependency relations through which a governing clause lends its modality to a complement.
_GOVERNING = ("xcomp", "ccomp", "conj", "advcl", "acl", "relcl", "pcomp")


def lemma_forms(tok) -> tuple[str, ...]:
    """The lemma and plausible base forms of a verb token (the statistical lemmatizer
    occasionally errs: "staged" -> "stag", "hopes" -> "hop")."""
    low = tok.lower_
    forms = [tok.lemma_.lower()]
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("d", ""),
                         ("ing", ""), ("ing", "e"), ("es", ""), ("s", "")):
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            forms.append(low[: len(low) - len(suffix)] + repl)
    return tuple(dict.fromkeys(forms))


def _aux_words(tok) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")} | {
        c.lemma_.lower() for c in tok.children if c.dep_ in ("aux", "auxpass")}


def governors(tok, stop: Iterable[str] = ()) -> list:
    """Clause heads above ``tok`` reached through complement/coordination relations."""
    out = []
    stop = set(stop)
    node = tok
    for _ in range(8):
        if node.dep_ not in _GOVERNING or node.head.i == node.i:
            break
        # "X will do A, and Y did B": a conjoined clause with its own subject stands alone
        if node.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            break
        node = node.head
        if (node.pos_ == "ADP" and node.dep_ == "prep" and node.head.i != node.i
                and node.head.pos_ in ("VERB", "AUX")):
            # "move from exchanging views to ...", "after meeting X, Y will ...": a gerund
            # under a preposition belongs to the clause of the preposition's verb
            node = node.head
        out.append(node)
        forms = set(lemma_forms(node)) if node.pos_ in ("VERB", "AUX") else {node.lemma_.lower()}
        if forms & stop:
            break
    return out


def _wish_governor(tok, m: dict, stop: set[str]):
    """The verb of wishing ("hope", "wish", "would like", "expects Y to") whose complement
    (or "hope for" object) holds ``tok``, below any speech verb; else None. Everything inside
    the complement counts: its verb, an event noun as its subject ("hopes the meeting will pave
    the way") and clauses completing its nouns ("pave the way for X to visit")."""
    wishes = m.get("wish_governors", frozenset())
    prev = tok
    for g in tok.ancestors:
        forms = set(lemma_forms(g)) if g.pos_ in ("VERB", "AUX") else {g.lemma_.lower()}
        if forms & stop or describes_noun(prev):
            # "hopes to end the isolation imposed by X's sanctions": a relative or participle
            # clause of a noun states a fact, not the wish
            return None
        entry = prev  # the child of g on the way up from tok
        prev = g
        if g.pos_ not in ("VERB", "AUX") or not forms & wishes:
            continue
        if not (entry.dep_ in ("ccomp", "xcomp") or (entry.dep_ == "prep" and entry.lower_ == "for")):
            continue
        if "like" in forms and not (_aux_words(g) & {"would", "'d"}):
            continue  # only "would like" is a wish
        if "expect" in forms:
            if g.dep_ == "amod" or any(c.dep_ in ("auxpass", "nsubjpass") for c in g.children):
                continue  # "is expected to attend": a schedule, not a wish
            if entry.dep_ == "xcomp" and not any(c.dep_ in ("dobj", "dative") and c.i < entry.i
                                                 for c in g.children):
                continue  # "Japan expects to sign": its own plan
        return g
    return None


#: Participle tags of a clause stating a fact about a noun, for modality ("the isolation
#: imposed by X": the parser tags some of these past participles VBD).
FACT_PARTICIPLES = frozenset({"VBN", "VBD"})


def describes_noun(tok, participles: Iterable[str] = FACT_PARTICIPLES) -> bool:
    """True when ``tok`` heads a clause describing a noun: a relative clause ("the islands which
    X seized", "the plan that he had proposed") or a participle modifying a noun whose tag is
    one of ``participles`` ("the isolation imposed by X"); never an infinitive naming an act
    ("the decision to deploy", "the topics to be discussed"). What such a clause tells is
    stated as a fact about the noun."""
    if any(c.tag_ == "TO" for c in tok.children):
        return False
    return tok.dep_ == "relcl" or (tok.dep_ == "acl" and tok.tag_ in participles)


def in_describing_clause(tok, participles: Iterable[str] = FACT_PARTICIPLES) -> bool:
    """Whether ``tok`` or a clause above it describes a noun (:func:`describes_noun`)."""
    participles = frozenset(participles)
    return any(describes_noun(node, participles) for node in (tok, *tok.ancestors))


def _proposal_noun(tok, chain: list, m: dict) -> str | None:
    """ "suggested another option: that X gives up ...", "the idea that X ...": a clause
    completing a noun of proposal is proposed (not a relative clause: "the proposal which X
    rejected")."""
    nouns = m.get("proposal_nouns", frozenset())
    prev = tok
    for g in chain:
        if g.pos_ in ("NOUN", "PROPN") and g.lemma_.lower() in nouns and not describes_noun(prev) and not any(
                c.dep_ in ("nsubj", "dobj", "nsubjpass") and c.lower_ in ("which", "who", "whom")
                for c in prev.children):
            return g.lemma_.lower()
        if g.pos_ in ("VERB", "AUX") and _spelled_out(prev, g):
            # "was willing to make a compromise - to transfer X and sign Y": an infinitive set
            # off by a dash or colon after the proposal spells out what it would do
            obj = next((c for c in g.children if c.dep_ in ("dobj", "obj")
                        and c.lemma_.lower() in nouns and c.i < prev.i), None)
            if obj is not None:
                return obj.lemma_.lower()
        prev = g
    return None


_SETTING_OFF = frozenset({"-", "\u2013", "\u2014", ":", "--"})


def _spelled_out(clause, verb) -> bool:
    """``clause`` is an infinitive attached to ``verb`` right after a dash or colon."""
    if clause.head.i != verb.i or clause.dep_ not in ("advcl", "xcomp", "acl", "ccomp", "appos"):
        return False
    if not any(c.tag_ == "TO" for c in clause.children):
        return False
    start = clause.left_edge.i
    return start > 0 and clause.doc[start - 1].text in _SETTING_OFF


def is_negated(tokens: Iterable, lex: PatternSet) -> bool:
    neg = lex.modality["negation"]
    for tok in tokens:
        for c in tok.children:
            if c.dep_ == "neg" or (c.dep_ in ("det", "advmod", "preconj") and c.lower_ in neg):
                return True
    return False


def clause_modality(anchors: list, lex: PatternSet, *, nominal: bool = False,
                    speech_stop: Iterable[str] = ()) -> tuple[str, str | None]:
    """Modality of an event whose clause is headed by ``anchors`` (trigger first).

    Returns (modality, the auxiliary or governor that decided it, or None).
    """
    m = lex.modality
    trigger = anchors[0]
    stop = set(speech_stop)
    govs = governors(anchors[-1], stop=stop)
    # Governors up to (not including) the first speech verb: "X said Y will visit" keeps
    # "will" from Y's clause, but not "said"'s own tense.
    chain: list = []
    for g in govs:
        if g.lemma_.lower() in stop:
            break
        chain.append(g)

    if is_negated(anchors, lex) or (chain and is_negated([g for g in chain if _is_xcomp_chain(anchors[-1], g)], lex)):
        return "negated", None
    for g in chain:
        if g.lemma_.lower() in m["negating_governors"] and _is_xcomp_chain(anchors[-1], g):
            return "negated", g.lemma_.lower()
    head = anchors[-1]
    if (head.dep_ == "pcomp" and head.head.lower_ == "from"
            and head.head.head.lemma_.lower() in m.get("refraining_governors", ())):
        return "negated", head.head.head.lemma_.lower()
    if (nominal and len(anchors) == 1 and trigger.dep_ == "pobj"
            and trigger.head.lower_ in ("after", "before", "during", "until", "following")
            and trigger.head.head.pos_ in ("VERB", "AUX")
            and _aux_words(trigger.head.head) & (m["planned_aux"] - {"would"})
            and not (trigger.head.lower_ in ("after", "following")
                     and any(t.ent_type_ in ("DATE", "TIME") for t in trigger.subtree))):
        # (not "will visit following the visit of X in December": a dated earlier event)
        # "talks will be held after the visit of X": the visit is still to come as well
        return "planned", "after"
    if nominal and trigger.dep_ in ("dobj", "obj", "nsubjpass") and trigger.head.pos_ in ("VERB", "AUX"):
        # "cancelled / called off her visit": it will not happen; "postponed the summit until
        # May": it is still to come
        verb = trigger.head
        # phrasal governors count with their particle: "called off", "put off"
        forms = set(lemma_forms(verb))
        forms |= {f"{f} {c.lower_}" for f in tuple(forms) for c in verb.children if c.dep_ == "prt"}
        hit = forms & m.get("cancelling_governors", frozenset())
        if hit:
            return "negated", min(hit)
        hit = forms & m.get("postponing_governors", frozenset())
        if hit:
            return "planned", min(hit)
    # Conditionals anywhere on the way up (the "if" clause itself, or an if-clause's main clause).
    for tok in anchors + chain:
        for c in tok.children:
            if c.dep_ == "mark" and c.lower_ in m["hypothetical_marks"]:
                return "hypothetical", c.lower_
            # the main clause of a conditional: "if X happens, Y will ..."
            if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in m["hypothetical_marks"]
                                         for g in c.children):
                return "hypothetical", "consequent"
    for tok in anchors + chain:
        aux = _aux_words(tok)
        hit = aux & m["hypothetical_aux"]
        if hit:
            return "hypothetical", min(hit)
    for g in govs:
        if g.lemma_.lower() in m["hypothetical_governors"] and g.lemma_.lower() not in stop:
            return "hypothetical", g.lemma_.lower()
    wish = _wish_governor(anchors[-1], m, stop)
    if wish is not None:
        # "hopes X will visit", "would like to see X and Y move from exchanging views to ...":
        # a wished-for event is not reported as done, planned or proposed by anyone. An event
        # noun with its own schedule ("hopes the forthcoming visit will ...") stays planned.
        if nominal and any(c.dep_ in ("amod", "compound") and c.lower_ in m["planned_modifiers"]
                           for c in trigger.children):
            return "planned", "wish"
        return "hypothetical", wish.lemma_.lower()
    if wish_noun(anchors, lex) is not None:
        # "their desire to continue expanding cooperation": wished for, not done
        return "hypothetical", "desire"
    if nominal:
        contact = contact_clause(trigger)
        if contact is not None and is_future(contact):
            # "the summit he will host this month": the clause about the noun is future
            return "planned", "relative"
    proposal = _proposal_noun(anchors[-1], chain, m)
    if proposal is not None:
        return "proposed", proposal
    for tok in anchors:
        hit = _aux_words(tok) & m["proposed_aux"]
        if hit:
            return "proposed", min(hit)
    # "pressure on X to help Y", "a proposal to build ...": an infinitive completing a noun
    # is something wanted, not done (unless the noun is a plan, below).
    infinitive = any(c.tag_ == "TO" for c in trigger.children)
    accepted = _accepting_clause(trigger, lex) if infinitive else None
    if accepted is not None:
        # "accepted Putin's invitation to attend": the attending is as real as the accepting
        mod, cue = clause_modality([accepted], lex, speech_stop=speech_stop)
        return mod, cue or "accepted"
    intent = _intent_noun(anchors, m)
    if intent is not None:
        # "Argentina's intention (commitment, readiness) to withdraw": its doer means to do it,
        # as "intends to" (planned; cooperation so planned is coded as the intent, CAMEO 03)
        return "planned", "intend"
    if (infinitive and trigger.head.pos_ in ("NOUN", "PROPN")
            and trigger.head.lemma_.lower() not in m["planned_governors"]):
        return "proposed", "to"
    # "how to support ...", "whether to meet ...": an option under discussion
    if infinitive and any(c.lower_ in ("how", "whether", "what", "when") and c.i < trigger.i
                          for c in trigger.children):
        return "hypothetical", "wh-infinitive"
    prev = anchors[-1]
    for g in chain:
        entry = _entry(prev, g)
        prev = g
        if g.lemma_.lower() in m["proposed_governors"] and entry is not None and (
                entry.dep_ in ("xcomp", "ccomp", "conj") or entry.lower_ in ("for", "on")
                or (entry.dep_ == "advcl" and any(c.tag_ == "TO" for c in entry.children))):
            # "urged X to meet", "called for talks" (not "called B, asking him ...")
            return "proposed", g.lemma_.lower()
    if nominal:
        for c in trigger.children:
            if c.dep_ in ("amod", "compound") and c.lower_ in m["proposed_modifiers"]:
                return "proposed", c.lower_
            if c.dep_ in ("amod", "compound") and c.lower_ in m["planned_modifiers"]:
                return "planned", c.lower_
    reported = any(g.lemma_.lower() in stop for g in govs)
    for tok in anchors + chain:
        hit = _aux_words(tok) & m["planned_aux"]
        if hit == {"would"} and not reported:
            # "investments would help": a conditional, unless it is reported future
            # ("Tokyo said it would ...")
            return "hypothetical", "would"
        if hit:
            return "planned", min(hit)
    if not nominal and trigger.pos_ in ("VERB", "AUX") and set(lemma_forms(trigger)) & m.get(
            "weighing_verbs", frozenset()):
        # "is considering sanctions on X": weighed, not yet done
        return "planned", trigger.lemma_.lower()
    prev = anchors[-1]
    for g in chain:
        if describes_noun(prev) and prev.head.i == g.i:
            # "the pledge which they had made during X's visit": a relative clause on a noun
            # of planning states a fact, it is not the plan's content
            break
        prev = g
        lemma = g.lemma_.lower()
        if lemma in m.get("attempt_governors", ()) and g.tag_ in ("VBD", "VBN"):
            continue  # "tried to seize": an attempt made is the act; "is trying to" is not yet
        if lemma in m["planned_governors"]:
            # "is to visit", "is going to visit", "is set/due/scheduled to visit"
            if lemma == "be" and not any(c.dep_ == "xcomp" for c in g.children):
                continue
            return "planned", lemma
    return "asserted", None


def _intent_noun(anchors: list, m: dict):
    """The noun of intent (``modality.intent_nouns``: "intention", "commitment", "readiness"
    ...) whose to-infinitive is one of the event's clause heads, else None."""
    nouns = m.get("intent_nouns", frozenset())
    for tok in anchors:
        head = tok.head
        if (tok.dep_ in ("acl", "relcl", "xcomp") and head.i != tok.i and head.pos_ == "NOUN"
                and head.lemma_.lower() in nouns and any(c.tag_ == "TO" for c in tok.children)):
            return head
    return None


def _entry(tok, gov):
    """The child of ``gov`` on the path up from ``tok`` (``gov`` an ancestor), else None."""
    node = tok
    while node.head.i != node.i:
        if node.head.i == gov.i:
            return node
        node = node.head
    return None


def _accepting_clause(trigger, lex: PatternSet):
    """The verb accepting an invitation/offer that ``trigger``'s infinitive completes, else None."""
    noun = trigger.head
    if trigger.dep_ not in ("acl", "relcl", "xcomp", "advcl") or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    if noun.lemma_.lower() not in lex.modality.get("accepted_nouns", ()):
        return None
    verb = noun.head
    if noun.dep_ in ("dobj", "obj") and verb.pos_ in ("VERB", "AUX") and (
            verb.lemma_.lower() in lex.modality.get("acceptance_verbs", ())):
        return verb
    return None


def _is_xcomp_chain(tok, gov) -> bool:
    """True when ``gov`` governs ``tok`` through to-infinitives only ("did not agree to meet",
    "would not give permission to help")."""
    node = tok
    while node.i != gov.i and node.head.i != node.i:
        infinitive = node.dep_ == "advcl" and any(c.tag_ == "TO" for c in node.children)
        if node.dep_ != "xcomp" and not infinitive:
            return False
        node = node.head
    return node.i == gov.i


# -- events that are no occurrence: background, trends, inferences, standing positions ----------

#: Perfect auxiliaries: "has promoted", "have moved to" (not "had", a past perfect of a dated
#: episode).
_PERFECT = frozenset({"has", "have", "'ve"})
#: Words counting a span ("for several years"): the length of one act, not a habit.
_QUANTITIES = frozenset({"several", "many", "few", "some", "a", "two", "three", "four", "five"})
#: Prepositions of a span of time over which an act is spread ("for years", "in recent years").
_DURATIVE_PREPS = frozenset({"for", "over", "in", "during", "throughout"})


def _clause_chain(anchors: list, lex: PatternSet, *, xcomp_only: bool = False) -> list:
    """The event's clause heads and the governors above them up to (not including) the first
    speech verb: the words that can say how the event itself is told. An event noun that is
    a verb's object starts from that verb ("increasing joint exercises"). With ``xcomp_only``,
    only governors whose infinitive or gerund complement holds the event ("has moved to
    enhance", "continued expanding"), not a clause the event is a circumstance of ("has kept a
    firm stance, imposing sanctions")."""
    stop = lex.speech_verbs
    out = list(anchors)
    node = anchors[-1]
    if (node.pos_ in ("NOUN", "PROPN") and node.dep_ in ("dobj", "obj") and node.head.pos_ == "VERB"
            or node.pos_ == "ADJ" and node.dep_ == "acomp"):
        # the verb of an event noun's clause; the copula of an adjective ("has been reluctant")
        node = node.head
        out.append(node)
    if xcomp_only and node.dep_ == "pcomp" and node.head.lower_ == "including" and node.head.dep_ == "prep":
        # "has moved to enhance ties, including increasing exercises": an instance of the trend
        node = node.head.head
        out.append(node)
    for g in governors(node, stop=stop):
        if set(lemma_forms(g)) & stop or g.lemma_.lower() in stop:
            break
        entry = _entry(node, g)
        if xcomp_only and (entry is None or entry.dep_ != "xcomp"):
            break
        out.append(g)
        node = g
    return out


def durative_cue(tok, lex: PatternSet) -> str | None:
    """A word or phrase on ``tok``'s clause presenting its act as spread over a period or as a
    habit rather than one occurrence: an adverb of habit or trend ("increasingly", "long",
    "traditionally") or a span of years ("for years", "over the decades", "in recent years",
    "in the last several years", "in the past", "for a long time"), else None."""
    m = lex.modality
    adverbs = m.get("habitual_adverbs", frozenset())
    spans = m.get("durative_nouns", frozenset())
    recent = m.get("recent_modifiers", frozenset())
    # "Russia in the past has been ...": a phrase between the subject and its verb is often
    # hung on the subject by the parser
    inner = [g for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")
             for g in c.children if g.dep_ == "prep" and c.i < g.i < tok.i]
    for c in [*tok.children, *inner]:
        if c.dep_ in ("advmod", "npadvmod") and c.lower_ in adverbs:
            return c.lower_
        if c.dep_ != "prep" or c.lower_ not in _DURATIVE_PREPS:
            continue
        for p in c.children:
            if p.dep_ != "pobj":
                continue
            lemma = p.lemma_.lower()
            mods = {g.lower_ for g in p.children if g.dep_ in ("amod", "det", "nummod", "advmod")}
            if lemma == "past" and c.lower_ == "in" and "the" in mods:
                return "in the past"  # "in the past" (not "in the past week": a noun after it)
            if lemma in ("time", "while", "period") and mods & {"long", "some"}:
                return f"{c.lower_} a long {lemma}"
            # "for years", "over the decades" (no count: "jailed for two years" is one act's
            # length), "in recent years", "in the last several years"
            counted = any(g.dep_ == "nummod" for g in p.children) or mods & _QUANTITIES
            if lemma in spans and (mods & recent or p.tag_ in ("NNS", "NNPS") and not counted):
                return f"{c.lower_} {p.lower_}"
    return None


def _perfect(tok) -> bool:
    """Whether ``tok`` is a present perfect ("has promoted", "have been reluctant")."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in _PERFECT for c in tok.children)


def background_cue(anchors: list, lex: PatternSet) -> str | None:
    """Why an event mention reports no occurrence of its own but a background trend or habit,
    else None. By grammar, on the event's clause and the governors above it:

    * an adverb or phrase of habit or span ("in the past has been reluctant to ...", "discussed
      the issue for years", "has increasingly sought ...": :func:`durative_cue`);
    * a present perfect of a verb of trend ("both countries have promoted cooperation", "X has
      moved to enhance its ties with Y", "has continued to expand ...": ``trend_verbs``), or
      an adjective of attitude in the present perfect ("has been reluctant to");
    * an ongoing effort: a verb of effort in the present progressive governing the event ("is
      trying hard to improve relations": ``effort_verbs``), reported like a trend.

    A clause with a future or modal auxiliary is no background ("will give a grant over three
    years" is a plan); negated and hypothetical mentions are left to the caller.
    """
    m = lex.modality
    trends = m.get("trend_verbs", frozenset())
    chain = _clause_chain(anchors, lex, xcomp_only=True)
    modal = m["planned_aux"] | m["hypothetical_aux"] | m["proposed_aux"]
    if any(_aux_words(tok) & modal for tok in chain):
        return None
    for tok in chain:
        cue = durative_cue(tok, lex)
        if cue is not None:
            return cue
    for tok in chain:
        if tok.pos_ not in ("VERB", "AUX", "ADJ"):
            continue
        if not _perfect(tok):
            continue
        if tok.pos_ == "ADJ" or (tok.pos_ == "AUX" and any(c.dep_ == "acomp" for c in tok.children)):
            return "perfect state"
        if set(lemma_forms(tok)) & trends:
            return f"perfect trend {tok.lemma_.lower()}"
    efforts = m.get("effort_verbs", frozenset())
    for tok in chain[len(anchors):]:
        if (tok.tag_ == "VBG" and set(lemma_forms(tok)) & efforts
                and any(c.dep_ == "aux" and c.lemma_.lower() == "be" for c in tok.children)):
            # "is trying hard to improve relations": an ongoing effort, told as a trend
            return f"perfect trend {tok.lemma_.lower()} (progressive)"
    return None


def inference_cue(anchors: list, lex: PatternSet, *, nominal: bool = False) -> str | None:
    """Why an event mention is the writer's inference or appraisal rather than a reported act,
    else None:

    * an infinitive completing a noun of motive ("has a key incentive to boost ties", "has
      every reason to seek ...": ``inference_nouns``);
    * a clause under a verb of appearance ("it appears X seeks ...", "X seems to want ...":
      ``appraisal_verbs``), unless a speech verb reports the appearance ("officials said it
      appears ...": then the speaker's report decides); an event noun in such a clause is
      presupposed, not appraised ("it seems this will be discussed during Abe's visit").
    """
    m = lex.modality
    nouns = m.get("inference_nouns", frozenset())
    appraisal = m.get("appraisal_verbs", frozenset())
    for tok in _clause_chain(anchors, lex):
        head = tok.head
        if (any(c.tag_ == "TO" for c in tok.children) and tok.dep_ in ("acl", "relcl", "xcomp")
                and head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() in nouns):
            return f"{head.lemma_.lower()} to"
    if nominal:
        return None
    found = None
    for g in governors(anchors[-1], stop=lex.speech_verbs):
        forms = set(lemma_forms(g))
        if forms & lex.speech_verbs:
            return None  # reported: the speaker's appraisal, told as what they said
        if found is None and forms & appraisal and g.pos_ in ("VERB", "AUX"):
            found = g.lemma_.lower()
    return found


def wish_noun(anchors: list, lex: PatternSet):
    """The noun of wish ("their desire to continue expanding cooperation") whose infinitive
    holds the event, when nobody is reported expressing it (not "expressed his desire for X to
    sign": that is a verbal act whose complement is proposed); else None."""
    m = lex.modality
    nouns = m.get("wish_nouns", frozenset())
    expressing = m.get("expressing_verbs", frozenset()) | lex.speech_verbs
    for tok in _clause_chain(anchors, lex):
        head = tok.head
        if not (any(c.tag_ == "TO" for c in tok.children) and tok.dep_ in ("acl", "relcl", "xcomp")
                and head.pos_ == "NOUN" and head.lemma_.lower() in nouns):
            continue
        verb = head.head
        if head.dep_ in ("dobj", "obj") and set(lemma_forms(verb)) & expressing:
            return None
        return head
    return None


def contact_clause(trigger):
    """The verb of a relative clause without a relative word right after an event noun ("the
    summit he will host this month"), which the parser often attaches elsewhere: the noun's
    next token starts the verb's subject, the verb has no object of its own and its subject
    is a pronoun or a name. Else None."""
    doc = trigger.doc
    if trigger.pos_ not in ("NOUN", "PROPN") or trigger.i + 1 >= len(doc):
        return None
    nxt = doc[trigger.i + 1]
    if nxt.dep_ != "nsubj" or nxt.tag_ not in ("PRP", "NNP") or nxt.head.i <= nxt.i:
        return None
    verb = nxt.head
    if verb.pos_ != "VERB" or verb.left_edge.i != nxt.i or verb.dep_ not in ("ccomp", "relcl", "advcl", "conj"):
        return None
    if any(c.dep_ in ("dobj", "obj", "ccomp", "xcomp") for c in verb.children):
        return None
    if verb.dep_ != "relcl" and verb.head.i == trigger.i:
        return None
    return verb


def is_future(verb) -> bool:
    """Whether ``verb`` carries a future auxiliary ("will host", "'ll meet", "shall sign")."""
    return any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall", "wo") for c in verb.children)


def standing_position(trigger, lex: PatternSet) -> bool:
    """Whether a verbal act in the simple present states a standing position rather than one
    act ("Japan insists on X", "China says Japan must acknowledge Y", "As Japan demands all
    four islands, ..."): present tense, no auxiliary, not the reporting verb of a quotation.
    The caller checks the code, that no time expression of its own dates it and that the doer
    is a state or institution."""
    verb = trigger
    if verb.pos_ not in ("VERB", "AUX") or verb.tag_ not in ("VBZ", "VBP"):
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    # "X says" after a quotation is a news report of a statement
    return not any(c.dep_ == "punct" and c.text in ('"', "\u201d", "\u201c") for c in verb.children)


#: Words counting occasions: "has met him five times", "twice".
_COUNT_WORDS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                          "eleven", "twelve", "several", "many", "numerous", "multiple", "dozen",
                          "dozens", "countless"})
_TWICE = frozenset({"twice", "thrice"})


def figurative_use(trigger, lex: PatternSet) -> str | None:
    """The figurative phrase a verb forms with its preposition or particle, or with the
    preposition and its object ("may hope to seize upon Japan's frustration", "decided to go to
    war": ``modality.figurative_uses``), else None. Only a verb without a
    direct object of its own ("seized on Monday a tanker" stays a seizure)."""
    uses = lex.modality.get("figurative_uses", frozenset())
    if not uses or any(c.dep_ in ("dobj", "obj") for c in trigger.children):
        return None
    for c in trigger.children:
        if c.dep_ not in ("prep", "prt"):
            continue
        if c.dep_ == "prep" and any(p.ent_type_ in ("DATE", "TIME") for p in c.children):
            continue  # "seized on Monday": a date, not an idiom
        objects = [p.lemma_.lower() for p in c.children if p.dep_ == "pobj"]
        for lemma in lemma_forms(trigger):
            for phrase in (f"{lemma} {c.lower_}", *(f"{lemma} {c.lower_} {o}" for o in objects)):
                if phrase in uses:
                    return phrase
    return None


def counted_occasions(trigger) -> str | None:
    """The count of a verb told as a number of occasions ("has met him five times", "visited
    twice"), else None: the mention sums up several events, it is no single one."""
    for c in trigger.children:
        if c.dep_ in ("advmod", "npadvmod") and c.lower_ in _TWICE:
            return c.lower_
        if c.dep_ == "npadvmod" and any(g.dep_ == "advmod" and g.lower_ in _TWICE for g in c.children):
            return "twice"  # "twice last year", parsed on the time noun
        if c.dep_ not in ("npadvmod", "advmod", "dobj", "obj") or c.lemma_.lower() != "time":
            continue
        if c.tag_ not in ("NNS", "NNPS"):
            continue
        for g in c.children:
            if g.dep_ in ("nummod", "amod", "det", "quantmod") and (
                    g.lower_ in _COUNT_WORDS or g.like_num and g.lower_ not in ("one", "1")):
                return f"{g.lower_} times"
    return None


def negated_span(anchors: list, lex: PatternSet) -> str | None:
    """Why a negated mention is a state over a span rather than an act that did not happen
    ("they never fought a war since WW II", "have never met"): "never" with a "since" phrase,
    a span of years or a present perfect. Else None ("never formally signed a treaty at the
    end of the war" stays a negated event)."""
    never = [c for tok in anchors for c in tok.children if c.dep_ in ("neg", "advmod") and c.lower_ == "never"]
    if not never:
        return None
    for tok in anchors:
        if any(c.lower_ == "since" and c.dep_ in ("prep", "mark") for c in tok.children):
            return "never since"
        cue = durative_cue(tok, lex)
        if cue is not None:
            return f"never {cue}"
        if _perfect(tok):
            return "never (perfect)"
    return None



@dataclass(frozen=True)
class Evaluation:
    """A speaker's evaluation of another actor's act, read by :func:`evaluation`: the CAMEO
    code of the speaker's statement, the evaluative adjective, the evaluated act (a noun, or
    the verb of a that-clause) and the tokens naming whose act it is."""

    code: str
    predicate: Any
    act: Any
    owners: tuple


#: Participles naming where an act comes from: "the threats coming (emanating) from X".
_SOURCE_PARTICIPLES = frozenset({"come", "emanate", "originate", "issue"})


def _pobjs(prep) -> list:
    return [p for pobj in prep.children if pobj.dep_ == "pobj" for p in (pobj, *pobj.conjuncts)]


def _act_owners(noun, lex: PatternSet | None = None) -> tuple:
    """Tokens naming whose act a noun is: its possessor ("Japan's decision"), a proper-noun
    compound ("the Tokyo decision"), a nationality adjective ("the Russian move"), its "by"
    agent ("the deployment by Japan") or where it comes from ("the threats (coming) from
    Japan"; a bare "from" not for a noun whose pattern takes its target there: "the withdrawal
    from X"); coordinated owners count alike."""
    found = []
    from_target = lex is not None and any(
        "from" in p.target for p in lex.nouns.get(noun.lemma_.lower(), ()))
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN") or (
                c.dep_ == "amod" and (c.ent_type_ == "NORP" or c.pos_ == "PROPN")):
            found.extend([c, *c.conjuncts])
        elif c.dep_ == "prep" and (c.lower_ == "by" or (c.lower_ == "from" and lex is not None
                                                          and not from_target)):
            found.extend(_pobjs(c))
        elif (c.dep_ == "acl" and lex is not None and c.tag_ in ("VBG", "VBN")
              and set(lemma_forms(c)) & _SOURCE_PARTICIPLES):
            found.extend(p for g in c.children if g.dep_ == "prep" and g.lower_ == "from"
                         for p in _pobjs(g))
    return tuple(found)


def evaluation(verb, lex: PatternSet) -> Evaluation | None:
    """The evaluation a speech act ``verb`` gives another actor's act, else None.

    Three shapes (the adjective from the pattern file's ``evaluative_predicates``):

    * a reported copula: "X said (noted) that Y's decision was regrettable" (the act a noun
      of an event pattern, of ``modality.anaphoric_acts`` or of ``evaluated_acts``, owned by
      Y: possessor, proper-noun compound, nationality adjective or "by" agent);
    * an extraposed clause: "X said it was unacceptable that Y joined the sanctions" (the
      owner is the clause's subject);
    * an object predicate of ``evaluating_verbs``: "X called Y's move unacceptable", also when
      parsed as a small clause ("X found Y's position unacceptable": the act the adjective's
      subject).

    A that-clause coordinated with an earlier one counts alike ("X said that talks would go on
    and that Y's statements were outrageous"); the owner may also be named by "(coming) from"
    ("the threats coming from Y").

    The act's owners may name nobody the extractor knows; it decides whether they are actors.
    A negated predicate ("was not acceptable" is no adjective of the list; "was not
    regrettable") gives None.
    """
    preds = lex.evaluative_predicates
    if not preds:
        return None
    forms = set(lemma_forms(verb))
    acts = lex.evaluated_acts | lex.modality.get("anaphoric_acts", frozenset())

    def is_act(noun) -> bool:
        return noun.pos_ == "NOUN" and (noun.lemma_.lower() in acts or noun.lemma_.lower() in lex.nouns
                                        or noun.lower_ in acts)

    def negated(tok) -> bool:
        return any(c.dep_ == "neg" for c in tok.children)

    if forms & lex.evaluating_verbs:
        objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        adjs = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp", "acomp")
                and c.pos_ == "ADJ" and c.lemma_.lower() in preds]
        if len(objects) == 1 and adjs and is_act(objects[0]) and not negated(verb):
            owners = _act_owners(objects[0], lex)
            if owners:
                return Evaluation(preds[adjs[0].lemma_.lower()], adjs[0], objects[0], owners)
        if not objects and not negated(verb):
            # "X found Y's position unacceptable", parsed as a small clause: the act is the
            # subject of the adjective complementing the verb
            for adj in verb.children:
                if not (adj.dep_ in ("ccomp", "xcomp", "oprd") and adj.pos_ == "ADJ"
                        and adj.lemma_.lower() in preds and not negated(adj)):
                    continue
                subjects = [c for c in adj.children if c.dep_ in ("nsubj", "nsubjpass")]
                if len(subjects) == 1 and is_act(subjects[0]):
                    owners = _act_owners(subjects[0], lex)
                    if owners:
                        return Evaluation(preds[adj.lemma_.lower()], adj, subjects[0], owners)
    speech = forms & lex.speech_verbs or any(
        p.speech for form in forms for p in lex.verbs.get(form, ()))
    if not speech:
        return None
    # "X said that talks would go on and that Y's statements were outrageous": a that-clause
    # coordinated with an earlier one is reported alike
    clauses = [q for c in verb.children if c.dep_ == "ccomp" for q in (c, *c.conjuncts)]
    for clause in clauses:
        if clause.lemma_.lower() != "be" or negated(clause):
            continue
        adjs = [c for c in clause.children if c.dep_ == "acomp" and c.lemma_.lower() in preds
                and not negated(c)]
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "expl")]
        if not adjs or len(subjects) != 1:
            continue
        code, subj = preds[adjs[0].lemma_.lower()], subjects[0]
        if subj.lower_ == "it":
            # "it was regrettable that Y joined ...": the extraposed clause is the act
            inner = [c for c in clause.children if c.dep_ in ("ccomp", "csubj") and c.pos_ in ("VERB", "AUX")]
            for act in inner:
                owners = tuple(o for s in act.children if s.dep_ in ("nsubj", "nsubjpass")
                               for o in (s, *s.conjuncts))
                if owners:
                    return Evaluation(code, adjs[0], act, owners)
            continue
        if is_act(subj):
            owners = _act_owners(subj, lex)
            if owners:
                return Evaluation(code, adjs[0], subj, owners)
    return None


#: Nouns after "in" that state a reaction ("in protest", "in retaliation"): a protest reason
#: by themselves; "in response/reaction to X" gives one only when X is one.
_REACTION_NOUNS = frozenset({"protest", "retaliation"})
_RESPONSE_NOUNS = frozenset({"response", "reaction", "answer"})


def protest_reason(verb, lex: PatternSet, actor_at: Any) -> str | None:
    """The cue by which the clause of ``verb`` gives a protest reason for it, else None.

    A reason is a protest when it is stated as one ("in protest at ...", "in retaliation",
    "to protest against ..."), or when what "after", "over", "amid", "because (of)", "due to"
    ... introduce (``reason_marks``) is an actor's act or a dispute: a noun of
    ``modality.protest_reasons`` ("over the dispute", "because of the decision"), an event
    noun of the patterns ("after the coup"), a phrase naming an actor ("because of Russia's
    remarks", "over Crimea"), or a clause whose verb is an event verb of the patterns or whose
    subject is an actor ("because Russia deployed missiles"). "Because of the weather" or
    "due to illness" gives a reason that is no protest. ``actor_at(tok)`` returns the actor a
    token names, else None. A reason preposition the parser hangs on the verb's direct object
    counts alike (:func:`reason_heads`)."""
    marks = lex.reason_marks
    for c in reason_heads(verb, marks):
        low = c.lower_
        if c.dep_ == "prep" and low == "in":
            for p in c.children:
                lemma = p.lemma_.lower()
                if p.dep_ == "pobj" and lemma in _REACTION_NOUNS:
                    return f"in {lemma}"
                if p.dep_ == "pobj" and lemma in _RESPONSE_NOUNS and any(
                        _protest_noun(q, lex, actor_at) for q in _reason_objects(p)):
                    return f"in {lemma} to"
        if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() == "protest" and any(
                a.tag_ == "TO" for a in c.children):
            return "to protest"
        if c.dep_ in ("prep", "advmod", "agent") and low in marks and any(
                _protest_noun(q, lex, actor_at) for q in _reason_objects(c)):
            return low
        if c.dep_ == "advcl":
            mark = next((m.lower_ for m in c.children if m.dep_ == "mark" and m.lower_ in marks), None)
            if mark is not None and _protest_clause(c, lex, actor_at, _doers(verb, actor_at)):
                return mark
    return None


#: Prepositions of what a noun of talks is about ("held talks over the islands"): on such a
#: noun they give no reason for the verb.
_TOPIC_PREPS = frozenset({"over"})

#: Prepositions placing an act at or right after an occasion ("signed after the talks",
#: "following the summit", "during the visit", "at the forum"): the extractor gives such an
#: act the occasion's parties, the coder its date.
OCCASION_PREPS = frozenset({"after", "following", "during", "at"})


def reason_heads(verb, marks: Iterable[str], topic_objects: Iterable[str] = ()) -> list:
    """The children of ``verb`` that may state its reason, and the reason prepositions the
    parser hangs on its direct object instead ("cancelled his trip over the row with X",
    "... his visit in protest at Y": a preposition of ``marks``, "because" or "in"). On a
    direct object whose lemma is one of ``topic_objects`` (nouns of talks: "broke off the
    talks over the islands") an "over" phrase tells what it is about, not a reason."""
    marks = set(marks)
    topics = set(topic_objects)
    out = list(verb.children)
    for obj in verb.children:
        if obj.dep_ in ("dobj", "obj"):
            topical = obj.lemma_.lower() in topics
            out += [c for c in obj.children if c.dep_ == "prep" and c.i > obj.i
                    and (c.lower_ in marks or c.lower_ in ("because", "in"))
                    and not (topical and c.lower_ in _TOPIC_PREPS)]
    return out


def _reason_objects(prep) -> list:
    """The nouns a reason word introduces: its object, or that of the preposition it takes
    ("because of X", "due to X", "in response to X"), with their conjuncts."""
    return _pobjs(prep) + [q for p in prep.children if p.dep_ in ("prep", "pcomp") and p.lower_ in ("of", "to")
                           for q in _pobjs(p)]


def _protest_noun(noun, lex: PatternSet, actor_at: Any) -> bool:
    """Whether a reason noun is an act or a dispute (see :func:`protest_reason`)."""
    lemma = noun.lemma_.lower()
    if lemma in lex.modality.get("protest_reasons", frozenset()) or lemma in lex.nouns:
        return True
    if actor_at(noun) is not None:
        return True  # "over Crimea", "because of Russia"
    return any(actor_at(c) is not None for c in noun.children
               if c.dep_ in ("poss", "compound", "amod", "nmod")) or any(
        actor_at(p) is not None for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "by")
        for p in c.children if p.dep_ == "pobj")


def _doers(verb, actor_at: Any) -> set:
    """The actors named as the subject of ``verb``."""
    return {actor_at(c) for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")} - {None}


def _protest_clause(clause, lex: PatternSet, actor_at: Any, doers: set = frozenset()) -> bool:
    """Whether a reason clause tells an act of another actor: an event verb of the patterns, or
    an actor or a protest noun as its subject ("because Russia deployed missiles", "after the
    coup was declared"); not when its subject is the doer himself ("cancelled his trip after
    he fell ill")."""
    if doers and _doers(clause, actor_at) & doers:
        return False
    if set(lemma_forms(clause)) & set(lex.verbs) and clause.lemma_.lower() not in ("be", "have"):
        return True
    return any(c.dep_ in ("nsubj", "nsubjpass") and (
        actor_at(c) is not None or _protest_noun(c, lex, actor_at)) for c in clause.children)
