"""Deletes the contact requests older than T63_CONTACT_RETENTION_DAYS (personal data).

Deployments run it daily (docs/deploy.md); each new request also purges on the worker."""

from django.core.management.base import BaseCommand

from story_pages.learning.contact_mail import purge_old_requests


class Command(BaseCommand):
    help = "Delete contact requests older than the retention period (T63_CONTACT_RETENTION_DAYS)."

    def handle(self, *args, **options):
        deleted = purge_old_requests()
        if options["verbosity"]:
            self.stdout.write(f"Deleted {deleted} contact request(s).")
