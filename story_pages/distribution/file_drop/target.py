"""What every target of a drop does (address.py chooses one from the address given). Each writes
a file whole or not at all, so an ingest never reads half of one."""

from contextlib import AbstractContextManager

from story_pages.distribution.file_drop.locking import on_this_machine


class Target:
    """Names are relative to the target's root, "/"-separated (``newsml/t63-…-vi.xml``). Used as
    a context manager: connected inside, disconnected after."""

    def __enter__(self):
        self.connect()
        return self

    def __exit__(self, *exception):
        self.close()

    def connect(self) -> None:
        pass

    def close(self) -> None:
        pass

    def prepare(self, folders: list[str]) -> None:
        """Makes the folders (and the state's) where a file system needs them."""

    def lock(self) -> AbstractContextManager:
        return on_this_machine(str(self))

    def location(self, name: str) -> str:
        """The file's address, for messages."""
        return f"{str(self).rstrip('/')}/{name}"

    def read(self, name: str) -> bytes | None:
        """The file's content, None if there is none."""
        raise NotImplementedError

    def write(self, name: str, content: bytes, content_type: str) -> None:
        """Replaces the file whole: a reader finds the previous one or the new one."""
        raise NotImplementedError
