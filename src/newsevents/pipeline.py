"""Wires the stages: ingest -> clean -> nlp -> actors/events/time -> store.

Every stage is a plain function over the data model; this module only batches
documents through them, records per-document failures and writes each batch in
one transaction, so an interrupted run loses nothing already stored and a re-run
skips what is done.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from multiprocessing.pool import AsyncResult
from typing import TYPE_CHECKING, Any, BinaryIO

from newsevents.clean import clean
from newsevents.errors import NewsEventsError
from newsevents.events import CLASSIFIER_NAME, CODER_NAME, RuleCoder, make_coder
from newsevents.ingest import (
    DEFAULT_MAX_BYTES,
    document_from_text,
    infer_published_range,
    iter_documents,
)
from newsevents.magnitudes import measure_events
from newsevents.model import Document, Duplicate, IngestError
from newsevents.nlp import DEFAULT_MODEL, load_nlp, parse_paragraphs
from newsevents.place import PlaceResolver, gazetteer, locate_events

if TYPE_CHECKING:  # both load heavy libraries that coding alone never needs
    from newsevents.dedup import DedupIndex
    from newsevents.store import Store

logger = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 32  # documents per parse batch and per database transaction


@dataclass(frozen=True, slots=True)
class Options:
    """Everything a run can be told; defaults are the named constants of each stage."""

    model: str = DEFAULT_MODEL
    coder: str = CODER_NAME
    patterns: str | None = None  # a user verbs.toml instead of the shipped one
    # the registered type classifier that weighs the rules' events; "none": rules alone
    classifier: str | None = CLASSIFIER_NAME
    actors: tuple[str, ...] = ()  # extra actor dictionaries: .tsv, or PETRARCH text format
    batch_size: int = DEFAULT_BATCH_SIZE
    max_bytes: int = DEFAULT_MAX_BYTES
    workers: int = 1  # processes that parse and code; more pay off on large corpora
    dedup: bool = True  # mark exact, syndicated, near and reworded copies of stored articles
    published: date | None = None  # the date of inputs that carry none (metadata, byline)


@dataclass(slots=True)
class RunStats:
    """What a run did, for the progress bar and the summary line."""

    seen: int = 0
    stored: int = 0
    skipped: int = 0  # already in the database with this coder version
    failed: int = 0
    events: int = 0
    duplicates: int = 0  # stored articles that copy an earlier one
    copies: Counter[str] = field(default_factory=Counter)  # those, by kind of copy
    errors: list[IngestError] = field(default_factory=list)


class Pipeline:
    """`Pipeline().process(["text", ...])` returns documents with their events."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()

    @cached_property
    def coder(self) -> RuleCoder:
        settings: dict[str, object] = {
            "actors": self.options.actors,
            "classifier": self.options.classifier,
        }
        if self.options.patterns:
            settings["patterns"] = self.options.patterns
        return make_coder(self.options.coder, **settings)

    @property
    def coder_version(self) -> str:
        return self.coder.version

    @cached_property
    def places(self) -> PlaceResolver:
        resolver = getattr(self.coder, "resolver", None)  # share the coder's dictionary
        return PlaceResolver(getattr(resolver, "dictionary", None))

    def process(self, texts: Iterable[str], *, published: date | None = None) -> list[Document]:
        """Code raw article texts (plain text or HTML) in memory, without a database."""
        documents = [document_from_text(t, f"<text {n}>", published) for n, t in enumerate(texts)]
        done, errors = self.process_documents(documents)
        for error in errors:
            logger.warning("%s: %s", error.origin, error.reason)
        return done

    def process_documents(
        self, documents: Sequence[Document]
    ) -> tuple[list[Document], list[IngestError]]:
        """Clean, parse and code a batch; failures come back as errors, not exceptions."""
        cleaned, errors = [], []
        for document in documents:
            try:
                _clean_into(document)
            except NewsEventsError as exc:
                errors.append(IngestError(document.origin, "clean", str(exc)))
                continue
            _date_undated(document, self.options.published)
            cleaned.append(document)
        paragraphs = [p for document in cleaned for p in document.paragraphs]
        parsed = iter(parse_paragraphs(paragraphs, model=self.options.model))
        done = []
        for document in cleaned:
            docs = [next(parsed) for _ in document.paragraphs]
            offsets = paragraph_offsets(document.paragraphs)
            try:
                document.events = self.coder.code(
                    document.id,
                    docs,
                    offsets,
                    document.published_at,
                    published_span=_closed(document.published_range),
                )
                locate_events(document.events, docs, offsets, self.places)
                measure_events(document.events, docs, offsets)
            except Exception as exc:  # a coder bug must not sink the batch: record it
                logger.exception("coding failed for %s", document.origin)
                errors.append(
                    IngestError(document.origin, "coding", f"{type(exc).__name__}: {exc}")
                )
                continue
            done.append(document)
        return done, errors

    def run(
        self,
        paths: Sequence[str],
        store: Store,
        *,
        progress: Callable[[RunStats], None] | None = None,
        stdin: BinaryIO | None = None,
    ) -> RunStats:
        """Process files into the store, batch by batch, skipping what is already there.

        With `options.workers > 1`, batches are cleaned, parsed and coded in worker
        processes (one model load each) while this process reads, skips and writes, so
        the database sees one writer and one transaction per batch.
        """
        stats = RunStats()
        items = iter_documents(paths, max_bytes=self.options.max_bytes, stdin=stdin)
        todo_batches = self._todo(_batches(items, self.options.batch_size), store, stats)
        if self.options.workers > 1:
            results = _in_workers(self.options, todo_batches)
        else:
            results = (
                (todo, errors, *self.process_documents(todo)) for todo, errors in todo_batches
            )
        index: DedupIndex | None = None
        for _todo, errors, done, failed in results:
            if done and self.options.dedup:
                index = index or stored_index(store)
            self._write(store, done, errors + failed, index, stats)
            if progress is not None:
                progress(stats)
        return stats

    def ingest(
        self,
        items: Sequence[Document | IngestError],
        store: Store,
        *,
        index: DedupIndex | None = None,
    ) -> RunStats:
        """Code documents held in memory (the API's ingest) and store them as `run` does.

        A caller that ingests often keeps one `index` (see `stored_index`) rather than
        rebuilding it from the store each time.
        """
        stats = RunStats()
        for todo, errors in self._todo([list(items)], store, stats):
            done, failed = self.process_documents(todo)
            if done and self.options.dedup and index is None:
                index = stored_index(store)
            self._write(store, done, errors + failed, index, stats)
        return stats

    def _write(
        self,
        store: Store,
        done: list[Document],
        errors: list[IngestError],
        index: DedupIndex | None,
        stats: RunStats,
    ) -> None:
        if done and index is not None and self.options.dedup:
            _mark_duplicates(index, done)
        store.write_batch(done, errors, coder_version=self.coder_version)
        stats.stored += len(done)
        stats.copies.update(d.duplicate.kind for d in done if d.duplicate is not None)
        stats.duplicates = stats.copies.total()
        stats.failed += len(errors)
        stats.events += sum(len(d.events) for d in done)
        stats.errors += errors

    def _todo(
        self, batches: Iterable[list[Document | IngestError]], store: Store, stats: RunStats
    ) -> Iterator[tuple[list[Document], list[IngestError]]]:
        """Each batch's documents not yet stored with this coder version, and its errors."""
        version = self.coder_version
        for batch in batches:
            documents = list({d.id: d for d in batch if isinstance(d, Document)}.values())
            errors = [e for e in batch if isinstance(e, IngestError)]
            stats.seen += len(batch)
            known = store.known_documents([d.id for d in documents], version)
            todo = [d for d in documents if d.id not in known]
            stats.skipped += len(batch) - len(errors) - len(todo)
            yield todo, errors


def stored_index(store: Store) -> DedupIndex:
    """The duplicate index of what the store holds, built once per run."""
    from newsevents.dedup import DedupIndex

    index = DedupIndex()
    for doc_id, paragraphs in store.iter_paragraphs():
        index.add(doc_id, paragraphs, raw_id=doc_id)
    return index


def _mark_duplicates(index: DedupIndex, documents: Sequence[Document]) -> None:
    for document in documents:
        if document.id in index:
            continue  # re-coded with a new coder version: its relation stands
        try:
            member = index.add(document.id, document.paragraphs, raw_id=document.id)
        except Exception:  # a copy-check bug must not sink the run: store it unmarked
            logger.exception("duplicate check failed for %s", document.origin)
            continue
        if member.kind != "canonical":
            canonical = index.canonical_of(document.id)
            document.duplicate = Duplicate(canonical, member.kind, member.score)


_WORKER_PIPELINE: Pipeline | None = None


def _exit_with_parent(parent: int) -> None:
    """A pool worker holds its own end of the task pipe, so it would wait forever for
    work from a parent killed with SIGKILL: leave as soon as the parent is gone."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def _worker_start(options: Options, parent: int) -> None:
    """Runs once in each worker process: the one place its model is loaded."""
    global _WORKER_PIPELINE
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    _WORKER_PIPELINE = Pipeline(options)
    load_nlp(options.model)
    _ = _WORKER_PIPELINE.coder  # patterns and dictionaries, once
    gazetteer()


def _worker_batch(todo: list[Document]) -> tuple[list[Document], list[IngestError]]:
    assert _WORKER_PIPELINE is not None, "worker not initialised"
    return _WORKER_PIPELINE.process_documents(todo)


def _in_workers(
    options: Options, batches: Iterator[tuple[list[Document], list[IngestError]]]
) -> Iterator[tuple[list[Document], list[IngestError], list[Document], list[IngestError]]]:
    """Process batches in a pool, in order, with a bounded number in flight so memory
    stays flat however long the input is."""
    context = multiprocessing.get_context("spawn")  # no inherited engines or threads
    in_flight: deque[tuple[list[Document], list[IngestError], AsyncResult[Any]]] = deque()
    with context.Pool(options.workers, _worker_start, (options, os.getpid())) as pool:
        for todo, errors in batches:
            in_flight.append((todo, errors, pool.apply_async(_worker_batch, (todo,))))
            if len(in_flight) >= 2 * options.workers:
                todo, errors, result = in_flight.popleft()
                yield todo, errors, *result.get()
        while in_flight:
            todo, errors, result = in_flight.popleft()
            yield todo, errors, *result.get()


def _closed(span: tuple[date, date | None] | None) -> tuple[date, date] | None:
    return (span[0], span[1]) if span is not None and span[1] is not None else None


def _date_undated(document: Document, given: date | None) -> None:
    if document.published_at is None and given is not None:
        document.published_at, document.published_basis = given, "given"
    if document.published_at is None and document.published_range is None:
        inferred = infer_published_range(document.text)
        if inferred is not None:
            start, end, document.published_basis = inferred
            document.published_range = (start, end)


def _clean_into(document: Document) -> None:
    result = clean(document.raw, document.format)
    document.paragraphs = result.paragraphs
    document.removed = result.removed
    if document.title is None:
        document.title = result.title


def paragraph_offsets(paragraphs: Sequence[str]) -> list[int]:
    """Where each paragraph starts in `Document.text` (paragraphs joined by a blank line)."""
    offsets, position = [], 0
    for paragraph in paragraphs:
        offsets.append(position)
        position += len(paragraph) + 2
    return offsets


def _batches(
    items: Iterable[Document | IngestError], size: int
) -> Iterator[list[Document | IngestError]]:
    batch: list[Document | IngestError] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
