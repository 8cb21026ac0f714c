# Two entry points that work on a fresh machine with only python3:
#   make run   - set up .venv, build the graph into dist/, print its summary
#   make test  - set up .venv, run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test build fmt bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/nhskg build

build: run

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_validate.py
	$(BIN)/python benchmarks/bench_trace.py
	$(BIN)/python benchmarks/bench_startup.py

fmt: $(STAMP)
	$(BIN)/nhskg fmt

clean:
	rm -rf dist $(VENV)
