"""A video's duration comes from its stream's packets, not from the container's header.

The files here are real: encoded with PyAV, then, for the forged ones, the header's duration
fields rewritten in place (MP4: mvhd, tkhd, mdhd; WebM/MKV: the Segment Info Duration and the
DURATION tags), as a broken exporter or a deliberate edit leaves them.
"""

import os
import re
import struct
import tempfile
from pathlib import Path

import av
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.users.models import UserProfile
from wagtailmedia.models import get_media_model

from story_pages.video.probe import DurationMismatch, header_duration, probe_media
from story_pages.video.samples import write_sample_video
from story_pages.video.storage import create_video_media

Media = get_media_model()
CONTENT_TYPES = {".mp4": "video/mp4", ".webm": "video/webm", ".mkv": "video/x-matroska"}


# Forging a header ---------------------------------------------------------------------------


def _boxes(data, start, end):
    position = start
    while position + 8 <= end:
        size, kind = struct.unpack(">I4s", data[position : position + 8])
        body = position + 8
        if size == 1:
            size, body = struct.unpack(">Q", data[body : body + 8])[0], body + 8
        elif size == 0:
            size = end - position
        yield kind, body, position + size
        position += size


def forge_mp4_duration(path: Path, seconds: float):
    """Rewrite the movie's, each track's and each media's duration (version-0 boxes), leaving the
    sample tables, so the packets still run as long as they were encoded."""
    data = bytearray(path.read_bytes())
    movie_scale = 1000

    def walk(start, end):
        nonlocal movie_scale
        for kind, body, stop in _boxes(data, start, end):
            if kind in (b"moov", b"trak", b"mdia"):
                walk(body, stop)
            elif kind in (b"mvhd", b"mdhd"):
                assert data[body] == 0, "a version-0 box"
                scale = struct.unpack(">I", data[body + 12 : body + 16])[0]
                movie_scale = scale if kind == b"mvhd" else movie_scale
                struct.pack_into(">I", data, body + 16, round(seconds * scale))
            elif kind == b"tkhd":
                assert data[body] == 0, "a version-0 box"
                struct.pack_into(">I", data, body + 20, round(seconds * movie_scale))

    walk(0, len(data))
    path.write_bytes(bytes(data))


def forge_matroska_duration(path: Path, seconds: float):
    """Rewrite the Segment Info's Duration (a float in TimestampScale units, 1 ms as FFmpeg writes)
    and the per-track DURATION tags."""
    data = bytearray(path.read_bytes())
    info = data.index(b"\x15\x49\xa9\x66")  # the Info element
    at = data.index(b"\x44\x89", info)  # its Duration
    size = data[at + 2]
    struct.pack_into(">d" if size == 0x88 else ">f", data, at + 3, seconds * 1000.0)
    minutes, secs = divmod(int(seconds), 60)
    claim = f"00:{minutes:02d}:{secs:02d}.000000000".encode()
    forged = re.sub(rb"(DURATION[\s\S]{2,3}?)\d\d:\d\d:\d\d\.\d{9}", lambda m: m.group(1) + claim, data)
    path.write_bytes(bytes(forged))


def forge_duration(path: Path, seconds: float):
    (forge_mp4_duration if path.suffix == ".mp4" else forge_matroska_duration)(path, seconds)


def forged_video(folder, suffix: str, header_seconds: float, seconds: int, **options) -> Path:
    path = write_sample_video(Path(folder) / f"forged{suffix}", seconds, width=16, height=16, **options)
    forge_duration(path, header_seconds)
    return path


def header_and_packets(path: Path) -> tuple[float | None, float]:
    """What the header says, and the video packets' own span: proof that the file is what it claims."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        header = container.duration / av.time_base if container.duration else None
        ends = [
            (packet.pts + packet.duration) * packet.time_base
            for packet in container.demux(stream)
            if packet.size
        ]
    return header, float(max(ends))


# Uploading through wagtailmedia's admin form (in Vietnamese, the admin's language) ----------


def as_upload(path: Path) -> SimpleUploadedFile:
    return SimpleUploadedFile(path.name, path.read_bytes(), content_type=CONTENT_TYPES[path.suffix])


def upload(client, file):
    data = {"title": "Hue-S giới thiệu", "file": file, "duration": "60", "collection": "1", "tags": ""}
    return client.post(reverse("wagtailmedia:add", args=("video",)), data)


def stored_files() -> set[str]:
    """Every file under MEDIA_ROOT: the upload and any poster frame."""
    return {
        os.path.relpath(os.path.join(folder, name), settings.MEDIA_ROOT)
        for folder, _, names in os.walk(settings.MEDIA_ROOT)
        for name in names
    }


def refused(client, path: Path) -> list[str]:
    files_before, count_before = stored_files(), Media.objects.count()
    response = upload(client, as_upload(path))
    assert response.status_code == 200
    assert Media.objects.count() == count_before
    assert stored_files() == files_before
    return response.context["form"].errors["file"]


# The tests ---------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".mp4", ".webm", ".mkv"])
def test_a_header_that_says_1_minute_over_13_minutes_of_frames_is_refused(admin_client, tmp_path, suffix):
    path = forged_video(tmp_path, suffix, header_seconds=60, seconds=780)
    header, packets = header_and_packets(path)
    assert header == pytest.approx(60) and packets == pytest.approx(780)
    assert refused(admin_client, path) == [
        "Tệp video ghi thời lượng 1:00 nhưng hình ảnh kéo dài 13:00; hãy xuất lại tệp và tải lên lần nữa."
    ]


def test_an_english_speaking_editor_reads_the_refusal_in_english(admin_client, django_user_model, tmp_path):
    profile = UserProfile.get_for_user(django_user_model.objects.get(username="admin"))
    profile.preferred_language = "en"
    profile.save()
    path = forged_video(tmp_path, ".mp4", header_seconds=60, seconds=780)
    assert refused(admin_client, path) == [
        "The file says it lasts 1:00 but its frames run for 13:00; "
        "export the video again and upload it once more."
    ]


def test_a_header_that_overstates_its_frames_is_refused_too(admin_client, tmp_path):
    path = forged_video(tmp_path, ".webm", header_seconds=300, seconds=60)
    assert refused(admin_client, path) == [
        "Tệp video ghi thời lượng 5:00 nhưng hình ảnh kéo dài 1:00; hãy xuất lại tệp và tải lên lần nữa."
    ]


def test_a_header_a_second_off_is_within_tolerance_and_the_packets_are_stored(admin_client, tmp_path):
    path = forged_video(tmp_path, ".mp4", header_seconds=59, seconds=60)
    assert header_and_packets(path)[0] == pytest.approx(59)
    assert upload(admin_client, as_upload(path)).status_code == 302
    assert Media.objects.get(title="Hue-S giới thiệu").duration == pytest.approx(60, abs=0.01)


@pytest.mark.parametrize("suffix", [".mp4", ".webm", ".mkv"])
def test_an_honest_11_59_video_is_accepted_with_its_measured_duration(admin_client, tmp_path, suffix):
    path = write_sample_video(tmp_path / f"hue-s{suffix}", 719, width=16, height=16)
    assert upload(admin_client, as_upload(path)).status_code == 302
    media = Media.objects.get(title="Hue-S giới thiệu")
    assert media.duration == pytest.approx(719, abs=0.01)  # not the typed 60


@pytest.mark.parametrize("suffix", [".mp4", ".webm", ".mkv"])
def test_an_honest_12_00_video_is_refused_by_the_12_minute_rule(admin_client, tmp_path, suffix):
    path = write_sample_video(tmp_path / f"dai{suffix}", 720, width=16, height=16)
    assert refused(admin_client, path) == ["Video dài 12:00; video phải ngắn hơn 12:00."]


def test_a_streamed_webm_with_no_duration_in_its_header_is_measured_from_its_packets(admin_client, tmp_path):
    path = write_sample_video(tmp_path / "truc-tiep.webm", 90, width=16, height=16, streamed=True)
    with av.open(str(path)) as container:
        assert header_duration(container, container.streams.video) is None
    assert upload(admin_client, as_upload(path)).status_code == 302
    assert Media.objects.get(title="Hue-S giới thiệu").duration == pytest.approx(90, abs=0.01)


def test_a_streamed_13_minute_webm_is_refused_by_the_12_minute_rule(admin_client, tmp_path):
    path = write_sample_video(tmp_path / "truc-tiep.webm", 780, width=16, height=16, streamed=True)
    assert refused(admin_client, path) == ["Video dài 13:00; video phải ngắn hơn 12:00."]


def test_a_video_whose_sound_runs_past_12_minutes_is_measured_by_its_longest_stream(admin_client, tmp_path):
    path = write_sample_video(tmp_path / "am-thanh-dai.mp4", 60, width=16, height=16, audio_seconds=780)
    assert refused(admin_client, path) == ["Video dài 13:00; video phải ngắn hơn 12:00."]


def test_a_video_with_sound_is_accepted_with_its_measured_duration(admin_client, tmp_path):
    path = write_sample_video(tmp_path / "co-tieng.webm", 30, width=16, height=16, audio_seconds=30)
    assert upload(admin_client, as_upload(path)).status_code == 302
    assert Media.objects.get(title="Hue-S giới thiệu").duration == pytest.approx(30, abs=0.1)


def test_a_text_file_named_webm_is_refused_as_not_a_video(admin_client, tmp_path):
    path = tmp_path / "bao-cao.webm"
    path.write_text("Báo cáo chuyển đổi số năm 2024")
    assert refused(admin_client, path) == [
        "Tệp này không phát được như một video. Hãy tải lên tệp video MP4, WebM hoặc MOV."
    ]


def test_the_probe_reports_both_figures_of_a_forged_file(tmp_path):
    path = forged_video(tmp_path, ".mkv", header_seconds=60, seconds=780)
    with pytest.raises(DurationMismatch) as mismatch:
        probe_media(str(path), "video")
    assert (mismatch.value.header, mismatch.value.measured) == (pytest.approx(60), pytest.approx(780))


def test_a_raw_h264_stream_without_timestamps_is_measured_from_its_packets(tmp_path):
    source = write_sample_video(tmp_path / "nguon.mp4", 30, width=16, height=16)
    raw = tmp_path / "tho.h264"
    with av.open(str(source)) as mp4, av.open(str(raw), "w", format="h264") as elementary:
        stream = elementary.add_stream_from_template(mp4.streams.video[0])
        for packet in mp4.demux(mp4.streams.video[0]):
            if packet.size:
                packet.stream = stream
                elementary.mux(packet)
    with av.open(str(raw)) as container:
        assert all(packet.pts is None for packet in container.demux(video=0) if packet.size)
    assert probe_media(str(raw), "video").duration == pytest.approx(30)


def test_stored_video_files_are_measured_and_refused_the_same_way(db):
    with tempfile.TemporaryDirectory() as folder:
        honest = create_video_media(
            write_sample_video(Path(folder) / "ok.webm", 8, width=16, height=16), "OK"
        )
        assert honest.duration == pytest.approx(8, abs=0.01)
        forged = forged_video(folder, ".mp4", header_seconds=60, seconds=780)
        with pytest.raises(DurationMismatch):
            create_video_media(forged, "Forged")
    assert not Media.objects.filter(title="Forged").exists()
