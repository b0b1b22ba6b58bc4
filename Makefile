# jixiao — `make help` lists the targets.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEV    := $(VENV)/.installed-dev

.PHONY: help run test bench samples lint clean

help:  ## Show the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

# `make run` installs what running needs; `make test` and `make bench` add their extras.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $(STAMP)

$(DEV): $(STAMP)
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $(DEV)

run: $(STAMP)  ## Set up and ingest samples/ into the default SQLite file (jixiao.db)
	$(BIN)/jixiao ingest samples/

test: $(DEV)  ## Set up and run the test suite
	$(BIN)/python -m pytest -q

bench: $(DEV)  ## Run the benchmark (writes bench/out/results.{json,md}); the pandoc row needs `apt-get install pandoc`
	@command -v pandoc >/dev/null || echo "note: pandoc is not installed (apt-get install pandoc); its row is skipped"
	$(BIN)/python -m compileall -q extract normalize load jixiao
	$(BIN)/python bench/run.py

samples: $(DEV)  ## Regenerate the .docx files in samples/
	$(BIN)/python samples/make_samples.py

clean:  ## Remove the venv, caches and the default database
	rm -rf $(VENV) .pytest_cache .hypothesis jixiao.db bench/out
