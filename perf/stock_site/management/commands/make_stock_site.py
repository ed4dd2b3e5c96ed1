"""The stock site, made again from T63's data: a stock home page on its own Site and, under it,
copies (title, slug, body) of the stories T63's home page shows."""

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale, Page, Site

from home.models import LATEST_STORIES
from perf.stock_site.models import StockHomePage, StockStoryPage
from story_pages.models import StoryPage
from story_pages.models.stories import Theme


class Command(BaseCommand):
    help = "Make the bench's stock Wagtail site (perf/stock_site) from T63's newest stories."

    def add_arguments(self, parser):
        parser.add_argument("--hostname", default="localhost")
        parser.add_argument("--port", type=int, default=80)

    @transaction.atomic
    def handle(self, *args, hostname, port, **options):
        for home in StockHomePage.objects.all():
            home.delete()
        Site.objects.filter(hostname=hostname, port=port).delete()
        locale = Locale.get_default()
        home = Page.get_first_root_node().add_child(
            instance=StockHomePage(title="Stock Wagtail", slug="stock-wagtail", locale=locale)
        )
        Site.objects.create(hostname=hostname, port=port, root_page=home, site_name="Stock Wagtail")
        # As many stories as T63's home page shows: the newest of each theme and the latest others.
        count = LATEST_STORIES + len(Theme.values)
        stories = StoryPage.objects.in_language(locale.pk).newest_first()[:count]
        slugs = {}  # the newest story keeps its slug: the bench finds its copy by it
        for story in stories:
            slugs[story.pk] = story.slug if story.slug not in slugs.values() else f"{story.slug}-{story.pk}"
        for story in reversed(stories):  # the oldest first: the home page lists the newest first
            copy = StockStoryPage(
                title=story.title, slug=slugs[story.pk], body=story.body.raw_data, locale=locale
            )
            home.add_child(instance=copy)
            copy.save_revision().publish()
        self.stdout.write(f"Stock site at {hostname}:{port}: {count} stories.")
