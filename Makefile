# The two commands of the README: `make run` and `make test`. Each installs the Debian
# packages that are missing, configures and builds with CMake, then runs.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
CMAKE_FLAGS ?=
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
EXAMPLE ?= examples/software-delivery.gemba

.PHONY: all build test run bench screenshots examples format clean

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
	rm -rf $(BUILD_DIR) $(BUILD_DIR)-release
