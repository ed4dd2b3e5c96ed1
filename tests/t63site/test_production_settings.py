"""Production settings: Django's deployment checklist passes, and the site refuses to start
without its secrets."""

import json
import os
import secrets
import string
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


# The server's own environment, not the test run's (the browser tests allow async-unsafe ORM calls).
NOT_INHERITED = ("SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE")


def manage(*args, **environment):
    env = {key: value for key, value in os.environ.items() if key not in NOT_INHERITED}
    env.update(DJANGO_SETTINGS_MODULE="t63site.settings.production", REDIS_URL="redis://127.0.0.1:6379/5")
    env.update(environment)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def random_key() -> str:
    return "".join(secrets.choice(string.ascii_letters + string.digits + "!@#%^&*(-_=+)") for _ in range(60))


def test_the_deployment_checklist_reports_nothing():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=random_key(), ALLOWED_HOSTS="t63.vn"
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", ALLOWED_HOSTS="t63.vn")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = manage("check", SECRET_KEY=random_key())
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_refuses_a_cache_per_process():
    result = manage("check", SECRET_KEY=random_key(), ALLOWED_HOSTS="t63.vn", REDIS_URL="")
    assert result.returncode != 0
    assert "REDIS_URL must be set" in result.stderr


def test_media_go_to_the_bucket_when_one_is_named_and_the_policy_allows_it():
    script = (
        "from django.conf import settings; from django.core.files.storage import storages;"
        "print(type(storages['default']).__name__, storages['default'].bucket_name);"
        "print(settings.T63_CONTENT_SECURITY_POLICY['img-src'])"
    )
    result = manage(
        "shell",
        "-c",
        script,
        SECRET_KEY=random_key(),
        ALLOWED_HOSTS="t63.vn",
        AWS_STORAGE_BUCKET_NAME="t63-media",
        AWS_S3_CUSTOM_DOMAIN="media.t63.vn",
    )
    assert result.returncode == 0, result.stderr
    storage, policy = result.stdout.splitlines()[-2:]
    assert storage == "S3Storage t63-media"
    assert "https://media.t63.vn" in policy


def test_production_logs_are_one_json_object_per_line():
    script = "import logging; logging.getLogger('t63').warning('Xin chào %s', 'Huế', extra={'story': 7})"
    result = manage("shell", "-c", script, SECRET_KEY=random_key(), ALLOWED_HOSTS="t63.vn")
    assert result.returncode == 0, result.stderr
    entry = json.loads((result.stdout + result.stderr).strip().splitlines()[-1])
    assert entry["level"] == "WARNING" and entry["message"] == "Xin chào Huế" and entry["story"] == 7


def test_behind_the_tls_proxy_plain_http_is_redirected_except_the_probes():
    script = (
        "from django.test import Client; c = Client();"
        "r = c.get('/robots.txt'); print(r.status_code, r['Location']);"
        "r = c.get('/healthz'); print(r.status_code);"
        "r = c.get('/healthz', headers={'X-Forwarded-Proto': 'https'});"
        "print(r.status_code, r['Strict-Transport-Security'])"
    )
    result = manage("shell", "-c", script, SECRET_KEY=random_key(), ALLOWED_HOSTS="testserver")
    assert result.returncode == 0, result.stderr
    redirect, probe, secure = result.stdout.splitlines()[-3:]
    assert redirect == "301 https://testserver/robots.txt"
    assert probe == "200"  # the load balancer probes over plain HTTP inside the network
    assert secure == "200 max-age=31536000; includeSubDomains; preload"
