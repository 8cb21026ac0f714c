# Two entry points that work on a fresh machine with only python3:
#   make run   - set up .venv, build the graph into dist/, print its summary and how to serve it
#   make test  - set up .venv (and, for the page tests, Debian's chromium), run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test build serve browser servers fmt bench bench-scale mutation clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/nhskg build
	@echo "serve it: $(BIN)/nhskg serve  ->  http://127.0.0.1:8000/ (SPARQL endpoint /sparql); or: make serve"

build: run

serve: $(STAMP)
	$(BIN)/nhskg serve

# The page tests drive Debian's chromium through its chromedriver; install them when missing (as root,
# as on CI), or say what to install.
browser:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing chromium and chromium-driver (Debian packages) for the page tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	else echo "the page tests need chromium and chromedriver: sudo apt-get install chromium chromium-driver" >&2; exit 1; fi

# The remote-store tests also run Debian's Virtuoso (skipped, saying so, when it is missing).
servers:
	@if command -v virtuoso-t >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing virtuoso-opensource (Debian) for the remote-store tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource >/dev/null; \
	else echo "the Virtuoso tests will be skipped: sudo apt-get install virtuoso-opensource"; fi

# On every core, up to four (each worker builds the graph once for itself).
test: $(STAMP) browser servers
	$(BIN)/python -m pytest -q -n auto --maxprocesses 4

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_validate.py
	$(BIN)/python benchmarks/bench_trace.py
	$(BIN)/python benchmarks/bench_startup.py
	$(BIN)/python benchmarks/bench_serve.py

# The catalogue at 10k, 100k and 1M triples on rdflib, in-memory Oxigraph and the on-disk store (minutes;
# add SIZES=10k,100k,1M,10M for the largest, which needs a few GB of disk and tens of minutes).
SIZES ?= 10k,100k,1M
bench-scale: $(STAMP)
	$(BIN)/python benchmarks/bench_scale.py --sizes $(SIZES)

# The mutation score of the rules: mutmut over figures, anchoring, checks, trace matching and the catalogue's
# binding, with the fast tests that pin them; prints the kill rate per module (tens of minutes: not in `make test`).
mutation: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[mutation]'
	$(BIN)/python benchmarks/mutation_report.py --run $(if $(JOBS),--max-children $(JOBS))

fmt: $(STAMP)
	$(BIN)/nhskg fmt

clean:
	rm -rf dist $(VENV) mutants
