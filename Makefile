# The commands the README shows. `make run` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export PIP_DISABLE_PIP_VERSION_CHECK := 1
export GRADIO_ANALYTICS_ENABLED := False
export HF_HUB_OFFLINE := 1
export ORT_DISABLE_TELEMETRY := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: run test lint typecheck check bench eval clean browser ocr postgres lock replicas

## run: set up and serve the API and chat page on http://127.0.0.1:8000 (indexes documents/ first)
run: $(VENV)/.installed ocr
	$(BIN)/policy-assistant serve

## test: set up (dev extras, Chromium for browser tests, Tesseract for OCR tests, PostgreSQL for
## the two-replica test) and run the whole suite
test: $(VENV)/.installed-dev browser ocr postgres
	$(BIN)/pytest

## replicas: PostgreSQL, `chroma run` and N=2 replicas on ports 8001.. (scripts/replicas.sh)
N ?= 2
replicas: $(VENV)/.installed-dev postgres
	scripts/replicas.sh $(N)

## check: ruff and mypy
check: lint typecheck
lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

## eval: the dev question set on the seeds
eval: $(VENV)/.installed
	$(BIN)/policy-assistant eval --documents documents --questions ../shared/eval/dev.jsonl

## bench: index, retrieval, answer and API benchmarks on ALQAC (slow the first time: ~8 min)
bench: $(VENV)/.installed-dev
	$(BIN)/python bench/run_all.py

# Installs go through constraints.txt: the versions the suite last passed with, so a new
# release of gradio, chromadb or langchain cannot break a fresh machine unannounced.
$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -c constraints.txt -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml constraints.txt $(VENV)/.installed
	$(BIN)/pip install -q -c constraints.txt -e '.[dev,sentence-transformers]'
	touch $@

## lock: record the installed versions in constraints.txt (then run make test)
lock: $(VENV)/.installed-dev
	{ head -2 constraints.txt; $(BIN)/pip freeze --exclude-editable \
	  | grep -v ' @ ' | sed 's/+cpu$$//'; } > constraints.txt.new
	mv constraints.txt.new constraints.txt

# Browser tests drive Debian's chromium (Playwright's own browser download cannot work here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

# Scans are read by Debian's Tesseract with its Vietnamese model (index/ocr.py). Without it
# the server still runs and refuses scans saying so; the OCR tests skip saying why. The
# tests render their scans in DejaVu Serif (fonts-dejavu-core).
ocr:
	@{ command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx vie; } || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq tesseract-ocr tesseract-ocr-vie fonts-dejavu-core >/dev/null; } \
	  || echo "warning: could not install tesseract-ocr tesseract-ocr-vie; scanned documents will be refused" >&2

# Replicas share one PostgreSQL (tests/backing_servers.py and scripts/replicas.sh start a
# throwaway cluster with Debian's binaries). Without it the two-replica test skips saying why.
postgres:
	@{ command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; } || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; } \
	  || echo "warning: could not install postgresql; the two-replica test will be skipped" >&2

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache test-artifacts
