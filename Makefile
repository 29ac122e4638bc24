# Portal KIPP. Quick start: `make run` (serve the demo) and `make test` (the whole suite).
# Only Python >= 3.11 and make are needed; everything else is installed into .venv.

PYTHON ?= python3
# The demo server's port: `make run PORT=8031`.
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
# The embedded shape runs with DEBUG on; production sets its own environment.
DEV_ENV := DEBUG=$${DEBUG:-1}

.PHONY: run test install lint fmt bench bench-public surge worker beat migrate messages clean icons

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 atau lebih baru diperlukan"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(DEV_ENV) $(PY) manage.py migrate --noinput

run: migrate
	$(DEV_ENV) $(PY) manage.py seed_demo
	@echo ""
	@echo "Portal KIPP: http://127.0.0.1:$(PORT)"
	@echo "Akun demo (kata sandi kipp-demo-2025):"
	@echo "  sekretariat                 Sekretariat KIPP (nasional)"
	@echo "  adminlokal.bangkabarat      Admin Lokal, Pemkab Bangka Barat"
	@echo "  adminlokal.bangkatengah     Admin Lokal, Pemkab Bangka Tengah"
	@echo "  upp.kominfo.bangkabarat     Operator UPP, Dinas Kominfo Bangka Barat"
	@echo "  upp.pdam.bangkabarat        Operator UPP, PDAM Tirta Sejiran Setason"
	@echo "  upp.bangkatengah            Operator UPP, Disdukcapil Bangka Tengah"
	@echo "  evaluator1..3               Tim Evaluasi"
	@echo "  panelis1..3                 Tim Panel Independen"
	@echo "  hub.babel                   Admin Hub JIPP Kepulauan Bangka Belitung"
	@echo "  pendamping.ubb              Tim Pendamping (UBB) hub JIPP Babel"
	@echo ""
	$(DEV_ENV) $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(DEV_ENV) $(BIN)/pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(DEV_ENV) $(PY) manage.py makemigrations --check --dry-run

fmt: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Pages timed at KIPP's size (BENCH_PROPOSALS, default 50,000) on DATABASE_URL (default
# SQLite); BENCH_EXPLAIN=1 adds the PostgreSQL plans. Writes var/bench.json.
bench: install
	$(DEV_ENV) $(PY) -m bench

# The public innovation database at BENCH_INNOVATIONS (100,000) on DATABASE_URL: search and
# winners, uncached and cached; BENCH_EXPLAIN=1 adds the plans. Writes var/bench-public.json.
bench-public: install
	$(DEV_ENV) $(PY) -m bench.public

# The deadline surge against gunicorn: needs DATABASE_URL=postgres://... and REDIS_URL.
# SURGE_SECONDS (120) and SURGE_USERS (200). Writes var/surge.json.
surge: install
	$(DEV_ENV) $(PY) -m bench.surge

worker: install
	$(BIN)/celery -A config worker --loglevel=INFO

beat: install
	$(BIN)/celery -A config beat --loglevel=INFO

# Needs GNU gettext; only for translators. The compiled catalogs are committed, so
# running the portal never needs gettext.
messages: install
	$(DEV_ENV) $(PY) manage.py makemessages -l en --ignore=.venv --ignore=var
	$(DEV_ENV) $(PY) manage.py compilemessages -l en --ignore=.venv

clean:
	rm -rf $(VENV) var

# Subset the icon font to the icons the templates use (after using a new icon).
icons: install
	$(PY) tools/icons.py
