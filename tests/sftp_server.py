"""A real SFTP server in a thread, for tests: paramiko's server classes serving a folder on
127.0.0.1 and a free port, with a generated host key, accepting one user's one public key.

    with SFTPTestServer(tmp_path / "server", "vtv", client_key) as server:
        server.port, server.known_hosts_line(), server.opened_for_writing, server.renames
"""

import os
import socket
import threading
from pathlib import Path

import paramiko


class _OneKey(paramiko.ServerInterface):
    def __init__(self, user: str, key: paramiko.PKey):
        self.user, self.key = user, key

    def get_allowed_auths(self, username):
        return "publickey"

    def check_auth_publickey(self, username, key):
        if username == self.user and key == self.key:
            return paramiko.AUTH_SUCCESSFUL
        return paramiko.AUTH_FAILED

    def check_channel_request(self, kind, chanid):
        if kind == "session":
            return paramiko.OPEN_SUCCEEDED
        return paramiko.OPEN_FAILED_ADMINISTRATIVELY_PROHIBITED


class _Handle(paramiko.SFTPHandle):
    def stat(self):
        return paramiko.SFTPAttributes.from_stat(os.fstat(self.filehandle.fileno()))


class _Folder(paramiko.SFTPServerInterface):
    """The folder as the server's "/" (also the login folder); every error as its errno."""

    def __init__(self, server, test_server: "SFTPTestServer"):
        super().__init__(server)
        self.test_server = test_server

    def _real(self, path: str) -> Path:
        return self.test_server.root / self.canonicalize(path).lstrip("/")

    def _errno(self, function, *args):
        try:
            function(*args)
        except OSError as error:
            return paramiko.SFTPServer.convert_errno(error.errno)
        return paramiko.SFTP_OK

    def list_folder(self, path):
        try:
            folder = self._real(path)
            return [
                paramiko.SFTPAttributes.from_stat(os.stat(folder / name), name) for name in os.listdir(folder)
            ]
        except OSError as error:
            return paramiko.SFTPServer.convert_errno(error.errno)

    def stat(self, path):
        try:
            return paramiko.SFTPAttributes.from_stat(os.stat(self._real(path)))
        except OSError as error:
            return paramiko.SFTPServer.convert_errno(error.errno)

    lstat = stat

    def open(self, path, flags, attr):
        real = self._real(path)
        try:
            descriptor = os.open(real, flags, getattr(attr, "st_mode", None) or 0o600)
        except OSError as error:
            return paramiko.SFTPServer.convert_errno(error.errno)
        writing = flags & (os.O_WRONLY | os.O_RDWR)
        if writing:
            self.test_server.opened_for_writing.append(path)
        handle = _Handle(flags)
        handle.filehandle = os.fdopen(descriptor, "r+b" if flags & os.O_RDWR else "wb" if writing else "rb")
        handle.readfile = handle.writefile = handle.filehandle
        return handle

    def remove(self, path):
        return self._errno(os.remove, self._real(path))

    def rename(self, oldpath, newpath):
        """SFTP 3's rename: refused over an existing file."""
        if self._real(newpath).exists():
            return paramiko.SFTP_FAILURE
        self.test_server.renames.append("rename")
        return self._errno(os.rename, self._real(oldpath), self._real(newpath))

    def posix_rename(self, oldpath, newpath):
        if not self.test_server.posix_rename:
            return paramiko.SFTP_OP_UNSUPPORTED
        self.test_server.renames.append("posix-rename")
        return self._errno(os.replace, self._real(oldpath), self._real(newpath))

    def mkdir(self, path, attr):
        return self._errno(os.mkdir, self._real(path))

    def rmdir(self, path):
        return self._errno(os.rmdir, self._real(path))

    def chattr(self, path, attr):
        return self._errno(os.chmod, self._real(path), attr.st_mode)


class SFTPTestServer:
    def __init__(self, root: Path, user: str, user_key: paramiko.PKey, *, posix_rename: bool = True):
        self.root, self.user, self.user_key, self.posix_rename = root, user, user_key, posix_rename
        self.host_key = paramiko.ECDSAKey.generate()
        self.opened_for_writing: list[str] = []  # as the client named them
        self.renames: list[str] = []  # "posix-rename" or "rename", each done
        self._transports: list[paramiko.Transport] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]

    def __enter__(self):
        self.root.mkdir(parents=True, exist_ok=True)
        threading.Thread(target=self._accept, daemon=True).start()
        return self

    def __exit__(self, *exception):
        self._listener.close()
        for transport in self._transports:
            transport.close()

    def known_hosts_line(self, key: paramiko.PKey | None = None) -> str:
        key = key or self.host_key
        return f"[127.0.0.1]:{self.port} {key.get_name()} {key.get_base64()}\n"

    def _accept(self):
        while True:
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return  # closed
            transport = paramiko.Transport(connection)
            transport.add_server_key(self.host_key)
            transport.set_subsystem_handler("sftp", paramiko.SFTPServer, _Folder, self)
            self._transports.append(transport)
            try:
                transport.start_server(server=_OneKey(self.user, self.user_key))
            except (paramiko.SSHException, EOFError, OSError):
                transport.close()  # a client that went away (a refused host key)
