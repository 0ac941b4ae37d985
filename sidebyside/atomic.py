"""Writing files so that a crash or a full disk never leaves half a file:
write a temporary file beside the target, flush it to disk, then rename it
over the target in one step."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

# What tempfile.mkstemp opens a file with; tempfile itself is not imported
# (it loads shutil, random, bz2 and lzma: some 8 ms of every align run that
# writes a file, on a plain install).
_NEW_FILE = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


#: Writes a text a part at a time, with the ``write`` it is given.
Writer = Callable[[Callable[[str], object]], None]


def _opened(fd_or_path, data: str | bytes | Writer, encoding: str):
    if isinstance(data, bytes):
        return open(fd_or_path, "wb")
    return open(fd_or_path, "w", encoding=encoding, newline="")


def _new_file_beside(path: Path) -> tuple[int, str]:
    """A file no one else has opened, beside ``path``, named
    ``.name.<random>.tmp``, readable by its owner only (as tempfile.mkstemp
    makes it): its descriptor and path."""
    for _ in range(100):
        tmp = os.path.join(path.parent, f".{path.name}.{os.urandom(6).hex()}.tmp")
        try:
            return os.open(tmp, _NEW_FILE, 0o600), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"{path.parent}: no free name for a temporary file")


def _fill(handle, text: str | bytes | Writer) -> None:
    if callable(text):
        text(handle.write)
    else:
        handle.write(text)


def atomic_write(path: Path, text: str | bytes | Writer, encoding: str = "utf-8") -> None:
    """Replace ``path`` with ``text`` (or bytes, written as they are; or
    what a :data:`Writer` hands its ``write`` a part at a time); raises
    OSError (the target untouched).

    A target that exists but is not a regular file (``/dev/null``, a pipe, a
    terminal) is written to in place: renaming over it would replace the
    device itself."""
    path = Path(path)
    if path.exists() and not path.is_file():
        with _opened(path, text, encoding) as handle:
            _fill(handle, text)
        return
    fd, tmp = _new_file_beside(path)
    try:
        with _opened(fd, text, encoding) as handle:
            _fill(handle, text)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
