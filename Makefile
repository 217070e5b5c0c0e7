# sitrep: two commands on a fresh machine.
#   make demo   venv + install + run on the bundled example corpus + export + summary
#   make test   venv + install + lint (ruff, mypy) + the whole test suite
# and one for the edit loop:
#   make check  ruff, mypy and the fast unit tests (no PostgreSQL, browser, kill/resume, seeds,
#               audit or fuzzing; a few minutes)
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml requirements.lock 2>/dev/null | cksum | cut -d' ' -f1)
DEMO   := demo-out

.PHONY: install system-deps test check demo lint audit bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(PY) pyproject.toml requirements.lock
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

# apt packages the tests need (PostgreSQL server, Chromium); idempotent, skipped when present
system-deps:
	bash scripts/install_system_deps.sh

test: install system-deps lint
	$(PY) -m pytest -q -p no:cacheprovider; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected"; exit 0; fi; exit $$rc

lint: install
	$(VENV)/bin/ruff check sitrep tests benchmarks
	$(VENV)/bin/mypy sitrep

# tests marked slow (see pyproject.toml), postgres (a PostgreSQL server) or browser (Chromium)
# are left to `make test`
check: lint
	$(PY) -m pytest -q -p no:cacheprovider -m "not slow and not postgres and not browser"

demo: install
	mkdir -p $(DEMO)
	rm -f $(DEMO)/demo.db $(DEMO)/demo.db-wal $(DEMO)/demo.db-shm
	$(VENV)/bin/sitrep run examples/corpus --db $(DEMO)/demo.db || [ $$? -eq 1 ]
	$(VENV)/bin/sitrep export --db $(DEMO)/demo.db --format jsonl -o $(DEMO)/demo.jsonl
	$(VENV)/bin/sitrep export --db $(DEMO)/demo.db --format acled-csv -o $(DEMO)/demo.acled.csv
	$(VENV)/bin/sitrep timeline --db $(DEMO)/demo.db --limit 15
	$(VENV)/bin/sitrep report --db $(DEMO)/demo.db -o $(DEMO)/report.html
	@echo "demo written to $(DEMO)/ (demo.db, demo.jsonl, demo.acled.csv, report.html)"

# the regex and complexity audit alone (make test runs it too): every regex under sitrep/ timed
# on adversarial input (growth ratio), hostile pages through the pipeline; ~2 minutes
audit: install
	$(PY) -m pytest -q -p no:cacheprovider tests/test_complexity.py

bench: install
	$(PY) benchmarks/bench_dates.py
	$(PY) benchmarks/bench_run.py -n 300

clean:
	rm -rf $(VENV) $(DEMO) .pytest_cache .ruff_cache .mypy_cache

# fuzz the pipeline for FUZZ_SECONDS (atheris/libFuzzer if it installs, else hypothesis);
# prints inputs tried and crashes found; crashing inputs are saved in fuzz/crashes/
FUZZ_SECONDS ?= 300
.PHONY: fuzz
fuzz: install
	-$(PY) -m pip install --quiet atheris==3.0.0 || echo "atheris unavailable: fuzzing with hypothesis"
	$(PY) fuzz/fuzz_pipeline.py --seconds $(FUZZ_SECONDS)
