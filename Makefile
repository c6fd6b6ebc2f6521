# The two commands of the README: `make run` and `make test`. Each installs the Debian
# packages that are missing, configures and builds with CMake, then runs.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
CMAKE_FLAGS ?=
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
EXAMPLE ?= examples/software-delivery.gemba

.PHONY: all build test test-sanitize fuzz run bench screenshots examples format clean

all: build

build:
	@scripts/install-deps.sh build
	@$(MAKE) --no-print-directory compile

compile:
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS)
	cmake --build $(BUILD_DIR) -j $(JOBS)

test:
	@scripts/install-deps.sh test
	@$(MAKE) --no-print-directory compile
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

# The whole suite built with AddressSanitizer and UndefinedBehaviorSanitizer at -O1, halting
# on the first report; only what the tests need is built (no benchmarks).
SANITIZE_DIR ?= build-sanitize
test-sanitize:
	@scripts/install-deps.sh test
	cmake -S . -B $(SANITIZE_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
		-DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" -DGEMBA_SANITIZE=ON \
		-DGEMBA_BUILD_BENCH=OFF $(CMAKE_FLAGS)
	cmake --build $(SANITIZE_DIR) -j $(JOBS)
	ASAN_OPTIONS=halt_on_error=1:abort_on_error=1:detect_leaks=1:strict_string_checks=1 \
	UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/sanitize/lsan.supp:print_suppressions=0 \
		ctest --test-dir $(SANITIZE_DIR) --output-on-failure -j $(JOBS)

# Each fuzz harness of tests/fuzz under libFuzzer (clang) for FUZZ_SECONDS; crashing inputs
# land in tests/fuzz/crashers/<reader>/, where `make test` replays them.
FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
fuzz:
	@scripts/install-deps.sh fuzz
	CXX=clang++ cmake -S . -B $(FUZZ_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGEMBA_FUZZ=ON \
		-DGEMBA_BUILD_BENCH=OFF $(CMAKE_FLAGS)
	cmake --build $(FUZZ_DIR) -j $(JOBS) --target gemba_fuzzers
	scripts/fuzz.sh $(FUZZ_DIR) $(FUZZ_SECONDS)

run:
	@scripts/install-deps.sh run
	@$(MAKE) --no-print-directory compile
	@scripts/run.sh $(BUILD_DIR) $(EXAMPLE)

bench:
	@scripts/install-deps.sh bench
	@$(MAKE) --no-print-directory compile BUILD_TYPE=Release BUILD_DIR=$(BUILD_DIR)-release
	@scripts/bench.sh $(BUILD_DIR)-release

screenshots:
	@scripts/install-deps.sh test
	@$(MAKE) --no-print-directory compile
	@scripts/screenshots.sh $(BUILD_DIR)

examples:
	@$(MAKE) --no-print-directory build
	@scripts/make-examples.sh $(BUILD_DIR)

format:
	clang-format -i $$(git ls-files '*.cpp' '*.h')

clean:
	rm -rf $(BUILD_DIR) $(BUILD_DIR)-release $(SANITIZE_DIR) $(FUZZ_DIR)
