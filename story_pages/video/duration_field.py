"""Form fields for values editors type in T63's own notation."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from story_pages.rules.durations import format_duration, parse_duration


class VideoDurationField(forms.CharField):
    """A duration typed as ``m:ss`` or ``h:mm:ss`` (or whole seconds), cleaned to seconds."""

    default_error_messages = {
        "invalid": _("Enter the duration as minutes:seconds, for example 8:30."),
    }

    def prepare_value(self, value):
        if isinstance(value, (int, float)):
            return format_duration(value)
        return value

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        seconds = parse_duration(value)
        if seconds is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return seconds
