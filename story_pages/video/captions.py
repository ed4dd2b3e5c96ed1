"""Captions of a story's video (DESIGN.md, "Video"): WebVTT or SRT files read into cues, checked,
written back as WebVTT, and read as a transcript.

webvtt-py parses. Around it, this module decides what a caption file is (the library trusts its
caller on the encoding and the format) and keeps every cue of the file: the library silently drops
the cues it cannot read, and an editor must be told which cue, by its number, is wrong.
"""

import codecs
import html
import io
import math
import re
import unicodedata
from dataclasses import dataclass
from itertools import takewhile

import webvtt
from django.conf import settings
from django.utils.formats import get_format
from django.utils.translation import gettext
from webvtt.errors import MalformedCaptionError, MalformedFileError
from webvtt.models import Timestamp

from story_pages.rules.content import format_count

MAX_PROBLEMS = 3  # an editor fixes a few at a time; a long list of one mistake helps no one
END_SLACK_SECONDS = 0.5  # cue times and the measured duration are rounded differently
PARAGRAPH_PAUSE_SECONDS = 2.0
PARAGRAPH_CUES = 5

_WEBVTT_HEADER = re.compile(r"WEBVTT(?:[ \t]|\n|$)")
_VTT_TIME = r"(?:\d+:)?\d{1,2}:\d{1,2}\.\d{1,3}"
_VTT_TIMINGS = re.compile(rf"\s*({_VTT_TIME})\s*-->\s*({_VTT_TIME})(?=\s|$)")
_SRT_TIME = r"(\d+):(\d{1,2}):(\d{1,2})[,.](\d{1,3})"
_SRT_TIMINGS = re.compile(rf"\s*{_SRT_TIME}\s*-->\s*{_SRT_TIME}(?=\s|$)")
_SRT_POSITION = re.compile(r"\{\\[^}]*\}")  # {\an8}: a position some SRT tools write into the text
_NOT_TEXT = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SENTENCE_END = re.compile(r"[.?!…][\"'”’»)\]]*$")
_EXAMPLE = {"vtt": "00:01:05.200 --> 00:01:13.000", "srt": "00:01:05,200 --> 00:01:13,000"}


@dataclass(frozen=True)
class Cue:
    start: float  # seconds
    end: float  # seconds
    text: str  # plain text shown to readers, lines joined with "\n"

    def as_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data) -> "Cue":
        return cls(float(data["start"]), float(data["end"]), str(data.get("text") or ""))


class CaptionError(ValueError):
    """Refused captions: ``messages`` are translated and ready for the editor."""

    def __init__(self, messages: list[str] | str):
        self.messages = [messages] if isinstance(messages, str) else list(messages)[:MAX_PROBLEMS]
        super().__init__("\n".join(self.messages))


def max_caption_bytes() -> int:
    return int(getattr(settings, "T63_MAX_CAPTION_KB", 256)) * 1024


def max_cue_seconds() -> float:
    """The longest a cue may stay on screen: longer, and readers lose the line they are on."""
    return float(getattr(settings, "T63_MAX_CUE_SECONDS", 7.0))


def refuse_oversized(size: int) -> None:
    """Raise CaptionError for a file of ``size`` bytes over the limit; an upload is checked by its
    size before a byte of it is read."""
    if size > max_caption_bytes():
        raise CaptionError(
            gettext("The caption file is %(size)s KB; a caption file may be at most %(limit)s KB.")
            % {
                "size": format_count(math.ceil(size / 1024)),
                "limit": format_count(max_caption_bytes() // 1024),
            }
        )


def read_captions(data: bytes, filename: str = "") -> list[Cue]:
    """The cues of a WebVTT or SRT file, in file order. The content tells the format, never
    ``filename``: files get renamed, and the text area has no name."""
    refuse_oversized(len(data))  # before decoding: a 50 MB mistake costs nothing
    text = _decode(data)
    if text == "":
        check_cues([])  # an empty file is captions without cues, and is told so
    kind = _format(text) if text else None
    if kind is None:
        raise CaptionError(
            gettext(
                "This is not a WebVTT or SRT caption file. Save the captions as a .vtt or .srt file in UTF-8."
            )
        )
    cues = _parse(text, kind)
    check_cues(cues)
    return cues


def _decode(data: bytes) -> str | None:
    """The file's text (UTF-8 with or without BOM, UTF-16 with BOM); None for bytes that are not
    text, such as a picture or a Word file."""
    encoding = "utf-16" if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    if _NOT_TEXT.search(text):
        return None
    # One kind of line end, and composed letters: some tools write "ế" as "e" and two marks, which
    # search and the translators' tools would take for another word.
    text = unicodedata.normalize("NFC", re.sub(r"\r\n?", "\n", text))
    return text.lstrip("\ufeff \t\n")


def _format(text: str) -> str | None:
    if _WEBVTT_HEADER.match(text):
        return "vtt"
    first, _, rest = text.partition("\n")
    if first.strip().isdigit() and "-->" in rest.partition("\n")[0]:
        return "srt"
    return None


def _parse(text: str, kind: str) -> list[Cue]:
    if kind == "srt":  # the library wants the cue number alone on its line
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    lines = text.split("\n")
    starts = _cue_starts(lines, kind)
    times = [_read_times(lines[index], kind) for index in starts]
    unreadable = [
        gettext("Cue %(number)s: cannot read the times “%(times)s”; write them like %(example)s.")
        % {"number": format_count(number), "times": lines[index].strip()[:60], "example": _EXAMPLE[kind]}
        for number, (index, read) in enumerate(zip(starts, times, strict=True), start=1)
        if read is None
    ]
    if unreadable:
        raise CaptionError(unreadable)
    try:
        if kind == "srt":
            captions = webvtt.WebVTT.from_buffer(io.StringIO(text), format="srt").captions
        else:
            captions = webvtt.WebVTT.from_string(text).captions
    except (MalformedFileError, MalformedCaptionError):  # an SRT of one cue without text: read below
        captions = []
    # Walk the cues found by their timings and the library's captions together: a cue the library
    # dropped (in SRT, one without text or without its number) is read from the lines after its
    # timings, so the cue numbers stay those of the file.
    found = iter([((c.start_time.in_milliseconds(), c.end_time.in_milliseconds()), c.text) for c in captions])
    cues, pending = [], next(found, None)
    for index, (start, end) in zip(starts, times, strict=True):
        if pending and pending[0] == (start, end):
            shown, pending = pending[1], next(found, None)
        else:
            after = (lines[i] for i in range(index + 1, len(lines)))  # no copy: many cues may be dropped
            following = takewhile(lambda line: line.strip() and "-->" not in line, after)
            shown = webvtt.Caption(text=list(following)).text
        cues.append(Cue(start / 1000, end / 1000, _plain(shown, kind)))
    return cues


def _cue_starts(lines: list[str], kind: str) -> list[int]:
    """The lines holding a cue's timings. In WebVTT, every line with "-->" after the header (cue
    text may not hold one); in SRT, one that starts a block or follows a cue number."""
    if kind == "vtt":
        return [index for index, line in enumerate(lines) if index and "-->" in line]
    return [
        index
        for index, line in enumerate(lines)
        if "-->" in line and (index == 0 or not lines[index - 1] or lines[index - 1].isdigit())
    ]


def _read_times(line: str, kind: str) -> tuple[int, int] | None:
    """A timings line's start and end in milliseconds, as the library reads them; None when it
    would drop the cue."""
    if kind == "vtt":
        match = _VTT_TIMINGS.match(line)
        try:
            return tuple(Timestamp.from_string(time).in_milliseconds() for time in match.groups())
        except (AttributeError, MalformedCaptionError):  # no match, or 61 seconds
            return None
    match = _SRT_TIMINGS.match(line)
    if not match:
        return None
    h1, m1, s1, ms1, h2, m2, s2, ms2 = map(int, match.groups())
    if max(m1, s1, m2, s2) > 59:
        return None
    return ((h1 * 60 + m1) * 60 + s1) * 1000 + ms1, ((h2 * 60 + m2) * 60 + s2) * 1000 + ms2


def _plain(text: str, kind: str) -> str:
    """What readers see, from a cue's text the library freed of its tags: WebVTT's entities decoded
    (SRT has none: its "&" is an ampersand), blank lines and edge spaces gone."""
    text = html.unescape(text) if kind == "vtt" else _SRT_POSITION.sub("", text)
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def check_cues(cues: list[Cue], duration: float | None = None) -> None:
    """Refuse cues a reader could not follow: the first few problems, one per cue, in file order.
    ``duration``: the video's measured length; None or 0 while unknown."""
    if not cues:
        raise CaptionError(gettext("The captions have no cues: add at least one, with its times and text."))
    problems = [
        problem
        for number, cue in enumerate(cues, start=1)
        if (problem := _cue_problem(number, cue, cues[number - 2] if number > 1 else None, duration))
    ]
    if problems:
        raise CaptionError(problems)  # which keeps the first few


def _cue_problem(number: int, cue: Cue, previous: Cue | None, duration: float | None) -> str | None:
    name = gettext("Cue %(number)s (%(start)s → %(end)s)") % {
        "number": format_count(number),
        "start": format_cue_time(cue.start),
        "end": format_cue_time(cue.end),
    }
    on_screen = round((cue.end - cue.start) * 1000)  # in milliseconds, as files write times
    if not cue.text.strip():
        message = gettext("%(cue)s: the cue has no text.")
    elif on_screen <= 0:
        message = gettext("%(cue)s: the end time must come after the start time.")
    elif previous is not None and cue.start < previous.start:
        message = gettext("%(cue)s: the cue starts before cue %(previous)s; put the cues in order of time.")
    elif on_screen > round(max_cue_seconds() * 1000):
        message = gettext(
            "%(cue)s: the cue stays on screen for %(seconds)s s; a cue may stay at most %(limit)s s, "
            "so split it into shorter cues."
        )
    elif duration and cue.end > duration + END_SLACK_SECONDS:
        message = gettext("%(cue)s: the cue ends after the video, which lasts %(duration)s.")
    else:
        return None
    return message % {
        "cue": name,
        "previous": format_count(number - 1),
        "seconds": _seconds(on_screen / 1000),
        "limit": _seconds(max_cue_seconds()),
        "duration": format_cue_time(duration or 0),
    }


def _seconds(value: float) -> str:
    """9 or 7,04 (7.04 in English): no decimals a reader does not need."""
    number = f"{value:.3f}".rstrip("0").rstrip(".")
    return number.replace(".", get_format("DECIMAL_SEPARATOR"))


def format_cue_time(seconds: float) -> str:
    """1:05,2 in Vietnamese, 1:05.2 in English; 1:02:03,5 past an hour."""
    whole, tenths = divmod(round(max(seconds, 0) * 10), 10)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    clock = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
    return f"{clock}{get_format('DECIMAL_SEPARATOR')}{tenths}"


def to_webvtt(cues: list[Cue]) -> str:
    """A WebVTT file of the cues: what players load and what the editor's text area shows."""
    captions = [
        webvtt.Caption(_timestamp(cue.start), _timestamp(cue.end), _escaped(cue.text)) for cue in cues
    ]
    return webvtt.WebVTT(captions=captions).content


def _timestamp(seconds: float) -> str:
    return str(Timestamp.from_seconds(max(float(seconds), 0.0)))  # 00:01:05.200


def _escaped(text: str) -> list[str]:
    """The cue's lines as WebVTT text: & < > escaped, so a "<" is not a tag and no "-->" ends the
    cue; no blank line, which would end it too."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return [line for line in text.splitlines() if line.strip()]


def transcript_paragraphs(cues: list[Cue]) -> list[str]:
    """The cues as paragraphs to read: a new one after a pause of 2 s, or after about five cues once
    a sentence ends."""
    paragraphs, current, last_end = [], [], 0.0
    for cue in cues:
        text = " ".join(line.strip() for line in cue.text.split("\n") if line.strip())
        if not text:
            continue
        pause = cue.start - last_end >= PARAGRAPH_PAUSE_SECONDS
        long_enough = len(current) >= PARAGRAPH_CUES and _SENTENCE_END.search(current[-1])
        if current and (pause or long_enough):
            paragraphs.append(" ".join(current))
            current = []
        current.append(text)
        last_end = max(last_end, cue.end)
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def cues_text(cues) -> str:
    """All that is said, cue after cue: what search indexes."""
    return "\n".join(cue.text for cue in cues)
