# SPDX-License-Identifier: GPL-2.0
# The Linux module, built with Kbuild once for every fetched kernel from the
# same source. Kbuild writes its objects next to the sources (before 6.13
# there is no separate output directory for external modules), so each
# kernel gets a tree of links to the sources: build/<arch>/linux-<kernel>/src.
MODULE = $(OUT)/linux-$(KERNEL)/axvm.ko
MODULES = $(foreach k,$(KERNELS),$(OUT)/linux-$(k)/axvm.ko)
MODULE_SRCS = $(filter-out %.mod.c,$(wildcard $(TOP)/driver/*.[chS])) \
	$(TOP)/driver/Kbuild
kbuild_args = -C $(call kvar,KDIR,$(1)) M=$(OUT)/linux-$(1)/src ARCH=$(KERNEL_ARCH) \
	CROSS_COMPILE=$(CROSS_COMPILE) AXVM_VERSION='$(VERSION)' $(KBUILD_FIXUPS_$(ARCH))
# riscv64's headers are trixie's, built by bookworm's tools: they ask for
# gcc-14 (bookworm has 12; Debian's .kernelvariables turn the version check
# off, so name the cross compiler), and bookworm's pahole (1.24) refuses
# the --btf_features they pass it, so no module BTF.
KBUILD_FIXUPS_riscv64 := CC=$(CROSS_COMPILE)gcc CONFIG_DEBUG_INFO_BTF_MODULES=

.PHONY: module modules
module: $(MODULE)
modules: $(MODULES)

# Kbuild knows what is out of date, so it always runs; the copy only
# happens when the module changed, so that what depends on it stays put.
# Its note that a module without vmlinux gets no BTF is dropped (true and
# harmless for an out-of-tree module).
$(OUT)/linux-%/axvm.ko: FORCE $(DEPS_MK)
	@mkdir -p $(@D)/src/driver
	$(Q)ln -sfn $(TOP)/include $(@D)/src/include
	$(Q)ln -sf $(TOP)/Kbuild $(@D)/src/Kbuild
	$(Q)ln -sf $(MODULE_SRCS) $(@D)/src/driver/
	$(Q)find $(@D)/src/driver -xtype l -delete
	$(Q)$(MAKE) $(call kbuild_args,$*) modules > $(@D)/kbuild.log 2>&1; \
		rc=$$?; grep -v 'Skipping BTF generation' $(@D)/kbuild.log; \
		[ $$rc = 0 ] || exit $$rc
	$(Q)cmp -s $(@D)/src/driver/axvm.ko $@ || \
		{ cp $(@D)/src/driver/axvm.ko $@ && \
		  echo "  MODULE   $(patsubst $(TOP)/%,%,$@) (Linux $*)"; }
