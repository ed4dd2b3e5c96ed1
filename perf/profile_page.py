"""Where one uncached reader page spends its time: the queries it runs (counted, the slowest
listed) and a cProfile of a few requests, through the whole middleware stack, on the bench's
database and settings (T63_CACHE=off). Run after `make bench` built the database:

    .venv/bin/python perf/profile_page.py /some/story/path/ [--requests 20] [--top 40]
"""

import argparse
import cProfile
import os
import pstats
import sys
import time

from bench import SITE
from harness import ROOT


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--only", default="", help="a regex of the functions to list")
    parser.add_argument("--queries", action="store_true", help="print every query of one request")
    parser.add_argument("--host", default="127.0.0.1", help="localhost:8077: the stock site")
    options = parser.parse_args()

    os.environ.update(SITE.environment(cache=False), DJANGO_SETTINGS_MODULE="perf.bench_settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=options.host)
    for _ in range(3):  # templates compiled, Wagtail's per-process caches filled
        assert client.get(options.path).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get(options.path)
    print(f"{len(queries)} queries")
    if options.queries:
        for query in queries.captured_queries:
            print(f"{query['time']:>6} {query['sql'][:300]}")
    started = time.perf_counter()
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(options.requests):
        client.get(options.path)
    profile.disable()
    print(f"{(time.perf_counter() - started) * 1000 / options.requests:.1f} ms per request (profiled)")
    started = time.perf_counter()
    for _ in range(options.requests):
        client.get(options.path)
    print(f"{(time.perf_counter() - started) * 1000 / options.requests:.1f} ms per request (not profiled)")
    restrictions = [options.only] if options.only else []
    pstats.Stats(profile).sort_stats(options.sort).print_stats(*restrictions, options.top)


if __name__ == "__main__":
    main()
