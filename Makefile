# The two commands a fresh Debian bookworm machine needs: `make run` and `make test`.
# Each installs what is missing (scripts/bootstrap), configures and builds with CMake presets.

JOBS ?= 2
CTEST_JOBS ?= 2

.PHONY: run tour test setup build release test-asan lint format bench fuzz fuzz-smoke clean

DEMO_PROJECT ?= build/demo/demo-study.thematica
PORT ?= 8470

# The browser workspace on the demo study (made from examples/demo-study/ on first run).
run: release
	scripts/demo-study build/release/thematica $(DEMO_PROJECT)
	build/release/thematica -p $(DEMO_PROJECT) serve --port $(PORT)

# The README's command-line tour, in a temporary home folder.
tour: release
	home=$$(mktemp -d) && trap 'rm -rf "$$home"' EXIT && scripts/run-tutorial build/release/thematica "$$home" \
	  --doc README.md --from "the tour starts here" --until "the tour ends here"

test: build
	ctest --preset dev -j $(CTEST_JOBS)

setup:
	scripts/bootstrap

build: setup
	cmake --preset dev >/dev/null
	cmake --build --preset dev -j $(JOBS)

release: setup
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)

test-asan: setup
	cmake --preset asan >/dev/null
	cmake --build --preset asan -j $(JOBS)
	ctest --preset asan -j $(CTEST_JOBS)

# Style and static checks, as CI runs them.
lint: build
	scripts/lint

format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i
	cd web && npx prettier --write src ../tests/e2e

bench: release
	build/release/bench/thematica_bench
	build/release/bench/thematica_agreement_bench
	build/release/bench/thematica_report_bench
	build/release/bench/thematica_pseudonymisation_bench
	node bench/workspace.mjs build/release/thematica

# libFuzzer targets, one per reader: a long run (FUZZ_SECONDS per target), and CI's short one.
FUZZ_SECONDS ?= 600
fuzz: setup
	scripts/fuzz $(FUZZ_SECONDS)

fuzz-smoke: setup
	scripts/fuzz 15

clean:
	rm -rf build
