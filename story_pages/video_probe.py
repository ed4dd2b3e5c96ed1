"""Measuring uploaded media files with PyAV (FFmpeg's libraries, shipped inside the wheel)."""

import io
from dataclasses import dataclass
from fractions import Fraction

import av


class NotPlayable(ValueError):
    """The file could not be decoded as the kind of media it claims to be."""


@dataclass(frozen=True)
class MediaFacts:
    duration: float  # seconds
    width: int | None = None
    height: int | None = None
    poster_jpeg: bytes | None = None  # a frame from the video, for players and cards


def probe_media(path: str, kind: str = "video") -> MediaFacts:
    """Duration (and frame size for video) of the file at ``path``, measured from its streams.

    ``kind`` is "video" or "audio". Raises NotPlayable for anything FFmpeg cannot open, that has
    no stream of that kind, or whose stream yields no decodable frame.
    """
    try:
        with av.open(path, mode="r") as container:
            streams = container.streams.video if kind == "video" else container.streams.audio
            if not streams:
                raise NotPlayable(f"no {kind} stream")
            stream = streams[0]
            # Decoding one frame proves the stream is really media, not just a plausible header.
            first_frame = next(container.decode(stream), None)
            if first_frame is None:
                raise NotPlayable("no decodable frame")
            duration = _duration_seconds(container, stream)
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


def _duration_seconds(container, stream) -> float:
    if container.duration:
        return container.duration / av.time_base
    if stream.duration and stream.time_base:
        return float(stream.duration * stream.time_base)
    # No header duration (some WebM/MKV): walk the packets for the last timestamp.
    container.seek(0)
    last = Fraction(0)
    for packet in container.demux(stream):
        if packet.pts is not None and packet.time_base:
            last = max(last, (packet.pts + (packet.duration or 0)) * packet.time_base)
    return float(last)
