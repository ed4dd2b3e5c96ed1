"""An SFTP server as a drop's target: ``sftp://user@host[:port]/path/`` (``/~/path/``: under the
user's login folder).

Authentication by key only (``--key-file`` or T63_DROP_SFTP_KEY_FILE; a password in the address
is refused), and the server's host key must be known: in ``--known-hosts`` (or
T63_DROP_SFTP_KNOWN_HOSTS), else in the user's ``~/.ssh/known_hosts``. An unknown or changed
host key stops the drop: its files would go to whoever answers at that address.

A file is written under a temporary name in the target's ``.t63-drop/`` folder, out of the
folders an ingest watches, then renamed over the previous one with OpenSSH's posix-rename; a
server without it gets a plain rename after the previous file is removed (a reader then may find
no file for an instant, never half of one).
"""

import errno
import posixpath
import stat
import uuid
from pathlib import Path
from urllib.parse import unquote, urlsplit

import paramiko

from story_pages.distribution.file_drop import DropError
from story_pages.distribution.file_drop.state import STATE_FOLDER
from story_pages.distribution.file_drop.target import Target

TIMEOUT = 30  # seconds: to connect, authenticate, and for any one answer of the server


class _UnknownHostKey(paramiko.SSHException):
    pass


class _RefuseUnknownHosts(paramiko.MissingHostKeyPolicy):
    """As paramiko's RejectPolicy, with the key offered, so the error can show its fingerprint."""

    def missing_host_key(self, client, hostname, key):
        raise _UnknownHostKey(hostname, key)


class SftpTarget(Target):
    def __init__(self, user: str, host: str, port: int, root: str, key_file: str, known_hosts: str | None):
        self.user, self.host, self.port, self.root = user, host, port, root
        self.key_file, self.known_hosts = key_file, known_hosts
        self.client = self.sftp = None
        self.posix_rename = True  # until the server says it has none

    @classmethod
    def at(cls, to: str, *, key_file: str | None, known_hosts: str | None) -> "SftpTarget":
        address = urlsplit(to)
        if address.password is not None:
            raise DropError("sftp:// targets authenticate with a key: take the password out of the address.")
        try:
            port = address.port or 22
        except ValueError:
            raise DropError(f"{to}: the port is not a number.") from None
        if not address.username or not address.hostname:
            raise DropError(f"{to}: name the user and the server, as sftp://user@host[:port]/path/.")
        if not key_file:
            raise DropError(
                "sftp:// targets authenticate with a key: give --key-file, or set T63_DROP_SFTP_KEY_FILE."
            )
        path = unquote(address.path) or "/"
        if path == "/~" or path.startswith("/~/"):
            root = path[3:].rstrip("/") or "."  # relative: the server starts in the login folder
        else:
            root = path.rstrip("/") or "/"
        return cls(unquote(address.username), address.hostname, port, root, key_file, known_hosts)

    def __str__(self):
        port = "" if self.port == 22 else f":{self.port}"
        path = self.root if self.root.startswith("/") else f"/~/{self.root}".removesuffix("/.")
        return f"sftp://{self.user}@{self.host}{port}{path.rstrip('/')}/"

    def connect(self) -> None:
        key = self._key()
        client = paramiko.SSHClient()
        client.set_missing_host_key_policy(_RefuseUnknownHosts())
        try:
            client.load_system_host_keys(self.known_hosts and str(Path(self.known_hosts).expanduser()))
        except OSError as error:
            raise DropError(f"--known-hosts {self.known_hosts} cannot be read: {error}") from None
        try:
            client.connect(
                self.host,
                self.port,
                username=self.user,
                pkey=key,
                allow_agent=False,
                look_for_keys=False,
                timeout=TIMEOUT,
                banner_timeout=TIMEOUT,
                auth_timeout=TIMEOUT,
            )
            self.sftp = client.open_sftp()
            self.sftp.get_channel().settimeout(TIMEOUT)
        except _UnknownHostKey as error:
            client.close()
            raise DropError(self._unknown_host(error.args[1])) from None
        except paramiko.BadHostKeyException as error:
            client.close()
            raise DropError(
                f"{self._server()} offered the host key {error.key.fingerprint}, not the one known_hosts "
                "has for it: the server was reinstalled, or someone is in between. Check with the "
                "server's administrator before replacing its line in known_hosts."
            ) from None
        except paramiko.AuthenticationException:
            client.close()
            raise DropError(
                f"{self._server()} refused the key {self.key_file} for {self.user!r}: its public key "
                f"must be in that user's authorized_keys on the server."
            ) from None
        except (paramiko.SSHException, OSError) as error:
            client.close()
            raise DropError(f"{self._server()} cannot be reached over SFTP: {error}") from None
        self.client = client

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = self.sftp = None

    def prepare(self, folders: list[str]) -> None:
        for name in [STATE_FOLDER, *folders]:
            try:
                self._make_folder(self._path(name))
            except (OSError, paramiko.SSHException) as error:
                raise DropError(f"The folder {self.location(name)} cannot be made: {error}") from None

    def read(self, name: str) -> bytes | None:
        try:
            with self.sftp.open(self._path(name), "rb") as file:
                return file.read()
        except FileNotFoundError:
            return None
        except (OSError, paramiko.SSHException) as error:
            raise DropError(f"{self.location(name)} cannot be read: {error}") from None

    def write(self, name: str, content: bytes, content_type: str) -> None:
        temporary = self._path(f"{STATE_FOLDER}/{uuid.uuid4().hex}.tmp")
        try:
            with self.sftp.open(temporary, "wb") as file:
                file.write(content)
            self.sftp.chmod(temporary, 0o644)  # readable by the ingest's own user
            self._replace(temporary, self._path(name))
        except BaseException as error:
            try:
                self.sftp.remove(temporary)
            except (OSError, paramiko.SSHException):
                pass  # never made, or the connection is gone: the next run's rename is what counts
            if isinstance(error, OSError | paramiko.SSHException):
                raise DropError(f"{self.location(name)} cannot be written: {error}") from None
            raise

    def _replace(self, source: str, destination: str) -> None:
        if self.posix_rename:
            try:
                self.sftp.posix_rename(source, destination)
                return
            except OSError as error:
                if error.errno in (errno.ENOENT, errno.EACCES):
                    raise
                self.posix_rename = False  # "Operation unsupported": rename as SFTP 3 does
        try:
            self.sftp.remove(destination)
        except FileNotFoundError:
            pass
        self.sftp.rename(source, destination)

    def _make_folder(self, path: str) -> None:
        try:
            if not stat.S_ISDIR(self.sftp.stat(path).st_mode or 0):
                raise DropError(f"{path} on {self._server()} is not a folder.")
        except FileNotFoundError:
            parent = posixpath.dirname(path)
            if parent and parent != path:
                self._make_folder(parent)
            self.sftp.mkdir(path)

    def _path(self, name: str) -> str:
        return posixpath.join(self.root, name)

    def _key(self) -> paramiko.PKey:
        try:
            return paramiko.PKey.from_path(self.key_file)
        except FileNotFoundError:
            raise DropError(f"The key file {self.key_file} does not exist.") from None
        except (TypeError, paramiko.PasswordRequiredException):
            raise DropError(
                f"The key {self.key_file} is protected by a passphrase: give the drop a key of its own "
                "without one, readable only by the user that runs it."
            ) from None
        except (OSError, ValueError, paramiko.SSHException) as error:
            raise DropError(
                f"The key file {self.key_file} cannot be read as a private key: {error}"
            ) from None

    def _server(self) -> str:
        return self.host if self.port == 22 else f"[{self.host}]:{self.port}"

    def _unknown_host(self, key: paramiko.PKey) -> str:
        where = self.known_hosts or "~/.ssh/known_hosts"
        scan = f"ssh-keyscan -p {self.port} {self.host}" if self.port != 22 else f"ssh-keyscan {self.host}"
        return (
            f"{self._server()} is not a known host: its key {key.get_name()} {key.fingerprint} is not in "
            f"{where}. Check that fingerprint with the server's administrator, then add the server's "
            f"line (`{scan}`) to {where}, or give another file with --known-hosts."
        )
