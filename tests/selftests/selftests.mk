# SPDX-License-Identifier: GPL-2.0
# kselftest programs that run inside the emulated machine against
# /dev/axvm, built statically for the target with Debian's own
# kselftest_harness.h.

# The common tests, and those of one architecture (tests/selftests/<arch>/).
SELFTESTS := $(basename $(notdir $(wildcard $(TOP)/tests/selftests/*_test.c \
	$(TOP)/tests/selftests/$(SRCARCH)/*_test.c)))
SELFTEST_OUT := $(OUT)/selftests
SELFTEST_BINS := $(addprefix $(SELFTEST_OUT)/,$(SELFTESTS))
# <arch_facts.h> is the arch's (tests/selftests/<arch>/): what the common
# tests need to know of the arch that no config says.
SELFTEST_CFLAGS := -std=gnu11 -O2 -g -static -Wall -Wextra -Werror \
	-Wno-sign-compare -Wno-unused-parameter -D_GNU_SOURCE -I$(TOP)/include \
	-I$(TOP)/tests/selftests -I$(TOP)/tests/selftests/$(SRCARCH) -isystem $(KSELFTEST_INC)
# What every selftest is linked with: the platform's facts from the
# installed configs, the root's devices by address.
SELFTEST_LIB := $(addprefix $(TOP)/tests/selftests/,configs.c devices.c)

selftests: $(SELFTEST_BINS)

SELFTEST_DEPS := $(wildcard $(TOP)/tests/selftests/*.h $(TOP)/tests/selftests/$(SRCARCH)/*.h) \
	$(SELFTEST_LIB) $(DEPS_MK) $(wildcard $(TOP)/include/axvm/*.h $(TOP)/include/axvm/arch/*/*.h)
$(SELFTEST_OUT)/%: $(TOP)/tests/selftests/%.c $(SELFTEST_DEPS)
	@mkdir -p $(@D)
	$(Q)$(CROSS_COMPILE)gcc $(SELFTEST_CFLAGS) -o $@ $< $(SELFTEST_LIB)
$(SELFTEST_OUT)/%: $(TOP)/tests/selftests/$(SRCARCH)/%.c $(SELFTEST_DEPS)
	@mkdir -p $(@D)
	$(Q)$(CROSS_COMPILE)gcc $(SELFTEST_CFLAGS) -o $@ $< $(SELFTEST_LIB)
