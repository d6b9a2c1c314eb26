"""The package's disk caches (gazetteer index, actor dictionary): one folder, files
written atomically and read back as marshal data, rebuilt when unreadable."""

from __future__ import annotations

import gc
import logging
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

logger = logging.getLogger(__name__)

CACHE_ENV = "NEWSEVENTS_CACHE_DIR"
T = TypeVar("T")
# what a damaged or foreign file raises while it is read or unpacked
_UNREADABLE = (OSError, EOFError, ValueError, TypeError, KeyError, IndexError, AttributeError)


def cache_dir() -> Path:
    """`NEWSEVENTS_CACHE_DIR`, else the user's cache folder (a temporary folder when
    there is no home to find)."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    try:
        return _user_cache_dir()
    except (RuntimeError, KeyError):  # no HOME: a locked-down worker
        return Path(tempfile.gettempdir()) / "newsevents-cache"


def _user_cache_dir() -> Path:
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "newsevents"


def read_cache(path: Path, unpack: Callable[[Any], T], what: str) -> T | None:
    """The unpacked contents of a cache file, or None when it is missing or unreadable."""
    collecting = gc.isenabled()
    gc.disable()  # tens of thousands of new objects, none of them garbage: no passes
    try:
        with path.open("rb") as handle:
            return unpack(marshal.load(handle))
    except FileNotFoundError:
        return None
    except _UNREADABLE as exc:
        logger.warning("%s cache %s unreadable (%s): rebuilding it", what, path, exc)
        return None
    finally:
        if collecting:
            gc.enable()


def write_cache(path: Path, value: dict[str, Any], what: str) -> None:
    """Write a cache file atomically (a reader never sees half a file); give up quietly
    if we can't: the caller keeps what it built in memory."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{what}-")
        try:
            with os.fdopen(fd, "wb") as handle:
                marshal.dump(value, handle)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        logger.info("%s cache not written to %s (%s): built in memory", what, path, exc)
