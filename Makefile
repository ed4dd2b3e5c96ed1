# The two commands of the README: `make run` and `make test`. Everything else supports them.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
DEPS := $(VENV)/.deps-installed

.PHONY: run test lint format check messages setup demo clean bench bench-video bench-webhooks chromium checkers java lighthouse screenshots serve backup restore loadtest replica-check

$(DEPS): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# Compiled with polib (a dependency already), so no system gettext is needed.
messages: $(DEPS)
	$(PY) -c "import glob, polib; [polib.pofile(p).save_as_mofile(p[:-3] + '.mo') for p in glob.glob('locale*/*/LC_MESSAGES/*.po')]"

setup: $(DEPS) messages
	mkdir -p var/static var/media
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) load_provinces
	$(MANAGE) load_demo
	$(MANAGE) process_videos
	$(MANAGE) index_for_search

# The web server and the background worker together (transcodes at the lowest CPU priority, so
# readers and editors stay fast); Ctrl+C stops both.
run: setup
	$(MANAGE) ensure_admin
	nice -n 19 $(MANAGE) db_worker --queue-name default,video --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver 127.0.0.1:8000

test: $(DEPS) messages chromium checkers
	$(PY) -m pytest

# Browser tests use Debian's Chromium (Playwright cannot download browsers here).
chromium:
	@command -v chromium >/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -q && apt-get install -y -q chromium; \
		else echo "Browser tests need Chromium: sudo apt-get install chromium" >&2; exit 1; fi; }

# The Nu HTML Checker and Lighthouse, pinned in tools/checkers (npm); vnu runs on Debian's Java.
# --ignore-scripts: vnu-jar's install script would download a Java of its own.
CHECKERS := tools/checkers/node_modules/.installed
$(CHECKERS): tools/checkers/package.json tools/checkers/package-lock.json
	@command -v npm >/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -q && apt-get install -y -q nodejs npm; \
		else echo "The checkers need Node.js 18.16 or later: sudo apt-get install nodejs npm" >&2; exit 1; fi; }
	cd tools/checkers && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@
checkers: $(CHECKERS) java
java:
	@command -v java >/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -q && apt-get install -y -q default-jre-headless; \
		else echo "The HTML checker needs Java: sudo apt-get install default-jre-headless" >&2; exit 1; fi; }

lint: $(DEPS)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: $(DEPS)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: $(DEPS) messages
	DJANGO_SETTINGS_MODULE=t63site.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=t63site.settings.test $(MANAGE) makemigrations --check --dry-run

# The API under load on PostgreSQL with 10,000 stories (needs PostgreSQL and Redis running), then
# what one publish empties of the reader page cache (the hit rate of other units' story pages).
bench: $(DEPS) messages
	$(PY) perf/bench.py
	$(PY) perf/invalidation_bench.py

# Transcoding a 10-minute 1080p upload (wall time, peak memory), and readers' latency meanwhile.
bench-video: $(DEPS) messages
	$(PY) perf/transcode_bench.py

# Webhook delivery time of 100 changes: a real worker, a local receiver, PostgreSQL.
bench-webhooks: $(DEPS) messages
	$(PY) perf/webhook_bench.py

# Production as it runs (set SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, REDIS_URL; see docs/deploy.md):
# migrate, collect static files for whitenoise, then gunicorn with gunicorn.conf.py.
PRODUCTION := DJANGO_SETTINGS_MODULE=t63site.settings.production DB_CONN_MAX_AGE=$${DB_CONN_MAX_AGE:-60}
serve: $(DEPS) messages
	$(PRODUCTION) $(MANAGE) migrate --no-input -v 0
	$(PRODUCTION) $(MANAGE) collectstatic --no-input -v 0
	$(PRODUCTION) $(VENV)/bin/gunicorn -c gunicorn.conf.py

# Lighthouse's scores of the home page and a story page in both languages, served as `make serve`
# serves them (a scratch database, t63_lh); fails when SEO or best practices score under 95.
lighthouse: $(DEPS) messages chromium checkers
	$(PY) perf/lighthouse.py

# Full-page PNGs of the readers' pages at 390 and 1366 px, both languages, into var/screenshots/.
screenshots: $(DEPS) messages chromium
	$(PY) perf/screenshots.py

# One archive of the database's content and the media files: make backup [BACKUP=file.tar.gz].
BACKUP ?= var/backups/t63-$$(date +%Y%m%d-%H%M%S).tar.gz
backup: $(DEPS)
	$(MANAGE) backup $(BACKUP)
restore: $(DEPS)
	$(MANAGE) restore $(BACKUP)

# 5 minutes, 50 clients, 10,000 stories, PostgreSQL and Redis restarted mid-run (docs/deploy.md).
loadtest: $(DEPS) messages
	$(PY) perf/loadtest.py

# A streaming replica of the local PostgreSQL, and the site reading from it (docs/deploy.md).
replica-check: $(DEPS) messages
	$(PY) perf/replica_check.py

clean:
	rm -rf $(VENV) var
