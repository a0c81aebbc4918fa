"""Writing files a person keeps: atomically, readable by their owner only, with a clear failure.

A backup or a report replaces the one before it. Writing straight into the target would leave a
truncated file where a good one was if the disk fills or the process is killed part-way, so every
file goes to a temporary file in the same folder, is flushed to disk, and is then renamed over the
target in one step. On failure the old file is untouched and the message says why.
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

from twitchguide.errors import InvalidInput

PRIVATE_FILE_MODE = 0o600
PRIVATE_FOLDER_MODE = 0o700


def write_atomically(path: Path | str, data: bytes | str, *, field: str = "output") -> Path:
    """Write `data` to `path` all at once (0600), or raise InvalidInput naming `field` and why."""
    target = Path(path).expanduser()
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = target.parent if str(target.parent) else Path(".")
    try:
        is_folder, folder_exists = target.is_dir(), folder.is_dir()
    except OSError as error:  # a name too long, a loop of links: the path cannot be used
        raise InvalidInput(field, f"cannot write {target}: {_reason(error)}") from None
    if is_folder:
        raise InvalidInput(field, f"{target} is a folder; give a file name, e.g. {target}/out")
    if not folder_exists:
        raise InvalidInput(field, f"the folder {folder} does not exist; create it first")
    # Short enough to be a valid name whenever the target's is: the pid and a cut-down name.
    temporary = folder / f".{target.name[:200]}.{os.getpid()}.tmp"
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
        try:
            view = memoryview(payload)
            while view:
                written = os.write(descriptor, view)
                view = view[written:]
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(temporary, target)
    except OSError as error:
        _remove_quietly(temporary)
        kept = "the previous file is unchanged" if _exists(target) else "nothing was written"
        raise InvalidInput(field, f"cannot write {target}: {_reason(error)}; {kept}") from None
    except BaseException:
        _remove_quietly(temporary)
        raise
    _sync_folder(folder)
    return target


def make_private_folder(folder: Path | str, *, field: str = "output") -> Path:
    """Create `folder` (0700) if missing; an existing folder keeps its mode."""
    path = Path(folder).expanduser()
    try:
        path.mkdir(mode=PRIVATE_FOLDER_MODE, parents=True, exist_ok=True)
    except OSError as error:
        raise InvalidInput(field, f"cannot create the folder {path}: {_reason(error)}") from None
    return path


def _reason(error: OSError) -> str:
    """Why a write failed, in words a person can act on."""
    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "your disk quota is used up",
        errno.EFBIG: "the file is larger than this system allows",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EROFS: "the place is read-only",
        errno.ENOENT: "the folder does not exist",
        errno.EISDIR: "it is a folder",
        errno.ENOTDIR: "part of the path is not a folder",
        errno.ENAMETOOLONG: "the name is too long",
    }
    return reasons.get(error.errno or 0, error.strerror or "the system refused")


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:
        return False


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):  # never created, or already gone
        path.unlink()


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every file system lets a folder be opened."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems refuse fsync on a folder; the rename is still atomic
    finally:
        os.close(descriptor)
