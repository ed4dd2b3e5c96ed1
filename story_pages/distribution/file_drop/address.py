"""A drop's target from its address: a folder (a path or ``file://``), an S3 bucket
(``s3://bucket/prefix/``) or an SFTP server (``sftp://user@host[:port]/path/``)."""

from urllib.parse import urlsplit

from story_pages.distribution.file_drop import DropError
from story_pages.distribution.file_drop.folder import FolderTarget
from story_pages.distribution.file_drop.s3 import S3Target
from story_pages.distribution.file_drop.sftp import SftpTarget
from story_pages.distribution.file_drop.target import Target


def open_target(to: str, *, key_file: str | None = None, known_hosts: str | None = None) -> Target:
    """The target at ``to``, not connected yet; ``key_file`` and ``known_hosts`` are an SFTP
    target's."""
    scheme = urlsplit(to).scheme.lower() if "://" in to else ""
    if scheme != "sftp" and (key_file or known_hosts):
        raise DropError("--key-file and --known-hosts are for sftp:// targets only.")
    if scheme in ("", "file"):
        return FolderTarget.at(to)
    if scheme == "s3":
        return S3Target.at(to)
    if scheme == "sftp":
        return SftpTarget.at(to, key_file=key_file, known_hosts=known_hosts)
    raise DropError(
        f"{scheme}:// targets are not supported: drop into a folder, s3://bucket/prefix/ or "
        "sftp://user@host/path/, or into a folder copied there afterwards (rsync, rclone)."
    )
