"""The story editor's form: content rules shown on the body when submitting or publishing; a new
story's slug and credit line filled in for the editor."""

from django.forms.utils import ErrorList
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

from story_pages.slugs import available_slug


class StoryPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False  # made from the title when left empty
        if not self.instance.pk and not self.initial.get("credit_line") and self.parent_page:
            self.initial["credit_line"] = default_credit_line(self.parent_page)

    def is_multipart(self):
        # A video block takes a caption file; StreamField's widget does not say it needs multipart.
        return True

    def clean(self):
        if not self.cleaned_data.get("slug") and self.cleaned_data.get("title") and self.parent_page:
            self.cleaned_data["slug"] = available_slug(
                self.cleaned_data["title"], self.parent_page, self.instance
            )
        cleaned_data = super().clean()
        # A draft save defers validation: it keeps the editor's work and only warns.
        if self.is_deferred_validation or "body" not in cleaned_data:
            return cleaned_data
        if violations := self.instance.check_rules(body=cleaned_data["body"]):
            self.add_error("body", as_stream_error(violations))
        return cleaned_data


def default_credit_line(parent_page) -> str:
    """The wording the ministry set for the unit the story's province belongs to today."""
    province = parent_page.specific
    unit = getattr(province, "current_unit", None)
    return unit.default_credit_line if unit is not None else ""


def as_stream_error(violations) -> StreamBlockValidationError:
    """Put each violation on the block at fault, the rest above the body."""
    block_errors = {
        v.block_index: StructBlockValidationError(non_block_errors=ErrorList([v.message]))
        for v in violations
        if v.block_index is not None
    }
    general = [v.message for v in violations if v.block_index is None]
    return StreamBlockValidationError(block_errors=block_errors, non_block_errors=general)
