"""Generates small real video files (MP4, MOV, WebM, MKV) with PyAV, for demo content and tests."""

import colorsys
from pathlib import Path

import av

# Container and codecs by file extension: H.264/AAC as phones and editing software export them,
# VP8/Opus for WebM (what browsers record).
FORMATS = {
    ".mp4": ("mp4", "libx264", "aac"),
    ".mov": ("mov", "libx264", "aac"),
    ".mkv": ("matroska", "libx264", "aac"),
    ".webm": ("webm", "libvpx", "libopus"),
}
CODEC_OPTIONS = {
    "libx264": {"preset": "ultrafast", "crf": "35"},
    "libvpx": {"deadline": "realtime", "cpu-used": "8", "b": "100k"},
}
AUDIO_RATE = 48000


def write_sample_video(
    path,
    seconds: int,
    width: int = 320,
    height: int = 180,
    fps: int = 1,
    *,
    audio_seconds: float | None = None,
    streamed: bool = False,
):
    """Encode a video of ``seconds`` seconds whose colour drifts frame by frame, in the container
    its extension names (MP4 by default).

    ``audio_seconds`` adds a silent audio track of that length. ``streamed`` writes a WebM or MKV
    as a live recorder does: no duration in its header and no index (cues).
    """
    container_format, video_codec, audio_codec = FORMATS.get(Path(path).suffix.lower(), FORMATS[".mp4"])
    if streamed and container_format not in ("webm", "matroska"):
        raise ValueError("only WebM and MKV files can be written as a stream")
    options = {"live": "1"} if streamed else {}
    with av.open(str(path), mode="w", format=container_format, options=options) as container:
        stream = container.add_stream(video_codec, rate=fps)
        stream.width, stream.height = width, height
        stream.pix_fmt = "yuv420p"
        stream.options = CODEC_OPTIONS[video_codec]
        silence = _Silence(container, audio_codec, audio_seconds) if audio_seconds else None
        frames = max(1, seconds * fps)
        for index in range(frames):
            red, green, blue = colorsys.hsv_to_rgb(index / frames, 0.55, 0.85)
            frame = av.VideoFrame(width, height, "rgb24")
            frame.planes[0].update(
                bytes((int(red * 255), int(green * 255), int(blue * 255))) * (width * height)
            )
            frame.pts = index
            for packet in stream.encode(frame.reformat(format="yuv420p")):
                container.mux(packet)
            if silence:
                silence.write_until((index + 1) / fps)  # interleaved, as a camera writes them
        for packet in stream.encode():
            container.mux(packet)
        if silence:
            silence.write_until(None)
    return path


class _Silence:
    """A mono silent audio track, written a stretch at a time."""

    def __init__(self, container, codec: str, seconds: float):
        self.container = container
        self.stream = container.add_stream(codec, rate=AUDIO_RATE)
        self.stream.layout = "mono"
        self.total = round(seconds * AUDIO_RATE)
        self.written = 0

    def write_until(self, moment: float | None):
        """Encode the samples up to ``moment`` seconds; None: all the rest, and flush the encoder."""
        end = self.total if moment is None else min(self.total, round(moment * AUDIO_RATE))
        size = self.stream.codec_context.frame_size or 1024
        while self.written < end:
            samples = min(size, self.total - self.written)
            frame = av.AudioFrame(
                format=self.stream.codec_context.format.name, layout="mono", samples=samples
            )
            frame.sample_rate = AUDIO_RATE
            for plane in frame.planes:
                plane.update(bytes(plane.buffer_size))
            frame.pts = self.written
            self.written += samples
            for packet in self.stream.encode(frame):
                self.container.mux(packet)
        if moment is None:
            for packet in self.stream.encode():
                self.container.mux(packet)
