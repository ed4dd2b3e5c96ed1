"""Form data for posting stories through the Wagtail admin, as an editor's browser does."""

from django.forms.utils import ErrorList
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.factories import TRANSCRIPT


def paragraph_data(text: str) -> tuple:
    return ("paragraph", rich_text(f"<p>{text}</p>"))


def video_data(*, media_id="", embed_url="", duration="", caption="", cues="", transcript=None) -> tuple:
    """A video block as the editor fills it in: ``cues`` is the captions' text area (WebVTT); a
    linked video gets a transcript unless told otherwise."""
    if transcript is None:
        transcript = TRANSCRIPT if embed_url else ""
    value = {
        "media": media_id,
        "cues": cues,
        "embed_url": embed_url,
        "embed_duration": duration,
        "transcript": transcript,
        "caption": caption,
    }
    return ("video", value)


def story_form_data(body, title="Bắc Giang số hoá xét nghiệm", slug="bac-giang-so-hoa-xet-nghiem", **extra):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "Một nền tảng giúp tỉnh quản lý xét nghiệm trên toàn tỉnh.",
            "theme": "xa-hoi-so",
            "credit_line": "Sở Thông tin và Truyền thông tỉnh Bắc Giang",
            "licence": "CC-BY-4.0",
            "body": streamfield(body),
            "comments": inline_formset([]),
            "solution_links": inline_formset([]),
        }
    )
    data.update(extra)
    return data


def body_errors(response) -> list[str]:
    """Every message the admin shows on the story body: above it and on each block."""
    error = response.context["form"].errors["body"].as_data()[0]
    messages = [e.message for e in error.non_block_errors.as_data()]
    for block_error in error.block_errors.values():
        messages += [e.message for e in getattr(block_error, "non_block_errors", ErrorList()).as_data()]
        for child_error in getattr(block_error, "block_errors", {}).values():
            messages += child_error.messages
    return messages
