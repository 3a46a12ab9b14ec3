# custnorm build and test entry points. `make test` is the whole suite (what
# CI runs); `make sample` runs the main job on the bundled sample data.
GO      ?= go
SHARED  ?= ../shared
FUZZTIME ?= 3s

.PHONY: test vet unit fuzz fuzz-long conformance sample generate wasm wasm-test wasm-bench

test: vet unit fuzz conformance wasm-test

vet:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	@if [ -d wasm ]; then GOOS=js GOARCH=wasm $(GO) vet ./wasm/...; fi
	@$(GO) mod tidy -diff || { echo "go.mod or go.sum is not tidy: run go mod tidy"; exit 1; }

unit:
	$(GO) test -count=1 ./...

# A short pass over every fuzz target; `make fuzz-long` for real fuzzing.
fuzz:
	FUZZTIME=$(FUZZTIME) scripts/fuzz.sh

fuzz-long:
	FUZZTIME=10m FUZZMINIMIZE=10s scripts/fuzz.sh

# The shared conformance vectors through the CLI, as a user runs it.
conformance:
	@if [ -f $(SHARED)/tools/conformance.py ]; then \
		python3 $(SHARED)/tools/conformance.py $(SHARED)/vectors/conformance.json; \
	else \
		echo "conformance: $(SHARED)/tools/conformance.py not found beside this checkout; the Go tests run testdata/conformance.json"; \
	fi

sample:
	$(GO) run ./cmd/custnorm convert --from secuconnect --to stancer testdata/sample/secuconnect.ndjson

# The CLI's speed and memory against jq (scripts/bench.sh): 1,000,000
# generated records, all cores and one, peak RSS at 1M and 4M. Opt-in: it
# takes minutes and needs jq (Debian package jq); `make test` does not run
# it. N=100000 RUNS=1 make bench for a quick look.
.PHONY: bench
bench:
	scripts/bench.sh

generate:
	$(GO) generate ./...

# The browser build (wasm/, see go doc ./wasm) into $(DIST)/, which is not
# committed: an npm package (npm pack in $(DIST) makes its tarball). The
# module, built with its version and revision (-X, see below); its
# package.json, wasm_exec.mjs (the wasm_exec.js of the same toolchain as a
# module that sets no globals) and the files of wasm/js (the ES module
# wrapper, the worker entry, their TypeScript declarations, the package
# README), LICENSE and the toolchain's LICENSE-go, all written by
# wasm/internal/gendist.
#
# The version: X.Y.Z when HEAD is tagged vX.Y.Z, else 0.0.0-dev.g<12 hex
# digits of HEAD> with .dirty appended when the work tree has changes (as
# git status --porcelain lists them), 0.0.0-dev outside a git checkout.
# `make wasm WASM_VERSION=1.2.3` sets it. It goes into package.json and,
# with the revision, into the module (api.version).
DIST      ?= dist
GOROOT_WASM := $(shell $(GO) env GOROOT)
WASM_EXEC  = $(GOROOT_WASM)/lib/wasm
WASM_REVISION ?= $(shell git rev-parse HEAD 2>/dev/null)
WASM_VERSION  ?= $(shell \
	if v=$$(git describe --tags --exact-match --match 'v[0-9]*' 2>/dev/null); then echo "$${v\#v}"; \
	elif r=$$(git rev-parse --short=12 HEAD 2>/dev/null); then \
		if [ -n "$$(git status --porcelain 2>/dev/null)" ]; then echo "0.0.0-dev.g$$r.dirty"; else echo "0.0.0-dev.g$$r"; fi; \
	else echo 0.0.0-dev; fi)
# The module's own packages are compiled without inlining for the browser
# (scripts/wasm-bench.sh builds its copies the same way): smaller functions
# reach V8's optimizing compiler later and compile faster ("Tier-up" in
# wasm/doc.go). The CLI and the library keep the compiler's default.
WASM_GCFLAGS = -gcflags='github.com/custnorm/custnorm/...=-l'
WASM_FLAGS = -trimpath $(WASM_GCFLAGS) -ldflags="-s -w -X main.version=$(WASM_VERSION) -X main.revision=$(WASM_REVISION)"
# gzip -9 size budget of custnorm.wasm; make wasm-bench says what
# is linked.
WASM_BUDGET_GZIP = 1600000

wasm:
	@mkdir -p $(DIST)
	GOOS=js GOARCH=wasm $(GO) build $(WASM_FLAGS) -o $(DIST)/custnorm.wasm ./wasm
	$(GO) run ./wasm/internal/gendist -dist $(DIST) -version '$(WASM_VERSION)' -goroot '$(GOROOT_WASM)'

# The wasm tests: the bridge inside js/wasm under Node (go_js_wasm_exec), the
# conformance corpus and the hostile arguments through dist/custnorm.mjs in
# Node (also from two worker threads) and in headless Chromium, the demo
# page in Chromium, and the npm package as a user gets it
# (wasm/js/test/package.test.mjs: npm pack, installed into a scratch
# project; Node, tsc --strict over the declarations, an esbuild bundle and
# a Vite build in Chromium). Every result must equal the Go library's on
# the host (written to $(DIST)/test/expected.json first), and the
# generated parts of wasm/js must be current (go test ./wasm).
# With CI=true a missing node, npm, chromium or tools/js/node_modules
# fails; locally the parts that need them are skipped with a message.
CHROMIUM ?= /usr/bin/chromium
JS_TOOLS  = tools/js/node_modules

wasm-test: wasm
	@mkdir -p $(DIST)/test
	CUSTNORM_EXPECTED_OUT=$(CURDIR)/$(DIST)/test/expected.json $(GO) test -count=1 -run '^(TestWriteExpected|TestGenerated)$$' ./wasm/
	PATH="$(WASM_EXEC):$$PATH" CUSTNORM_EXPECTED=$(CURDIR)/$(DIST)/test/expected.json GOOS=js GOARCH=wasm $(GO) test -count=1 ./wasm/
	@if GOOS=js GOARCH=wasm $(GO) list -deps ./wasm | grep -qE '^(golang.org/x/text/language/display|github.com/nyaruka/phonenumbers|google.golang.org/protobuf)(/|$$)'; then \
		echo "wasm-test: FAIL: the browser build links x/text's display names, phonenumbers or protobuf"; exit 1; \
	else echo "wasm-test: neither x/text's display names nor phonenumbers nor protobuf linked"; fi
	GOOS=js GOARCH=wasm $(GO) build $(WASM_FLAGS) -tags custnorm_testhooks -o $(DIST)/test/custnorm-testhooks.wasm ./wasm
	GOOS=js GOARCH=wasm $(GO) build $(WASM_FLAGS) -o $(DIST)/test/empty.wasm ./wasm/js/test/testdata/empty
	@missing=""; \
	command -v node >/dev/null || missing="$$missing node"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	[ -x "$(CHROMIUM)" ] || missing="$$missing chromium($(CHROMIUM))"; \
	for t in playwright-core typescript esbuild vite; do [ -d "$(JS_TOOLS)/$$t" ] || missing="$$missing $(JS_TOOLS)/$$t"; done; \
	if [ -n "$$missing" ]; then \
		if [ "$${CI:-}" = true ]; then echo "wasm-test: FAIL: missing$$missing (CI=true; npm ci --prefix tools/js)"; exit 1; fi; \
		echo "wasm-test: missing$$missing: running only what needs none of them (CI=true makes this an error)"; \
	fi; \
	if command -v node >/dev/null; then \
		CUSTNORM_DIST=$(CURDIR)/$(DIST) node --test wasm/js/test/node.test.mjs || exit 1; \
	else echo "wasm-test: SKIP Node tests (no node)"; fi; \
	if [ -z "$$missing" ]; then \
		CUSTNORM_DIST=$(CURDIR)/$(DIST) CHROMIUM=$(CHROMIUM) node --test wasm/js/test/browser.test.mjs || exit 1; \
		CUSTNORM_DIST=$(CURDIR)/$(DIST) CHROMIUM=$(CHROMIUM) node --test wasm/js/test/package.test.mjs || exit 1; \
	else echo "wasm-test: SKIP the Chromium and package tests"; fi
	@raw=$$(wc -c <$(DIST)/custnorm.wasm); gz=$$(gzip -9 -c $(DIST)/custnorm.wasm | wc -c); \
	echo "wasm-test: custnorm.wasm $$raw bytes, $$gz gzip -9 (budget $(WASM_BUDGET_GZIP); make wasm-bench says what is linked)"; \
	if [ $$gz -gt $(WASM_BUDGET_GZIP) ]; then echo "wasm-test: FAIL: over the size budget"; exit 1; fi

# Size (raw, gzip -9, brotli) against the budget, what is linked, and speed
# in headless Chromium: navigation start to the first validation result
# against an empty Go wasm program's start (fresh browsers, medians), the
# first 200 validate calls, warm calls (scripts/wasm-bench.sh).
wasm-bench: wasm
	scripts/wasm-bench.sh $(DIST)
