# Two commands do everything (see README): `make demo` and `make test`.
# Both create .venv if missing and install the pins from pyproject.toml; a second run reuses it.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
STAMP := $(VENV)/.installed
# Debian package=file it provides (installed by the venv recipe when missing and running as root)
DEBIAN_PACKAGES := bubblewrap=/usr/bin/bwrap fonts-nanum=/usr/share/fonts/truetype/nanum/NanumGothic.ttf \
  chromium=/usr/bin/chromium fonts-noto-color-emoji=/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf \
  postgresql=/usr/lib/postgresql/*/bin/initdb
ASSIGNMENTS := $(notdir $(wildcard source/[0-9][0-9]_*))
# nbgrader shells out to `alembic`: the venv's bin must be on PATH for every recipe.
export PATH := $(BIN):$(PATH)
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: venv student instructor release demo test grading-report benchmark tolerance autograde report adversarial benchmark-grading data environment clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[course]'
	@# From Debian, as root (CI): bubblewrap runs the grading sandbox (make autograde), fonts-nanum
	@# renders Korean plot text, chromium runs tests/test_browser.py (no browser is downloaded) and
	@# shows the checks' ✅/✋/❌ with fonts-noto-color-emoji, as a student's own browser does;
	@# postgresql: tests/test_cluster.py grades into a PostgreSQL server it starts (a path may be a glob).
	@missing=""; for p in $(DEBIAN_PACKAGES); do ls $${p#*=} >/dev/null 2>&1 || missing="$$missing $${p%%=*}"; done; \
	if [ -n "$$missing" ]; then \
	  { test "$$(id -u)" = 0 && apt-get update -qq >/dev/null \
	    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null \
	    && echo "Debian:$$missing installed"; } \
	  || echo "⚠️  Debian 패키지를 설치하지 못했습니다:$$missing (README 참고). bubblewrap 없이는 make autograde SANDBOX=0 으로만" \
	       "채점하고, fonts-nanum 없이는 그래프에 한글 대신 기본 글꼴(영어)을 쓰며, chromium 없이는 브라우저 테스트를 건너뜁니다."; \
	fi
	@touch $@

# The student set-up: the same pins, JupyterLab without nbgrader's instructor tools (Formgrader,
# Create Assignment, Assignment/Course List); Validate stays. Environment-level (.venv), see README.
student: $(STAMP)
	$(BIN)/python -m mlcourse.lab student

# The instructor set-up (nbgrader's default; undoes `make student` in this .venv).
instructor: $(STAMP)
	$(BIN)/python -m mlcourse.lab instructor

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

# Keras notebooks: the reference keeps full marks with 1/2 TensorFlow threads, oneDNN off/on and 3 seeds.
tolerance: $(STAMP)
	$(BIN)/python -m grading.tolerance $(TOLERANCE_ASSIGNMENTS)

# Grade every submission in submitted/ for ASSIGNMENT (default: all), in parallel, sandboxed: only what
# is new or resubmitted since the last run (FORCE=1: everything); SCHEDULER=tcp://HOST:8786: on that Dask cluster.
ASSIGNMENT ?= $(ASSIGNMENTS)
WORKERS ?=
SANDBOX ?= 1
SCHEDULER ?=
FORCE ?=
autograde: $(STAMP)
	$(BIN)/python -m grading.autograde $(ASSIGNMENT) $(if $(WORKERS),--workers $(WORKERS)) $(if $(filter 0,$(SANDBOX)),--no-sandbox) \
	  $(if $(SCHEDULER),--scheduler $(SCHEDULER)) $(if $(filter 1,$(FORCE)),--force)

# The class report after grading: reports/ASSIGNMENT.html (default: every assignment in the gradebook).
# DB=URL reads another gradebook (else NBGRADER_DB_URL, else gradebook.db).
DB ?=
report: $(STAMP)
	$(BIN)/python -m grading.report $(ASSIGNMENT) $(if $(DB),--db $(DB))

# The adversarial suite's report (also run by `make test`).
adversarial: $(STAMP)
	$(BIN)/python -m grading.adversarial

# Sequential plain nbgrader vs the parallel sandboxed command (unsandboxed, and on a local Dask cluster), 40+ submissions.
benchmark-grading: $(STAMP)
	$(BIN)/python -m grading.benchmark_grading

# Maintainers: regenerate data/ and environment.yml from their single sources.
data: $(STAMP)
	$(BIN)/python scripts/make_data.py

environment: $(STAMP)
	$(BIN)/python scripts/write_environment.py

clean:
	rm -rf build gradebook.db submitted autograded/*/ feedback reports .pytest_cache
