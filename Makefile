# nnreport: `make report` writes output/index.html for the embedded MNIST sample; `make test` runs every test;
# `make install PREFIX=/usr/local` installs the tool.
SWIFT ?= swift
PREFIX ?= /usr/local

.PHONY: report test bench install uninstall setup setup-test release clean

report: setup release
	.build/release/nnreport generate

test: setup-test
	$(SWIFT) test

bench: setup release
	$(SWIFT) build -c release --product nnreport-bench
	.build/release/nnreport-bench all

# The Swift runtime is linked statically, so the installed tool needs no toolchain; see scripts/install.sh.
install: setup
	$(SWIFT) build -c release --product nnreport --static-swift-stdlib
	scripts/install.sh "$(DESTDIR)$(PREFIX)" .build/release

uninstall:
	rm -rf "$(DESTDIR)$(PREFIX)/lib/nnreport" "$(DESTDIR)$(PREFIX)/bin/nnreport"

setup:
	@scripts/setup.sh

setup-test:
	@scripts/setup.sh test

release:
	$(SWIFT) build -c release --product nnreport

clean:
	rm -rf .build output/*
