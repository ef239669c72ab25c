# nnreport: `make report` writes output/index.html for the embedded MNIST sample; `make test` runs every test.
SWIFT ?= swift

.PHONY: report test bench setup setup-test release clean

report: setup release
	.build/release/nnreport generate

test: setup-test
	$(SWIFT) test

bench: setup release
	$(SWIFT) build -c release --product nnreport-bench
	.build/release/nnreport-bench all

setup:
	@scripts/setup.sh

setup-test:
	@scripts/setup.sh test

release:
	$(SWIFT) build -c release --product nnreport

clean:
	rm -rf .build output/*
