"""Resolve the noun phrase around a parse token to an actor, on a given date."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span, Token

from newsevents.actors._dictionary import (
    CAPITAL_SOURCE,
    ActorDictionary,
    RoleSpan,
    fold,
    load_dictionary,
)
from newsevents.actors._heads import HeadWords, head_words
from newsevents.model import Actor, ActorMention

# Dependents that belong to a mention ("the so-called Venezuelan Cartel of the Suns").
_LEFT_DEPS = {"det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "case", "punct"}
_RIGHT_DEPS = {"appos", "flat", "case"}


@dataclass(frozen=True, slots=True)
class _Match:
    start: int  # token indices in the Doc, end exclusive
    end: int
    actor: Actor


def _phrase_tokens(head: Token) -> list[Token]:
    """The head with its modifiers, appositions and `of` complements, in order."""
    tokens = [head]
    for child in head.children:
        if (
            (child.i < head.i and child.dep_ in _LEFT_DEPS)
            or (child.i > head.i and child.dep_ in _RIGHT_DEPS)
            or (child.dep_ == "prep" and child.lower_ == "of")
        ):
            tokens.extend(child.subtree)
    return sorted(set(tokens), key=lambda t: t.i)


_FORCE_SECTORS = frozenset({"COP", "MIL"})
_ARMED_GROUPS = frozenset({"REB", "CRM"})  # armed, and no state's


def _objects_of(head: Token) -> list[Token]:
    """What a noun is "of": "companies of the SRP", "superintendent of police"."""
    return [
        o
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for o in prep.children
        if o.dep_ == "pobj"
    ]


FORMER_SECTOR = "ELI"  # a person out of office: elite, not their last office
# "(D-Minn.)", ", R-S.C.": a party letter and a state right after a name
_PARTY_TAG = re.compile(r"\s*[,(]\s*([A-Za-z])\s*-\s*([A-Za-z][A-Za-z.]*)")
_TAG_TOKENS = 9  # ", D-N.Y." and "(R-Texas)" take at most 8 tokens
# who such a tag names (`us_state_tags`): a member of the US Congress
_TAGGED_COUNTRY, _TAGGED_SECTOR = "USA", "LEG"


def _pick_role(roles: list[RoleSpan], when: date | None) -> RoleSpan:
    """The role valid on `when`; after the roles have ended, the former office holder
    (`_former`); before the first one, or without a date, the open-ended or latest role
    (an undated "Scholz" is still the chancellor the dictionary knows him as)."""
    if when is not None:
        valid = [role for role in roles if role.valid_on(when)]
        if valid:
            return max(valid, key=lambda r: r.start or date.min)
        ended = [role for role in roles if role.end is not None and role.end <= when]
        if ended:
            return _former(max(ended, key=lambda r: r.end or date.min), roles)
    open_ended = [role for role in roles if role.end is None]
    return max(open_ended or roles, key=lambda r: r.start or date.min)


def _former(last: RoleSpan, roles: list[RoleSpan]) -> RoleSpan:
    """<country>ELI from the end of `last`: the country of that role, else of another
    role of the same person; an IGO official with no country keeps the IGO code."""
    country = last.country or next(
        (r.country for r in roles if r.name == last.name and r.country), None
    )
    if country is None:
        return last
    return RoleSpan(last.name, country, FORMER_SECTOR, last.end, None, last.qid)


def _is_igo(actor: Actor) -> bool:
    return actor.sector == "IGO" and actor.country is None


class ActorResolver:
    """Turns parse tokens into `ActorMention`s using the actor dictionaries."""

    def __init__(
        self,
        dictionary: ActorDictionary | None = None,
        place_country: Callable[[str], str | None] | None = None,
        heads: HeadWords | None = None,
    ) -> None:
        self.dictionary = dictionary or load_dictionary()
        self.heads = heads or head_words()
        # name -> country of a sub-national place ("Gujarat" -> IND); the gazetteer's
        # by default, loaded on first use
        self._place_country = place_country
        self._surnames: dict[str, set[str | None]] | None = None  # built on first use

    def _titled_surname(self, head: Token) -> bool:
        """A name given by its surname after a title only ("President Bush"), not a
        full name the dictionary does not know ("President Jane Doe")."""
        names = [c for c in head.children if c.dep_ in {"compound", "flat"}]
        return (
            head.pos_ == "PROPN"
            and bool(names)
            and all(self.dictionary.agent(c.lower_) is not None for c in names)
        )

    def _surname_country(self, surname: str) -> str | None:
        """The one country of every person in our dictionary with this surname, for a
        titled name the dictionary has only in full ("President Bush", "Chancellor
        Merkel"); None when people of several countries share it."""
        if self._surnames is None:
            index: dict[str, set[str | None]] = {}
            for name, roles in self.dictionary.named.items():
                words = name.split()
                if len(words) > 1:
                    index.setdefault(words[-1], set()).update(r.country for r in roles)
            self._surnames = index
        countries = self._surnames.get(fold(surname), set())
        return next(iter(countries)) if len(countries) == 1 else None

    def place_country(self, name: str) -> str | None:
        """The country a division, region or big city belongs to, through the gazetteer."""
        if self._place_country is None:
            from newsevents.place import subnational_country  # the place stage uses us

            self._place_country = subnational_country
        return self._place_country(name)

    def resolve(
        self, head: Token, when: date | None, *, allow_possessor: bool = False
    ) -> ActorMention | None:
        """The actor the phrase headed by `head` names, or None when it names none."""
        if head.lower_ in self.heads.quantities or head.pos_ == "NUM":
            # "Thousands of Nigerians", "two of the suspects": the group is the actor.
            members = [
                p for c in head.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"
            ]
            if members:
                return self.resolve(members[0], when, allow_possessor=allow_possessor)
        if head.lemma_.lower() in self.heads.force_units:
            force = self._force_of(head, when)
            if force is not None:
                return force
        if head.lemma_.lower() in self.heads.carriers:
            # "boats carrying suspected criminals": a vehicle stands for who it carries
            for clause in head.children:
                if clause.dep_ == "acl" and clause.lemma_.lower() in self.heads.carrying_verbs:
                    for cargo in clause.children:
                        if cargo.dep_ == "dobj":
                            carried = self.resolve(cargo, when)
                            if carried is not None:
                                return carried
        phrase = _phrase_tokens(head)
        actor = self._named_or_place(head, phrase, when) or self._agent(head, phrase, when)
        if actor is not None and head.lemma_.lower() in self.heads.leaders:
            actor = self._leader_of(head, when) or actor
        if actor is None:  # "Jane Doe, Algeria's leading rights activist": the apposition
            for child in head.children:
                if child.dep_ == "appos" and child.pos_ in {"NOUN", "PROPN"}:
                    agent = self._agent(child, _phrase_tokens(child), when)
                    if agent is not None and child.lemma_.lower() in self.heads.leaders:
                        agent = self._leader_of(child, when) or agent
                    if agent is not None:
                        actor = agent
                        break
        if actor is None and allow_possessor:
            for child in head.children:
                if child.dep_ in {"poss", "prep"} and (
                    child.dep_ == "poss" or child.lower_ == "of"
                ):
                    target = (
                        child
                        if child.dep_ == "poss"
                        else next((c for c in child.children if c.dep_ == "pobj"), None)
                    )
                    if target is not None:
                        return self.resolve(target, when)
        if actor is None:
            return None
        doc = head.doc
        start, end = phrase[0].i, phrase[-1].i + 1
        span = doc[start:end]
        return ActorMention(span.text, span.start_char, span.end_char, actor)

    def _force_of(self, unit: Token, when: date | None) -> ActorMention | None:
        """The force a detachment ("companies of the SRP") is "of", if it is one."""
        # "a team of the ATS, the town police and the railway police": any of them
        for member in (m for c in _objects_of(unit) for m in (c, *c.conjuncts)):
            force = self.resolve(member, when)
            if force is not None and force.actor.sector in _FORCE_SECTORS:
                return force
        return None

    def country_actor(self, iso3: str) -> Actor:
        """The bare country `iso3`, no sector: a place, or a state as a whole."""
        return Actor(self.dictionary.country_names.get(iso3, iso3), iso3)

    def resolve_name(self, name: str, when: date | None = None) -> Actor | None:
        """Look up a bare name (a person, organisation, country or capital)."""
        roles = self.dictionary.roles(name, imported=False)
        if roles:
            return self._from_role(_pick_role(roles, when))
        entry = self.dictionary.country(name)
        if entry is not None:
            sector = "GOV" if entry.kind == CAPITAL_SOURCE else None
            return Actor(entry.name, entry.iso3, sector)
        roles = self.dictionary.roles(name)  # an imported (Phoenix) name, after ours
        return self._from_role(_pick_role(roles, when)) if roles else None

    def countries_in(
        self, tokens: Sequence[Token] | Span, when: date | None
    ) -> list[tuple[int, str]]:
        """Every country a run of tokens names, directly or through a person, group,
        demonym or place, as (first token index, ISO3)."""
        tokens = list(tokens)
        named = [
            (m.start, m.end, m.actor.country)
            for m in self._matches(tokens, when)
            if not (tokens and self._surname_of_person(tokens[0].doc[m.start], m))
        ]
        places = self._places_in(tokens)
        found = [  # "Wales" inside "New South Wales" is not Britain
            (start, country)
            for start, end, country in named
            if country
            and not any(a <= start and end <= b and b - a > end - start for a, b, _ in places)
        ]
        found += [
            (start, country)
            for start, end, country in places
            if not any(a <= start and end <= b for a, b, _ in named)
        ]
        return sorted(found)

    _PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

    def _places_in(self, tokens: list[Token]) -> list[tuple[int, int, str]]:
        """Sub-national places among the tokens, through the gazetteer ("in Queensland",
        "in New South Wales"), as (start, end, ISO3)."""
        if not tokens:
            return []
        indices = {t.i for t in tokens}
        found = []
        for entity in tokens[0].doc.ents:
            if entity.label_ in self._PLACE_LABELS and entity.start in indices:
                country = self.place_country(entity.text.removeprefix("the "))
                if country is not None:
                    found.append((entity.start, entity.end, country))
        return found

    # -- the pieces ---------------------------------------------------------------

    def _leader_of(self, head: Token, when: date | None) -> Actor | None:
        """ "the gang's main leader", "the leader of the rebels": a leader belongs to the
        sector of what they lead, when that is not a state."""
        owners = [c for c in head.children if c.dep_ == "poss"] + [
            p for c in head.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"
        ]
        for owner in owners:
            if owner.pos_ == "PRON":
                continue
            mention = self.resolve(owner, when)
            if mention is not None and mention.actor.sector not in {None, "GOV", "MIL", "LEG"}:
                return mention.actor
        return None

    def _from_role(self, role: RoleSpan) -> Actor:
        return Actor(role.name, role.country, role.sector, role.qid)

    def _matches(self, tokens: list[Token], when: date | None) -> list[_Match]:
        """Longest dictionary matches over runs of adjacent tokens, left to right."""
        matches: list[_Match] = []
        if not tokens:
            return matches
        doc = tokens[0].doc
        indices = [t.i for t in tokens]
        position, limit = 0, self.dictionary.max_name_tokens
        while position < len(indices):
            start = indices[position]
            found: _Match | None = None
            first = doc[start].text
            if not (first[:1].isupper() or first in self.dictionary.lower_first_words):
                position += 1
                continue
            for length in range(min(limit, len(indices) - position), 0, -1):
                end = start + length
                if indices[position + length - 1] != end - 1:
                    continue  # not a contiguous run of the phrase
                text = doc[start:end].text
                if text.endswith(("'s", "’s")):
                    text = text[:-2]
                actor = self.resolve_name(text, when)
                if actor is not None:
                    found = _Match(start, end, actor)
                    break
            if found is not None:
                matches.append(found)
                position += found.end - found.start
            else:
                position += 1
        return matches

    def _named_or_place(self, head: Token, phrase: list[Token], when: date | None) -> Actor | None:
        """A dictionary name or place that covers the head word itself; not a country
        that is a person's surname ("Rep. Jim Jordan" is no Jordanian)."""
        matches = self._matches(phrase, when)
        for match in matches:
            if match.start <= head.i < match.end:
                if self._surname_of_person(head, match):
                    continue
                for before in matches:  # "U.N. mediator Diego Cordovez": for the U.N.
                    if before.end <= match.start and _is_igo(before.actor):
                        return before.actor
                if when is None:  # "President Bush" in an undated text: Bush in office
                    return self._titled_role(phrase, match) or match.actor
                return match.actor
        return None

    def _surname_of_person(self, head: Token, match: _Match) -> bool:
        """A country's name read as the last word of a person's name the model tags as
        one: "Jim Jordan", "Michael Chad" (the country is named alone or as a place)."""
        if head.ent_type_ != "PERSON" or match.end - match.start != 1:
            return False
        given = head.doc[match.start - 1] if match.start else None
        return (
            given is not None
            and given.head == head
            and given.dep_ in {"compound", "flat"}
            and given.ent_type_ == "PERSON"
            and self.dictionary.country(head.doc[match.start].text) is not None
        )

    def _titled_role(self, phrase: list[Token], match: _Match) -> Actor | None:
        """The role a title before the name points to ("President", "General")."""
        doc = phrase[0].doc
        if any(t.i < match.start and t.lower_ in self.heads.former for t in phrase):
            return None  # "former President Ben Bella": not the office, the person
        titles = {
            hit[0]
            for token in phrase
            if token.i < match.start and (hit := self.dictionary.agent(token.lower_))
        }
        name = doc[match.start : match.end].text.removesuffix("'s").removesuffix("’s")
        roles = [r for r in self.dictionary.roles(name) if r.sector in titles]
        return self._from_role(max(roles, key=lambda r: r.start or date.min)) if roles else None

    def _agent_sector(self, head: Token, phrase: list[Token]) -> str | None:
        """The sector named by the head noun, trying multi-word terms first."""
        left = [
            t for t in phrase if (t.i <= head.i and t.dep_ in {"compound", "amod"}) or t == head
        ]
        led = self._modifier_sector(left) if head.lemma_.lower() in self.heads.leaders else None
        if led is not None:  # "drug gang leaders" lead a gang, not a state
            return led
        for size in range(min(3, len(left)), 0, -1):
            words = left[-size:]
            if words[-1] != head:
                continue
            exact = " ".join(t.lower_ for t in words)
            for form in (
                # as written, with a hyphenated modifier whole: "para-military forces"
                head.doc[words[0].left_edge.i : head.i + 1].text.lower(),
                exact,
                " ".join([*(t.lower_ for t in words[:-1]), head.lemma_.lower()]),
                exact.removesuffix("s"),  # "Farmers" first in a sentence, taken for a name
            ):
                hit = self.dictionary.agent(form)
                if hit is not None:
                    return hit[0]
        lemma = head.lemma_.lower()
        if lemma in self.heads.collectives or lemma in self.heads.held_places:
            # "opposition groups", "a police checkpoint": the modifier's kind
            collective = self._modifier_sector(left)
            if collective is not None:
                return collective
        if head.pos_ == "PROPN":  # an unknown name with a title: "Prime Minister Jane Doe"
            titles = [t for t in phrase if t.i < head.i and t.dep_ in {"compound", "amod"}]
            for size in (3, 2, 1):
                for start in range(len(titles) - size + 1):
                    hit = self.dictionary.agent(
                        " ".join(t.lower_ for t in titles[start : start + size])
                    )
                    if hit is not None:
                        return hit[0]
        return None

    def _office_of_force(self, head: Token, sector: str | None) -> str | None:
        """An office held in a force is of the force: "superintendent of police",
        "commissioner of police" (COP), "chief of army staff" (MIL). The force decides
        over a rank the word alone would give: a "director general of police" is no
        soldier."""
        offices = {None, "GOV", *_FORCE_SECTORS}
        if sector not in offices or head.lemma_.lower() not in self.heads.force_offices:
            return sector
        for force in _objects_of(head):
            hit = self.dictionary.agent(force.lemma_.lower()) or self.dictionary.agent(force.lower_)
            if hit is not None and hit[0] in _FORCE_SECTORS:
                return hit[0]
        return sector

    def _modifier_sector(self, left: list[Token]) -> str | None:
        """The sector a modifier of the head names ("gang" in "gang leaders"), nearest first."""
        for modifier in reversed(left[:-1]):
            hit = self.dictionary.agent(modifier.lower_)
            if hit is not None:
                return hit[0]
        return None

    def _by_modifier(self, head: Token, phrase: list[Token], when: date | None) -> Actor | None:
        """A group named through its modifier: "the al-Qaeda network", "the Turkish side".

        Only direct modifiers of the head count, not a complement ("the brother of X").
        """
        modifiers = [t for t in phrase if t.head == head and t.dep_ in {"compound", "amod", "nmod"}]
        modifiers += [c for t in modifiers for c in t.conjuncts if c.dep_ == "conj"]
        # a modifier's own words complete a name: "the al-Qaeda network", "the Palestinian
        # Islamic Jihad movement"
        words = sorted({w for t in modifiers for w in t.subtree if w != head}, key=lambda t: t.i)
        matches = [m for m in self._matches(words, when) if not self._inside_name(m, words)]
        for match in matches:
            if self.dictionary.roles(head.doc[match.start : match.end].text):
                return match.actor  # a named organisation or person modifies the head
        for match in matches:  # else a country or demonym: the country
            return Actor(match.actor.name, match.actor.country, None)
        return None

    def _inside_name(self, match: _Match, words: list[Token]) -> bool:
        """Whether a match is the tail of a longer name the dictionary does not know:
        "Security Council" in "a National Security Council official" is not the U.N.'s.
        A country or demonym before it is no such name ("the Palestinian Islamic Jihad")."""
        doc = words[0].doc
        before = doc[match.start - 1] if match.start > 0 else None
        return (
            before is not None
            and before in words
            and before.pos_ == "PROPN"
            and before.text[:1].isupper()
            and self.dictionary.country(before.text) is None
        )

    def _us_party_tag(self, head: Token) -> bool:
        """Whether a name is followed by a US party-and-state tag: "Rep. Ilhan Omar
        (D-Minn.)", "Sen. Lindsey Graham, R-S.C."."""
        if head.pos_ != "PROPN":
            return False
        # the few words after the name: Doc.text would rebuild the whole text each time
        after = head.doc[head.i + 1 : head.i + _TAG_TOKENS]
        tag = _PARTY_TAG.match(head.whitespace_ + after.text)
        return (
            tag is not None
            and tag[1].lower() in self.heads.us_party_letters
            and tag[2].replace(".", "").lower() in self.heads.us_state_tags
        )

    def _subnational(self, head: Token, phrase: list[Token]) -> str | None:
        """The country of a place that modifies the head: the longest run of capitalised
        words before it that the gazetteer knows ("New York State Attorney General")."""
        words = [t for t in phrase if t.i < head.i and t.dep_ != "det"]
        for size in range(min(4, len(words)), 0, -1):
            for first in range(len(words) - size + 1):
                run = words[first : first + size]
                if run[-1].i - run[0].i != size - 1 or not run[0].text[:1].isupper():
                    continue
                # a name, not an adjective that is also one: "Western hostages"; nor
                # the person's own name ("Congresswoman Alexandria Ocasio-Cortez")
                if any(t.pos_ == "ADJ" for t in run) or (
                    head.ent_type_ == "PERSON" and any(t.ent_type_ == "PERSON" for t in run)
                ):
                    continue
                text = head.doc[run[0].i : run[-1].i + 1].text
                country = self.place_country(text.removesuffix("'s").removesuffix("’s"))
                if country is not None:
                    return country
        return None

    def _agent(self, head: Token, phrase: list[Token], when: date | None) -> Actor | None:
        """A generic agent ("Venezuelan authorities", "Maduro's government", "US forces")."""
        if head.pos_ not in {"NOUN", "PROPN"}:
            return None
        sector = self._office_of_force(head, self._agent_sector(head, phrase))
        tagged = self._us_party_tag(head)
        if sector is None and tagged:
            sector = _TAGGED_SECTOR
        if sector is None:
            return self._by_modifier(head, phrase, when)
        if any(t.i < head.i and t.lower_ in self.heads.former for t in phrase):
            sector = FORMER_SECTOR  # "a former minister", "former dictator Idi Amin"
        named = self._by_modifier(head, phrase, when)
        if named is not None and named.sector == "IGO":
            return named  # "U.N. mediator", "EU envoys": the organisation's people
        if named is not None and named.sector in _ARMED_GROUPS and sector in _FORCE_SECTORS:
            return named  # "Houthi drones", "Hamas rockets": the group's, not a state's
        country = None
        for match in self._matches([t for t in phrase if t != head], when):
            if match.actor.country:
                country = match.actor.country
                break
        if country is None:
            for token in phrase:
                if token.dep_ in {"amod", "compound"} and token.text[:1].isupper():
                    entry = self.dictionary.country(token.text)
                    if entry is not None:
                        country = entry.iso3
                        break
        if country is None:  # "rebels in the Ivory Coast", "demonstrators in Baghdad"
            places = [
                p
                for c in head.children
                if c.dep_ == "prep" and c.lower_ == "in"
                for p in c.children
                if p.dep_ == "pobj"
            ]
            for match in self._matches([t for p in places for t in p.subtree], when):
                country = match.actor.country
                break
        if country is None and tagged:
            country = _TAGGED_COUNTRY
        if country is None:  # "Gujarat police", "California's regulators"
            country = self._subnational(head, phrase)
        if country is None and self._titled_surname(head):  # "President Bush": whichever
            country = self._surname_country(head.text)  # Bush, the country tells
        name = self.dictionary.country_names.get(country, country) if country else None
        label = f"{name} {sector}" if name else sector
        return Actor(label, country, sector)
