# Two commands do everything (see README): `make demo` and `make test`.
# Both create .venv if missing and install the pins from pyproject.toml; a second run reuses it.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
STAMP := $(VENV)/.installed
ASSIGNMENTS := $(notdir $(wildcard source/[0-9][0-9]_*))
# nbgrader shells out to `alembic`: the venv's bin must be on PATH for every recipe.
export PATH := $(BIN):$(PATH)
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: venv release demo test grading-report benchmark autograde adversarial benchmark-grading data environment clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[course]'
	@# the grading sandbox (make autograde) runs kernels under bubblewrap, from Debian
	@command -v bwrap >/dev/null || { test "$$(id -u)" = 0 && apt-get update -qq >/dev/null \
	  && apt-get install -y -qq bubblewrap >/dev/null; } \
	  || echo "⚠️  bubblewrap를 설치하지 못했습니다: make autograde SANDBOX=0 으로만 채점할 수 있습니다 (README 참고)."
	@touch $@

# Regenerate release/ (student notebooks) from source/ for every assignment.
release: $(STAMP)
	@for a in $(ASSIGNMENTS); do \
	  $(BIN)/nbgrader generate_assignment $$a --force --log-level=WARN || exit 1; \
	  echo "release/$$a regenerated"; \
	done

# Grade a perfect, an untouched and a partly wrong submission per assignment; print the scores.
demo: release
	$(BIN)/python -m grading.demo

test: $(STAMP)
	$(BIN)/python -m pytest

# Per exercise: mutants caught / total, alternatives accepted / total (real nbgrader).
grading-report: $(STAMP)
	$(BIN)/python -m grading.quality $(ASSIGNMENTS)

# Run time, autograding cost and visible-check latency of each notebook, on 2 cores.
benchmark: $(STAMP)
	$(BIN)/python -m grading.benchmark $(ASSIGNMENTS)

# Grade every submission in submitted/ for ASSIGNMENT (default: all), in parallel, sandboxed.
ASSIGNMENT ?= $(ASSIGNMENTS)
WORKERS ?=
SANDBOX ?= 1
autograde: $(STAMP)
	$(BIN)/python -m grading.autograde $(ASSIGNMENT) $(if $(WORKERS),--workers $(WORKERS)) $(if $(filter 0,$(SANDBOX)),--no-sandbox)

# The adversarial suite's report (also run by `make test`).
adversarial: $(STAMP)
	$(BIN)/python -m grading.adversarial

# Sequential plain nbgrader vs the parallel sandboxed command (and unsandboxed), 40+ submissions.
benchmark-grading: $(STAMP)
	$(BIN)/python -m grading.benchmark_grading

# Maintainers: regenerate data/ and environment.yml from their single sources.
data: $(STAMP)
	$(BIN)/python scripts/make_data.py

environment: $(STAMP)
	$(BIN)/python scripts/write_environment.py

clean:
	rm -rf build gradebook.db submitted autograded/*/ feedback .pytest_cache
