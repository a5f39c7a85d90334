# SPDX-License-Identifier: GPL-2.0
# make bench: the figures of docs/performance.md, measured in the emulated
# machine under -icount shift=0. `make` (and so `make check`) builds the
# bench programs; only `make bench` runs them.

BENCH_OUT := $(OUT)/bench
BENCH_PROGS := $(addprefix $(BENCH_OUT)/,lifecycle workload)
BENCH_CFLAGS := -std=gnu11 -O2 -static -Wall -Wextra -Werror -D_GNU_SOURCE \
	-I$(TOP)/include

.PHONY: bench bench-build
bench-build: $(BENCH_PROGS)
$(BENCH_OUT)/%: $(TOP)/tests/bench/%.c $(DEPS_MK) $(TOP)/tests/selftests/axvm_util.h \
		$(wildcard $(TOP)/include/axvm/*.h)
	@mkdir -p $(@D)
	$(Q)$(CROSS_COMPILE)gcc $(BENCH_CFLAGS) -o $@ $<

bench: $(INITRD) $(HV_ELF) $(INMATE_OUT)/bench.elf
	$(Q)$(QEMU_ENV) LOG=$(BUILD)/bench/guest.log RESULTS=$(BUILD)/bench/results.json \
		HV_ELF='$(HV_ELF)' BENCH_ELF='$(INMATE_OUT)/bench.elf' \
		SIZE='$(CROSS_COMPILE)size' $(TOP)/tests/bench/run.sh
