"""Measuring uploaded media files with PyAV (FFmpeg's libraries, shipped inside the wheel).

A file's duration is measured from its packets: every audio and video packet is read (demuxed,
not decoded) and the duration is the span from the earliest packet's start to the latest
packet's end. The container's header only states a duration; a video whose header disagrees
with its packets is refused rather than believed (DESIGN.md, "Video").
"""

import io
from dataclasses import dataclass
from fractions import Fraction

import av
from av.stream import Disposition

# How far a video's header may be from its packets before the file is refused: rounding, an
# unknown last frame's length and audio priming stay well inside it. Any disagreement is safe
# for the 12-minute rule, which always reads the measured figure.
MISMATCH_SECONDS = 2.0
MISMATCH_SHARE = 0.05
# Containers whose header states a duration. For other formats (raw streams, MPEG-TS, MP3, ...)
# FFmpeg's figure is its own estimate, from the bit rate or the last timestamps: not a claim.
STATED_DURATION_FORMATS = {"mov", "mp4", "m4a", "3gp", "matroska", "webm", "avi", "flv", "asf"}


class NotPlayable(ValueError):
    """The file could not be decoded as the kind of media it claims to be."""


class DurationMismatch(NotPlayable):
    """The container's header states a duration that the stream's packets do not bear out."""

    def __init__(self, header: float, measured: float):
        super().__init__(f"the header says {header:.3f} s but the packets run for {measured:.3f} s")
        self.header = header
        self.measured = measured


@dataclass(frozen=True)
class MediaFacts:
    duration: float  # seconds, measured from the packets
    width: int | None = None
    height: int | None = None
    poster_jpeg: bytes | None = None  # a frame from the video, for players and cards


def probe_media(path: str, kind: str = "video") -> MediaFacts:
    """Duration (and frame size for video) of the file at ``path``, measured from its streams.

    ``kind`` is "video" or "audio". Raises NotPlayable for anything FFmpeg cannot open, that has
    no stream of that kind, or whose stream yields no decodable frame; for a video, raises
    DurationMismatch when the header's duration disagrees with the packets' (audio headers are
    often FFmpeg's estimate from the bit rate, so an audio file simply gets the measured figure).
    """
    try:
        with av.open(path, mode="r") as container:
            playable = [
                stream
                for stream in (*container.streams.video, *container.streams.audio)
                if not stream.disposition & Disposition.attached_pic  # cover art: one still frame
            ]
            streams = [stream for stream in playable if stream.type == kind]
            if not streams:
                raise NotPlayable(f"no {kind} stream")
            stream = streams[0]
            duration, first_frame = _measure(container, playable, stream)
            # Decoding one frame proves the stream is really media, not just a plausible header.
            if first_frame is None:
                raise NotPlayable("no decodable frame")
            header = header_duration(container, playable)
            if kind == "video" and header is not None and durations_disagree(header, duration):
                raise DurationMismatch(header, duration)
            if kind == "video":
                poster = _poster(container, stream, duration) or first_frame
                return MediaFacts(
                    duration, stream.codec_context.width, stream.codec_context.height, _jpeg(poster)
                )
            return MediaFacts(duration)
    except NotPlayable:
        raise
    except (av.FFmpegError, OSError, ValueError) as error:
        raise NotPlayable(str(error)) from error


def header_duration(container, streams) -> float | None:
    """What the container's header states, in seconds; None for a streamed file that states nothing
    and for a format that has no such header."""
    if not STATED_DURATION_FORMATS.intersection(container.format.name.split(",")):
        return None
    if container.duration:
        return container.duration / av.time_base
    stated = [
        stream.duration * stream.time_base for stream in streams if stream.duration and stream.time_base
    ]
    return float(max(stated)) if stated else None


def durations_disagree(header: float, measured: float) -> bool:
    return abs(header - measured) > max(MISMATCH_SECONDS, MISMATCH_SHARE * max(header, measured))


class _Span:
    """One stream's packets: the earliest start and latest end of the timed ones (in the stream's
    time base), and the seconds counted from packets or frames that carry no timestamp."""

    def __init__(self, stream):
        self.time_base = stream.time_base
        rate = stream.average_rate if stream.type == "video" else None
        self.frame_seconds = Fraction(1) / rate if rate else Fraction(0)
        self.last_length = int(self.frame_seconds / self.time_base) if self.time_base else 0
        self.start = self.end = None
        self.untimed = Fraction(0)
        self.decoding = False  # its packets carry neither timestamps nor lengths: count frames

    def add(self, packet) -> bool:
        """Record a packet; False when it has neither a timestamp nor a length, so must be decoded."""
        timestamp = packet.pts if packet.pts is not None else packet.dts
        if timestamp is None or not self.time_base:
            if packet.duration and packet.time_base:
                self.untimed += packet.duration * packet.time_base
                return True
            return False
        # A packet of unknown length (often the last one) lasts as long as the one before it.
        length = packet.duration or self.last_length
        self.last_length = length
        self.start = timestamp if self.start is None else min(self.start, timestamp)
        self.end = timestamp + length if self.end is None else max(self.end, timestamp + length)
        return True

    def add_frame(self, frame):
        if frame.duration and frame.time_base:
            self.untimed += frame.duration * frame.time_base
        elif getattr(frame, "sample_rate", None):
            self.untimed += Fraction(frame.samples, frame.sample_rate)
        else:
            self.untimed += self.frame_seconds

    def bounds(self) -> tuple[Fraction, Fraction] | None:
        if self.start is not None:
            return self.start * self.time_base, self.end * self.time_base
        if self.untimed:
            return Fraction(0), self.untimed
        return None


def _measure(container, streams, decoded):
    """Read every packet of ``streams`` once: their span in seconds, from the earliest start to the
    latest end, and the first frame of the stream ``decoded``. Packets that carry no timestamp
    and no length are decoded to count their frames."""
    spans = {stream.index: _Span(stream) for stream in streams}
    first_frame = None
    for packet in container.demux(*streams):
        span = spans[packet.stream.index]
        # Size 0: the flush packets PyAV yields at the end; a discarded packet is never shown.
        if packet.size and not packet.is_discard and not span.add(packet):
            span.decoding = True
        wanted = packet.stream.index == decoded.index and first_frame is None
        if not (wanted or span.decoding):
            continue
        for frame in packet.decode():
            if span.decoding:
                span.add_frame(frame)
            if wanted and first_frame is None:
                first_frame = frame
                if not span.decoding:
                    break
    bounds = [span for span in (s.bounds() for s in spans.values()) if span is not None]
    if not bounds:
        return 0.0, first_frame
    start = min(begin for begin, _ in bounds)
    end = max(finish for _, finish in bounds)
    return float(end - start), first_frame


def _poster(container, stream, duration):
    """A frame about a second in (or a tenth of a short video): past fade-ins and black leaders."""
    moment = min(1.0, duration / 10)
    try:
        container.seek(int(moment / stream.time_base), stream=stream)
        return next(container.decode(stream), None)
    except (av.FFmpegError, StopIteration):
        return None


def _jpeg(frame) -> bytes:
    buffer = io.BytesIO()
    frame.to_image().save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()
