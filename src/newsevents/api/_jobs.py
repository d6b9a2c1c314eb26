"""Ingest jobs: articles posted to the API are coded and stored in the background.

One worker thread runs the jobs in order, so the server holds one pipeline (one model
load) and writes one batch at a time; readers are never blocked by it.
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from newsevents.dedup import DedupIndex
from newsevents.errors import NewsEventsError
from newsevents.ingest import documents_from_bytes
from newsevents.model import Document
from newsevents.pipeline import Pipeline, stored_index
from newsevents.store import Store

logger = logging.getLogger(__name__)

KEPT_JOBS = 1000  # finished jobs remembered for their status page


@dataclass(slots=True)
class Job:
    id: str
    status: str = "queued"  # queued, running, done, failed
    submitted_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat())
    finished_at: str | None = None
    articles: int = 0
    stored: int = 0
    skipped: int = 0
    duplicates: int = 0
    events: int = 0
    documents: list[str] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)
    message: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class IngestJobs:
    """Queue and run ingest jobs against one store."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest")
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._pipeline: Pipeline | None = None
        self._index: DedupIndex | None = None

    def submit(self, articles: list[dict[str, Any]]) -> Job:
        job = Job(id=uuid.uuid4().hex, articles=len(articles))
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > KEPT_JOBS:
                self._jobs.popitem(last=False)
        self._executor.submit(self._run, job, articles)
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)

    def _run(self, job: Job, articles: list[dict[str, Any]]) -> None:
        job.status = "running"
        try:
            if self._pipeline is None:
                self._pipeline = Pipeline()
                self._index = stored_index(self._store)
            # The same reader as a JSON Lines file: one article per line, same checks.
            lines = "\n".join(json.dumps(a, default=str) for a in articles).encode()
            items = list(documents_from_bytes(lines, f"api-job-{job.id}.jsonl"))
            stats = self._pipeline.ingest(items, self._store, index=self._index)
            job.stored, job.skipped = stats.stored, stats.skipped
            job.duplicates, job.events = stats.duplicates, stats.events
            job.documents = [i.id for i in items if isinstance(i, Document)]
            job.errors = [{"origin": e.origin, "reason": e.reason} for e in stats.errors]
            job.status = "done"
        except NewsEventsError as exc:
            job.status, job.message = "failed", str(exc)
        except Exception:  # a bug must not kill the worker thread; the log has the trace
            logger.exception("ingest job %s failed", job.id)
            job.status, job.message = "failed", "internal error; see the server log"
        job.finished_at = datetime.now(UTC).isoformat()
