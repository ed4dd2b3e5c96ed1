"""Readers first: a transcode waits while other processes keep the processors busy, and only then."""

import os
import subprocess
import sys
import threading
import time

import pytest

from story_pages.video import pacing
from story_pages.video.pacing import ReadersFirst
from story_pages.video.samples import write_sample_video
from story_pages.video.transcode import transcode

pytestmark = pytest.mark.skipif(not pacing.PROC_STAT.exists(), reason="reads Linux's /proc/stat")
SPIN = "while True: pass"


@pytest.fixture
def quiet_machine():
    """These tests make the load they measure: on a machine already busy they cannot tell."""
    probe = ReadersFirst(above=0.0)
    time.sleep(5 * pacing.INTERVAL)
    share = probe.others_share()
    if share > 0.15:
        pytest.skip(f"other processes already use {share:.0%} of the processors")


def spinners():
    """Other processes keeping every processor busy, as web workers under load do."""
    return [subprocess.Popen([sys.executable, "-c", SPIN]) for _ in range(os.cpu_count() or 1)]


def stop(processes):
    for process in processes:
        process.kill()
        process.wait()


def pause_in_a_thread(readers_first: ReadersFirst) -> threading.Thread:
    thread = threading.Thread(target=readers_first.pause_while_busy, daemon=True)
    thread.start()
    return thread


def test_the_work_waits_while_others_keep_the_processors_busy_and_goes_on_when_they_stop(quiet_machine):
    readers_first = ReadersFirst(above=0.25)
    others = spinners()
    try:
        time.sleep(2 * pacing.INTERVAL)
        waiting = pause_in_a_thread(readers_first)
        waiting.join(timeout=1.0)
        assert waiting.is_alive(), "went on while the processors were busy"
    finally:
        stop(others)
    waiting.join(timeout=5.0)
    assert not waiting.is_alive(), "still waiting once the processors were free"
    assert readers_first.paused_seconds >= 1.0


def test_its_own_threads_do_not_count_as_others(quiet_machine):
    # One busy thread is 1/cpu_count of the machine: counted as others, it would pass this limit.
    readers_first = ReadersFirst(above=0.8 / (os.cpu_count() or 1))
    stopping = threading.Event()
    busy = threading.Thread(target=lambda: [None for _ in iter(stopping.is_set, True)], daemon=True)
    busy.start()  # this process's own work, as the encoder's threads are
    try:
        time.sleep(2 * pacing.INTERVAL)
        waiting = pause_in_a_thread(readers_first)
        waiting.join(timeout=3.0)
        assert not waiting.is_alive()
    finally:
        stopping.set()


def test_without_a_limit_it_never_waits():
    readers_first = ReadersFirst(above=None)
    others = spinners()
    try:
        time.sleep(2 * pacing.INTERVAL)
        readers_first.pause_while_busy()
    finally:
        stop(others)
    assert readers_first.paused_seconds == 0


def test_a_transcode_is_paced_between_its_pictures(tmp_path):
    source = tmp_path / "source.mp4"
    write_sample_video(source, seconds=2, fps=10)
    looks = []
    transcode(source, tmp_path / "out", pace=lambda: looks.append(time.monotonic()))
    assert len(looks) == 2 * 10  # before every picture
