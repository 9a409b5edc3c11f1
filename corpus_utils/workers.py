"""Work spread over processes: how many workers, and one map that every pass over many issues
goes through.

On Linux the workers are forked from this process, so what it has loaded before the pool starts
(the stages' modules, the tokenizer's engine) they have too: ``mapped`` takes a ``warm_up`` to
load it once here instead of once per worker.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any


def worker_count(jobs: int | None = None) -> int:
    """``jobs`` if given, else one worker per core (at least one)."""
    return jobs or os.cpu_count() or 1


def mapped(
    fn: Callable[..., Any],
    items: Sequence[Any],
    *extra: Any,
    jobs: int | None = None,
    warm_up: Callable[[], None] | None = None,
) -> Iterator[Any]:
    """``fn(item, *extra)`` for every item, in order: in ``jobs`` worker processes (default: one
    per core), or in this process where there is one job or one item."""
    jobs = worker_count(jobs)
    if jobs == 1 or len(items) <= 1:
        yield from (fn(item, *extra) for item in items)
        return
    if warm_up is not None:
        warm_up()
    with ProcessPoolExecutor(max_workers=jobs, initializer=end_with_parent, initargs=(os.getpid(),)) as pool:
        yield from pool.map(fn, items, *_repeated(extra, len(items)), chunksize=1)


def end_with_parent(parent: int) -> None:
    """Make this worker end when the process that started it ends, however it ends (a ``kill -9``
    included), so that no worker is left running on its own (Linux; elsewhere nothing changes)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent ended before the line above
        os._exit(1)


def _repeated(extra: Iterable[Any], n: int) -> list[list[Any]]:
    return [[value] * n for value in extra]
