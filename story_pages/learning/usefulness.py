"""The "Was this useful?" question: anonymous answers, counted per story per day.

Nothing about the reader is stored: no cookie, no address. One answer per address per story per
day is kept apart by a cache key made of a keyed hash of the address, which expires with the day.
"""

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

REPORT_DAYS = 30
ANSWERS = {"yes": "useful", "no": "not_useful"}


class UsefulnessDay(models.Model):
    """How many readers found a story useful, or not, on one day (Vietnam time)."""

    story = models.ForeignKey(
        "story_pages.StoryPage",
        on_delete=models.CASCADE,
        related_name="usefulness_days",
        verbose_name=_("story"),
    )
    day = models.DateField(_("day"))
    useful = models.PositiveIntegerField(_("useful"), default=0)
    not_useful = models.PositiveIntegerField(_("not useful"), default=0)

    class Meta:
        verbose_name = _("usefulness of a day")
        verbose_name_plural = _("usefulness by day")
        constraints = [models.UniqueConstraint(fields=["story", "day"], name="one_usefulness_row_a_day")]

    def __str__(self):
        return f"{self.story_id} {self.day}: +{self.useful} / -{self.not_useful}"


def _answer_key(address: str, story_id: int, day) -> str:
    # Keyed: the cache never holds anything that turns back into an address.
    digest = hmac.new(settings.SECRET_KEY.encode(), f"{address}|{story_id}|{day}".encode(), hashlib.sha256)
    return f"t63:useful:{digest.hexdigest()}"


def _seconds_left_today() -> int:
    now = timezone.localtime()
    midnight = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return max(1, int((midnight - now).total_seconds()))


def record_answer(story_id: int, answer: str, address: str) -> bool:
    """Counts the answer unless this address already answered for this story today."""
    day = timezone.localdate()
    if not cache.add(_answer_key(address, story_id, day), 1, timeout=_seconds_left_today()):
        return False
    column = ANSWERS[answer]
    rows = UsefulnessDay.objects.filter(story_id=story_id, day=day)
    if not rows.update(**{column: F(column) + 1}):
        # The day's first answer; a simultaneous first one makes the insert a no-op, not an error.
        UsefulnessDay.objects.bulk_create([UsefulnessDay(story_id=story_id, day=day)], ignore_conflicts=True)
        rows.update(**{column: F(column) + 1})
    return True


def usefulness_report(story_ids) -> dict:
    """Totals and the last REPORT_DAYS days (newest first) for the given stories (a story's
    language versions together)."""
    rows = UsefulnessDay.objects.filter(story_id__in=story_ids)
    since = timezone.localdate() - timedelta(days=REPORT_DAYS - 1)
    days = list(
        rows.filter(day__gte=since)
        .values("day")
        .annotate(useful=Sum("useful"), not_useful=Sum("not_useful"))
        .order_by("-day")
    )
    totals = rows.aggregate(useful=Sum("useful", default=0), not_useful=Sum("not_useful", default=0))
    recent = {
        "useful": sum(d["useful"] for d in days),
        "not_useful": sum(d["not_useful"] for d in days),
    }
    return {"totals": totals, "recent": recent, "days": days, "report_days": REPORT_DAYS}
