from django.core.management.base import BaseCommand

from story_pages.province_sync import sync_provinces


class Command(BaseCommand):
    help = "Create or update the 63 province pages from the vietnamadminunits data. Never touches stories."

    def handle(self, *args, **options):
        report = sync_provinces()
        if options["verbosity"] == 0:
            return
        self.stdout.write(
            f"Province pages: {len(report.created)} created, {len(report.updated)} updated (63 per language)."
            if report.changed
            else "Province pages: already up to date."
        )
