# casus — the two commands: `make demo` and `make test`. Everything else wraps CMake presets.
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: test-sanitize-all all deps release debug demo test test-sanitize bench reset-cases clean fuzz fuzz-build

all: release

deps:
	@scripts/install-deps.sh

release: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)

debug: deps
	@cmake --preset debug >/dev/null
	@cmake --build --preset debug -j $(JOBS)

demo: release
	@scripts/demo.sh build/release/casus

test: release
	@ctest --preset release -j $(JOBS)

# The unit, serve and case tests under ASan + UBSan, on the `fuzz` preset's build (clang): the library
# compiled once for both, so after `make fuzz` only casus and the test binaries are left to build. Tests
# labelled mpirun, browser or long are left out (docs/reliability.md, "Sanitizers in CI"). CI runs this.
test-sanitize: deps
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset sanitize -j $(JOBS)
	@ctest --preset sanitize -j $(JOBS)

# Every test but mpirun and chromium under the sanitizers (CI runs the subset above; docs/reliability.md).
test-sanitize-all: deps
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset sanitize -j $(JOBS)
	@ctest --preset sanitize-all -j $(JOBS)

bench: release
	@build/release/bench/casus_bench --benchmark_min_time=0.2 --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
	@build/release/bench/casus_smp_bench
	@build/release/bench/casus_simulate_bench
	@bench/robustness_scaling.sh build/release/casus

# libFuzzer targets (clang, ASan + UBSan; docs/reliability.md): FUZZ_SECONDS per target, one at a time.
FUZZ_SECONDS ?= 30
fuzz-build: deps
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz -j $(JOBS)

fuzz: fuzz-build
	@fuzz/run.sh $(FUZZ_SECONDS)

# Rewrites the expected outputs of the declarative case tests; review them with `git diff`.
reset-cases: release
	@tests/cases/run_case.sh --reset-all build/release/casus

clean:
	rm -rf build
