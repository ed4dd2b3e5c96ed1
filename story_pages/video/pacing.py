"""Readers first: a transcode pauses while other processes keep the processors busy.

Nice 19 gives the web workers the processors whenever they ask, but not the processors' shared
caches, nor the other hyperthread of a core: a warm page served beside a running encoder is still
slower (issue 16's benchmark: p99 ×1.3 to ×2.3 at nice 19, and no better under SCHED_IDLE). So the
worker looks, between frames, at how much processor time everything else used in the last tenth of
a second (/proc/stat, less its own); above a share of the machine it sleeps and looks again. On an
idle machine the transcode runs at full speed; under a sustained load it waits for a lull (a site
busy for hours delays its videos, which docs/deploy.md says to solve with a worker machine).
Where /proc/stat cannot be read (not Linux), it never pauses.
"""

import os
import time
from pathlib import Path

INTERVAL = 0.1  # seconds between looks: a frame of 1080p takes about 0.02 s to transcode
PROC_STAT = Path("/proc/stat")


def _busy_and_clock() -> tuple[float, float] | None:
    """Processor seconds all processes used since boot (not idle, not waiting for disks), and the
    monotonic clock; None where /proc/stat is not there."""
    try:
        first_line = PROC_STAT.read_text().split("\n", 1)[0]
    except OSError:
        return None
    ticks = [int(value) for value in first_line.split()[1:]]
    # user, nice, system; then idle and iowait left out; then irq, softirq, steal
    busy_ticks = sum(ticks[:3]) + sum(ticks[5:8])
    return busy_ticks / os.sysconf("SC_CLK_TCK"), time.monotonic()


class ReadersFirst:
    """Call ``pause_while_busy()`` between units of work. ``above``: the share of all processors
    (0 to 1) that others may use before the work waits; None: never wait."""

    def __init__(self, above: float | None):
        self.above = above
        self.processors = os.cpu_count() or 1
        self.paused_seconds = 0.0
        self._last = self._sample() if above is not None else None

    def pause_while_busy(self) -> None:
        if self._last is None or time.monotonic() - self._last[2] < INTERVAL:
            return
        while self.others_share() > self.above:
            started = time.monotonic()
            time.sleep(INTERVAL)
            self.paused_seconds += time.monotonic() - started

    def others_share(self) -> float:
        """The share of all processors other processes used since the last look."""
        sample = self._sample()
        if sample is None:
            return 0.0
        (busy, own, clock), (last_busy, last_own, last_clock) = sample, self._last
        self._last = sample
        others = (busy - last_busy) - (own - last_own)
        return max(0.0, others) / max(clock - last_clock, 1e-6) / self.processors

    @staticmethod
    def _sample() -> tuple[float, float, float] | None:
        busy_and_clock = _busy_and_clock()
        if busy_and_clock is None:
            return None
        busy, clock = busy_and_clock
        return busy, time.process_time(), clock  # process_time: every thread of this process
