# SPDX-License-Identifier: GPL-2.0
#
# axvm: one Makefile drives everything. `make` builds, `make check` tests,
# `make demo` boots the reference machine. Each of them fetches what it
# needs first (scripts/deps.sh, through the rule for build/deps/paths.mk).

ARCH ?= arm64
TOP := $(CURDIR)
BUILD := $(TOP)/build
OUT := $(BUILD)/$(ARCH)
HOST_OUT := $(BUILD)/host

GIT_REV := $(shell git -C $(TOP) describe --always --dirty --abbrev=8 2>/dev/null)
VERSION := $(shell cat $(TOP)/VERSION)$(if $(GIT_REV),-g$(GIT_REV))

Q := $(if $(V),,@)
MAKEFLAGS += --no-print-directory

.DEFAULT_GOAL := all
.PHONY: all deps module firmware tools inmates selftests check demo clean \
	distclean unit

# Dependencies: fetched on demand; paths.mk tells where they are.
DEPS_MK := $(BUILD)/deps/paths.mk
NO_DEPS_GOALS := clean distclean help
ifeq ($(filter-out $(NO_DEPS_GOALS),$(or $(MAKECMDGOALS),all)),)
else
-include $(DEPS_MK)
endif
$(DEPS_MK): $(TOP)/scripts/deps.sh
	$(Q)$(TOP)/scripts/deps.sh
	$(Q)touch $@
deps: $(DEPS_MK)

# Files that compile the version in depend on this, so they follow git.
VERSION_STAMP := $(OUT)/version.stamp
$(VERSION_STAMP): FORCE
	@mkdir -p $(@D)
	@echo '$(VERSION)' | cmp -s - $@ || echo '$(VERSION)' > $@
.PHONY: FORCE

include arch/$(ARCH)/arch.mk
include tools/tools.mk
include hypervisor/objects.mk
include driver/driver.mk
include inmates/inmates.mk
include tests/unit/unit.mk
include tests/selftests/selftests.mk
include tests/qemu/qemu.mk
include tests/fuzz/fuzz.mk
include tests/bench/bench.mk

all: module firmware tools inmates selftests bench-build

check: all unit fuzz-build $(INITRD)
	$(Q)$(QEMU_ENV) HOST_AXVM_CTL='$(HOST_AXVM_CTL)' UNIT_OUT='$(UNIT_OUT)' \
		FUZZ_OUT='$(FUZZ_OUT)' \
		LOG=$(OUT)/guest-tests.log $(TOP)/tests/check.sh

clean:
	$(Q)rm -rf $(OUT) $(HOST_OUT)
	$(Q)$(MAKE) -s -C $(TOP) -f driver/driver.mk driver-clean 2>/dev/null || true
	$(Q)find $(TOP)/driver \( -name '*.o' -o -name '*.ko' -o -name '*.mod' \
		-o -name '*.mod.c' -o -name '.*.cmd' -o -name 'modules.order' \
		-o -name 'Module.symvers' \) -delete
	$(Q)rm -f $(TOP)/modules.order $(TOP)/Module.symvers

distclean: clean
	$(Q)rm -rf $(BUILD)
.SECONDARY:
