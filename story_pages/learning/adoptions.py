"""Adoption records: "province B runs the solution of province A", moderated like stories.

An editor records an adoption for one of their own units; it waits for a moderator, and only an
approved record is shown to readers and outlets. A record always names the Vietnamese solution
page and a current unit: one made for a province merged in 2025 goes to the unit it merged into.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Locale

from story_pages import content_version
from story_pages.models.provinces import ProvincePage


class AdoptionStatus(models.TextChoices):
    EXPLORING = "exploring", pgettext_lazy("adoption status", "Exploring")
    PILOTING = "piloting", _("Piloting")
    IN_USE = "in-use", _("In use")


class AdoptionQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(state=SolutionAdoption.State.APPROVED)

    def waiting(self):
        return self.filter(state=SolutionAdoption.State.SUBMITTED)


class SolutionAdoption(models.Model):
    class State(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    solution = models.ForeignKey(
        "story_pages.SolutionPage",
        verbose_name=_("solution"),
        on_delete=models.CASCADE,
        related_name="adoptions",
    )
    unit = models.ForeignKey(
        ProvincePage,
        verbose_name=_("adopting unit"),
        on_delete=models.PROTECT,
        related_name="solution_adoptions",
    )
    since = models.DateField(_("since"))
    status = models.CharField(_("status"), max_length=12, choices=AdoptionStatus.choices)
    story = models.ForeignKey(
        "story_pages.StoryPage",
        verbose_name=_("the unit's own story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    state = models.CharField(
        _("review"), max_length=10, choices=State.choices, default=State.SUBMITTED, db_index=True
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    objects = AdoptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("adoption of a solution")
        verbose_name_plural = _("adoptions of solutions")
        constraints = [models.UniqueConstraint(fields=["solution", "unit"], name="one_adoption_per_unit")]

    def __str__(self):
        return f"{self.solution} – {self.unit.display_current_name}"

    def save(self, *args, **kwargs):
        self.solution = original_solution(self.solution)
        self.unit = current_unit(self.unit)
        super().save(*args, **kwargs)
        # Readers and outlets see approved records: every cached page and answer is stale.
        content_version.bump()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        content_version.bump()
        return result

    def clean(self):
        if (
            self.unit_id
            and self.solution_id
            and self.unit.code == self.solution.origin_province.current_unit.code
        ):
            raise ValidationError(
                {"unit": _("This unit is where the solution comes from: it is its origin.")}
            )

    def review(self, user, approve: bool) -> None:
        self.state = self.State.APPROVED if approve else self.State.REJECTED
        self.reviewed_by = user
        self.reviewed_at = timezone.now()
        self.save()


def original_solution(solution):
    """The Vietnamese page of a solution, which every language's records share."""
    default = Locale.get_default()
    if solution.locale_id == default.pk:
        return solution
    return type(solution).objects.get(translation_key=solution.translation_key, locale=default)


def current_unit(province: ProvincePage) -> ProvincePage:
    """The unit a province is part of today, in Vietnamese: itself, or the one it merged into."""
    unit = province.current_unit
    if unit.locale_id != Locale.get_default().pk:
        unit = ProvincePage.objects.get(code=unit.code, locale=Locale.get_default())
    return unit


@transaction.atomic
def record_adoption(solution, province, *, since, status, story=None, user=None, approved=False):
    """Record (or update) that ``province``'s unit runs ``solution``; waits for review unless
    ``approved`` (a moderator's own record). One record per solution and unit."""
    solution = original_solution(solution)
    unit = current_unit(province)
    adoption = SolutionAdoption.objects.filter(solution=solution, unit=unit).first() or SolutionAdoption(
        solution=solution, unit=unit
    )
    adoption.since = since
    adoption.status = status
    adoption.story = story
    adoption.submitted_by = user
    adoption.submitted_at = timezone.now()
    adoption.state = SolutionAdoption.State.APPROVED if approved else SolutionAdoption.State.SUBMITTED
    adoption.reviewed_by = user if approved else None
    adoption.reviewed_at = timezone.now() if approved else None
    adoption.full_clean(exclude=["solution", "unit", "submitted_by", "reviewed_by"])
    adoption.save()
    return adoption
