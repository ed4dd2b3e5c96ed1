from django.core.management.base import BaseCommand
from wagtail.models import Page

from search.indexing import index_page
from search.models import SearchEntry


class Command(BaseCommand):
    help = "Rebuild the reader search index from every live page (after a bulk import or a restore)."

    def handle(self, *args, **options):
        live = Page.objects.live()
        SearchEntry.objects.exclude(page__in=live).delete()
        indexed = sum(index_page(page) for page in live.specific().iterator(chunk_size=500))
        self.stdout.write(f"Search index: {indexed} pages.")
