"""Crash consistency: `newsevents run` SIGKILLed at 20 random points, re-run after each
kill and then run to the end, stores every article exactly once, with the events of a
clean run, and leaves a database that passes its integrity check.

The kill delays come from a seeded RNG: the seed is printed (and named in every failure),
and NEWSEVENTS_FAULT_SEED=N replays a sequence. The two backends are killed side by side.

Each killed run is a process of its own running the CLI's `main()` for `newsevents run
CORPUS --db DB`, forked from a process that has already imported newsevents and loaded
the model and gazetteer (seconds of work that touch no database), so that 40 runs fit
in the time of a few. NEWSEVENTS_FAULT_EXEC=1 starts each one as `python -m newsevents
run ...` instead. The final run always does.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import IO

import pytest

pytestmark = pytest.mark.slow

KILLS = 20
BATCH_SIZE = 4  # small batches: most kills land between two commits or inside one
SEED = int(os.environ.get("NEWSEVENTS_FAULT_SEED") or random.SystemRandom().randrange(10**6))
BACKENDS = ("sqlite", "postgresql")
EXEC_EACH_RUN = os.environ.get("NEWSEVENTS_FAULT_EXEC") == "1"
MID_RUN_KILLS = 12  # after a commit; the others land in the start-up (open, migrate, index)
START_UP_GUESS = 1.0  # seconds to a first commit, until the loop has measured it


@dataclass(frozen=True, slots=True)
class Kill:
    phase: str  # "mid-run" (after a commit of this process) or "start-up"
    delay: float  # seconds after the start of the process
    before: int  # documents stored when the process started
    after: int  # documents stored once it was dead


@dataclass(slots=True)
class Outcome:
    """What one backend went through: its kills, the runs that ended on their own and
    the final run."""

    kills: list[Kill] = field(default_factory=list)
    exits: list[tuple[int, str]] = field(default_factory=list)  # (code, last stderr line)
    kill_seconds: float = 0.0
    final: subprocess.CompletedProcess[str] | None = None
    final_seconds: float = 0.0

    def summary(self, backend: str) -> str:
        phases = [k.phase for k in self.kills]
        return (
            f"{backend}: seed {SEED}, {len(self.kills)} kills "
            f"({phases.count('mid-run')} mid-run, {phases.count('start-up')} at start-up), "
            f"{len(self.exits)} runs ended before their kill; kills took "
            f"{self.kill_seconds:.1f} s, the final run {self.final_seconds:.1f} s; "
            f"stored at each kill: {[k.after for k in self.kills]}"
        )


def _last_line(path: Path) -> str:
    lines = path.read_text(errors="replace").strip().splitlines()
    return lines[-1] if lines else ""


ZYGOTE = """\
import json, os, sys, traceback
import newsevents.cli
from newsevents.pipeline import Options, Pipeline

# What every run loads before it touches the database (model, patterns, gazetteer), once.
Pipeline(Options(workers=1)).process(["Russia accused Ukraine of shelling Kyiv on Jan. 10, 2025."])
print("ready", flush=True)
for line in sys.stdin:
    request = json.loads(line)
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            os.dup2(os.open(request["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC), 2)
            os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
            sys.argv = ["newsevents", *request["args"]]
            newsevents.cli.main()
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(code)
    print(pid, flush=True)
    print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), flush=True)
"""


class _Forked:
    """Runs of the CLI forked from one process that has imported it and loaded the model."""

    def __init__(self, env: dict[str, str]) -> None:
        self.zygote = subprocess.Popen(
            [sys.executable, "-c", ZYGOTE],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert self._line() == "ready"
        self.pid = 0

    def _line(self) -> str:
        assert self.zygote.stdout is not None
        return self.zygote.stdout.readline().strip()

    def start(self, args: list[str], stderr: Path) -> None:
        stdin: IO[str] | None = self.zygote.stdin
        assert stdin is not None
        stdin.write(json.dumps({"args": args, "stderr": str(stderr)}) + "\n")
        stdin.flush()
        self.pid = int(self._line())

    def running(self) -> bool:
        try:
            os.kill(self.pid, 0)  # the zygote reaps it the moment it ends
        except ProcessLookupError:
            return False
        return True

    def kill(self) -> bool:
        """SIGKILL the run; False if it had already ended on its own."""
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            return False
        return True

    def wait(self) -> int:
        return int(self._line())

    def close(self) -> None:
        if self.zygote.stdin is not None:
            self.zygote.stdin.close()
        self.zygote.wait(timeout=60)
        if self.zygote.stdout is not None:
            self.zygote.stdout.close()


class _Executed:
    """Runs of the CLI each started from scratch: `python -m newsevents run ...`."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, args: list[str], stderr: Path) -> None:
        with stderr.open("w") as sink:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "newsevents", *args],
                stdout=subprocess.DEVNULL,
                stderr=sink,
                env=self.env,
            )

    def running(self) -> bool:
        assert self.process is not None
        return self.process.poll() is None

    def kill(self) -> bool:
        assert self.process is not None
        if self.process.poll() is not None:
            return False
        self.process.send_signal(signal.SIGKILL)
        return True

    def wait(self) -> int:
        assert self.process is not None
        with self.process:
            return self.process.wait()

    def close(self) -> None:
        pass


class _Killer:
    """Starts the run, SIGKILLs it at a random point, again and again, then finishes it."""

    def __init__(self, faults, corpus: Path, db: str, rng: random.Random, scratch: Path):
        self.faults, self.corpus, self.db, self.rng = faults, corpus, db, rng
        self.plan = [True] * MID_RUN_KILLS + [False] * (KILLS - MID_RUN_KILLS)
        rng.shuffle(self.plan)  # which kills wait for a commit first
        self.args = faults.command(corpus, db=db, batch_size=BATCH_SIZE)[3:]  # run ...
        self.stderr = scratch / "stderr.txt"
        self.start_up = START_UP_GUESS  # tracks this machine's load as the loop goes
        self.count = faults.counter(db)
        self.outcome = Outcome()

    def run(self) -> Outcome:
        started = time.monotonic()
        launcher = (_Executed if EXEC_EACH_RUN else _Forked)(self.faults.env())
        try:
            while len(self.outcome.kills) < KILLS and len(self.outcome.exits) < KILLS:
                self._once(launcher)
        finally:
            launcher.close()
            self.count.close()
        self.outcome.kill_seconds = time.monotonic() - started
        started = time.monotonic()
        self.outcome.final = self.faults.run(self.corpus, db=self.db, batch_size=BATCH_SIZE)
        self.outcome.final_seconds = time.monotonic() - started
        return self.outcome

    def _once(self, launcher: _Forked | _Executed) -> None:
        """One run, killed either a random time into its start-up, or a random time
        (up to a few batches) after its first commit."""
        before = self.count()
        planned = self.plan[len(self.outcome.kills) % KILLS]
        mid_run = planned and before < self.faults.corpus_size
        extra = self.rng.uniform(0.0, 0.6) if mid_run else self.rng.uniform(0.05, 1.0)
        launcher.start(self.args, self.stderr)
        launched = time.monotonic()
        deadline = None if mid_run else launched + extra * self.start_up
        while launcher.running():
            now = time.monotonic()
            if deadline is None and self.count() > before:
                self.start_up = (self.start_up + now - launched) / 2
                deadline = now + extra
            if deadline is not None and now >= deadline and launcher.kill():
                break
            time.sleep(0.02 if deadline else 0.05)
        code = launcher.wait()
        if code != -signal.SIGKILL:  # it ended on its own first
            self.outcome.exits.append((code, _last_line(self.stderr)))
            return
        phase = "mid-run" if mid_run else "start-up"
        delay = round(time.monotonic() - launched, 2)
        self.outcome.kills.append(Kill(phase, delay, before, self.count()))


@pytest.fixture(scope="module")
def crashed(request, reference_run, corpus, faults, new_pg_database, tmp_path_factory):
    """Each backend's database after the kills and the final run, its outcome, and the
    clean reference run.

    The backends run side by side, and beside the reference run (started first, waited
    for last).
    """
    print(f"\nkill seed {SEED} (NEWSEVENTS_FAULT_SEED={SEED} replays it)")
    scratch = {backend: tmp_path_factory.mktemp(f"crash-{backend}") for backend in BACKENDS}
    databases = {"sqlite": str(scratch["sqlite"] / "crash.db"), "postgresql": new_pg_database()}
    killers = {
        backend: _Killer(
            faults, corpus, databases[backend], random.Random(f"{SEED}-{backend}"), scratch[backend]
        )
        for backend in BACKENDS
    }
    with ThreadPoolExecutor(len(BACKENDS)) as pool:
        outcomes = dict(zip(BACKENDS, pool.map(lambda k: k.run(), killers.values()), strict=True))
    reference = request.getfixturevalue("reference")
    return {backend: (databases[backend], outcomes[backend], reference) for backend in BACKENDS}


@pytest.mark.parametrize("backend", BACKENDS)
def test_killed_runs_store_every_article_once(crashed, faults, backend):
    db, outcome, reference = crashed[backend]
    summary = outcome.summary(backend)
    print(summary)
    failed = [(code, line) for code, line in outcome.exits if code != 0]
    assert not failed, f"a re-run after a kill failed: {failed} ({summary})"
    assert len(outcome.kills) == KILLS, summary
    grew = [k for k in outcome.kills if k.phase == "mid-run" and k.after > k.before]
    assert len(grew) >= KILLS // 4, f"too few kills landed while batches were stored: {summary}"
    assert outcome.final is not None and outcome.final.returncode == 0, (
        f"the final run failed: {outcome.final.stderr if outcome.final else ''} ({summary})"
    )
    faults.assert_complete(faults.read(db), reference, summary)
    assert faults.integrity(db) == "ok", summary


# -- kills inside a migration ------------------------------------------------------------

MIGRATION_KILLS = 5  # points spread evenly over the migration's SQL statements
STATEMENT_HOOK = """\
import os, signal, sys
from sqlalchemy import event
from sqlalchemy.engine import Engine
from newsevents.store import Store

executed = 0
kill_after = int(sys.argv[2])


@event.listens_for(Engine, "after_cursor_execute")
def _count(*_args):
    global executed
    executed += 1
    if executed == kill_after:
        os.kill(os.getpid(), signal.SIGKILL)


Store.open(sys.argv[1]).close()
print(executed)
"""


def _open_killed_after(db: Path, statements: int) -> subprocess.CompletedProcess[str]:
    """Open (and migrate) `db` in a new process, SIGKILLed after that many statements
    (0: never)."""
    command = [sys.executable, "-c", STATEMENT_HOOK, str(db), str(statements)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def _kill_points(db: Path, scratch: Path) -> list[int]:
    if db.exists():
        shutil.copy(db, scratch)
    dry = _open_killed_after(scratch, 0)
    assert dry.returncode == 0, dry.stderr
    statements = int(dry.stdout.split()[-1])
    return sorted({statements * n // (MIGRATION_KILLS + 1) for n in range(1, MIGRATION_KILLS + 1)})


def _downgraded_copy(source: Path, target: Path, revision: str) -> None:
    """A copy of a database taken back to an older schema, as a user of an older
    version would have it (foreign keys off, as SQLite has them by default)."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    shutil.copy(source, target)
    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("newsevents.store") / "migrations")
    )
    engine = create_engine(f"sqlite:///{target}")
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, revision)
    finally:
        engine.dispose()


def test_run_killed_inside_the_first_migration_leaves_a_usable_database(tmp_path, faults):
    """SIGKILL after the n-th SQL statement of creating a new SQLite database: the next
    open must migrate it fully.

    pysqlite commits each DDL statement on its own unless a transaction is open; a kill
    between two of them used to leave tables without their alembic version, and every
    later run failed with "table documents already exists".
    """
    from newsevents.store import Store

    for point in _kill_points(tmp_path / "absent.db", tmp_path / "dry.db"):
        db = tmp_path / f"killed-at-{point}.db"
        killed = _open_killed_after(db, point)
        assert killed.returncode == -signal.SIGKILL, (point, killed.stderr)
        with Store.open(str(db)) as store:  # raised StoreError before the fix
            assert store.counts()["documents"] == 0
        assert faults.integrity(db) == "ok"


def test_upgrade_keeps_every_event_even_when_killed(tmp_path, faults, reference_run, request):
    """A database of the first schema, full of articles, upgraded to the latest by the
    next run, whether or not that run is killed on the way: every document and every
    event is still there.

    Batch migrations on SQLite copy a table and drop the old one; with foreign keys on,
    dropping `documents` deleted every event (ON DELETE CASCADE) while the documents
    survived, so no later run would code them again.
    """
    from newsevents.store import Store

    reference = request.getfixturevalue("reference")
    old = tmp_path / "old.db"
    _downgraded_copy(reference_run.db, old, "0001")
    with closing(sqlite3.connect(old)) as connection:
        kept = connection.execute("select count(*) from events").fetchone()[0]
    assert kept == reference.stored.event_rows, "the downgrade itself should keep events"
    for point in [*_kill_points(old, tmp_path / "dry.db"), 0]:
        db = tmp_path / f"upgraded-{point}.db"
        shutil.copy(old, db)
        killed = _open_killed_after(db, point)
        assert killed.returncode == (-signal.SIGKILL if point else 0), (point, killed.stderr)
        Store.open(str(db)).close()
        stored = faults.read(db)
        assert sorted(stored.doc_ids) == sorted(reference.stored.doc_ids), point
        assert stored.events == reference.stored.events, f"events lost, killed at {point}"
        assert faults.integrity(db) == "ok"
