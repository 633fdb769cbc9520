"""Writing files safely: never a half-written file, never an overwrite without being told to."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import JudgementsError


class OutputError(JudgementsError):
    """A file that cannot or may not be written."""


class AlreadyExists(OutputError):
    """The file exists and was not to be replaced; it is left as it was."""


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def is_stdout(path: str | os.PathLike | None) -> bool:
    """``-`` as an output path means standard output, as in most tools."""
    return path is not None and str(path) == "-"


def _special(dest: Path) -> os.stat_result | None:
    """The stat of an existing path that is not a regular file (a device, a pipe), else None."""
    try:
        st = dest.stat()
    except OSError:
        return None
    return None if stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode) else st


def check_writable(path: str | os.PathLike, force: bool = False) -> Path:
    """Refuse, before anything is written, a path that write_atomic would refuse; its folder otherwise.

    For commands that write several files: check them all first, so none is written when one may not be.
    """
    dest = Path(path)
    parent = dest.parent if str(dest.parent) else Path(".")
    if str(path).endswith(("/", os.sep)) or dest.is_dir():
        raise OutputError(f"{path}: is a folder; give a file name")
    if not parent.is_dir():
        raise OutputError(f"{dest}: cannot write: folder {parent} does not exist")
    special = _special(dest)
    if special is not None:
        if not (stat.S_ISCHR(special.st_mode) or stat.S_ISFIFO(special.st_mode)):
            raise OutputError(f"{dest}: is neither a regular file, a character device nor a pipe; not written")
        return parent  # written into, never replaced: no --force needed, nothing to lose
    if (dest.exists() or dest.is_symlink()) and not force:
        raise AlreadyExists(f"{dest}: already exists; add --force to replace it")
    return parent


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _set_mode(fd: int, dest: Path) -> None:
    """The new file's mode: a replaced file's own mode and owner, else what the umask gives a new file
    (the temporary file starts at 0600)."""
    try:
        old = dest.stat()
    except OSError:
        os.fchmod(fd, 0o666 & ~_umask())
        return
    os.fchmod(fd, stat.S_IMODE(old.st_mode))
    with contextlib.suppress(OSError):  # only root may give a file away; others keep their own
        os.fchown(fd, old.st_uid, old.st_gid)


def write_atomic(path: str | os.PathLike, data: bytes | Iterable[bytes], force: bool = False) -> Path:
    """Write data (bytes, or pieces of them written as they come) to path through a temporary file in the
    same folder, renamed into place.

    Without ``force`` an existing file is never replaced (exit 1, file untouched). On any failure,
    including an interrupt, the temporary file is removed and nothing is left behind.
    """
    dest = Path(path)
    parent = check_writable(path, force)
    pieces = [data] if isinstance(data, bytes) else data
    if _special(dest) is not None:  # a character device or a pipe: write into it, never rename over it
        try:
            with open(dest, "wb") as fh:
                fh.writelines(pieces)
        except OSError as exc:
            raise OutputError(f"{dest}: cannot write: {_reason(exc)}") from None
        return dest
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=parent)
        with os.fdopen(fd, "wb") as fh:
            fh.writelines(pieces)
            fh.flush()
            _set_mode(fh.fileno(), dest)
            os.fsync(fh.fileno())
        if force:
            os.replace(tmp_name, dest)
        else:
            try:
                os.link(tmp_name, dest)  # fails if dest appeared meanwhile: never overwrite
            except FileExistsError:
                raise AlreadyExists(f"{dest}: already exists; add --force to replace it") from None
            except OSError as exc:
                if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
                    raise
                try:  # no hard links here: create exclusively instead, a copy of what was written
                    with open(dest, "xb") as fh, open(tmp_name, "rb") as written:
                        shutil.copyfileobj(written, fh)
                except FileExistsError:
                    raise AlreadyExists(f"{dest}: already exists; add --force to replace it") from None
    except OutputError:
        raise
    except OSError as exc:
        raise OutputError(f"{dest}: cannot write: {_reason(exc)}") from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp_name)
    return dest
