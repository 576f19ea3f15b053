# Bedside: two commands for a fresh machine (see README.md; the book is docs/).
#   make demo   install what is missing, build the release app, start the sandbox
#               FHIR and sign-on servers, serve the app on :8080
#   make test   install what is missing, then every check and test layer
#   make gallery  build the component gallery (a site of its own) and serve
#               it on :8081/gallery/
#   make docs   the book, the API reference and the gallery as one site in
#               target/site, every internal link checked
#   make prototype  the app in prototype mode (scenarios answered in the
#               browser, persona sign-in) with the gallery, as one static
#               folder, dist-prototype/ (docs/prototypes.md)
SHELL := bash
export PATH := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(CURDIR)/node_modules/.bin:$(PATH)
PORT ?= 8080
# A panic's location names its source file, and the first load carries
# dozens under the same long registry path (…/registry/src/index.crates.io-
# <hash>/tachys-0.2.19/src/…): shortened to the crate's own path, which still
# says where (about 0.3 KB brotli). The path is this machine's Cargo home,
# so it is worked out here, not written in .cargo/config.toml; Cargo joins
# these flags to that file's. (The index's hash is Cargo's for crates.io.)
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS := --remap-path-prefix=$(abspath $(or $(CARGO_HOME),$(HOME)/.cargo))/registry/src/index.crates.io-1949cf8c6b5b557f/=
GALLERY_PORT ?= 8081

.PHONY: demo test check registry bootstrap build gallery gallery-build docs serve sandbox size bench clean starter prototype

demo: build
	scripts/bootstrap.sh --demo
	PORT=$(PORT) scripts/demo.sh

test:
	scripts/test.sh

# The inner loop while developing (CONTRIBUTING.md): fmt, clippy for the
# host, native tests; with SPEC=<file pattern> or GREP=<title pattern>, also
# the release build and those Playwright specs (SPEC=gallery, GREP="ward list").
check:
	SPEC="$(SPEC)" GREP="$(GREP)" scripts/check.sh

# What the app registers (components, examples, tools), for the end-to-end
# specs' expected lists: printed by app/examples/registry.rs.
registry:
	node scripts/registry.mjs

bootstrap:
	scripts/bootstrap.sh

build:
	scripts/bootstrap.sh --build
	trunk build --release

# The component gallery: every component's examples, for designers and trust
# developers, as a site of its own under /gallery/ (the ward app has none of
# it). The same production headers as the app.
gallery: gallery-build
	node scripts/serve.mjs --dir dist-gallery --port $(GALLERY_PORT) --base /gallery/

gallery-build:
	scripts/bootstrap.sh --build
	trunk build --release --public-url /gallery/ --dist dist-gallery gallery/index.html

# Prototype mode for designers: dist-prototype/, for any static host
# (python3 -m http.server --directory dist-prototype 8090). After editing a
# scenario, `node scripts/prototype-assets.mjs` alone brings it in.
prototype: gallery-build registry
	scripts/prototype.sh

# The starter (templates/trust-app) as a trust builds it: from the packaged
# crates, outside this workspace, then its journey in Chromium against the
# sandbox (scripts/starter.sh; `--build` to stop after the build).
starter:
	scripts/bootstrap.sh --demo
	scripts/starter.sh

# The docs site: the book (docs/), rustdoc and the gallery in target/site,
# every internal link checked (scripts/docs.sh). Serve it with any static
# server: cd target/site && python3 -m http.server.
docs: gallery-build registry
	scripts/bootstrap.sh --docs
	scripts/docs.sh

# The release build with production headers, set up for `make sandbox` (run
# that in another terminal): the sandbox's settings as /config.json, whose
# FHIR server and sign-on issuer the CSP allows.
serve:
	node scripts/serve.mjs --dir dist --port $(PORT) --config $${BEDSIDE_CONFIG:-config/sandbox.json}

# The sandbox servers alone, in the foreground (SANDBOX_DATA=large for 10,000 patients).
sandbox:
	scripts/bootstrap.sh --demo
	e2e/node_modules/.bin/node --max-old-space-size=6144 e2e/sandbox/start.mjs

size:
	node e2e/bench/size-report.mjs

# Benchmarks with same-run baselines: FHIR decode vs JSON.parse; sizes (and
# the budgets); load time with the CPU 4x slower vs the same page as static
# HTML; a nurse's journey from sign-in to Observations (CPU 4x slower, 40 ms
# latency, 10 Mbit/s): each step's time, bytes and requests.
bench: build
	scripts/bootstrap.sh
	scripts/bench.sh --all
	node e2e/bench/size-report.mjs
	node e2e/bench/load-time.mjs
	node e2e/bench/journey.mjs

clean:
	rm -rf dist dist-gallery dist-prototype style/generated
	cargo clean
