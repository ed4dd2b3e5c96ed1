"""What a target remembers between drops, in ``.t63-drop/state.json``: when the last complete
run began, and the version of each file written (``<revision>@<published at>@<url path>``, or
``<item version>@canceled`` for a withdrawn story's cancellation). A file is written again only
when its story has a new version, however the target's files were moved or read since."""

import json
from dataclasses import dataclass, field
from datetime import datetime

from story_pages.distribution.file_drop import DropError

STATE_FOLDER = ".t63-drop"  # also where a target keeps its temporary files
STATE_FILE = f"{STATE_FOLDER}/state.json"
FORMATS = {"newsml": ".xml", "ninjs": ".json", "ninjs1": ".json"}  # ninjs is 3.x, ninjs1 1.x
CANCELED = "@canceled"


def filename(format_name: str, translation_key, language: str) -> str:
    """One file per story and language, in its format's folder: a correction replaces it."""
    return f"{format_name}/t63-{translation_key}-{language}{FORMATS[format_name]}"


def story_version(story) -> str:
    """A new revision published, or the same moved (its URL and province are in its files)."""
    return f"{story.latest_revision_id}@{story.last_published_at}@{story.url_path}"


def is_canceled(version: str | None) -> bool:
    return bool(version) and version.endswith(CANCELED)


def cancellation_number(previous: str) -> int:
    """The NewsML-G2 item version of a cancellation: one past the story's version the target
    got (its revision), so an ingest takes it as newer; a cancellation written again keeps its."""
    head = previous.split("@", 1)[0]
    number = int(head) if head.isdigit() else 0
    return number if is_canceled(previous) else number + 1


def cancellation_version(number: int) -> str:
    return f"{number}{CANCELED}"


@dataclass
class DropState:
    last_run: datetime | None = None
    written: dict[str, str] = field(default_factory=dict)

    @classmethod
    def parse(cls, content: bytes | None, where: str) -> "DropState":
        if content is None:
            return cls()
        try:
            data = json.loads(content)
            if not isinstance(data, dict):
                return cls()
            last_run = datetime.fromisoformat(data["last_run"]) if data.get("last_run") else None
        except (ValueError, TypeError) as error:
            raise DropError(
                f"{where} cannot be read ({error}): remove it to drop every story again."
            ) from None
        written = data.get("written")
        return cls(last_run, dict(written) if isinstance(written, dict) else {})

    def dumps(self) -> bytes:
        last_run = self.last_run.isoformat() if self.last_run else None
        return json.dumps({"written": self.written, "last_run": last_run}, indent=1).encode()
