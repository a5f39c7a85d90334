# SPDX-License-Identifier: GPL-2.0
#
# axvm: one Makefile drives everything. `make` builds, `make check` tests,
# `make demo` boots the reference machine. Each of them fetches what it
# needs first (scripts/deps.sh, through the rule for build/deps/paths.mk).

ARCH ?= arm64
# Every architecture axvm builds for (make all-arches builds each one).
ARCHES := arm64 riscv64 x86_64
ifeq ($(filter $(ARCH),$(ARCHES)),)
$(error ARCH=$(ARCH) is not one of: $(ARCHES))
endif
# Source directories carry Linux's name for the architecture (its SRCARCH):
# arch/riscv, inmates/lib/riscv, tests/selftests/riscv for ARCH=riscv64,
# arch/x86... for ARCH=x86_64. Build outputs, firmware names and ABI headers
# use ARCH.
SRCARCH := $(patsubst x86_64,x86,$(patsubst riscv64,riscv,$(ARCH)))
TOP := $(CURDIR)
BUILD := $(TOP)/build
OUT := $(BUILD)/$(ARCH)
HOST_OUT := $(BUILD)/host

GIT_REV := $(shell git -C $(TOP) describe --always --dirty --abbrev=8 2>/dev/null)
VERSION := $(shell cat $(TOP)/VERSION)$(if $(GIT_REV),-g$(GIT_REV))

Q := $(if $(V),,@)
MAKEFLAGS += --no-print-directory

.DEFAULT_GOAL := all
.PHONY: all all-arches deps module firmware tools inmates selftests check demo \
	clean distclean unit

# Dependencies: fetched on demand; paths.mk tells where they are.
DEPS_MK := $(BUILD)/deps/paths.mk
NO_DEPS_GOALS := clean distclean help
ifeq ($(filter-out $(NO_DEPS_GOALS),$(or $(MAKECMDGOALS),all)),)
else
-include $(DEPS_MK)
endif
# paths.mk names everything by architecture (and kernel): take ARCH's.
# $(call kvar,KDIR,6.12) is KDIR_<arch>_6.12.
KERNELS := $(KERNELS_$(ARCH))
kvar = $($(1)_$(ARCH)_$(2))
BUSYBOX := $(BUSYBOX_$(ARCH))
JSONC_INC := $(JSONC_INC_$(ARCH))
JSONC_LIB := $(JSONC_LIB_$(ARCH))
# The Linux the module is built for and the guest boots: the first of the
# fetched kernels unless KERNEL names another (make check KERNEL=6.12).
KERNEL ?= $(firstword $(KERNELS))
KDIR = $(call kvar,KDIR,$(KERNEL))
VMLINUZ = $(call kvar,VMLINUZ,$(KERNEL))
# The guest's root file system, one per kernel (it carries its modules).
INITRD = $(OUT)/linux-$(KERNEL)/initramfs.cpio.gz
ifneq ($(KERNELS),)
ifeq ($(filter $(KERNEL),$(KERNELS)),)
$(error KERNEL=$(KERNEL) is not one of the fetched kernels: $(KERNELS))
endif
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

include arch/$(SRCARCH)/arch.mk
include tools/tools.mk
include hypervisor/objects.mk
include driver/driver.mk
include inmates/inmates.mk
include tests/unit/unit.mk
include tests/selftests/selftests.mk
include tests/bench/bench.mk
include tests/qemu/qemu.mk
include tests/fuzz/fuzz.mk
include packaging/deb.mk

all: modules firmware tools inmates selftests bench-build

# make all-arches (and make check) builds these parts for every arch in
# ARCHES, each its own make run (tests/arches-build.sh).
ARCH_PARTS := firmware modules tools inmates selftests bench-build
ARCH_PARTS_arm64 := $(ARCH_PARTS)
ARCH_PARTS_riscv64 := $(ARCH_PARTS) deb-check
ARCH_PARTS_x86_64 := $(ARCH_PARTS) deb-check
ARCHES_ENV = TOP='$(TOP)' ARCHES='$(ARCHES)' ARCH_PARTS='$(ARCH_PARTS)' \
	$(foreach a,$(ARCHES),ARCH_PARTS_$(a)='$(ARCH_PARTS_$(a))') \
	ARCHES_LOG_DIR='$(BUILD)'
all-arches:
	$(Q)$(ARCHES_ENV) $(TOP)/tests/arches-build.sh

# The arches whose guest suites make check runs (CHECK_GUEST_ARCHES=arm64
# for arm64's alone). ARCH's runs once per kernel in CHECK_KERNELS (all of
# them unless KERNEL or CHECK_KERNELS says otherwise): "KERNEL,VMLINUZ,INITRD"
# each; another arch's runs on each of its kernels through its own make:
# "ARCH,KERNEL" each.
CHECK_GUEST_ARCHES ?= arm64 riscv64 x86_64
CHECK_KERNELS ?= $(if $(filter command line environment,$(origin KERNEL)),$(KERNEL),$(KERNELS))
GUEST_KERNELS = $(if $(filter $(ARCH),$(CHECK_GUEST_ARCHES)),$(CHECK_KERNELS))
GUEST_RUNS = $(foreach k,$(GUEST_KERNELS),$(k),$(call kvar,VMLINUZ,$(k)),$(OUT)/linux-$(k)/initramfs.cpio.gz)
OTHER_GUEST_RUNS = $(foreach a,$(filter-out $(ARCH),$(CHECK_GUEST_ARCHES)), \
	$(foreach k,$(KERNELS_$(a)),$(a),$(k)))
# Arches with a variant of their machine (arch.mk: QEMU_MACHINE_VARIANT),
# run for part of the suite on their first kernel: "ARCH,KERNEL" each.
VARIANT_ARCHES := riscv64
VARIANT_RUNS = $(foreach a,$(filter $(VARIANT_ARCHES),$(CHECK_GUEST_ARCHES)), \
	$(a),$(firstword $(KERNELS_$(a))))
check: all unit fuzz-build deb $(foreach k,$(GUEST_KERNELS),$(OUT)/linux-$(k)/initramfs.cpio.gz)
	$(Q)$(QEMU_ENV) $(DEB_TEST_ENV) $(ARCHES_ENV) HOST_AXVM_CTL='$(HOST_AXVM_CTL)' \
		UNIT_OUT='$(UNIT_OUT)' FUZZ_OUT='$(FUZZ_OUT)' GUEST_RUNS='$(GUEST_RUNS)' \
		OTHER_GUEST_RUNS='$(OTHER_GUEST_RUNS)' VARIANT_RUNS='$(VARIANT_RUNS)' \
		LOG_DIR=$(OUT) $(TOP)/tests/check.sh

clean:
	$(Q)rm -rf $(OUT) $(HOST_OUT)

distclean: clean
	$(Q)rm -rf $(BUILD)
.SECONDARY:
