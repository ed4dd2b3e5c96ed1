from django.core.management.base import BaseCommand

from t63site.site_address import configure_default_site


class Command(BaseCommand):
    help = (
        "Point the default Site at T63_SITE_URL (every absolute URL starts with it). `migrate` does "
        "the same after migrating; idempotent."
    )

    def handle(self, *args, **options):
        url, changed = configure_default_site(options["database"])
        self.stdout.write(f"Default Site: {url}" + ("" if changed else " (unchanged)"))

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default")
