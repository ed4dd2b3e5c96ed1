from django.core.management.base import BaseCommand

from story_pages.editorial.teams import sync_teams
from story_pages.provinces.sync import sync_provinces


class Command(BaseCommand):
    help = (
        "Create or update the 63 province pages from the vietnamadminunits data, and the teams and "
        "workflow that publish under them. Never touches stories."
    )

    def handle(self, *args, **options):
        report = sync_provinces()
        sync_teams()  # the editors' teams, moderators, translators and the review workflow
        if options["verbosity"] == 0:
            return
        self.stdout.write(
            f"Province pages: {len(report.created)} created, {len(report.updated)} updated (63 per language)."
            if report.changed
            else "Province pages: already up to date."
        )
