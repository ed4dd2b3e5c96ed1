"""One drop into a target at a time: two would both write its state, each forgetting the other's
files. A lock file held with flock, released by the system if the process dies."""

import fcntl
import hashlib
import tempfile
from contextlib import contextmanager
from pathlib import Path

from story_pages.distribution.file_drop import DropError


@contextmanager
def exclusive(path: Path, target: str):
    with path.open("a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise DropError(f"Another drop into {target} is running.") from None
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def on_this_machine(target: str):
    """A remote target's lock, in this machine's temporary folder: it keeps the runs started here
    apart (cron starting one while the last still runs); drops into one bucket or server from
    several machines are not kept apart, so run the drop from one."""
    digest = hashlib.sha256(target.encode()).hexdigest()[:16]
    return exclusive(Path(tempfile.gettempdir()) / f"t63-drop-{digest}.lock", target)
