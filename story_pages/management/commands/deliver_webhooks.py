"""Queue the webhook task of every active endpoint that has deliveries waiting.

Every change queues its endpoints' task by itself; this is the safety net for a task that was
lost (a worker killed while it ran, a queue emptied), e.g. from cron every few minutes. A task
already queued is not queued twice.
"""

from django.core.management.base import BaseCommand

from story_pages.distribution.webhooks.delivery import request_drain
from story_pages.models import DeliveryStatus, WebhookDelivery


class Command(BaseCommand):
    help = "Queue the webhook task of every active endpoint that has deliveries waiting."

    def handle(self, *args, **options):
        waiting = WebhookDelivery.objects.filter(status=DeliveryStatus.PENDING, endpoint__active=True)
        heads = {}
        for endpoint_id, due in waiting.order_by("change_id").values_list("endpoint_id", "next_attempt_at"):
            heads.setdefault(endpoint_id, due)  # the oldest change's delivery goes first
        queued = sum(request_drain(endpoint_id, due) for endpoint_id, due in heads.items())
        self.stdout.write(f"{len(heads)} endpoint(s) with deliveries waiting; {queued} task(s) queued.")
