"""The story editor's form: content rules shown on the body when submitting or publishing."""

from django.forms.utils import ErrorList
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError


class StoryPageForm(WagtailAdminPageForm):
    def is_multipart(self):
        # A video block takes a caption file; StreamField's widget does not say it needs multipart.
        return True

    def clean(self):
        cleaned_data = super().clean()
        # A draft save defers validation: it keeps the editor's work and only warns.
        if self.is_deferred_validation or "body" not in cleaned_data:
            return cleaned_data
        if violations := self.instance.check_rules(body=cleaned_data["body"]):
            self.add_error("body", as_stream_error(violations))
        return cleaned_data


def as_stream_error(violations) -> StreamBlockValidationError:
    """Put each violation on the block at fault, the rest above the body."""
    block_errors = {
        v.block_index: StructBlockValidationError(non_block_errors=ErrorList([v.message]))
        for v in violations
        if v.block_index is not None
    }
    general = [v.message for v in violations if v.block_index is None]
    return StreamBlockValidationError(block_errors=block_errors, non_block_errors=general)
