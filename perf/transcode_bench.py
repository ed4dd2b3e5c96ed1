"""Transcoding an upload into the web renditions, and what it costs the readers.

1. Generates a 10-minute 1080p30 H.264/AAC video as a phone or an editor exports it (12 Mbit/s):
   a grainy textured landscape panned across, a block moving over it, a sweeping tone.
2. Runs story_pages.video.transcode in a child process, paced as the worker paces it: its wall
   time against the video's length (target below 1.5), its peak RSS (target below 600 MB) and
   the renditions' sizes.
3. Serves the readers' story page (PostgreSQL, Redis, gunicorn with 2 sync workers, wrk with 16
   connections) alone, then while a transcode runs at nice 19, then at nice 19 pausing while
   others keep the processors busy, as the worker runs it (story_pages/video/pacing.py): p50, p99,
   req/s and the transcode's share of the processors, with the page cache off (every request
   rendered) and warm. Target: at most 20 % worse. (SCHED_IDLE was measured too: no better than
   nice 19, since what slows a warm page is the shared caches and hyperthreads, not the queue.)

Run with `.venv/bin/python perf/transcode_bench.py`. TRANSCODE_BENCH_SECONDS shortens the video
(default 600), TRANSCODE_BENCH_SOURCE names a file to use (generated there if missing),
TRANSCODE_BENCH_PARTS=transcode (or =web) runs only part 2 (or 3), TRANSCODE_BENCH_THREADS is
transcode()'s threads (default 0: one per core). It reports; it asserts nothing.
"""

import json
import os
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from harness import PYTHON, ROOT, Server, Site, bench_gunicorn, figures, wrk

SECONDS = int(os.environ.get("TRANSCODE_BENCH_SECONDS", "600"))
THREADS = int(os.environ.get("TRANSCODE_BENCH_THREADS", "0"))
PARTS = os.environ.get("TRANSCODE_BENCH_PARTS", "transcode,web").split(",")
WEB_DURATION = os.environ.get("TRANSCODE_BENCH_DURATION", "21s")  # per condition, in all rounds
ROUNDS = int(os.environ.get("TRANSCODE_BENCH_ROUNDS", "3"))
CONNECTIONS = 16
SITE = Site(
    database=os.environ.get("TRANSCODE_BENCH_DATABASE", "t63_transcode_bench"),
    redis_url=os.environ.get("TRANSCODE_BENCH_REDIS_URL", "redis://127.0.0.1:6379/5"),
    port=8079,
    work=ROOT / "var" / "transcode_bench",
)
# A story page's cost hardly depends on how many others there are: fewer, prepared faster.
STORIES = int(os.environ.get("TRANSCODE_BENCH_STORIES", "1000"))
REUSE = os.environ.get("TRANSCODE_BENCH_REUSE") == "1"
CONDITIONS = {"transcode at nice 19": "nice", "nice 19, readers first": "paced"}
YIELD_ABOVE = float(os.environ.get("TRANSCODE_BENCH_YIELD_ABOVE", "0.25"))
GUNICORN = bench_gunicorn(SITE)
WIDTH, HEIGHT, FPS, RATE = 1920, 1080, 30, 48_000


def generate(path: Path, seconds: int) -> None:
    """Content x264 must work for: texture, grain that changes every frame, motion everywhere."""
    import av
    import numpy as np

    rng = np.random.default_rng(63)
    rows, columns = np.mgrid[0 : HEIGHT + 540, 0 : WIDTH + 960].astype(np.float32)
    landscape = 128 + 60 * np.sin(columns / 37) * np.cos(rows / 53) + 30 * np.sin((columns + rows) / 11)
    landscape = np.clip(landscape + rng.normal(0, 12, landscape.shape), 0, 255).astype(np.uint8)
    tint = np.clip(128 + 50 * np.sin(columns[::2, ::2] / 41) * np.sin(rows[::2, ::2] / 29), 0, 255)
    tint = tint.astype(np.uint8)
    grain = [rng.integers(-6, 7, (HEIGHT, WIDTH), dtype=np.int16) for _ in range(8)]
    with av.open(str(path), mode="w") as container:
        video = container.add_stream("libx264", rate=FPS)
        video.width, video.height, video.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        video.options = {"preset": "superfast", "crf": "23"}
        audio = container.add_stream("aac", rate=RATE)
        audio.layout = "stereo"
        samples = 0
        for index in range(seconds * FPS):
            moment = index / FPS
            x, y = int(480 + 470 * np.sin(moment * 0.7)), int(270 + 260 * np.sin(moment * 0.45))
            luma = landscape[y : y + HEIGHT, x : x + WIDTH] + grain[index % len(grain)]
            bx = int((WIDTH - 300) * (0.5 + 0.5 * np.sin(moment * 1.3)))
            by = int((HEIGHT - 300) * (0.5 + 0.5 * np.cos(moment * 0.9)))
            luma[by : by + 300, bx : bx + 300] = 255 - luma[by : by + 300, bx : bx + 300]
            chroma = tint[y // 2 : y // 2 + HEIGHT // 2, x // 2 : x // 2 + WIDTH // 2]
            frame = av.VideoFrame(WIDTH, HEIGHT, "yuv420p")
            for plane, pixels in zip(
                frame.planes, (np.clip(luma, 0, 255), chroma, 255 - chroma), strict=True
            ):
                plane.update(np.ascontiguousarray(pixels, dtype=np.uint8))
            frame.pts = index
            for packet in video.encode(frame):
                container.mux(packet)
            while samples < (index + 1) * RATE // FPS:
                times = (samples + np.arange(1024)) / RATE
                tone = 0.2 * np.sin(2 * np.pi * (220 + 110 * np.sin(times * 0.5)) * times)
                tone = (tone + 0.02 * rng.standard_normal(1024)).astype(np.float32)
                sound = av.AudioFrame.from_ndarray(np.stack([tone, tone]), format="fltp", layout="stereo")
                sound.sample_rate, sound.pts = RATE, samples
                samples += 1024
                for packet in audio.encode(sound):
                    container.mux(packet)
        for stream in (video, audio):
            for packet in stream.encode():
                container.mux(packet)


def child(source: str, out: str, mode: str) -> None:
    """Inside the child process: one transcode ("once"), or transcodes until killed at the lowest
    CPU priority ("nice"), pausing while others keep the processors busy ("paced")."""
    sys.path.insert(0, str(ROOT))
    from story_pages.video.pacing import ReadersFirst
    from story_pages.video.transcode import transcode

    if mode in ("nice", "paced"):
        os.nice(19)
    # "once" as the worker runs it (readers first), alone on the machine: it should never wait.
    pace = ReadersFirst(YIELD_ABOVE).pause_while_busy if mode in ("once", "paced") else None
    while True:
        files = transcode(Path(source), Path(out), threads=THREADS, pace=pace)
        if mode == "once":
            print(json.dumps([{"name": f.name, "size": f.size, "height": f.height} for f in files]))
            return


def start_child(source: Path, out: Path, mode: str) -> subprocess.Popen:
    command = [PYTHON, __file__, "child", str(source), str(out), mode]
    return subprocess.Popen(command, stdout=subprocess.PIPE, text=True)


def wait_for(process: subprocess.Popen) -> tuple[int, resource.struct_rusage]:
    """The exit code and the resources of that one child (os.wait4: RUSAGE_CHILDREN, one child)."""
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, usage


def measure_transcode(source: Path, work: Path) -> dict:
    started = time.perf_counter()
    process = start_child(source, work / "renditions", "once")
    output = process.stdout.read()
    code, usage = wait_for(process)
    wall = time.perf_counter() - started
    if code:
        raise SystemExit(f"the transcode failed ({code})")
    cpu = usage.ru_utime + usage.ru_stime
    return {"wall": wall, "rss_mb": usage.ru_maxrss / 1024, "cpu": cpu, "files": json.loads(output)}


def story_path() -> str:
    with urllib.request.urlopen(SITE.base + "/api/v2/stories/?limit=1") as response:
        return urllib.parse.urlsplit(json.load(response)["items"][0]["url"]).path


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a running process, all its threads (/proc/<pid>/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure_web(source: Path, work: Path) -> dict:
    """The conditions take turns, ROUNDS short runs each, so a burst of other work on the machine
    falls on all of them alike. The transcodes run throughout and are stopped (SIGSTOP) while
    they are not the condition measured; the figures are the rounds' medians and req/s overall."""
    SITE.prepare(STORIES, REUSE)
    seconds = int(WEB_DURATION.rstrip("s")) // ROUNDS
    results = {}
    for cache in (False, True):
        label = "warm cache" if cache else "no cache"
        subprocess.run(["redis-cli", "-n", SITE.redis_url.rsplit("/", 1)[1], "flushdb"], capture_output=True)
        with Server(SITE, GUNICORN, "/api/v2/provinces/", cache):
            url = SITE.base + story_path()
            urllib.request.urlopen(url).read()  # fills the page cache, when on
            wrk(url, CONNECTIONS, "2s")  # templates compiled, caches filled: not in the figures
            children = {mode: start_child(source, work / mode, mode) for mode in CONDITIONS.values()}
            time.sleep(3)  # imported and decoding
            for child_process in children.values():
                os.kill(child_process.pid, signal.SIGSTOP)
            runs = {condition: [] for condition in ("alone", *CONDITIONS)}
            for _ in range(ROUNDS):
                for condition in runs:
                    transcoding = children.get(CONDITIONS.get(condition))
                    if transcoding:
                        os.kill(transcoding.pid, signal.SIGCONT)
                        cpu = cpu_seconds(transcoding.pid)
                    runs[condition].append(figures(wrk(url, CONNECTIONS, f"{seconds}s")))
                    if transcoding:
                        runs[condition][-1]["cpu"] = cpu_seconds(transcoding.pid) - cpu
                        os.kill(transcoding.pid, signal.SIGSTOP)
            for child_process in children.values():
                os.kill(child_process.pid, signal.SIGKILL)
                wait_for(child_process)
            for condition, measured in runs.items():
                results[(label, condition)] = summary(measured, seconds)
    return results


def summary(runs: list[dict], seconds: int) -> dict:
    return {
        "rps": sum(run["requests"] for run in runs) / (seconds * len(runs)),
        "p50": statistics.median(run["p50"] for run in runs),
        "p99": statistics.median(run["p99"] for run in runs),
        "errors": sum(run["non_2xx"] + bool(run["socket_errors"]) for run in runs),
        "cpu_share": sum(run.get("cpu", 0) for run in runs) / (seconds * len(runs)) / os.cpu_count(),
    }


def main():
    with tempfile.TemporaryDirectory(prefix="t63-transcode-bench-") as folder:
        work = Path(folder)
        source = Path(os.environ.get("TRANSCODE_BENCH_SOURCE") or work / "source.mp4")
        if not source.exists():
            started = time.perf_counter()
            generate(source, SECONDS)
            print(f"generated {SECONDS} s of 1080p30 in {time.perf_counter() - started:.0f} s", flush=True)
        length = probe_length(source)
        if "transcode" in PARTS:
            report_transcode(source, length, measure_transcode(source, work))
        if "web" in PARTS:
            report_web(measure_web(source, work))


def probe_length(source: Path) -> float:
    sys.path.insert(0, str(ROOT))
    from story_pages.video.probe import probe_media

    return probe_media(str(source)).duration


def report_transcode(source: Path, length: float, measured: dict) -> None:
    ratio = measured["wall"] / length
    print(f"\nsource: {length:.1f} s of 1080p30 H.264/AAC, {source.stat().st_size / 1e6:.0f} MB")
    print(f"transcode (threads={THREADS}, {os.cpu_count()} cores): wall {measured['wall']:.1f} s, ", end="")
    print(f"CPU {measured['cpu']:.0f} s, wall/length {ratio:.2f} (target < 1.5)")
    print(f"peak RSS of the transcoding process: {measured['rss_mb']:.0f} MB (target < 600)")
    for file in measured["files"]:
        rate = file["size"] * 8 / length / 1000
        print(f"  {file['name']:>5}: {file['size'] / 1e6:7.1f} MB, {rate:5.0f} kbit/s")


def report_web(results: dict) -> None:
    print(
        f"\nreaders' story page, gunicorn 2 sync workers, wrk {CONNECTIONS} connections, "
        f"{WEB_DURATION} per condition in {ROUNDS} rounds (medians of the rounds)"
    )
    print(f"{'':12}{'':24}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}")
    for (label, condition), measured in results.items():
        errors = measured["errors"]
        print(
            f"{label:12}{condition:24}{measured['rps']:8.0f}{measured['p50']:9.1f}{measured['p99']:9.1f}"
            f"{errors:8}"
        )
    print("target: p50 and p99 at most x1.20 with a transcode running")
    for (label, condition), loaded in results.items():
        if condition == "alone":
            continue
        alone = results[(label, "alone")]
        print(
            f"{label}, {condition}: p50 x{loaded['p50'] / alone['p50']:.2f}, "
            f"p99 x{loaded['p99'] / alone['p99']:.2f}, req/s x{loaded['rps'] / alone['rps']:.2f}; "
            f"the transcode got {loaded['cpu_share']:.0%} of the CPU"
        )


if __name__ == "__main__":
    if sys.argv[1:2] == ["child"]:
        child(*sys.argv[2:5])
    else:
        main()
