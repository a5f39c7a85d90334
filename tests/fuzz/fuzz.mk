# SPDX-License-Identifier: GPL-2.0
# libFuzzer targets for the pure code that reads untrusted input. `make
# check` runs each for FUZZ_SECONDS (default 15); `make fuzz` for longer.
# Corpora live in build/host/fuzz/ and grow between runs; the seeds come
# from configs/.

FUZZ_OUT := $(HOST_OUT)/fuzz
FUZZ_TARGETS := fuzz_config_json fuzz_config_check
FUZZ_BINS := $(addprefix $(FUZZ_OUT)/,$(FUZZ_TARGETS))
FUZZ_CFLAGS := -g -O1 -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=undefined -D_GNU_SOURCE \
	-I$(TOP)/include -I$(TOP)/tools -I$(TOP)/tests/fuzz
FUZZ_SRCS := $(addprefix $(TOP)/tools/,$(TOOL_CONFIG_SRCS))

fuzz-build: $(FUZZ_BINS) $(FUZZ_OUT)/seeds.stamp
.PHONY: fuzz fuzz-build

$(FUZZ_OUT)/%: $(TOP)/tests/fuzz/%.c $(FUZZ_SRCS) $(TOP)/tests/fuzz/fuzz_common.h \
		$(TOP)/tests/unit/riscv64_reference.h $(TOP)/tests/unit/x86_64_reference.h \
		$(wildcard $(TOP)/include/axvm/* $(TOP)/tools/*.h) $(DEPS_MK)
	@mkdir -p $(@D)
	$(Q)clang $(FUZZ_CFLAGS) -o $@ $< $(FUZZ_SRCS) -ljson-c

# Seeds: every shipped JSON config, and its binary form behind each of the
# nine mode bytes of fuzz_config_check (three checks, three architectures).
$(FUZZ_OUT)/seeds.stamp: $(wildcard $(TOP)/configs/*/*.json) $(HOST_AXVM_CTL)
	@mkdir -p $(FUZZ_OUT)/corpus/fuzz_config_json $(FUZZ_OUT)/corpus/fuzz_config_check
	$(Q)for f in $(TOP)/configs/*/*.json; do \
		n=$$(basename $$(dirname $$f))-$$(basename $$f .json); \
		cp $$f $(FUZZ_OUT)/corpus/fuzz_config_json/seed-$$n.json; \
		$(HOST_AXVM_CTL) config compile $$f -o $(FUZZ_OUT)/seed.bin || exit 1; \
		for m in 0 1 2 3 4 5 6 7 8; do \
			{ printf "\\$$(printf %o $$m)"; cat $(FUZZ_OUT)/seed.bin; } \
				> $(FUZZ_OUT)/corpus/fuzz_config_check/seed-$$n-$$m; \
		done; \
	done
	$(Q)touch $@

FUZZ_SECONDS ?= 300
fuzz: fuzz-build
	$(Q)for t in $(FUZZ_TARGETS); do \
		$(FUZZ_OUT)/$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
			-rss_limit_mb=2048 $(FUZZ_OUT)/corpus/$$t || exit 1; \
	done
