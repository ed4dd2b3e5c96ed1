"""Stock Wagtail pages for `make bench` only: a story page and a home page written as Wagtail's
tutorial writes them, served on their own Site (the host "localhost") by the same server, settings
and database as T63, so the bench can say what T63's pages cost against stock Wagtail's. Installed
by perf/bench_settings.py alone; nothing in production serves it."""
