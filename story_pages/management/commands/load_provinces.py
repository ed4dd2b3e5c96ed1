from django.core.management.base import BaseCommand

from story_pages.editorial.teams import sync_teams
from story_pages.learning.solution_setup import ensure_solution_index
from story_pages.official.setup import ensure_information_pages
from story_pages.provinces.sync import sync_provinces


class Command(BaseCommand):
    help = (
        "Create or update the 63 province pages from the vietnamadminunits data, the teams and "
        "workflow that publish under them, the solution index, and the About and Contact pages. "
        "Never touches stories."
    )

    def handle(self, *args, **options):
        report = sync_provinces()
        sync_teams()  # the editors' teams, moderators, translators and the review workflow
        ensure_solution_index()  # /giai-phap/ and /en/solutions/, written by the moderators
        ensure_information_pages()  # About and Contact in each language, linked from the footer
        if options["verbosity"] == 0:
            return
        self.stdout.write(
            f"Province pages: {len(report.created)} created, {len(report.updated)} updated (63 per language)."
            if report.changed
            else "Province pages: already up to date."
        )
