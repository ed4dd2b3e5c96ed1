"""A backup is one .tar.gz: data.json (every row of every app, as dumpdata writes it, so it restores
on PostgreSQL and SQLite alike) and media/ (the files under MEDIA_ROOT: images, videos, documents).

Left out and rebuilt on restore: Wagtail's search index (derived from the pages) and sessions
(readers and editors sign in again)."""

import shutil
import tarfile
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models.signals import post_save
from wagtail_localize import models as localize

from story_pages.content_version import bump

EXCLUDED = ["sessions", "wagtailsearch"]
DATA = "data.json"
MEDIA = "media"


def _app_labels() -> list[str]:
    """Content types first: loading other rows may look one up (and create it if missing),
    which would then collide with the archived row."""
    labels = [app.label for app in apps.get_app_configs() if app.models_module]
    return ["contenttypes"] + [label for label in labels if label not in ("contenttypes", *EXCLUDED)]


def media_on_disk() -> bool:
    """Media in a bucket are kept by the bucket's own versioning, not in our archive."""
    return isinstance(default_storage, FileSystemStorage)


def write_backup(archive: Path) -> None:
    archive.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / DATA
        # --all: also rows a model's default manager hides.
        call_command("dumpdata", *_app_labels(), exclude=EXCLUDED, all=True, output=str(data), verbosity=0)
        partial = archive.with_name(archive.name + ".partial")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(data, arcname=DATA)
            media_root = Path(settings.MEDIA_ROOT)
            if media_on_disk() and media_root.is_dir():
                tar.add(media_root, arcname=MEDIA)
        partial.replace(archive)  # never leave a half-written file under the final name


def restore_backup(archive: Path) -> None:
    with tempfile.TemporaryDirectory() as folder, tarfile.open(archive) as tar:
        tar.extractall(folder, filter="data")  # "data": no absolute paths, links or devices
        with transaction.atomic():
            # Called inside a transaction that already wrote rows, PostgreSQL refuses to
            # TRUNCATE while foreign-key checks are deferred: run them first, defer them again
            # for loaddata (rows arrive in any order).
            _constraints("IMMEDIATE")
            call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
            ContentType.objects.clear_cache()  # it names rows that are gone now
            _constraints("DEFERRED")
            with _localize_receivers_muted():
                call_command("loaddata", str(Path(folder) / DATA), verbosity=0)
        restored_media = Path(folder) / MEDIA
        if media_on_disk() and restored_media.is_dir():
            _replace_folder(Path(settings.MEDIA_ROOT), restored_media)
    call_command("update_index", verbosity=0)
    bump()  # every cached API and feed response predates the restore


def _constraints(mode: str) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET CONSTRAINTS ALL {mode}")


@contextmanager
def _localize_receivers_muted():
    """wagtail-localize's post_save receivers ignore `raw` (wagtail-localize 1.14): loading a
    LocaleSynchronization would start a tree sync before the pages are loaded, and a
    StringTranslation would rewrite page titles. The restored rows are already consistent."""
    receivers = [
        (localize.sync_trees_on_locale_sync_save, localize.LocaleSynchronization),
        (localize.post_save_string_translation, localize.StringTranslation),
    ]
    for receiver, sender in receivers:
        post_save.disconnect(receiver, sender=sender)
    try:
        yield
    finally:
        for receiver, sender in receivers:
            post_save.connect(receiver, sender=sender)


def _replace_folder(target: Path, source: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for child in target.iterdir():
        shutil.rmtree(child) if child.is_dir() else child.unlink()
    shutil.copytree(source, target, dirs_exist_ok=True)
