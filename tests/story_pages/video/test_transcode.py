"""Web renditions of uploaded videos: real files encoded with PyAV, transcoded, and opened again to
check what a reader's phone would get (H.264/AAC in MP4, index first, sizes, duration)."""

import io
import itertools
import struct

import av
import pytest
from PIL import Image

from story_pages.video import transcode as module
from story_pages.video.samples import write_sample_video
from story_pages.video.transcode import (
    RENDITIONS,
    TranscodeFailed,
    plan_renditions,
    poster_jpeg,
    transcode,
)


def top_level_atoms(path) -> list[str]:
    data = path.read_bytes()
    atoms, position = [], 0
    while position + 8 <= len(data):
        size, kind = struct.unpack(">I4s", data[position : position + 8])
        if size == 1:
            size = struct.unpack(">Q", data[position + 8 : position + 16])[0]
        atoms.append(kind.decode("latin-1"))
        position += size if size else len(data)
    return atoms


def streams_of(path) -> dict:
    with av.open(str(path)) as container:
        video = container.streams.video[0]
        audio = container.streams.audio[0] if container.streams.audio else None
        return {
            "format": container.format.name,
            "video": video.codec_context.name,
            "profile": video.codec_context.profile,
            "pix_fmt": video.codec_context.pix_fmt,
            "size": (video.width, video.height),
            "rate": video.average_rate,
            "audio": audio and (audio.codec_context.name, audio.rate, audio.layout.name),
            "duration": container.duration / av.time_base,
            "rotation": next(container.decode(video)).rotation,
        }


@pytest.fixture(scope="module")
def hd(tmp_path_factory):
    """A 3-second 1280x720 video with sound, transcoded once; every call to on_progress recorded."""
    folder = tmp_path_factory.mktemp("hd")
    source = write_sample_video(folder / "source.mp4", 3, 1280, 720, fps=10, audio_seconds=3)
    progress = []
    module_interval, module.PROGRESS_SECONDS = module.PROGRESS_SECONDS, 0  # report every frame
    try:
        files = transcode(source, folder / "out", on_progress=progress.append)
    finally:
        module.PROGRESS_SECONDS = module_interval
    return source, folder / "out", files, progress


def test_hd_video_gets_720p_and_360p_h264_aac_mp4(hd):
    source, out, files, _ = hd
    assert [(f.name, f.width, f.height) for f in files] == [("720p", 1280, 720), ("360p", 640, 360)]
    assert sorted(p.name for p in out.iterdir()) == ["360p.mp4", "720p.mp4"]  # no temporary folder
    with av.open(str(source)) as container:
        source_duration = container.duration / av.time_base
    for file in files:
        assert file.path == out / f"{file.name}.mp4"
        assert file.size == file.path.stat().st_size > 0
        facts = streams_of(file.path)
        assert facts["format"].startswith("mov,mp4")
        assert (facts["video"], facts["profile"], facts["pix_fmt"]) == ("h264", "High", "yuv420p")
        assert facts["size"] == (file.width, file.height)
        assert file.width % 2 == 0 and file.height % 2 == 0
        assert file.width * 9 == file.height * 16
        assert facts["rate"] == 10  # the source's frame rate
        assert facts["audio"] == ("aac", 48000, "stereo")
        assert abs(facts["duration"] - source_duration) < 0.2
        assert abs(file.duration - source_duration) < 0.2


def test_index_comes_before_the_media(hd):
    """movflags=+faststart: a phone can start playing before the download ends."""
    for file in hd[2]:
        atoms = top_level_atoms(file.path)
        assert "moov" in atoms and "mdat" in atoms
        assert atoms.index("moov") < atoms.index("mdat")


def test_progress_rises_and_ends_at_one(hd):
    progress = hd[3]
    assert len(progress) > 5
    assert progress == sorted(progress)
    assert all(0 <= fraction <= 1 for fraction in progress)
    assert progress[-1] == 1.0 and progress.count(1.0) == 1


def test_progress_is_reported_at_most_twice_a_second(tmp_path, monkeypatch):
    source = write_sample_video(tmp_path / "source.mp4", 3, 320, 180, fps=10)
    clock = iter(range(1000))  # a tenth of a second passes at each look at the clock
    monkeypatch.setattr(module.time, "monotonic", lambda: next(clock) / 10)
    reported_at = []
    transcode(source, tmp_path / "out", on_progress=lambda _: reported_at.append(next(clock) / 10))
    gaps = [later - earlier for earlier, later in itertools.pairwise(reported_at[:-1])]  # 1.0: at once
    assert len(reported_at) > 3 and min(gaps) >= 0.5


def test_small_video_is_not_upscaled(tmp_path):
    source = write_sample_video(tmp_path / "small.mp4", 2, 320, 180, fps=10, audio_seconds=2)
    files = transcode(source, tmp_path / "out")
    assert [(f.name, f.width, f.height) for f in files] == [("360p", 320, 180)]
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["360p.mp4"]
    assert streams_of(files[0].path)["size"] == (320, 180)


def test_video_without_sound_gets_renditions_without_sound(tmp_path):
    source = write_sample_video(tmp_path / "silent.mkv", 2, 640, 360, fps=10)
    files = transcode(source, tmp_path / "out")
    assert [f.name for f in files] == ["360p"]
    facts = streams_of(files[0].path)
    assert facts["audio"] is None and facts["video"] == "h264"
    assert abs(facts["duration"] - 2) < 0.2


def test_webm_with_opus_is_transcoded(tmp_path):
    source = write_sample_video(tmp_path / "phone.webm", 2, 640, 360, fps=10, audio_seconds=2)
    facts = streams_of(transcode(source, tmp_path / "out")[0].path)
    assert (facts["video"], facts["audio"]) == ("h264", ("aac", 48000, "stereo"))


def test_frame_rate_above_30_is_halved(tmp_path):
    source = write_sample_video(tmp_path / "fast.mp4", 1, 320, 180, fps=60)
    with av.open(str(transcode(source, tmp_path / "out")[0].path)) as container:
        stream = container.streams.video[0]
        assert stream.average_rate == 30
        assert sum(1 for _ in container.decode(stream)) == 30


def test_portrait_phone_video_keeps_its_rotation(tmp_path):
    """A phone stores a portrait video landscape with a quarter turn in its header: the renditions
    keep the pixels and the turn, and are named and sized by their short side."""
    path = tmp_path / "portrait.mp4"
    with av.open(str(path), mode="w") as container:
        stream = container.add_stream("libx264", rate=10)
        stream.width, stream.height, stream.pix_fmt = 1280, 720, "yuv420p"
        stream.set_display_rotation(90)
        for index in range(10):
            frame = av.VideoFrame(1280, 720, "yuv420p")
            frame.pts = index
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    files = transcode(path, tmp_path / "out")
    assert [(f.name, f.width, f.height) for f in files] == [("720p", 720, 1280), ("360p", 360, 640)]
    facts = streams_of(files[0].path)
    assert facts["size"] == (1280, 720) and facts["rotation"] == 90
    poster = Image.open(io.BytesIO(poster_jpeg(path)))
    assert poster.size == (720, 1280)


def test_text_file_named_mp4_fails_and_leaves_nothing(tmp_path):
    source = tmp_path / "notes.mp4"
    source.write_text("not a video\n" * 100)
    out = tmp_path / "out"
    with pytest.raises(TranscodeFailed) as failure:
        transcode(source, out)
    assert failure.value.reason == "undecodable"
    assert list(out.iterdir()) == []


def test_audio_only_file_has_no_video_stream(tmp_path):
    path = tmp_path / "sound.m4a"
    with av.open(str(path), mode="w", format="mp4") as container:
        stream = container.add_stream("aac", rate=48000)
        frame = av.AudioFrame(format="fltp", layout="mono", samples=1024)
        frame.sample_rate, frame.pts = 48000, 0
        for plane in frame.planes:
            plane.update(bytes(plane.buffer_size))
        for packet in [*stream.encode(frame), *stream.encode()]:
            container.mux(packet)
    with pytest.raises(TranscodeFailed) as failure:
        transcode(path, tmp_path / "out")
    assert failure.value.reason == "no-video-stream"
    assert list((tmp_path / "out").iterdir()) == []


def test_encoder_failure_half_way_leaves_nothing(tmp_path, monkeypatch):
    source = write_sample_video(tmp_path / "source.mp4", 3, 1280, 720, fps=10, audio_seconds=3)
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("an earlier file")  # out_dir's other files are not touched
    encode, calls = module._Output.encode, []

    def failing_encode(self, stream, frame):
        calls.append(stream.type)
        if calls.count("video") == 40:  # the 20th frame, in the second rendition
            raise OSError(28, "No space left on device")
        return encode(self, stream, frame)

    monkeypatch.setattr(module._Output, "encode", failing_encode)
    with pytest.raises(TranscodeFailed) as failure:
        transcode(source, out)
    assert failure.value.reason == "encoder-error"
    assert "No space left" in str(failure.value)
    assert [p.name for p in out.iterdir()] == ["keep.txt"]


def test_failure_while_moving_into_place_removes_what_was_moved(tmp_path, monkeypatch):
    source = write_sample_video(tmp_path / "source.mp4", 1, 1280, 720, fps=10)
    replace, moves = module.os.replace, []

    def failing_replace(source, target):
        moves.append(target)
        if len(moves) == 2:
            raise OSError("disk gone")
        replace(source, target)

    monkeypatch.setattr(module.os, "replace", failing_replace)
    with pytest.raises(TranscodeFailed) as failure:
        transcode(source, tmp_path / "out")
    assert failure.value.reason == "encoder-error"
    assert moves == [tmp_path / "out" / "720p.mp4", tmp_path / "out" / "360p.mp4"]
    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        ((1920, 1080), [("720p", 1280, 720), ("360p", 640, 360)]),
        ((3840, 2160), [("720p", 1280, 720), ("360p", 640, 360)]),
        ((854, 480), [("720p", 854, 480), ("360p", 640, 360)]),  # 720p stands in at the source's size
        ((640, 400), [("360p", 576, 360)]),  # 400p is too close to 360p to be worth a second file
        ((320, 180), [("360p", 320, 180)]),
        ((321, 181), [("360p", 320, 180)]),  # even sides, rounded down
        ((1080, 1920), [("720p", 720, 1280), ("360p", 360, 640)]),  # portrait: the short side
        ((1440, 1080), [("720p", 960, 720), ("360p", 480, 360)]),  # 4:3
    ],
)
def test_plan(size, expected):
    planned = plan_renditions(*size)
    assert [(spec.name, width, height) for spec, width, height in planned] == expected
    assert all(spec in RENDITIONS for spec, _, _ in planned)


def test_poster_is_a_jpeg_scaled_to_a_width(hd):
    source = hd[0]
    full = Image.open(io.BytesIO(poster_jpeg(source)))
    assert (full.format, full.size) == ("JPEG", (1280, 720))
    small = Image.open(io.BytesIO(poster_jpeg(source, width=320)))
    assert small.size == (320, 180)


def test_poster_of_a_file_that_is_not_a_video_is_none(tmp_path):
    path = tmp_path / "notes.mp4"
    path.write_text("not a video")
    assert poster_jpeg(path) is None
