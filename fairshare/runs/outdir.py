"""`out/<month>/` is always one whole publication: written aside, then swapped in atomically.

The publisher writes into `out/.staging-<month>-<pid>/` and, when every file is written, swaps it
with `out/<month>/` in one `renameat2(RENAME_EXCHANGE)` system call (Linux), then removes the old
tree. A publish killed at any moment leaves the previous `out/<month>/` untouched (and a staging
folder that the next publish removes). Where the exchange is not available, two renames in a row
(a window of microseconds without `out/<month>/`).
"""

from __future__ import annotations

import ctypes
import errno
import logging
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger("fairshare.publish")

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths; False where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, f"cannot swap {a} and {b}: {os.strerror(code)}")


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_staging(out_dir: Path, month: str) -> None:
    """Staging folders of publishes that were killed (their process is gone)."""
    for stale in out_dir.glob(f".staging-{month}-*"):
        pid = stale.name.rsplit("-", 1)[-1]
        if pid.isdigit() and int(pid) != os.getpid() and not _pid_alive(int(pid)):
            log.info("removing %s left by an interrupted publish", stale)
            shutil.rmtree(stale, ignore_errors=True)


def swap_into_place(staging: Path, final: Path) -> None:
    if not final.exists():
        os.rename(staging, final)
        return
    if _exchange(staging, final):
        shutil.rmtree(staging)  # now the previous publication
        return
    old = final.with_name(f".old-{final.name}-{os.getpid()}")
    os.rename(final, old)
    os.rename(staging, final)
    shutil.rmtree(old)


@contextmanager
def staged_month_dir(out_dir: Path, month: str) -> Iterator[Path]:
    """A fresh folder to write the month's publication into; swapped into `out/<month>` when the
    block succeeds, removed when it fails."""
    out_dir.mkdir(parents=True, exist_ok=True)
    remove_stale_staging(out_dir, month)
    staging = out_dir / f".staging-{month}-{os.getpid()}"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir()
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap_into_place(staging, out_dir / month)
