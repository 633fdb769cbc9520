"""Writing to standard output so that output cut short is never taken for output complete.

A file's size limit (`ulimit -f`) lets write(2) write part of what it is given and say so; Python's
buffered stdout passes that short count on without raising, and a full disk is only seen when the
buffer is flushed. Every write here goes to the file descriptor until all of it is written, and a
write that cannot finish raises :class:`OutputCutShort` (the CLI prints one line and exits 1).
"""

from __future__ import annotations

import io
import os
import sys

from .errors import JudgementsError


class OutputCutShort(JudgementsError, OSError):
    """Standard output took only part of what was written (a full disk, a file size limit). An OSError
    too, so that where no command's handler runs (--version, --help) it is still the one line."""

    def __str__(self) -> str:
        return f"cannot write the output: {self.strerror}"


def write_stdout(data: str | bytes) -> None:
    """Write ``data`` (text is encoded as stdout's encoding would) to standard output, all of it, and
    flush. A broken pipe is raised as it is (the reader went away: the CLI stops quietly)."""
    out = sys.stdout
    if isinstance(data, str):
        encoding = getattr(out, "encoding", None) or "utf-8"
        errors = getattr(out, "errors", None) or "strict"
        data = data.encode(encoding, errors)
    try:
        out.flush()  # what was written through sys.stdout first goes first
        try:
            fd = out.fileno()
        except (AttributeError, io.UnsupportedOperation, ValueError):
            fd = None  # not a real file (a test's buffer): write through its buffer, counting
        if fd is None:
            _write_buffer(out, data)
        else:
            _write_fd(fd, data)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputCutShort(exc.errno or 0, exc.strerror or str(exc)) from None


def _write_fd(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:
            raise OSError(0, "the output took no more bytes")
        view = view[written:]


def _write_buffer(out, data: bytes) -> None:
    buffer = getattr(out, "buffer", None)
    if buffer is None:
        out.write(data.decode(getattr(out, "encoding", None) or "utf-8"))
        out.flush()
        return
    view = memoryview(data)
    while view:
        written = buffer.write(view)
        if written is None:
            written = len(view)
        if written <= 0:
            raise OSError(0, "the output took no more bytes")
        view = view[written:]
    buffer.flush()
