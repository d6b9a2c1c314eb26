"""The date of one event, read from the parse: the date expression of the event's own
clause; else a measured time from the act its clause hangs on ("a day after the Taliban
swapped hostages"); else the expression of the clause that governs it; else the date
the text last set, for an act told in the past (or a statement reported in the past):
the background a sentence opened with ("In May, ..."), else the story's day; else the
article's day.

A sentence often holds dates of several acts: "the Arab League condemned the move
announced on Monday" dates the announcement, not the condemnation; "arrested in April
for a March 21 phone call" dates the arrest in April. An expression inside another
clause (relative, complement, a conjoined verb) or modifying another noun does not date
the event; one in a clause that says when ("soon after the hearing ended on Tuesday")
does."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Span, Token

from newsevents.events import _modality as mod
from newsevents.events import _syntax as syn
from newsevents.events._context import DocContext
from newsevents.model import EventDate
from newsevents.time import (
    Dated,
    dated_expressions,
    event_date_within,
    load_vocabulary,
    measured_date,
    publication_date,
    resolve_expression,
)

# Dependencies that open a clause of its own below the word they hang on.
_CLAUSES = frozenset({"relcl", "acl", "ccomp", "xcomp", "csubj", "csubjpass", "advcl"})
# What a trigger may sit in and still be dated by the clause above it: a background
# relative clause ("the move, which Washington announced") is not.
_BACKGROUND = frozenset({"relcl", "acl"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# Auxiliaries of a verb told in the present: "How is the plague spread?"
_PRESENT_AUX = frozenset({"is", "are", "am", "'s", "'re", "do", "does"})
# Words between a verb and a date it governs for the parse to be trusted: attaching a
# sentence-final date to the nearest embedded verb ("gunmen wearing uniforms in the
# capital in August 2016") is the commonest parsing error.
_NEAR = 3
_QUOTES = ('"', "\u201c", "\u201d")  # straight and curly: texts mix them in one quote
# Rank of granularities, most specific first, as in newsevents.time.
_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "range": 4, None: 5}
STORY_DAY_SPAN = 3  # days an interval may cover and still be the story's day (a weekend)
STORY_DAY_WINDOW = 7  # days before publication a named day may be the story's day
# Sentences after one that opens with a date ("In May, ...") that it may still date:
# a background is told in a few sentences, and a long one dates itself again.
FRAME_SENTENCES = 2


def sentence_dates(sentence: Span, context: DocContext, tense: str) -> list[Dated]:
    """The date expressions of a sentence, resolved once per sentence and tense."""
    anchor = context.anchor
    key = (sentence.text, tense, (anchor.start, anchor.end) if anchor else None)
    if key not in context.sentence_dates:
        hints = [e.text for e in sentence.ents if e.label_ == "DATE"]
        context.sentence_dates[key] = dated_expressions(
            sentence.text,
            context.published,
            tense=tense,  # type: ignore[arg-type]
            hints=hints,
            last=context.anchor,
        )
    return context.sentence_dates[key]


def _root(sentence: Span, dated: Dated) -> Token | None:
    """The head word of an expression: the token of its span whose head lies outside."""
    start, end = sentence.start_char + dated.start, sentence.start_char + dated.end
    tokens = [t for t in sentence if t.idx < end and t.idx + len(t) > start]
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in inside or t.head == t), None)


def _opens_temporal(clause: Token) -> bool:
    marks = load_vocabulary().temporal_marks
    return any(c.dep_ in {"mark", "advmod"} and c.lower_ in marks for c in clause.children)


def _released(clause: Token) -> bool:
    """A participle saying when what a statement was made in came out: "(said) in a letter
    posted on Tuesday", "in a video released Sunday"; not "tweets supporting Johnson"."""
    noun = clause.head
    return (
        clause.dep_ == "acl"
        and clause.tag_ == "VBN"
        and noun.dep_ == "pobj"
        and noun.lemma_.lower() in load_vocabulary().statement_nouns
    )


def reach(expression: Token, trigger: Token) -> tuple[int, int] | None:
    """How closely a date expression belongs to a trigger's act: (0, distance) in its own
    clause, (1, distance) in a clause that says when or that governs it, or as a
    modifier of one of its nouns; None when it dates some other act."""
    up = [expression, *expression.ancestors]
    above = [trigger, *trigger.ancestors]
    meet = next((t for t in up if t in above), None)
    if meet is None:
        return None
    below_meet = above[: above.index(meet)]
    if any(t.dep_ in _BACKGROUND for t in below_meet):
        return None  # the act is background to the clause the date is in
    distance = up.index(meet) + len(below_meet)
    level = 0 if meet == trigger else 1
    for word in up[1 : up.index(meet)]:
        if word.dep_ == "conj" and word.pos_ in {"VERB", "AUX"}:
            level = 1  # "were arrested and sent in March": likely both, unless told
        elif word.dep_ == "pcomp":
            level = 1  # a clause a preposition holds: "with hundreds arrested in March"
        elif _released(word):
            level = 1  # "said in a letter posted on Tuesday": the statement's day
        elif word.dep_ in _CLAUSES:
            if _measure_of(word) is not None:
                return None  # "a day after X did Y on Monday": Monday is Y's, not X's
            temporal = word.dep_ == "advcl" and _opens_temporal(word)
            if not temporal and abs(word.i - expression.i) <= _NEAR:
                return None
            level = 1  # far from the clause's verb, the attachment is a parser's guess
        elif word.pos_ in _NOUNS:
            if meet != trigger:
                return None
            level = 1  # "arrested for a March 21 phone call": the call's date
    return level, distance


def _own(expression: Token, trigger: Token) -> bool:
    """Whether a date expression is in the trigger's own clause."""
    closeness = reach(expression, trigger)
    return closeness is not None and closeness[0] == 0


def _quoted(sentence: Span, at: int) -> bool:
    """Whether the character `at` of a sentence is inside quotation marks; a quotation
    may open in an earlier sentence of the paragraph."""
    before = sentence.doc.text[: sentence.start_char + at]
    return sum(before.count(q) for q in _QUOTES) % 2 == 1


def _best(sentence: Span, dated: list[Dated], head: Token) -> tuple[Dated, tuple[int, int]] | None:
    """The expression that dates the act of `head`, with how closely it belongs."""
    scored = []
    for found in dated:
        root = _root(sentence, found)
        closeness = reach(root, head) if root is not None else None
        if closeness is not None:
            scored.append((found, closeness))
    known = [s for s in scored if s[0].date.start is not None] or scored
    if not known:
        return None
    return min(
        known,
        key=lambda s: (s[1][0], _RANK[s[0].date.granularity], s[1][1], s[0].start),
    )


def _in_quote(found: Dated, sentence: Span, tense: str, context: DocContext) -> Dated:
    """A relative date inside a quotation counts from the day it was said: the story's
    day when the text set one ("'Today's hearing is over,' she said"), not publication."""
    story = context.story_day
    if not found.relative or story is None or story.start is None:
        return found
    if story.start == context.published or not _quoted(sentence, found.start):
        return found
    words = sentence.text[found.start : found.end]
    again = resolve_expression(words, story.start, tense=tense)  # type: ignore[arg-type]
    return found if again is None else replace(found, date=again)


def _measure_of(clause: Token) -> tuple[Token, Token] | None:
    """The mark and the measure of a clause or phrase told as a measured time from the
    act it hangs on ("a day after the Taliban swapped ...", "two weeks before the vote"),
    None for any other: (after, day), (before, weeks)."""
    marks = load_vocabulary().measure_marks
    if clause.dep_ == "advcl":  # "after the Taliban swapped": a clause
        mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ in marks), None)
    elif clause.dep_ == "pobj" and clause.head.lower_ in marks:  # "after the attack"
        mark = clause.head
    else:
        return None
    if mark is None or mark.i == 0:
        return None
    measure = mark.doc[mark.i - 1]
    return (mark, measure) if measure.dep_ == "npadvmod" else None


def _measured(trigger: Token, sentence: Span, context: DocContext) -> EventDate | None:
    """The date of an act told as a measured time from another: counted from the date
    of the act its clause hangs on."""
    clause = trigger
    while clause.dep_ == "conj" and clause.head != clause:
        clause = clause.head
    found = _measure_of(clause)
    if found is None:
        return None
    mark, measure = found
    governor = clause.head if clause.dep_ == "advcl" else mark.head
    if governor == clause or measure.i < sentence.start:
        return None
    words = measure.doc[measure.left_edge.i : measure.i + 1].text
    tense = mod.tense(governor) if governor.pos_ in {"VERB", "AUX"} else "past"
    anchor = event_when(governor, tense, sentence, context)
    return measured_date(words, mark.text, anchor)


def _said_then(trigger: Token, sentence: Span, speech_verbs: frozenset[str]) -> bool:
    """Whether a statement in the present is reported as said in the past: "the ministry
    said it regrets the decision", or a quotation. It was made the day it was said."""
    if any(
        head.lemma_.lower() in speech_verbs and mod.tense(head) == "past"
        for head in syn.governors(trigger)
    ):
        return True
    return _quoted(sentence, trigger.idx - sentence.start_char)


def carried_date(tense: str, context: DocContext) -> EventDate:
    """The date of an act told in the past with none of its own: that of the background
    the text is telling (see `note_story_day`), else the story's day, else the article's."""
    found = publication_date(context.published)
    if tense != "past" or found.start is None:
        return found
    carried = context.frame or context.story_day
    return found if carried is None else replace(carried, basis="context")


def event_when(
    trigger: Token,
    tense: str,
    sentence: Span,
    context: DocContext,
    *,
    speech_verbs: frozenset[str] = frozenset(),
) -> EventDate:
    """When the act a trigger names happened (see the module's docstring)."""
    if context.published is None and context.published_span is not None:
        hints = [e.text for e in sentence.ents if e.label_ == "DATE"]
        return event_date_within(
            sentence.text,
            context.published_span,
            tense=tense,  # type: ignore[arg-type]
            hints=hints,
        )
    best = _best(sentence, sentence_dates(sentence, context, tense), trigger)
    if best is not None and best[1][0] == 0:
        return _in_quote(best[0], sentence, tense, context).date
    measured = _measured(trigger, sentence, context)
    if measured is not None:
        return measured
    if best is not None:
        return _in_quote(best[0], sentence, tense, context).date
    if tense == "present" and _said_then(trigger, sentence, speech_verbs):
        tense = "past"
    return carried_date(tense, context)


def _story_day_like(found: EventDate, published: date) -> bool:
    if found.start is None or found.end is None or found.basis != "expression":
        return False
    short = found.granularity == "day" or (
        found.granularity == "range" and (found.end - found.start).days < STORY_DAY_SPAN
    )
    return short and 0 <= (published - found.end).days <= STORY_DAY_WINDOW


def _fronted(sentence: Span, dated: list[Dated]) -> Dated | None:
    """A date that opens a sentence, before its subject and verb ("In May this year,
    travellers were stranded"): it sets the scene for what follows, where a date at the
    end of a sentence ("signed a treaty in 2015") dates its own clause only."""
    root = sentence.root
    subjects = [c.left_edge.i for c in root.children if c.dep_ in _SUBJECTS]
    first = sentence.doc[min([root.i, *subjects])].idx - sentence.start_char
    for found in dated:
        head = _root(sentence, found)
        if found.end <= first and head is not None and _own(head, root):
            return found
    return None


def _moves_on(sentence: Span, dated: list[Dated]) -> bool:
    """Whether a sentence leaves the background the text was telling: it dates its main
    clause itself, or tells it in the present ("How is the plague spread?")."""
    root = sentence.root
    if any(c.dep_ in {"aux", "auxpass"} and c.lower_ in _PRESENT_AUX for c in root.children):
        return True
    if mod.tense(root) != "past":
        return True
    return any((head := _root(sentence, d)) is not None and _own(head, root) for d in dated)


def note_story_day(sentence: Span, context: DocContext) -> None:
    """Remember the day a sentence's main clause sets for the story ("The US faced
    criticism on Tuesday"): wire copy dates its lede and not every sentence after it,
    and the story's day is seldom the day it was published. A day in a subordinate
    clause ("the move announced on Monday") or a quotation does not set it.

    A date that opens a sentence ("In May this year, ...") sets the background the next
    few sentences tell, until one dates itself or turns to the present. The last date a
    sentence sets is what the next one's "the following year" counts from."""
    published = context.published
    if published is None:
        return
    context.anchor = context.last_set
    dated = [d for d in sentence_dates(sentence, context, "past") if not _quoted(sentence, d.start)]
    spans = [d for d in dated if d.date.start is not None and d.date.granularity != "range"]
    if spans:
        context.last_set = max(spans, key=lambda d: d.start).date
    story = _best(sentence, [d for d in dated if _story_day_like(d.date, published)], sentence.root)
    if story is not None:
        context.story_day, context.frame = story[0].date, None
        return
    frame = _fronted(sentence, [d for d in dated if d.date.start is not None])
    if frame is not None:
        context.frame, context.frame_left = frame.date, FRAME_SENTENCES
    elif context.frame is not None:
        context.frame_left -= 1
        if context.frame_left < 0 or _moves_on(sentence, dated):
            context.frame = None
