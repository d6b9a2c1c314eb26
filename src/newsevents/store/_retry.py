"""Retries for the failures concurrent writers cause and that go away by themselves:
a PostgreSQL deadlock or serialization failure, a SQLite file busy or locked by
another process. The whole transaction is run again after a growing random pause;
any other error is raised at once.
"""

from __future__ import annotations

import functools
import logging
import random
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from sqlalchemy.exc import DBAPIError

from newsevents.errors import StoreError

logger = logging.getLogger(__name__)

ATTEMPTS = 8  # in all, the first included
FIRST_PAUSE = 0.05  # seconds; doubles each time, up to MAX_PAUSE, with full jitter
MAX_PAUSE = 2.0
# SQLSTATE codes: serialization_failure, deadlock_detected.
_TRANSIENT_SQLSTATES = frozenset({"40001", "40P01"})
# SQLite primary result codes: SQLITE_BUSY ("database is locked"), SQLITE_LOCKED.
_TRANSIENT_SQLITE_CODES = frozenset({5, 6})

P = ParamSpec("P")
R = TypeVar("R")


def is_transient(error: BaseException | None) -> bool:
    """Whether a database error is one that trying the transaction again can cure."""
    if not isinstance(error, DBAPIError) or error.connection_invalidated:
        return False
    original = error.orig
    if getattr(original, "sqlstate", None) in _TRANSIENT_SQLSTATES:  # psycopg
        return True
    code = getattr(original, "sqlite_errorcode", None)  # sqlite3, Python 3.11+
    return isinstance(code, int) and code & 0xFF in _TRANSIENT_SQLITE_CODES


def pause(attempt: int) -> float:
    """Seconds to wait before try number `attempt + 1`: exponential, fully jittered, so
    that writers who collided do not collide again in step."""
    return random.uniform(0, min(MAX_PAUSE, FIRST_PAUSE * 2**attempt))


def retry_transient(method: Callable[P, R]) -> Callable[P, R]:
    """Run a store method that does its work in one transaction again when it failed
    with a transient database error (its StoreError's context), up to ATTEMPTS times."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        for attempt in range(1, ATTEMPTS):
            try:
                return method(*args, **kwargs)
            except StoreError as exc:
                # The store raises StoreError "from None": the driver's error stays
                # its __context__, only hidden from the traceback.
                if not is_transient(exc.__context__):
                    raise
                wait = pause(attempt)
                logger.info("%s; trying again in %.2f s (%d/%d)", exc, wait, attempt, ATTEMPTS)
                time.sleep(wait)
        return method(*args, **kwargs)

    return wrapper
