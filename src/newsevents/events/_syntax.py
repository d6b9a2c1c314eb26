"""Reading the dependency parse: who is the subject, the object, the modality."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

# Prepositions whose object is the target of an action ("talks with", "strikes on").
TARGET_PREPS = frozenset(
    {"to", "with", "against", "on", "at", "toward", "towards", "into", "upon", "between"}
)
_OBJECT_PREPS = ("from", "by", "of", *sorted(TARGET_PREPS))
ANY_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})  # a clause may be one too
# Walking up from a trigger through these relations stays inside one governing clause:
# a trigger found above means the lower one is its content ("denied that X attacked").
_GOVERNED_DEPS = frozenset(
    {
        "xcomp",
        "ccomp",
        "pcomp",
        "prep",
        "pobj",
        "dobj",
        "acl",
        "attr",
        "oprd",
        "dative",
        "compound",
        "amod",
        "agent",
    }
)
_MEASURES = frozenset(
    {
        "ton",
        "tonne",
        "kg",
        "kilogram",
        "pound",
        "worth",
        "shipment",
        "consignment",
        "batch",
        "load",
        "truckload",
        "planeload",
        "amount",
        "quantity",
        "package",
        "lot",
        "dose",
        "box",
        "crate",
        "convoy",
        "cargo",
        "million",
        "billion",
        "thousand",
        "hundred",
        "ten",
        "dozen",
        "number",  # "increased the number of policemen"
        "strength",
        # containers of people or things: "a mission of observers", "part of the aid"
        "mission",
        "team",
        "group",
        "delegation",
        "part",
        "portion",
        "member",
        # what is done with people or things: "the deployment of peacekeepers"
        "deployment",
        "arrival",
        "presence",
        "entry",
        "half",
        "share",
        "some",
    }
)


def is_passive(verb: Token) -> bool:
    """A passive verb, or a participle that shares one's auxiliary ("were detained and
    deported")."""
    own = any(child.dep_ in {"nsubjpass", "auxpass"} for child in verb.children)
    return own or shared_passive(verb) is not None


_OWN_CLAUSE_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "aux", "auxpass", "dobj"})


def shared_passive(verb: Token) -> Token | None:
    """The passive verb a bare participle is coordinated with and shares its auxiliary
    and subject with ("the migrants were detained in Texas and deported"), or None."""
    if verb.tag_ != "VBN" or verb.dep_ != "conj" or verb.head == verb:
        return None
    if any(child.dep_ in _OWN_CLAUSE_DEPS for child in verb.children):
        return None
    head = verb.head
    return head if is_passive(head) else None


def sharing_passives(verb: Token) -> list[Token]:
    """A passive and the participles that share it, either way round: "were arrested and
    beaten by soldiers" is one passive whose agent acts for both."""
    sharing = shared_passive(verb)
    head = verb if sharing is None else sharing
    return [head, *(c for c in head.conjuncts if shared_passive(c) == head)]


def passive_subjects(verb: Token) -> list[Token]:
    """A passive's subject, the patient of the act: its own or the one it shares, a
    relative pronoun read as the noun it stands for."""
    # "members who have been detained": the members, whatever the tense
    own = [_antecedent(c) for c in verb.children if c.dep_ == "nsubjpass"]
    sharing = shared_passive(verb)
    return own if own or sharing is None else passive_subjects(sharing)


def read_headline_passives(sentence: Span, verbs: frozenset[str]) -> None:
    """Relabel the subject of a headline's passive ("100 protesters killed in Iran
    unrest": a participle of `verbs` with a subject, no auxiliary and no object) as the
    passive subject it is, so every later step reads the roles the right way round."""
    for verb in sentence:
        if verb.tag_ != "VBN" or verb.lemma_.lower() not in verbs:
            continue
        deps = {c.dep_ for c in verb.children}
        if deps & {"aux", "auxpass", "dobj", "nsubjpass"}:
            continue
        for child in verb.children:
            if child.dep_ == "nsubj":
                child.dep_ = "nsubjpass"


def with_conjuncts(token: Token) -> list[Token]:
    """A head and the heads coordinated with it ("Brazil and the United States")."""
    return [token, *(t for t in token.conjuncts if t.pos_ in {"NOUN", "PROPN", "PRON"})]


def antecedent(token: Token) -> Token:
    """What a relative pronoun stands for when its clause tells an act: "police, who
    fired" -> police. A clause in the perfect describes the noun's past ("Sharon, who has
    vowed to annex"): its pronoun stays itself, as does any other word."""
    if token.lower_ in _RELATIVE_PRONOUNS and token.tag_ in {"WP", "WDT"}:
        clause = token.head
        perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in clause.children)
        if clause.dep_ == "relcl" and not perfect:
            return clause.head
    return token


def governors(token: Token) -> Iterator[Token]:
    """Heads above `token` within its clause (see _GOVERNED_DEPS)."""
    current = token
    while current.dep_ in _GOVERNED_DEPS and current.head != current:
        current = current.head
        yield current


def subject_heads(verb: Token) -> list[Token]:
    """The acting subjects of a verb, inherited through control and coordination."""
    split = _split_gerund_holder(verb)
    if split is not None:
        return [split]
    current = verb
    for hop in range(4):  # a few hops cover "X offered to help ... and to ..."
        if is_passive(current):
            # "X was indicted by the court and will resign", "X is expected to agree":
            # the verbs that share a passive's subject act through that subject
            deps = {"nsubjpass"} if hop else {"agent"}
            for child in current.children:
                if child.dep_ not in deps:
                    continue
                if child.dep_ == "nsubjpass":
                    return with_conjuncts(child)
                return [t for c in child.children if c.dep_ == "pobj" for t in with_conjuncts(c)]
            if not hop:  # "recognised as a state by Bangladesh": the agent hung lower
                lower = [t for by in _lower_agents(current) for t in with_conjuncts(by)]
                # "were arrested by police and deported", "arrested and beaten by police"
                shared = [
                    t
                    for verb in sharing_passives(current)
                    for by in verb.children
                    if by.dep_ == "agent"
                    for c in by.children
                    if c.dep_ == "pobj"
                    for t in with_conjuncts(c)
                ]
                return lower or shared
        elif _reduced_passive(current):
            # "protesters killed by police": the participle's own "by" agent acts
            return [
                t
                for c in current.children
                if c.dep_ == "agent"
                for p in c.children
                if p.dep_ == "pobj"
                for t in with_conjuncts(p)
            ]
        else:
            for child in current.children:
                if child.dep_ in ANY_SUBJECT_DEPS:
                    return with_conjuncts(_participle_subject(child))
        if current.dep_ in {"xcomp", "conj", "advcl", "acomp"} and current.head != current:
            current = current.head
            continue
        if _manner_gerund(current):
            # "angered Europe by threatening it with tariffs": who angered, threatened
            current = current.head.head
            continue
        if (
            current.dep_ == "acl"
            and current.tag_ == "VBG"
            and current.head.pos_ == "NOUN"
            and current.head.dep_ == "pobj"
        ):  # "killed in police firing": the police fire (elsewhere such a participle is
            return with_conjuncts(current.head)  # background: "X, operating in Y, said")
        if (
            current.dep_ == "acl"
            and current.tag_ == "VBD"
            and current.head.pos_ in {"NOUN", "PROPN"}
            and current.head.dep_ == "ROOT"
        ):  # "The coalition boycotted the vote" parsed as a noun phrase: a finite verb
            return with_conjuncts(current.head)  # is no reduced relative clause
        break
    return []


def _reduced_passive(verb: Token) -> bool:
    """A participle after its noun, with a "by" agent: "protesters killed by police"."""
    return (
        verb.dep_ == "acl" and verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children)
    )


def _manner_gerund(verb: Token) -> bool:
    """A gerund that tells how a verb's subject did it: "angered X by threatening Y"
    ("ordered him to appear for questioning" is not the subject's act)."""
    return (
        verb.dep_ == "pcomp"
        and verb.tag_ == "VBG"
        and verb.head.lower_ == "by"
        and verb.head.head.pos_ == "VERB"
    )


def _split_gerund_holder(verb: Token) -> Token | None:
    """ "killed in police firing" parsed as "killed in police", "firing", or with
    "police" a compound of "firing": a gerund with no subject of its own, right after the
    noun its head's preposition governs or that modifies it, is that noun's act."""
    if verb.tag_ != "VBG" or verb.i == 0 or any(c.dep_ in ANY_SUBJECT_DEPS for c in verb.children):
        return None
    noun = verb.doc[verb.i - 1]
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    if noun.dep_ == "pobj" and noun.head.head == verb.head:
        return noun
    # "succumbed to the police firing": the gerund read as a noun, its holder a compound
    return noun if noun.dep_ == "compound" and noun.head == verb else None


_RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that"})


def moved_forces(verb: Token, instruments: frozenset[str]) -> list[Token]:
    """ "Police were deployed", "troops have been rushed to the border": with no agent
    named, the forces a passive moves are who acts."""
    if not instruments or not is_passive(verb):
        return []
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    forces = [f for c in subjects if (f := _force_in(c, instruments)) is not None]
    return [t for f in forces for t in with_conjuncts(f)]


def _force_in(head: Token, instruments: frozenset[str]) -> Token | None:
    """The force a subject names, through the amounts and detachments it is "of": "a
    total of 95 companies of paramilitary forces", "a posse of policemen"."""
    for _ in range(3):
        if noun_forms(head) & instruments:
            return head
        of = [p for c in head.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        if not of:
            return None
        head = of[0]
    return None


def _antecedent(word: Token) -> Token:
    """ "Maduro, whom Washington accused": the noun a relative pronoun stands for. (A
    relative pronoun as subject, "Maduro, who vowed ...", stays unresolved: such clauses
    mostly recall the background, not the news.)"""
    if word.lower_ in _RELATIVE_PRONOUNS and word.tag_ in {"WP", "WDT"}:
        clause = word.head
        while clause.dep_ == "conj" and clause.head != clause:
            clause = clause.head
        if clause.dep_ == "relcl" and clause.head.pos_ in {"NOUN", "PROPN"}:
            return clause.head
    return word


def _has_own_object(verb: Token) -> bool:
    """Whether a verb has a direct object other than a relative pronoun."""
    return any(c.dep_ == "dobj" and c.lower_ not in _RELATIVE_PRONOUNS for c in verb.children)


def _gap_antecedent(verb: Token) -> Token | None:
    """The noun a relative clause is about when the verb's object is left out or is a
    relative pronoun: "a victory that the world refuses to recognize", "Maduro, whom
    Washington labeled a dictator and accused of ..." (through coordination and control)."""
    current = verb
    for _ in range(4):
        if _has_own_object(current):
            return None
        if current.dep_ in {"relcl", "acl"} and current.head.pos_ in {"NOUN", "PROPN"}:
            if any(
                c.dep_ in ANY_SUBJECT_DEPS and c.lower_ not in _RELATIVE_PRONOUNS
                for c in current.children
            ):
                return current.head  # the clause has its own subject: the noun is its object
            return None
        if current.dep_ not in {"xcomp", "conj"} or current.head == current:
            return None
        current = current.head
    return None


def _owners(noun: Token, clause: Token | None = None) -> list[Token]:
    """Whose a thing is, by who did something to it: "the proposal (that) Washington put
    forward", "Chavismo claims a victory": the proposal is Washington's, the victory
    Chavismo's. `clause` is the verb being coded, which does not count."""
    verbs = [
        c
        for c in noun.children
        if c.dep_ in {"relcl", "acl"} and c != clause and not _has_own_object(c)
    ]
    if noun.dep_ == "dobj" and noun.head != clause:
        verbs.append(noun.head)
    return [
        s
        for verb in verbs
        for s in verb.children
        if s.dep_ == "nsubj" and s.lower_ not in _RELATIVE_PRONOUNS and s.pos_ in {"NOUN", "PROPN"}
    ]


def _name_read_as_verb(token: Token) -> bool:
    """A capitalised word inside a sentence that the tagger calls a verb but the entity
    recogniser calls a name: "to help Trump hunt down ..." """
    return (
        token.pos_ == "VERB"
        and token.text[:1].isupper()
        and not token.is_sent_start
        and token.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
    )


def _lower_agents(verb: Token) -> list[Token]:
    """ "by X" that the parser hung from the verb's complement instead of the verb."""
    return [
        by_object
        for prep in verb.children
        if prep.dep_ == "prep"
        for complement in prep.children
        if complement.dep_ == "pobj"
        for by in complement.children
        if by.dep_ == "prep" and by.lower_ == "by"
        for by_object in by.children
        if by_object.dep_ == "pobj"
    ]


def _participle_subject(subject: Token) -> Token:
    """ "The Red Cross operating in Iraq said ...": the small model often makes the
    participle the subject and the noun its subject; the noun is who acts."""
    if subject.pos_ == "VERB" and subject.tag_ == "VBG":
        nouns = [c for c in subject.children if c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN"}]
        if nouns:
            return nouns[0]
    return subject


def acted_on(word: Token) -> list[Token]:
    """What a verb or a feeling is about: its objects, the nouns its prepositions
    govern ("welcomed the exchange", "moved by the announcement", "angry at the move")
    and those their own prepositions govern ("an end to the violence")."""
    found = [c for c in word.children if c.dep_ in {"dobj", "nsubjpass"}]
    found += [
        p
        for c in word.children
        if c.dep_ in {"prep", "agent"}
        for p in c.children
        if p.dep_ == "pobj"
    ]
    # "urged an end to the violence", "called for a halt to the fighting"
    found += [
        p
        for noun in list(found)
        for c in noun.children
        if c.dep_ == "prep"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    return found


def object_details(verb: Token) -> list[Token]:
    """The words of a verb's direct object beyond the object and its own modifiers:
    what the object is about ("the notion of a Ukraine channel", "action against
    Russia"), not whose it is ("Kenyan traders", "Algeria's elections")."""
    details = []
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        own = {obj.i} | {
            w.i
            for m in obj.lefts
            if m.dep_ in {"amod", "compound", "poss", "nmod"}
            for w in m.subtree
        }
        details += [w for w in obj.subtree if w.i not in own]
    return details


def object_heads(verb: Token) -> list[Token]:
    """Candidate target heads, best first: passive subject, object, dative, preps.

    Coordinated heads are not expanded here: the coder keeps the first candidate that
    names an actor, with its conjuncts.
    """
    candidates: list[Token] = []
    if is_passive(verb):
        candidates += passive_subjects(verb)
    if _reduced_passive(verb):
        candidates.append(verb.head)  # "protesters killed by police": the protesters
    for child in verb.children:
        if child.dep_ == "dative" and child.pos_ == "ADP":  # "paid tribute to the soldiers"
            candidates += [c for c in child.children if c.dep_ == "pobj"]
        elif child.dep_ in {"dobj", "dative"}:
            candidates.append(_antecedent(child))
    gap = _gap_antecedent(verb)
    if gap is not None:
        clause = next((g for g in (verb, *verb.ancestors) if g.head == gap), None)
        candidates += [gap, *_owners(gap, clause)]
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
            candidates += [c for c in child.children if c.dep_ == "pobj"]
    for obj in [c for c in candidates if c.dep_ == "dobj"]:
        # "dismissed a letter from Maduro to Trump": the author is the target, before
        # the addressee; "the arrest of", "sanctions on" name it too.
        preps = sorted(
            (p for p in obj.children if p.dep_ == "prep" and p.lower_ in _OBJECT_PREPS),
            key=lambda p: _OBJECT_PREPS.index(p.lower_),
        )
        candidates += [c for prep in preps for c in prep.children if c.dep_ == "pobj"]
    for child in verb.children:
        if child.dep_ == "xcomp" and _name_read_as_verb(child):
            candidates.append(child)  # "help Trump hunt down ...": "trump" is no verb here
        if child.dep_ == "xcomp":  # "offered to help the administration (track down ...)"
            candidates += [
                s
                for c in child.children
                if c.dep_ == "ccomp"
                for s in c.children
                if s.dep_ == "nsubj"
            ]
            # "threatened to break relations with Russia": the clause's own targets.
            candidates += object_heads(child)
    # "demanded that the US cancel the sale": whom the demand is made of, last resort.
    clause_subjects = [
        s
        for c in verb.children
        if c.dep_ == "ccomp"
        for s in c.children
        if s.dep_ in {"nsubj", "nsubjpass"}
    ]
    candidates += clause_subjects
    # "hinted that strikes on Venezuela could follow": whom the reported action is aimed
    # at; "allowed deportation flights from the US to continue": whose they are.
    clause_subjects += [
        s
        for c in verb.children
        if c.dep_ == "xcomp"
        for s in c.children
        if s.dep_ in {"nsubj", "nsubjpass"}
    ]
    candidates += [
        p
        for s in clause_subjects
        for prep in s.children
        if prep.dep_ == "prep" and prep.lower_ in _OBJECT_PREPS
        for p in prep.children
        if p.dep_ == "pobj"
    ]
    # "rejected the proposal that Washington put forward": whose the thing is
    candidates += [
        o for c in verb.children if c.dep_ == "dobj" for o in _owners(_antecedent(c), verb)
    ]
    return candidates


_PLACE_PREPS = frozenset({"in", "near", "outside", "from", "off", "along", "across", "inside"})


def place_heads(verb: Token) -> list[Token]:
    """Where an action took place ("protested in Caracas", "lifted the curfew in
    Montenegro", "withdrew from Lebanon", "warships near Venezuelan waters"): the target
    of last resort."""
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return [
        pobj
        for holder in holders
        for prep in holder.children
        if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPS
        for pobj in prep.children
        if pobj.dep_ == "pobj" and _is_place(pobj)
    ]


# Phrases that set the scene of an action rather than say whom it is aimed at.
_CIRCUMSTANCE_PREPS = frozenset(
    {"after", "before", "since", "following", "despite", "during", "amid", "because", "as"}
)
_CIRCUMSTANCE_MARKS = frozenset(
    {"after", "before", "since", "while", "because", "as", "although", "though", "when", "once"}
)


def clause_proper(token: Token) -> set[int]:
    """Indices of the words of `token`'s phrase, without its circumstances: "arrested
    dozens after talks with Uganda" keeps "arrested dozens"."""
    aside: set[int] = set()
    for word in token.subtree:
        if word.i in aside or word == token:
            continue
        circumstance = (word.dep_ == "prep" and word.lower_ in _CIRCUMSTANCE_PREPS) or (
            word.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ in _CIRCUMSTANCE_MARKS for c in word.children)
        )
        if circumstance:
            aside |= {w.i for w in word.subtree}
    return {w.i for w in token.subtree} - aside


def is_locative(noun: Token) -> bool:
    """A named place an action happens in: "arrested in Caracas", "clashes near Goma"."""
    return (
        noun.dep_ == "pobj"
        and noun.head.dep_ == "prep"
        and noun.head.lower_ in _PLACE_PREPS
        and noun.ent_type_ in {"GPE", "LOC", "FAC"}
    )


def _is_place(noun: Token) -> bool:
    """A named place, or a stretch of a country named by its adjective ("the Venezuelan
    coast", "Ukrainian territory")."""
    if noun.ent_type_ in {"GPE", "LOC", "FAC"}:
        return True
    return noun.pos_ == "NOUN" and any(
        c.dep_ in {"amod", "compound"} and c.ent_type_ in {"NORP", "GPE"} for c in noun.children
    )


# Prepositions that set an act in time or circumstance: "withdrew after a plan was
# agreed" withdraws no plan ("designated as", "because of" still say what was done).
SETTING_PREPS = (_CIRCUMSTANCE_PREPS - {"because", "as"}) | {"until"}


def prep_objects_of(noun: Token) -> list[Token]:
    """What an event noun is "of": "the execution of a warrant" -> warrant."""
    return [
        pobj
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def misread_object(verb: Token, noun: Token) -> bool:
    """A noun phrase right after a verb and its particle that the parser read as an
    adverbial: "police stepped up vigil", "staged a flag march"; not a time ("met
    Tuesday")."""
    if noun.dep_ != "npadvmod" or noun.pos_ != "NOUN" or noun.ent_type_ in {"DATE", "TIME"}:
        return False
    after = max([verb.i, *(c.i for c in verb.children if c.dep_ == "prt")]) + 1
    return noun.left_edge.i == after


def misread_holder(gerund: Token) -> Token | None:
    """The noun right before an event gerund the parser split from it: in "killed in
    police firing" it may read "police" as the object of "in" and "firing" as a clause
    of its own."""
    if (
        gerund.tag_ != "VBG"
        or gerund.i == 0
        or any(c.dep_ in ANY_SUBJECT_DEPS for c in gerund.children)
    ):
        return None
    before = gerund.doc[gerund.i - 1]
    if before.pos_ not in {"NOUN", "PROPN"} or before.head == gerund or before.sent != gerund.sent:
        return None
    return before


def noun_holders(noun: Token) -> list[Token]:
    """Who an event noun belongs to: its modifiers ("US strikes", "the workers' strike")
    and its agent ("strikes by US forces", "the demonstration called by the opposition")."""
    holders = [c for c in noun.children if c.dep_ in {"poss", "compound", "amod"}]
    holders += [c for h in holders for c in h.conjuncts]  # "Chinese and Russian strikes"
    if (split := misread_holder(noun)) is not None:
        holders.append(split)
    clauses = [noun, *(c for c in noun.children if c.dep_ == "acl")]
    if noun.dep_ == "nsubjpass":  # "a search was carried out by the police"
        clauses.append(noun.head)
    return holders + [
        p
        for clause in clauses
        for c in clause.children
        if c.dep_ == "agent" or c.lower_ == "by"
        for p in c.children
        if p.dep_ == "pobj"
    ]


def lemma_of(token: Token) -> str:
    return token.lemma_.lower()


def noun_forms(token: Token) -> set[str]:
    """The lemma, and the lemma with its compound/adjective ("phone call", "air defense");
    for a quantity, what it measures ("25,000 tons of food aid" -> aid)."""
    forms = {lemma_of(token), token.lower_}
    if token.lemma_.lower() in _MEASURES or token.pos_ in {"NUM", "SYM"}:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        forms |= noun_forms(pobj)
    for child in token.children:
        if child.dep_ in {"compound", "amod"} and child.i == token.i - 1:
            forms.add(f"{child.lower_} {lemma_of(token)}")
        if child.dep_ == "nummod" and child.lower_ in {"million", "billion"}:
            forms.add(child.lower_)
    return forms


def speaker_heads(token: Token, speech_verbs: frozenset[str]) -> list[Token]:
    """Who said it: the subject of the speech verb a clause hangs from ("X said Y must")."""
    for head in governors(token):
        if head.lemma_.lower() in speech_verbs:
            return subject_heads(head)
    return []


def sentence_speakers(sentence: Span, speech_verbs: frozenset[str]) -> list[Token]:
    """Who speaks a sentence: the subject of the speech verb it hangs from or ends with
    ("'We call for calm,' the minister said")."""
    for token in sentence:
        if token.lemma_.lower() in speech_verbs and token.dep_ in {"ROOT", "parataxis"}:
            heads = subject_heads(token)
            if heads:
                return heads
    return []


def main_action(sentence: Span, speech_verbs: frozenset[str]) -> Token | None:
    """The verb a sentence is about: its root, or what its speech verb reports
    ("X said Y attacked Z" -> attacked). None when the root is not a verb."""
    verb = sentence.root
    while verb.lemma_.lower() in speech_verbs:
        clauses = [c for c in verb.children if c.dep_ in {"ccomp", "xcomp"} and c.pos_ == "VERB"]
        if not clauses:
            break
        verb = clauses[0]
    return verb if verb.pos_ == "VERB" else None


def tells_a_clause(verb: Token) -> bool:
    """Whether a verb has a clause for what it tells ("the town is calm, police said")."""
    return any(c.dep_ == "ccomp" for c in verb.children)


def source_heads(sentence: Span) -> list[Token]:
    """Who the sentence cites: X in "according to X"."""
    for token in sentence:
        if token.lower_ == "according":
            for to in (c for c in token.children if c.lower_ == "to"):
                return [c for c in to.children if c.dep_ == "pobj"]
    return []


def belongs_to_him_or_her(head: Token) -> bool:
    """ "his government", "advisers in her cabinet", "businessmen from his circle"."""
    holders = [head] + [
        p
        for c in head.children
        if c.dep_ == "prep" and c.lower_ in {"in", "from", "of", "within", "around"}
        for p in c.children
        if p.dep_ == "pobj"
    ]
    return any(c.dep_ == "poss" and c.lower_ in {"his", "her"} for h in holders for c in h.children)
