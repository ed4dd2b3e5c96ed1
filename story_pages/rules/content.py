"""The content rules of DESIGN.md, applied to a story body.

Everything that decides whether a story may be submitted or published lives here, so the
admin form, the model's publish guard and the API give the same answer with the same words.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.formats import get_format
from django.utils.numberformat import format as format_number
from django.utils.translation import gettext
from wagtail import blocks

from story_pages.rules.durations import format_duration
from story_pages.rules.wordcount import count_words, visible_text

FORMAT_TEXT, FORMAT_VIDEO, FORMAT_BOTH = "text", "video", "both"

# Text fields inside blocks that are not the story's text: alt texts readers never see, and a
# video's transcript (what is said in the video does not count toward the words).
HIDDEN_TEXT_FIELDS = frozenset({"alt_text", "transcript"})
TEXT_BLOCK_TYPES = (blocks.CharBlock, blocks.TextBlock, blocks.RichTextBlock)


def max_words() -> int:
    return getattr(settings, "T63_MAX_WORDS", 1000)


def max_video_seconds() -> int:
    return getattr(settings, "T63_MAX_VIDEO_SECONDS", 720)


def max_video_megabytes() -> int:
    return getattr(settings, "T63_MAX_VIDEO_MB", 500)


@dataclass(frozen=True)
class Violation:
    message: str
    block_index: int | None = None  # the body block at fault, when there is one


def format_count(number: int) -> str:
    """1.042 in Vietnamese, 1,042 in English: grouped by the active language's separator."""
    return format_number(
        number, decimal_sep="", grouping=3, thousand_sep=get_format("THOUSAND_SEPARATOR"), force_grouping=True
    )


def _visible_strings(block, value):
    """The reader-visible text of one block value, as (text, is_html) pairs."""
    if isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            if name not in HIDDEN_TEXT_FIELDS:
                yield from _visible_strings(child, value.get(name))
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from _visible_strings(child.block, child.value)
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from _visible_strings(block.child_block, item)
    elif isinstance(block, blocks.RichTextBlock) and value:
        yield value.source, True
    elif isinstance(block, TEXT_BLOCK_TYPES) and value:
        yield str(value), False


def block_word_count(bound_block) -> int:
    return sum(
        count_words(text, html) for text, html in _visible_strings(bound_block.block, bound_block.value)
    )


def body_word_count(body) -> int:
    return sum(block_word_count(child) for child in body)


def body_text(body) -> str:
    """The body's reader-visible text, block after block: what search looks through."""
    return "\n".join(
        visible_text(text, html)
        for child in body
        for text, html in _visible_strings(child.block, child.value)
    )


def spoken_text(body) -> str:
    """What is said in the story's videos (captions and transcripts): searched, never counted."""
    return "\n".join(child.value.spoken_text for child in body if _is_video(child))


def _is_video(child) -> bool:
    return child.block_type == "video" and child.value.source is not None


def _has_text(body) -> bool:
    return any(child.block_type == "paragraph" and block_word_count(child) for child in body)


def story_format(body) -> str | None:
    """text, video or both; None for a body that has neither yet."""
    has_text, has_video = _has_text(body), any(_is_video(child) for child in body)
    if has_text and has_video:
        return FORMAT_BOTH
    if has_video:
        return FORMAT_VIDEO
    if has_text:
        return FORMAT_TEXT
    return None


def check_body(body, *, apply_word_limit: bool = True, check_processing: bool = True) -> list[Violation]:
    """Every rule the body breaks now; empty when it may be submitted and published.
    ``check_processing``: also refuse uploaded videos whose web renditions are not made yet."""
    violations = []
    if apply_word_limit:
        words = body_word_count(body)
        if words > max_words():
            violations.append(
                Violation(
                    gettext("The story has %(count)s words; the limit is %(limit)s.")
                    % {"count": format_count(words), "limit": format_count(max_words())}
                )
            )
    for index, child in enumerate(body):
        if _is_video(child) and child.value.duration >= max_video_seconds():
            violations.append(
                Violation(
                    gettext("The video lasts %(duration)s; a video must be shorter than %(limit)s.")
                    % {
                        "duration": format_duration(child.value.duration),
                        "limit": format_duration(max_video_seconds()),
                    },
                    block_index=index,
                )
            )
        if _is_video(child):
            problems = _text_alternative_missing(child)
            if check_processing:
                problems += _not_processed(child.value)
            violations += [Violation(problem, block_index=index) for problem in problems]
    if story_format(body) is None:
        violations.append(Violation(gettext("A story needs text, a video, or both.")))
    return violations


def _text_alternative_missing(child) -> list[str]:
    """Readers who cannot hear a video read it instead (WCAG 1.2.2 and 1.2.3): an upload needs
    captions, a link a transcript."""
    video = child.value
    if video.source == "embed" and not (video.get("transcript") or "").strip():
        return [gettext("The linked video needs a transcript: write what is said in it.")]
    if video.source == "upload" and not video.cues:
        return [gettext("The uploaded video needs captions: attach a WebVTT or SRT file to it.")]
    return []


def unprocessed_videos(body) -> list[str]:
    """What keeps the body's uploaded videos from readers: renditions not made yet, or failed."""
    return [problem for child in body if _is_video(child) for problem in _not_processed(child.value)]


def _not_processed(video) -> list[str]:
    """Readers are served an upload's web renditions: the worker must have made them."""
    if video.source != "upload":
        return []
    processing = getattr(video["media"], "processing", None)  # no row: saved before processing existed
    if processing is None or processing.state in ("queued", "running"):
        progress = processing.progress if processing else 0
        return [
            gettext("The video is still being processed (%(progress)s %%); wait until it is ready.")
            % {"progress": progress}
        ]
    if processing.state == "failed":
        return [
            gettext("Processing the video failed: %(reason)s Retry it from the video's page.")
            % {"reason": processing.failure_message}
        ]
    return []
