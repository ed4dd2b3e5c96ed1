from pathlib import Path

from django.core.management.base import BaseCommand

from t63site.operations.archive import write_backup


class Command(BaseCommand):
    help = (
        "Write the site's content (every page, revision, translation, image, video) and media to an archive."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="the .tar.gz file to write")

    def handle(self, archive, **options):
        write_backup(Path(archive))
        self.stdout.write(f"Backup written to {archive}")
