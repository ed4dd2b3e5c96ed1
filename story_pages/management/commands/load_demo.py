import time

from django.core.management.base import BaseCommand

from story_pages.demo.case_facts import add_case_facts
from story_pages.demo.curated import create_curated_stories
from story_pages.demo.events import create_demo_events
from story_pages.demo.solutions import create_demo_solutions
from story_pages.demo.synthetic import create_synthetic_stories
from story_pages.demo.translated import translate_demo_stories
from story_pages.provinces.sync import sync_provinces


class Command(BaseCommand):
    help = (
        "Create the curated demo stories (once each), or with --stories N add N synthetic "
        "stories in bulk for benchmarks."
    )

    def add_arguments(self, parser):
        parser.add_argument("--stories", type=int, default=0, help="Add this many synthetic stories.")

    def handle(self, *args, stories, **options):
        started = time.perf_counter()
        sync_provinces()
        if stories:
            created = create_synthetic_stories(stories)
            self.stdout.write(
                f"Synthetic stories: {created} created in {time.perf_counter() - started:.1f} s."
            )
        else:
            created, skipped = create_curated_stories()
            translated = translate_demo_stories()
            add_case_facts()  # the case facts and "Was this useful?" answers of the learning network
            create_demo_solutions()
            create_demo_events()  # conferences, a call for stories, a learning path
            self.stdout.write(
                f"Demo stories: {created} created, {skipped} already there, {translated} translated "
                f"into English ({time.perf_counter() - started:.1f} s)."
            )
