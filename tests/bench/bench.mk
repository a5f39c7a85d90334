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

# Each arch's figures go to build/bench/<arch>/results.json; results.json
# beside them holds every arch's measured so far, by arch name.
bench: $(INITRD) $(HV_ELF) $(INMATE_OUT)/bench.elf $(BENCH_QEMU)
	$(Q)$(QEMU_ENV) QEMU='$(or $(BENCH_QEMU),$(QEMU))' LOG=$(BUILD)/bench/$(ARCH)/guest.log \
		RESULTS=$(BUILD)/bench/$(ARCH)/results.json \
		ALL_RESULTS=$(BUILD)/bench/results.json TICK_NS=$(BENCH_TICK_NS) \
		HV_ELF='$(HV_ELF)' BENCH_ELF='$(INMATE_OUT)/bench.elf' \
		SIZE='$(CROSS_COMPILE)size' $(TOP)/tests/bench/run.sh

# An emulator of its own for the bench, where the arch names one (arch.mk).
$(BUILD)/deps/qemu-%/run $(BUILD)/deps/qemu-%/run-x86_64: $(TOP)/scripts/fetch-qemu.sh
	$(Q)$(TOP)/scripts/fetch-qemu.sh $(@D)
