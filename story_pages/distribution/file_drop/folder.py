"""A local folder (or one where the ingest's storage is mounted) as a drop's target."""

import os
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

from story_pages.distribution.file_drop import DropError
from story_pages.distribution.file_drop.locking import exclusive
from story_pages.distribution.file_drop.state import STATE_FOLDER
from story_pages.distribution.file_drop.target import Target


class FolderTarget(Target):
    def __init__(self, path: Path):
        self.path = path

    @classmethod
    def at(cls, to: str) -> "FolderTarget":
        path = Path(unquote(urlsplit(to).path) if to.lower().startswith("file://") else to).expanduser()
        if path.exists() and not path.is_dir():
            raise DropError(f"{path} is not a folder.")
        return cls(path.resolve())

    def __str__(self):
        return str(self.path)

    def prepare(self, folders: list[str]) -> None:
        try:
            (self.path / STATE_FOLDER).mkdir(parents=True, exist_ok=True)
            for name in folders:
                (self.path / name).mkdir(exist_ok=True)
        except OSError as error:
            raise DropError(f"The folders of the drop cannot be made in {self.path}: {error}") from None

    def lock(self):
        return exclusive(self.path / STATE_FOLDER / "lock", str(self.path))

    def read(self, name: str) -> bytes | None:
        try:
            return (self.path / name).read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            raise DropError(f"{self.path / name} cannot be read: {error}") from None

    def write(self, name: str, content: bytes, content_type: str) -> None:
        """Writes a temporary file in the state's folder (in the target, so on its file system,
        and out of the folders an ingest watches) and renames it."""
        try:
            handle, temporary = tempfile.mkstemp(dir=self.path / STATE_FOLDER, suffix=".tmp")
        except OSError as error:
            raise DropError(f"{self.path / name} cannot be written: {error}") from None
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(content)
                file.flush()
                os.fsync(file.fileno())
            os.chmod(temporary, 0o644)  # readable by the ingest's own user, as a copied file would be
            os.replace(temporary, self.path / name)
        except BaseException as error:
            Path(temporary).unlink(missing_ok=True)
            if isinstance(error, OSError):
                raise DropError(f"{self.path / name} cannot be written: {error}") from None
            raise
