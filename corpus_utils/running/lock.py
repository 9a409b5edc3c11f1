"""One run at a time in a project: ``report`` and ``tables`` both write ``figures/`` and
``reports/``, and a second run reading the first one's half-written files would fail or, worse,
pass them on. The lock is an exclusive ``flock`` on ``reports/.lock``, which the system releases
when the process ends however it ends, so a killed run never leaves the project locked. While
it holds the lock, a run removes the temporary files a killed run left behind.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..paths import figures_dir, leftover_temporaries


class ProjectBusy(RuntimeError):
    """Another run holds the project's lock."""


@contextmanager
def project_lock(out_dir: Path) -> Iterator[None]:
    """Hold the project's lock for the block, or raise ``ProjectBusy`` naming the run that holds it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / ".lock"
    handle = path.open("a+", encoding="utf-8")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another run"
            raise ProjectBusy(f"{holder} is working in this project; wait for it to finish, then run again") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"a run (process {os.getpid()}, started {time.strftime('%H:%M:%S')})")
        handle.flush()
        for leftover in [*leftover_temporaries(out_dir), *leftover_temporaries(figures_dir())]:
            leftover.unlink(missing_ok=True)
        yield
    finally:
        handle.close()  # closing the file releases the lock
