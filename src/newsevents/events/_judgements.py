"""Events told as an adjective: a feeling about someone, or a verdict on them.

"We are pleased with the agreement" (SUPPORT), "Cairo was angry at the decision"
(ACCUSE): a feeling (`[feelings]` in verbs.toml) is held by the copula's subject and
aimed at what its preposition names. "'The blockade is illegal,' the minister said"
(ACCUSE): a verdict (`[verdicts]`) is the speaker's, aimed at the copula's subject.
Either is an event only when it is aimed at an actor the text names (the coder checks:
`Trigger.needs_target`). A force told as vigilant or on alert is in a raised alert
(`[postures]`): "the police are on alert", "policemen were asked to remain vigilant".
"""

from __future__ import annotations

from spacy.tokens import Token

from newsevents.events import _syntax as syn
from newsevents.events._patterns import Pattern, PatternBook

_CONFIDENCE = 0.5  # an adjective is a weaker sign than a verb of the act
# What a feeling is about: "pleased with", "angry at", "concerned about", "moved by",
# "critical of", "hostile to"
_ABOUT_PREPS = frozenset({"with", "at", "about", "over", "by", "toward", "towards", "of", "to"})
_COPULAS = frozenset({"be", "remain", "stay"})  # "remain vigilant", "are on alert"


def judgement_roles(
    adjective: Token, book: PatternBook
) -> tuple[Pattern, list[Token], list[Token]] | None:
    """The pattern, actor words and target words of a predicate adjective that names a
    feeling or a verdict, if it is one."""
    if adjective.pos_ != "ADJ" or adjective.dep_ != "acomp":
        return None
    lemma = adjective.lemma_.lower()
    copula = adjective.head
    subjects = syn.subject_heads(copula)
    if lemma in book.feelings:
        about = [
            obj
            for prep in adjective.children
            if prep.dep_ == "prep" and prep.lower_ in _ABOUT_PREPS
            for obj in prep.children
            if obj.dep_ == "pobj"
        ]
        return Pattern(book.feelings[lemma], confidence=_CONFIDENCE), subjects, about
    if lemma in book.verdicts:
        speakers = syn.speaker_heads(copula, book.speech_verbs) or syn.sentence_speakers(
            adjective.sent, book.speech_verbs
        )
        if not speakers:
            return None  # the writer's own verdict is no event
        return Pattern(book.verdicts[lemma], confidence=_CONFIDENCE), speakers, subjects
    return None


def posture_roles(word: Token, book: PatternBook) -> tuple[Pattern, Token] | None:
    """The pattern and the copula of a force told as in a posture of `[postures]`: an
    adjective ("remain vigilant") or a noun after "on" ("are on high alert"), said of a
    subject the table lists ("residents should stay alert" is no alert of the state)."""
    pattern = book.posture
    if pattern is None:
        return None
    if word.pos_ == "ADJ" and word.dep_ == "acomp":
        key, copula = word.lemma_.lower(), word.head
    elif word.pos_ == "NOUN" and word.dep_ == "pobj" and word.head.lower_ == "on":
        key, copula = f"on {word.lemma_.lower()}", word.head.head
    else:
        return None
    if key not in book.posture_words or copula.lemma_.lower() not in _COPULAS:
        return None
    who = {t.lemma_.lower() for s in syn.subject_heads(copula) for t in s.subtree}
    return (pattern, copula) if who & pattern.subjects else None
