# SPDX-License-Identifier: GPL-2.0
# The Linux module, built with Kbuild against the fetched kernel headers.
MODULE := $(TOP)/driver/axvm.ko
KBUILD_ARGS = -C $(KDIR) M=$(TOP) ARCH=$(KERNEL_ARCH) \
	CROSS_COMPILE=$(CROSS_COMPILE) AXVM_VERSION='$(VERSION)'

# Kbuild output is kept, minus its note that a module without vmlinux gets
# no BTF (true and harmless for an out-of-tree module).
module: $(DEPS_MK)
	@mkdir -p $(OUT)
	$(Q)$(MAKE) $(KBUILD_ARGS) modules > $(OUT)/kbuild.log 2>&1; rc=$$?; \
		grep -v 'Skipping BTF generation' $(OUT)/kbuild.log; exit $$rc
	@echo "  MODULE   driver/axvm.ko"

driver-clean:
	$(Q)[ -z "$(KDIR)" ] || $(MAKE) $(KBUILD_ARGS) clean
