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
        out.append(node)
        if node.lemma_.lower() in stop:
            break
    return out


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
    for g in chain:
        if g.lemma_.lower() in m["proposed_governors"]:
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
        if lemma in m["planned_governors"]:
            # "is to visit", "is going to visit", "is set/due/scheduled to visit"
            if lemma == "be" and not any(c.dep_ == "xcomp" for c in g.children):
                continue
            return "planned", lemma
    return "asserted", None


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
