"""Modality of an event mention from its clause: asserted | planned | proposed | hypothetical | negated.

Decided on the dependency parse with the word lists of the pattern file's ``modality`` section:
negation on the event's clause, conditional markers and epistemic modals, proposal verbs and
"should", future auxiliaries, plan verbs and "planned"/"upcoming" modifiers. The precedence is
negated > hypothetical > proposed > planned > asserted.
"""

from __future__ import annotations

from collections.abc import Iterable

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
        if forms & stop or _presupposed(prev):
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


def _presupposed(tok) -> bool:
    """True when ``tok`` heads a relative clause or a participle modifying a noun ("the islands
    which X seized", "the isolation imposed by X"): its content is stated as a fact."""
    if tok.dep_ == "relcl":
        return not any(c.tag_ == "TO" for c in tok.children)
    return tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBD") and not any(c.tag_ == "TO" for c in tok.children)


def _proposal_noun(tok, chain: list, m: dict) -> str | None:
    """ "suggested another option: that X gives up ...", "the idea that X ...": a clause
    completing a noun of proposal is proposed (not a relative clause: "the proposal which X
    rejected")."""
    nouns = m.get("proposal_nouns", frozenset())
    prev = tok
    for g in chain:
        if g.pos_ in ("NOUN", "PROPN") and g.lemma_.lower() in nouns and not _presupposed(prev) and not any(
                c.dep_ in ("nsubj", "dobj", "nsubjpass") and c.lower_ in ("which", "who", "whom")
                for c in prev.children):
            return g.lemma_.lower()
        prev = g
    return None


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
        forms = set(lemma_forms(verb))
        if "call" in forms and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children):
            forms.add("call off")
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
    for g in chain:
        lemma = g.lemma_.lower()
        if lemma in m.get("attempt_governors", ()) and g.tag_ in ("VBD", "VBN"):
            continue  # "tried to seize": an attempt made is the act; "is trying to" is not yet
        if lemma in m["planned_governors"]:
            # "is to visit", "is going to visit", "is set/due/scheduled to visit"
            if lemma == "be" and not any(c.dep_ == "xcomp" for c in g.children):
                continue
            return "planned", lemma
    return "asserted", None


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
