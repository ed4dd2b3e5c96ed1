"""Measuring uploaded video files with PyAV (FFmpeg's libraries, shipped inside the wheel)."""

from dataclasses import dataclass
from fractions import Fraction

import av


class NotAVideo(ValueError):
    """The file could not be decoded as a video."""


@dataclass(frozen=True)
class VideoFacts:
    duration: float  # seconds
    width: int
    height: int


def probe_video(path: str) -> VideoFacts:
    """Duration and frame size of the video at ``path``, measured from its streams.

    The container's own duration is used when it has one; otherwise the last decoded frame's
    timestamp. Raises NotAVideo for anything FFmpeg cannot open or that has no decodable frame.
    """
    try:
        with av.open(path, mode="r") as container:
            if not container.streams.video:
                raise NotAVideo("no video stream")
            stream = container.streams.video[0]
            # Decoding one frame proves the stream is really a video, not just a header.
            first_frame = next(container.decode(stream), None)
            if first_frame is None:
                raise NotAVideo("no decodable frame")
            duration = _duration_seconds(container, stream)
            return VideoFacts(duration, stream.codec_context.width, stream.codec_context.height)
    except NotAVideo:
        raise
    except (av.FFmpegError, StopIteration, OSError, ValueError) as error:
        raise NotAVideo(str(error)) from error


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
            end = (packet.pts + (packet.duration or 0)) * packet.time_base
            last = max(last, end)
    return float(last)
