"""Running one notebook: ``run_notebook`` is the one place a notebook is executed (papermill
writes the executed copy, the notebook's default parameters cell gives way to the injected
one, its HTML is exported and the task's fingerprint recorded after a clean run);
``KernelPool`` keeps one warm kernel per worker thread, emptied between notebooks, and
``KernelRoot`` gives the kernels the project root through ``$CORPUS_UTILS_ROOT``. Kept apart
from what to run (``tasks``) and from how the whole run is queued and reported (``report``).
"""

from __future__ import annotations

import contextlib
import os
import queue
import sys
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..paths import ROOT_ENV, temporary_name, write_text_replacing
from .documents import html_export
from .output import OUTPUT_LOG_ENV
from .tasks import Task, executed_path, fingerprint_path, stamp_text, task_fingerprint

# the kernel logs "KeyboardInterrupt caught in kernel" at ERROR when papermill shuts it down;
# IPython's history database is shared by kernels running at once, and says so in notebooks
# ("Session/line number was not unique in database"): report kernels keep no history
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=CRITICAL", "--HistoryManager.enabled=False"]


@dataclass
class Failure:
    """Where a notebook stopped: issue, notebook, cell (its ``In [n]`` number and first line) and the error."""

    issue_id: str
    notebook: str
    cell: int | None
    source: str
    error: str

    def __str__(self) -> str:
        cell = f"cell In [{self.cell}] «{self.source}»" if self.cell is not None else "before any cell ran"
        return f"{self.issue_id} / {self.notebook}, {cell}: {self.error}"


def run_notebook(
    task: Task, *, out_dir: Path, html: bool = True, kernels: KernelPool | None = None
) -> tuple[Failure | None, Path]:
    """Execute one notebook with its parameters; write it (and its HTML) under ``out_dir``.

    Nothing a run leaves can pass for finished work: the task's stamp is removed before the
    notebook starts and written last, after a clean run, with the fingerprint of the inputs as
    they were when it started and the files the notebook wrote; the executed notebook and its
    HTML are written under temporary names and renamed into place (a failed notebook too, to be
    read, but without a stamp). The executed notebook shows its parameters once, as Python
    literals (``'担当作为'``, not ``"\\u62c5…"``). ``kernels``: the pool whose kernel runs it (a
    pool of its own by default)."""
    load_runner()
    import papermill
    from papermill.exceptions import PapermillExecutionError

    _readable_parameters()
    target = executed_path(task, out_dir)
    stamp = fingerprint_path(task, out_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    stamp.unlink(missing_ok=True)
    fingerprint = task_fingerprint(task)
    log = target.with_name(f".{target.stem}.outputs")
    log.unlink(missing_ok=True)
    own = kernels is None
    pool = KernelPool() if own else kernels
    executed = temporary_name(target)
    failure = None
    try:
        km = pool.fresh({OUTPUT_LOG_ENV: str(log)})
        papermill.execute_notebook(
            str(task.notebook),
            str(executed),
            parameters=task.parameters,
            # no cwd: papermill would os.chdir the whole process, and two notebooks running
            # in threads would race on it; the kernels find the project through $CORPUS_UTILS_ROOT
            progress_bar=False,
            log_output=False,
            extra_arguments=KERNEL_ARGUMENTS,
            km=km,
        )
    except PapermillExecutionError as err:
        first = next((ln for ln in err.source.splitlines() if ln.strip()), "")
        failure = Failure(task.issue_id, task.notebook.name, err.exec_count, first, f"{err.ename}: {err.evalue}")
    except Exception as err:  # the kernel did not start or died, the notebook is unreadable, …
        failure = Failure(task.issue_id, task.notebook.name, None, "", f"{type(err).__name__}: {err}")
    finally:
        if own:
            pool.close()
    if executed.is_file():
        _drop_default_parameters(executed)
        if html:
            html_export(executed, target.with_suffix(".html"), issue=task.label)
        os.replace(executed, target)
    if failure is None:
        outputs = [Path(line) for line in log.read_text(encoding="utf-8").splitlines()] if log.is_file() else []
        write_text_replacing(stamp, stamp_text(fingerprint, outputs))
    log.unlink(missing_ok=True)
    return failure, target


class KernelPool:
    """One Python kernel per worker thread, kept from one notebook to the next: a kernel that
    has imported pandas, matplotlib and the package costs 2.3 s to start, more than most
    notebooks take to run. Before each notebook the kernel's namespace is emptied (``%reset``),
    its cell count set back to 1 and its environment given the notebook's settings (where to note
    the files it writes), so a notebook sees none of the one before it and its cells are
    numbered as if alone; the imported modules stay loaded. ``prestart`` starts kernels ahead,
    while the report still checks the issues; a kernel that died is replaced; ``close`` ends
    every kernel (and a notebook running in one), those still starting included. A kernel's own
    stderr (its log, a crash's last words) goes to ``log`` when given, written anew by each run:
    not to the terminal, where a kernel ended mid-request printed a traceback over the report's
    one-line messages."""

    def __init__(self, log: Path | None = None) -> None:
        self._log_path, self._log = log, None
        self._local = threading.local()
        self._started: list = []
        self._lock = threading.Lock()
        self._spares: queue.Queue = queue.Queue()
        self._pending = 0
        self._closed = False

    def prestart(self, n: int) -> None:
        """Start ``n`` kernels in the background (with pandas and matplotlib imported), for the
        first notebooks to take."""
        for _ in range(n):
            with self._lock:
                self._pending += 1
            threading.Thread(target=self._spare, daemon=True).start()

    def fresh(self, env: dict[str, str] | None = None):
        """This thread's kernel, emptied and given ``env``, started if there is none."""
        km = getattr(self._local, "km", None)
        if km is None or not km.is_alive():
            km = self._take_spare() or self._start()
            self._local.km = km
        setup = ["%reset -f", "get_ipython().execution_count = 1", "import os as __os"]
        setup += [f"__os.environ[{k!r}] = {v!r}" for k, v in (env or {}).items()]
        self._run(km, "\n".join([*setup, "del __os"]))
        return km

    def interrupt(self) -> None:
        """Interrupt what every kernel of the pool runs (as Ctrl-C in a notebook does)."""
        with self._lock:
            started = list(self._started)
        for km in started:
            with contextlib.suppress(Exception):
                km.interrupt_kernel()

    def close(self) -> None:
        """End every kernel this pool started, at once (a notebook running in one stops)."""
        with self._lock:
            started, self._started, self._closed = self._started, [], True
        for km in started:
            with contextlib.suppress(Exception):
                km.shutdown_kernel(now=True)
        if self._log is not None:
            self._log.close()

    def _start(self):
        from jupyter_client.manager import KernelManager

        km = KernelManager(kernel_name="python3")
        km.start_kernel(extra_arguments=KERNEL_ARGUMENTS, **self._stderr())
        with self._lock:
            closed = self._closed
            if not closed:
                self._started.append(km)
        if closed:  # the run ended while it started: no kernel is left behind
            km.shutdown_kernel(now=True)
            raise RuntimeError("the kernel pool is closed")
        return km

    def _stderr(self) -> dict:
        """Where a new kernel's stderr goes: the pool's log (opened at its first kernel), else the terminal."""
        if self._log_path is None:
            return {}
        with self._lock:
            if self._log is None:
                self._log_path.parent.mkdir(parents=True, exist_ok=True)
                self._log = open(self._log_path, "wb")  # noqa: SIM115 (open for the pool's life: this run's kernels)
        return {"stderr": self._log}

    def _spare(self) -> None:
        km = None
        with contextlib.suppress(Exception):
            km = self._start()
            self._run(km, "import matplotlib.pyplot, pandas")
        self._spares.put(km)

    def _take_spare(self):
        with self._lock:
            if not self._pending:
                return None
            self._pending -= 1
        km = self._spares.get()
        return km if km is not None and km.is_alive() else None

    @staticmethod
    def _run(km, code: str) -> None:
        client = km.client()
        client.start_channels()
        try:
            client.wait_for_ready(timeout=60)
            # the setup's own output (a kernel's log line forwarded as stderr) is not the report's
            client.execute_interactive(code, silent=True, timeout=60, output_hook=lambda _msg: None)
        finally:
            client.stop_channels()


# two notebooks run at once on two cores, so each kernel's BLAS gets one thread: OpenBLAS spreading
# a small matrix product over both cores spins waiting for the other notebook's core
# (topic_choice on the seed: 3.6 s with two threads, 0.23 s with one); a user's own setting stays
ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


class KernelRoot:
    """Give the kernels started inside it the project root and one BLAS thread each
    (``ONE_THREAD``, unless set already), then restore the environment."""

    def __init__(self, root: Path) -> None:
        self.root, self.before = root, {}

    def __enter__(self) -> None:
        settings = {ROOT_ENV: str(self.root)} | {k: v for k, v in ONE_THREAD.items() if k not in os.environ}
        self.before = {k: os.environ.get(k) for k in settings}
        os.environ.update(settings)

    def __exit__(self, *exc: object) -> None:
        for name, value in self.before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def load_runner() -> None:
    """Import what runs and exports notebooks (papermill, nbconvert), without the one import
    that costs most of their time: jsonschema builds a grammar for IRIs (``rfc3987_syntax``,
    1.3–4 s on this machine) that nbformat never asks for, since it checks no ``iri`` format.
    That module is marked absent before jsonschema first loads, which jsonschema allows for
    (it checks IRIs only where the module can be imported). The report calls this in a thread
    of its own while it checks the project, so the first notebook starts without waiting."""
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)
    import nbconvert  # noqa: F401
    import papermill  # noqa: F401


@lru_cache(maxsize=1)
def _readable_parameters() -> None:
    """Have papermill write Python strings as Python literals: Chinese stays readable."""
    from papermill.translators import PythonTranslator, papermill_translators

    class ReadablePython(PythonTranslator):
        @classmethod
        def translate_str(cls, val: str) -> str:
            return repr(val)

    papermill_translators.register("python", ReadablePython)


def _drop_default_parameters(notebook: Path) -> None:
    """Keep one parameters cell: papermill's injected one replaces the notebook's defaults."""
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    tags = [c.metadata.get("tags", []) for c in nb.cells]
    if any("injected-parameters" in t for t in tags):
        nb.cells = [c for c, t in zip(nb.cells, tags, strict=True) if "parameters" not in t]
        nbformat.write(nb, notebook)
