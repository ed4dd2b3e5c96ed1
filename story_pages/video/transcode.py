"""Web renditions of an uploaded video (DESIGN.md, "Video"): H.264/AAC MP4 files at 720p and 360p
made with PyAV, and a poster frame.

The source is decoded once and each frame goes to every rendition in turn, so memory holds only
what the codecs keep. Rate control is capped CRF: ``crf`` sets the quality and ``video_bitrate``
caps the rate (VBV, two seconds of buffer), so a still interview stays small and a busy scene
cannot outgrow a phone's connection.
"""

import contextlib
import io
import math
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
from av.stream import Disposition
from av.video.reformatter import VideoReformatter

from story_pages.video.probe import _poster


@dataclass(frozen=True)
class RenditionSpec:
    name: str  # "720p": its height for a landscape video, its width for a portrait one
    height: int  # the target short side
    video_bitrate: str  # the cap (maxrate) on the capped-CRF rate
    audio_bitrate: int
    crf: int = 23


RENDITIONS = (
    RenditionSpec("720p", 720, "2500k", 128_000),
    RenditionSpec("360p", 360, "800k", 96_000, crf=24),
)
# Half "medium"'s time (10 s of 1080p30 into both renditions on 2 cores: 4.7 s against 8.4 s).
PRESET = "veryfast"
MAX_FPS = 30
KEYFRAME_SECONDS = 4  # seeking in a progressive download starts from a keyframe
AUDIO_RATE = 48_000
PROGRESS_SECONDS = 0.5
# A rendition capped at the source's size is only worth making if it is clearly larger than the
# next smaller one: a 400p source gives just the 360p file, not a second one at 400p.
MIN_STEP = 1.25


@dataclass(frozen=True)
class RenditionFile:
    name: str
    path: Path
    width: int
    height: int
    size: int  # bytes
    duration: float  # seconds


class TranscodeFailed(Exception):
    """``reason``: "no-video-stream", "undecodable", "encoder-error" or "no-frames"; str(): the
    technical detail, for logs."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason, self.detail = reason, detail


def _even(value: int) -> int:
    return max(2, value // 2 * 2)  # rounded down: never above the source's size


def plan_renditions(width: int, height: int) -> list[tuple[RenditionSpec, int, int]]:
    """(spec, width, height) of each rendition of a ``width`` x ``height`` (display) video, largest
    first. Each spec's short side is capped at the source's, so nothing is upscaled; a capped one
    takes the name of the smallest spec it stands in for, and is dropped when it would hardly
    differ from the next smaller rendition. Sides are even (yuv420p) and keep the aspect ratio."""
    short, long = sorted((width, height))
    planned: list[tuple[RenditionSpec, int, int]] = []
    for spec in sorted(RENDITIONS, key=lambda spec: spec.height):
        if planned and spec.height > short and short < MIN_STEP * min(planned[-1][1:]):
            break
        out_short = _even(min(spec.height, short))
        out_long = min(_even(long), max(2, round(out_short * long / short / 2) * 2))
        sides = (out_long, out_short) if width >= height else (out_short, out_long)
        planned.append((spec, *sides))
        if spec.height >= short:
            break
    return planned[::-1]


def display_size(frame, aspect: Fraction | None) -> tuple[int, int, int]:
    """Width and height of a decoded ``frame`` as shown (pixels of ``aspect`` made square, a quarter
    turn applied) and the rotation, in degrees counter-clockwise, that its container asks for."""
    width, height = frame.width, frame.height
    if aspect and aspect > 0 and aspect != 1:
        width = round(width * aspect)
    rotation = round(frame.rotation or 0) % 360
    return (height, width, rotation) if rotation in (90, 270) else (width, height, rotation)


class _Output:
    """One rendition being written: its MP4 file, H.264 stream and (if the source has sound) AAC."""

    def __init__(self, folder, spec, width, height, rotation, rate, frame, job):
        self.spec, self.width, self.height = spec, width, height
        self.path = Path(folder) / f"{spec.name}.mp4"
        # faststart: the index (moov) goes before the media, so a phone plays while downloading.
        self.container = av.open(str(self.path), mode="w", format="mp4", options={"movflags": "+faststart"})
        self.video = self.container.add_stream("libx264", rate=rate)
        # The pixels keep the source's orientation; the container's matrix turns them for display.
        coded = (height, width) if rotation in (90, 270) else (width, height)
        self.video.width, self.video.height = coded
        self.video.pix_fmt = "yuv420p"
        context = self.video.codec_context
        context.time_base = job.video.time_base  # the source's timestamps pass through unchanged
        context.thread_count = job.threads
        context.gop_size = max(1, round(rate * KEYFRAME_SECONDS))
        for name in ("colorspace", "color_primaries", "color_trc"):
            setattr(context, name, getattr(frame, name))  # tags only: a re-encode keeps the colours
        maxrate = int(spec.video_bitrate.rstrip("k")) * 1000
        self.video.options = {
            "preset": PRESET,
            "profile": "high",
            "crf": str(spec.crf),
            "maxrate": str(maxrate),
            "bufsize": str(2 * maxrate),
        }
        if rotation:
            self.video.set_display_rotation(rotation)
        self.scaler = VideoReformatter()  # keeps its scaling context from frame to frame
        self.audio = self.container.add_stream("aac", rate=AUDIO_RATE) if job.audio else None
        if self.audio:
            self.audio.layout, self.audio.bit_rate = "stereo", spec.audio_bitrate
            self.audio.codec_context.thread_count = job.threads

    def encode(self, stream, frame):
        for packet in stream.encode(frame):
            self.container.mux(packet)

    def finish(self):
        self.encode(self.video, None)
        if self.audio:
            self.encode(self.audio, None)
        self.container.close()


def transcode(
    source: Path,
    out_dir: Path,
    *,
    on_progress: Callable[[float], None] | None = None,
    threads: int = 0,
    pace: Callable[[], None] | None = None,
) -> list[RenditionFile]:
    """Write ``out_dir``/<name>.mp4 for each planned rendition of ``source`` and describe them.

    ``threads`` goes to the decoder, the scalers and the encoders (0: FFmpeg's choice, one per
    core). ``on_progress`` gets a rising fraction at most every half second, then 1.0; ``pace`` is
    called before each picture, and may sleep (pacing.ReadersFirst). Raises
    TranscodeFailed, leaving nothing in ``out_dir``, if any rendition cannot be made.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    # Written beside their final place (same file system), moved in only when all are finished.
    work = Path(tempfile.mkdtemp(prefix=".transcode-", dir=out_dir))
    outputs: list[_Output] = []
    moved: list[Path] = []
    try:
        try:
            container = av.open(str(source), mode="r")
        except (av.FFmpegError, OSError, ValueError) as error:
            raise TranscodeFailed("undecodable", str(error)) from error
        with container:
            _Job(container, work, outputs, on_progress, threads, pace).run()
        try:
            for output in outputs:
                os.replace(output.path, out_dir / output.path.name)
                moved.append(out_dir / output.path.name)
            results = [_describe(output, path) for output, path in zip(outputs, moved, strict=True)]
        except (av.FFmpegError, OSError) as error:
            raise TranscodeFailed("encoder-error", f"moving into place: {error}") from error
        if on_progress:
            on_progress(1.0)
        return results
    except BaseException:
        for path in moved:
            path.unlink(missing_ok=True)
        raise
    finally:
        for output in outputs:  # what an error left open; closing twice is harmless
            with contextlib.suppress(av.FFmpegError, OSError):
                output.container.close()
        shutil.rmtree(work, ignore_errors=True)


class _Job:
    """One pass over the source's packets, feeding each decoded frame to every rendition."""

    def __init__(self, container, work, outputs, on_progress, threads, pace):
        self.container, self.work, self.outputs, self.threads = container, work, outputs, threads
        self.pace = pace
        self.on_progress, self.reported, self.shown = on_progress, time.monotonic(), 0.0
        videos = [s for s in container.streams.video if not s.disposition & Disposition.attached_pic]
        if not videos:
            raise TranscodeFailed("no-video-stream")
        self.video, self.audio = videos[0], next(iter(container.streams.audio), None)
        self.video.thread_type = "AUTO"  # frame threads as well as slices: 1080p is not cheap
        self.video.codec_context.thread_count = threads
        rate = self.video.average_rate or self.video.guessed_rate or MAX_FPS
        self.rate = rate / math.ceil(rate / MAX_FPS)  # above 30 fps, every 2nd (3rd ...) frame
        self.last_shown = None
        self.origin = (container.start_time or 0) / av.time_base  # output timelines start at 0
        self.total = (container.duration or 0) / av.time_base
        self.resampler = self.audio and av.AudioResampler("fltp", "stereo", AUDIO_RATE, frame_size=1024)
        self.held = []  # sound decoded before the first picture, when no output exists yet
        self.next_sample = 0

    def run(self):
        streams = [s for s in (self.video, self.audio) if s is not None]
        try:
            for packet in self.container.demux(*streams):
                for frame in _decode(packet):
                    if packet.stream is self.audio:
                        self.held.extend(self.resampler.resample(frame))
                    else:
                        self.picture(frame)
                if self.outputs and self.held:
                    self.sound(self.held)
            if not self.outputs:
                raise TranscodeFailed("no-frames", "no picture could be decoded")
            if self.resampler:
                self.sound([*self.held, *self.resampler.resample(None)])
            for output in self.outputs:
                output.finish()
        except (av.FFmpegError, OSError, ValueError, MemoryError) as error:
            raise TranscodeFailed("encoder-error", str(error)) from error

    def picture(self, frame):
        if frame.pts is None:
            return
        if self.pace:
            self.pace()
        moment = float(frame.pts * self.video.time_base)
        # A quarter frame of leeway, for the jitter of phones' variable frame rates.
        if self.last_shown is not None and moment - self.last_shown < 0.75 / self.rate:
            return
        self.last_shown = moment
        if not self.outputs:
            self.open_outputs(frame)
        frame.pts -= round(self.origin / self.video.time_base)
        picture = frame
        for output in self.outputs:  # largest first, each scaled from the one before: less to read
            coded = (output.video.width, output.video.height)
            picture = output.scaler.reformat(picture, *coded, "yuv420p", threads=self.threads)
            picture.pts, picture.time_base = frame.pts, self.video.time_base
            output.encode(output.video, picture)
        if self.on_progress and self.total and time.monotonic() - self.reported >= PROGRESS_SECONDS:
            self.shown = max(self.shown, min(0.99, (moment - self.origin) / self.total))
            self.on_progress(self.shown)
            self.reported = time.monotonic()

    def open_outputs(self, frame):
        width, height, rotation = display_size(frame, self.video.sample_aspect_ratio)
        rotation = rotation if rotation in (90, 180, 270) else 0
        for spec, out_width, out_height in plan_renditions(width, height):
            self.outputs.append(
                _Output(self.work, spec, out_width, out_height, rotation, self.rate, frame, self)
            )

    def sound(self, frames):
        """Encode resampled frames in every rendition, on the video's timeline; it never goes back
        (priming samples before the start are packed after the previous frame)."""
        for frame in frames:
            start = self.next_sample
            if frame.pts is not None:
                start = max(start, round(frame.pts - self.origin * AUDIO_RATE))
            frame.pts, frame.time_base = start, Fraction(1, AUDIO_RATE)
            self.next_sample = start + frame.samples
            for output in self.outputs:
                output.encode(output.audio, frame)
        frames.clear()


def _decode(packet):
    """The packet's frames; a decoding error means the source, not the encoders, is at fault."""
    try:
        return packet.decode()
    except (av.FFmpegError, ValueError) as error:
        raise TranscodeFailed("undecodable", str(error)) from error


def _describe(output, path) -> RenditionFile:
    with av.open(str(path)) as written:
        duration = (written.duration or 0) / av.time_base
    return RenditionFile(output.spec.name, path, output.width, output.height, path.stat().st_size, duration)


def poster_jpeg(source: Path, width: int | None = None) -> bytes | None:
    """A JPEG of the frame about a second in (a tenth of a short video: probe.py's choice), upright
    and with square pixels, scaled to ``width`` if given; None when the file yields no picture."""
    try:
        with av.open(str(source)) as container:
            video = next(s for s in container.streams.video if not s.disposition & Disposition.attached_pic)
            duration = (container.duration or 0) / av.time_base
            frame = _poster(container, video, duration)
            if frame is None:
                container.seek(0)
                frame = next(container.decode(video), None)
            if frame is None:
                return None
            shown_width, shown_height, rotation = display_size(frame, video.sample_aspect_ratio)
    except (av.FFmpegError, OSError, ValueError, StopIteration):
        return None
    if width:
        shown_width, shown_height = width, max(1, round(width * shown_height / shown_width))
    size = (shown_height, shown_width) if rotation in (90, 270) else (shown_width, shown_height)
    image = frame.to_image().resize(size).rotate(rotation, expand=True)  # resized before turning
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()
