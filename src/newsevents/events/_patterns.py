"""The coder's pattern book: `data/verbs.toml`, read and indexed once."""

from __future__ import annotations

import contextlib
import hashlib
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field, fields
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from newsevents._cachefile import cache_dir, read_cache, write_cache
from newsevents.errors import ConfigError
from newsevents.events._cameo import CAMEO_BASES, CAMEO_FILE, cameo_entries
from newsevents.model import MODALITIES, PLOVER_TYPES
from newsevents.plover import crosswalk

DEFAULT_CONFIDENCE = 0.7
# Lookup keys are a lemma, or a lemma with its particle, preposition, object or modifier
# ("blow up", "call for", "hunger strike"): longer phrases ("state of emergency") never
# come up.
MAX_KEY_WORDS = 2

# entity labels a name may carry (spaCy's English ones), "none" for a name with none
_NAME_LABELS = frozenset(
    {"PERSON", "ORG", "NORP", "FAC", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "none"}
)


@dataclass(frozen=True, slots=True)
class Pattern:
    """One trigger: a lemma (maybe with a particle) and the event it signals."""

    type: str
    mode: str | None = None
    objects: frozenset[str] = frozenset()
    preps: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()
    instruments: frozenset[str] = frozenset()
    verbs: frozenset[str] = frozenset()  # nouns only: the light verb must be one of these
    subjects: frozenset[str] = frozenset()  # who acts must be one of these ("protesters")
    not_subjects: frozenset[str] = frozenset()  # ... or must not be ("troops arrived")
    mutual: bool = False  # done by two sides to each other ("X and Y restored ties")
    confidence: float = DEFAULT_CONFIDENCE

    @property
    def conditional(self) -> bool:
        return bool(self.objects or self.preps or self.verbs or self.subjects)


@dataclass(frozen=True, slots=True)
class ClassifierSettings:
    """How much the coder listens to the type classifier (see [classifier] in verbs.toml)."""

    weight: float = 0.5  # its share of an event's confidence
    veto: float = 1.01  # P(no event) at which a sentence's rule events are dropped
    assign: float = 1.01  # P(type) at which a sentence the rules missed is coded
    assign_confidence: float = 0.8  # an assigned event's confidence, as a share of P(type)


_NEVER = 10**9
NO_AGENT = "none"  # an [implied_agents] value: the words name someone else's act


@dataclass(frozen=True, slots=True)
class StorySettings:
    """What makes an article political news (see [political_story] in verbs.toml)."""

    forces: frozenset[str] = frozenset()  # sectors that tell alone
    placed: frozenset[str] = frozenset()  # sectors that tell with a named country
    min_sentences: int = _NEVER  # shorter texts are coded as given
    discarded_kept: frozenset[str] = frozenset()  # sectors whose events a sports story keeps


@dataclass(slots=True)
class PatternBook:
    """Verb and noun patterns keyed by lemma, conditional patterns first."""

    version: str
    fingerprint: str = ""  # a digest of everything the book was read from
    verbs: dict[str, list[Pattern]] = field(default_factory=lambda: defaultdict(list))
    nouns: dict[str, list[Pattern]] = field(default_factory=lambda: defaultdict(list))
    light_verbs: frozenset[str] = frozenset()
    speech_verbs: frozenset[str] = frozenset()
    speech_types: frozenset[str] = frozenset()  # what a speech verb itself can name
    modal_verbs: dict[str, str] = field(default_factory=dict)
    symmetric_types: frozenset[str] = frozenset()
    symmetric_modes: frozenset[str] = frozenset()
    negated_types: dict[str, str] = field(default_factory=dict)
    promise_verbs: frozenset[str] = frozenset()
    conflict_types: frozenset[str] = frozenset()
    place_target_types: frozenset[str] = frozenset()
    unattributed_types: frozenset[str] = frozenset()
    agentless_types: frozenset[str] = frozenset()  # done to a named target, agent untold
    receiving_verbs: frozenset[str] = frozenset()  # see events/_received.py
    document_nouns: frozenset[str] = frozenset()  # "a statement urging ...": its author's
    purpose_nouns: frozenset[str] = frozenset()  # "in a bid to ...": the striver's
    amount_words: frozenset[str] = frozenset()  # "declined 0.3%": a quantity, no act
    headline_passive_verbs: frozenset[str] = frozenset()  # "protesters killed in Iran"
    unknown_named: frozenset[str] = frozenset()  # labels of names no dictionary knows
    undergone_light_verbs: frozenset[str] = frozenset()  # "is in custody": held, not holding
    undergone_types: frozenset[str] = frozenset()
    retaliation_words: frozenset[str] = frozenset()  # "struck back": at the last attacker
    retaliation_verbs: frozenset[str] = frozenset()
    retaliation_types: frozenset[str] = frozenset()
    reaction_nouns: frozenset[str] = frozenset()  # "welcomed the decision": whose act
    reaction_types: frozenset[str] = frozenset()
    reaction_situations: frozenset[str] = frozenset()  # "the violence": the article's
    from_source_types: frozenset[str] = frozenset()
    state_sectors: dict[str, str] = field(default_factory=dict)
    # "TYPE mode" -> the force whose power it is, when a civil authority orders it
    acting_forces: dict[str, str] = field(default_factory=dict)
    civil_sectors: frozenset[str] = frozenset()  # authorities that act through a force
    violence_cues: frozenset[str] = frozenset()
    accident_cues: frozenset[str] = frozenset()
    intent_types: dict[str, str] = field(default_factory=dict)
    demand_aux: frozenset[str] = frozenset()
    joint_words: frozenset[str] = frozenset()
    joint_unless: frozenset[str] = frozenset()
    warning_verbs: frozenset[str] = frozenset()
    directive_verbs: frozenset[str] = frozenset()
    # adjective -> type: what its holder feels about something, or the speaker's verdict
    # on the subject (see events/_judgements.py)
    feelings: dict[str, str] = field(default_factory=dict)
    verdicts: dict[str, str] = field(default_factory=dict)
    posture: Pattern | None = None  # a force told as on alert (see [postures])
    posture_words: frozenset[str] = frozenset()
    implied_agents: dict[str, str] = field(default_factory=dict)  # "TYPE mode" or lemma
    implied_types: frozenset[str] = frozenset()  # the acts an implied agent may do
    pronoun_forces: frozenset[str] = frozenset()  # sectors a following "they" refers to
    group_sectors: frozenset[str] = frozenset()  # sectors "the group" may refer back to
    foreign_sectors: frozenset[str] = frozenset()  # whom a state acts on, maybe foreign
    nominal_suffixes: tuple[tuple[str, str], ...] = ()
    everyday_sectors: frozenset[str] = frozenset()  # see events/_relevance.py
    everyday_types_kept: frozenset[str] = frozenset()
    classifier: ClassifierSettings = field(default_factory=ClassifierSettings)
    political_story: StorySettings = field(default_factory=StorySettings)


def _pattern(entry: dict[str, object], where: str) -> Pattern:
    kind = str(entry.get("type", "")).upper()
    if kind not in PLOVER_TYPES:
        raise ConfigError(f"{where}: unknown PLOVER type {kind!r}")
    keys = ("objects", "preps", "unless", "instruments", "verbs", "subjects", "not_subjects")
    lists = {key: entry.get(key, []) for key in keys}
    if not all(isinstance(value, list) for value in lists.values()):
        raise ConfigError(f"{where}: {', '.join(keys)} must be lists")
    confidence = entry.get("confidence", DEFAULT_CONFIDENCE)
    if not isinstance(confidence, int | float):
        raise ConfigError(f"{where}: 'confidence' must be a number")
    mode = entry.get("mode")
    if (kind, str(mode or "")) not in crosswalk():
        raise ConfigError(
            f"{where}: ({kind}, {mode}) has no CAMEO code: add a row to plover_cameo.tsv "
            "or use a mode it lists"
        )
    mutual = entry.get("mutual", False)
    if not isinstance(mutual, bool) or not isinstance(entry.get("keep_cameo", False), bool):
        raise ConfigError(f"{where}: 'mutual' and 'keep_cameo' must be true or false")
    for key, values in lists.items():
        for value in values:  # type: ignore[attr-defined]
            _check_words(str(value), f"{where}: {key}")
    sets = {key: frozenset(str(v).lower() for v in values) for key, values in lists.items()}  # type: ignore[attr-defined]
    return Pattern(
        kind, str(mode) if mode else None, confidence=float(confidence), mutual=mutual, **sets
    )


def _posture(table: object, origin: str) -> Pattern | None:
    """The pattern of `[postures]`: its type, mode and the subjects it is said of."""
    if table is None:
        return None
    if not isinstance(table, dict) or not isinstance(table.get("words", []), list):
        raise ConfigError(f"{origin}: [postures] must be a table with a list of words")
    return _pattern({k: v for k, v in table.items() if k != "words"}, f"{origin}: [postures]")


def _check_words(phrase: str, where: str) -> None:
    """A key or condition of more words than the coder's lookups build can never match."""
    if len(phrase.split()) > MAX_KEY_WORDS:
        raise ConfigError(
            f"{where}: {phrase!r} can never match: the coder looks words up alone or with "
            f"one particle, preposition, object or modifier ({MAX_KEY_WORDS} words at most)"
        )


def _index(entries: list[dict[str, object]], table: dict[str, list[Pattern]], name: str) -> None:
    for number, entry in enumerate(entries, 1):
        pattern = _pattern(entry, f"[[{name}]] #{number}")
        lemmas = entry.get("lemmas", [])
        if not isinstance(lemmas, list) or not lemmas:
            raise ConfigError(f"[[{name}]] #{number}: 'lemmas' must be a non-empty list")
        for lemma in lemmas:
            _check_words(str(lemma), f"[[{name}]] #{number}")
            table[str(lemma).lower()].append(pattern)
    for patterns in table.values():
        patterns.sort(key=lambda p: not p.conditional)  # stable: file order otherwise


def _settings_table(table: object, settings: type, name: str, origin: str) -> dict[str, Any]:
    """A settings table of verbs.toml, whose keys must be fields of `settings`."""
    if not isinstance(table, dict):
        raise ConfigError(f"{origin}: [{name}] must be a table")
    unknown = set(table) - {f.name for f in fields(settings)}
    if unknown:
        raise ConfigError(f"{origin}: unknown [{name}] setting {sorted(unknown)[0]!r}")
    return table


def _classifier_settings(table: object, origin: str) -> ClassifierSettings:
    table = _settings_table(table, ClassifierSettings, "classifier", origin)
    values = {}
    for key, value in table.items():
        if not isinstance(value, int | float) or not 0 <= value <= 1.01:
            raise ConfigError(f"{origin}: [classifier] {key} must be a number in [0, 1]")
        values[key] = float(value)
    return ClassifierSettings(**values)


@cache
def _known_sectors() -> frozenset[str]:
    """The sectors codebook.toml explains: the only ones a setting may name."""
    return frozenset(tomllib.loads(_data_text("codebook.toml"))["sectors"])


def _story_settings(table: object, origin: str) -> StorySettings:
    table = _settings_table(table, StorySettings, "political_story", origin)
    sectors = {key: table.get(key, []) for key in ("forces", "placed", "discarded_kept")}
    known = _known_sectors()
    for key, values in sectors.items():
        if not isinstance(values, list) or set(values) - known:
            raise ConfigError(
                f"{origin}: [political_story] {key} must list sectors of codebook.toml, "
                f"not {sorted(set(values) - known) if isinstance(values, list) else values!r}"
            )
    minimum = table.get("min_sentences", _NEVER)
    if not isinstance(minimum, int) or minimum < 1:
        raise ConfigError(f"{origin}: [political_story] min_sentences must be a whole number")
    return StorySettings(
        frozenset(sectors["forces"]),
        frozenset(sectors["placed"]),
        minimum,
        frozenset(sectors["discarded_kept"]),
    )


def _adjectives(table: object, name: str, origin: str) -> dict[str, str]:
    """[feelings] and [verdicts]: PLOVER type -> adjectives, read as adjective -> type."""
    if not isinstance(table, dict):
        raise ConfigError(f"{origin}: [{name}] must be a table")
    found: dict[str, str] = {}
    for kind, words in table.items():
        if kind not in PLOVER_TYPES:
            raise ConfigError(f"{origin}: unknown PLOVER type {kind!r} in [{name}]")
        if (kind, "") not in crosswalk():
            raise ConfigError(f"{origin}: [{name}] {kind} has no CAMEO code without a mode")
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ConfigError(f"{origin}: [{name}] {kind} must be a list of adjectives")
        found |= {word.lower(): kind for word in words}
    return found


def _suffixes(value: object, origin: str) -> tuple[tuple[str, str], ...]:
    pairs: list[object] = value if isinstance(value, list) else [value]
    found = []
    for pair in pairs:
        if not isinstance(pair, list) or len(pair) != 2:
            raise ConfigError(f"{origin}: nominal_suffixes must be [suffix, replacement] pairs")
        found.append((str(pair[0]), str(pair[1])))
    return tuple(found)


def parse_pattern_book(
    text: str, origin: str = "verbs.toml", read: _Sources | None = None
) -> PatternBook:
    """Build a PatternBook from TOML text; errors name the entry at fault. `read` is the
    text already parsed with its CAMEO candidates (`_shipped_sources`), when it is."""
    if read is None:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{origin}: {exc}") from exc
        candidates = None
    else:
        data, candidates = read
    modal = {str(k): str(v) for k, v in data.get("modal_verbs", {}).items()}
    bad = sorted(set(modal.values()) - set(MODALITIES))
    if bad:
        raise ConfigError(f"{origin}: unknown modality {bad[0]!r} in [modal_verbs]")
    book = PatternBook(
        version=str(data.get("version", "0")),
        light_verbs=frozenset(data.get("light_verbs", [])),
        speech_verbs=frozenset(data.get("speech_verbs", [])),
        speech_types=frozenset(data.get("speech_types", [])),
        modal_verbs=modal,
        symmetric_types=frozenset(data.get("symmetric_types", [])),
        symmetric_modes=frozenset(data.get("symmetric_modes", [])),
        negated_types={str(k): str(v) for k, v in data.get("negated_types", {}).items()},
        promise_verbs=frozenset(data.get("promise_verbs", [])),
        conflict_types=frozenset(data.get("conflict_types", [])),
        place_target_types=frozenset(data.get("place_target_types", [])),
        unattributed_types=frozenset(data.get("unattributed_types", [])),
        agentless_types=frozenset(data.get("agentless_types", [])),
        receiving_verbs=frozenset(data.get("receiving_verbs", [])),
        document_nouns=frozenset(data.get("document_nouns", [])),
        purpose_nouns=frozenset(data.get("purpose_nouns", [])),
        amount_words=frozenset(data.get("amount_words", [])),
        headline_passive_verbs=frozenset(data.get("headline_passive_verbs", [])),
        unknown_named=frozenset(data.get("unknown_named", [])),
        undergone_light_verbs=frozenset(data.get("undergone", {}).get("light_verbs", [])),
        undergone_types=frozenset(data.get("undergone", {}).get("types", [])),
        retaliation_words=frozenset(data.get("retaliation", {}).get("words", [])),
        retaliation_verbs=frozenset(data.get("retaliation", {}).get("verbs", [])),
        retaliation_types=frozenset(data.get("retaliation", {}).get("types", [])),
        reaction_nouns=frozenset(data.get("reaction", {}).get("nouns", [])),
        reaction_types=frozenset(data.get("reaction", {}).get("types", [])),
        reaction_situations=frozenset(data.get("reaction", {}).get("situations", [])),
        from_source_types=frozenset(data.get("from_source_types", [])),
        state_sectors={str(k): str(v) for k, v in data.get("state_sectors", {}).items()},
        acting_forces={
            str(k): str(v) for k, v in data.get("acting_forces", {}).items() if k != "civil"
        },
        civil_sectors=frozenset(data.get("acting_forces", {}).get("civil", [])),
        violence_cues=frozenset(data.get("violence_cues", [])),
        accident_cues=frozenset(data.get("accident_cues", [])),
        intent_types={str(k): str(v) for k, v in data.get("intent_types", {}).items()},
        demand_aux=frozenset(data.get("demand_aux", [])),
        joint_words=frozenset(data.get("joint_words", [])),
        joint_unless=frozenset(data.get("joint_unless", [])),
        warning_verbs=frozenset(data.get("warning_verbs", [])),
        directive_verbs=frozenset(data.get("directive_verbs", [])),
        feelings=_adjectives(data.get("feelings", {}), "feelings", origin),
        verdicts=_adjectives(data.get("verdicts", {}), "verdicts", origin),
        posture=_posture(data.get("postures"), origin),
        posture_words=frozenset(data.get("postures", {}).get("words", [])),
        implied_agents={str(k): str(v) for k, v in data.get("implied_agents", {}).items()},
        implied_types=frozenset(data.get("implied_types", [])),
        pronoun_forces=frozenset(data.get("pronoun_forces", [])),
        group_sectors=frozenset(data.get("group_sectors", [])),
        foreign_sectors=frozenset(data.get("foreign_sectors", [])),
        nominal_suffixes=_suffixes(data.get("nominal_suffixes", []), origin),
        everyday_sectors=frozenset(data.get("everyday", {}).get("sectors", [])),
        everyday_types_kept=frozenset(data.get("everyday", {}).get("types_kept", [])),
        classifier=_classifier_settings(data.get("classifier", {}), origin),
        political_story=_story_settings(data.get("political_story", {}), origin),
    )
    named_types = set(book.negated_types) | set(book.negated_types.values())
    named_types |= set(book.intent_types) | set(book.intent_types.values())
    named_types |= book.symmetric_types | book.conflict_types | book.place_target_types
    named_types |= book.unattributed_types | book.agentless_types | book.everyday_types_kept
    named_types |= book.speech_types | book.implied_types | book.from_source_types
    named_types |= {key.split()[0] for key in book.acting_forces} | book.undergone_types
    named_types |= book.retaliation_types | book.reaction_types
    if named_types - set(PLOVER_TYPES):
        raise ConfigError(
            f"{origin}: unknown PLOVER type {sorted(named_types - set(PLOVER_TYPES))[0]!r}"
        )
    if unknown := sorted(book.unknown_named - _NAME_LABELS):
        raise ConfigError(f"{origin}: unknown_named: {unknown[0]!r} is no entity label")
    named_sectors = {*book.implied_agents.values(), *book.state_sectors.values()} - {NO_AGENT}
    named_sectors |= book.pronoun_forces | book.everyday_sectors | book.group_sectors
    named_sectors |= book.foreign_sectors
    named_sectors |= {*book.acting_forces.values(), *book.civil_sectors}
    if unknown := sorted(named_sectors - _known_sectors()):
        raise ConfigError(f"{origin}: unknown sector {unknown[0]!r}: not one of codebook.toml")
    _index(data.get("verb", []), book.verbs, "verb")
    _index(data.get("noun", []), book.nouns, "noun")
    bases = data.get("cameo_candidates", [])
    if not isinstance(bases, list) or set(bases) - set(CAMEO_BASES):
        raise ConfigError(f"{origin}: cameo_candidates must be a list of {', '.join(CAMEO_BASES)}")
    digest = hashlib.sha256(text.encode("utf-8"))
    if bases:
        if candidates is None:
            candidates = cameo_entries(frozenset(bases))
        _add_cameo(book, candidates, _settled_keys(data.get("verb", [])))
        digest.update(_data_text(CAMEO_FILE).encode("utf-8"))
    book.fingerprint = digest.hexdigest()
    return book


def _settled_keys(entries: list[dict[str, Any]]) -> set[str]:
    """Verb keys an entry of `verbs.toml` lists without `keep_cameo`: CAMEO's rows for
    them are hidden; an entry with `keep_cameo = true` adds a sense to CAMEO's."""
    return {
        str(lemma).lower()
        for entry in entries
        if not entry.get("keep_cameo", False)
        for lemma in entry.get("lemmas", [])
    }


def _add_cameo(
    book: PatternBook, candidates: list[tuple[str, dict[str, Any]]], settled: set[str]
) -> None:
    """Candidates from the CAMEO dictionary for every key `verbs.toml` does not settle,
    tried after its own patterns of the key."""
    for key, entry in candidates:
        if key not in settled:
            book.verbs[key].append(_pattern(entry, f"cameo_verbs.tsv {key!r}"))
    for patterns in book.verbs.values():
        patterns.sort(key=lambda p: not p.conditional)  # stable: own patterns first


def _data_text(name: str) -> str:
    return (resources.files("newsevents") / "data" / name).read_text("utf-8")


# (the TOML data, the CAMEO candidates of its `cameo_candidates`)
_Sources = tuple[dict[str, Any], list[tuple[str, dict[str, Any]]]]
_CACHE_FORMAT = "1"


def _shipped_sources(text: str) -> _Sources | None:
    """The shipped file parsed, with its CAMEO candidates, from the disk cache (a third
    of a second of every process's start), else parsed and cached. None when the file
    does not parse: `parse_pattern_book` then says why."""
    cameo = _data_text(CAMEO_FILE)
    key = hashlib.sha256(f"{_CACHE_FORMAT}|{text}|{cameo}".encode()).hexdigest()[:20]
    path = cache_dir() / f"patterns-{key}.marshal"
    cached = read_cache(path, _unpack_sources, "patterns")
    if cached is not None:
        return cached
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None
    bases = data.get("cameo_candidates", [])
    valid = isinstance(bases, list) and set(bases) <= set(CAMEO_BASES)
    candidates = cameo_entries(frozenset(bases)) if valid and bases else []
    with contextlib.suppress(ValueError):  # a TOML date or time: marshal has no such type
        write_cache(path, {"data": data, "cameo": candidates}, "patterns")
    return data, candidates


def _unpack_sources(packed: Any) -> _Sources:
    return packed["data"], [(str(key), dict(entry)) for key, entry in packed["cameo"]]


@cache
def load_pattern_book(path: Path | None = None) -> PatternBook:
    """The shipped patterns, or a user's file instead; read once per process."""
    if path is None:
        text = _data_text("verbs.toml")
        return parse_pattern_book(text, read=_shipped_sources(text))
    try:
        return parse_pattern_book(path.read_text("utf-8"), str(path))
    except OSError as exc:
        raise ConfigError(f"Cannot read pattern file {path}: {exc.strerror}") from exc
