"""Giving each figure to the event it measures: the event of a type the kind can
measure (`[types]` in `data/magnitudes.toml`) whose trigger is nearest its cue word in
the parse, so that in "Police killed five protesters and arrested 120 people" the
killing gets 5 and the arrest 120. A cue that is itself a trigger is at distance 0."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from newsevents.magnitudes._find import Found, find_figures
from newsevents.magnitudes._vocab import Vocabulary, vocabulary
from newsevents.model import Event, Magnitude

_FAR = 1_000  # tokens with no common head (never within one sentence)


def measure_events(events: Sequence[Event], docs: Sequence[Doc], offsets: Sequence[int]) -> None:
    """Set each event's magnitudes (in place) from the sentence it is stated in.

    `docs` are the article's parsed paragraphs and `offsets` where each starts in
    `Document.text`, as the coder and the place stage take them."""
    vocab = vocabulary()
    for doc, offset in zip(docs, offsets, strict=True):
        here = [e for e in events if offset <= e.trigger_start < offset + len(doc.text)]
        by_sentence: dict[int, list[tuple[Event, Token]]] = {}
        for event in here:
            trigger = _trigger(doc, event, offset)
            if trigger is not None:
                by_sentence.setdefault(trigger.sent.start, []).append((event, trigger))
        for triggers in by_sentence.values():
            sentence = triggers[0][1].sent
            for found in find_figures(sentence, vocab):
                _give(found, triggers, vocab, offset)


def figures_in(sentence: Span) -> list[Found]:
    """The figures a parsed sentence states, whatever event they belong to."""
    return find_figures(sentence, vocabulary())


def _trigger(doc: Doc, event: Event, offset: int) -> Token | None:
    start, end = event.trigger_start - offset, event.trigger_end - offset
    if end <= start:  # an implied event names no words
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _give(
    found: Found, triggers: list[tuple[Event, Token]], vocab: Vocabulary, offset: int
) -> None:
    preferred = vocab.types[found.kind]
    fitting = [(e, t) for e, t in triggers if e.type in preferred]
    if not fitting:
        return
    # nearest in the parse, then the type the kind lists first
    distances = [(_distance(found.cue, t), preferred.index(e.type)) for e, t in fitting]
    nearest = min(distances)
    words = found.words
    magnitude = Magnitude(
        kind=found.kind,
        value=found.figure.value,
        text=words.text,
        start=words.start_char + offset,
        end=words.end_char + offset,
        low=found.figure.low,
        high=found.figure.high,
    )
    for (event, _), distance in zip(fitting, distances, strict=True):
        if distance != nearest:
            continue
        held = event.magnitudes.get(found.kind)
        if held is None or magnitude.value > held.value:  # two figures: the larger
            event.magnitudes[found.kind] = magnitude


def _distance(a: Token, b: Token) -> int:
    """Edges between two tokens in the dependency tree."""
    above: dict[int, int] = {}
    token, steps = a, 0
    while True:
        above[token.i] = steps
        if token.head.i == token.i:
            break
        token, steps = token.head, steps + 1
    token, steps = b, 0
    while token.i not in above:
        if token.head.i == token.i:
            return _FAR
        token, steps = token.head, steps + 1
    return steps + above[token.i]
