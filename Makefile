# buflsp build, test and measurement targets. `make help` lists them.

GO        ?= go
PKGS      ?= ./...
FUZZTIME  ?= 20s
BENCHTIME ?= 1s
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
COMMIT    ?= $(shell git rev-parse HEAD 2>/dev/null || echo unknown)
LDFLAGS   := -X main.version=$(VERSION) -X main.commit=$(COMMIT)
# The platforms `make vscode` packages, named as vsce --target names them.
VSCODE_TARGETS ?= linux-x64 linux-arm64 darwin-x64 darwin-arm64 win32-x64
# staticcheck is pinned so every checkout sees the same findings; v0.8.2 loads Go 1.26 code.
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2

.PHONY: help build install test oracles vet staticcheck bench fuzz conformance vscode test-vscode clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 16

# buflsp needs no C: without cgo the binary is static, and a static binary
# starts about 1 ms sooner (no dynamic loader), which is most of what
# `buflsp run hello.lua` costs beyond the Go runtime itself.
build: ## build bin/buflsp (static, without cgo)
	CGO_ENABLED=0 $(GO) build -ldflags "$(LDFLAGS)" -o bin/buflsp ./cmd/buflsp

install: ## go install the buflsp command (static, without cgo)
	CGO_ENABLED=0 $(GO) install -ldflags "$(LDFLAGS)" ./cmd/buflsp

oracles: ## install the reference programs the tests compare against (luajit, lua5.1, lua5.4, luacheck, nvim)
	bash scripts/install-oracles.sh

vet: ## go vet every package
	$(GO) vet $(PKGS)

staticcheck: ## run the pinned staticcheck on every package
	$(GO) run $(STATICCHECK) $(PKGS)

test: oracles vet staticcheck ## install missing oracles, vet and staticcheck, then run every test
	$(GO) test -count=1 -timeout 45m $(PKGS)

bench: oracles ## run the benchmarks and print one table (BENCHTIME=1s by default)
	bash scripts/bench.sh "$(BENCHTIME)"

fuzz: ## run every fuzz target for FUZZTIME each
	bash scripts/fuzz.sh "$(FUZZTIME)"

conformance: oracles build ## compare our parser with luajit, lua5.1..lua5.4 on DIR (make conformance DIR=path [ORACLE=lua5.4])
	$(GO) run ./internal/tools/conformance $(if $(ORACLE),-oracle $(ORACLE)) $(DIR)

vscode: ## build one .vsix per platform with its server inside, dist/buflsp-vscode-<target>.vsix (VSCODE_TARGETS=linux-x64 ... for a subset)
	mkdir -p dist
	cd editors/vscode && npm ci --no-audit --no-fund --loglevel=error && npm test --silent
	LDFLAGS="$(LDFLAGS)" bash scripts/vscode-package.sh $(VSCODE_TARGETS)

test-vscode: ## end-to-end test of the extension in code-server + chromium (ONLY=diagnostics,hover,... for a subset)
	bash scripts/vscode-e2e.sh $(if $(ONLY),--only $(ONLY))

clean:
	rm -rf bin dist
