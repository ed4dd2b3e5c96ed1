from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from t63site.operations.archive import restore_backup


class Command(BaseCommand):
    help = "Replace the site's content and media with those of an archive made by `backup`."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="the .tar.gz file `backup` wrote")
        parser.add_argument("--no-input", action="store_true", help="do not ask for confirmation")

    def handle(self, archive, no_input=False, **options):
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"No such archive: {archive}")
        if not no_input and input("This replaces all content and media. Type 'yes' to go on: ") != "yes":
            raise CommandError("Restore cancelled.")
        restore_backup(path)
        self.stdout.write(f"Restored from {archive}")
