# SPDX-License-Identifier: GPL-2.0
# kselftest programs that run inside the emulated machine against
# /dev/axvm, built statically for the target with Debian's own
# kselftest_harness.h.

# The common tests, and those of one architecture (tests/selftests/<arch>/).
SELFTESTS := $(basename $(notdir $(wildcard $(TOP)/tests/selftests/*_test.c \
	$(TOP)/tests/selftests/$(SRCARCH)/*_test.c)))
SELFTEST_OUT := $(OUT)/selftests
SELFTEST_BINS := $(addprefix $(SELFTEST_OUT)/,$(SELFTESTS))
SELFTEST_CFLAGS := -std=gnu11 -O2 -g -static -Wall -Wextra -Werror \
	-Wno-sign-compare -Wno-unused-parameter -D_GNU_SOURCE -I$(TOP)/include -isystem $(KSELFTEST_INC)

selftests: $(SELFTEST_BINS)

SELFTEST_DEPS := $(TOP)/tests/selftests/axvm_util.h $(DEPS_MK) \
	$(wildcard $(TOP)/include/axvm/*.h $(TOP)/include/axvm/arch/*/*.h)
$(SELFTEST_OUT)/%: $(TOP)/tests/selftests/%.c $(SELFTEST_DEPS)
	@mkdir -p $(@D)
	$(Q)$(CROSS_COMPILE)gcc $(SELFTEST_CFLAGS) -o $@ $<
$(SELFTEST_OUT)/%: $(TOP)/tests/selftests/$(SRCARCH)/%.c $(SELFTEST_DEPS)
	@mkdir -p $(@D)
	$(Q)$(CROSS_COMPILE)gcc $(SELFTEST_CFLAGS) -o $@ $<
