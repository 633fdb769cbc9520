"""A PDF's text read where its cost is bounded: in a child process with a memory and a time limit.

A PDF can cost its reader far more than its size: a 3 kB file of Form XObjects that draw each other
asks for billions of words, a 2 MB stream inflates to 2 GB, and the PDF library (C++) checks no limit
of ours while it works on a page, nor returns to Python for a signal to be handled. So the text is
read in a child process that may use at most :data:`MAX_MEMORY_MB` of memory (``RLIMIT_AS``, set in
the child) and is killed when a file takes longer than :data:`MAX_SECONDS`. Each way it can fail is
one line naming the file.

One child serves one file after another (a batch costs one start, about 0.2 s, not one per file), and
a new one is started after a child is killed or dies. Ctrl-C, SIGTERM (raised as an interruption by the
CLI) or any error in the parent kills the child; on Linux the child is also killed when the parent dies.
The child answers in JSON, never pickle: a child that a hostile PDF took over can send the parent
nothing but text.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

from .model import ReportError

# Ofsted's reports need about 35 MB of memory and well under a second each (benchmarks/corpus.md).
MAX_MEMORY_MB = 512
MAX_SECONDS = 30
# More text than any report holds (the longest has about 120,000 characters): beyond it, refused.
MAX_TEXT_CHARS = 10_000_000

_CHILD = "from rotherham_cli.pdfimport.bounded import serve; serve()"


class PdfReader:
    """A child process that reads PDFs' text under limits; ``pages(path)`` for each file."""

    def __init__(self, memory_mb: int | None = None, seconds: float | None = None):
        self._memory_mb, self._seconds = memory_mb, seconds
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def memory_mb(self) -> int:
        return self._memory_mb or MAX_MEMORY_MB

    @property
    def seconds(self) -> float:
        return self._seconds or MAX_SECONDS

    def __enter__(self) -> PdfReader:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def pages(self, path: Path) -> list[str]:
        """The text of each page of ``path`` (checked to be a PDF file already); ReportError otherwise."""
        try:  # a relative path is read from our folder now, wherever the child was started
            here = os.getcwd()
        except OSError:
            here = None
        request = json.dumps({"path": os.fsdecode(path), "cwd": here}, ensure_ascii=True) + "\n"
        try:
            proc = self._start()
            assert proc.stdin is not None  # _start makes both ends pipes
            proc.stdin.write(request.encode("ascii"))
            proc.stdin.flush()
            line = self._answer(proc, path)
        except BrokenPipeError:
            line = b""  # the child died before it read the request
        except BaseException:  # an interruption, SIGTERM, a limit passed: the child goes with it
            self.close(kill=True)
            raise
        if not line:
            raise ReportError(self._death(path))
        answer = json.loads(line)
        if "error" in answer:
            raise ReportError(answer["error"])
        if answer.get("too_large"):
            raise ReportError(self._too_large(path))
        return answer["pages"]

    def close(self, kill: bool = False) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        assert proc.stdin is not None and proc.stdout is not None  # _start makes both ends pipes
        if kill:
            proc.kill()
        with contextlib.suppress(OSError):  # a killed child's pipe may hold an unsent request
            proc.stdin.close()
        try:
            proc.wait(timeout=None if kill else 2)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        with contextlib.suppress(OSError):
            proc.stdout.close()

    # -- the child and its answers ---------------------------------------------------------------

    def _start(self) -> subprocess.Popen[bytes]:
        if self._proc is not None and self._proc.poll() is None:
            return self._proc
        self.close()
        package_home = str(Path(__file__).resolve().parents[2])
        env = {**os.environ, "JUDGEMENTS_PDF_MEMORY_MB": str(self.memory_mb), "JUDGEMENTS_PDF_PARENT": str(os.getpid()),
               "PYTHONPATH": os.pathsep.join(filter(None, [package_home, os.environ.get("PYTHONPATH")]))}
        debug = bool(os.environ.get("JUDGEMENTS_DEBUG"))
        self._proc = subprocess.Popen(
            [sys.executable, "-c", _CHILD], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=None if debug else subprocess.DEVNULL, env=env, close_fds=True,
        )
        return self._proc

    def _answer(self, proc: subprocess.Popen[bytes], path: Path) -> bytes:
        """The child's one-line answer, or b"" if it died; the child is killed past the time limit."""
        assert proc.stdout is not None  # _start makes both ends pipes
        if os.name == "nt":  # pragma: no cover - no select() on a pipe there: no time limit either
            return proc.stdout.readline()
        deadline = time.monotonic() + self.seconds
        fd = proc.stdout.fileno()
        chunks: list[bytes] = []
        size = 0
        with selectors.DefaultSelector() as sel:
            sel.register(fd, selectors.EVENT_READ)
            while True:
                left = deadline - time.monotonic()
                if left <= 0 or not sel.select(timeout=left):
                    self.close(kill=True)
                    raise ReportError(f"{path}: took longer than {self.seconds:g} s to read; not read")
                chunk = os.read(fd, 1 << 20)
                if not chunk:
                    return b""
                chunks.append(chunk)
                size += len(chunk)
                if chunk.endswith(b"\n"):
                    return b"".join(chunks)
                if size > 8 * MAX_TEXT_CHARS:  # JSON escapes at most six bytes a character, plus framing
                    self.close(kill=True)
                    raise ReportError(self._too_large(path))

    def _death(self, path: Path) -> str:
        proc = self._proc
        code = proc.wait() if proc is not None else None
        self.close()
        if code == -signal.SIGINT:  # Ctrl-C reached the child first; the parent's own is on its way
            raise KeyboardInterrupt
        if code in (-signal.SIGABRT, -signal.SIGKILL):
            # The PDF library aborts when memory is refused to it; the kernel kills a process that ran
            # the machine out of memory.
            return self._too_large(path)
        if code is not None and code < 0:  # another signal: a crash of the PDF library on this file
            return f"{path}: the PDF library crashed reading it (signal {-code}); the PDF may be damaged; not read"
        return (f"{path}: the PDF reader stopped before it answered (exit status {code}; set "
                "JUDGEMENTS_DEBUG=1 to see why); not read")

    def _too_large(self, path: Path) -> str:
        return f"{path}: too large to read (more than {self.memory_mb:,} MB of page content); not read"


_shared: list[PdfReader] = []


def shared_reader() -> PdfReader:
    """The process's one reader, started at its first PDF and closed at exit."""
    if not _shared:
        _shared.append(PdfReader())
        atexit.register(_shared[0].close)
    return _shared[0]


# -- the child --------------------------------------------------------------------------------------


def serve() -> None:
    """The child: limit itself, then answer each request line (a path) with one line of JSON."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C at a terminal reaches the child too: die at once
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()
    memory = int(os.environ.get("JUDGEMENTS_PDF_MEMORY_MB") or MAX_MEMORY_MB) * 2**20
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    except (ImportError, ValueError, OSError):  # pragma: no cover - no such limit on this system
        pass
    # The answers go to a descriptor of their own; anything the C library prints goes to stderr.
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    _widen(answers.fileno())
    from .extract import _pages_pypdfium2

    answer: dict[str, object] | None
    for line in sys.stdin.buffer:
        request = json.loads(line)
        path = Path(request["path"])
        try:
            if request.get("cwd"):
                os.chdir(request["cwd"])
            answer = {"pages": _pages_pypdfium2(path, MAX_TEXT_CHARS)}
        except ReportError as exc:
            answer = {"error": str(exc)}
        except MemoryError:
            answer = {"too_large": True}
        except Exception as exc:  # any other failure is this file's one line, not the end of the child
            answer = {"error": f"{path}: unexpected {type(exc).__name__} while reading its text: {exc}"}
        answers.write(json.dumps(answer, ensure_ascii=True).encode("ascii") + b"\n")
        answers.flush()
        answer = None


def _widen(fd: int) -> None:
    """On Linux, let the pipe hold a whole answer (a report's text is 0.1-0.5 MB; a pipe holds 64 kB):
    each time a full pipe makes the child wait for the parent costs a turn of the scheduler."""
    try:
        import fcntl

        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, 1 << 20)
    except (ImportError, AttributeError, OSError):  # pragma: no cover - not Linux, or a lower limit set
        pass


def _die_with_parent() -> None:
    """On Linux, have the kernel kill this child when its parent dies (even by SIGKILL). The kernel
    watches the thread that started the child: start readers from a thread that lives as long as they do
    (the command reads PDFs in its main thread)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover
        pass
    if os.environ.get("JUDGEMENTS_PDF_PARENT") != str(os.getppid()):  # the parent died before the call
        os._exit(1)
