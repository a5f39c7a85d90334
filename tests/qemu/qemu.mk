# SPDX-License-Identifier: GPL-2.0
# The emulated reference machine: initramfs, selftest runs and the demo.

QEMU_ENV = TOP='$(TOP)' ARCH='$(ARCH)' PLATFORM='$(PLATFORM)' QEMU='$(QEMU)' \
	QEMU_MACHINE='$(QEMU_MACHINE)' QEMU_APPEND='$(QEMU_APPEND)' \
	QEMU_BARE_MACHINE='$(QEMU_BARE_MACHINE)' VMLINUZ='$(VMLINUZ)' \
	INITRD='$(INITRD)' BUSYBOX='$(BUSYBOX)' MODULE='$(MODULE)' \
	GUEST_MODULES='$(GUEST_MODULES)' \
	FIRMWARE='$(FIRMWARE)' AXVM_CTL='$(TARGET_AXVM_CTL)' \
	HOST_AXVM_CTL='$(HOST_AXVM_CTL)' \
	INMATES='$(INMATE_BINS)' INMATE_ELFS='$(INMATE_BARE_ELFS)' \
	SELFTESTS='$(SELFTEST_BINS)' BENCH_PROGS='$(BENCH_PROGS)'

.PHONY: initramfs
initramfs: $(INITRD)
$(OUT)/linux-%/initramfs.cpio.gz: $(OUT)/linux-%/axvm.ko $(FIRMWARE) \
		$(TARGET_AXVM_CTL) $(HOST_AXVM_CTL) $(INMATE_BINS) $(BENCH_PROGS) \
		$(SELFTEST_BINS) $(wildcard $(TOP)/tests/qemu/* $(TOP)/configs/$(PLATFORM)/* \
		$(TOP)/tests/configs/$(PLATFORM)/*)
	$(Q)$(QEMU_ENV) MODULE='$<' KMODULES='$(call kvar,KMODULES,$*)' \
		$(TOP)/tests/qemu/initramfs.sh $@
	@echo "  INITRD   $(patsubst $(TOP)/%,%,$@)"

# An interactive shell when a terminal is attached; otherwise the demo runs
# and the machine powers off, so that `make demo` never waits forever.
demo: $(INITRD)
	$(Q)if [ -t 0 ] && [ -t 1 ]; then \
		echo "axvm demo: booting the reference machine; 'poweroff -f' or Ctrl-A X leaves"; \
		$(QEMU_ENV) $(TOP)/tests/qemu/boot.sh demo; \
	else \
		echo "axvm demo: no terminal attached, running the demo and powering off"; \
		$(QEMU_ENV) $(TOP)/tests/qemu/boot.sh demo-batch; \
	fi

# The demos alone on the bare machine (make check runs it for every arch).
.PHONY: bare-inmates
bare-inmates: $(INMATE_BARE_ELFS)
	$(Q)$(QEMU_ENV) $(TOP)/tests/qemu/bare-inmates.sh

# make soak [SOAK_ROUNDS=1000]: not part of make check (tests/qemu/soak.sh).
.PHONY: soak
soak: $(INITRD)
	$(Q)$(QEMU_ENV) LOG=$(OUT)/linux-$(KERNEL)/soak.log \
		EXTRA_APPEND="axvm_soak_rounds=$(or $(SOAK_ROUNDS),1000)" \
		$(TOP)/tests/qemu/soak.sh

# An arch's variant of its machine (arch.mk: riscv64's harts without Sstc),
# with the suites that tell the difference.
.PHONY: guest-tests-variant
guest-tests-variant: $(INITRD)
	$(Q)$(QEMU_ENV) QEMU_MACHINE='$(QEMU_MACHINE_VARIANT)' \
		LOG=$(OUT)/linux-$(KERNEL)/guest-tests-$(QEMU_VARIANT_NAME).log \
		EXTRA_APPEND="axvm_suites=$(QEMU_VARIANT_SUITES)" \
		GUEST_NAME='guest-$(ARCH)-$(QEMU_VARIANT_NAME)' $(TOP)/tests/qemu/guest-tests.sh

.PHONY: guest-tests
GUEST_NAME ?= guest-$(KERNEL)
# SUITES=a,b runs only those; an arch whose port is growing runs the ones
# its arch.mk names (GUEST_SUITES) unless SUITES says otherwise.
guest-tests: $(INITRD)
	$(Q)$(QEMU_ENV) LOG=$(OUT)/linux-$(KERNEL)/guest-tests.log \
		EXTRA_APPEND="$(if $(or $(SUITES),$(GUEST_SUITES)),axvm_suites=$(or $(SUITES),$(GUEST_SUITES)))" \
		GUEST_NAME='$(GUEST_NAME)' $(TOP)/tests/qemu/guest-tests.sh
