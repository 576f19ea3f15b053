# Bedside: two commands for a fresh machine (see README.md).
#   make demo   install what is missing, build the release app, serve it on :8080
#   make test   install what is missing, then every check and test layer
SHELL := bash
export PATH := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(CURDIR)/node_modules/.bin:$(PATH)
PORT ?= 8080

.PHONY: demo test bootstrap build serve size clean

demo: build
	node scripts/serve.mjs --dir dist --port $(PORT)

test:
	scripts/test.sh

bootstrap:
	scripts/bootstrap.sh

build:
	scripts/bootstrap.sh --build
	trunk build --release

serve:
	node scripts/serve.mjs --dir dist --port $(PORT)

size:
	node e2e/bench/size-report.mjs

clean:
	rm -rf dist style/generated
	cargo clean
