"""One drop: the files of the stories changed since the last run and the cancellations of those
withdrawn, written into a target, and what was written remembered there (state.py).

By default a run takes what changed since the previous complete run began. The state is saved
after every batch that wrote something and when a run fails, so a run cut short (a lost
connection, a full disk) leaves the next one to write only what it missed; a rerun with nothing
changed writes nothing. A file is not written again because it is gone: an ingest may move files
away once read.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

from story_pages.distribution.api.representation import StoryBatch
from story_pages.distribution.file_drop.documents import CONTENT_TYPES, canceled_document, story_document
from story_pages.distribution.file_drop.selection import story_batches, withdrawals
from story_pages.distribution.file_drop.state import (
    STATE_FILE,
    DropState,
    cancellation_number,
    cancellation_version,
    filename,
    is_canceled,
    story_version,
)
from story_pages.distribution.file_drop.target import Target
from story_pages.models import StoryChange

# How far before the previous run's start a run looks again: a publish whose transaction began
# before that start and committed after it was not visible to it. What it finds again unchanged
# is not written again.
OVERLAP = timedelta(minutes=10)


@dataclass
class DropReport:
    since: datetime | None  # the changes this run looked at: since then (None: all)
    files: int = 0
    stories: int = 0  # published or updated, with at least one file written
    withdrawn: int = 0  # with at least one cancellation written


class FileDrop:
    def __init__(self, target: Target, formats: list[str], request, *, force: bool = False):
        self.target, self.formats, self.request, self.force = target, formats, request, force

    def run(self, since: datetime | None = None) -> DropReport:
        """Writes into the target (connected) what changed since ``since`` (default: since the
        last complete run into this target)."""
        self.target.prepare(self.formats)
        with self.target.lock():
            state = DropState.parse(self.target.read(STATE_FILE), self.target.location(STATE_FILE))
            started = timezone.now()
            if since is None and state.last_run is not None:
                since = state.last_run - OVERLAP
            report = DropReport(since)
            try:
                for batch in story_batches(since):
                    stories, before = StoryBatch(batch, self.request), report.files
                    for story in batch:
                        written = self._story(story, stories, state)
                        report.stories += bool(written)
                        report.files += written
                    if report.files != before:
                        self._save(state)  # a checkpoint: a failure later does not undo these
                for change in withdrawals(since):
                    written = self._withdrawal(change, state)
                    report.withdrawn += bool(written)
                    report.files += written
                state.last_run = started  # only once everything is written
            except BaseException as error:
                self._save_after(error, state)
                raise
            self._save(state)
        return report

    def _story(self, story, stories: StoryBatch, state: DropState) -> int:
        """Writes the story's files that changed since they were written; how many it wrote."""
        version = story_version(story)
        item, count = None, 0
        for format_name in self.formats:
            name = filename(format_name, story.translation_key, story.locale.language_code)
            if not self.force and state.written.get(name) == version:
                continue
            item = item or stories.represent(story)
            content = story_document(format_name, item, story, stories.request)
            self.target.write(name, content, CONTENT_TYPES[format_name])
            state.written[name] = version
            count += 1
        return count

    def _withdrawal(self, change: StoryChange, state: DropState) -> int:
        """Replaces the withdrawn story's files that this target got with cancellations."""
        count = 0
        for format_name in self.formats:
            name = filename(format_name, change.translation_key, change.locale)
            previous = state.written.get(name)
            if previous is None or (is_canceled(previous) and not self.force):
                continue  # never written here (nothing to withdraw), or withdrawn already
            number = cancellation_number(previous)
            content = canceled_document(format_name, change, number, self.request)
            self.target.write(name, content, CONTENT_TYPES[format_name])
            state.written[name] = cancellation_version(number)
            count += 1
        return count

    def _save(self, state: DropState) -> None:
        self.target.write(STATE_FILE, state.dumps(), "application/json")

    def _save_after(self, error: BaseException, state: DropState) -> None:
        """Saves what the failed run wrote; if that fails too (the same lost connection), the
        run's own error is the one to show, and the next run writes those files again."""
        try:
            self._save(state)
        except Exception as save_error:
            error.add_note(
                f"The drop's state could not be saved either ({save_error}): the next run writes "
                "again what this one wrote."
            )
