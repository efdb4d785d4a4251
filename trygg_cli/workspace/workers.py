"""Work in worker processes, interruptible: what a workspace load uses for many files."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

Chunk = TypeVar("Chunk")
Done = TypeVar("Done")


def in_processes(
    work: Callable[[Chunk], Done],
    chunks: Sequence[Chunk],
    workers: int,
    arrived: Callable[[Done], None],
) -> None:
    """Run ``work`` on each chunk in ``workers`` processes; ``arrived`` gets each outcome
    as it comes (in no particular order). ``work`` must be picklable. Ctrl-C reaches only
    this process: the workers ignore it. On Ctrl-C (or any error here) the chunks not
    started are dropped and the workers are ended at once, not waited for, so an
    interrupted run ends within a second and without a worker's traceback."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_ignore_interrupts)
    try:
        # No list of the futures is kept: each one holds its outcome, and as_completed
        # lets go of a future once it has given it, so what ``arrived`` drops is freed.
        for future in as_completed([pool.submit(work, chunk) for chunk in chunks]):
            arrived(future.result())
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown()


def _stop(pool: Any) -> None:
    """Drop the chunks not started and end the workers now. (multiprocessing.Pool's own
    terminate() can hang when its task queue is full and its workers are gone.) The
    workers are the executor's ``_processes``, read before shutdown forgets them; were
    that name ever gone, the workers would still stop after their current chunk."""
    processes = dict(getattr(pool, "_processes", None) or {})
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes.values():
        if process.is_alive():
            process.terminate()


def _ignore_interrupts() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
