"""gunicorn as production runs it (`make serve`; `gunicorn t63site.wsgi` finds this file itself).

Overridable from the environment: WEB_CONCURRENCY, BIND, GUNICORN_TIMEOUT, FORWARDED_ALLOW_IPS."""

import multiprocessing

from t63site.settings.environment import env_str

wsgi_app = "t63site.wsgi:application"
bind = env_str("BIND", "0.0.0.0:8000")
# Sync workers, the usual 2 x cores + 1: requests mostly wait on the database, not the CPU.
workers = int(env_str("WEB_CONCURRENCY", str(multiprocessing.cpu_count() * 2 + 1)))
# A request still running after this is stuck: the worker is killed and replaced.
timeout = int(env_str("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# Keep connections from the load balancer open between requests.
keepalive = 5
# Recycle workers now and then, so a slow leak never grows into an outage.
max_requests = 2000
max_requests_jitter = 200
# Access log to stdout, where the process manager collects it; %(D)s is microseconds.
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(D)sus "%(a)s"'
# Believe X-Forwarded-Proto only from the proxy in front of us.
forwarded_allow_ips = env_str("FORWARDED_ALLOW_IPS", "127.0.0.1")
