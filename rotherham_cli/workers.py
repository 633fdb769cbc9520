"""Share a long piece of work (reading thousands of record files) among this process and forked copies of
it, where the system forks cheaply (Linux) and more than one CPU is free to this process.

The work is split into contiguous shares in order; this process does the first itself, and each child
does one other, sends back what it made (pickled, through a pipe) and exits without running any exit
handler or flushing any output. A child that cannot be made, fails, or sends back something unreadable
costs only time: its share is done again here. ``JUDGEMENTS_JOBS=1`` keeps all the work in this process; another
number sets how many processes share it. Standard library only; nothing is printed.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
from collections.abc import Callable, Sequence
from typing import TypeVar

ENV_JOBS = "JUDGEMENTS_JOBS"
MAX_PROCESSES = 4  # each process holds its share's records: more would cost memory for little
J = TypeVar("J")


def processes(jobs: int, min_share: int) -> int:
    """How many processes ``jobs`` pieces of work are shared among: as many as CPUs are free to this
    process (or as ``JUDGEMENTS_JOBS`` says), at most ``MAX_PROCESSES``, each with at least ``min_share``
    pieces; one where forking is not cheap or safe (not Linux, or threads running)."""
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return 1
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return 1  # a copy of a process with threads (a progress bar's) might wait on a lock one held
    wanted = os.environ.get(ENV_JOBS, "").strip()
    if wanted.isdigit() and int(wanted) > 0:
        free = int(wanted)
    else:
        try:
            free = len(os.sched_getaffinity(0))
        except (AttributeError, OSError):
            free = os.cpu_count() or 1
    return max(1, min(free, MAX_PROCESSES, jobs // max(1, min_share)))


def shared(jobs: Sequence[J], here: Callable[[Sequence[J]], list], there: Callable[[Sequence[J]], list],
           min_share: int = 50) -> list[tuple[Sequence[J], list, bool]]:
    """Do ``jobs``: ``here`` does a share in this process, ``there`` one in a child (its result must
    pickle). Returns each share in order with its result and whether a child made it."""
    n = processes(len(jobs), min_share)
    if n == 1:
        return [(jobs, here(jobs), False)]
    size = -(-len(jobs) // n)
    shares = [jobs[i:i + size] for i in range(0, len(jobs), size)]
    children: dict[int, tuple[int, int]] = {}  # share -> the child doing it, not yet collected
    try:
        for i, share in enumerate(shares[1:], 1):
            child = _fork(there, share)
            if child is not None:
                children[i] = child
        out = [(shares[0], here(shares[0]), False)]
        for i, share in enumerate(shares[1:], 1):
            child = children.pop(i, None)
            got = _collect(*child) if child is not None else None
            if got is not None and len(got) == len(share):
                out.append((share, got, True))
            else:
                out.append((share, here(share), False))
        return out
    finally:  # interrupted: stop every child not yet collected, and leave none behind
        for pid, fd in children.values():
            _close(fd)
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
            _reap(pid)


def _fork(there: Callable[[Sequence[J]], list], share: Sequence[J]) -> tuple[int, int] | None:
    """A child doing a share, as its pid and the read end of its pipe; None where the system will not
    make one (too many processes or open files): the share is then done here."""
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        _close(read_end)
        _close(write_end)
        return None
    if pid == 0:  # the child: do the share, write it to the pipe, and leave at once
        code = 1
        try:
            os.close(read_end)
            view = memoryview(pickle.dumps(there(share), protocol=pickle.HIGHEST_PROTOCOL))
            while view:
                view = view[os.write(write_end, view):]
            code = 0
        except BaseException:  # any failure: the parent does the share itself
            pass
        finally:
            os._exit(code)
    os.close(write_end)
    return pid, read_end


def _collect(pid: int, fd: int) -> list | None:
    """What a child sent, once it has exited well; None where it failed."""
    try:
        with os.fdopen(fd, "rb") as fh:
            data = fh.read()
    except OSError:
        data = b""
    if _reap(pid) != 0 or not data:
        return None
    try:
        got = pickle.loads(data)
    except Exception:  # a broken message: do the share here
        return None
    return got if isinstance(got, list) else None


def _reap(pid: int) -> int:
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        return -1
    return os.waitstatus_to_exitcode(status)


def _close(fd: int) -> None:
    with contextlib.suppress(OSError):
        os.close(fd)
